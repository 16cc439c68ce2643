import { rustProgram } from '../../src/api/program';
import { decodeTimeline, encodeTimeline } from '../../src/engine/timeline/document';
import { mainSpecs } from '../../src/views/charts';
import { diagramSvg } from '../../src/views/diagram';
import { renderSvgSync } from '../../src/views/render-svg';
import { FORMAT_VERSION, FormatError } from '../../src/format/errors';
import { EVENT_KIND_COUNT, METRIC_COLUMNS } from '../../src/format/events';
import { checkView, type ViewDocument } from '../../src/format/view';
import { makeView, toView, viewSummaryText } from '../../src/views/view';
import { boxChurn, mixed, vecPushes } from './programs';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function rejects(doc: unknown, path: string, expected: string | RegExp): void {
  let error: unknown;
  try {
    checkView(doc, 'cell 3');
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(FormatError);
  const e = error as FormatError;
  expect(e.path).toBe(path);
  if (typeof expected === 'string') expect(e.expected).toBe(expected);
  else expect(e.expected).toMatch(expected);
  expect(e.message.startsWith(`cell 3: ${path}: expected `)).toBe(true);
}

describe('view payload of a small run', () => {
  const timeline = mixed();
  const view = makeView(timeline);

  test('is a versioned view document that passes its own validator after a JSON round trip', () => {
    expect(view).toMatchObject({ format: 'memscope', version: FORMAT_VERSION, kind: 'view' });
    expect(checkView(JSON.parse(JSON.stringify(view)))).toEqual(JSON.parse(JSON.stringify(view)));
    expect(checkView(JSON.stringify(view))).toBeTruthy();
  });

  test('keeps every step of a short run: series, events and one snapshot per step', () => {
    for (const m of METRIC_COLUMNS) {
      expect(view.series[m].step).toEqual([...Array(timeline.length).keys()]);
      expect(view.series[m].value).toEqual(Array.from(timeline.metrics[m].slice(0, timeline.length)));
    }
    expect(view.events.step.length).toBe(timeline.length);
    expect(view.snapshots.complete).toBe(true);
    expect(view.snapshots.items.map((s) => s.step)).toEqual([...Array(timeline.length).keys()]);
    expect(view.snapshots.items[5]).toEqual(JSON.parse(JSON.stringify(timeline.snapshot(5))));
  });

  test('meta carries the peaks, final metrics and heap operation counts of the run', () => {
    expect(view.meta.steps).toBe(timeline.length);
    expect(view.meta.peaks.heapLive).toEqual(timeline.peak('heapLive'));
    expect(view.meta.final).toEqual(timeline.final());
    expect(view.meta.heapOps).toEqual(timeline.heapOps());
    expect(view.output.text).toBe(timeline.output());
    expect(viewSummaryText(view)).toContain(`memscope timeline: ${timeline.length} steps, heap policy first-fit`);
  });

  test('address map bars follow each block from placement to free, a realloc starting a new bar', () => {
    const pushes = vecPushes(100);
    const bars = makeView(pushes).blocks;
    // Vec<i32> growth 4, 8, 16, 32, 64, 128 items: six placements of block 0, the last live at the end.
    expect(bars.rows.map((b) => b.size)).toEqual([16, 32, 64, 128, 256, 512]);
    expect(bars.rows.every((b) => b.id === 0 && b.type === '[i32]')).toBe(true);
    for (let i = 1; i < bars.rows.length; i++) expect(bars.rows[i]!.from).toBe(bars.rows[i - 1]!.to);
    expect(pushes.event(bars.rows[1]!.from).kind).toBe('realloc');
    // `v` drops at the end of main: its last buffer is freed there.
    expect(pushes.event(bars.rows.at(-1)!.to!).kind).toBe('free');
    expect(bars.omitted).toEqual({ count: 0, bytes: 0 });
  });

  test('too many bars: the largest size × lifetime stay and the rest are counted', () => {
    const pushes = vecPushes(100);
    const bars = makeView(pushes, { maxBlocks: 2 }).blocks;
    expect(bars.total).toBe(6);
    expect(bars.rows.map((b) => b.size)).toEqual([256, 512]);
    expect(bars.omitted).toEqual({ count: 4, bytes: 16 + 32 + 64 + 128 });
  });

  test('a timeline document is accepted as renderer input and becomes the same view', () => {
    expect(toView(encodeTimeline(timeline))).toEqual(view);
    expect(toView(JSON.stringify(view))).toEqual(JSON.parse(JSON.stringify(view)));
    expect(() => toView({ format: 'memscope', version: 1, kind: 'snapshot' }, 'out.json')).toThrow('out.json: kind: expected "view" or "timeline"');
  });
});

describe('view payload of long runs stays bounded', () => {
  test('10^4 steps: downsampled series with exact peaks, a bounded snapshot set incl. peaks and the end, under 1 MB', () => {
    const timeline = vecPushes(10_000);
    expect(timeline.length).toBeGreaterThanOrEqual(10_000);
    const view = makeView(timeline, { maxPoints: 2000, maxSnapshots: 300 });
    const bytes = JSON.stringify(view).length;
    expect(bytes).toBeLessThan(1_000_000);
    for (const m of METRIC_COLUMNS) {
      expect(view.series[m].step.length).toBeLessThanOrEqual(2000);
      const peak = timeline.peak(m);
      if (peak.step >= 0) expect(view.series[m].value[view.series[m].step.indexOf(peak.step)]).toBe(peak.value);
    }
    const steps = view.snapshots.items.map((s) => s.step);
    expect(view.snapshots.complete).toBe(false);
    expect(steps.length).toBeLessThanOrEqual(300);
    expect(steps).toContain(timeline.length - 1);
    expect(steps).toContain(timeline.peak('heapLive').step);
    expect(steps).toContain(timeline.peak('footprint').step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(checkView(JSON.parse(JSON.stringify(view)))).toBeTruthy();
  });

  test('the snapshot byte budget cuts evenly spread steps but keeps requested ones', () => {
    const timeline = vecPushes(3000);
    const view = makeView(timeline, { snapshotBytes: 50_000, steps: [1234] });
    const steps = view.snapshots.items.map((s) => s.step);
    expect(steps).toContain(1234);
    expect(steps).toContain(timeline.length - 1);
    const bytes = view.snapshots.items.reduce((sum, s) => sum + JSON.stringify(s).length, 0);
    expect(bytes).toBeLessThanOrEqual(50_000 + 5_000);
  });

  test('a crowded heap (2·10^4 short-lived boxes): bars capped, whole view within maxBytes', () => {
    const timeline = boxChurn(20_000);
    const view = makeView(timeline, { maxBlocks: 1500 });
    expect(view.blocks.total).toBe(20_000);
    expect(view.blocks.rows).toHaveLength(1500);
    expect(view.blocks.omitted.count).toBe(18_500);
    expect(JSON.stringify(view).length).toBeLessThanOrEqual(900_000);
    const small = makeView(timeline, { maxBytes: 300_000 });
    expect(JSON.stringify(small).length).toBeLessThanOrEqual(300_000);
    expect(small.snapshots.items.map((s) => s.step)).toContain(timeline.length - 1);
  });

  test('a deep recursion: snapshots keep the outermost two and innermost frames, pointers to left-out ones go', () => {
    const timeline = rustProgram((rs) => {
      const level = (depth: number): void => rs.fn('level', ['x'], (x) => {
        rs.let('r', rs.ref(x));
        if (depth < 1000) level(depth + 1);
      })(depth) as void;
      rs.main(() => level(1));
    });
    const step = timeline.peak('frames').step;
    const view = makeView(timeline, { steps: [step] });
    const deep = view.snapshots.items.find((s) => s.step === step)!;
    expect(timeline.snapshot(step).frames).toHaveLength(1001);
    expect(deep.frames).toHaveLength(200);
    expect(deep.omittedFrames).toEqual({ after: 2, count: 801 });
    const kept = new Set(deep.frames.map((f) => f.id));
    for (const p of deep.pointers) {
      if (p.from.region === 'stack') expect(kept.has(p.from.frame)).toBe(true);
      if (p.to.region === 'stack') expect(kept.has(p.to.frame)).toBe(true);
    }
    expect(JSON.stringify(view).length).toBeLessThan(1_000_000);
    expect(checkView(JSON.parse(JSON.stringify(view)))).toBeTruthy();
    const bad = JSON.parse(JSON.stringify(view)) as ViewDocument;
    const at = bad.snapshots.items.findIndex((s) => s.step === step);
    bad.snapshots.items[at]!.omittedFrames = { after: 2, count: 0 };
    rejects(bad, `snapshots.items[${at}].omittedFrames.count`, 'an integer >= 1');
    expect(diagramSvg(deep)).toContain(`… ${801 + 200 - 12} frames not drawn …`);
  });

  test('a crowded heap at one step: a snapshot keeps the blocks its slots reach first, up to snapshotBlocks', () => {
    const timeline = rustProgram((rs) => rs.main(() => {
      const names = rs.let_mut('names', rs.Vec.new('String'));
      for (let i = 0; i < 300; i++) names.push(rs.String.from(`name${i}`));
      rs.let('boxed', rs.Box.new(99));
      rs.note('all alive');
    }));
    let step = 0;
    while (timeline.event(step).kind !== 'note') step++;
    const view = makeView(timeline, { steps: [step], snapshotBlocks: 50 });
    const crowded = view.snapshots.items.find((s) => s.step === step)!;
    expect(timeline.snapshot(step).blocks).toHaveLength(302);
    expect(crowded.blocks).toHaveLength(50);
    expect(crowded.omittedBlocks).toBe(252);
    // Both locals' blocks (the Box sits at the top of the heap) and the buffer's first Strings are kept.
    const ids = new Set(crowded.blocks.map((b) => b.id));
    for (const p of crowded.pointers.filter((q) => q.from.region === 'stack')) expect(ids.has((p.to as { block: number }).block)).toBe(true);
    for (const p of crowded.pointers) if (p.to.region === 'heap') expect(ids.has(p.to.block)).toBe(true);
    expect(checkView(JSON.parse(JSON.stringify(view)))).toBeTruthy();
    expect(diagramSvg(crowded)).toContain('… 262 more blocks not drawn');
    expect(diagramSvg(crowded)).toContain('heap (302 blocks, along the pointers)');
  });

  test('a long String: snapshots keep its first textChars characters and its full length', () => {
    const long = 'x'.repeat(50_000);
    const timeline = rustProgram((rs) => rs.main(() => {
      const s = rs.let_mut('s', rs.String.new());
      s.push_str(long);
      rs.note('long');
    }));
    const view = makeView(timeline, { textChars: 100 });
    expect(JSON.stringify(view).length).toBeLessThan(100_000);
    const last = view.snapshots.items.at(-2)!;
    const texts = JSON.stringify(last).match(/"k":"text","v":"(x*)","len":(\d+)/g) ?? [];
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).toBe(`"k":"text","v":"${'x'.repeat(100)}","len":50000`);
  });

  test('output is cut to outputChars and says so', () => {
    const view = makeView(mixed(), { outputChars: 3 });
    expect(view.output.text).toHaveLength(3);
    expect(view.output.truncated).toBe(true);
    expect(view.output.length).toBeGreaterThan(3);
  });
});

describe('an empty run (a timeline document with no events)', () => {
  test('makes a valid view, drawable charts and a summary', () => {
    const doc = encodeTimeline(rustProgram((rs) => rs.main(() => {})));
    const cols = doc as unknown as { events: { count: number; columns: Record<string, unknown> }; metrics: { columns: Record<string, unknown> } };
    cols.events.count = 0;
    for (const k of Object.keys(cols.events.columns)) cols.events.columns[k] = [];
    for (const k of Object.keys(cols.metrics.columns)) cols.metrics.columns[k] = [];
    const view = toView(doc);
    expect(view.meta.steps).toBe(0);
    expect(view.snapshots).toEqual({ complete: true, items: [] });
    expect(checkView(JSON.parse(JSON.stringify(view)))).toBeTruthy();
    for (const spec of mainSpecs(view, { interactive: false })) expect(renderSvgSync(spec)).toMatch(/^<svg/);
    expect(viewSummaryText(makeView(decodeTimeline(doc)))).toContain('memscope timeline: 0 steps');
  });
});

describe('checkView rejects malformed payloads with the JSON path', () => {
  const view = JSON.parse(JSON.stringify(makeView(mixed()))) as ViewDocument;

  test('not JSON, not an object, wrong format or kind', () => {
    rejects('{"format":', '(root)', /^valid JSON/);
    rejects([1], '(root)', 'a JSON object');
    rejects({ ...clone(view), format: 'other' }, 'format', '"memscope"');
    rejects({ ...clone(view), kind: 'timeline' }, 'kind', '"view"');
  });

  test('a payload from a newer memscope says to update', () => {
    rejects({ ...clone(view), version: FORMAT_VERSION + 1 }, 'version', new RegExp(`newer memscope \\(version ${FORMAT_VERSION + 1}\\): update memscope to read it`));
  });

  test('series: missing metric, unequal lengths, steps not ascending or out of range', () => {
    const a = clone(view);
    delete (a.series as Partial<ViewDocument['series']>).footprint;
    rejects(a, 'series.footprint', 'an object {step: [...], value: [...]}');
    const b = clone(view);
    b.series.heapLive.value.pop();
    rejects(b, 'series.heapLive.value', `${b.series.heapLive.step.length} values, one per step (found ${b.series.heapLive.step.length - 1})`);
    const c = clone(view);
    c.series.frames.step[3] = c.series.frames.step[2]!;
    rejects(c, 'series.frames.step[3]', /^a step above \d+ and below \d+ \(steps ascend\)$/);
    const d = clone(view);
    d.series.frames.value[1] = 'x' as unknown as number;
    rejects(d, 'series.frames.value[1]', 'a finite number');
  });

  test('events, blocks and output fields', () => {
    const a = clone(view);
    a.events.kind[0] = 99;
    rejects(a, 'events.kind[0]', `an event kind below ${EVENT_KIND_COUNT}`);
    const b = clone(view);
    b.blocks.rows[0]!.to = -5;
    rejects(b, 'blocks.rows[0].to', `an integer >= ${b.blocks.rows[0]!.from}`);
    const c = clone(view);
    (c.output as { truncated: unknown }).truncated = 'no';
    rejects(c, 'output.truncated', 'true or false');
  });

  test('snapshots are checked deeply: values, owners, pointers', () => {
    const withBlock = view.snapshots.items.findIndex((s) => s.blocks.length > 0 && s.pointers.length > 0);
    const a = clone(view);
    (a.snapshots.items[withBlock]!.blocks[0]!.value as unknown) = { k: 'bogus' };
    rejects(a, `snapshots.items[${withBlock}].blocks[0].value.k`, /^a known value kind/);
    const b = clone(view);
    (b.snapshots.items[withBlock]!.blocks[0]!.owner as unknown) = { kind: 'thief' };
    rejects(b, `snapshots.items[${withBlock}].blocks[0].owner.kind`, "'none', 'local', 'block', 'static' or 'shared'");
    const c = clone(view);
    (c.snapshots.items[withBlock]!.pointers[0]!.to as unknown) = { region: 'heap', block: 'one' };
    rejects(c, `snapshots.items[${withBlock}].pointers[0].to.block`, 'an integer');
    const d = clone(view);
    d.snapshots.items.reverse();
    rejects(d, 'snapshots.items[1].step', /steps ascend/);
  });
});
