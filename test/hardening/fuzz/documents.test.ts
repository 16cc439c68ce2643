/**
 * Issue 12 item 4: property-based fuzzing of the format's document readers (timeline, snapshot,
 * view, lab-report). Every input is arbitrary JSON, JSON text, or a real document with random
 * changes. A reader may refuse it only with a FormatError; a document it accepts must be usable
 * as the reader promises — a timeline decodes, gives a snapshot at every step and a valid view; a
 * view and a snapshot draw; a lab report reads back equal — or the result was silently wrong.
 */
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compare } from '../../../src/alloc-lab/compare';
import { decodeTimeline, encodeTimeline } from '../../../src/engine/timeline/document';
import { EXAMPLES } from '../../../src/examples/index';
import { FormatError } from '../../../src/format/errors';
import { checkLabReport, type LabReport } from '../../../src/format/lab-report';
import { readSnapshot } from '../../../src/format/snapshot';
import { readTimeline } from '../../../src/format/timeline';
import { checkView } from '../../../src/format/view';
import { fitView } from '../../../src/views/budget';
import { mainSpecs, regionSplitSpec } from '../../../src/views/charts';
import { diagramSvg } from '../../../src/views/diagram';
import { makeView, toView } from '../../../src/views/view';
import { fuzz, mutated, refusedWith, WrongResult, type Outcome } from './fuzz';

const timelines = ['three-regions', 'vec-growth', 'ownership', 'vec-of-strings'].map((name) => EXAMPLES.find((e) => e.name === name)!.run());
const encoded = timelines.map((t) => encodeTimeline(t));
/** The same documents with plain integer columns, so a change hits one event's field. */
const plain = timelines.map((t) => {
  const doc = JSON.parse(JSON.stringify(encodeTimeline(t)));
  for (const [group, columns] of [['events', t.events], ['metrics', t.metrics]] as const) {
    for (const [name, column] of Object.entries(columns)) doc[group].columns[name] = Array.from(column as ArrayLike<number>).slice(0, t.length);
  }
  return doc;
});
const views = timelines.map((t) => makeView(t));
const snapshots = timelines.map((t) => t.snapshot(Math.floor(t.length / 2)));

/** What a renderer does with a view: fit it, build its charts, draw each snapshot. */
function draw(view: ReturnType<typeof checkView>): void {
  const fitted = fitView(view).view;
  mainSpecs(fitted);
  for (const s of fitted.snapshots.items.slice(0, 3)) {
    diagramSvg(s);
    regionSplitSpec(fitted, s.step);
  }
}

function judgeTimeline(input: unknown): Outcome {
  let columns;
  try {
    columns = readTimeline(input, 'fuzz.json');
  } catch (err) {
    return refusedWith(err, FormatError);
  }
  // Accepted: the engine must be able to use it as it is, at every step.
  try {
    const t = decodeTimeline(input, 'fuzz.json');
    for (let step = -1; step < t.length; step++) t.snapshot(step);
    draw(checkView(JSON.parse(JSON.stringify(makeView(t)))));
  } catch (err) {
    throw new WrongResult(`readTimeline accepted a document (${columns.count} events) the engine cannot use: ${(err as Error).stack}`);
  }
  return 'accepted';
}

function judgeView(input: unknown): Outcome {
  let view;
  try {
    view = toView(input, 'fuzz.json');
  } catch (err) {
    return refusedWith(err, FormatError);
  }
  try {
    draw(view);
  } catch (err) {
    throw new WrongResult(`the view reader accepted a view the renderer cannot draw: ${(err as Error).stack}`);
  }
  return 'accepted';
}

const envelope = (kind: string) => fc.record({
  format: fc.constant('memscope'), version: fc.constantFrom(1, 1, 2, 0), kind: fc.constant(kind),
  meta: fc.jsonValue({ maxDepth: 2 }), events: fc.jsonValue({ maxDepth: 2 }), metrics: fc.jsonValue({ maxDepth: 2 }),
  strings: fc.jsonValue({ maxDepth: 1 }), values: fc.jsonValue({ maxDepth: 2 }), series: fc.jsonValue({ maxDepth: 2 }),
  snapshots: fc.jsonValue({ maxDepth: 2 }), results: fc.jsonValue({ maxDepth: 2 }),
}, { requiredKeys: ['format', 'version', 'kind'] });

describe('document readers under fuzzing', () => {
  test('timeline: arbitrary JSON and envelopes of junk', async () => {
    await fuzz('timeline reader: arbitrary JSON', fc.oneof(fc.jsonValue(), envelope('timeline')), 60, judgeTimeline);
  });

  test('timeline: real documents with random changes (plain and encoded columns)', async () => {
    await fuzz('timeline reader: changed documents', fc.oneof(...plain.map(mutated), ...encoded.map(mutated)), 120, judgeTimeline);
  });

  test('timeline: JSON text cut short or with a byte changed', async () => {
    const texts = encoded.map((d) => JSON.stringify(d));
    const cut = fc.record({ doc: fc.nat({ max: texts.length - 1 }), at: fc.nat(), byte: fc.integer({ min: 0, max: 0x7f }), how: fc.boolean() })
      .map(({ doc, at, byte, how }) => {
        const text = texts[doc]!;
        const i = at % text.length;
        return how ? text.slice(0, i) : `${text.slice(0, i)}${String.fromCharCode(byte)}${text.slice(i + 1)}`;
      });
    await fuzz('timeline reader: damaged JSON text', fc.oneof(cut, fc.string()), 80, judgeTimeline);
  });

  test('view: random changes to real views, and junk', async () => {
    await fuzz('view reader: changed views', fc.oneof(...views.map(mutated), envelope('view')), 120, judgeView);
  });

  test('snapshot: random changes to real snapshots', async () => {
    await fuzz('snapshot reader: changed snapshots', fc.oneof(...snapshots.map(mutated), envelope('snapshot')), 120, (input) => {
      let snapshot;
      try {
        snapshot = readSnapshot(input, 'fuzz.json');
      } catch (err) {
        return refusedWith(err, FormatError);
      }
      try {
        diagramSvg(snapshot);
      } catch (err) {
        throw new WrongResult(`readSnapshot accepted a snapshot the diagram cannot draw: ${(err as Error).stack}`);
      }
      return 'accepted';
    });
  });

  describe('lab-report', () => {
    let report: LabReport;
    beforeAll(async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-fuzz-'));
      const trace = path.join(dir, 'small.jsonl');
      fs.writeFileSync(trace, ['#memscope-trace v1', ...Array.from({ length: 40 }, (_, i) => (i % 3 === 2
        ? `{"op":"free","id":"b${i - 1}"}`
        : `{"op":"alloc","id":"b${i}","size":${16 * (i + 1)},"align":16}`))].join('\n'));
      report = JSON.parse(JSON.stringify(await compare([trace], { policies: ['first-fit', 'buddy'], jobs: 1, analyses: true })));
      fs.rmSync(dir, { recursive: true });
    }, 60_000);

    test('random changes to a real report: refused with a path, or read back as written', async () => {
      await fuzz('lab-report reader: changed reports', fc.oneof(mutated(report), envelope('lab-report')), 120, (input) => {
        let read;
        try {
          read = checkLabReport(input, 'fuzz.json');
        } catch (err) {
          return refusedWith(err, FormatError);
        }
        // Accepted: reading it again (as text) gives the same report.
        const again = checkLabReport(JSON.stringify(read), 'again.json');
        if (JSON.stringify(again) !== JSON.stringify(read)) throw new WrongResult('a lab report read back differently the second time');
        return 'accepted';
      });
    });
  });
});
