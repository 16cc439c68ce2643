import { AllocatorOptions } from './allocator';
import { log2Floor, NONE } from './base';
import { ClassListHeap } from './class-list-heap';

/**
 * Segregated free lists by size class, O(1). In granules u = size / granule:
 *   u < 32:  class u                  (exact: every block in it has exactly u granules)
 *   u >= 32: class 32 + floor(log2 u) - 5   (power-of-two ranges [2^k, 2^(k+1)))
 * Each class is a LIFO list; one bit per non-empty class (two 32-bit words) finds the next
 * non-empty class with find-first-set. An alloc takes the head of its own class if that
 * head fits (always true for exact classes), else the head of the first non-empty larger
 * class, whose blocks all fit. Splitting: the tail beyond the request is split off (if
 * >= splitThreshold) and filed under its own class. Coalescing: immediate, with both
 * physical neighbours, on every free (the heap core's boundary tags).
 */
const EXACT = 32;
const CLASSES = 64;

/** The class of a block of u granules. */
export function segregatedClass(u: number): number {
  if (u < EXACT) return u;
  if (u < 0x80000000) return EXACT + 26 - Math.clz32(u); // 32 + floor(log2 u) - 5
  return Math.min(CLASSES - 1, EXACT + log2Floor(u) - 5);
}

export class Segregated extends ClassListHeap {
  readonly policy: string = 'segregated';

  constructor(options?: AllocatorOptions) {
    super(CLASSES, options);
  }

  protected classOf(u: number): number {
    return segregatedClass(u);
  }

  protected findFree(need: number, align: number): number {
    const c = segregatedClass(this.searchGranules(need, align));
    const own = this.headOf(c);
    if (own !== NONE) {
      this.work++;
      if (this.fitIn(own, need, align) >= 0) return own;
    }
    // First non-empty class above c: its smallest block is >= 2^(k+1) > u granules.
    return this.firstFromClass(c + 1);
  }
}
