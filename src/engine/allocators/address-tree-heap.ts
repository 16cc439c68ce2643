import { AllocatorOptions } from './allocator';
import { growF64, growI32, growU8, NONE } from './base';
import { BlockHeap } from './heap';

/**
 * Free blocks in a B+tree keyed by address, each slot carrying the largest free size below it.
 * "Lowest-address block with size >= n" is one descent: in each node, the first slot whose
 * largest size is >= n. Nodes are FAN slots wide, in flat typed arrays (slot k of node x at
 * x * FAN + k): a slot holds a key (leaf: the block's address; inner node: its child's lowest
 * address), a max (leaf: the block's size; inner: the largest size under the child) and a
 * ref (leaf: the block id; inner: the child node). A search scans a few contiguous slots per
 * level, two or three levels for the few thousand free blocks of a real trace, where the
 * address treap this replaces chased a pointer through four arrays per level and rotated on
 * every insert and remove (in process on the shipped traces, cpu: first fit 1.2-1.4x faster,
 * next fit 1.3-1.6x with its rover check).
 *
 * Invariants (test/engine/allocators checks the placements against first-fit-naive):
 * - keys ascend within a node; every leaf is at the same depth; an inner slot's key is the
 *   lowest address and its max the largest size in its child's subtree;
 * - no node but the root is empty, a node has at most FAN - 1 slots between operations, an
 *   inner root has at least two; bSlot[b] is the slot holding free block b (so its leaf
 *   is bSlot[b] / FAN);
 * - nodes are not merged when they shrink (an empty one is dropped), so a tree's depth is
 *   bounded by the most free blocks it ever held, not by how many it holds now.
 */
/** Slots per node: on the shipped traces 16 beat 8 and 32 (fewer levels vs shorter scans). */
const FAN = 16;
const HALF = FAN >>> 1;
/** Nodes allocated up front: room for ~500 free blocks before the first growth. */
const INITIAL_NODES = 64;

export abstract class AddressTreeHeap extends BlockHeap {
  protected override readonly resizesInPlace: boolean = true;
  private bSlot: Int32Array = new Int32Array(this.capacity);
  // The node arrays and the root are each stored twice before any search runs (empty here,
  // then sized by the constructor; NONE, then the first leaf): V8 takes a field stored only
  // once for a constant and compiles it in, and the first real change (a growth, the first
  // root split) then throws away every optimized caller. That cost ~20% of a cold replay of
  // cc1 (one pass, as `memscope replay` does), more than the tree saved.
  private key: Float64Array = new Float64Array(0);
  private max: Float64Array = new Float64Array(0);
  private ref: Int32Array = new Int32Array(0);
  private count: Int32Array = new Int32Array(0);
  private parent: Int32Array = new Int32Array(0);
  /** The slot (absolute index) that refers to node n in its parent. */
  private pslot: Int32Array = new Int32Array(0);
  private isLeaf: Uint8Array = new Uint8Array(0);
  private nodes = 0;
  private spareNodes: number[] = [];
  private root = NONE;

  constructor(options?: AllocatorOptions) {
    super(options);
    this.growNodes(INITIAL_NODES);
    this.root = this.newNode(1, NONE);
  }

  protected override growIndex(cap: number): void {
    this.bSlot = growI32(this.bSlot, cap);
  }

  protected override largestFree(): number {
    const r = this.root;
    let m = 0;
    for (let i = r * FAN, end = i + this.count[r]; i < end; i++) if (this.max[i] > m) m = this.max[i];
    return m;
  }

  /** Lowest-address free block that holds `need` with an aligned payload, or NONE. */
  protected lowestFit(need: number, align: number): number {
    let b = this.lowestAtLeast(need);
    while (b !== NONE && this.fitIn(b, need, align) < 0) b = this.firstAfter(this.bAddr[b], need);
    return b;
  }

  /** Lowest-address free block of size >= need: a single descent; `work` counts the slots looked at. */
  protected lowestAtLeast(need: number): number {
    const max = this.max;
    let n = this.root;
    let seen = 0;
    for (;;) {
      const base = n * FAN;
      const end = base + this.count[n];
      let i = base;
      while (i < end && max[i] < need) i++;
      seen += i - base + 1;
      if (i === end) {
        this.work += seen - 1; // only the root can come up empty: its max is below need
        return NONE;
      }
      if (this.isLeaf[n] === 1) {
        this.work += seen;
        return this.ref[i];
      }
      n = this.ref[i];
    }
  }

