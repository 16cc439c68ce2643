import { NONE } from './base';
import { BlockHeap } from './heap';

/**
 * Free blocks on one doubly linked list (lNext/lPrev), in an order the subclass keeps by
 * how it inserts. The default search is first fit in list order: the first block that
 * holds the request with an aligned payload; `work` counts the blocks examined.
 */
export abstract class FreeListHeap extends BlockHeap {
  protected head = NONE;

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
