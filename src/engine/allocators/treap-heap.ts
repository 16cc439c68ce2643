import { AllocatorOptions } from './allocator';
import { growF64, growI32, INITIAL_CAPACITY, NONE } from './base';
import { BlockHeap } from './heap';

/**
 * Free blocks in a treap: a binary search tree on a key the subclass defines (`before`),
 * heap-ordered on random priorities, so it stays balanced in expectation (O(log n) per
 * operation). Invariants: in-order = key order; a parent's priority beats its children's.
 * Priorities come from a fixed-seed generator, so runs are reproducible (and addresses never
 * depend on the tree's shape anyway).
 *
 * Nodes are slots of their own, not block ids: one per filed block, kept dense (a removed
 * node's slot takes the last node), each holding a copy of its block's address and size. A
 * heap of 10^5 blocks with 10^4 free ones then walks 10^4 slots that stay in cache, not
 * scattered rows of 10^5 (on a generated 2x10^6-event trace that was most of first fit's time).
 * nodeOf[b] is block b's node while b is filed, nBlock[n] node n's block; a filed block's
 * new address or size reaches its node through freeGrew/freeShrank (see resynced).
 * Parent links make insert and remove iterative (descend, then rotate) and successor steps cheap.
 *
 * A subclass may augment nodes with a summary of their subtree: `fix` recomputes a node's
 * summary from its own key and its children's summaries. The treap calls `rotated` after
 * every rotation, and fix from the changed node upwards after a splice, stopping where a
 * summary comes out unchanged (nothing above it can change either); an insert calls attachedBelow.
 */
export abstract class TreapHeap extends BlockHeap {
  protected root = NONE;
  private nodeCount = 0;
  private nodeCapacity = INITIAL_CAPACITY;
  protected nAddr: Float64Array = new Float64Array(INITIAL_CAPACITY);
  protected nSize: Float64Array = new Float64Array(INITIAL_CAPACITY);
  protected nBlock: Int32Array = new Int32Array(INITIAL_CAPACITY);
  protected tLeft: Int32Array = new Int32Array(INITIAL_CAPACITY);
  protected tRight: Int32Array = new Int32Array(INITIAL_CAPACITY);
  protected tParent: Int32Array = new Int32Array(INITIAL_CAPACITY);
  private tPrio: Int32Array = new Int32Array(INITIAL_CAPACITY);
  protected nodeOf: Int32Array = new Int32Array(this.capacity);

  constructor(
    private seed: number,
    options?: AllocatorOptions,
  ) {
    super(options);
  }

  /** True when node x's key sorts before node n's. */
  protected abstract before(x: number, n: number): boolean;

  /** Recomputes node n's augmentation from n and its children; returns whether it changed. */
  protected fix(_n: number): boolean {
    return false;
  }

  /**
   * `up` was rotated above its parent `down`: up now roots exactly the subtree down rooted
   * (so it takes over down's summary, no recompute needed), down roots a smaller one.
   */
  protected rotated(_up: number, _down: number): void {}

  /**
   * Leaf x was just attached below n (NONE: x is the root): sets x's augmentation and folds
   * x into that of n and its ancestors.
   * (Cheaper than fixUp(n): only the path just descended is touched, not its siblings.)
   */
  protected attachedBelow(_n: number, _x: number): void {}

  /** The node arrays grew to `capacity` slots: a subclass grows its own per-node arrays. */
  protected growNodes(_capacity: number): void {}

  /** Node `from`'s slot moved to `to`: a subclass copies its own per-node fields. */
  protected nodeMoved(_from: number, _to: number): void {}

  protected override growIndex(cap: number): void {
    this.nodeOf = growI32(this.nodeOf, cap);
  }

  /** Block b (filed) changed address or size: copies them to its node, returns the node. */
  protected resynced(b: number): number {
    const n = this.nodeOf[b];
    this.nAddr[n] = this.bAddr[b];
    this.nSize[n] = this.bSize[b];
    return n;
  }

