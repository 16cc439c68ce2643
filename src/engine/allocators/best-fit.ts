import { AllocatorOptions } from './allocator';
import { growI32, lowestBit, NONE } from './base';
import { SizeTreeHeap } from './size-tree-heap';

/**
 * Best fit in O(log n): the smallest free block that fits, ties to the lowest address.
 * Blocks of BINS granules and more live in the (size, address) treap; smaller ones (16 KiB
 * at the default granule: most free blocks in practice) live in exact-size bins, each a
 * binary min-heap by address. Any bin that fits is a better fit than any tree block, so a
 * search looks at the non-empty bins >= the request (a bitmap, find-first-set per word)
 * before the tree. Invariant: bin c holds exactly the free blocks of c granules (c < BINS),
 * heap-ordered by address, with bPos[b] = b's index in its bin. Keeping them out of the
 * tree makes the tree small, and the ops on it, which chase pointers through memory, rarer:
 * at 10^5 live blocks, 32 bins gave ~2.2e6 ops/s, 128 ~2.6e6, 512 ~3.0e6, 1024 ~3.3e6 (cpu).
 */
const BINS = 1024;
const WORDS = BINS >>> 5;

export class BestFit extends SizeTreeHeap {
  readonly policy: string = 'best-fit';
  private readonly bins: number[][] = Array.from({ length: BINS }, () => []);
  /** Bit c of word c >>> 5 is set iff bin c is non-empty. */
  private readonly binBits: Uint32Array = new Uint32Array(WORDS);
  private bPos: Int32Array = new Int32Array(this.capacity);

  constructor(options?: AllocatorOptions) {
    super(options);
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
    this.binBits[c >>> 5] |= 1 << (c & 31);
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
    if (bin.length === 0) this.binBits[c >>> 5] &= ~(1 << (c & 31));
  }

  protected override findFree(need: number, align: number): number {
    const u = need / this.granule;
    if (u < BINS) {
      for (let w = u >>> 5; w < WORDS; w++) {
        let bits = w === u >>> 5 ? this.binBits[w] & (~0 << (u & 31)) : this.binBits[w];
        while (bits !== 0) {
          const bin = this.bins[(w << 5) + lowestBit(bits)];
          this.work++;
          if (align <= this.granule) return bin[0]; // every block in the bin fits; bin[0] is the lowest
          const b = this.lowestFitting(bin, need, align);
          if (b !== NONE) return b;
          bits &= bits - 1;
        }
      }
    }
    return super.findFree(need, align);
  }

  protected override largestFree(): number {
    const inTree = super.largestFree();
    if (inTree > 0) return inTree;
    for (let w = WORDS - 1; w >= 0; w--) if (this.binBits[w] !== 0) return ((w << 5) + 31 - Math.clz32(this.binBits[w])) * this.granule;
    return 0;
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
