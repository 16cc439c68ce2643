import { AllocatorOptions } from './allocator';
import { growI32, NONE } from './base';
import { BlockHeap } from './heap';

/**
 * Free blocks in a treap: a binary search tree on a key the subclass defines (`before`),
 * heap-ordered on random priorities, so it stays balanced in expectation (O(log n) per
 * operation). Invariants: in-order = key order; a parent's priority beats its children's.
 * Nodes are block ids: the tree lives in typed arrays beside the block records, with parent
 * links so insert and remove are iterative (descend, then rotate) and successor steps cheap.
 * Priorities come from a fixed-seed generator, so runs are reproducible (and addresses never
 * depend on the tree's shape anyway).
 */
export abstract class TreapHeap extends BlockHeap {
  protected root = NONE;
  protected tLeft: Int32Array = new Int32Array(this.capacity);
  protected tRight: Int32Array = new Int32Array(this.capacity);
  protected tParent: Int32Array = new Int32Array(this.capacity);
  private tPrio: Int32Array = new Int32Array(this.capacity);

  constructor(
    private seed: number,
    options?: AllocatorOptions,
  ) {
    super(options);
  }

  /** True when block b's key sorts before node n's. */
  protected abstract before(b: number, n: number): boolean;

  protected override growIndex(cap: number): void {
    this.tLeft = growI32(this.tLeft, cap);
    this.tRight = growI32(this.tRight, cap);
    this.tParent = growI32(this.tParent, cap);
    this.tPrio = growI32(this.tPrio, cap);
  }

  /** Attaches b as a leaf by key, then rotates b up by priority. */
  protected insertFree(b: number): void {
    // The arrays in locals: V8 otherwise reloads each field (and its backing store) at every use.
    const left = this.tLeft;
    const right = this.tRight;
    const parent = this.tParent;
    const prio = this.tPrio;
    let x = this.seed; // xorshift32
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x;
    prio[b] = x;
    left[b] = NONE;
    right[b] = NONE;
    let n = this.root;
    if (n === NONE) {
      parent[b] = NONE;
      this.root = b;
      return;
    }
    for (;;) {
      if (this.before(b, n)) {
        const l = left[n];
        if (l === NONE) {
          left[n] = b;
          break;
        }
        n = l;
      } else {
        const r = right[n];
        if (r === NONE) {
          right[n] = b;
          break;
        }
        n = r;
      }
    }
    parent[b] = n;
    for (let p = n; p !== NONE && x > prio[p]; p = parent[b]) this.rotateUp(b);
  }

  /** Rotates b down (its higher-priority child up) until it has at most one child, splices it out. */
  protected removeFree(b: number): void {
    const left = this.tLeft;
    const right = this.tRight;
    const parent = this.tParent;
    const prio = this.tPrio;
    let l = left[b];
    let r = right[b];
    while (l !== NONE && r !== NONE) {
      this.rotateUp(prio[l] > prio[r] ? l : r);
      l = left[b];
      r = right[b];
    }
    const c = l !== NONE ? l : r;
    const p = parent[b];
    if (c !== NONE) parent[c] = p;
    if (p === NONE) this.root = c;
    else if (left[p] === b) left[p] = c;
    else right[p] = c;
  }

  /** The next node in key order. */
  protected successor(n: number): number {
    this.work++;
    let r = this.tRight[n];
    if (r !== NONE) {
      while (this.tLeft[r] !== NONE) r = this.tLeft[r];
      return r;
    }
    let p = this.tParent[n];
    while (p !== NONE && this.tRight[p] === n) {
      n = p;
      p = this.tParent[p];
    }
    return p;
  }

  /** Rotates x above its parent, keeping key order. */
  private rotateUp(x: number): void {
    const left = this.tLeft;
    const right = this.tRight;
    const parent = this.tParent;
    const p = parent[x];
    const g = parent[p];
    if (left[p] === x) {
      const m = right[x];
      left[p] = m;
      if (m !== NONE) parent[m] = p;
      right[x] = p;
    } else {
      const m = left[x];
      right[p] = m;
      if (m !== NONE) parent[m] = p;
      left[x] = p;
    }
    parent[p] = x;
    parent[x] = g;
    if (g === NONE) this.root = x;
    else if (left[g] === p) left[g] = x;
    else right[g] = x;
  }
}
