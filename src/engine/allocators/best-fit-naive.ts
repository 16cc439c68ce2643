import { NONE } from './base';
import { FreeListHeap } from './free-list-heap';

/**
 * Best fit by scanning every free block (an unordered list, new blocks pushed at the
 * front): the smallest block that fits, ties to the lowest address. The reference that
 * best-fit's treap is tested against; `work` counts the blocks scanned.
 */
export class BestFitNaive extends FreeListHeap {
  readonly policy: string = 'best-fit-naive';

  protected insertFree(b: number): void {
    this.head = this.listPush(this.head, b);
  }

  protected override findFree(need: number, align: number): number {
    let best = NONE;
    for (let b = this.head; b !== NONE; b = this.lNext[b]) {
      this.work++;
      const size = this.bSize[b];
      if (size < need || (best !== NONE && (size > this.bSize[best] || (size === this.bSize[best] && this.bAddr[b] > this.bAddr[best])))) continue;
      if (this.fitIn(b, need, align) >= 0) best = b;
    }
    return best;
  }
}
