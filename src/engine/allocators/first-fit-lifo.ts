import { AllocatorOptions } from './allocator';
import { BlockHeap, NONE } from './heap';

/**
 * First fit over a LIFO free list: freed (and split-off) blocks are pushed at the front,
 * so the search tries the most recently freed blocks first. O(1) free, O(n) search;
 * `work` counts the blocks examined.
 */
export class FirstFitLifo extends BlockHeap {
  readonly policy: string = 'first-fit-lifo';
  private head = NONE;

  constructor(options?: AllocatorOptions) {
    super(options);
  }

  protected insertFree(b: number): void {
    this.head = this.listPush(this.head, b);
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
