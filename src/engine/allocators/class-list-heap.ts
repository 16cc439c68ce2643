import { AllocatorOptions } from './allocator';
import { growI32, lowestBit, NONE } from './base';
import { BlockHeap } from './heap';

/**
 * Free blocks on LIFO lists by size class, the class a function of the block's size in
 * granules (classOf, from the subclass). One bit per non-empty class (words of 32 classes)
 * and one bit per non-empty word make "the first non-empty class at or above c" two
 * find-first-set operations: O(1) insert, remove and search.
 * Invariants: free block b is on list bClass[b]; bit c is set iff list c is non-empty; bit
 * w of the summary is set iff word w is non-zero.
 */
export abstract class ClassListHeap extends BlockHeap {
  private readonly heads: Int32Array;
  private readonly bitmap: Uint32Array;
  private summary = 0;
  /** The class each free block was filed under. */
  private bClass: Int32Array = new Int32Array(this.capacity);
  /** Worst-case leading gap an aligned request may need, in granules. */
  private readonly gapGranules: number;

  /** `classes`: a multiple of 32, at most 1024. */
  constructor(
    private readonly classes: number,
    options?: AllocatorOptions,
  ) {
    super(options);
    this.heads = new Int32Array(classes).fill(NONE);
    this.bitmap = new Uint32Array(classes >>> 5);
    this.gapGranules = this.minBlock / this.granule - 1;
  }

  /** The class of a free block of u granules. */
  protected abstract classOf(u: number): number;

  protected override growIndex(cap: number): void {
    this.bClass = growI32(this.bClass, cap);
  }

  protected insertFree(b: number): void {
    const c = this.classOf(this.bSize[b] / this.granule);
    this.bClass[b] = c;
    this.heads[c] = this.listPush(this.heads[c], b);
    this.bitmap[c >>> 5] |= 1 << (c & 31);
    this.summary |= 1 << (c >>> 5);
  }

  protected removeFree(b: number): void {
    const c = this.bClass[b];
    const head = this.listUnlink(this.heads[c], b);
    this.heads[c] = head;
    if (head === NONE) {
      const w = c >>> 5;
      this.bitmap[w] &= ~(1 << (c & 31));
      if (this.bitmap[w] === 0) this.summary &= ~(1 << w);
    }
  }

  /** Only the highest non-empty class can hold the largest block: scan that one list. */
  protected override largestFree(): number {
    if (this.summary === 0) return 0;
    const w = 31 - Math.clz32(this.summary);
    let best = 0;
    for (let b = this.heads[(w << 5) + 31 - Math.clz32(this.bitmap[w])]; b !== NONE; b = this.lNext[b]) if (this.bSize[b] > best) best = this.bSize[b];
    return best;
  }

  /** A request in granules, widened for an aligned request so that any block that size leaves room for the gap. */
  protected searchGranules(need: number, align: number): number {
    const u = need / this.granule;
    return align > this.granule ? u + align / this.granule + this.gapGranules : u;
  }

  /** Head of list c (NONE if empty). */
  protected headOf(c: number): number {
    return this.heads[c];
  }

  /** Head of the first non-empty class at or above c, or NONE; counts one block of work when found. */
  protected firstFromClass(c: number): number {
    if (c >= this.classes) return NONE;
    let w = c >>> 5;
    let bits = this.bitmap[w] & (~0 << (c & 31));
    if (bits === 0) {
      const words = w < 31 ? this.summary & (~0 << (w + 1)) : 0;
      if (words === 0) return NONE;
      w = lowestBit(words);
      bits = this.bitmap[w];
    }
    this.work++;
    return this.heads[(w << 5) + lowestBit(bits)];
  }
}
