import { FreeListHeap } from './free-list-heap';

/**
 * First fit over a LIFO free list: freed (and split-off) blocks are pushed at the front,
 * so the search tries the most recently freed blocks first. O(1) free, O(n) search.
 */
export class FirstFitLifo extends FreeListHeap {
  readonly policy: string = 'first-fit-lifo';

  protected insertFree(b: number): void {
    this.head = this.listPush(this.head, b);
  }
}
