import { AllocatorOptions } from './allocator';
import { BlockHeap, growF64, growI32, NONE } from './heap';

/**
 * Free blocks in a treap keyed by address, each node also holding the largest free size
 * in its subtree (tMax). "Lowest-address block with size >= n" is then one descent:
 * go left while the left subtree has a big enough block, else take the node, else go
 * right. Invariants: in-order = address order; heap order on tPrio; tMax[n] =
 * max(size[n], tMax[left], tMax[right]). Priorities come from a fixed-seed generator, so
 * runs are reproducible (and addresses never depend on the tree's shape anyway). Insert
 * and remove are iterative: descend, then rotate (each rotation repairs tMax locally).
 * Nodes are block ids: the tree lives in typed arrays beside the block records.
 */
export abstract class AddressTreeHeap extends BlockHeap {
  protected root = NONE;
  private tLeft = new Int32Array(this.capacity);
  private tRight = new Int32Array(this.capacity);
  private tParent = new Int32Array(this.capacity);
  private tPrio = new Int32Array(this.capacity);
  protected tMax = new Float64Array(this.capacity);
  private seed = 0x9e3779b9;

  constructor(options?: AllocatorOptions) {
    super(options);
  }

  protected override growIndex(cap: number): void {
    this.tLeft = growI32(this.tLeft, cap);
    this.tRight = growI32(this.tRight, cap);
    this.tParent = growI32(this.tParent, cap);
    this.tPrio = growI32(this.tPrio, cap);
    this.tMax = growF64(this.tMax, cap);
  }

  /** Attaches b as a leaf by address, raises tMax on the path, then rotates b up by priority. */
  protected insertFree(b: number): void {
    let x = this.seed; // xorshift32
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x;
    this.tPrio[b] = x;
    this.tLeft[b] = NONE;
    this.tRight[b] = NONE;
    const size = this.bSize[b];
    this.tMax[b] = size;
    let n = this.root;
    if (n === NONE) {
      this.tParent[b] = NONE;
      this.root = b;
      return;
    }
    const addr = this.bAddr[b];
    for (;;) {
      if (this.tMax[n] < size) this.tMax[n] = size;
      if (addr < this.bAddr[n]) {
        if (this.tLeft[n] === NONE) {
          this.tLeft[n] = b;
          break;
        }
        n = this.tLeft[n];
      } else {
        if (this.tRight[n] === NONE) {
          this.tRight[n] = b;
          break;
        }
        n = this.tRight[n];
      }
    }
    this.tParent[b] = n;
    while (this.tParent[b] !== NONE && this.tPrio[b] > this.tPrio[this.tParent[b]]) this.rotateUp(b);
  }

  /** Rotates b down until it has at most one child, splices it out, lowers tMax above it. */
  protected removeFree(b: number): void {
    for (;;) {
      const l = this.tLeft[b];
      const r = this.tRight[b];
      if (l === NONE || r === NONE) break;
      this.rotateUp(this.tPrio[l] > this.tPrio[r] ? l : r);
    }
    const c = this.tLeft[b] !== NONE ? this.tLeft[b] : this.tRight[b];
    let p = this.tParent[b];
    if (c !== NONE) this.tParent[c] = p;
    if (p === NONE) this.root = c;
    else if (this.tLeft[p] === b) this.tLeft[p] = c;
    else this.tRight[p] = c;
    while (p !== NONE) {
      const before = this.tMax[p];
      this.fix(p);
      if (this.tMax[p] === before) break; // nothing above changes either
      p = this.tParent[p];
    }
  }

  protected override readonly addressOrdered: boolean = true;

  /** b kept its place in address order but changed size: repair tMax from b up to the root. */
  protected override freeResized(b: number): void {
    for (let n = b; n !== NONE; n = this.tParent[n]) {
      const before = this.tMax[n];
      this.fix(n);
      if (this.tMax[n] === before && n !== b) break;
    }
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

  /** Rotates x above its parent, keeping address order and tMax. */
  private rotateUp(x: number): void {
    const p = this.tParent[x];
    const g = this.tParent[p];
    if (this.tLeft[p] === x) {
      const m = this.tRight[x];
      this.tLeft[p] = m;
      if (m !== NONE) this.tParent[m] = p;
      this.tRight[x] = p;
    } else {
      const m = this.tLeft[x];
      this.tRight[p] = m;
      if (m !== NONE) this.tParent[m] = p;
      this.tLeft[x] = p;
    }
    this.tParent[p] = x;
    this.tParent[x] = g;
    if (g === NONE) this.root = x;
    else if (this.tLeft[g] === p) this.tLeft[g] = x;
    else this.tRight[g] = x;
    this.fix(p);
    this.fix(x);
  }
}
