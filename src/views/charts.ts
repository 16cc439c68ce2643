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
import type { LabReport, PolicyResult } from '../format/lab-report';
import { valueAt } from './downsample';
import { comparisonSpecs } from './lab/charts';
import { asView } from './view';
import { heapExtents } from './diagram';
import { REGION_COLOURS, themeOf, vegaConfig, type Theme, type ThemeName } from './theme';

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

/** `1 frame`, `3 frames`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Bytes in binary units, as the notebooks' tables write them: `512 B`, `1.5 KiB`, `8 MiB`. */
export function binaryBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : Number(v.toPrecision(3))} ${units[u]}`;
}

/** The same as `binaryBytes`, as a vega expression for axis labels. */
const BYTES_LABEL = "datum.value >= 1073741824 ? format(datum.value / 1073741824, '.3~') + ' GiB' : datum.value >= 1048576 ? format(datum.value / 1048576, '.3~') + ' MiB' : datum.value >= 1024 ? format(datum.value / 1024, '.3~') + ' KiB' : format(datum.value, 'd') + ' B'";

/**
 * Tick values at multiples of a power of two covering [lo, hi], about 4 to 8 of them: byte
 * counts and addresses read as 0x100, 0x200… or 1 KiB, 2 KiB…, never 0x3e8.
 */
export function binaryTicks(lo: number, hi: number): number[] {
  const span = Math.max(1, hi - lo);
  let step = 1;
  while (span / step > 8) step *= 2;
  const first = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let v = first; v <= hi + step / 2 && ticks.length < 20; v += step) if (v >= lo - step / 2) ticks.push(v);
  return ticks;
}

/** A y axis of bytes: power-of-two ticks labelled in binary units. */
function bytesAxis(max: number): Record<string, unknown> {
  return { values: binaryTicks(0, Math.max(1, max)), labelExpr: BYTES_LABEL };
}

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

/** A line panel of some series over steps, with hover points and the cursor; `extra` layers go under the cursor. */
function seriesPanel(view: ViewDocument, rows: SeriesRow[], yTitle: string, theme: Theme, options: ChartOptions, height: number,
  colours: string[], unit: 'count' | 'bytes', extra: Array<Record<string, unknown>> = [], yMax = 0): Record<string, unknown> {
  const names = [...new Set(rows.map((r) => r.series))];
  const x = stepAxis(view);
  // Counts and bytes are integers: a small range gets one tick per integer, never 0.5 frames.
  const top = Math.max(yMax, rows.reduce((max, r) => Math.max(max, r.value), 0));
  const axis = unit === 'bytes' ? bytesAxis(top)
    : top <= 8 ? { format: 'd', values: [...Array(Math.max(1, Math.ceil(top)) + 1).keys()] } : { format: '~s' };
  const y = { field: 'value', type: 'quantitative', title: yTitle, axis };
  const color = names.length > 1
    ? { field: 'series', type: 'nominal', title: null, legend: { orient: 'top' }, scale: { domain: names, range: colours.slice(0, names.length) } }
    : { value: colours[0] };
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
  layer.push(...extra, cursorLayer(theme));
  return { width: options.width ?? 600, height, data: { values: rows }, layer };
}

/** A chart's place when there is nothing to plot: its title, a sentence in the middle, and the cursor param renderers move. */
function emptyState(title: string, subtitle: string, message: string, theme: Theme, options: ChartOptions): TopLevelSpec {
  return {
    $schema: SCHEMA,
    title: { text: title, subtitle },
    params: cursorParam(options),
    config: vegaConfig(theme),
    width: options.width ?? 600,
    height: 60,
    data: { values: [{ message }] },
    mark: { type: 'text', fontSize: 13, color: theme.muted },
    encoding: { text: { field: 'message', type: 'nominal' } },
  } as unknown as TopLevelSpec;
}

/** Whether a run ended on a stack overflow (its last step is where it happened). */
function overflowed(view: ViewDocument): boolean {
  return /overflow/i.test(view.meta.ended ?? '');
}

/**
 * Stack depth over the run: frames (top panel) and bytes (bottom panel), sharing the step axis.
 * The bytes panel draws the stack limit when the run came near it (a quarter of it or more),
 * and a marker where a stack overflow ended the run.
 */
export function stackDepthSpec(input: Timeline | ViewDocument, options: ChartOptions = {}): TopLevelSpec {
  const view = asView(input);
  const theme = themeOf(options.theme);
  const { stackLimit } = view.meta;
  const peak = view.meta.peaks.stackBytes.value;
  const overflow = overflowed(view);
  const showLimit = stackLimit > 0 && (overflow || peak >= stackLimit / 4);
  const extra: Array<Record<string, unknown>> = [];
  if (showLimit) {
    extra.push({
      data: { values: [{ limit: stackLimit, label: `stack limit ${binaryBytes(stackLimit)}` }] },
      layer: [
        { mark: { type: 'rule', color: theme.danger, strokeDash: [6, 3], strokeWidth: 1.2 }, encoding: { y: { field: 'limit', type: 'quantitative' } } },
        { mark: { type: 'text', align: 'left', dx: 4, dy: -6, color: theme.danger, fontSize: 10 }, encoding: { y: { field: 'limit', type: 'quantitative' }, x: { datum: 0, type: 'quantitative' }, text: { field: 'label' } } },
      ],
    });
  }
  if (overflow) {
    const last = Math.max(0, view.meta.steps - 1);
    extra.push({
      data: { values: [{ step: last, value: peak, label: 'stack overflow' }] },
      layer: [
        { mark: { type: 'point', shape: 'cross', size: 160, filled: true, color: theme.danger }, encoding: { x: { field: 'step', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' } } },
        { mark: { type: 'text', align: 'right', dx: -10, dy: 14, color: theme.danger, fontSize: 11, fontWeight: 'bold' }, encoding: { x: { field: 'step', type: 'quantitative' }, y: { field: 'value', type: 'quantitative' }, text: { field: 'label' } } },
      ],
    });
  }
  const frames = view.meta.peaks.frames.value;
  const limitNote = showLimit ? '' : `; limit ${binaryBytes(stackLimit)}`;
  return {
    $schema: SCHEMA,
    title: { text: 'Stack depth over time', subtitle: `peak ${plural(frames, 'frame')}, ${binaryBytes(peak)}${limitNote}${overflow ? '; ended by a stack overflow' : ''}` },
    params: cursorParam(options),
    config: vegaConfig(theme),
    vconcat: [
      seriesPanel(view, seriesRows(view, ['frames'], { frames: 'frames' }), 'frames', theme, options, 120, [REGION_COLOURS.stack], 'count'),
      seriesPanel(view, seriesRows(view, ['stackBytes'], { stackBytes: 'stack bytes' }), 'bytes', theme, options, 120, [REGION_COLOURS.stack], 'bytes', extra, showLimit ? stackLimit : 0),
    ],
  } as unknown as TopLevelSpec;
}

/** Heap live bytes and footprint (highest address used) over the run; a sentence instead of empty axes when the run never allocated. */
export function heapOccupancySpec(input: Timeline | ViewDocument, options: ChartOptions = {}): TopLevelSpec {
  const view = asView(input);
  const theme = themeOf(options.theme);
  const title = 'Heap occupancy over time';
  if (view.meta.heapOps.allocs === 0 && view.meta.peaks.heapLive.value === 0) {
    return emptyState(title, `policy ${view.meta.policy}`, 'no heap use: this run never allocated', theme, options);
  }
  const rows = seriesRows(view, ['heapLive', 'footprint'], { heapLive: 'live bytes', footprint: 'footprint' });
  const { heapLive, footprint } = view.meta.peaks;
  return {
    $schema: SCHEMA,
    title: {
      text: title,
      subtitle: `peak live ${binaryBytes(heapLive.value)} at step ${heapLive.step}; footprint ${binaryBytes(footprint.value)} (policy ${view.meta.policy})`,
    },
    params: cursorParam(options),
    config: vegaConfig(theme),
    ...seriesPanel(view, rows, 'bytes', theme, options, 220, [REGION_COLOURS.heapLive, REGION_COLOURS.footprint], 'bytes'),
  } as unknown as TopLevelSpec;
}

/** A free gap between live blocks over a span of steps, as the address map draws it. */
export interface HeapHole {
  address: number;
  end: number;
  size: number;
  from: number;
  to: number;
}

/**
 * The holes between live blocks at every step, one row per hole for as long as it stays the
 * same (same address and size). A block is live from the step that placed it until the step
 * that freed or moved it (`to`; null = live at `end`). Holes are the gaps between the lowest
 * and highest live block, as the diagram's extents strip draws them (heapExtents).
 *
 *   heapHoles([{ address: 0, size: 8, from: 0, to: null }, { address: 8, size: 8, from: 1, to: 3 }, { address: 16, size: 8, from: 2, to: null }], 5)
 *   // → [{ address: 8, end: 16, size: 8, from: 3, to: 5 }]
 */
export function heapHoles(rows: ReadonlyArray<{ address: number; size: number; from: number; to: number | null }>, end: number): HeapHole[] {
  const bounds = [...new Set([...rows.map((r) => r.from), ...rows.map((r) => r.to ?? end), end])].sort((a, b) => a - b);
  const out: HeapHole[] = [];
  // Holes open in the previous span, by address and size, so a hole that lasts is one row.
  let open = new Map<string, HeapHole>();
  for (let i = 0; i + 1 < bounds.length; i++) {
    const at = bounds[i]!;
    const next = bounds[i + 1]!;
    const live = rows.filter((r) => r.from <= at && (r.to ?? end + 1) > at).map((r, k) => ({ id: k, address: r.address, size: r.size }));
    const still = new Map<string, HeapHole>();
    for (const seg of heapExtents(live)) {
      if (seg.block !== null) continue;
      const key = `${seg.address}:${seg.size}`;
      const hole = open.get(key) ?? { address: seg.address, end: seg.address + seg.size, size: seg.size, from: at, to: next };
      if (!open.has(key)) out.push(hole);
      hole.to = next;
      still.set(key, hole);
    }
    open = still;
  }
  return out;
}

/**
 * The heap address map: each block a rectangle from the step that placed it to the step that
 * freed or moved it, over its address range. Capped (see the view's `blocks.omitted`).
 */
export function addressMapSpec(input: Timeline | ViewDocument, options: ChartOptions = {}): TopLevelSpec {
  const view = asView(input);
  const theme = themeOf(options.theme);
  if (view.blocks.rows.length === 0) return emptyState('Heap address map', 'no heap blocks in this run', 'no heap use: nothing to place', theme, options);
  const end = Math.max(1, view.meta.steps - 1);
  const height = 260;
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
  // A 10-byte block in a 64 KiB heap is a sub-pixel streak: every bar gets at least 3 px.
  const low = Math.min(...bars.map((b) => b.address));
  const high = Math.max(...bars.map((b) => b.address + b.size));
  const minBytes = Math.max(1, Math.ceil(((high - low) * 3) / height));
  const rows = bars.map((b) => ({
    block: b.id,
    event: ends.has(`${b.id}:${b.from}`) ? 'realloc' : 'alloc',
    type: b.type,
    address: b.address,
    end: b.address + Math.max(1, b.size),
    shown: b.address + Math.max(minBytes, b.size),
    size: b.size,
    from: b.from,
    to: b.to ?? end,
    freed: b.to === null ? 'live at end' : String(b.to),
    line: b.line,
  }));
  const { total } = view.blocks;
  // Holes only when the view kept every placement: an omitted block would read as free space.
  const holes = view.blocks.omitted.count === 0 ? heapHoles(view.blocks.rows, end) : [];
  const subtitle = omitted.count > 0
    ? `${rows.length} of ${total} block placements (largest size × lifetime); ${omitted.count} omitted, ${omitted.bytes} bytes`
    : `${plural(total, 'block placement')}; a realloc that moves a block starts a new bar; dashed outlines: free holes between live blocks`;
  return {
    $schema: SCHEMA,
    title: { text: 'Heap address map', subtitle },
    params: cursorParam(options),
    config: vegaConfig(theme),
    width: options.width ?? 600,
    height,
    layer: [
      {
        data: { values: rows },
        mark: { type: 'rect', stroke: theme.background, strokeWidth: 0.5 },
        encoding: {
          x: { ...stepAxis(view), field: 'from' },
          x2: { field: 'to' },
          y: { field: 'address', type: 'quantitative', title: 'address', scale: { zero: false, nice: false, domain: [low, Math.max(high, low + minBytes)] }, axis: { format: '#x', values: binaryTicks(low, high) } },
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
      {
        // Blocks too small to see drawn again at the minimum height, in their type's colour.
        data: { values: rows.filter((r) => r.size < minBytes) },
        mark: { type: 'rect', stroke: theme.background, strokeWidth: 0.5 },
        encoding: {
          x: { field: 'from', type: 'quantitative' },
          x2: { field: 'to' },
          y: { field: 'address', type: 'quantitative' },
          y2: { field: 'shown' },
          color: { field: 'type', type: 'nominal' },
        },
      },
      {
        // Free holes between live blocks: outlined, not filled, so they never read as a block type.
        data: { values: holes.map((h) => ({ ...h, hole: `${binaryBytes(h.size)} free` })) },
        mark: { type: 'rect', fill: theme.background, fillOpacity: 0.01, stroke: theme.muted, strokeDash: [3, 2], strokeWidth: 1 },
        encoding: {
          x: { field: 'from', type: 'quantitative' },
          x2: { field: 'to' },
          y: { field: 'address', type: 'quantitative' },
          y2: { field: 'end' },
          tooltip: [
            { field: 'hole', type: 'nominal', title: 'free hole' },
            { field: 'size', type: 'quantitative', title: 'bytes' },
            { field: 'address', type: 'quantitative', title: 'address', format: '#x' },
            { field: 'from', type: 'quantitative', title: 'from step' },
            { field: 'to', type: 'quantitative', title: 'to step' },
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
    title: {
      text: at < 0 ? 'Memory by region before the first step' : `Memory by region at step ${at}`,
      subtitle: at < 0 ? 'nothing placed yet' : bytes.exact ? 'bytes in use after this step' : 'bytes in use near this step (downsampled series)',
    },
    config: vegaConfig(theme),
    data: { values },
    width: options.width ?? 600,
    height: { step: 26 },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'region', type: 'nominal', title: null, sort: null },
      x: { field: 'bytes', type: 'quantitative', title: 'bytes', scale: { domain: [0, Math.max(...binaryTicks(0, Math.max(1, ...values.map((v) => v.bytes))))], nice: false }, axis: { ...bytesAxis(Math.max(...values.map((v) => v.bytes))), labelFlush: true } },
      color: { field: 'region', type: 'nominal', legend: null, scale: { domain: values.map((v) => v.region), range: [REGION_COLOURS.static, REGION_COLOURS.stack, REGION_COLOURS.heapLive, REGION_COLOURS.footprint] } },
      tooltip: [
        { field: 'region', type: 'nominal', title: 'region' },
        { field: 'bytes', type: 'quantitative', title: 'bytes', format: ',d' },
        { field: 'step', type: 'quantitative', title: 'step' },
      ],
    },
  } as unknown as TopLevelSpec;
}

/** The allocator lab's policy comparison charts (src/views/lab/charts.ts), themed. */
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
