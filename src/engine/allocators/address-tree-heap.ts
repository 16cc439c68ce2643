import { AllocatorOptions } from './allocator';
import { BlockHeap, growF64, growI32, NONE } from './heap';

/**
 * Free blocks in a treap keyed by address, each node also holding the largest free size
 * in its subtree (tMax). "Lowest-address block with size >= n" is then one descent:
 * go left while the left subtree has a big enough block, else take the node, else go
 * right. Invariants: in-order = address order; heap order on tPrio; tMax[n] =
 * max(size[n], tMax[left], tMax[right]). Priorities come from a fixed-seed generator, so
 * runs are reproducible (and addresses never depend on the tree's shape anyway).
 * Nodes are block ids: the tree lives in typed arrays beside the block records.
 */
export abstract class AddressTreeHeap extends BlockHeap {
  protected root = NONE;
  private tLeft = new Int32Array(this.capacity);
  private tRight = new Int32Array(this.capacity);
  private tPrio = new Int32Array(this.capacity);
  protected tMax = new Float64Array(this.capacity);
  private seed = 0x9e3779b9;
  // split() results (two return values without allocating)
  private splitL = NONE;
  private splitR = NONE;

  constructor(options?: AllocatorOptions) {
    super(options);
  }

  protected override growIndex(cap: number): void {
    this.tLeft = growI32(this.tLeft, cap);
    this.tRight = growI32(this.tRight, cap);
    this.tPrio = growI32(this.tPrio, cap);
    this.tMax = growF64(this.tMax, cap);
  }

  protected insertFree(b: number): void {
    let x = this.seed; // xorshift32
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x;
    this.tPrio[b] = x;
    this.tLeft[b] = NONE;
    this.tRight[b] = NONE;
    this.tMax[b] = this.bSize[b];
    this.root = this.insertAt(this.root, b);
  }

  protected removeFree(b: number): void {
    this.root = this.removeAt(this.root, b, this.bAddr[b]);
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
    let n = this.root;
    if (n === NONE || this.tMax[n] < need) return NONE;
    for (;;) {
      this.work++;
      const l = this.tLeft[n];
      if (l !== NONE && this.tMax[l] >= need) n = l;
      else if (this.bSize[n] >= need) return n;
      else n = this.tRight[n]; // tMax[n] >= need, so the right subtree has one
    }
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

  private fix(n: number): void {
    let m = this.bSize[n];
    const l = this.tLeft[n];
    const r = this.tRight[n];
    if (l !== NONE && this.tMax[l] > m) m = this.tMax[l];
    if (r !== NONE && this.tMax[r] > m) m = this.tMax[r];
    this.tMax[n] = m;
  }

  private insertAt(n: number, b: number): number {
    if (n === NONE) return b;
    if (this.tPrio[b] > this.tPrio[n]) {
      this.split(n, this.bAddr[b]);
      this.tLeft[b] = this.splitL;
      this.tRight[b] = this.splitR;
      this.fix(b);
      return b;
    }
    if (this.bAddr[b] < this.bAddr[n]) this.tLeft[n] = this.insertAt(this.tLeft[n], b);
    else this.tRight[n] = this.insertAt(this.tRight[n], b);
    this.fix(n);
    return n;
  }

  private removeAt(n: number, b: number, key: number): number {
    if (n === b) return this.merge(this.tLeft[n], this.tRight[n]);
    if (n === NONE) throw new Error(`address tree: free block at ${key} missing`);
    if (key < this.bAddr[n]) this.tLeft[n] = this.removeAt(this.tLeft[n], b, key);
    else this.tRight[n] = this.removeAt(this.tRight[n], b, key);
    this.fix(n);
    return n;
  }

  /** Splits subtree n into splitL (addresses < key) and splitR (>= key). */
  private split(n: number, key: number): void {
    if (n === NONE) {
      this.splitL = this.splitR = NONE;
      return;
    }
    if (this.bAddr[n] < key) {
      this.split(this.tRight[n], key);
      this.tRight[n] = this.splitL;
      this.fix(n);
      this.splitL = n;
    } else {
      this.split(this.tLeft[n], key);
      this.tLeft[n] = this.splitR;
      this.fix(n);
      this.splitR = n;
    }
  }

  /** Joins two subtrees where every address in a is below every address in b. */
  private merge(a: number, b: number): number {
    if (a === NONE) return b;
    if (b === NONE) return a;
    if (this.tPrio[a] > this.tPrio[b]) {
      this.tRight[a] = this.merge(this.tRight[a], b);
      this.fix(a);
      return a;
    }
    this.tLeft[b] = this.merge(a, this.tLeft[b]);
    this.fix(b);
    return b;
  }
}
