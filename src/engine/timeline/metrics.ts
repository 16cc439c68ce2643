/**
 * The metrics of a timeline kept where they change. The format has a value of each metric
 * after every event, but they change on few of them (a Vec push loop moves the heap figures
 * only when it grows; a `for` loop's stack depth never moves), and copying seven numbers per
 * event was a fifth of the recording time and 48 of its ~118 bytes. Here a row of all the
 * metrics is kept at each step where one of them differs from the row before; the value at any
 * step is the last row at or before it, found by binary search (before the first row every
 * metric is 0, the state before the first event).
 */
import { METRIC_COLUMNS, type MetricColumn } from '../../format/events';
import { grown } from '../grown';

export const METRIC_COUNT = METRIC_COLUMNS.length;

/** Each metric's place in a row. */
export const METRIC_INDEX = Object.fromEntries(METRIC_COLUMNS.map((name, i) => [name, i])) as Record<MetricColumn, number>;

/** Plain data (structured-cloneable, so a worker thread can send it): `count` rows, steps ascending. */
export interface MetricSteps {
  count: number;
  /** The step each row starts at. */
  steps: Int32Array;
  /** METRIC_COUNT values per row, in METRIC_COLUMNS order. */
  rows: Float64Array;
}

/** Appends rows; the recorder calls `add` only when a metric changed. */
export class MetricStepsBuilder {
  private steps = new Int32Array(64);
  private rows = new Float64Array(64 * METRIC_COUNT);
  private count = 0;

  /** A new row at `step` (after the last row's step), its values in METRIC_COLUMNS order. */
  add(step: number, values: ArrayLike<number>): void {
    if (this.count === this.steps.length) {
      this.steps = grown(this.steps, this.count * 2);
      this.rows = grown(this.rows, this.count * 2 * METRIC_COUNT);
    }
    const at = this.count * METRIC_COUNT;
    for (let k = 0; k < METRIC_COUNT; k++) this.rows[at + k] = values[k]!;
    this.steps[this.count++] = step;
  }

  /** The rows so far, trimmed (a copy: the builder may go on). */
  done(): MetricSteps {
    return { count: this.count, steps: this.steps.slice(0, this.count), rows: this.rows.slice(0, this.count * METRIC_COUNT) };
  }
}

/** Change-points of dense columns (a decoded document's): a row wherever any metric differs from the step before. */
export function metricStepsOf(columns: Record<MetricColumn, ArrayLike<number>>, length: number): MetricSteps {
  const builder = new MetricStepsBuilder();
  const dense = METRIC_COLUMNS.map((name) => columns[name]);
  const last = new Float64Array(METRIC_COUNT);
  for (let step = 0; step < length; step++) {
    let changed = false;
    for (let k = 0; k < METRIC_COUNT; k++) {
      if (dense[k]![step] !== last[k]) {
        changed = true;
        last[k] = dense[k]![step]!;
      }
    }
    if (changed) builder.add(step, last);
  }
  return builder.done();
}

/** The row in force at `step`: the last one starting at or before it, or -1 (all metrics 0). */
export function rowAt(m: MetricSteps, step: number): number {
  let lo = 0;
  let hi = m.count - 1;
  if (hi < 0 || m.steps[0]! > step) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (m.steps[mid]! <= step) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function metricAt(m: MetricSteps, name: MetricColumn, step: number): number {
  const row = rowAt(m, step);
  return row < 0 ? 0 : m.rows[row * METRIC_COUNT + METRIC_INDEX[name]]!;
}

/** All the metrics at `step`. */
export function metricsAt(m: MetricSteps, step: number): Record<MetricColumn, number> {
  const row = rowAt(m, step);
  const out = {} as Record<MetricColumn, number>;
  METRIC_COLUMNS.forEach((name, k) => {
    out[name] = row < 0 ? 0 : m.rows[row * METRIC_COUNT + k]!;
  });
  return out;
}

/** One metric at every step, as the format's dense column (length values). */
export function metricColumn(m: MetricSteps, name: MetricColumn, length: number): Float64Array {
  const out = new Float64Array(length);
  const k = METRIC_INDEX[name];
  for (let row = 0; row < m.count; row++) {
    const from = m.steps[row]!;
    const to = row + 1 < m.count ? m.steps[row + 1]! : length;
    out.fill(m.rows[row * METRIC_COUNT + k]!, from, to);
  }
  return out;
}

/** The highest value a metric reaches and the first step it does (value 0, step -1 when it stays 0 or below). */
export function metricPeak(m: MetricSteps, name: MetricColumn): { value: number; step: number } {
  const k = METRIC_INDEX[name];
  let value = 0;
  let step = -1;
  for (let row = 0; row < m.count; row++) {
    const v = m.rows[row * METRIC_COUNT + k]!;
    if (v > value) {
      value = v;
      step = m.steps[row]!;
    }
  }
  return { value, step };
}

/** Buffers a worker thread can hand over instead of copying. */
export function metricBuffers(m: MetricSteps): ArrayBufferLike[] {
  return [m.steps.buffer, m.rows.buffer];
}
