import { AddressTreeHeap } from './address-tree-heap';

/**
 * Address-ordered first fit in O(log n): the lowest-address free block that fits, found
 * by one descent of the address B+tree (see address-tree-heap.ts). Gives exactly the
 * addresses of first-fit-naive; `work` counts tree slots looked at, not list blocks.
 */
export class FirstFit extends AddressTreeHeap {
  readonly policy: string = 'first-fit';

  protected findFree(need: number, align: number): number {
    return this.lowestFit(need, align);
  }
}
