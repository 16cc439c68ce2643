import { AllocatorOptions } from './allocator';
import { BlockHeap, growI32, NONE } from './heap';

/**
 * Free blocks in a treap ordered by (rank, address), where rank = size for best fit and
 * -size for worst fit. The search walks that order from the first block of size >= need
 * (best fit) or from the largest block (worst fit) and takes the first whose aligned
 * payload fits, so ties always go to the lowest address. Invariants: in-order =
 * (rank, address) order; heap order on tPrio (a parent's priority beats its children's).
 * Insert and remove are iterative (descend, then rotate), with parent links for successor
 * steps. Expected O(log n) per operation.
 */
export abstract class SizeTreeHeap extends BlockHeap {
  private root = NONE;
  private tLeft = new Int32Array(this.capacity);
  private tRight = new Int32Array(this.capacity);
  private tParent = new Int32Array(this.capacity);
  private tPrio = new Int32Array(this.capacity);
  private seed = 0x2545f491;

  /** +1: ascending sizes (best fit); -1: descending sizes (worst fit). */
  constructor(private readonly sign: 1 | -1, options?: AllocatorOptions) {
    super(options);
  }

  protected override growIndex(cap: number): void {
    this.tLeft = growI32(this.tLeft, cap);
    this.tRight = growI32(this.tRight, cap);
    this.tParent = growI32(this.tParent, cap);
    this.tPrio = growI32(this.tPrio, cap);
  }

  /** Descends to a leaf position by key, attaches b, then rotates it up while its priority beats its parent's. */
  protected insertFree(b: number): void {
    let x = this.seed;
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
      return;
    }
    const rank = this.sign * this.bSize[b];
    const addr = this.bAddr[b];
    for (;;) {
      if (this.before(rank, addr, n)) {
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

  /** Rotates b down (its higher-priority child up) until it has at most one child, then splices it out. */
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
  }

  protected findFree(need: number, align: number): number {
    // Best fit starts at the first block of size >= need; worst fit at the largest.
    let b = this.sign > 0 ? this.firstAbove(need, -1) : this.firstAbove(-Infinity, -1);
    while (b !== NONE && this.bSize[b] >= need) {
      if (this.fitIn(b, need, align) >= 0) return b;
      b = this.successor(b);
    }
    return NONE;
  }

  protected override largestFree(): number {
    let n = this.root;
    if (n === NONE) return 0;
    const side = this.sign > 0 ? this.tRight : this.tLeft;
    while (side[n] !== NONE) n = side[n];
    return this.bSize[n];
  }

  /** First block in (rank, address) order strictly after (rank, addr). */
  private firstAbove(rank: number, addr: number): number {
    let n = this.root;
    let found = NONE;
    while (n !== NONE) {
      this.work++;
      if (this.before(rank, addr, n)) {
        found = n;
        n = this.tLeft[n];
      } else n = this.tRight[n];
    }
    return found;
  }

  /** The next block in key order. */
  private successor(n: number): number {
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

  /** (rank, addr) < key of node n. */
  private before(rank: number, addr: number, n: number): boolean {
    const r = this.sign * this.bSize[n];
    return rank < r || (rank === r && addr < this.bAddr[n]);
  }

  /** Rotates x above its parent, keeping the in-order sequence. */
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
  }
}