  /**
   * Lowest-address free block with address > lo and size >= need, or NONE: a descent that backs
   * up to the parent (after the child's slot) when a subtree has no fit. A loop, not recursion,
   * so the slot count stays in a local and no call is made per level (next fit searches with
   * it on most allocations; recursive, it cost next fit ~15% of its time on perl).
   */
  protected firstAfter(lo: number, need: number): number {
    const key = this.key;
    const max = this.max;
    const ref = this.ref;
    let n = this.root;
    let i = this.firstPast(n, lo);
    let seen = 0;
    for (;;) {
      const end = n * FAN + this.count[n];
      if (this.isLeaf[n] === 1) {
        for (; i < end; i++) {
          seen++;
          if (max[i] >= need && key[i] > lo) {
            this.work += seen;
            return ref[i];
          }
        }
      } else {
        while (i < end) {
          seen++;
          if (max[i] >= need) break;
          i++;
        }
        if (i < end) {
          n = ref[i];
          i = this.firstPast(n, lo);
          continue;
        }
      }
      // No fit under n: go on in its parent after n's slot.
      const p = this.parent[n];
      if (p === NONE) {
        this.work += seen;
        return NONE;
      }
      i = this.pslot[n] + 1;
      n = p;
    }
  }

  /** The first slot of node n whose subtree may hold addresses > lo (the ones before lie entirely <= lo). */
  private firstPast(n: number, lo: number): number {
    const key = this.key;
    const end = n * FAN + this.count[n];
    let i = n * FAN;
    // Slot i's subtree lies below the next slot's key.
    while (i + 1 < end && key[i + 1] <= lo) i++;
    return i;
  }

  protected insertFree(b: number): void {
    const addr = this.bAddr[b];
    const size = this.bSize[b];
    const key = this.key;
    const max = this.max;
    const ref = this.ref;
    let n = this.root;
    while (this.isLeaf[n] === 0) {
      const base = n * FAN;
      const end = base + this.count[n];
      let i = base;
      if (addr < key[base]) key[base] = addr;
      else while (i + 1 < end && key[i + 1] <= addr) i++;
      if (max[i] < size) max[i] = size;
      n = ref[i];
    }
    // In the leaf: shift the slots above addr up by one. (Below the root, descending chose
    // this leaf because its lowest key is <= addr, or lowered that key to addr on the way.)
    const base = n * FAN;
    const slot = this.bSlot;
    let i = base + this.count[n];
    while (i > base && key[i - 1] > addr) {
      key[i] = key[i - 1];
      max[i] = max[i - 1];
      const r = ref[i - 1];
      ref[i] = r;
      slot[r] = i;
      i--;
    }
    key[i] = addr;
    max[i] = size;
    ref[i] = b;
    slot[b] = i;
    if (++this.count[n] === FAN) this.split(n);
  }

  protected removeFree(b: number): void {
    const slot = this.bSlot;
    let i = slot[b];
    const n = (i / FAN) | 0;
    const key = this.key;
    const max = this.max;
    const ref = this.ref;
    const base = n * FAN;
    const last = base + this.count[n] - 1;
    const first = i === base;
    const size = max[i];
    for (; i < last; i++) {
      key[i] = key[i + 1];
      max[i] = max[i + 1];
      const r = ref[i + 1];
      ref[i] = r;
      slot[r] = i;
    }
    this.count[n]--;
    if (this.count[n] === 0) this.dropEmpty(n);
    else this.repair(n, first, size);
  }

  /** b kept its place in address order and grew (its address may have moved down). */
  protected override freeGrew(b: number): void {
    const i = this.bSlot[b];
    let n = (i / FAN) | 0;
    const size = this.bSize[b];
    this.key[i] = this.bAddr[b];
    this.max[i] = size;
    let keyMoved = i === n * FAN;
    // Walk up while the key is the subtree's lowest or the max rises.
    for (let p = this.parent[n]; p !== NONE; n = p, p = this.parent[n]) {
      const s = this.pslot[n];
      const raised = this.max[s] < size;
      if (raised) this.max[s] = size;
      if (keyMoved) {
        this.key[s] = this.key[n * FAN];
        keyMoved = s === p * FAN;
      }
      if (!raised && !keyMoved) return;
    }
  }

  /** b kept its place in address order and lost its front to an alloc: its address rose, its size fell. */
  protected override freeShrank(b: number): void {
    const i = this.bSlot[b];
    const n = (i / FAN) | 0;
    const old = this.max[i];
    this.key[i] = this.bAddr[b];
    this.max[i] = this.bSize[b];
    this.repair(n, i === n * FAN, old);
  }

