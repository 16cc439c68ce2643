import { NONE } from './base';
import { FreeListHeap } from './free-list-heap';

/**
 * Address-ordered first fit on a plain doubly linked list of free blocks: the readable
 * reference the faster policies are tested against. Invariant: the list is sorted by
 * address, so first fit in list order is the lowest block that fits. Insertion walks the
 * list to keep it sorted (O(n)), and so does the search.
 */
export class FirstFitNaive extends FreeListHeap {
  readonly policy: string = 'first-fit-naive';
  protected override readonly resizesInPlace: boolean = true; // a resized block keeps its list position

  protected insertFree(b: number): void {
    const addr = this.bAddr[b];
    let prev = NONE;
    let cur = this.head;
    while (cur !== NONE && this.bAddr[cur] < addr) {
      prev = cur;
      cur = this.lNext[cur];
    }
    if (prev === NONE) {
      this.head = this.listPush(this.head, b);
      return;
    }
    this.lPrev[b] = prev;
    this.lNext[b] = cur;
    this.lNext[prev] = b;
    if (cur !== NONE) this.lPrev[cur] = b;
  }
}
