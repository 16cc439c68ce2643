/**
 * Builds the `view` document (src/format/view.ts) from a timeline: the bounded payload a
 * notebook output carries. Pure and DOM-free (imports the engine, as every way out may).
 */
import { decodeTimeline } from '../engine/timeline/document';
import { checkEnvelope, parseDocument } from '../format/envelope';
import type { Snapshot } from '../format/snapshot';
import { Timeline } from '../engine/timeline/timeline';
import { metricColumn } from '../engine/timeline/metrics';
import { FORMAT_VERSION, FormatError } from '../format/errors';
import { EventKind, METRIC_COLUMNS, type MetricColumn } from '../format/events';
import type { Value } from '../format/values';
import { checkView, type BlockBar, type ViewDocument, type ViewMeta, type ViewSeries, type ViewSnapshot } from '../format/view';
import { downsampleM4 } from './downsample';
import { defaultStep } from './steps';

export interface ViewOptions {
  /** Points per metric series at most (M4: 4 per bucket). Default 2000. */
  maxPoints?: number;
  /** Runs with at most this many steps send a snapshot of every step (if they fit `snapshotBytes`). Default 2000. */
  maxSnapshots?: number;
  /** JSON bytes the whole view aims to stay under: snapshots get what the rest leaves. Default 900 000. */
  maxBytes?: number;
  /** JSON bytes all snapshots together may take at most (within `maxBytes`). Default 500 000. */
  snapshotBytes?: number;
  /** Bars of the heap address map at most. Default 1500. */
  maxBlocks?: number;
  /** Characters of program output kept. Default 20 000. */
  outputChars?: number;
  /** Characters of source text kept. Default 20 000. */
  sourceChars?: number;
  /** Frames a snapshot keeps at most: the outermost two and the innermost rest (deep recursion). Default 200. */
  maxFrames?: number;
  /** Heap blocks a snapshot keeps at most: those its locals and statics reach first (breadth first), then in address order. Default 1000. */
  snapshotBlocks?: number;
  /** Characters of a string value a snapshot keeps (its `len` stays the full byte length). Default 1000. */
  textChars?: number;
  /** Steps whose snapshot must be included (e.g. the step a notebook shows). */
  steps?: number[];
  /** The step the renderer opens at (its snapshot is included). Default: `defaultStep`, the end of main before its drops. */
  step?: number;
  /** Steps a printed handout shows side by side, Aquascope's L1, L2, L3 (their snapshots are included). */
  filmstrip?: number[];
}

/** makeView's limits; the renderer's payload budget (budget.ts) is the same numbers. */
export const VIEW_DEFAULTS = { maxFrames: 200, snapshotBlocks: 1000, textChars: 1000, maxPoints: 2000, maxSnapshots: 2000, maxBytes: 900_000, snapshotBytes: 500_000, maxBlocks: 1500, outputChars: 20_000, sourceChars: 20_000 };

/**
 *   const view = makeView(rustProgram(...));          // ≤ ~1 MB whatever the run's length
 *   display.raw('application/vnd.memscope.v1+json', JSON.stringify(view));
 */
