import { AddressTreeHeap } from './address-tree-heap';
import { NONE } from './base';

/**
 * Next fit (Knuth's roving pointer): the search starts where the last one ended and wraps
 * around once. The rover is an address (the end of the last allocated block), so it stays
 * meaningful when the block it pointed into is split or coalesced; the first free block at
 * or after it that fits is found in O(log n) on the address tree (address-tree-heap.ts).
 *
 * Most searches (half to two thirds on the shipped traces) end in the free block that starts
 * at the rover, the remainder of the block the last one split: that block is tried first, in
 * O(1), before the tree. It is the answer whenever it fits, being the lowest address >= rover.
 */
export class NextFit extends AddressTreeHeap {
  readonly policy: string = 'next-fit';
  private rover = 0;
  /** The block the last search took: after place() it, or its physical successor, starts at the rover. */
  private taken = NONE;

  protected findFree(need: number, align: number): number {
    let b = this.atRover(need, align);
    if (b === NONE) {
      b = this.fitFrom(this.rover - 1, need, align);
      if (b === NONE) b = this.fitFrom(-1, need, align); // wrap around
    }
    // After a search that fails the heap grows and the block taken ends at the top, so the
    // rover moves to the top too and the next search wraps to the bottom.
    this.rover = b === NONE ? Infinity : this.alignedPayload(this.bAddr[b], align) - this.header + need;
    this.taken = b;
    return b;
  }

  /**
   * The free block starting exactly at the rover if it fits, else NONE. Blocks tile the heap,
   * so a free block at that address is the only one there; a dead id reads as not free (the
   * heap core clears bFree when it recycles one), so a stale `taken` cannot pass the check.
   */
  private atRover(need: number, align: number): number {
    let c = this.taken;
    if (c === NONE) return NONE;
    const rover = this.rover;
    if (!(this.bFree[c] === 1 && this.bAddr[c] === rover)) {
      c = this.bNext[c];
      if (c === NONE || !(this.bFree[c] === 1 && this.bAddr[c] === rover)) return NONE;
    }
    this.work++;
    return this.bSize[c] >= need && this.fitIn(c, need, align) >= 0 ? c : NONE;
  }

  /** Lowest free block with address > lo that fits aligned. */
  private fitFrom(lo: number, need: number, align: number): number {
    let b = this.firstAfter(lo, need);
    while (b !== NONE && this.fitIn(b, need, align) < 0) b = this.firstAfter(this.bAddr[b], need);
    return b;
  }
}
