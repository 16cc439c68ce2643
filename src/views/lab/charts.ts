/**
 * Vega-Lite specs for the policy comparison, as pure functions of lab results: no vega
 * runtime here, so they are tested as data and rendered wherever (Node SVG, Jupyter).
 */
import type { TopLevelSpec } from 'vega-lite';
import { fileLabel, traceLabels } from './labels';
import type { PolicyResult } from '../../format/lab-report';
import { bytes } from './table';

const WIDTH = 640;
/** Distinct hues (Okabe & Ito, then Tableau 10's unpaired ones): no two policies share a hue. */
const POLICY_HUES = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C564B', '#7F7F7F', '#BCBD22', '#17BECF', '#9467BD', '#000000'];
/** A dash pattern per policy, so lines that coincide are still told apart. */
const POLICY_DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [12, 4], [4, 4, 1, 4], [3, 6], [10, 2, 2, 2, 2, 2], [1, 3], [6, 2, 1, 2], [14, 3], [5, 1]];
/** Axis labels in binary units (the lab's tables say KiB and MiB). */
const BYTES_LABEL = "datum.value >= 1048576 ? format(datum.value / 1048576, '.3~') + ' MiB' : datum.value >= 1024 ? format(datum.value / 1024, '.3~') + ' KiB' : format(datum.value, 'd') + ' B'";
/** A policy whose footprint exceeds this many times the median is drawn off scale (named in the subtitle). */
const OFF_SCALE_FACTOR = 4;

/** The file name without its folders, for titles (rows use traceLabels, unique per trace). */
export function traceLabel(trace: string): string {
  return fileLabel(trace);
}

/** Distinct trace names in first-seen order. */
export function tracesOf(results: readonly PolicyResult[]): string[] {
  return [...new Set(results.map((r) => r.trace))];
}

/**
 * Heap used (bucket maxima, so peaks survive downsampling) per policy over trace events,
 * with the program's live bytes as a dashed reference line. One chart per trace.
 */
export function footprintOverTimeSpec(results: readonly PolicyResult[], trace: string): TopLevelSpec {
  const mine = results.filter((r) => r.trace === trace);
  const heap = mine.flatMap((r) => r.series.map((p) => ({ policy: r.policy, event: p.step, bytes: p.heapMax })));
  // Live bytes depend on the trace, not the policy (failures aside): draw the first one.
  const live = (mine[0]?.series ?? []).map((p) => ({ event: p.step, bytes: p.liveMax }));
  // One runaway policy (a bump arena never reuses memory) would flatten every other line:
  // stop the axis above the rest and name the runaways with their footprint instead.
  const footprints = mine.map((r) => r.footprint).sort((a, b) => a - b);
  const median = footprints.length ? footprints[Math.floor((footprints.length - 1) / 2)] : 0;
  const offScale = mine.filter((r) => median > 0 && r.footprint > OFF_SCALE_FACTOR * median);
  const onScale = mine.filter((r) => !offScale.includes(r));
  const top = Math.max(0, ...onScale.map((r) => r.footprint), ...mine.map((r) => r.peakLive));
  const subtitle = ['solid: heap top per policy; dashed: live bytes requested'];
  if (offScale.length) subtitle.push(`off the top of the scale: ${offScale.map((r) => `${r.policy} (footprint ${bytes(r.footprint)})`).join(', ')}`);
  const y = offScale.length ? { scale: { domain: [0, Math.ceil(top * 1.1)] } } : {};
  const policies = mine.map((r) => r.policy);
  // Labels spread apart vertically when lines end together, so names never sit on each other.
  const ends = onScale.map((r) => ({ policy: r.policy, event: r.series.at(-1)?.step ?? 0, bytes: r.series.at(-1)?.heapMax ?? 0 }))
    .sort((a, b) => a.bytes - b.bytes);
  for (let i = 1; i < ends.length; i++) ends[i]!.bytes = Math.max(ends[i]!.bytes, ends[i - 1]!.bytes + top / 30);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: `Heap used over time — ${traceLabel(trace)}`, subtitle },
    width: WIDTH,
    height: 300,
    layer: [
      {
        data: { values: heap },
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.5, clip: true },
        encoding: {
          x: { field: 'event', type: 'quantitative', title: 'trace event' },
          y: { field: 'bytes', type: 'quantitative', title: 'bytes', axis: { labelExpr: BYTES_LABEL }, ...y },
          // Policies whose lines coincide (first-fit, best-fit, TLSF often do) stay apart: a hue
          // of its own (no light/dark pairs) and a dash pattern of its own, and a label at its end.
          color: { field: 'policy', type: 'nominal', title: 'policy', sort: null, scale: { domain: policies, range: POLICY_HUES } },
          strokeDash: { field: 'policy', type: 'nominal', sort: null, scale: { domain: policies, range: POLICY_DASHES }, legend: null },
        },
      },
      {
        data: { values: live },
        mark: { type: 'line', interpolate: 'step-after', strokeDash: [4, 3], color: '#333', strokeWidth: 1, clip: true },
        encoding: {
          x: { field: 'event', type: 'quantitative' },
          y: { field: 'bytes', type: 'quantitative' },
        },
      },
      {
        // Direct labels: each policy's name at the end of its line (runaways are named in the subtitle).
        data: { values: ends },
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, clip: false },
        encoding: {
          x: { field: 'event', type: 'quantitative' },
          y: { field: 'bytes', type: 'quantitative' },
          text: { field: 'policy' },
          color: { field: 'policy', type: 'nominal', sort: null, scale: { domain: policies, range: POLICY_HUES }, legend: null },
        },
      },
    ],
  } as TopLevelSpec;
}

