/**
 * What the lab measures while a trace is replayed on one policy: live bytes (the sizes
 * the program asked for), heap used (the allocator's current top, i.e. its extent like
 * sbrk's break), a bounded time series of both, the four fragmentation measures of
 * Johnstone & Wilson, and search length.
 *
 * Fragmentation, after M. S. Johnstone and P. R. Wilson, "The Memory Fragmentation
 * Problem: Solved?", ISMM 1998, §3 (Figure 1). They define fragmentation as "the amount
 * of memory used by the allocator relative to the amount of memory requested by the
 * program", memory used being the heap extent (footprint), and give four ways to read it.
 * With H(t) = heap used and L(t) = live requested bytes after event t:
 *   #1  mean over all points in time of (H(t) − L(t)) / L(t)         — hides the spikes;
 *   #2  (H(t₁) − L(t₁)) / L(t₁), t₁ = the point of maximum live memory — heap used there;
 *   #3  (max H − L(t₂)) / L(t₂), t₂ = the point of maximum heap used   — live may be low there;
 *        (max H is the footprint, the policy's peakTop)
 *   #4  (max H − max L) / max L — the two maxima need not occur at the same time.
 * The paper reports #3 and #4. "Points in time" are trace events here; #1 skips points
 * where nothing is live (the ratio is undefined). For a tie, the first point that reached
 * the maximum is taken. All four are ratios (0.25 = 25 %), null when nothing was ever live.
 */

import type { Fragmentation, SeriesPoint } from '../format/lab-report';
export type { Fragmentation, SeriesPoint } from '../format/lab-report';

export interface Metrics {
  /** Events sampled (points in time). */
  points: number;
  /** Highest sum of requested sizes of live blocks. */
  peakLive: number;
  liveAtEnd: number;
  /** Highest heap top ever reached (the policy's peakTop): the footprint. */
  footprint: number;
  heapAtEnd: number;
  fragmentation: Fragmentation;
  /** Blocks examined per allocation (alloc or realloc call), from the policy's work counter. */
  searchLength: { mean: number; max: number; allocations: number };
  series: SeriesPoint[];
}

/** Default cap on buckets; each carries a min and a max, so at most 2000 values per curve. */
export const DEFAULT_MAX_BUCKETS = 1000;

/** A bucket's fields in SeriesDownsampler's buffer, in SeriesPoint's order. */
const FIELDS = 6;

/**
 * Keeps at most `maxBuckets` buckets of equal width (in events). When full, neighbours are
 * merged pairwise and the width doubles, so memory is bounded however long the trace is.
 *
 * add() runs after every replayed event, so buckets are rows of one Float64Array and the open
 * one is fields, not objects: bucket objects and an array of them changed shape under V8 (small
 * integers turning into doubles, an empty array taking objects) and threw the replay's compiled
 * code away on each new replay, costing a fresh worker's second and third passes 1.5-2x.
 */
export class SeriesDownsampler {
  private width = 1;
  /** Closed buckets: row k is step, steps, liveMin, liveMax, heapMin, heapMax at k * FIELDS. */
  private readonly done: Float64Array;
  private count = 0;
  /** Index of the open bucket's first event; `steps` 0 = no bucket open. */
  private start = 0;
  private steps = 0;
  private liveMin = 0;
  private liveMax = 0;
  private heapMin = 0;
  private heapMax = 0;

  constructor(private readonly maxBuckets = DEFAULT_MAX_BUCKETS) {
    if (maxBuckets < 2) throw new RangeError('maxBuckets must be at least 2');
    this.done = new Float64Array(maxBuckets * FIELDS);
  }

  add(live: number, heap: number): void {
    if (this.steps === 0) {
      this.liveMin = live;
      this.liveMax = live;
      this.heapMin = heap;
      this.heapMax = heap;
    } else {
      if (live < this.liveMin) this.liveMin = live;
      if (live > this.liveMax) this.liveMax = live;
      if (heap < this.heapMin) this.heapMin = heap;
      if (heap > this.heapMax) this.heapMax = heap;
    }
    if (++this.steps === this.width) this.close();
  }

