/**
 * Charts a class reads (issue 10): a sentence instead of empty axes, the stack limit and the
 * overflow, one colour per region in every chart and theme, binary units and power-of-two ticks,
 * tiny blocks visible in the address map. Specs as data, then rendered by vega in Node.
 */
import type { TopLevelSpec } from 'vega-lite';
import { rustProgram } from '../../src/api/program';
import { initRust, runRustSync } from '../../src/rust';
import { addressMapSpec, binaryBytes, binaryTicks, heapHoles, heapOccupancySpec, mainSpecs, plural, regionSplitSpec, stackDepthSpec } from '../../src/views/charts';
import { renderSvg } from '../../src/views/render-svg';
import { REGION_COLOURS } from '../../src/views/theme';
import { makeView, viewSummaryText } from '../../src/views/view';
import { boxChurn, mixed } from './programs';

type Json = Record<string, any>;
const asJson = (spec: TopLevelSpec): Json => spec as unknown as Json;
function walk(x: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(x)) x.forEach((y) => walk(y, out));
  else if (x && typeof x === 'object') {
    out.push(x as Json);
    Object.values(x).forEach((y) => walk(y, out));
  }
  return out;
}

/** `fn main() { let x = 1; let y = 2; }`: stack only. */
const stackOnly = () => rustProgram((rs) => rs.main(() => {
  rs.let('x', rs.i32(1));
  rs.let('y', rs.i32(2));
}));

/** A recursion without end under a 4 KiB stack. */
const overflow = () => rustProgram((rs) => {
  const dive = rs.fn('dive', ['n'], (n): undefined => {
    dive(rs.u64((n.value as number) + 1));
    return undefined;
  });
  rs.main(() => { dive(rs.u64(0)); });
}, { stackLimit: 4096 });

describe('no heap use', () => {
  const view = makeView(stackOnly());

  test('heap occupancy and the address map say so instead of drawing empty axes', async () => {
    for (const spec of [heapOccupancySpec(view), addressMapSpec(view)]) {
      const json = asJson(spec);
      expect(json.mark.type).toBe('text');
      expect(json.data.values[0].message).toMatch(/^no heap use/);
      // Renderers still move the cursor param on every chart.
      expect(json.params).toEqual([{ name: 'cursor', value: -1 }]);
      const svg = await renderSvg(spec);
      expect(svg).toContain('no heap use');
      expect(svg).not.toContain('step -1');
    }
    expect(viewSummaryText(view)).toContain('heap:   no heap use (no allocations)');
    expect(viewSummaryText(view)).toContain('max depth 1 frame,');
  });

  test('no chart says "step -1", at the start or anywhere', async () => {
    for (const spec of [...mainSpecs(view, { cursor: -1, interactive: false }), regionSplitSpec(view, -1)]) {
      expect(JSON.stringify(spec)).not.toContain('step -1');
      expect(await renderSvg(spec)).not.toContain('step -1');
    }
    expect(asJson(regionSplitSpec(view, -1)).title.text).toBe('Memory by region before the first step');
  });
});

describe('the stack limit and an overflow', () => {
  test('a run that overflowed draws the limit line, labelled, and a marker at its last step', async () => {
    const t = overflow();
    expect(t.meta.ended).toMatch(/overflow/);
    const spec = asJson(stackDepthSpec(t));
    const rules = walk(spec.vconcat[1]).filter((o) => o.mark?.type === 'rule' && o.encoding?.y?.field === 'limit');
    expect(rules).toHaveLength(1);
    const limit = walk(spec.vconcat[1]).find((o) => Array.isArray(o.data?.values) && o.data.values[0]?.limit !== undefined)!;
    expect(limit.data.values[0]).toEqual({ limit: 4096, label: 'stack limit 4 KiB' });
    const marker = walk(spec.vconcat[1]).find((o) => o.data?.values?.[0]?.label === 'stack overflow')!;
    expect(marker.data.values[0].step).toBe(t.length - 1);
    expect(spec.title.subtitle).toMatch(/ended by a stack overflow/);
    const svg = await renderSvg(stackDepthSpec(t, { interactive: false }));
    expect(svg).toContain('stack limit 4 KiB');
    expect(svg).toContain('>stack overflow<');
  });

  test('a shallow run leaves the 8 MiB limit out of the plot and names it in the subtitle', () => {
    const spec = asJson(stackDepthSpec(stackOnly()));
    expect(walk(spec).some((o) => o.encoding?.y?.field === 'limit')).toBe(false);
    expect(spec.title.subtitle).toMatch(/^peak 1 frame, \d+ B; limit 8 MiB$/);
  });
});

