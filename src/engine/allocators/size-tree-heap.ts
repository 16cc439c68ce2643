import { AllocatorOptions } from './allocator';
import { NONE } from './base';
import { TreapHeap } from './treap-heap';

/**
 * Free blocks in a treap (see treap-heap.ts) ordered by (size, address). The search walks that
 * order from the first block of size >= need and takes the first whose aligned payload fits,
 * so ties always go to the lowest address (best fit; worst fit needs only the largest block
 * and keeps a heap instead, see worst-fit.ts).
 */
export abstract class SizeTreeHeap extends TreapHeap {
  constructor(options?: AllocatorOptions) {
    super(0x2545f491, options);
  }

  protected before(b: number, n: number): boolean {
    return this.precedes(this.bSize[b], this.bAddr[b], n);
  }

  protected findFree(need: number, align: number): number {
    let b = this.firstAbove(need, -1);
    while (b !== NONE && this.bSize[b] >= need) {
      if (this.fitIn(b, need, align) >= 0) return b;
      b = this.successor(b);
    }
    return NONE;
  }

  protected override largestFree(): number {
    let n = this.root;
    if (n === NONE) return 0;
    while (this.tRight[n] !== NONE) n = this.tRight[n];
    return this.bSize[n];
  }

  /** First block in (size, address) order strictly after (size, addr). */
  private firstAbove(size: number, addr: number): number {
    let n = this.root;
    let found = NONE;
    while (n !== NONE) {
      this.work++;
      if (this.precedes(size, addr, n)) {
        found = n;
        n = this.tLeft[n];
      } else n = this.tRight[n];
    }
    return found;
  }

  /** (size, addr) < key of node n. */
  private precedes(size: number, addr: number, n: number): boolean {
    const s = this.bSize[n];
    return size < s || (size === s && addr < this.bAddr[n]);
  }
}
