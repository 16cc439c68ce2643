import { AllocatorOptions } from './allocator';
import { NONE } from './base';
import { TreapHeap } from './treap-heap';

/**
 * Free blocks in a treap (see treap-heap.ts) ordered by (rank, address), where rank = size
 * for best fit and -size for worst fit. The search walks that order from the first block
 * of size >= need (best fit) or from the largest block (worst fit) and takes the first whose
 * aligned payload fits, so ties always go to the lowest address.
 */
export abstract class SizeTreeHeap extends TreapHeap {
  /** +1: ascending sizes (best fit); -1: descending sizes (worst fit). */
  constructor(
    private readonly sign: 1 | -1,
    options?: AllocatorOptions,
  ) {
    super(0x2545f491, options);
  }

  protected before(b: number, n: number): boolean {
    return this.precedes(this.sign * this.bSize[b], this.bAddr[b], n);
  }

  protected findFree(need: number, align: number): number {
    // Best fit starts at the first block of size >= need; worst fit at the largest.
    let b = this.sign > 0 ? this.firstAbove(need, -1) : this.firstAbove(-Infinity, -1);
    while (b !== NONE && this.bSize[b] >= need) {
      if (this.fitIn(b, need, align) >= 0) return b;
      b = this.successor(b);
    }
    return NONE;
  }

  protected override largestFree(): number {
    let n = this.root;
    if (n === NONE) return 0;
    const side = this.sign > 0 ? this.tRight : this.tLeft;
    while (side[n] !== NONE) n = side[n];
    return this.bSize[n];
  }

  /** First block in (rank, address) order strictly after (rank, addr). */
  private firstAbove(rank: number, addr: number): number {
    let n = this.root;
    let found = NONE;
    while (n !== NONE) {
      this.work++;
      if (this.precedes(rank, addr, n)) {
        found = n;
        n = this.tLeft[n];
      } else n = this.tRight[n];
    }
    return found;
  }

  /** (rank, addr) < key of node n. */
  private precedes(rank: number, addr: number, n: number): boolean {
    const r = this.sign * this.bSize[n];
    return rank < r || (rank === r && addr < this.bAddr[n]);
  }
}
