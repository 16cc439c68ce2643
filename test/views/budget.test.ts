/**
 * The renderer's payload budget as data (issue 12 item 5): fitView leaves a view makeView wrote
 * alone, and brings an oversized one within the budget the way makeView would, saying what it
 * did; the result is still a valid view document. The browser test (test/jupyterlab/budget.test.ts)
 * shows the same payloads drawn.
 */
import { EXAMPLES } from '../../src/examples/index';
import { METRIC_COLUMNS } from '../../src/format/events';
import { checkView, type ViewDocument } from '../../src/format/view';
import { fitView, RENDER_BUDGET } from '../../src/views/budget';
import { diagramSvg } from '../../src/views/diagram';
import { makeView } from '../../src/views/view';

const base = (name = 'three-regions'): ViewDocument => JSON.parse(JSON.stringify(makeView(EXAMPLES.find((e) => e.name === name)!.run())));

test('views makeView writes are within the budget: returned as they are, nothing to say', () => {
  for (const e of EXAMPLES) {
    const view = makeView(e.run());
    const fitted = fitView(view);
    expect(fitted.over).toEqual([]);
    expect(fitted.view).toBe(view);
  }
});

test('a 200,000-point series is M4-downsampled to the budget, extremes kept; the events follow the kept steps', () => {
  const view = base();
  const n = 200_000;
  view.meta.steps = n;
  const step = Array.from({ length: n }, (_, i) => i);
  for (const m of METRIC_COLUMNS) view.series[m] = { step, value: step.map((i) => (i === 123_457 ? 99_999 : i % 1000)) };
  view.events = { step, kind: step.map(() => 6), line: step.map(() => -1) };
  const { view: fitted, over } = fitView(checkView(view));
  for (const m of METRIC_COLUMNS) {
    expect(fitted.series[m].step.length).toBeLessThanOrEqual(RENDER_BUDGET.seriesPoints);
    const peak = fitted.series[m].step.indexOf(123_457);
    expect(fitted.series[m].value[peak]).toBe(99_999);
  }
  expect(fitted.events.step.length).toBeLessThanOrEqual(METRIC_COLUMNS.length * RENDER_BUDGET.seriesPoints);
  expect(over).toContainEqual(expect.stringMatching(/^the heap live bytes series has 200,000 points: drawn from [\d,]+ \(M4, every extreme kept\)$/));
  expect(() => checkView(JSON.parse(JSON.stringify(fitted)))).not.toThrow();
  // The input is left as it was.
  expect(view.series.heapLive.step.length).toBe(n);
});

test('100,000 locals in a frame: named in the message; the diagram draws the first 100 and says how many more', () => {
  const view = base();
  const snapshot = view.snapshots.items.find((s) => s.step === view.step)!;
  const frame = snapshot.frames[0]!;
  const template = frame.locals[0]!;
  frame.locals = Array.from({ length: 100_000 }, (_, i) => ({ ...template, slot: 500 + i, name: `x${i}`, value: { k: 'int', v: i } }));
  snapshot.pointers = snapshot.pointers.filter((p) => p.from.region !== 'stack');
  const { over } = fitView(checkView(view));
  expect(over).toEqual([`frame main has 100,000 locals (step ${snapshot.step}): the diagram draws the first 100 of each frame`]);
  const t0 = Date.now();
  const svg = diagramSvg(snapshot, { maxLocals: RENDER_BUDGET.localsPerFrame });
  expect(Date.now() - t0).toBeLessThan(2000);
  expect(svg).toContain('… 99,900 more locals not drawn');
  expect(svg).toContain('x99');
  expect(svg).not.toContain('>x100<');
});

test('too many snapshots, bars, frames, blocks and too much text: each cut, each said', () => {
  const view = base('recursion');
  const one = view.snapshots.items[view.snapshots.items.length - 1]!;
  view.snapshots.items = Array.from({ length: 3000 }, (_, i) => ({ ...one, step: i, event: one.event && { ...one.event, step: i } }));
  view.meta.steps = 3000;
  view.step = 2500;
  view.blocks.rows = Array.from({ length: 2000 }, (_, i) => ({ id: i, address: 0x1000 + 16 * i, size: 16 + i, from: 0, to: null, type: 'u8', line: null }));
  view.output = { text: 'x'.repeat(30_000), length: 30_000, truncated: false };
  const { view: fitted, over } = fitView(checkView(view));
  expect(fitted.snapshots.items.length).toBe(RENDER_BUDGET.snapshots);
  expect(fitted.snapshots.items.some((s) => s.step === 2500)).toBe(true);
  expect(fitted.blocks.rows.length).toBe(RENDER_BUDGET.blockRows);
  expect(fitted.blocks.omitted.count).toBe(view.blocks.omitted.count + 500);
  expect(fitted.output).toEqual({ text: 'x'.repeat(20_000), length: 30_000, truncated: true });
  expect(over.join('\n')).toMatch(/3,000 snapshots: the step controls move through 2,000/);
  expect(over.join('\n')).toMatch(/2,000 bars: the 1,500 largest/);
  expect(over.join('\n')).toMatch(/program output has 30,000 characters here: the first 20,000 are shown/);
  expect(() => checkView(JSON.parse(JSON.stringify(fitted)))).not.toThrow();
});
