/**
 * Issue 12 item 11: timeline documents were checked for shape, not meaning. 281 frees of a
 * never-allocated block or negative metrics loaded as valid; `count: 1e15` threw a bare
 * RangeError with no path; `count: 4e8` made the reader allocate 3.2 GB before rejecting a 38 KB
 * file. Now the reader replays the events (src/format/consistency.ts) and names the first
 * inconsistent one by its JSON path, and a count is bounded by what the columns can hold before
 * anything is allocated. Every timeline the engine writes still passes.
 */
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { rustProgram } from '../../src/api/program';
import { encodeTimeline } from '../../src/engine/timeline/document';
import { EXAMPLES } from '../../src/examples/index';
import { FormatError } from '../../src/format/errors';
import { EventKind, EVENT_COLUMNS, METRIC_COLUMNS } from '../../src/format/events';
import { readTimeline } from '../../src/format/timeline';
import { toView } from '../../src/views/view';
import { initRust, runRustSync } from '../../src/rust';
import { loadRustPrograms } from '../oracle/rust-sources';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';

type Doc = Record<string, any>;

const run = rustProgram((rs) => rs.main(() => {
  const s = rs.let_mut('s', rs.String.from('hi'));
  s.push_str(' there, a longer text');
  const v = rs.let_mut('v', rs.Vec.new('u64'));
  for (let i = 0; i < 5; i++) v.push(rs.u64(i));
}), { title: 'consistent' });

/** The document with plain integer-array columns, easy to edit. */
function plainDoc(): Doc {
  const cols = readTimeline(encodeTimeline(run));
  const doc = JSON.parse(JSON.stringify(encodeTimeline(run)));
  for (const c of EVENT_COLUMNS) doc.events.columns[c] = [...cols.events[c]];
  for (const c of METRIC_COLUMNS) doc.metrics.columns[c] = [...cols.metrics[c]];
  return doc;
}

/** Appends one event (fields default to -1/0) with the metrics of the last one. */
function append(doc: Doc, fields: Partial<Record<(typeof EVENT_COLUMNS)[number], number>>): number {
  const at = doc.events.count;
  for (const c of EVENT_COLUMNS) doc.events.columns[c].push(fields[c] ?? (['kind', 'size', 'addr', 'align', 'aux', 'aux2', 'ownerKind'].includes(c) ? 0 : -1));
  for (const c of METRIC_COLUMNS) doc.metrics.columns[c].push(doc.metrics.columns[c][at - 1]);
  doc.events.count++;
  return at;
}

function errorOf(input: unknown): FormatError {
  try {
    readTimeline(input, 'bad.json');
  } catch (err) {
    expect(err).toBeInstanceOf(FormatError);
    return err as FormatError;
  }
  throw new Error('the document was accepted');
}

describe('the reader replays the events and names the first inconsistent one', () => {
  test('281 frees of a block never allocated: the first is named', () => {
    const doc = plainDoc();
    const first = doc.events.count;
    for (let i = 0; i < 281; i++) append(doc, { kind: EventKind.HeapFree, a: 9999, size: 16 });
    const err = errorOf(doc);
    expect(err.path).toBe(`events.columns.a[${first}]`);
    expect(err.message).toMatch(/^bad\.json: events\.columns\.a\[\d+\]: expected the id of a live heap block: event \d+ \(free\) names block 9999, which is not allocated/);
  });

  test('a block freed twice', () => {
    const doc = plainDoc();
    const alloc = doc.events.columns.kind.indexOf(EventKind.HeapAlloc);
    const free = doc.events.columns.kind.indexOf(EventKind.HeapFree);
    expect(alloc).toBeGreaterThanOrEqual(0);
    expect(free).toBeGreaterThan(alloc);
    const id = doc.events.columns.a[free];
    const size = doc.events.columns.size[free];
    const at = append(doc, { kind: EventKind.HeapFree, a: id, size });
    doc.metrics.columns.heapBlocks[at] -= 1;
    expect(errorOf(doc).path).toBe(`events.columns.a[${at}]`);
  });

  test('negative metrics', () => {
    const doc = plainDoc();
    doc.metrics.columns.stackBytes[3] = -8;
    const err = errorOf(doc);
    expect(err.path).toBe('metrics.columns.stackBytes[3]');
    expect(err.expected).toMatch(/a value >= 0/);
  });

  test('a return with the stack empty', () => {
    const doc = plainDoc();
    const at = append(doc, { kind: EventKind.FramePop, a: 0 });
    // Ends main's frame twice: the real return already emptied the stack.
    expect(doc.metrics.columns.frames[at]).toBe(0);
    const err = errorOf(doc);
    expect(err.path).toBe(`events.columns.a[${at}]`);
    expect(err.expected).toMatch(/the stack is empty/);
  });

  test('a metric that disagrees with the events (live bytes, live blocks, depth)', () => {
    const doc = plainDoc();
    const alloc = doc.events.columns.kind.indexOf(EventKind.HeapAlloc);
    doc.metrics.columns.heapLive[alloc] += 1;
    expect(errorOf(doc).path).toBe(`metrics.columns.heapLive[${alloc}]`);
    const again = plainDoc();
    again.metrics.columns.heapBlocks[alloc] = 5;
    expect(errorOf(again).path).toBe(`metrics.columns.heapBlocks[${alloc}]`);
    const deep = plainDoc();
    deep.metrics.columns.frames[0] = 3;
    expect(errorOf(deep).path).toBe('metrics.columns.frames[0]');
  });

  test('a local set in a frame that is gone, and a slot never made', () => {
    const doc = plainDoc();
    const at = append(doc, { kind: EventKind.LocalSet, a: 0, b: 0 });
    expect(errorOf(doc).expected).toMatch(/names frame 0, which is not on it/);
    expect(errorOf(doc).path).toBe(`events.columns.a[${at}]`);
    const slot = plainDoc();
    const push = slot.events.columns.kind.indexOf(EventKind.FramePush);
    // Point the first local's set at a slot that was never made.
    const set = slot.events.columns.kind.indexOf(EventKind.LocalSet);
    expect(set).toBeGreaterThan(push);
    slot.events.columns.b[set] = 77;
    expect(errorOf(slot).path).toBe(`events.columns.b[${set}]`);
  });

  test('a realloc whose old size is not the block size, and allocator work that goes down', () => {
    const doc = plainDoc();
    const realloc = doc.events.columns.kind.indexOf(EventKind.HeapRealloc);
    expect(realloc).toBeGreaterThan(0);
    doc.events.columns.aux2[realloc] += 8;
    expect(errorOf(doc).path).toBe(`events.columns.aux2[${realloc}]`);
    const work = plainDoc();
    const last = work.events.count - 1;
    work.metrics.columns.allocWork[last] = work.metrics.columns.allocWork[last - 1] - 1;
    if (work.metrics.columns.allocWork[last] >= 0) expect(errorOf(work).path).toBe(`metrics.columns.allocWork[${last}]`);
  });
});

