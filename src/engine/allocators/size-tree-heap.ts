import { AllocatorOptions } from './allocator';
import { BlockHeap, growI32, NONE } from './heap';

/**
 * Free blocks in a treap ordered by (rank, address), where rank = size for best fit and
 * -size for worst fit. The search walks that order from the first block of size >= need
 * (best fit) or from the largest block (worst fit) and takes the first whose aligned
 * payload fits, so ties always go to the lowest address. Invariants: in-order =
 * (rank, address) order; heap order on tPrio. Expected O(log n) per operation.
 */
export abstract class SizeTreeHeap extends BlockHeap {
  private root = NONE;
  private tLeft = new Int32Array(this.capacity);
  private tRight = new Int32Array(this.capacity);
  private tPrio = new Int32Array(this.capacity);
  private seed = 0x2545f491;
  private splitL = NONE;
  private splitR = NONE;

  /** +1: ascending sizes (best fit); -1: descending sizes (worst fit). */
  constructor(private readonly sign: 1 | -1, options?: AllocatorOptions) {
    super(options);
  }

  protected override growIndex(cap: number): void {
    this.tLeft = growI32(this.tLeft, cap);
    this.tRight = growI32(this.tRight, cap);
    this.tPrio = growI32(this.tPrio, cap);
  }

  protected insertFree(b: number): void {
    let x = this.seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.seed = x;
    this.tPrio[b] = x;
    this.tLeft[b] = NONE;
    this.tRight[b] = NONE;
    this.root = this.insertAt(this.root, b);
  }

  protected removeFree(b: number): void {
    this.root = this.removeAt(this.root, b);
  }

  protected findFree(need: number, align: number): number {
    // Best fit starts at the first block of size >= need; worst fit at the largest.
    let b = this.sign > 0 ? this.firstAbove(need, -1) : this.firstAbove(-Infinity, -1);
    while (b !== NONE && this.bSize[b] >= need) {
      if (this.fitIn(b, need, align) >= 0) return b;
      b = this.firstAbove(this.sign * this.bSize[b], this.bAddr[b]);
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

  /** (rank, addr) < key of node n. */
  private before(rank: number, addr: number, n: number): boolean {
    const r = this.sign * this.bSize[n];
    return rank < r || (rank === r && addr < this.bAddr[n]);
  }

  private insertAt(n: number, b: number): number {
    if (n === NONE) return b;
    const rank = this.sign * this.bSize[b];
    const addr = this.bAddr[b];
    if (this.tPrio[b] > this.tPrio[n]) {
      this.split(n, rank, addr);
      this.tLeft[b] = this.splitL;
      this.tRight[b] = this.splitR;
      return b;
    }
    if (this.before(rank, addr, n)) this.tLeft[n] = this.insertAt(this.tLeft[n], b);
    else this.tRight[n] = this.insertAt(this.tRight[n], b);
    return n;
  }

  private removeAt(n: number, b: number): number {
    if (n === b) return this.merge(this.tLeft[n], this.tRight[n]);
    if (n === NONE) throw new Error(`size tree: free block at ${this.bAddr[b]} missing`);
    if (this.before(this.sign * this.bSize[b], this.bAddr[b], n)) this.tLeft[n] = this.removeAt(this.tLeft[n], b);
    else this.tRight[n] = this.removeAt(this.tRight[n], b);
    return n;
  }

  /** Splits subtree n into splitL (keys < (rank, addr)) and splitR (keys > it). */
  private split(n: number, rank: number, addr: number): void {
    if (n === NONE) {
      this.splitL = this.splitR = NONE;
      return;
    }
    if (this.before(rank, addr, n)) {
      this.split(this.tLeft[n], rank, addr);
      this.tLeft[n] = this.splitR;
      this.splitR = n;
    } else {
      this.split(this.tRight[n], rank, addr);
      this.tRight[n] = this.splitL;
      this.splitL = n;
    }
  }

  private merge(a: number, b: number): number {
    if (a === NONE) return b;
    if (b === NONE) return a;
    if (this.tPrio[a] > this.tPrio[b]) {
      this.tRight[a] = this.merge(this.tRight[a], b);
      return a;
    }
    this.tLeft[b] = this.merge(a, this.tLeft[b]);
    return b;
  }
}
