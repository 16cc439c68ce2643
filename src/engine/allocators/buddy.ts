import { AllocatorOptions } from './allocator';
import { AddressMap } from './address-map';
import { AllocatorBase, checkRequest, growF64, growI32, growU8, NONE } from './base';

/**
 * Binary buddy system (Knowlton 1965). Every block has size 2^k bytes (its order k) and
 * starts at a multiple of 2^k; its buddy is the other half of the 2^(k+1) block that
 * contains it: buddy(addr, k) = addr + 2^k if addr / 2^k is even, else addr - 2^k
 * (addr XOR 2^k, written with arithmetic because addresses may pass 2^32).
 * - alloc takes the smallest free block of order >= k and splits it down, filing each
 *   upper half as a free block of the order it has;
 * - free merges a block with its buddy while the buddy is a free block of the same order.
 * The heap is a single buddy tree of size top = 2^K. It grows by doubling: the old heap
 * becomes the lower half and [2^K, 2^(K+1)) a new free block of order K (merged with the
 * lower half if that is entirely free). The payload sits at the block start + header (the
 * header rounded up to the requested alignment when that exceeds the granule); the block
 * is at least as large as the alignment, so its start is aligned too. splitThreshold does
 * not apply: a block is always split down to the smallest order that holds the request.
 */
const MAX_ORDER = 53;
/** 2^k for every order and one past it: a table read, where `2 ** k` is a call to pow on every step. */
const POW2: Float64Array = Float64Array.from({ length: MAX_ORDER + 2 }, (_, k) => 2 ** k);

export class Buddy extends AllocatorBase {
  readonly policy: string = 'buddy';
  private readonly minOrder: number;

  private bAddr: Float64Array = new Float64Array(this.capacity);
  private bOrder: Int32Array = new Int32Array(this.capacity);
  /** A live block's payload offset from its start (the header, rounded up to an alignment above the granule). */
  private bOffset: Float64Array = new Float64Array(this.capacity);
  private bFree: Uint8Array = new Uint8Array(this.capacity);
  private lNext: Int32Array = new Int32Array(this.capacity);
  private lPrev: Int32Array = new Int32Array(this.capacity);
  /** Free list per order. */
  private readonly heads: Int32Array = new Int32Array(MAX_ORDER + 1).fill(NONE);
  /** Start address -> id of every block, live or free (blocks tile the heap). */
  private readonly blockAt = new AddressMap();

  constructor(options?: AllocatorOptions) {
    super(options);
    this.minOrder = Math.ceil(Math.log2(this.minBlock));
  }

  allocBlock(size: number, align: number): number {
    checkRequest(size, align);
    const offset = this.payloadOffset(align);
    const k = this.orderFor(offset + size, align);
    let b = this.takeFree(k);
    if (b === NONE) {
      // Grow only if growing will succeed: a refused request must leave the heap as it was
      // (doubling towards 2^53 and then failing left a footprint of 8192 TiB).
      if (this.topFor(k) > Math.min(this.limit, POW2[MAX_ORDER])) {
        this.failures++;
        return NONE;
      }
      while (b === NONE) {
        if (!this.double(k)) throw new Error(`buddy: cannot grow to the top ${this.topFor(k)} it planned for`);
        b = this.takeFree(k);
      }
    }
    this.usedBytes += POW2[k];
    this.bOffset[b] = offset;
    return b;
  }

  freeBlock(b: number): void {
    this.usedBytes -= POW2[this.bOrder[b]];
    this.release(b);
  }

  reallocBlock(b: number, size: number, align: number): number {
    checkRequest(size, align);
    const offset = this.bOffset[b];
    const address = this.bAddr[b] + offset;
    const a = align > this.granule ? align : this.granule;
    if (address % a === 0 && offset % a === 0) {
      const k = this.orderFor(offset + size, a);
      if (k <= this.bOrder[b]) {
        this.usedBytes -= POW2[this.bOrder[b]] - POW2[k];
        this.splitDown(b, k);
        return b;
      }
      if (this.growInPlace(b, k)) return b;
    }
    return this.moveBlock(b, size, align);
  }

  addressOf(b: number): number {
    return this.bAddr[b] + this.bOffset[b];
  }

  blockSize(address: number): number {
    const b = this.live.get(address, 'blockSize');
    return this.bAddr[b] + POW2[this.bOrder[b]] - address;
  }

  protected largestFree(): number {
    for (let k = MAX_ORDER; k >= 0; k--) if (this.heads[k] !== NONE) return POW2[k];
    return 0;
  }

  /** The smallest order whose block holds `bytes` and is at least the alignment. */
  private orderFor(bytes: number, align: number): number {
    const n = Math.max(bytes, align, 1);
    let k: number;
    if (n <= 0x80000000) k = 32 - Math.clz32(n - 1); // ceil(log2 n) for an integer n >= 1
    else {
      k = Math.ceil(Math.log2(n));
      if (POW2[k] < n) k++; // log2 rounds 2^52 + 1 down to 52
    }
    return k > this.minOrder ? k : this.minOrder;
  }

  private payloadOffset(align: number): number {
    return align > this.granule ? Math.ceil(this.header / align) * align : this.header;
  }

