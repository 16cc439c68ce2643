import * as fc from 'fast-check';
import { downsampleM4, valueAt } from '../../src/views/downsample';

/** Extremes of values[from..to) and the first step reaching each. */
function extremes(values: number[], from: number, to: number) {
  let min = from;
  let max = from;
  for (let i = from; i < to; i++) {
    if (values[i]! < values[min]!) min = i;
    if (values[i]! > values[max]!) max = i;
  }
  return { min, max };
}

describe('M4 downsampling', () => {
  test('keeps every point when they fit', () => {
    expect(downsampleM4([3, 1, 4, 1, 5], 5, 2)).toEqual({ step: [0, 1, 2, 3, 4], value: [3, 1, 4, 1, 5] });
  });

  test('one bucket keeps first, min, max and last in step order', () => {
    expect(downsampleM4([0, 5, 1, 1, 9, 2], 6, 1)).toEqual({ step: [0, 4, 5], value: [0, 9, 2] });
    expect(downsampleM4([4, 5, 1, 1, 9, 2], 6, 1)).toEqual({ step: [0, 2, 4, 5], value: [4, 1, 9, 2] });
  });

  test('rejects a bucket count that is not a positive integer', () => {
    expect(() => downsampleM4([1, 2, 3], 3, 0)).toThrow('buckets must be a positive integer, got 0');
  });

  test('at most 4 points per bucket, steps ascending, values exact, and each bucket keeps its first, last, min and max', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 3000 }), fc.integer({ min: 1, max: 200 }), (values, buckets) => {
        const n = values.length;
        const s = downsampleM4(values, n, buckets);
        expect(s.step.length).toBe(s.value.length);
        expect(s.step.length).toBeLessThanOrEqual(Math.min(n, 4 * buckets));
        for (let i = 0; i < s.step.length; i++) {
          if (i > 0) expect(s.step[i]!).toBeGreaterThan(s.step[i - 1]!);
          expect(s.value[i]).toBe(values[s.step[i]!]);
        }
        const kept = new Set(s.step);
        expect(kept.has(0) && kept.has(n - 1)).toBe(true);
        // The run's extremes are kept at the first step they are reached (as Timeline.peak reports).
        const all = extremes(values, 0, n);
        expect(kept.has(all.min) && kept.has(all.max)).toBe(true);
        if (n > 4 * buckets) {
          for (let b = 0; b < buckets; b++) {
            const from = Math.floor((b * n) / buckets);
            const to = Math.floor(((b + 1) * n) / buckets);
            if (to <= from) continue;
            const e = extremes(values, from, to);
            for (const step of [from, to - 1, e.min, e.max]) expect(kept.has(step)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test('a 10^7-step series comes down to at most 2000 points with its spike exact', () => {
    const n = 10_000_000;
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) values[i] = i % 1000;
    values[7_654_321] = 123_456_789;
    const s = downsampleM4(values, n, 500);
    expect(s.step.length).toBeLessThanOrEqual(2000);
    expect(Math.max(...s.value)).toBe(123_456_789);
    expect(s.step[s.value.indexOf(123_456_789)]).toBe(7_654_321);
  });

  test('valueAt reads the step function at kept steps and between them', () => {
    const s = { step: [0, 10, 20], value: [1, 5, 2] };
    expect(valueAt(s, 10)).toBe(5);
    expect(valueAt(s, 15)).toBe(5);
    expect(valueAt(s, 25)).toBe(2);
    expect(valueAt({ step: [3], value: [1] }, 2)).toBeNull();
  });
});
