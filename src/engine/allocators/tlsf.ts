import { AllocatorOptions } from './allocator';
import { log2Floor, NONE } from './base';
import { ClassListHeap } from './class-list-heap';

/**
 * Two-level segregated fit (Masmano, Ripoll, Crespo, Real 2004; after Conte's tlsf.c).
 *
 * Sizes are counted in granules u = size / granule. With SLI = 5 (32 second-level lists):
 *   u < 32:  fl = 0, sl = u                      (exact classes, one granule apart)
 *   u >= 32: fl = floor(log2 u) - 4, sl = (u >> (floor(log2 u) - 5)) - 32
 * so class (fl, sl) holds the free blocks whose size lies in [lower(fl, sl), lower(fl, sl+1)).
 * Insertion maps a block's size down to its class; a search first rounds the request up to
 * the next class boundary, so EVERY block of the class found is big enough and the head
 * can be taken without looking further: O(1) alloc and free. The class index fl * 32 + sl
 * makes the second-level bitmaps the class bitmap words of class-list-heap.ts, and its
 * summary word the first-level bitmap. Free lists are LIFO; coalescing is immediate (the
 * heap core merges with both physical neighbours on free).
 */
const SLI = 5;
const SL_COUNT = 1 << SLI;
const FL_COUNT = 32;

/** The class of a block of u granules, as fl * SL_COUNT + sl. */
export function tlsfClass(u: number): number {
  if (u < SL_COUNT) return u;
  if (u < 0x80000000) {
    const t = 31 - Math.clz32(u);
    return ((t - (SLI - 1)) << SLI) + ((u >>> (t - SLI)) - SL_COUNT);
  }
  const t = Math.floor(Math.log2(u));
  const fl = t - (SLI - 1);
  if (fl >= FL_COUNT) return FL_COUNT * SL_COUNT - 1; // past 2^36 granules: the last class, still >= any request mapped there
  return fl * SL_COUNT + (Math.floor(u / 2 ** (t - SLI)) - SL_COUNT);
}

/** Smallest class boundary >= u granules: the rounding a search applies before mapping. */
export function tlsfRoundUp(u: number): number {
  if (u < SL_COUNT) return u;
  if (u < 0x40000000) {
    const mask = (1 << (31 - Math.clz32(u) - SLI)) - 1;
    return (u + mask) & ~mask;
  }
  const step = 2 ** (log2Floor(u) - SLI);
  return Math.ceil(u / step) * step;
}

export class Tlsf extends ClassListHeap {
  readonly policy: string = 'tlsf';

  constructor(options?: AllocatorOptions) {
    super(FL_COUNT * SL_COUNT, options);
  }

  protected classOf(u: number): number {
    return tlsfClass(u);
  }

  protected findFree(need: number, align: number): number {
    // Rounded up to a class boundary, the request fits every block of the class found.
    const u = tlsfRoundUp(this.searchGranules(need, align));
    if (log2Floor(u) - (SLI - 1) >= FL_COUNT) return NONE;
    return this.firstFromClass(tlsfClass(u));
  }
}
