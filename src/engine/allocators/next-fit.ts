import { AddressTreeHeap } from './address-tree-heap';
import { NONE } from './base';

/**
 * Next fit (Knuth's roving pointer): the search starts where the last one ended and wraps
 * around once. The rover is an address (the end of the last allocated block), so it stays
 * meaningful when the block it pointed into is split or coalesced; the first free block at
 * or after it that fits is found in O(log n) on the address treap.
 */
export class NextFit extends AddressTreeHeap {
  readonly policy: string = 'next-fit';
  private rover = 0;

  protected findFree(need: number, align: number): number {
    let b = this.fitFrom(this.rover - 1, need, align);
    if (b === NONE) b = this.fitFrom(-1, need, align); // wrap around
    // After a search that fails the heap grows and the block taken ends at the top, so the
    // rover moves to the top too and the next search wraps to the bottom.
    this.rover = b === NONE ? Infinity : this.alignedPayload(this.bAddr[b], align) - this.header + need;
    return b;
  }

  /** Lowest free block with address > lo that fits aligned. */
  private fitFrom(lo: number, need: number, align: number): number {
    let b = this.firstAfter(this.root, lo, need);
    while (b !== NONE && this.fitIn(b, need, align) < 0) b = this.firstAfter(this.root, this.bAddr[b], need);
    return b;
  }
}