/** Johnstone & Wilson's #3 and #4 (in %) per policy, grouped bars; one row per trace. */
export function fragmentationSpec(results: readonly PolicyResult[]): TopLevelSpec {
  const label = traceLabels(tracesOf(results));
  const values = results.flatMap((r) => [
    { trace: label.get(r.trace)!, policy: r.policy, measure: '#3', percent: pct(r.fragmentation.f3) },
    { trace: label.get(r.trace)!, policy: r.policy, measure: '#4', percent: pct(r.fragmentation.f4) },
  ]).filter((v) => v.percent !== null);
  const several = tracesOf(results).length > 1;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: 'Fragmentation per policy', subtitle: [
      'Johnstone & Wilson (ISMM 1998), lower is better:',
      '#3 max heap vs live bytes at that point, #4 max heap vs max live bytes',
      'symmetric log scale: from 0.1 % to 10^4 % on one axis',
    ] },
    data: { values },
    mark: 'bar',
    width: { step: 14 },
    height: 220,
    encoding: {
      x: { field: 'policy', type: 'nominal', title: null, sort: null },
      xOffset: { field: 'measure', type: 'nominal' },
      // Policies span 0.1 % to thousands of %: a linear axis would show one bar.
      y: { field: 'percent', type: 'quantitative', title: 'fragmentation (%)', scale: { type: 'symlog', constant: 1 }, axis: { values: [0, 1, 10, 100, 1000, 10000] } },
      color: { field: 'measure', type: 'nominal', title: 'measure' },
      tooltip: [
        { field: 'policy', type: 'nominal' },
        { field: 'measure', type: 'nominal' },
        { field: 'percent', type: 'quantitative', format: '.1f' },
      ],
      ...(several ? { row: { field: 'trace', type: 'nominal', title: null } } : {}),
    },
  };
}

/** Mean search length (blocks examined per allocation) per policy; one row per trace. */
export function searchLengthSpec(results: readonly PolicyResult[]): TopLevelSpec {
  const label = traceLabels(tracesOf(results));
  const values = results.map((r) => ({ trace: label.get(r.trace)!, policy: r.policy, mean: r.searchLength.mean, max: r.searchLength.max }));
  const several = tracesOf(results).length > 1;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: 'Search length per policy', subtitle: 'blocks examined per allocation (mean)' },
    data: { values },
    mark: 'bar',
    width: { step: 28 },
    height: 180,
    encoding: {
      x: { field: 'policy', type: 'nominal', title: null, sort: null },
      y: { field: 'mean', type: 'quantitative', title: 'blocks per allocation' },
      tooltip: [
        { field: 'policy', type: 'nominal' },
        { field: 'mean', type: 'quantitative', format: '.2f' },
        { field: 'max', type: 'quantitative' },
      ],
      ...(several ? { row: { field: 'trace', type: 'nominal', title: null } } : {}),
    },
  };
}

/** Every chart of the comparison report, in display order. */
export function comparisonSpecs(results: readonly PolicyResult[]): TopLevelSpec[] {
  return [
    ...tracesOf(results).map((t) => footprintOverTimeSpec(results, t)),
    fragmentationSpec(results),
    searchLengthSpec(results),
  ];
}

function pct(ratio: number | null): number | null {
  return ratio === null ? null : ratio * 100;
}
