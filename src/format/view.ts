/**
 * The `view` document: what a notebook output carries (MIME `application/vnd.memscope.v1+json`)
 * so a renderer can draw the charts and the memory diagram without the engine and without the
 * whole timeline. Bounded in size whatever the run's length (targets: under 1 MB for 10^7 steps):
 * metric series are M4-downsampled, the heap address map is capped, snapshots are a chosen set
 * of steps, output text is cut. Built by `makeView` (src/views/view.ts), read by `checkView`.
 */
import { Checker } from './check';
import { openDocument } from './envelope';
import { EVENT_KIND_COUNT, METRIC_COLUMNS, type MetricColumn } from './events';
import { checkSnapshot, type Snapshot } from './snapshot';
import type { TimelineMeta } from './timeline';

/**
 * A snapshot as a view carries it: the engine's Snapshot, with the middle of a very deep stack
 * left out (`omittedFrames`: how many frames after the first `after` are missing) and, on a crowded
 * heap, the blocks no kept slot reaches (`omittedBlocks`: how many); pointers from or to what was
 * left out are dropped too.
 */
export type ViewSnapshot = Snapshot & { omittedFrames?: { after: number; count: number }; omittedBlocks?: number };

/** A downsampled metric: steps ascending, the metric's value after each. */
export interface ViewSeries {
  step: number[];
  value: number[];
}

/** One bar of the heap address map: a block at one address range over a span of steps. */
export interface BlockBar {
  /** Block id (stable over the run; a moved realloc gives the same id a new bar). */
  id: number;
  address: number;
  size: number;
  /** Step of the allocation (or of the realloc that put the block here). */
  from: number;
  /** Step that freed or moved it; null while live at the end of the run. */
  to: number | null;
  type: string;
  /** Source line of the event at `from`, if any. */
  line: number | null;
}

/** The timeline's meta as the run configured it, plus the totals a renderer shows without the timeline. */
export interface ViewMeta extends TimelineMeta {
  /** Source text the lines refer to (cut to `sourceChars`). */
  source?: string;
  /** Steps in the run. */
  steps: number;
  peaks: Record<MetricColumn, { value: number; step: number }>;
  final: Record<MetricColumn, number>;
  heapOps: { allocs: number; reallocs: number; frees: number };
}

export interface ViewDocument {
  format: 'memscope';
  /** FORMAT_VERSION when written; a reader takes 1 up to its own. */
  version: number;
  kind: 'view';
  meta: ViewMeta;
  /** Every metric column, downsampled (exact extremes). */
  series: Record<MetricColumn, ViewSeries>;
  /** Kind (EventKind number) and source line (-1: none) of every step some series keeps, for tooltips. */
  events: { step: number[]; kind: number[]; line: number[] };
  /** The heap address map: the `rows` with the largest size × lifetime, `omitted` the rest. */
  blocks: { rows: BlockBar[]; total: number; omitted: { count: number; bytes: number } };
  /** Whole states at chosen steps, ascending; `complete` says every step of the run is here. */
  snapshots: { complete: boolean; items: ViewSnapshot[] };
  /** The program's output (cut to its first `outputChars` characters). */
  output: { text: string; length: number; truncated: boolean };
  /** The step a renderer opens at: the one the notebook asked for (its snapshot is in `snapshots`). Absent in older views. */
  step?: number;
  /** Steps a printed page shows side by side (each has its snapshot in `snapshots`), ascending. Absent: the printer chooses. */
  filmstrip?: number[];
}

/**
 * Validates a view document deeply (every value, index and count), so a renderer can draw it
 * without further checks. Errors are FormatErrors naming the JSON path and what was expected.
 */
