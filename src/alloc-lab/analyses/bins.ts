/**
 * Power-of-two bins, the usual axis for allocation sizes and lifetimes (they span 1 to 10^9):
 * bin 0 holds 0, bin k ≥ 1 holds [2^(k-1), 2^k − 1].
 */

import type { Bin } from '../../format/analyses';

export type { Bin };

/** The bin of a non-negative integer: 0 → 0, 1 → 1, 2..3 → 2, 4..7 → 3, … */
export function log2Bin(n: number): number {
  if (n < 1) return 0;
  if (n < 0x100000000) return 32 - Math.clz32(n);
  let k = 32;
  let v = Math.floor(n / 0x100000000);
  while (v >= 1) {
    k++;
    v = Math.floor(v / 2);
  }
  return k;
}

export function binBounds(k: number): { lo: number; hi: number } {
  return k === 0 ? { lo: 0, hi: 0 } : { lo: 2 ** (k - 1), hi: 2 ** k - 1 };
}

/** Counts and byte weights per bin; grows as larger values come. */
export class Log2Histogram {
  private counts: number[] = [];
  private weights: number[] = [];

  add(value: number, bytes: number): void {
    const k = log2Bin(value);
    while (this.counts.length <= k) {
      this.counts.push(0);
      this.weights.push(0);
    }
    this.counts[k]++;
    this.weights[k] += bytes;
  }

  /** Every bin from the lowest to the highest non-empty one (empty bins between them kept, so a chart's axis has no gaps). */
  bins(): Bin[] {
    const first = this.counts.findIndex((c) => c > 0);
    if (first < 0) return [];
    const out: Bin[] = [];
    for (let k = first; k < this.counts.length; k++) out.push({ ...binBounds(k), count: this.counts[k], bytes: this.weights[k] });
    return out;
  }
}
