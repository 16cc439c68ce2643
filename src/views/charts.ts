/**
 * Vega-Lite specs of a run, as pure functions of a Timeline or a view document: no vega
 * runtime and no DOM here, so they are tested as data and rendered anywhere (Node SVG in
 * render-svg.ts, vega-embed in the JupyterLab renderer).
 *
 * Every chart over steps takes `cursor` (a rule at the selected step). It is a top-level
 * vega-lite param named `cursor`; a renderer moves it with `vegaView.signal('cursor', step)`
 * followed by `vegaView.runAsync()` (-1 hides it).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Timeline } from '../engine/timeline/timeline';
import { EVENT_KIND_NAMES, METRIC_LABELS, type EventKind, type MetricColumn } from '../format/events';
import type { ViewDocument } from '../format/view';
import { comparisonSpecs } from '../alloc-lab/report-charts';
import type { LabReport, PolicyResult } from '../alloc-lab/result';
import { valueAt } from './downsample';
import { asView } from './view';
import { themeOf, vegaConfig, type Theme, type ThemeName } from './theme';

export interface ChartOptions {
  theme?: ThemeName;
  /** Step of the rule drawn across charts over steps; none by default. */
  cursor?: number;
  /** Plot width in pixels (default 600, fits a notebook). */
  width?: number;
  /** Adds invisible hover points carrying tooltips (default true); static SVGs leave them out. */
  interactive?: boolean;
  /** Address map: draw at most this many bars, the largest by size × lifetime (default: all the view has). */
  maxBars?: number;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Options for static renderings (kernel SVG, handouts): no hover points, an address map of at most 300 bars (1500 rects weigh ~0.6 MB of SVG). */
export function staticChartOptions(theme: ThemeName | undefined, cursor?: number): ChartOptions {
  return { theme, cursor, interactive: false, maxBars: 300 };
}

/** One row per kept point of a series, with the event at that step for the tooltip. */
export interface SeriesRow {
  step: number;
  value: number;
  series: string;
  event: string;
  line: number | null;
}

function eventLookup(view: ViewDocument): (step: number) => { event: string; line: number | null } {
  const index = new Map<number, number>();
  view.events.step.forEach((s, i) => index.set(s, i));
  return (step) => {
    const i = index.get(step);
    if (i === undefined) return { event: '', line: null };
    const line = view.events.line[i]!;
    return { event: EVENT_KIND_NAMES[view.events.kind[i] as EventKind] ?? '?', line: line < 0 ? null : line };
  };
}

/** Rows of the named series, labelled for legends and tooltips. */
export function seriesRows(view: ViewDocument, metrics: MetricColumn[], labels: Partial<Record<MetricColumn, string>> = {}): SeriesRow[] {
  const lookup = eventLookup(view);
  const rows: SeriesRow[] = [];
  for (const m of metrics) {
    const s = view.series[m];
    const label = labels[m] ?? METRIC_LABELS[m];
    for (let i = 0; i < s.step.length; i++) rows.push({ step: s.step[i]!, value: s.value[i]!, series: label, ...lookup(s.step[i]!) });
  }
  return rows;
}

function stepAxis(view: ViewDocument): Record<string, unknown> {
  return {
    field: 'step',
    type: 'quantitative',
    title: 'step',
    scale: { domain: [0, Math.max(1, view.meta.steps - 1)], nice: false, zero: false },
    axis: { format: 'd' },
  };
}

const seriesTooltip = (valueTitle: string) => [
  { field: 'step', type: 'quantitative', title: 'step' },
  { field: 'event', type: 'nominal', title: 'event' },
  { field: 'line', type: 'quantitative', title: 'source line' },
  { field: 'series', type: 'nominal', title: 'series' },
  { field: 'value', type: 'quantitative', title: valueTitle, format: ',d' },
];

function cursorParam(options: ChartOptions): Array<Record<string, unknown>> {
  return [{ name: 'cursor', value: options.cursor ?? -1 }];
}

function cursorLayer(theme: Theme): Record<string, unknown> {
  return {
    data: { values: [{}] },
    transform: [{ calculate: 'cursor', as: 'step' }, { filter: 'datum.step >= 0' }],
    mark: { type: 'rule', color: theme.text, strokeWidth: 1.5, strokeDash: [4, 2] },
    encoding: { x: { field: 'step', type: 'quantitative' } },
  };
}

