/**
 * A policy's heap over time, sampled every `stride` events: live and heap bytes, the
 * fragmentation so far (Johnstone & Wilson #1 and #2 up to that point, see metrics.ts), the
 * largest free block and the number of free extents below the top, failures under the limit.
 * Sampling calls the allocator's stats(), which may walk its free blocks, so it is done at
 * most ~2 × maxPoints times: when the buffer fills, every other point is dropped and the
 * stride doubles (bounded memory and time however long the trace).
 */
import type { Allocator } from '../../engine/allocators/allocator';
import type { Fragmentation, TimePoint } from '../../format/lab-report';

export type { TimePoint } from '../../format/lab-report';

export const DEFAULT_TIME_POINTS = 500;

export class TimeSeriesProbe {
  private stride = 1;
  /** Take the next point when this many events have been applied. */
  next = 1;
  private readonly points: TimePoint[] = [];

  constructor(private readonly maxPoints = DEFAULT_TIME_POINTS) {
    if (maxPoints < 2) throw new RangeError('maxPoints must be at least 2');
  }

  sample(events: number, allocator: Allocator, live: number, fragmentation: Fragmentation, allocations: number, failures: number): void {
    const s = allocator.stats();
    this.points.push({
      event: events,
      live,
      heap: s.top,
      freeBytes: s.freeBytes,
      freeExtents: s.freeBlocks,
      largestFree: s.largestFree,
      f1: fragmentation.f1,
      f2: fragmentation.f2,
      allocations,
      failures,
    });
    if (this.points.length >= this.maxPoints) {
      let kept = 0;
      for (let i = 1; i < this.points.length; i += 2) this.points[kept++] = this.points[i];
      this.points.length = kept;
      this.stride *= 2;
    }
    this.next = events + this.stride;
  }

  /** The points, with a last one at `events` (the end of the trace) unless it is already there. */
  finish(events: number, allocator: Allocator, live: number, fragmentation: Fragmentation, allocations: number, failures: number): TimePoint[] {
    if (this.points.length === 0 || this.points[this.points.length - 1].event !== events) {
      const s = allocator.stats();
      this.points.push({ event: events, live, heap: s.top, freeBytes: s.freeBytes, freeExtents: s.freeBlocks, largestFree: s.largestFree, f1: fragmentation.f1, f2: fragmentation.f2, allocations, failures });
    }
    return this.points.slice();
  }
}
