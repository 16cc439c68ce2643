import { AllocatorOptions } from './allocator';
import { BlockHeap, growI32, NONE } from './heap';

/**
 * Two-level segregated fit (Masmano, Ripoll, Crespo, Real 2004; after Conte's tlsf.c).
 *
 * Sizes are counted in granules u = size / granule. With SLI = 5 (32 second-level lists):
 *   u < 32:  fl = 0, sl = u                      (exact classes, one granule apart)
 *   u >= 32: fl = floor(log2 u) - 4, sl = (u >> (floor(log2 u) - 5)) - 32
 * so class (fl, sl) holds the free blocks whose size lies in [lower(fl, sl), lower(fl, sl+1)).
 * Insertion maps a block's size down to its class; a search first rounds the request up to
 * the next class boundary, so EVERY block of the class found is big enough and the head
 * can be taken without looking further: O(1) alloc and free. A bit per non-empty list
 * (slBitmap[fl]) and per non-empty first level (flBitmap) make "next non-empty class at or
 * above" two find-first-set operations. Free lists are LIFO; coalescing is immediate (the
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

export function log2Floor(u: number): number {
  return u < 0x80000000 ? 31 - Math.clz32(u) : Math.floor(Math.log2(u));
}

/** Index of the lowest set bit of a non-zero 32-bit word. */
export function lowestBit(x: number): number {
  return 31 - Math.clz32(x & -x);
}

export class Tlsf extends BlockHeap {
  readonly policy: string = 'tlsf';
  private readonly heads = new Int32Array(FL_COUNT * SL_COUNT).fill(NONE);
  private flBitmap = 0;
  private readonly slBitmap = new Uint32Array(FL_COUNT);
  /** The class each free block was filed under. */
  private bClass = new Int32Array(this.capacity);
  /** Worst-case leading gap an aligned request may need, in granules (added before rounding). */
  private readonly gapGranules: number;

  constructor(options?: AllocatorOptions) {
    super(options);
    this.gapGranules = this.minBlock / this.granule - 1;
  }

  protected override growIndex(cap: number): void {
    this.bClass = growI32(this.bClass, cap);
  }

  protected insertFree(b: number): void {
    const c = tlsfClass(this.bSize[b] / this.granule);
    this.bClass[b] = c;
    this.heads[c] = this.listPush(this.heads[c], b);
    const fl = c >>> SLI;
    this.flBitmap |= 1 << fl;
    this.slBitmap[fl] |= 1 << (c & (SL_COUNT - 1));
  }

  protected removeFree(b: number): void {
    const c = this.bClass[b];
    const head = this.listUnlink(this.heads[c], b);
    this.heads[c] = head;
    if (head === NONE) {
      const fl = c >>> SLI;
      this.slBitmap[fl] &= ~(1 << (c & (SL_COUNT - 1)));
      if (this.slBitmap[fl] === 0) this.flBitmap &= ~(1 << fl);
    }
  }

  /** Only the highest non-empty class can hold the largest block: scan that one list. */
  protected override largestFree(): number {
    if (this.flBitmap === 0) return 0;
    const fl = 31 - Math.clz32(this.flBitmap);
    let best = 0;
    for (let b = this.heads[(fl << SLI) + 31 - Math.clz32(this.slBitmap[fl])]; b !== NONE; b = this.lNext[b]) if (this.bSize[b] > best) best = this.bSize[b];
    return best;
  }

  protected findFree(need: number, align: number): number {
    let u = need / this.granule;
    // An aligned request may need a leading gap: ask for enough that any block will do.
    if (align > this.granule) u += align / this.granule + this.gapGranules;
    u = tlsfRoundUp(u);
    if (log2Floor(u) - (SLI - 1) >= FL_COUNT) return NONE;
    const c = tlsfClass(u);
    let fl = c >>> SLI;
    let slMap = this.slBitmap[fl] & (~0 << (c & (SL_COUNT - 1)));
    if (slMap === 0) {
      const flMap = fl + 1 < FL_COUNT ? this.flBitmap & (~0 << (fl + 1)) : 0;
      if (flMap === 0) return NONE;
      fl = lowestBit(flMap);
      slMap = this.slBitmap[fl];
    }
    this.work++;
    return this.heads[(fl << SLI) + lowestBit(slMap)];
  }
}
