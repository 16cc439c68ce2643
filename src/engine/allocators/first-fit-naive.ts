import { AllocatorOptions } from './allocator';
import { BlockHeap, NONE } from './heap';

/**
 * Address-ordered first fit on a plain doubly linked list of free blocks: the readable
 * reference the faster policies are tested against. Invariant: the list is sorted by
 * address. Insertion walks the list to keep it sorted (O(n)), the search takes the lowest
 * block that fits (O(n)); `work` counts the blocks the search examined.
 */
export class FirstFitNaive extends BlockHeap {
  readonly policy: string = 'first-fit-naive';
  private head = NONE;
  protected override readonly addressOrdered: boolean = true; // a resized block keeps its list position

  constructor(options?: AllocatorOptions) {
    super(options);
  }

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

  protected removeFree(b: number): void {
    this.head = this.listUnlink(this.head, b);
  }

  protected findFree(need: number, align: number): number {
    for (let b = this.head; b !== NONE; b = this.lNext[b]) {
      this.work++;
      if (this.bSize[b] >= need && this.fitIn(b, need, align) >= 0) return b;
    }
    return NONE;
  }

  /** stats() may run after every step (the engine and the lab call it so): walk the free list, not every block. */
  protected override largestFree(): number {
    let best = 0;
    for (let b = this.head; b !== NONE; b = this.lNext[b]) if (this.bSize[b] > best) best = this.bSize[b];
    return best;
  }
}