describe('the event count is bounded by the file before anything is allocated', () => {
  test('count 1e15: an error naming the first column that cannot hold it', () => {
    const doc = JSON.parse(JSON.stringify(encodeTimeline(run)));
    doc.events.count = 1e15;
    const err = errorOf(doc);
    expect(err.path).toBe('events.columns.kind');
    expect(err.message).toMatch(/events\.columns\.kind: expected 1000000000000000 values \(its data holds at most \d+\)/);
    const plain = plainDoc();
    plain.events.count = 1e15;
    expect(errorOf(plain).message).toMatch(/events\.columns\.kind: expected 1000000000000000 values \(found \d+\)/);
  });

  test('count 4e8 in a ~38 KB file is refused at once, without allocating gigabytes', () => {
    const big = rustProgram((rs) => rs.main(() => {
      const v = rs.let_mut('v', rs.Vec.new('u64'));
      for (let i = 0; i < 1500; i++) v.push(rs.u64(i));
    }));
    const doc = JSON.parse(JSON.stringify(encodeTimeline(big)));
    doc.events.count = 4e8;
    const text = JSON.stringify(doc);
    expect(text.length).toBeGreaterThan(20_000);
    expect(text.length).toBeLessThan(200_000);
    const before = process.memoryUsage().arrayBuffers;
    const t0 = Date.now();
    const err = errorOf(text);
    const grew = process.memoryUsage().arrayBuffers - before;
    expect(err.path).toBe('events.columns.kind');
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(grew).toBeLessThan(64 * 1024 * 1024);
  });

  test('one column short of the count is named', () => {
    const doc = plainDoc();
    doc.metrics.columns.footprint.pop();
    expect(errorOf(doc).path).toBe('metrics.columns.footprint');
  });
});

describe('every timeline memscope writes is consistent', () => {
  beforeAll(() => initRust(), 30_000);

  test.each(EXAMPLES.map((e) => [e.name, e] as const))('example %s', (_name, e) => {
    expect(readTimeline(JSON.stringify(encodeTimeline(e.run()))).count).toBeGreaterThan(0);
  });

  test('the course programs and Rust test programs, run by the interpreter', () => {
    const programs = [
      ...loadRustPrograms(path.join(__dirname, '..', 'oracle', 'course')),
      ...loadRustPrograms(path.join(__dirname, '..', 'rust', 'programs')),
    ];
    expect(programs.length).toBeGreaterThan(100);
    let checked = 0;
    for (const p of programs) {
      let timeline;
      try {
        timeline = runRustSync(p.source).timeline;
      } catch {
        continue; // a program that panics or is outside the subset has no timeline to check here
      }
      readTimeline(encodeTimeline(timeline), p.name);
      checked++;
    }
    expect(checked).toBeGreaterThan(60); // the rest use constructs outside the subset (RustSubsetError)
  }, 120_000);
});

describe('where the checker is used', () => {
  test('memscope inspect names the path of the inconsistent event', async () => {
    const doc = plainDoc();
    append(doc, { kind: EventKind.HeapFree, a: 424242, size: 8 });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'memscope-consistency-'));
    const file = path.join(dir, 'freed.memscope.json');
    await fs.writeFile(file, JSON.stringify(doc));
    let err = '';
    const code = await main(['inspect', file], { out: () => undefined, err: (t) => { err += t; }, isTTY: false });
    expect(code).toBe(1);
    expect(err).toMatch(/freed\.memscope\.json: events\.columns\.a\[\d+\]: expected the id of a live heap block: event \d+ \(free\) names block 424242/);
    await fs.rm(dir, { recursive: true });
  });

  test('the renderer\'s reader (toView) refuses it with the path, for its error box', () => {
    const doc = plainDoc();
    doc.metrics.columns.heapLive[2] = -1;
    expect(() => toView(doc, 'memscope output')).toThrow(/^memscope output: metrics\.columns\.heapLive\[2\]: expected a value >= 0/);
  });
});

describe('found by fuzzing (test/hardening/fuzz)', () => {
  test('a source line below -1 is refused by the reader (a view made from it was refused by the view reader)', () => {
    const doc = plainDoc();
    doc.events.columns.line[0] = -2;
    expect(errorOf(doc).message).toBe('bad.json: events.columns.line[0]: expected a source line >= 0, or -1 for none');
  });
});