  /** Attaches b's new node as a leaf by key, repairs the augmentation above it, then rotates it up by priority. */
  protected insertFree(b: number): void {
    const x = this.newNode(b);
    // The arrays in locals: V8 otherwise reloads each field (and its backing store) at every use.
    const left = this.tLeft;
    const right = this.tRight;
    const parent = this.tParent;
    const prio = this.tPrio;
    let r = this.seed; // xorshift32
    r ^= r << 13;
    r ^= r >>> 17;
    r ^= r << 5;
    this.seed = r;
    prio[x] = r;
    left[x] = NONE;
    right[x] = NONE;
    let n = this.root;
    if (n === NONE) {
      parent[x] = NONE;
      this.root = x;
      this.attachedBelow(NONE, x);
      return;
    }
    for (;;) {
      if (this.before(x, n)) {
        const l = left[n];
        if (l === NONE) {
          left[n] = x;
          break;
        }
        n = l;
      } else {
        const c = right[n];
        if (c === NONE) {
          right[n] = x;
          break;
        }
        n = c;
      }
    }
    parent[x] = n;
    this.attachedBelow(n, x);
    for (let p = n; p !== NONE && r > prio[p]; p = parent[x]) this.rotateUp(x);
  }

  /** Rotates b's node down (its higher-priority child up) until it has at most one child, splices it out. */
  protected removeFree(b: number): void {
    const x = this.nodeOf[b];
    const left = this.tLeft;
    const right = this.tRight;
    const parent = this.tParent;
    const prio = this.tPrio;
    let l = left[x];
    let r = right[x];
    while (l !== NONE && r !== NONE) {
      this.rotateUp(prio[l] > prio[r] ? l : r);
      l = left[x];
      r = right[x];
    }
    const c = l !== NONE ? l : r;
    const p = parent[x];
    if (c !== NONE) parent[c] = p;
    if (p === NONE) this.root = c;
    else if (left[p] === x) left[p] = c;
    else right[p] = c;
    this.fixUp(p);
    this.dropNode(x);
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

  /** A fresh node for block b, with b's key. */
  private newNode(b: number): number {
    const x = this.nodeCount++;
    if (x === this.nodeCapacity) {
      const cap = (this.nodeCapacity *= 2);
      this.nAddr = growF64(this.nAddr, cap);
      this.nSize = growF64(this.nSize, cap);
      this.nBlock = growI32(this.nBlock, cap);
      this.tLeft = growI32(this.tLeft, cap);
      this.tRight = growI32(this.tRight, cap);
      this.tParent = growI32(this.tParent, cap);
      this.tPrio = growI32(this.tPrio, cap);
      this.growNodes(cap);
    }
    this.nBlock[x] = b;
    this.nodeOf[b] = x;
    this.nAddr[x] = this.bAddr[b];
    this.nSize[x] = this.bSize[b];
    return x;
  }

  /** Frees node x's slot (x is out of the tree) by moving the last node into it, links and all. */
  private dropNode(x: number): void {
    const last = --this.nodeCount;
    if (x === last) return;
    const left = this.tLeft;
    const right = this.tRight;
    const parent = this.tParent;
    const l = left[last];
    const r = right[last];
    const p = parent[last];
    left[x] = l;
    right[x] = r;
    parent[x] = p;
    this.tPrio[x] = this.tPrio[last];
    this.nAddr[x] = this.nAddr[last];
    this.nSize[x] = this.nSize[last];
    const b = this.nBlock[last];
    this.nBlock[x] = b;
    this.nodeOf[b] = x;
    if (l !== NONE) parent[l] = x;
    if (r !== NONE) parent[r] = x;
    if (p === NONE) this.root = x;
    else if (left[p] === last) left[p] = x;
    else right[p] = x;
    this.nodeMoved(last, x);
  }

  /** Rotates x above its parent, keeping key order and the augmentation. */
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
    this.rotated(x, p);
  }
}