/** A line panel of some series over steps, with hover points and the cursor. */
function seriesPanel(view: ViewDocument, rows: SeriesRow[], yTitle: string, theme: Theme, options: ChartOptions, height: number): Record<string, unknown> {
  const names = [...new Set(rows.map((r) => r.series))];
  const x = stepAxis(view);
  // Counts and bytes are integers: a small range gets one tick per integer, never 0.5 frames.
  const top = rows.reduce((max, r) => Math.max(max, r.value), 0);
  const axis = top <= 8 ? { format: 'd', values: [...Array(Math.max(1, Math.ceil(top)) + 1).keys()] } : { format: '~s' };
  const y = { field: 'value', type: 'quantitative', title: yTitle, axis };
  const color = names.length > 1
    ? { field: 'series', type: 'nominal', title: null, legend: { orient: 'top' }, scale: { domain: names, range: theme.palette.slice(0, names.length) } }
    : { value: theme.palette[0] };
  const layer: Array<Record<string, unknown>> = [
    {
      mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.5 },
      encoding: { x, y, color },
    },
  ];
  if (options.interactive ?? true) {
    layer.push({
      mark: { type: 'point', filled: true, size: 30, opacity: 0 },
      encoding: { x: { field: 'step', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' }, tooltip: seriesTooltip(yTitle) },
    });
  }
  layer.push(cursorLayer(theme));
  return { width: options.width ?? 600, height, data: { values: rows }, layer };
}

/** Stack depth over the run: frames (top panel) and bytes (bottom panel), sharing the step axis. */
export function stackDepthSpec(input: Timeline | ViewDocument, options: ChartOptions = {}): TopLevelSpec {
  const view = asView(input);
  const theme = themeOf(options.theme);
  return {
    $schema: SCHEMA,
    title: { text: 'Stack depth over time', subtitle: `peak ${view.meta.peaks.frames.value} frames, ${view.meta.peaks.stackBytes.value} bytes` },
    params: cursorParam(options),
    config: vegaConfig(theme),
    vconcat: [
      seriesPanel(view, seriesRows(view, ['frames'], { frames: 'frames' }), 'frames', theme, options, 120),
      seriesPanel(view, seriesRows(view, ['stackBytes'], { stackBytes: 'stack bytes' }), 'bytes', theme, options, 120),
    ],
  } as unknown as TopLevelSpec;
}

/** Heap live bytes and footprint (highest address used) over the run. */
export function heapOccupancySpec(input: Timeline | ViewDocument, options: ChartOptions = {}): TopLevelSpec {
  const view = asView(input);
  const theme = themeOf(options.theme);
  const rows = seriesRows(view, ['heapLive', 'footprint'], { heapLive: 'live bytes', footprint: 'footprint' });
  return {
    $schema: SCHEMA,
    title: {
      text: 'Heap occupancy over time',
      subtitle: `peak live ${view.meta.peaks.heapLive.value} bytes at step ${view.meta.peaks.heapLive.step}; footprint ${view.meta.peaks.footprint.value} bytes (policy ${view.meta.policy})`,
    },
    params: cursorParam(options),
    config: vegaConfig(theme),
    ...seriesPanel(view, rows, 'bytes', theme, options, 220),
  } as unknown as TopLevelSpec;
}

/**
 * The heap address map: each block a rectangle from the step that placed it to the step that
 * freed or moved it, over its address range. Capped (see the view's `blocks.omitted`).
 */
export function addressMapSpec(input: Timeline | ViewDocument, options: ChartOptions = {}): TopLevelSpec {
  const view = asView(input);
  const theme = themeOf(options.theme);
  const end = Math.max(1, view.meta.steps - 1);
  let bars = view.blocks.rows;
  let omitted = view.blocks.omitted;
  if (options.maxBars !== undefined && bars.length > options.maxBars) {
    const area = (b: (typeof bars)[number]): number => b.size * ((b.to ?? end) - b.from + 1);
    const ranked = bars.slice().sort((x, y) => area(y) - area(x));
    const dropped = ranked.slice(options.maxBars);
    bars = ranked.slice(0, options.maxBars).sort((x, y) => x.from - y.from || x.address - y.address);
    omitted = { count: omitted.count + dropped.length, bytes: omitted.bytes + dropped.reduce((sum, b) => sum + b.size, 0) };
  }
  // A bar starting where another bar of the same block ended was placed by a realloc.
  const ends = new Set(view.blocks.rows.map((b) => `${b.id}:${b.to}`));
  const rows = bars.map((b) => ({
    block: b.id,
    event: ends.has(`${b.id}:${b.from}`) ? 'realloc' : 'alloc',
    type: b.type,
    address: b.address,
    end: b.address + Math.max(1, b.size),
    size: b.size,
    from: b.from,
    to: b.to ?? end,
    freed: b.to === null ? 'live at end' : String(b.to),
    line: b.line,
  }));
  const { total } = view.blocks;
  const subtitle = omitted.count > 0
    ? `${rows.length} of ${total} block placements (largest size × lifetime); ${omitted.count} omitted, ${omitted.bytes} bytes`
    : `${total} block placements; a realloc that moves a block starts a new bar`;
  return {
    $schema: SCHEMA,
    title: { text: 'Heap address map', subtitle },
    params: cursorParam(options),
    config: vegaConfig(theme),
    width: options.width ?? 600,
    height: 260,
    layer: [
      {
        data: { values: rows },
        mark: { type: 'rect', stroke: theme.background, strokeWidth: 0.5, minHeight: 2 } as unknown,
        encoding: {
          x: { ...stepAxis(view), field: 'from' },
          x2: { field: 'to' },
          y: { field: 'address', type: 'quantitative', title: 'address', scale: { zero: false }, axis: { format: '#x' } },
          y2: { field: 'end' },
          color: { field: 'type', type: 'nominal', title: 'type', legend: { orient: 'right', labelLimit: 160 } },
          tooltip: [
            { field: 'block', type: 'quantitative', title: 'block' },
            { field: 'type', type: 'nominal', title: 'type' },
            { field: 'address', type: 'quantitative', title: 'address', format: '#x' },
            { field: 'size', type: 'quantitative', title: 'bytes' },
            { field: 'from', type: 'quantitative', title: 'step (placed)' },
            { field: 'event', type: 'nominal', title: 'event' },
            { field: 'freed', type: 'nominal', title: 'step (freed or moved)' },
            { field: 'line', type: 'quantitative', title: 'source line' },
          ],
        },
      },
      cursorLayer(theme),
    ],
  } as unknown as TopLevelSpec;
}

/** Bytes in each region after one step: exact from a Timeline or a snapshot of the view, else the downsampled series' value. */
export function regionBytes(input: Timeline | ViewDocument, step: number): { static: number; stack: number; heapLive: number; footprint: number; exact: boolean } {
  if (!('kind' in input)) {
    const t = input as Timeline;
    const at = (m: MetricColumn): number => (step < 0 ? 0 : t.metric(m, step));
    return { static: at('staticBytes'), stack: at('stackBytes'), heapLive: at('heapLive'), footprint: at('footprint'), exact: true };
  }
  const view = input;
  const snapshot = view.snapshots.items.find((s) => s.step === step);
  if (snapshot) {
    const m = snapshot.metrics;
    return { static: m.staticBytes, stack: m.stackBytes, heapLive: m.heapLive, footprint: m.footprint, exact: true };
  }
  const at = (m: MetricColumn): number => valueAt(view.series[m], step) ?? 0;
  return { static: at('staticBytes'), stack: at('stackBytes'), heapLive: at('heapLive'), footprint: at('footprint'), exact: false };
}

/** Static data, stack and heap (live bytes and footprint) at one step, as bars. Default step: the last. */
export function regionSplitSpec(input: Timeline | ViewDocument, step?: number, options: ChartOptions = {}): TopLevelSpec {
  const theme = themeOf(options.theme);
  const steps = 'kind' in input ? input.meta.steps : input.length;
  const at = step ?? steps - 1;
  const bytes = regionBytes(input, at);
  const values = [
    { region: 'static data', bytes: bytes.static, step: at },
    { region: 'stack', bytes: bytes.stack, step: at },
    { region: 'heap (live)', bytes: bytes.heapLive, step: at },
    { region: 'heap (footprint)', bytes: bytes.footprint, step: at },
  ];
  return {
    $schema: SCHEMA,
    title: { text: `Memory by region at step ${at}`, subtitle: bytes.exact ? 'bytes in use after this step' : 'bytes in use near this step (downsampled series)' },
    config: vegaConfig(theme),
    data: { values },
    width: options.width ?? 600,
    height: { step: 26 },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'region', type: 'nominal', title: null, sort: null },
      x: { field: 'bytes', type: 'quantitative', title: 'bytes', axis: { format: '~s' } },
      color: { field: 'region', type: 'nominal', legend: null, scale: { domain: values.map((v) => v.region), range: [theme.palette[2], theme.palette[1], theme.palette[0], theme.palette[5]] } },
      tooltip: [
        { field: 'region', type: 'nominal', title: 'region' },
        { field: 'bytes', type: 'quantitative', title: 'bytes', format: ',d' },
        { field: 'step', type: 'quantitative', title: 'step' },
      ],
    },
  } as unknown as TopLevelSpec;
}

/** The lab's policy comparison charts (src/alloc-lab/report-charts.ts), themed. */
export function policyComparisonSpecs(input: LabReport | readonly PolicyResult[], options: ChartOptions = {}): TopLevelSpec[] {
  const results = Array.isArray(input) ? (input as readonly PolicyResult[]) : (input as LabReport).results;
  const theme = themeOf(options.theme);
  return comparisonSpecs(results).map((spec) => ({ ...spec, config: vegaConfig(theme) }) as TopLevelSpec);
}

/** The charts a notebook shows for a run, in order: heap occupancy, stack depth, address map, regions at the cursor (or the end). */
export function mainSpecs(input: Timeline | ViewDocument, options: ChartOptions = {}): TopLevelSpec[] {
  const view = asView(input);
  return [heapOccupancySpec(view, options), stackDepthSpec(view, options), addressMapSpec(view, options), regionSplitSpec(view, options.cursor, options)];
}
