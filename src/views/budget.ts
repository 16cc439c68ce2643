/**
 * The renderer's payload budget (docs/JUPYTERLAB.md): how much of a view a notebook output draws
 * in full. `makeView` stays within it by construction; a payload made otherwise (by hand, by
 * another tool, by a hostile notebook) can hold anything the format allows — 100,000 locals in a
 * frame, 200,000-point series — and drawing that froze the tab for minutes. `fitView` brings a
 * view within the budget the way makeView would have (M4-downsampled series, trimmed frames and
 * blocks, cut texts, spread snapshots) and says what it left out, so the renderer can show a
 * message beside a bounded picture. Pure and DOM-free.
 */
import { METRIC_COLUMNS, METRIC_LABELS, type MetricColumn } from '../format/events';
import type { ViewDocument, ViewSeries, ViewSnapshot } from '../format/view';
import { downsampleM4 } from './downsample';
import { capTexts, trimBlocks, trimFrames, VIEW_DEFAULTS } from './view';

export interface RenderBudget {
  /** Points per metric series (M4-downsampled past it). */
  seriesPoints: number;
  /** Snapshots the step controls move through (spread over the run past it). */
  snapshots: number;
  /** Frames per snapshot (the middle of a deeper stack is left out). */
  framesPerSnapshot: number;
  /** Heap blocks per snapshot (those the locals reach first). */
  blocksPerSnapshot: number;
  /** Locals the diagram draws per frame (the first ones; it says how many more). */
  localsPerFrame: number;
  /** Bars of the heap address map (the largest by size × lifetime). */
  blockRows: number;
  /** Characters of source text, of program output, and of one string value. */
  sourceChars: number;
  outputChars: number;
  textChars: number;
}

/** The same limits makeView writes views within, so a view it made is drawn whole. */
export const RENDER_BUDGET: Readonly<RenderBudget> = {
  seriesPoints: VIEW_DEFAULTS.maxPoints,
  snapshots: VIEW_DEFAULTS.maxSnapshots,
  framesPerSnapshot: VIEW_DEFAULTS.maxFrames,
  blocksPerSnapshot: VIEW_DEFAULTS.snapshotBlocks,
  localsPerFrame: 100,
  blockRows: VIEW_DEFAULTS.maxBlocks,
  sourceChars: VIEW_DEFAULTS.sourceChars,
  outputChars: VIEW_DEFAULTS.outputChars,
  textChars: VIEW_DEFAULTS.textChars,
};

export interface FittedView {
  view: ViewDocument;
  /** What was left out or thinned, one sentence each; empty when the view was within the budget. */
  over: string[];
}

const count = (n: number): string => n.toLocaleString('en-US');