  /** Smallest free block of order >= k, split down to order k and marked live; or NONE. */
  private takeFree(k: number): number {
    for (let j = k; j <= MAX_ORDER; j++) {
      this.work++;
      const b = this.heads[j];
      if (b === NONE) continue;
      this.unfile(b);
      this.splitDown(b, k);
      return b;
    }
    return NONE;
  }

  /** Halves block b down to order k, filing every upper half as a free block. */
  private splitDown(b: number, k: number): void {
    for (let j = this.bOrder[b] - 1; j >= k; j--) this.file(this.newBlock(this.bAddr[b] + POW2[j], j));
    this.bOrder[b] = k;
  }

  /** Grows live block b to order k by absorbing free upper buddies, if all of them are free. */
  private growInPlace(b: number, k: number): boolean {
    const addr = this.bAddr[b];
    if (addr % POW2[k] !== 0 || addr + POW2[k] > this.top) return false;
    for (let j = this.bOrder[b]; j < k; j++) {
      this.work++;
      const u = this.blockAt.get(addr + POW2[j], NONE);
      if (u === NONE || !this.bFree[u] || this.bOrder[u] !== j) return false;
    }
    for (let j = this.bOrder[b]; j < k; j++) this.dropBlock(this.blockAt.get(addr + POW2[j], NONE));
    this.usedBytes += POW2[k] - POW2[this.bOrder[b]];
    this.bOrder[b] = k;
    return true;
  }

  /**
   * The top the heap reaches when doubled until a free block of order k appears (none is free
   * now). Empty heap: created at order k. No live block: everything merges, so 2^k (or the
   * top) suffices. Otherwise the live block keeps the lower half from merging: each doubling
   * adds one free block of the old top's order, so the heap must reach twice max(top, 2^k).
   */
  private topFor(k: number): number {
    if (this.top === 0) return POW2[k];
    if (this.usedBytes === 0) return Math.max(this.top, POW2[k]);
    return 2 * Math.max(this.top, POW2[k]);
  }

  /** Doubles the heap (or creates it at order k); false if the limit forbids it. */
  private double(k: number): boolean {
    if (this.top === 0) {
      if (POW2[k] > this.limit) return false;
      this.setTop(POW2[k]); // the heap only ever doubles: peakTop = top
      this.file(this.newBlock(0, k));
      return true;
    }
    if (this.top * 2 > this.limit || this.top * 2 > POW2[MAX_ORDER]) return false;
    const upper = this.newBlock(this.top, Math.log2(this.top));
    this.setTop(this.top * 2);
    this.release(upper);
    return true;
  }

  /** Marks b free and merges it with its buddy for as long as the buddy is free and whole. */
  private release(b: number): void {
    let k = this.bOrder[b];
    let addr = this.bAddr[b];
    while (POW2[k + 1] <= this.top) {
      this.work++;
      const size = POW2[k];
      const buddyAddr = (addr / size) % 2 === 0 ? addr + size : addr - size;
      const u = this.blockAt.get(buddyAddr, NONE);
      if (u === NONE || !this.bFree[u] || this.bOrder[u] !== k) break;
      this.dropBlock(u);
      if (buddyAddr < addr) {
        this.blockAt.delete(addr);
        addr = buddyAddr;
        this.bAddr[b] = addr;
        this.blockAt.set(addr, b);
      }
      k++;
    }
    this.bOrder[b] = k;
    this.file(b);
  }

  /** Puts block b on its order's free list. */
  private file(b: number): void {
    const k = this.bOrder[b];
    const head = this.heads[k];
    this.lNext[b] = head;
    this.lPrev[b] = NONE;
    if (head !== NONE) this.lPrev[head] = b;
    this.heads[k] = b;
    this.bFree[b] = 1;
    this.freeBytes += POW2[k];
    this.freeBlocks++;
  }

  /** Takes free block b off its list (it stays a block). */
  private unfile(b: number): void {
    const n = this.lNext[b];
    const p = this.lPrev[b];
    if (n !== NONE) this.lPrev[n] = p;
    if (p !== NONE) this.lNext[p] = n;
    else this.heads[this.bOrder[b]] = n;
    this.bFree[b] = 0;
    this.freeBytes -= POW2[this.bOrder[b]];
    this.freeBlocks--;
  }

  /** Free block u disappears into a merge: off its list, out of the address map, id recycled. */
  private dropBlock(u: number): void {
    this.unfile(u);
    this.blockAt.delete(this.bAddr[u]);
    this.recycleId(u);
  }

  private newBlock(addr: number, order: number): number {
    const b = this.newId();
    this.bAddr[b] = addr;
    this.bOrder[b] = order;
    this.bFree[b] = 0;
    this.blockAt.set(addr, b);
    return b;
  }

  protected growRecords(cap: number): void {
    this.bAddr = growF64(this.bAddr, cap);
    this.bOrder = growI32(this.bOrder, cap);
    this.bOffset = growF64(this.bOffset, cap);
    this.lNext = growI32(this.lNext, cap);
    this.lPrev = growI32(this.lPrev, cap);
    this.bFree = growU8(this.bFree, cap);
  }
}
