import { AllocatorOptions } from './allocator';
import { BlockHeap, NONE } from './heap';

/**
 * Best fit by scanning every free block (an unordered list, new blocks pushed at the
 * front): the smallest block that fits, ties to the lowest address. The reference that
 * best-fit's treap is tested against; `work` counts the blocks scanned.
 */
export class BestFitNaive extends BlockHeap {
  readonly policy: string = 'best-fit-naive';
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
    let best = NONE;
    for (let b = this.head; b !== NONE; b = this.lNext[b]) {
      this.work++;
      const size = this.bSize[b];
      if (size < need || (best !== NONE && (size > this.bSize[best] || (size === this.bSize[best] && this.bAddr[b] > this.bAddr[best])))) continue;
      if (this.fitIn(b, need, align) >= 0) best = b;
    }
    return best;
  }

  /** stats() may run after every step (the engine and the lab call it so): walk the free list, not every block. */
  protected override largestFree(): number {
    let best = 0;
    for (let b = this.head; b !== NONE; b = this.lNext[b]) if (this.bSize[b] > best) best = this.bSize[b];
    return best;
  }
}
