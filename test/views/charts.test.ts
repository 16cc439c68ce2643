import type { TopLevelSpec } from 'vega-lite';
import { labReport, type LabReport, type PolicyResult } from '../../src/format/lab-report';
import { addressMapSpec, heapOccupancySpec, mainSpecs, policyComparisonSpecs, regionSplitSpec, stackDepthSpec, type SeriesRow } from '../../src/views/charts';
import { makeView } from '../../src/views/view';
import { renderSvg, renderSvgSync, stackSvgs, svgSize } from '../../src/views/render-svg';
import { THEMES } from '../../src/views/theme';
import { mixed, vecPushes } from './programs';

type Json = Record<string, any>;
const asJson = (spec: TopLevelSpec): Json => spec as unknown as Json;

/** Every object in a spec tree (layers, concats, encodings). */
function walk(x: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(x)) x.forEach((y) => walk(y, out));
  else if (x && typeof x === 'object') {
    out.push(x as Json);
    Object.values(x).forEach((y) => walk(y, out));
  }
  return out;
}
const titlesOf = (spec: TopLevelSpec): string[] => walk(spec).filter((o) => typeof o.field === 'string' && typeof o.title === 'string').map((o) => o.title);
const tooltipFields = (spec: TopLevelSpec): string[] => walk(spec).filter((o) => Array.isArray(o.tooltip)).flatMap((o) => o.tooltip.map((t: Json) => t.field));

const timeline = mixed();
const view = makeView(timeline);

function fakeResult(policy: string, heap: number): PolicyResult {
  return {
    trace: 'trace.txt', policy, settings: { align: 16, header: 0, limit: null, mode: 'strict' as PolicyResult['settings']['mode'] },
    events: 4, ops: { alloc: 2, free: 2, realloc: 0 }, peakLive: 64, liveAtEnd: 0, footprint: heap, heapAtEnd: 0,
    fragmentation: { f1: 0.1, f2: 0.2, f3: 0.25, f4: 0.5 } as PolicyResult['fragmentation'],
    searchLength: { mean: 1.5, max: 3, allocations: 2 }, failures: 0,
    problems: { count: 0, byKind: {}, first: [] }, wallMs: 1, opsPerSecond: 4000,
    series: [{ step: 0, heapMax: heap / 2, liveMax: 32 }, { step: 3, heapMax: heap, liveMax: 64 }] as unknown as PolicyResult['series'],
  };
}

