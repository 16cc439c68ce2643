import { AllocatorOptions } from './allocator';
import { growF64, NONE } from './base';
import { TreapHeap } from './treap-heap';

/**
 * Free blocks in a treap keyed by address (see treap-heap.ts), each node augmented with the
 * largest free size in its subtree: tMax[n] = max(size[n], tMax[left], tMax[right]).
 * "Lowest-address block with size >= n" is then one descent: go left while the left subtree
 * has a big enough block, else take the node, else go right.
 */
export abstract class AddressTreeHeap extends TreapHeap {
  protected tMax: Float64Array = new Float64Array(this.capacity);

  constructor(options?: AllocatorOptions) {
    super(0x9e3779b9, options);
  }

  protected override growIndex(cap: number): void {
    super.growIndex(cap);
    this.tMax = growF64(this.tMax, cap);
  }

  protected before(b: number, n: number): boolean {
    return this.bAddr[b] < this.bAddr[n];
  }

  protected override readonly resizesInPlace: boolean = true;

  /** b kept its place in address order and grew: raise tMax from b up while it is below b's size. */
  protected override freeGrew(b: number): void {
    this.raise(b, this.bSize[b]);
  }

  /** b kept its place in address order and shrank: repair tMax from b up. */
  protected override freeShrank(b: number): void {
    this.fixUp(b);
  }

  protected override largestFree(): number {
    return this.root === NONE ? 0 : this.tMax[this.root];
  }

  /** Lowest-address free block that holds `need` with an aligned payload, or NONE. */
  protected lowestFit(need: number, align: number): number {
    let b = this.lowestAtLeast(need);
    while (b !== NONE && this.fitIn(b, need, align) < 0) b = this.firstAfter(this.root, this.bAddr[b], need);
    return b;
  }

  /** Lowest-address free block of size >= need: a single descent guided by tMax. */
  protected lowestAtLeast(need: number): number {
    const max = this.tMax;
    const left = this.tLeft;
    let n = this.root;
    if (n === NONE || max[n] < need) return NONE;
    let visited = 1;
    for (;;) {
      const l = left[n];
      if (l !== NONE && max[l] >= need) n = l;
      else if (this.bSize[n] >= need) break;
      else n = this.tRight[n]; // max[n] >= need, so the right subtree has one
      visited++;
    }
    this.work += visited;
    return n;
  }

  /** Lowest-address free block in subtree n with address > lo and size >= need, or NONE. */
  protected firstAfter(n: number, lo: number, need: number): number {
    while (n !== NONE && this.tMax[n] >= need) {
      this.work++;
      if (this.bAddr[n] > lo) {
        const found = this.firstAfter(this.tLeft[n], lo, need);
        if (found !== NONE) return found;
        if (this.bSize[n] >= need) return n;
      }
      n = this.tRight[n];
    }
    return NONE;
  }

  protected override attachedBelow(n: number, b: number): void {
    const size = this.bSize[b];
    this.tMax[b] = size;
    this.raise(n, size);
  }

  /** A block of `size` is now in n's subtree: raise tMax from n up while it is lower. */
  private raise(n: number, size: number): void {
    const max = this.tMax;
    const parent = this.tParent;
    for (; n !== NONE && max[n] < size; n = parent[n]) max[n] = size;
  }

  /** up now roots the subtree down rooted, so it has down's old maximum; down's is recomputed. */
  protected override rotated(up: number, down: number): void {
    this.tMax[up] = this.tMax[down];
    this.fix(down);
  }

  protected override fix(n: number): boolean {
    const max = this.tMax;
    let m = this.bSize[n];
    const l = this.tLeft[n];
    const r = this.tRight[n];
    if (l !== NONE && max[l] > m) m = max[l];
    if (r !== NONE && max[r] > m) m = max[r];
    if (max[n] === m) return false;
    max[n] = m;
    return true;
  }
}