export function makeView(timeline: Timeline, options: ViewOptions = {}): ViewDocument {
  const n = timeline.length;
  const step = options.step ?? defaultStep(timeline);
  if (n > 0 && (!Number.isInteger(step) || step < 0 || step >= n)) throw new RangeError(`step ${step} is outside this timeline (0..${n - 1})`);
  const filmstrip = [...new Set(options.filmstrip ?? [])].sort((a, b) => a - b);
  for (const at of filmstrip) {
    if (!Number.isInteger(at) || at < 0 || at >= n) throw new RangeError(`filmstrip step ${at} is outside this timeline (0..${n - 1})`);
  }
  const o = { ...VIEW_DEFAULTS, ...options, steps: n > 0 ? [step, ...filmstrip, ...(options.steps ?? [])] : options.steps };
  const buckets = Math.max(1, Math.floor(o.maxPoints / 4));

  const series = {} as Record<MetricColumn, ViewSeries>;
  const kept = new Set<number>();
  for (const m of METRIC_COLUMNS) {
    const s = downsampleM4(metricColumn(timeline.metricSteps, m, n), n, buckets);
    series[m] = s;
    for (const step of s.step) kept.add(step);
  }
  const events = { step: [] as number[], kind: [] as number[], line: [] as number[] };
  for (const step of [...kept].sort((a, b) => a - b)) {
    events.step.push(step);
    events.kind.push(timeline.kindAt(step));
    events.line.push(timeline.store.columns.line[step]!);
  }

  const peaks = {} as ViewMeta['peaks'];
  for (const m of METRIC_COLUMNS) peaks[m] = timeline.peak(m);
  const { title, policy, staticBase, heapBase, stackTop, stackLimit, source, program, ended } = timeline.meta;
  const meta: ViewMeta = {
    policy, staticBase, heapBase, stackTop, stackLimit,
    steps: n,
    peaks,
    final: timeline.final(),
    heapOps: timeline.heapOps(),
  };
  if (title !== undefined) meta.title = title;
  if (source !== undefined) meta.source = source.slice(0, o.sourceChars);
  // Runnable again only when the whole program is kept.
  if (program !== undefined && source !== undefined && source.length <= o.sourceChars) meta.program = program;
  if (ended !== undefined) meta.ended = ended;

  const text = timeline.output();
  const view: ViewDocument = {
    format: 'memscope',
    version: FORMAT_VERSION,
    kind: 'view',
    meta,
    series,
    events,
    blocks: blockBars(timeline, o.maxBlocks),
    snapshots: { complete: n === 0, items: [] },
    output: { text: text.slice(0, o.outputChars), length: text.length, truncated: text.length > o.outputChars },
  };
  if (n > 0) view.step = step;
  if (filmstrip.length > 0) view.filmstrip = filmstrip;
  const rest = JSON.stringify(view).length;
  view.snapshots = chooseSnapshots(timeline, peaks, o, Math.min(o.snapshotBytes, o.maxBytes - rest));
  return view;
}

/**
 * The heap address map's bars from the events: a block's bar runs from its allocation to its
 * free; a realloc that moves or resizes it ends the bar and starts another. When there are more
 * than `max`, the largest by size × lifetime stay (they dominate the picture) and the rest are
 * counted in `omitted`.
 */
export function blockBars(timeline: Timeline, max: number): ViewDocument['blocks'] {
  const e = timeline.store.columns;
  const n = timeline.length;
  const open = new Map<number, BlockBar>();
  const bars: BlockBar[] = [];
  const typeOf = (step: number): string => timeline.string(e.type[step]!) ?? '';
  const lineOf = (step: number): number | null => (e.line[step]! < 0 ? null : e.line[step]!);
  for (let step = 0; step < n; step++) {
    const kind = e.kind[step]!;
    if (kind === EventKind.HeapAlloc) {
      open.set(e.a[step]!, { id: e.a[step]!, address: timeline.addr(step), size: timeline.size(step), from: step, to: null, type: typeOf(step), line: lineOf(step) });
    } else if (kind === EventKind.HeapRealloc || kind === EventKind.HeapFree) {
      const bar = open.get(e.a[step]!);
      if (!bar) continue;
      bar.to = step;
      bars.push(bar);
      open.delete(bar.id);
      if (kind === EventKind.HeapRealloc) {
        open.set(bar.id, { id: bar.id, address: timeline.addr(step), size: timeline.size(step), from: step, to: null, type: bar.type, line: lineOf(step) });
      }
    }
  }
  bars.push(...open.values());
  const total = bars.length;
  let rows = bars;
  const omitted = { count: 0, bytes: 0 };
  if (bars.length > max) {
    const area = (b: BlockBar): number => b.size * ((b.to ?? n) - b.from + 1);
    const ranked = bars.slice().sort((x, y) => area(y) - area(x) || x.from - y.from);
    rows = ranked.slice(0, max);
    for (const b of ranked.slice(max)) {
      omitted.count++;
      omitted.bytes += b.size;
    }
  }
  rows.sort((x, y) => x.from - y.from || x.address - y.address);
  return { rows, total, omitted };
}

/**
 * Snapshots to send: every step of a short run, else the steps that matter (peaks, the end,
 * the start, requested steps) and evenly spread ones, added in an order where any prefix is
 * spread over the run, until the byte budget is spent.
 */