describe('chart specs as data', () => {
  test('stack depth: two panels (frames, bytes) over steps with event tooltips and a cursor param', () => {
    const spec = asJson(stackDepthSpec(view, { cursor: 7 }));
    expect(spec.vconcat).toHaveLength(2);
    expect(spec.params).toEqual([{ name: 'cursor', value: 7 }]);
    expect(titlesOf(spec as TopLevelSpec)).toEqual(expect.arrayContaining(['step', 'frames', 'bytes', 'event', 'source line']));
    expect(tooltipFields(spec as TopLevelSpec)).toEqual(['step', 'event', 'line', 'series', 'value', 'step', 'event', 'line', 'series', 'value']);
    const frames = spec.vconcat[0].data.values as SeriesRow[];
    expect(frames).toHaveLength(timeline.length);
    const call = frames.find((r) => r.event === 'call' && r.value === 2)!;
    expect(timeline.event(call.step)).toMatchObject({ kind: 'call', name: 'helper' });
    expect(spec.vconcat[0].data.values.map((r: SeriesRow) => r.value)).toEqual(Array.from(timeline.metrics.frames));
    // A few frames get one tick per frame.
    expect(spec.vconcat[0].layer[0].encoding.y.axis.values).toEqual([0, 1, 2]);
    const rule = walk(spec).filter((o) => o.mark?.type === 'rule');
    expect(rule).toHaveLength(2);
    expect(rule[0]!.transform).toEqual([{ calculate: 'cursor', as: 'step' }, { filter: 'datum.step >= 0' }]);
  });

  test('heap occupancy: live bytes and footprint as two coloured series, "bytes" on y', () => {
    const spec = asJson(heapOccupancySpec(timeline));
    const series = new Set((spec.data.values as SeriesRow[]).map((r) => r.series));
    expect([...series]).toEqual(['live bytes', 'footprint']);
    expect(titlesOf(spec as TopLevelSpec)).toEqual(expect.arrayContaining(['step', 'bytes']));
    expect(spec.layer[0].encoding.color.field).toBe('series');
    expect(spec.params).toEqual([{ name: 'cursor', value: -1 }]);
  });

  test('address map: one rect per block placement spanning its steps and address range, hex addresses', () => {
    const spec = asJson(addressMapSpec(view));
    const rows = spec.layer[0].data.values as Json[];
    expect(rows).toHaveLength(view.blocks.rows.length);
    for (const [i, b] of view.blocks.rows.entries()) {
      expect(rows[i]).toMatchObject({ block: b.id, address: b.address, end: b.address + b.size, from: b.from, type: b.type });
    }
    const enc = spec.layer[0].encoding;
    expect([enc.x.field, enc.x2.field, enc.y.field, enc.y2.field]).toEqual(['from', 'to', 'address', 'end']);
    expect(enc.y.axis.format).toBe('#x');
    expect(tooltipFields(spec as TopLevelSpec)).toEqual(['block', 'type', 'address', 'size', 'from', 'event', 'freed', 'line', 'hole', 'size', 'address', 'from', 'to']);
    const pushes = asJson(addressMapSpec(vecPushes(100))).layer[0].data.values as Json[];
    expect(pushes.map((r) => r.event)).toEqual(['alloc', 'realloc', 'realloc', 'realloc', 'realloc', 'realloc']);
    expect(titlesOf(spec as TopLevelSpec)).toEqual(expect.arrayContaining(['step', 'address', 'bytes', 'source line']));
  });

  test('address map maxBars keeps the largest bars and counts the rest as omitted', () => {
    const pushes = makeView(vecPushes(100));
    const spec = asJson(addressMapSpec(pushes, { maxBars: 2 }));
    expect((spec.layer[0].data.values as Json[]).map((r) => r.size)).toEqual([256, 512]);
    expect(spec.title.subtitle).toBe('2 of 6 block placements (largest size × lifetime); 4 omitted, 240 bytes');
  });

  test('region split: static, stack and heap bytes at a step, exactly as the timeline has them', () => {
    const step = timeline.peak('heapLive').step;
    const spec = asJson(regionSplitSpec(timeline, step));
    const bytes = Object.fromEntries((spec.data.values as Json[]).map((r) => [r.region, r.bytes]));
    expect(bytes).toEqual({
      'static data': timeline.metric('staticBytes', step),
      stack: timeline.metric('stackBytes', step),
      'heap (live)': timeline.metric('heapLive', step),
      'heap (footprint)': timeline.metric('footprint', step),
    });
    expect(spec.encoding.x.title).toBe('bytes');
    expect(asJson(regionSplitSpec(view, step)).data.values).toEqual(spec.data.values);
  });

  test('themes: background, text and the colour-blind safe palette of each theme', () => {
    for (const name of ['light', 'dark'] as const) {
      const theme = THEMES[name];
      for (const spec of mainSpecs(view, { theme: name })) {
        const config = asJson(spec).config;
        expect(config.background).toBe(theme.background);
        expect(config.axis.titleColor).toBe(theme.text);
        expect(config.axis.labelColor).toBe(theme.muted);
        expect(config.range.category).toEqual(theme.palette);
      }
    }
    expect(THEMES.light.palette).toContain('#E69F00');
    expect(() => stackDepthSpec(view, { theme: 'neon' as 'dark' })).toThrow("theme must be 'light' or 'dark'");
  });

  test('static specs leave out the invisible hover points', () => {
    const hover = (spec: TopLevelSpec) => walk(spec).filter((o) => o.mark?.type === 'point').length;
    expect(hover(heapOccupancySpec(view))).toBe(1);
    expect(hover(heapOccupancySpec(view, { interactive: false }))).toBe(0);
  });

  test("policy comparison reuses the lab's specs, themed", () => {
    const report: LabReport = labReport([fakeResult('first-fit', 256), fakeResult('buddy', 512)]);
    const specs = policyComparisonSpecs(report, { theme: 'dark' });
    expect(specs.map((s) => (asJson(s).title as Json).text)).toEqual(['Heap used over time — trace.txt', 'Fragmentation per policy', 'Search length per policy']);
    expect(specs.every((s) => asJson(s).config.background === THEMES.dark.background)).toBe(true);
  });
});

