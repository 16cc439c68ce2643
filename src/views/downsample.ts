/**
 * M4 downsampling (Jugel et al., VLDB 2014): split the steps into N buckets, one per pixel
 * column, and keep each bucket's first, last, minimum and maximum point. A line drawn through
 * those points covers exactly the pixels the full series would, so a 10^7-step timeline sends
 * at most 4·N points per series and every peak and trough is drawn at its exact step and value.
 * Pure and DOM-free.
 */

/** A series as two parallel arrays: steps ascending, the value after each. */
export interface Series {
  step: number[];
  value: number[];
}

/**
 * Keeps at most `4 * buckets` points of `values[0..length)`; all of them when they fit.
 * Within a bucket the first minimum and first maximum are kept (the step where an extreme is
 * first reached, as `Timeline.peak` reports it).
 *
 *   downsampleM4([0, 5, 1, 1, 9, 2], 6, 1) → { step: [0, 4, 5], value: [0, 9, 2] }
 */
export function downsampleM4(values: ArrayLike<number>, length: number = values.length, buckets = 500): Series {
  if (!Number.isInteger(buckets) || buckets < 1) throw new RangeError(`buckets must be a positive integer, got ${buckets}`);
  const n = Math.min(length, values.length);
  const step: number[] = [];
  const value: number[] = [];
  if (n <= 4 * buckets) {
    for (let i = 0; i < n; i++) {
      step.push(i);
      value.push(values[i]!);
    }
    return { step, value };
  }
  for (let b = 0; b < buckets; b++) {
    // Integer bucket bounds: every step belongs to exactly one bucket.
    const start = Math.floor((b * n) / buckets);
    const end = Math.floor(((b + 1) * n) / buckets);
    if (end <= start) continue;
    let min = start;
    let max = start;
    for (let i = start + 1; i < end; i++) {
      const v = values[i]!;
      if (v < values[min]!) min = i;
      if (v > values[max]!) max = i;
    }
    // The four indices in step order, without repeats.
    const keep = [start, min, max, end - 1].sort((x, y) => x - y);
    let last = -1;
    for (const i of keep) {
      if (i === last) continue;
      last = i;
      step.push(i);
      value.push(values[i]!);
    }
  }
  return { step, value };
}

/** The value of a step function at `at`: the last kept point at or before it (exact at kept steps). */
export function valueAt(series: Series, at: number): number | null {
  let lo = 0;
  let hi = series.step.length - 1;
  if (hi < 0 || series.step[0]! > at) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (series.step[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return series.value[lo]!;
}
