import { comparisonSpecs, footprintOverTimeSpec, fragmentationSpec, searchLengthSpec } from '../../../src/views/lab/charts';
import { renderSvg } from '../../../src/views/render-svg';
import type { PolicyResult } from '../../../src/format/lab-report';

function result(trace: string, policy: string, f3: number | null, f4: number | null): PolicyResult {
  return {
    trace,
    policy,
    settings: { align: 16, header: 0, limit: null, mode: 'lenient' },
    events: 3,
    ops: { alloc: 2, free: 1, realloc: 0 },
    peakLive: 100,
    liveAtEnd: 40,
    footprint: 160,
    heapAtEnd: 160,
    fragmentation: { f1: 0.5, f2: 0.2, f3, f4 },
    searchLength: { mean: 2, max: 3, allocations: 2 },
    failures: 0,
    problems: { count: 0, byKind: {}, first: [] },
    wallMs: 1,
    opsPerSecond: 3000,
    series: [
      { step: 0, steps: 1, liveMin: 60, liveMax: 60, heapMin: 64, heapMax: 64 },
      { step: 1, steps: 2, liveMin: 40, liveMax: 100, heapMin: 64, heapMax: 160 },
    ],
  };
}

const one = [result('t.mtrace', 'first-fit', 0.6, 0.6), result('t.mtrace', 'buddy', 1.5, 1.2)];
const two = [...one, result('u.mtrace', 'first-fit', null, null)];

describe('policy comparison specs', () => {
  it('draws heap maxima per policy and the live bytes once', () => {
    const spec = footprintOverTimeSpec(one, 't.mtrace') as { layer: { data: { values: Record<string, unknown>[] } }[] };
    expect(spec.layer[0].data.values).toEqual([
      { policy: 'first-fit', event: 0, bytes: 64 },
      { policy: 'first-fit', event: 1, bytes: 160 },
      { policy: 'buddy', event: 0, bytes: 64 },
      { policy: 'buddy', event: 1, bytes: 160 },
    ]);
    expect(spec.layer[1].data.values).toEqual([{ event: 0, bytes: 60 }, { event: 1, bytes: 100 }]);
  });

  it('stops the heap axis above the rest when one policy runs away, and names it', () => {
    const runaway = { ...result('t.mtrace', 'bump', 9, 9), footprint: 5000 };
    const others = ['a', 'b', 'c'].map((p) => result('t.mtrace', p, 0.1, 0.1));
    const spec = footprintOverTimeSpec([...others, runaway], 't.mtrace') as {
      title: { subtitle: string[] };
      layer: { encoding: { y: { scale?: { domain: number[] } } } }[];
    };
    expect(spec.title.subtitle[1]).toBe('off the top of the scale: bump (footprint 4.88 KiB)');
    expect(spec.layer[0].encoding.y.scale?.domain).toEqual([0, 176]);
    const calm = footprintOverTimeSpec(others, 't.mtrace') as typeof spec;
    expect(calm.title.subtitle).toHaveLength(1);
    expect(calm.layer[0].encoding.y.scale).toBeUndefined();
  });

  it('gives #3 and #4 in percent per policy, drops undefined ones, and facets by trace only when there are several', () => {
    const spec = fragmentationSpec(one) as { data: { values: { policy: string; measure: string; percent: number }[] }; encoding: Record<string, unknown> };
    expect(spec.data.values.map((v) => [v.policy, v.measure, v.percent])).toEqual([
      ['first-fit', '#3', 60],
      ['first-fit', '#4', 60],
      ['buddy', '#3', 150],
      ['buddy', '#4', 120],
    ]);
    expect(spec.encoding.row).toBeUndefined();
    const both = fragmentationSpec(two) as { data: { values: unknown[] }; encoding: Record<string, unknown> };
    expect(both.data.values).toHaveLength(4);
    expect(both.encoding.row).toEqual({ field: 'trace', type: 'nominal', title: null });
    expect((searchLengthSpec(two) as { encoding: Record<string, unknown> }).encoding.row).toBeDefined();
  });

  it('makes one time chart per trace plus the two bar charts, each rendering to SVG in Node', async () => {
    const specs = comparisonSpecs(two);
    expect(specs).toHaveLength(4);
    for (const spec of specs) {
      const svg = await renderSvg(spec);
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain('</svg>');
    }
  });
});

describe('policy lines a reader tells apart (issue 10)', () => {
  type Layer = { data: { values: Array<Record<string, unknown>> }; mark: { type: string }; encoding: Record<string, { scale?: { range: unknown[] }; field?: string; axis?: { labelExpr?: string } }> };
  const three = ['first-fit', 'best-fit', 'tlsf'].map((p) => result('t.mtrace', p, 0.1, 0.1));

  it('gives each policy its own hue and dash pattern, and labels each line at its end', async () => {
    const spec = footprintOverTimeSpec(three, 't.mtrace') as unknown as { layer: Layer[] };
    const lines = spec.layer[0]!.encoding;
    const hues = lines.color!.scale!.range.slice(0, 3);
    const dashes = lines.strokeDash!.scale!.range.slice(0, 3).map((d) => JSON.stringify(d));
    expect(new Set(hues).size).toBe(3);
    expect(new Set(dashes).size).toBe(3);
    const labels = spec.layer[2]!;
    expect(labels.mark.type).toBe('text');
    expect(labels.data.values.map((v) => v.policy).sort()).toEqual(['best-fit', 'first-fit', 'tlsf']);
    // Lines ending together get labels spread apart.
    expect(new Set(labels.data.values.map((v) => v.bytes)).size).toBe(3);
    expect(lines.y!.axis!.labelExpr).toContain('KiB');
    const svg = await renderSvg(spec as never);
    for (const p of ['first-fit', 'best-fit', 'tlsf']) expect(svg).toContain(`>${p}</text>`);
    expect(svg).toContain('stroke-dasharray="6,3"');
  });
});