describe('chart SVGs rendered in Node by vega', () => {
  const axisTitles: Array<[string, (o: { cursor?: number; interactive?: boolean }) => TopLevelSpec, string[]]> = [
    ['stack depth', (o) => stackDepthSpec(view, o), ['step', 'frames', 'bytes']],
    ['heap occupancy', (o) => heapOccupancySpec(view, o), ['step', 'bytes']],
    ['address map', (o) => addressMapSpec(view, o), ['step', 'address']],
    ['region split', (o) => regionSplitSpec(view, undefined, o), ['bytes']],
  ];

  test.each(axisTitles)('%s: non-empty SVG with its axis titles', async (_name, build, titles) => {
    const svg = await renderSvg(build({ cursor: 10, interactive: false }));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svgSize(svg).width).toBeGreaterThan(300);
    expect(svg).toMatch(/<path|<line/);
    for (const title of titles) expect(svg).toContain(`>${title}</text>`);
  });

  test('the cursor rule is drawn at its step, and hidden at -1', async () => {
    const ruleLine = /class="mark-rule role-mark[^"]*"[^>]*><line [^>]*transform="translate\(([\d.]+),/;
    const on = await renderSvg(heapOccupancySpec(view, { cursor: 10, interactive: false, width: 600 }));
    const off = await renderSvg(heapOccupancySpec(view, { interactive: false }));
    expect(off).not.toMatch(ruleLine);
    const x = Number(ruleLine.exec(on)?.[1]);
    // x scale: steps 0..length-1 over 600 px.
    expect(x).toBeCloseTo((10 / (view.meta.steps - 1)) * 600, 0);
  });

  test('policy comparison charts render too', async () => {
    const specs = policyComparisonSpecs([fakeResult('first-fit', 256), fakeResult('buddy', 512)]);
    for (const spec of specs) expect(await renderSvg(spec)).toContain('policy');
  });

  test('the synchronous renderer gives the same SVG as vega-view toSVG', async () => {
    for (const spec of mainSpecs(vecPushes(300), { cursor: 40, interactive: false, theme: 'dark' })) {
      expect(renderSvgSync(spec)).toBe(await renderSvg(spec));
    }
  });

  test('nothing is fetched: a spec naming a URL fails instead of loading it', async () => {
    const spec = { data: { url: 'http://example.invalid/data.json' }, mark: 'point', encoding: { x: { field: 'a', type: 'quantitative' } } } as TopLevelSpec;
    await expect(renderSvg(spec)).rejects.toThrow('memscope charts load nothing; this spec asked for http://example.invalid/data.json');
    expect(() => renderSvgSync(spec)).toThrow('memscope charts load nothing; this spec asked for http://example.invalid/data.json');
  });

  test('stackSvgs nests several SVGs into one document sized to hold them', async () => {
    const a = await renderSvg(regionSplitSpec(view));
    const b = await renderSvg(regionSplitSpec(view, 3));
    const both = stackSvgs([a, b], { gap: 10, background: '#fff' });
    expect(both.match(/<svg\b/g)).toHaveLength(3);
    expect(svgSize(both)).toEqual({ width: svgSize(a).width, height: svgSize(a).height + 10 + svgSize(b).height });
  });
});
