import { AllocatorOptions } from './allocator';
import { growI32, lowestBit, NONE } from './base';
import { SizeTreeHeap } from './size-tree-heap';

/**
 * Best fit in O(log n): the smallest free block that fits, ties to the lowest address.
 * Blocks of 32 granules and more live in the (size, address) treap; smaller ones, which are
 * most free blocks in practice and all of one size per bin, live in 31 exact-size bins,
 * each a binary min-heap by address. Any bin that fits is a better fit than any tree block,
 * so a search looks at the non-empty bins >= the request (a bitmap, find-first-set) before
 * the tree. Invariant: bin c holds exactly the free blocks of c granules (c < 32), heap-
 * ordered by address, with bPos[b] = b's index in its bin. Keeping them out of the tree
 * makes the tree small, and the ops on it, which chase pointers through memory, rarer.
 */
const BINS = 32;

export class BestFit extends SizeTreeHeap {
  readonly policy: string = 'best-fit';
  private readonly bins: number[][] = Array.from({ length: BINS }, () => []);
  private binBits = 0;
  private bPos = new Int32Array(this.capacity);

  constructor(options?: AllocatorOptions) {
    super(1, options);
  }

  protected override growIndex(cap: number): void {
    super.growIndex(cap);
    this.bPos = growI32(this.bPos, cap);
  }

  protected override insertFree(b: number): void {
    const c = this.bSize[b] / this.granule;
    if (c >= BINS) return super.insertFree(b);
    const bin = this.bins[c];
    bin.push(b);
    this.siftUp(bin, bin.length - 1);
    this.binBits |= 1 << c;
  }

  protected override removeFree(b: number): void {
    const c = this.bSize[b] / this.granule;
    if (c >= BINS) return super.removeFree(b);
    const bin = this.bins[c];
    const i = this.bPos[b];
    const last = bin.pop()!;
    if (i < bin.length) {
      bin[i] = last;
      this.bPos[last] = i;
      this.siftDown(bin, i);
      this.siftUp(bin, this.bPos[last]);
    }
    if (bin.length === 0) this.binBits &= ~(1 << c);
  }

  protected override findFree(need: number, align: number): number {
    const u = need / this.granule;
    if (u < BINS) {
      let bits = this.binBits & (~0 << u);
      while (bits !== 0) {
        const bin = this.bins[lowestBit(bits)];
        this.work++;
        if (align <= this.granule) return bin[0]; // every block in the bin fits; bin[0] is the lowest
        const b = this.lowestFitting(bin, need, align);
        if (b !== NONE) return b;
        bits &= bits - 1;
      }
    }
    return super.findFree(need, align);
  }

  protected override largestFree(): number {
    const inTree = super.largestFree();
    if (inTree > 0 || this.binBits === 0) return inTree;
    return (31 - Math.clz32(this.binBits)) * this.granule;
  }

  /** Lowest-address block of a bin whose payload can be aligned (rare: aligned requests only). */
  private lowestFitting(bin: number[], need: number, align: number): number {
    let best = NONE;
    for (const b of bin) {
      this.work++;
      if ((best === NONE || this.bAddr[b] < this.bAddr[best]) && this.fitIn(b, need, align) >= 0) best = b;
    }
    return best;
  }

  private siftUp(bin: number[], i: number): void {
    const b = bin[i];
    const addr = this.bAddr[b];
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.bAddr[bin[p]] <= addr) break;
      bin[i] = bin[p];
      this.bPos[bin[i]] = i;
      i = p;
    }
    bin[i] = b;
    this.bPos[b] = i;
  }

  private siftDown(bin: number[], i: number): void {
    const n = bin.length;
    const b = bin[i];
    const addr = this.bAddr[b];
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.bAddr[bin[c + 1]] < this.bAddr[bin[c]]) c++;
      if (this.bAddr[bin[c]] >= addr) break;
      bin[i] = bin[c];
      this.bPos[bin[i]] = i;
      i = c;
    }
    bin[i] = b;
    this.bPos[b] = i;
  }
}