export function checkView(input: unknown, source = 'payload'): ViewDocument {
  const d = openDocument(input, 'view', source);
  const c = new Checker(source);
  const fail = (path: string, expected: string): never => c.fail(path, expected);
  const num = (x: unknown, path: string): number => c.num(x, path);
  const int = (x: unknown, path: string, min = -Infinity): number => c.int(x, path, min);
  const str = (x: unknown, path: string): string => c.str(x, path);
  const obj = (x: unknown, path: string, what = 'an object'): Record<string, unknown> => c.obj(x, path, what);
  const arr = (x: unknown, path: string, what = 'an array'): unknown[] => c.arr(x, path, what);
  const optStr = (x: unknown, path: string): void => c.optStr(x, path);
  const intOrNull = (x: unknown, path: string): void => {
    if (x !== null) int(x, path);
  };

  const meta = obj(d.meta, 'meta');
  str(meta.policy, 'meta.policy');
  for (const key of ['staticBase', 'heapBase', 'stackTop', 'stackLimit']) num(meta[key], `meta.${key}`);
  for (const key of ['title', 'source', 'ended']) optStr(meta[key], `meta.${key}`);
  if (meta.program !== undefined && meta.program !== 'rust') fail('meta.program', '"rust" or absent');
  const steps = int(meta.steps, 'meta.steps', 0);
  const peaks = obj(meta.peaks, 'meta.peaks');
  const final = obj(meta.final, 'meta.final');
  for (const m of METRIC_COLUMNS) {
    const p = obj(peaks[m], `meta.peaks.${m}`, 'an object {value, step}');
    num(p.value, `meta.peaks.${m}.value`);
    int(p.step, `meta.peaks.${m}.step`, -1);
    num(final[m], `meta.final.${m}`);
  }
  const ops = obj(meta.heapOps, 'meta.heapOps');
  for (const key of ['allocs', 'reallocs', 'frees']) int(ops[key], `meta.heapOps.${key}`, 0);

  const series = obj(d.series, 'series');
  for (const m of METRIC_COLUMNS) {
    const path = `series.${m}`;
    const s = obj(series[m], path, 'an object {step: [...], value: [...]}');
    const stepList = arr(s.step, `${path}.step`);
    const valueList = arr(s.value, `${path}.value`);
    if (valueList.length !== stepList.length) fail(`${path}.value`, `${stepList.length} values, one per step (found ${valueList.length})`);
    let previous = -1;
    stepList.forEach((x, i) => {
      const at = int(x, `${path}.step[${i}]`, 0);
      if (at <= previous || at >= steps) fail(`${path}.step[${i}]`, `a step above ${previous} and below ${steps} (steps ascend)`);
      previous = at;
      num(valueList[i], `${path}.value[${i}]`);
    });
  }

  const events = obj(d.events, 'events');
  const eventSteps = arr(events.step, 'events.step');
  const kinds = arr(events.kind, 'events.kind');
  const lines = arr(events.line, 'events.line');
  if (kinds.length !== eventSteps.length) fail('events.kind', `${eventSteps.length} kinds, one per step (found ${kinds.length})`);
  if (lines.length !== eventSteps.length) fail('events.line', `${eventSteps.length} lines, one per step (found ${lines.length})`);
  let previousEvent = -1;
  eventSteps.forEach((x, i) => {
    const at = int(x, `events.step[${i}]`, 0);
    if (at <= previousEvent || at >= steps) fail(`events.step[${i}]`, `a step above ${previousEvent} and below ${steps} (steps ascend)`);
    previousEvent = at;
    const kind = int(kinds[i], `events.kind[${i}]`, 0);
    if (kind >= EVENT_KIND_COUNT) fail(`events.kind[${i}]`, `an event kind below ${EVENT_KIND_COUNT}`);
    int(lines[i], `events.line[${i}]`, -1);
  });

  const blocks = obj(d.blocks, 'blocks');
  arr(blocks.rows, 'blocks.rows').forEach((x, i) => {
    const path = `blocks.rows[${i}]`;
    const b = obj(x, path);
    int(b.id, `${path}.id`, 0);
    num(b.address, `${path}.address`);
    int(b.size, `${path}.size`, 0);
    const from = int(b.from, `${path}.from`, 0);
    if (b.to !== null && int(b.to, `${path}.to`, from) > steps) fail(`${path}.to`, `a step <= ${steps} or null`);
    str(b.type, `${path}.type`);
    intOrNull(b.line, `${path}.line`);
  });
  int(blocks.total, 'blocks.total', 0);
  const omitted = obj(blocks.omitted, 'blocks.omitted');
  int(omitted.count, 'blocks.omitted.count', 0);
  int(omitted.bytes, 'blocks.omitted.bytes', 0);

  const snapshots = obj(d.snapshots, 'snapshots');
  if (typeof snapshots.complete !== 'boolean') fail('snapshots.complete', 'true or false');
  let previousSnapshot = -2;
  arr(snapshots.items, 'snapshots.items').forEach((x, i) => {
    const at = checkSnapshot(x, `snapshots.items[${i}]`, source);
    if (at <= previousSnapshot || at >= steps) fail(`snapshots.items[${i}].step`, `a step above ${previousSnapshot} and below ${steps} (steps ascend)`);
    previousSnapshot = at;
  });

  if (d.step !== undefined) {
    const at = int(d.step, 'step', 0);
    if (at >= steps) fail('step', `a step below ${steps}`);
  }
  if (d.filmstrip !== undefined) {
    let previousFrame = -1;
    arr(d.filmstrip, 'filmstrip', 'an array of steps').forEach((x, i) => {
      const at = int(x, `filmstrip[${i}]`, 0);
      if (at <= previousFrame || at >= steps) fail(`filmstrip[${i}]`, `a step above ${previousFrame} and below ${steps} (steps ascend)`);
      previousFrame = at;
    });
  }

  const output = obj(d.output, 'output');
  str(output.text, 'output.text');
  int(output.length, 'output.length', 0);
  if (typeof output.truncated !== 'boolean') fail('output.truncated', 'true or false');
  return d as unknown as ViewDocument;
}
