import { growI32, NONE } from './base';
import { BlockHeap } from './heap';

/**
 * Worst fit: the largest free block, ties to the lowest address. Worst fit only ever asks for
 * the largest block, so its free blocks sit in a binary max-heap on (size, then lower address),
 * not in an ordered tree: the answer is the root, an insert sifts up (O(1) on average, O(log n)
 * at worst), a remove or a resize sifts in O(log n), each step one compare in a flat array.
 * Invariant: no block beats its parent in that order; hPos[b] is b's slot in the heap.
 * A block that loses its front to an alloc or grows over a neighbour stays filed and is sifted
 * (freeShrank/freeGrew), so an alloc that splits costs one sift, not a remove and an insert.
 */
export class WorstFit extends BlockHeap {
  readonly policy: string = 'worst-fit';
  protected override readonly resizesInPlace: boolean = true;
  /** Heap slots: block ids. */
  private hBlock: Int32Array = new Int32Array(this.capacity);
  private hPos: Int32Array = new Int32Array(this.capacity);
  private count = 0;

  protected override growIndex(cap: number): void {
    this.hBlock = growI32(this.hBlock, cap);
    this.hPos = growI32(this.hPos, cap);
  }

  protected findFree(need: number, align: number): number {
    if (this.count === 0) return NONE;
    const top = this.hBlock[0];
    this.work++;
    if (this.bSize[top] < need) return NONE;
    // Without extra alignment every block of size >= need fits; with it, the best that fits.
    return align <= this.granule ? top : this.bestAligned(need, align);
  }

  protected override largestFree(): number {
    return this.count === 0 ? 0 : this.bSize[this.hBlock[0]];
  }

  protected insertFree(b: number): void {
    this.siftUp(b, this.count++);
  }

  protected removeFree(b: number): void {
    const i = this.hPos[b];
    const last = this.hBlock[--this.count];
    if (i === this.count) return;
    this.siftDown(last, i);
    this.siftUp(last, this.hPos[last]);
  }

  protected override freeGrew(b: number): void {
    this.siftUp(b, this.hPos[b]);
  }

  protected override freeShrank(b: number): void {
    this.siftDown(b, this.hPos[b]);
  }

  /** True when block a comes before block b: larger, or as large at a lower address. */
  private beats(a: number, b: number): boolean {
    const sa = this.bSize[a];
    const sb = this.bSize[b];
    return sa > sb || (sa === sb && this.bAddr[a] < this.bAddr[b]);
  }

  /** Puts b in slot i or above, moving the parents it beats down. */
  private siftUp(b: number, i: number): void {
    const heap = this.hBlock;
    const pos = this.hPos;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const up = heap[p];
      if (!this.beats(b, up)) break;
      heap[i] = up;
      pos[up] = i;
      i = p;
    }
    heap[i] = b;
    pos[b] = i;
  }

  /** Puts b in slot i or below, moving the children that beat it up. */
  private siftDown(b: number, i: number): void {
    const heap = this.hBlock;
    const pos = this.hPos;
    const n = this.count;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.beats(heap[c + 1], heap[c])) c++;
      const down = heap[c];
      if (!this.beats(down, b)) break;
      heap[i] = down;
      pos[down] = i;
      i = c;
    }
    heap[i] = b;
    pos[b] = i;
  }

  /**
   * An aligned request (rare): of the blocks of size >= need whose aligned payload fits, the
   * first in worst-fit order. A walk of the heap that skips subtrees smaller than need.
   */
  private bestAligned(need: number, align: number): number {
    const heap = this.hBlock;
    const stack = [0];
    let best = NONE;
    while (stack.length > 0) {
      const i = stack.pop()!;
      const b = heap[i];
      this.work++;
      if (this.bSize[b] < need) continue;
      if ((best === NONE || this.beats(b, best)) && this.fitIn(b, need, align) >= 0) best = b;
      const c = 2 * i + 1;
      if (c < this.count) stack.push(c);
      if (c + 1 < this.count) stack.push(c + 1);
    }
    return best;
  }
}