  private close(): void {
    const d = this.done;
    const at = this.count * FIELDS;
    d[at] = this.start;
    d[at + 1] = this.steps;
    d[at + 2] = this.liveMin;
    d[at + 3] = this.liveMax;
    d[at + 4] = this.heapMin;
    d[at + 5] = this.heapMax;
    this.start += this.steps;
    this.steps = 0;
    if (++this.count === this.maxBuckets) this.halve();
  }

  /** Merges buckets 2k and 2k + 1 into k (an odd last one moves down alone). */
  private halve(): void {
    const d = this.done;
    let kept = 0;
    for (let i = 0; i < this.count; i += 2, kept++) {
      const a = i * FIELDS;
      const to = kept * FIELDS;
      if (i + 1 === this.count) {
        d.copyWithin(to, a, a + FIELDS);
        continue;
      }
      const b = a + FIELDS;
      d[to] = d[a];
      d[to + 1] = d[a + 1] + d[b + 1];
      d[to + 2] = Math.min(d[a + 2], d[b + 2]);
      d[to + 3] = Math.max(d[a + 3], d[b + 3]);
      d[to + 4] = Math.min(d[a + 4], d[b + 4]);
      d[to + 5] = Math.max(d[a + 5], d[b + 5]);
    }
    this.count = kept;
    this.width *= 2;
  }

  points(): SeriesPoint[] {
    const d = this.done;
    const out: SeriesPoint[] = [];
    for (let at = 0; at < this.count * FIELDS; at += FIELDS) {
      out.push({ step: d[at], steps: d[at + 1], liveMin: d[at + 2], liveMax: d[at + 3], heapMin: d[at + 4], heapMax: d[at + 5] });
    }
    if (this.steps > 0) {
      out.push({ step: this.start, steps: this.steps, liveMin: this.liveMin, liveMax: this.liveMax, heapMin: this.heapMin, heapMax: this.heapMax });
    }
    return out;
  }
}

/** Accumulates the measures one event at a time; O(1) per event and bounded memory. */
export class MetricsRecorder {
  private points = 0;
  private live = 0;
  private heap = 0;
  private footprint = 0;
  private peakLive = 0;
  private heapAtPeakLive = 0;
  private liveAtMaxHeap = 0;
  private f1Sum = 0;
  private f1Points = 0;
  private allocations = 0;
  private workSum = 0;
  private workMax = 0;
  private readonly series: SeriesDownsampler;

  constructor(maxBuckets = DEFAULT_MAX_BUCKETS) {
    this.series = new SeriesDownsampler(maxBuckets);
  }

  /** One point in time: live requested bytes, current heap top and highest top so far. */
  sample(live: number, heap: number, peakTop: number): void {
    this.points++;
    this.live = live;
    this.heap = heap;
    if (live > this.peakLive) {
      this.peakLive = live;
      this.heapAtPeakLive = heap;
    }
    // The footprint (peakTop) is max H: it also catches a top reached inside one event,
    // e.g. a realloc that allocates, copies, frees.
    if (peakTop > this.footprint) {
      this.footprint = peakTop;
      this.liveAtMaxHeap = live;
    }
    if (live > 0) {
      this.f1Sum += (heap - live) / live;
      this.f1Points++;
    }
    this.series.add(live, heap);
  }

  /** One alloc/realloc call that examined `work` blocks. */
  allocation(work: number): void {
    this.allocations++;
    this.workSum += work;
    if (work > this.workMax) this.workMax = work;
  }

  /** #1–#4 over the points so far (the time series samples this; finish() reports it for the whole trace). */
  fragmentation(): Fragmentation {
    const ratio = (used: number, live: number) => (live > 0 ? (used - live) / live : null);
    return {
      f1: this.f1Points > 0 ? this.f1Sum / this.f1Points : null,
      f2: ratio(this.heapAtPeakLive, this.peakLive),
      f3: ratio(this.footprint, this.liveAtMaxHeap),
      f4: ratio(this.footprint, this.peakLive),
    };
  }

  finish(): Metrics {
    return {
      points: this.points,
      peakLive: this.peakLive,
      liveAtEnd: this.live,
      footprint: this.footprint,
      heapAtEnd: this.heap,
      fragmentation: this.fragmentation(),
      searchLength: {
        mean: this.allocations > 0 ? this.workSum / this.allocations : 0,
        max: this.workMax,
        allocations: this.allocations,
      },
      series: this.series.points(),
    };
  }
}