/** A view within `budget`, and what was changed to get it there. The input is not modified. */
export function fitView(view: ViewDocument, budget: RenderBudget = RENDER_BUDGET): FittedView {
  const over: string[] = [];
  const out: ViewDocument = { ...view };

  const buckets = Math.max(1, Math.floor(budget.seriesPoints / 4));
  let seriesCut = false;
  const series = {} as Record<MetricColumn, ViewSeries>;
  for (const m of METRIC_COLUMNS) {
    const s = view.series[m];
    if (s.step.length <= budget.seriesPoints) {
      series[m] = s;
      continue;
    }
    seriesCut = true;
    const kept = downsampleM4(s.value, s.value.length, buckets);
    series[m] = { step: kept.step.map((i) => s.step[i]!), value: kept.value };
    over.push(`the ${METRIC_LABELS[m]} series has ${count(s.step.length)} points: drawn from ${count(series[m].step.length)} (M4, every extreme kept)`);
  }
  if (seriesCut) {
    out.series = series;
    // Tooltips need the events of the kept steps only.
    const steps = new Set<number>();
    for (const m of METRIC_COLUMNS) for (const at of series[m].step) steps.add(at);
    const events = { step: [] as number[], kind: [] as number[], line: [] as number[] };
    view.events.step.forEach((at, i) => {
      if (!steps.has(at)) return;
      events.step.push(at);
      events.kind.push(view.events.kind[i]!);
      events.line.push(view.events.line[i]!);
    });
    out.events = events;
  }

  const rows = view.blocks.rows;
  if (rows.length > budget.blockRows) {
    const weight = (b: (typeof rows)[number]): number => b.size * ((b.to ?? view.meta.steps) - b.from);
    const keep = new Set([...rows].sort((x, y) => weight(y) - weight(x)).slice(0, budget.blockRows));
    const left = rows.filter((b) => !keep.has(b));
    out.blocks = {
      rows: rows.filter((b) => keep.has(b)),
      total: view.blocks.total,
      omitted: {
        count: view.blocks.omitted.count + left.length,
        bytes: view.blocks.omitted.bytes + left.reduce((sum, b) => sum + b.size, 0),
      },
    };
    over.push(`the heap address map has ${count(rows.length)} bars: the ${count(budget.blockRows)} largest by size × lifetime are drawn`);
  }

  let items = view.snapshots.items;
  if (items.length > budget.snapshots) {
    items = spread(items, budget.snapshots, new Set([view.step, ...(view.filmstrip ?? [])].filter((s): s is number => s !== undefined)));
    over.push(`the output carries ${count(view.snapshots.items.length)} snapshots: the step controls move through ${count(items.length)} spread over the run`);
  }
  let framesCut = 0;
  let blocksCut = 0;
  let widest: { fn: string; step: number; locals: number } | null = null;
  const fitted = items.map((s) => {
    let t: ViewSnapshot = s;
    if (t.frames.length > budget.framesPerSnapshot) {
      framesCut = Math.max(framesCut, t.frames.length);
      t = trimFrames(t, budget.framesPerSnapshot);
    }
    if (t.blocks.length > budget.blocksPerSnapshot) {
      blocksCut = Math.max(blocksCut, t.blocks.length);
      t = trimBlocks(t, budget.blocksPerSnapshot);
    }
    for (const f of t.frames) {
      if (f.locals.length > budget.localsPerFrame && (!widest || f.locals.length > widest.locals)) widest = { fn: f.fn, step: t.step, locals: f.locals.length };
    }
    return capTexts(t, budget.textChars);
  });
  if (items !== view.snapshots.items || fitted.some((s, i) => s !== items[i])) {
    out.snapshots = { complete: view.snapshots.complete && items === view.snapshots.items, items: fitted };
  }
  if (framesCut > 0) over.push(`a snapshot has ${count(framesCut)} frames: the outermost two and the innermost ${count(budget.framesPerSnapshot - 2)} are kept`);
  if (blocksCut > 0) over.push(`a snapshot has ${count(blocksCut)} heap blocks: the ${count(budget.blocksPerSnapshot)} its locals reach first are kept`);
  const wide = widest as { fn: string; step: number; locals: number } | null;
  if (wide) over.push(`frame ${wide.fn} has ${count(wide.locals)} locals (step ${wide.step}): the diagram draws the first ${count(budget.localsPerFrame)} of each frame`);

  if (view.meta.source !== undefined && view.meta.source.length > budget.sourceChars) {
    out.meta = { ...view.meta, source: view.meta.source.slice(0, budget.sourceChars) };
    over.push(`the source has ${count(view.meta.source.length)} characters: the first ${count(budget.sourceChars)} are shown`);
  }
  if (view.output.text.length > budget.outputChars) {
    out.output = { text: view.output.text.slice(0, budget.outputChars), length: view.output.length, truncated: true };
    over.push(`the program output has ${count(view.output.text.length)} characters here: the first ${count(budget.outputChars)} are shown`);
  }
  return { view: over.length > 0 ? out : view, over };
}

/** At most `max` of the snapshots, evenly spread, always with the first, the last and the `wanted` steps. */
function spread(items: ViewSnapshot[], max: number, wanted: Set<number>): ViewSnapshot[] {
  const keep = new Set<number>([0, items.length - 1]);
  items.forEach((s, i) => {
    if (wanted.has(s.step)) keep.add(i);
  });
  const room = Math.max(0, max - keep.size);
  for (let k = 0; k < room; k++) keep.add(Math.round(((k + 1) * (items.length - 1)) / (room + 1)));
  return [...keep].sort((a, b) => a - b).slice(0, Math.max(max, keep.size)).map((i) => items[i]!);
}