  /**
   * A slot of node n lost its size `gone` (removed or shrunk) and maybe its place as n's
   * lowest key (`keyMoved`): carry the key and the max up while they change anything. A max
   * only falls if `gone` was it, so most calls rescan nothing.
   */
  private repair(n: number, keyMoved: boolean, gone: number): void {
    let maxMoved = true;
    for (let p = this.parent[n]; p !== NONE; n = p, p = this.parent[n]) {
      const s = this.pslot[n];
      if (keyMoved) {
        this.key[s] = this.key[n * FAN];
        keyMoved = s === p * FAN;
      }
      if (maxMoved) {
        const was = this.max[s];
        maxMoved = gone >= was && (this.max[s] = this.nodeMax(n)) !== was;
        gone = was;
      }
      if (!maxMoved && !keyMoved) return;
    }
  }

  /** Node n (not the root, or an inner root) has no slots left: drop it from its parent. */
  private dropEmpty(n: number): void {
    const p = this.parent[n];
    if (p === NONE) return; // the root leaf: an empty tree
    const s = this.pslot[n];
    const base = p * FAN;
    const last = base + this.count[p] - 1;
    const gone = this.max[s];
    for (let i = s; i < last; i++) {
      this.key[i] = this.key[i + 1];
      this.max[i] = this.max[i + 1];
      const r = this.ref[i + 1];
      this.ref[i] = r;
      this.pslot[r] = i;
    }
    this.spareNodes.push(n);
    this.count[p]--;
    if (this.count[p] === 0) return this.dropEmpty(p);
    this.repair(p, s === base, gone);
    if (p === this.root && this.count[p] === 1) {
      // An inner root with one child: the child becomes the root.
      this.root = this.ref[base];
      this.parent[this.root] = NONE;
      this.spareNodes.push(p);
    }
  }

  /** Node n is full: its upper half moves to a new node, filed after n in n's parent. */
  private split(n: number): void {
    const leaf = this.isLeaf[n];
    let p = this.parent[n];
    if (p === NONE) {
      p = this.newNode(0, NONE);
      this.parent[n] = p;
      this.root = p;
      this.setSlot(p * FAN, this.key[n * FAN], 0, n);
      this.pslot[n] = p * FAN;
      this.count[p] = 1;
    }
    const m = this.newNode(leaf, p);
    const key = this.key;
    const max = this.max;
    const ref = this.ref;
    const from = n * FAN + HALF;
    const to = m * FAN;
    for (let k = 0; k < FAN - HALF; k++) {
      key[to + k] = key[from + k];
      max[to + k] = max[from + k];
      const r = ref[from + k];
      ref[to + k] = r;
      if (leaf === 1) this.bSlot[r] = to + k;
      else {
        this.parent[r] = m;
        this.pslot[r] = to + k;
      }
    }
    this.count[n] = HALF;
    this.count[m] = FAN - HALF;
    // m goes in the slot after n's; p's own key and max (their union) stay as they were.
    const s = this.pslot[n];
    max[s] = this.nodeMax(n);
    let i = p * FAN + this.count[p];
    while (i > s + 1) {
      key[i] = key[i - 1];
      max[i] = max[i - 1];
      const r = ref[i - 1];
      ref[i] = r;
      this.pslot[r] = i;
      i--;
    }
    this.setSlot(s + 1, key[to], this.nodeMax(m), m);
    this.pslot[m] = s + 1;
    if (++this.count[p] === FAN) this.split(p);
  }

  private setSlot(i: number, key: number, max: number, ref: number): void {
    this.key[i] = key;
    this.max[i] = max;
    this.ref[i] = ref;
  }

  private nodeMax(n: number): number {
    const max = this.max;
    let m = 0;
    for (let i = n * FAN, end = i + this.count[n]; i < end; i++) if (max[i] > m) m = max[i];
    return m;
  }

  private growNodes(cap: number): void {
    this.key = growF64(this.key, cap * FAN);
    this.max = growF64(this.max, cap * FAN);
    this.ref = growI32(this.ref, cap * FAN);
    this.count = growI32(this.count, cap);
    this.parent = growI32(this.parent, cap);
    this.pslot = growI32(this.pslot, cap);
    this.isLeaf = growU8(this.isLeaf, cap);
  }

  private newNode(leaf: number, parent: number): number {
    let n = this.spareNodes.pop();
    if (n === undefined) {
      n = this.nodes++;
      if (n === this.count.length) this.growNodes(n * 2);
    }
    this.count[n] = 0;
    this.parent[n] = parent;
    this.isLeaf[n] = leaf;
    return n;
  }
}
