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

/**
 * Keeps at most `maxBuckets` buckets of equal width (in events). When full, neighbours are
 * merged pairwise and the width doubles, so memory is bounded however long the trace is.
 */
export class SeriesDownsampler {
  private width = 1;
  private readonly done: SeriesPoint[] = [];
  private current: SeriesPoint | null = null;
  private next = 0;

  constructor(private readonly maxBuckets = DEFAULT_MAX_BUCKETS) {
    if (maxBuckets < 2) throw new RangeError('maxBuckets must be at least 2');
  }

  add(live: number, heap: number): void {
    let b = this.current;
    if (b === null) {
      b = { step: this.next, steps: 0, liveMin: live, liveMax: live, heapMin: heap, heapMax: heap };
      this.current = b;
    } else {
      if (live < b.liveMin) b.liveMin = live;
      if (live > b.liveMax) b.liveMax = live;
      if (heap < b.heapMin) b.heapMin = heap;
      if (heap > b.heapMax) b.heapMax = heap;
    }
    b.steps++;
    this.next++;
    if (b.steps === this.width) {
      this.done.push(b);
      this.current = null;
      if (this.done.length === this.maxBuckets) this.halve();
    }
  }

  private halve(): void {
    const merged: SeriesPoint[] = [];
    for (let i = 0; i < this.done.length; i += 2) {
      const a = this.done[i];
      const b = this.done[i + 1];
      merged.push(b === undefined ? a : {
        step: a.step,
        steps: a.steps + b.steps,
        liveMin: Math.min(a.liveMin, b.liveMin),
        liveMax: Math.max(a.liveMax, b.liveMax),
        heapMin: Math.min(a.heapMin, b.heapMin),
        heapMax: Math.max(a.heapMax, b.heapMax),
      });
    }
    this.done.length = 0;
    this.done.push(...merged);
    this.width *= 2;
  }

  points(): SeriesPoint[] {
    const out = this.done.map((p) => ({ ...p }));
    if (this.current !== null) out.push({ ...this.current });
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
