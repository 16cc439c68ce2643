import { AllocatorOptions } from './allocator';
import { BlockHeap, growI32, NONE } from './heap';
import { log2Floor, lowestBit } from './tlsf';

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

export class Segregated extends BlockHeap {
  readonly policy: string = 'segregated';
  private readonly heads = new Int32Array(CLASSES).fill(NONE);
  private readonly bitmap = new Uint32Array(2);
  private readonly gapGranules: number;
  /** The class each free block was filed under. */
  private bClass = new Int32Array(this.capacity);

  constructor(options?: AllocatorOptions) {
    super(options);
    this.gapGranules = this.minBlock / this.granule - 1;
  }

  protected override growIndex(cap: number): void {
    this.bClass = growI32(this.bClass, cap);
  }

  protected insertFree(b: number): void {
    const c = segregatedClass(this.bSize[b] / this.granule);
    this.bClass[b] = c;
    this.heads[c] = this.listPush(this.heads[c], b);
    this.bitmap[c >>> 5] |= 1 << (c & 31);
  }

  protected removeFree(b: number): void {
    const c = this.bClass[b];
    const head = this.listUnlink(this.heads[c], b);
    this.heads[c] = head;
    if (head === NONE) this.bitmap[c >>> 5] &= ~(1 << (c & 31));
  }

  /** Only the highest non-empty class can hold the largest block: scan that one list. */
  protected override largestFree(): number {
    const c = this.bitmap[1] !== 0 ? 63 - Math.clz32(this.bitmap[1]) : this.bitmap[0] !== 0 ? 31 - Math.clz32(this.bitmap[0]) : -1;
    let best = 0;
    if (c >= 0) for (let b = this.heads[c]; b !== NONE; b = this.lNext[b]) if (this.bSize[b] > best) best = this.bSize[b];
    return best;
  }

  protected findFree(need: number, align: number): number {
    let u = need / this.granule;
    if (align > this.granule) u += align / this.granule + this.gapGranules;
    const c = segregatedClass(u);
    const own = this.heads[c];
    if (own !== NONE) {
      this.work++;
      if (this.fitIn(own, need, align) >= 0) return own;
    }
    // First non-empty class above c: its smallest block is >= 2^(k+1) > u granules.
    const word = c >>> 5;
    let bits = (c & 31) === 31 ? 0 : this.bitmap[word] & (~0 << ((c & 31) + 1));
    if (bits !== 0) return this.takeHead((word << 5) + lowestBit(bits));
    if (word === 0) {
      bits = this.bitmap[1];
      if (bits !== 0) return this.takeHead(32 + lowestBit(bits));
    }
    return NONE;
  }

  private takeHead(c: number): number {
    this.work++;
    return this.heads[c];
  }
}
