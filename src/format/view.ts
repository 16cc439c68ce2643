/**
 * The `view` document: what a notebook output carries (MIME `application/vnd.memscope.v1+json`)
 * so a renderer can draw the charts and the memory diagram without the engine and without the
 * whole timeline. Bounded in size whatever the run's length (targets: under 1 MB for 10^7 steps):
 * metric series are M4-downsampled, the heap address map is capped, snapshots are a chosen set
 * of steps, output text is cut. Built by `makeView` (src/views/view.ts), read by `checkView`.
 */
import type { Snapshot } from '../engine/timeline/snapshot';
import type { TimelineMeta } from '../engine/timeline/timeline';
import { FormatError } from './errors';
import { checkEnvelope, parseDocument } from './envelope';
import { EVENT_KIND_COUNT, METRIC_COLUMNS, type MetricColumn } from './events';
import { checkValue } from './validate-value';

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
  version: 1;
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

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Validates a view document deeply (every value, index and count), so a renderer can draw it
 * without further checks. Errors are FormatErrors naming the JSON path and what was expected.
 */
export function checkView(input: unknown, source = 'payload'): ViewDocument {
  const doc = parseDocument(input, source);
  const fail = (path: string, expected: string): never => {
    throw new FormatError(path, expected, source);
  };
  if (checkEnvelope(doc, source) !== 'view') fail('kind', '"view"');
  const d = doc as Record<string, unknown>;

  const num = (x: unknown, path: string): number => {
    if (typeof x !== 'number' || !Number.isFinite(x)) fail(path, 'a finite number');
    return x as number;
  };
  const int = (x: unknown, path: string, min = -Infinity): number => {
    if (typeof x !== 'number' || !Number.isInteger(x) || x < min) fail(path, min === -Infinity ? 'an integer' : `an integer >= ${min}`);
    return x as number;
  };
  const str = (x: unknown, path: string): string => {
    if (typeof x !== 'string') fail(path, 'a string');
    return x as string;
  };
  const obj = (x: unknown, path: string, what = 'an object'): Record<string, unknown> => {
    if (!isObject(x)) fail(path, what);
    return x as Record<string, unknown>;
  };
  const arr = (x: unknown, path: string, what = 'an array'): unknown[] => {
    if (!Array.isArray(x)) fail(path, what);
    return x as unknown[];
  };
  const optStr = (x: unknown, path: string): void => {
    if (x !== undefined) str(x, path);
  };
  const intOrNull = (x: unknown, path: string): void => {
    if (x !== null) int(x, path);
  };

  const meta = obj(d.meta, 'meta');
  str(meta.policy, 'meta.policy');
  for (const key of ['staticBase', 'heapBase', 'stackTop', 'stackLimit']) num(meta[key], `meta.${key}`);
  for (const key of ['title', 'source', 'ended']) optStr(meta[key], `meta.${key}`);
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

/** Checks one snapshot (as `Timeline.snapshot` makes it) and returns its step. */
export function checkSnapshot(x: unknown, path: string, source = 'payload'): number {
  const fail = (p: string, expected: string): never => {
    throw new FormatError(p, expected, source);
  };
  const obj = (v: unknown, p: string): Record<string, unknown> => {
    if (!isObject(v)) fail(p, 'an object');
    return v as Record<string, unknown>;
  };
  const arr = (v: unknown, p: string): unknown[] => {
    if (!Array.isArray(v)) fail(p, 'an array');
    return v as unknown[];
  };
  const int = (v: unknown, p: string): number => {
    if (typeof v !== 'number' || !Number.isInteger(v)) fail(p, 'an integer');
    return v as number;
  };
  const num = (v: unknown, p: string): void => {
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(p, 'a finite number');
  };
  const str = (v: unknown, p: string): void => {
    if (typeof v !== 'string') fail(p, 'a string');
  };
  const value = (v: unknown, p: string): void => {
    if (v !== null) checkValue(v, p, source);
  };
  const s = obj(x, path);
  if (s.kind !== 'snapshot') fail(`${path}.kind`, '"snapshot"');
  const step = int(s.step, `${path}.step`);
  if (s.event !== null) {
    const e = obj(s.event, `${path}.event`);
    if (e.step !== step) fail(`${path}.event.step`, `${step}, the snapshot's step`);
    str(e.kind, `${path}.event.kind`);
    if (e.line !== null) int(e.line, `${path}.event.line`);
    if (e.name !== null) str(e.name, `${path}.event.name`);
    if (e.type !== null) str(e.type, `${path}.event.type`);
    value(e.value, `${path}.event.value`);
  }
  if (s.omittedFrames !== undefined) {
    const o = obj(s.omittedFrames, `${path}.omittedFrames`);
    if (int(o.after, `${path}.omittedFrames.after`) < 0) fail(`${path}.omittedFrames.after`, 'an integer >= 0');
    if (int(o.count, `${path}.omittedFrames.count`) < 1) fail(`${path}.omittedFrames.count`, 'an integer >= 1');
  }
  if (s.omittedBlocks !== undefined && int(s.omittedBlocks, `${path}.omittedBlocks`) < 1) fail(`${path}.omittedBlocks`, 'an integer >= 1');
  const metrics = obj(s.metrics, `${path}.metrics`);
  for (const m of METRIC_COLUMNS) num(metrics[m], `${path}.metrics.${m}`);
  arr(s.statics, `${path}.statics`).forEach((v, i) => {
    const p = `${path}.statics[${i}]`;
    const st = obj(v, p);
    int(st.id, `${p}.id`);
    str(st.name, `${p}.name`);
    str(st.type, `${p}.type`);
    num(st.address, `${p}.address`);
    int(st.size, `${p}.size`);
    value(st.value, `${p}.value`);
  });
  arr(s.frames, `${path}.frames`).forEach((v, i) => {
    const p = `${path}.frames[${i}]`;
    const f = obj(v, p);
    int(f.id, `${p}.id`);
    str(f.fn, `${p}.fn`);
    if (f.line !== null) int(f.line, `${p}.line`);
    num(f.address, `${p}.address`);
    int(f.size, `${p}.size`);
    arr(f.locals, `${p}.locals`).forEach((w, j) => {
      const q = `${p}.locals[${j}]`;
      const l = obj(w, q);
      int(l.slot, `${q}.slot`);
      str(l.name, `${q}.name`);
      str(l.type, `${q}.type`);
      num(l.address, `${q}.address`);
      int(l.size, `${q}.size`);
      value(l.value, `${q}.value`);
    });
  });
  arr(s.blocks, `${path}.blocks`).forEach((v, i) => {
    const p = `${path}.blocks[${i}]`;
    const b = obj(v, p);
    int(b.id, `${p}.id`);
    num(b.address, `${p}.address`);
    int(b.size, `${p}.size`);
    str(b.type, `${p}.type`);
    value(b.value, `${p}.value`);
    const owner = obj(b.owner, `${p}.owner`);
    if (!['none', 'local', 'block', 'static', 'shared'].includes(owner.kind as string)) {
      fail(`${p}.owner.kind`, "'none', 'local', 'block', 'static' or 'shared'");
    }
  });
  arr(s.pointers, `${path}.pointers`).forEach((v, i) => {
    const p = `${path}.pointers[${i}]`;
    const ptr = obj(v, p);
    const from = obj(ptr.from, `${p}.from`);
    if (from.region === 'stack') {
      int(from.frame, `${p}.from.frame`);
      int(from.slot, `${p}.from.slot`);
    } else if (from.region === 'heap') int(from.block, `${p}.from.block`);
    else if (from.region === 'static') int(from.item, `${p}.from.item`);
    else fail(`${p}.from.region`, "'stack', 'heap' or 'static'");
    // A target is checked as a pointer value's target is.
    checkValue({ k: 'ptr', to: ptr.to }, p, source);
    if (ptr.to === null) fail(`${p}.to`, 'a target object');
    if (ptr.dangling !== undefined && typeof ptr.dangling !== 'boolean') fail(`${p}.dangling`, 'true or false');
  });
  return step;
}
