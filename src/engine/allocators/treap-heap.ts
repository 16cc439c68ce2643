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
 *
 * A subclass may augment nodes with a summary of their subtree: `fix` recomputes a node's
 * summary from its own block and its children's summaries. The treap calls it after every
 * rotation, and from the changed node upwards after a splice, stopping where a summary comes
 * out unchanged (nothing above it can change either); an insert calls attachedBelow.
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

  /** Recomputes node n's augmentation from n and its children; returns whether it changed. */
  protected fix(_n: number): boolean {
    return false;
  }

  /**
   * Leaf b was just attached below n (NONE: b is the root): sets b's augmentation and folds
   * b into that of n and its ancestors.
   * (Cheaper than fixUp(n): only the path just descended is touched, not its siblings.)
   */
  protected attachedBelow(_n: number, _b: number): void {}

  protected override growIndex(cap: number): void {
    this.tLeft = growI32(this.tLeft, cap);
    this.tRight = growI32(this.tRight, cap);
    this.tParent = growI32(this.tParent, cap);
    this.tPrio = growI32(this.tPrio, cap);
  }

  /** Attaches b as a leaf by key, repairs the augmentation above it, then rotates b up by priority. */
  protected insertFree(b: number): void {
    let x = this.seed; // xorshift32
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x;
    this.tPrio[b] = x;
    this.tLeft[b] = NONE;
    this.tRight[b] = NONE;
    let n = this.root;
    if (n === NONE) {
      this.tParent[b] = NONE;
      this.root = b;
      this.attachedBelow(NONE, b);
      return;
    }
    for (;;) {
      if (this.before(b, n)) {
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
    this.attachedBelow(n, b);
    while (this.tParent[b] !== NONE && this.tPrio[b] > this.tPrio[this.tParent[b]]) this.rotateUp(b);
  }

  /** Rotates b down (its higher-priority child up) until it has at most one child, splices it out. */
  protected removeFree(b: number): void {
    for (;;) {
      const l = this.tLeft[b];
      const r = this.tRight[b];
      if (l === NONE || r === NONE) break;
      this.rotateUp(this.tPrio[l] > this.tPrio[r] ? l : r);
    }
    const c = this.tLeft[b] !== NONE ? this.tLeft[b] : this.tRight[b];
    const p = this.tParent[b];
    if (c !== NONE) this.tParent[c] = p;
    if (p === NONE) this.root = c;
    else if (this.tLeft[p] === b) this.tLeft[p] = c;
    else this.tRight[p] = c;
    this.fixUp(p);
  }

  /** Repairs the augmentation from n up to the root, stopping where nothing changes. */
  protected fixUp(n: number): void {
    while (n !== NONE && this.fix(n)) n = this.tParent[n];
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

  /** Rotates x above its parent, keeping key order and the augmentation. */
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