function chooseSnapshots(timeline: Timeline, peaks: ViewMeta['peaks'], o: typeof VIEW_DEFAULTS & ViewOptions, budget: number): ViewDocument['snapshots'] {
  const n = timeline.length;
  if (n === 0) return { complete: true, items: [] };
  const wanted: number[] = [];
  const seen = new Set<number>();
  const want = (step: number): void => {
    if (Number.isInteger(step) && step >= 0 && step < n && !seen.has(step)) {
      seen.add(step);
      wanted.push(step);
    }
  };
  for (const step of o.steps ?? []) want(step);
  want(n - 1);
  for (const m of ['heapLive', 'footprint', 'frames', 'stackBytes', 'heapBlocks'] as const) want(peaks[m].step);
  want(0);
  const limit = n <= o.maxSnapshots ? n : Math.min(o.maxSnapshots, n);
  // Coarse to fine: halves, quarters, eighths… so the budget cuts evenly.
  for (let parts = 2; seen.size < limit && parts < 2 * n; parts *= 2) {
    for (let k = 1; k < parts && seen.size < limit; k += 2) want(Math.floor((k * (n - 1)) / parts));
  }
  for (let step = 0; seen.size < limit && step < n; step++) want(step);

  const items: ViewSnapshot[] = [];
  // Requested steps and the last go in whatever their size; the peaks, start and spread ones while they fit.
  const mandatory = new Set([...(o.steps ?? []), n - 1].filter((step) => seen.has(step)));
  let bytes = 0;
  for (const step of wanted) {
    const snapshot = capTexts(trimBlocks(trimFrames(timeline.snapshot(step), o.maxFrames), o.snapshotBlocks), o.textChars);
    const size = JSON.stringify(snapshot).length;
    if (bytes + size > budget && !mandatory.has(step)) {
      // Snapshots of one run are alike in size: once one does not fit, later ones would mostly not either.
      if (items.length >= mandatory.size) break;
      continue;
    }
    bytes += size;
    items.push(snapshot);
  }
  items.sort((x, y) => x.step - y.step);
  return { complete: items.length === n, items };
}

/**
 * Leaves out the middle of a very deep stack (keeping the outermost two frames and the innermost
 * rest) so one snapshot of a runaway recursion cannot fill the payload; pointers from or to the
 * left-out frames go too.
 */
export function trimFrames(snapshot: Snapshot, maxFrames: number): ViewSnapshot {
  const max = Math.max(3, maxFrames);
  if (snapshot.frames.length <= max) return snapshot;
  const count = snapshot.frames.length - max;
  const dropped = new Set(snapshot.frames.slice(2, 2 + count).map((f) => f.id));
  const inDropped = (x: { region: string; frame?: number }): boolean => x.region === 'stack' && dropped.has(x.frame!);
  return {
    ...snapshot,
    frames: [...snapshot.frames.slice(0, 2), ...snapshot.frames.slice(2 + count)],
    pointers: snapshot.pointers.filter((p) => !inDropped(p.from) && !inDropped(p.to)),
    omittedFrames: { after: 2, count },
  };
}

/** Cuts string values and literal names to `max` characters everywhere in a snapshot (a 1 MB String must not fill the payload). */
export function capTexts(snapshot: ViewSnapshot, max: number): ViewSnapshot {
  let changed = false;
  const cap = (v: Value | null): Value | null => {
    if (!v) return v;
    switch (v.k) {
      case 'text':
        if (v.v.length <= max) return v;
        changed = true;
        return { ...v, v: v.v.slice(0, max) };
      case 'struct':
        return { ...v, fields: v.fields.map(([n, x]) => [n, cap(x)!] as [string, Value]) };
      case 'enum':
        return v.fields ? { ...v, fields: v.fields.map(([n, x]) => [n, cap(x)!] as [string, Value]) } : v;
      case 'tuple':
      case 'array':
        return { ...v, items: v.items.map((x) => cap(x)!) };
      case 'rcbox':
        return { ...v, value: cap(v.value)! };
      default:
        return v;
    }
  };
  // A literal's static item is named by its text, and so is the event that placed it.
  const name = <T extends string | null>(text: T): T => {
    if (text === null || text.length <= max) return text;
    changed = true;
    return `${text.slice(0, max)}…` as T;
  };
  const result: ViewSnapshot = {
    ...snapshot,
    event: snapshot.event && { ...snapshot.event, name: name(snapshot.event.name), value: cap(snapshot.event.value) },
    statics: snapshot.statics.map((x) => ({ ...x, name: name(x.name), value: cap(x.value) })),
    frames: snapshot.frames.map((f) => ({ ...f, locals: f.locals.map((l) => ({ ...l, value: cap(l.value) })) })),
    blocks: snapshot.blocks.map((b) => ({ ...b, value: cap(b.value) })),
  };
  return changed ? result : snapshot;
}