describe('colours, units and ticks', () => {
  test('one fixed colour per region and metric, the same in every chart and both themes', () => {
    const view = makeView(mixed());
    for (const theme of ['light', 'dark'] as const) {
      const [heap, stack, , regions] = mainSpecs(view, { theme, cursor: 5 }).map(asJson);
      expect(heap!.layer[0].encoding.color.scale.range).toEqual([REGION_COLOURS.heapLive, REGION_COLOURS.footprint]);
      expect(stack!.vconcat.map((p: Json) => p.layer[0].encoding.color.value)).toEqual([REGION_COLOURS.stack, REGION_COLOURS.stack]);
      expect(regions!.encoding.color.scale.range).toEqual([REGION_COLOURS.static, REGION_COLOURS.stack, REGION_COLOURS.heapLive, REGION_COLOURS.footprint]);
    }
    expect(new Set(Object.values(REGION_COLOURS)).size).toBe(Object.keys(REGION_COLOURS).length);
  });

  test('binary units and power-of-two ticks', () => {
    expect(binaryBytes(512)).toBe('512 B');
    expect(binaryBytes(1536)).toBe('1.5 KiB');
    expect(binaryBytes(8 * 1024 * 1024)).toBe('8 MiB');
    expect(binaryTicks(0, 1000)).toEqual([0, 128, 256, 384, 512, 640, 768, 896, 1024]);
    expect(binaryTicks(0x5555_5560_0000, 0x5555_5560_0a00)).toEqual([0, 1, 2, 3, 4, 5].map((i) => 0x5555_5560_0000 + i * 512));
    const wide = binaryTicks(12345, 98765);
    expect(wide[1]! - wide[0]!).toBe(16384);
    for (const t of wide) expect(t % 16384).toBe(0);
    expect(plural(1, 'frame')).toBe('1 frame');
    expect(plural(3, 'frame')).toBe('3 frames');
  });

  test('the address map: hex ticks on powers of two, tiny blocks drawn at least 3 px tall', async () => {
    const view = makeView(boxChurn(200));
    const spec = asJson(addressMapSpec(view));
    const y = spec.layer[0].encoding.y;
    expect(y.axis.format).toBe('#x');
    const ticks = y.axis.values as number[];
    const step = ticks[1]! - ticks[0]!;
    expect(Math.log2(step) % 1).toBe(0);
    for (const t of ticks) expect(t % step).toBe(0);
    const [low, high] = y.scale.domain as [number, number];
    const tiny = spec.layer[1].data.values as Json[];
    for (const r of tiny) expect(((r.shown - r.address) / (high - low)) * 260).toBeGreaterThanOrEqual(2.9);
    const svg = await renderSvg(addressMapSpec(view, { interactive: false }));
    expect(svg).toMatch(/>0x[0-9a-f]*0<\/text>/);
  });
});

describe('the address map draws the holes between live blocks', () => {
  beforeAll(() => initRust(), 30_000);
  test.each([
    // [what, rows, end, holes]
    ['no gap between neighbours', [{ address: 0, size: 8, from: 0, to: null }, { address: 8, size: 8, from: 1, to: null }], 4, []],
    ['a freed middle block leaves a hole until the end', [
      { address: 0, size: 8, from: 0, to: null }, { address: 8, size: 8, from: 1, to: 3 }, { address: 16, size: 8, from: 2, to: null },
    ], 5, [{ address: 8, end: 16, size: 8, from: 3, to: 5 }]],
    ['a hole refilled by a smaller block shrinks to what is left', [
      { address: 0, size: 8, from: 0, to: null }, { address: 8, size: 16, from: 1, to: 2 }, { address: 24, size: 8, from: 1, to: null },
      { address: 8, size: 4, from: 4, to: null },
    ], 6, [{ address: 8, end: 24, size: 16, from: 2, to: 4 }, { address: 12, end: 24, size: 12, from: 4, to: 6 }]],
    ['space below the lowest live block is not a hole', [{ address: 0, size: 8, from: 0, to: 2 }, { address: 8, size: 8, from: 1, to: null }], 4, []],
  ])('%s', (_what, rows, end, holes) => {
    expect(heapHoles(rows, end)).toEqual(holes);
  });

  test('a dropped String leaves a hole drawn as its own layer, its size in the tooltip', () => {
    const view = makeView(runRustSync(`fn main() {
    let a = String::from("first");
    let b = String::from("second");
    let c = String::from("third");
    drop(b);
    println!("{} {}", a, c);
}`).timeline);
    const spec = asJson(addressMapSpec(view));
    const layer = spec.layer.find((l: Json) => l.encoding?.tooltip?.some((t: Json) => t.title === 'free hole'));
    expect(layer).toBeDefined();
    const holes = layer.data.values as Json[];
    expect(holes.length).toBeGreaterThanOrEqual(1);
    // The hole sits between two blocks live over its steps: one ends where it starts, one starts where it ends.
    const blocks = spec.layer[0].data.values as Json[];
    const liveOver = (r: Json): boolean => r.from <= holes[0]!.from && r.to >= holes[0]!.to;
    expect(blocks.some((r) => liveOver(r) && r.end === holes[0]!.address)).toBe(true);
    expect(blocks.some((r) => liveOver(r) && r.address === holes[0]!.end)).toBe(true);
    expect(holes[0]!.size).toBeGreaterThanOrEqual(6); // "second" was there
    expect(holes[0]!.hole).toBe(`${holes[0]!.size} B free`);
    expect(layer.mark.strokeDash).toEqual([3, 2]);
    expect(spec.title.subtitle).toContain('free holes between live blocks');
  });
});