/**
 * Keeps at most `max` heap blocks of a snapshot: first those reached from its statics and frames
 * (following pointers between blocks breadth first), then the rest in address order; pointers to
 * or from the others go. Used by the view (bounded payload) and the diagram (legible picture).
 */
export function trimBlocks(snapshot: ViewSnapshot, max: number): ViewSnapshot {
  if (snapshot.blocks.length <= max) return snapshot;
  const chosen = reachableBlocks(snapshot, max);
  const blocks = snapshot.blocks.filter((b) => chosen.has(b.id));
  const kept = (x: { region: string; block?: number }): boolean => x.region !== 'heap' || chosen.has(x.block!);
  return {
    ...snapshot,
    blocks,
    pointers: snapshot.pointers.filter((p) => kept(p.from) && (kept(p.to) || p.dangling === true)),
    omittedBlocks: (snapshot.omittedBlocks ?? 0) + snapshot.blocks.length - blocks.length,
  };
}

/** Ids of at most `max` blocks: reached from locals and statics (not blocks) first, breadth first, then by address. */
export function reachableBlocks(snapshot: Snapshot, max: number, fromSlot: (p: Snapshot['pointers'][number]) => boolean = (p) => p.from.region !== 'heap'): Set<number> {
  const present = new Set(snapshot.blocks.map((b) => b.id));
  const outgoing = new Map<number, Snapshot['pointers']>();
  for (const p of snapshot.pointers) {
    if (p.from.region !== 'heap') continue;
    const list = outgoing.get(p.from.block) ?? [];
    list.push(p);
    outgoing.set(p.from.block, list);
  }
  const chosen = new Set<number>();
  let frontier = snapshot.pointers.filter(fromSlot);
  while (frontier.length > 0 && chosen.size < max) {
    const next: Snapshot['pointers'] = [];
    for (const p of frontier) {
      if (chosen.size >= max) break;
      if (p.to.region !== 'heap' || chosen.has(p.to.block) || !present.has(p.to.block)) continue;
      chosen.add(p.to.block);
      next.push(...(outgoing.get(p.to.block) ?? []));
    }
    frontier = next;
  }
  for (const b of snapshot.blocks) {
    if (chosen.size >= max) break;
    chosen.add(b.id);
  }
  return chosen;
}

/**
 * What a renderer receives, made ready to draw: a `view` document (validated) or a whole
 * `timeline` document (decoded and turned into a view; meant for small ones). Errors are
 * FormatErrors naming the JSON path.
 */
export function toView(input: unknown, source = 'payload', options: ViewOptions = {}): ViewDocument {
  const doc = parseDocument(input, source);
  const kind = checkEnvelope(doc, source);
  if (kind === 'view') return checkView(doc, source);
  if (kind === 'timeline') return makeView(decodeTimeline(doc, source), options);
  throw new FormatError('kind', '"view" or "timeline"', source);
}

/** A Timeline or a view document, as a view document. */
export function asView(input: Timeline | ViewDocument): ViewDocument {
  return input instanceof Timeline ? makeView(input) : input;
}

/** A few lines of text about a run from its view: the `text/plain` of a notebook output. */
export function viewSummaryText(view: ViewDocument): string {
  const m = view.meta;
  const lines = [
    `memscope timeline${m.title ? ` "${m.title}"` : ''}: ${m.steps} steps, heap policy ${m.policy}${m.ended ? `, ended early: ${m.ended}` : ''}`,
    m.heapOps.allocs === 0 && m.peaks.heapLive.value === 0
      ? '  heap:   no heap use (no allocations)'
      : `  heap:   ${m.heapOps.allocs} allocs, ${m.heapOps.reallocs} reallocs, ${m.heapOps.frees} frees; peak live ${m.peaks.heapLive.value} B at step ${m.peaks.heapLive.step}, footprint ${m.peaks.footprint.value} B, live at end ${m.final.heapLive} B in ${m.final.heapBlocks} block${m.final.heapBlocks === 1 ? '' : 's'}`,
    `  stack:  max depth ${m.peaks.frames.value} frame${m.peaks.frames.value === 1 ? '' : 's'}, ${m.peaks.stackBytes.value} B`,
    `  static: ${m.final.staticBytes} B`,
  ];
  if (view.output.length > 0) lines.push(`  output: ${view.output.length} characters${view.output.truncated ? ' (cut in this view)' : ''}`);
  return lines.join('\n');
}
