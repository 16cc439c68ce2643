import { Allocator, AllocatorOptions, AllocatorStats, HeapError } from './allocator';

/**
 * The physical side shared by every boundary-tag policy (first/next/best/worst fit,
 * segregated, TLSF): blocks tile [0, top) in address order, each either free or live;
 * a policy only decides how free blocks are indexed and which one an alloc takes.
 *
 * Invariants (checked by test/allocators):
 * - blocks are contiguous: addr(next(b)) = addr(b) + size(b), the last block ends at top;
 * - every block address and size is a multiple of the granule, size >= minBlock;
 * - no two free blocks are adjacent (free coalesces immediately with both neighbours);
 * - a live block's payload address is addr + header and is what alloc returned;
 * - the top never moves down (no trimming), so peakTop = top for these policies.
 *
 * Blocks are records in parallel typed arrays indexed by a small integer id (recycled),
 * because object-per-block costs V8 an allocation and a pointer chase on every step.
 * The header is rounded up to the granule so that an aligned block start gives an
 * aligned payload.
 */
export const NONE = -1;
const INITIAL_CAPACITY = 64;

export interface HeapConfig {
  granule: number;
  header: number;
  minBlock: number;
  /** Smallest tail remainder worth splitting off as a free block (>= minBlock). */
  splitMin: number;
  limit: number;
}

export function isPowerOfTwo(n: number): boolean {
  // The bit trick covers every 31-bit value (the hot path); larger ones go the slow way.
  if ((n | 0) === n) return n > 0 && (n & (n - 1)) === 0;
  return Number.isInteger(n) && n > 0 && n <= 2 ** 52 && 2 ** Math.round(Math.log2(n)) === n;
}

export function roundUp(n: number, multiple: number): number {
  return Math.ceil(n / multiple) * multiple;
}

/** Resolves the options every policy shares; throws a bad-request HeapError on nonsense. */
export function heapConfig(options: AllocatorOptions = {}): HeapConfig {
  const granule = options.align ?? 16;
  if (!isPowerOfTwo(granule)) throw new HeapError(`align option must be a power of two, got ${granule}`, 'bad-request');
  const rawHeader = options.header ?? 0;
  if (!Number.isInteger(rawHeader) || rawHeader < 0) throw new HeapError(`header option must be a non-negative integer, got ${rawHeader}`, 'bad-request');
  const header = roundUp(rawHeader, granule);
  const rawMin = options.minBlock ?? 0;
  if (!Number.isInteger(rawMin) || rawMin < 0) throw new HeapError(`minBlock option must be a non-negative integer, got ${rawMin}`, 'bad-request');
  // A block must hold its header and at least one granule, so alloc(0) is still distinct.
  const minBlock = Math.max(roundUp(rawMin, granule), header + granule);
  const rawSplit = options.splitThreshold ?? 0;
  if (!Number.isInteger(rawSplit) || rawSplit < 0) throw new HeapError(`splitThreshold option must be a non-negative integer, got ${rawSplit}`, 'bad-request');
  const splitMin = Math.max(roundUp(rawSplit, granule), minBlock);
  const limit = options.limit ?? Infinity;
  if (!(limit >= 0)) throw new HeapError(`limit option must be a non-negative number, got ${limit}`, 'bad-request');
  return { granule, header, minBlock, splitMin, limit };
}

/** Throws bad-request unless size is a non-negative safe integer and align a power of two. */
export function checkRequest(size: number, align: number): void {
  if (!Number.isSafeInteger(size) || size < 0) throw new HeapError(`size must be a non-negative integer, got ${size}`, 'bad-request');
  if (!isPowerOfTwo(align)) throw new HeapError(`align must be a power of two, got ${align}`, 'bad-request');
}

/**
 * Payload address -> block id while live, -1 once freed, so a double free can be told from
 * a wild pointer. An open-addressing hash table (linear probing, Fibonacci hashing) in typed
 * arrays: a JS Map of double keys costs several times more per lookup on the hot path.
 * Entries are never removed (a freed address keeps its -1), so the table holds at most one
 * entry per distinct address ever handed out.
 */
export class LiveTable {
  /** Slot i holds [address, id] at 2i, 2i + 1: one cache line per probe. Address -1 = empty. */
  private tab = LiveTable.empty(1024);
  private shift = 32 - 10;
  private count = 0;

  private static empty(slots: number): Float64Array {
    const tab = new Float64Array(slots * 2);
    for (let i = 0; i < tab.length; i += 2) tab[i] = -1;
    return tab;
  }

  set(address: number, id: number): void {
    const i = this.slot(address);
    this.tab[i + 1] = id;
    if (this.tab[i] === -1) {
      this.tab[i] = address;
      if (++this.count * 4 > this.tab.length) this.grow();
    }
  }

  /** The id of the live block at address, else throws the right HeapError. */
  get(address: number, action: string): number {
    const i = this.slot(address);
    if (this.tab[i] === -1) throw new HeapError(`${action} of ${address}: not the address of a block`, 'unknown-pointer', address);
    const id = this.tab[i + 1];
    if (id < 0) throw new HeapError(`${action} of ${address}: block already freed`, 'double-free', address);
    return id;
  }

  /** Like get, and marks the block freed: one probe for the whole of free(). */
  take(address: number, action: string): number {
    const i = this.slot(address);
    const id = this.tab[i + 1];
    if (this.tab[i] === -1 || id < 0) return this.get(address, action); // throws
    this.tab[i + 1] = -1;
    return id;
  }

  /** Index (2 x slot) of the slot holding address, or of the empty slot where it would go. */
  private slot(address: number): number {
    const tab = this.tab;
    const mask = tab.length - 2;
    // Mix the low and high 32 bits (addresses may pass 2^32), then keep the top bits.
    let i = (Math.imul((address >>> 0) ^ Math.imul((address / 4294967296) | 0, 0x85ebca6b), 0x9e3779b1) >>> this.shift) << 1;
    for (;;) {
      const k = tab[i];
      if (k === address || k === -1) return i;
      i = (i + 2) & mask;
    }
  }

  /** Doubles the table when it is half full. */
  private grow(): void {
    const old = this.tab;
    this.tab = LiveTable.empty(old.length);
    this.shift--;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j] === -1) continue;
      const i = this.slot(old[j]);
      this.tab[i] = old[j];
      this.tab[i + 1] = old[j + 1];
    }
  }
}

export abstract class BlockHeap implements Allocator {
  abstract readonly policy: string;
  protected readonly granule: number;
  protected readonly header: number;
  protected readonly minBlock: number;
  protected readonly splitMin: number;
  protected readonly limit: number;

  protected capacity = INITIAL_CAPACITY;
  protected bAddr = new Float64Array(INITIAL_CAPACITY);
  protected bSize = new Float64Array(INITIAL_CAPACITY);
  /** Physical neighbours (NONE at the ends). */
  protected bPrev = new Int32Array(INITIAL_CAPACITY);
  protected bNext = new Int32Array(INITIAL_CAPACITY);
  protected bFree = new Uint8Array(INITIAL_CAPACITY);
  /** Free-list links for the list-based policies (unused by tree policies). */
  protected lNext = new Int32Array(INITIAL_CAPACITY);
  protected lPrev = new Int32Array(INITIAL_CAPACITY);

  private spareIds: number[] = [];
  private idCount = 0;
  protected first = NONE;
  protected last = NONE;
  private readonly live = new LiveTable();

  protected top = 0;
  private peakTop = 0;
  private usedBytes = 0;
  private freeBytes = 0;
  private freeBlocks = 0;
  protected work = 0;
  private failures = 0;

  constructor(options?: AllocatorOptions) {
    const c = heapConfig(options);
    this.granule = c.granule;
    this.header = c.header;
    this.minBlock = c.minBlock;
    this.splitMin = c.splitMin;
    this.limit = c.limit;
  }

  // ---- the policy's free-block index -------------------------------------------------

  /** Adds free block b to the index (b's addr and size are final). */
  protected abstract insertFree(b: number): void;
  /** Removes free block b from the index. */
  protected abstract removeFree(b: number): void;
  /** A free block that can hold `need` bytes with its payload aligned to `align`, or NONE. */
  protected abstract findFree(need: number, align: number): number;
  /**
   * True for indexes ordered by address: a filed block that loses its front to an alloc, or
   * grows over a freed neighbour, keeps its place in that order, so the core resizes it in
   * place and calls freeResized instead of removing and re-inserting it.
   */
  protected readonly addressOrdered: boolean = false;
  /** Free block b (filed) changed address and/or size without changing its address order. */
  protected freeResized(_b: number): void {}
  /** Called when the record arrays grow, so a policy can grow its own per-block arrays. */
  protected growIndex(_capacity: number): void {}

  // ---- Allocator ---------------------------------------------------------------------

  alloc(size: number, align: number): number | null {
    checkRequest(size, align);
    const need = this.blockFor(size);
    const a = align > this.granule ? align : this.granule;
    let b = this.findFree(need, a);
    if (b === NONE) {
      b = this.growTop(need, a);
      if (b === NONE) {
        this.failures++;
        return null;
      }
    }
    return this.place(b, need, a);
  }

  free(address: number): void {
    const b = this.live.take(address, 'free');
    this.usedBytes -= this.bSize[b];
    this.release(b);
  }

  realloc(address: number, size: number, align: number): number | null {
    checkRequest(size, align);
    const b = this.live.get(address, 'realloc');
    const need = this.blockFor(size);
    const a = align > this.granule ? align : this.granule;
    if (address % a === 0 && this.resizeInPlace(b, need)) return address;
    const moved = this.alloc(size, align);
    if (moved === null) return null;
    this.free(address);
    return moved;
  }

  blockSize(address: number): number {
    return this.bSize[this.live.get(address, 'blockSize')] - this.header;
  }

  stats(): AllocatorStats {
    return {
      usedBytes: this.usedBytes,
      freeBytes: this.freeBytes,
      freeBlocks: this.freeBlocks,
      largestFree: this.largestFree(),
      top: this.top,
      peakTop: this.peakTop,
      work: this.work,
      failures: this.failures,
    };
  }

  /** Largest free block; a walk over the blocks unless the index knows better. */
  protected largestFree(): number {
    let best = 0;
    for (let b = this.first; b !== NONE; b = this.bNext[b]) if (this.bFree[b] && this.bSize[b] > best) best = this.bSize[b];
    return best;
  }

  // ---- the physical mechanics --------------------------------------------------------

  /** Block size for a request: header + payload rounded to the granule, at least minBlock. */
  protected blockFor(size: number): number {
    const n = this.header + Math.ceil(size / this.granule) * this.granule;
    return n > this.minBlock ? n : this.minBlock;
  }

  /**
   * Payload address for `need` bytes aligned to `align` inside free block b, or -1.
   * A leading gap must be 0 or a whole free block (>= minBlock), so a gap that would be
   * too small moves the payload one alignment step further.
   */
  protected fitIn(b: number, need: number, align: number): number {
    const start = this.bAddr[b];
    const p = this.alignedPayload(start, align);
    return p - this.header + need <= start + this.bSize[b] ? p : -1;
  }

  protected alignedPayload(start: number, align: number): number {
    const h = this.header;
    if (align <= this.granule) return start + h;
    let p = Math.ceil((start + h) / align) * align;
    if (p - h !== start && p - h - start < this.minBlock) p = Math.ceil((start + h + this.minBlock) / align) * align;
    return p;
  }

  /** Takes free block b (in the index): splits off the leading gap and the tail, marks it live. */
  private place(b: number, need: number, align: number): number {
    const p = this.alignedPayload(this.bAddr[b], align);
    if (this.addressOrdered && p - this.header === this.bAddr[b] && this.bSize[b] - need >= this.splitMin) {
      // The front goes live under a new id; b stays filed as the tail, in the same place.
      const f = this.splitFront(b, need);
      this.freeBytes -= need;
      this.freeResized(b);
      this.usedBytes += need;
      this.live.set(p, f);
      return p;
    }
    this.dropFree(b);
    const gap = p - this.header - this.bAddr[b];
    if (gap > 0) this.addFree(this.splitFront(b, gap));
    const rest = this.bSize[b] - need;
    if (rest >= this.splitMin) this.addFree(this.splitBack(b, need));
    this.usedBytes += this.bSize[b];
    this.live.set(p, b);
    return p;
  }

  /**
   * Makes room at the top: extends the last block if it is free, else appends a new free
   * block there. Returns a free block (in the index) that fits, or NONE past the limit.
   */
  private growTop(need: number, align: number): number {
    const last = this.last;
    if (last !== NONE && this.bFree[last]) {
      if (this.fitIn(last, need, align) >= 0) return last; // a search may round up past it
      const end = this.alignedPayload(this.bAddr[last], align) - this.header + need;
      if (end > this.limit) return NONE;
      this.removeFree(last);
      this.freeBytes += end - this.top;
      this.bSize[last] = end - this.bAddr[last];
      this.setTop(end);
      this.insertFree(last);
      return last;
    }
    const end = this.alignedPayload(this.top, align) - this.header + need;
    if (end > this.limit) return NONE;
    const b = this.newBlock(this.top, end - this.top);
    this.bPrev[b] = last;
    this.bNext[b] = NONE;
    if (last === NONE) this.first = b;
    else this.bNext[last] = b;
    this.last = b;
    this.setTop(end);
    this.addFree(b);
    return b;
  }

  private setTop(end: number): void {
    this.top = end;
    if (end > this.peakTop) this.peakTop = end;
  }

  /** Gives block b (no longer live) back, coalescing with free neighbours. */
  private release(b: number): void {
    if (this.addressOrdered) {
      // A free neighbour stays filed and grows over b: its place in address order holds.
      const prev = this.bPrev[b];
      const next = this.bNext[b];
      if (prev !== NONE && this.bFree[prev]) {
        const grown = this.bSize[b] + (next !== NONE && this.bFree[next] ? this.bSize[next] : 0);
        if (next !== NONE && this.bFree[next]) {
          this.dropFree(next);
          this.absorbNext(b);
        }
        this.absorbNext(prev);
        this.freeBytes += grown;
        this.freeResized(prev);
        return;
      }
      if (next !== NONE && this.bFree[next]) {
        this.freeBytes += this.bSize[b];
        this.bAddr[next] = this.bAddr[b];
        this.bSize[next] += this.bSize[b];
        this.unlinkPhysical(b);
        this.freeResized(next);
        return;
      }
      this.addFree(b);
      return;
    }
    let s = b;
    const prev = this.bPrev[b];
    if (prev !== NONE && this.bFree[prev]) {
      this.dropFree(prev);
      this.absorbNext(prev);
      s = prev;
    }
    const next = this.bNext[s];
    if (next !== NONE && this.bFree[next]) {
      this.dropFree(next);
      this.absorbNext(s);
    }
    this.addFree(s);
  }

  /** Resizes live block b in place if possible (shrink, absorb the free neighbour, grow the top). */
  private resizeInPlace(b: number, need: number): boolean {
    const size = this.bSize[b];
    if (need <= size) {
      this.trimLive(b, need);
      return true;
    }
    const next = this.bNext[b];
    const nextFree = next !== NONE && this.bFree[next] === 1;
    const reach = size + (nextFree ? this.bSize[next] : 0);
    const atTop = next === NONE || (nextFree && this.bNext[next] === NONE);
    if (reach < need && !(atTop && this.bAddr[b] + need <= this.limit)) return false;
    if (nextFree) {
      this.dropFree(next);
      this.absorbNext(b);
    }
    if (this.bSize[b] < need) {
      this.setTop(this.bAddr[b] + need);
      this.bSize[b] = need;
    }
    this.usedBytes += this.bSize[b] - size;
    this.trimLive(b, need);
    return true;
  }

  /** Splits the tail of live block b off down to `need`, merging it with a free successor. */
  private trimLive(b: number, need: number): void {
    if (this.bSize[b] - need < this.splitMin) return;
    this.usedBytes -= this.bSize[b] - need;
    this.release(this.splitBack(b, need));
  }

  /** Splits b at offset `at`; b keeps the front, the new block (returned) is the back. */
  private splitBack(b: number, at: number): number {
    const r = this.newBlock(this.bAddr[b] + at, this.bSize[b] - at);
    this.bSize[b] = at;
    this.linkAfter(b, r);
    return r;
  }

  /** Splits b at offset `at`; b keeps the back, the new block (returned) is the front. */
  private splitFront(b: number, at: number): number {
    const f = this.newBlock(this.bAddr[b], at);
    this.bAddr[b] += at;
    this.bSize[b] -= at;
    const prev = this.bPrev[b];
    this.bPrev[f] = prev;
    this.bNext[f] = b;
    this.bPrev[b] = f;
    if (prev === NONE) this.first = f;
    else this.bNext[prev] = f;
    return f;
  }

  private linkAfter(b: number, r: number): void {
    const next = this.bNext[b];
    this.bPrev[r] = b;
    this.bNext[r] = next;
    this.bNext[b] = r;
    if (next === NONE) this.last = r;
    else this.bPrev[next] = r;
  }

  /** Takes b out of the physical list (its bytes now belong to a neighbour) and recycles its id. */
  private unlinkPhysical(b: number): void {
    const prev = this.bPrev[b];
    const next = this.bNext[b];
    if (prev === NONE) this.first = next;
    else this.bNext[prev] = next;
    if (next === NONE) this.last = prev;
    else this.bPrev[next] = prev;
    this.spareIds.push(b);
  }

  /** Merges b's physical successor into b and recycles the successor's id. */
  private absorbNext(b: number): void {
    const n = this.bNext[b];
    this.bSize[b] += this.bSize[n];
    const nn = this.bNext[n];
    this.bNext[b] = nn;
    if (nn === NONE) this.last = b;
    else this.bPrev[nn] = b;
    this.spareIds.push(n);
  }

  private addFree(b: number): void {
    this.bFree[b] = 1;
    this.freeBytes += this.bSize[b];
    this.freeBlocks++;
    this.insertFree(b);
  }

  private dropFree(b: number): void {
    this.removeFree(b);
    this.bFree[b] = 0;
    this.freeBytes -= this.bSize[b];
    this.freeBlocks--;
  }

  private newBlock(addr: number, size: number): number {
    let b: number;
    if (this.spareIds.length > 0) b = this.spareIds.pop()!;
    else {
      b = this.idCount++;
      if (b === this.capacity) this.growRecords();
    }
    this.bAddr[b] = addr;
    this.bSize[b] = size;
    this.bFree[b] = 0;
    return b;
  }

  private growRecords(): void {
    const cap = this.capacity * 2;
    this.bAddr = growF64(this.bAddr, cap);
    this.bSize = growF64(this.bSize, cap);
    this.bPrev = growI32(this.bPrev, cap);
    this.bNext = growI32(this.bNext, cap);
    this.lNext = growI32(this.lNext, cap);
    this.lPrev = growI32(this.lPrev, cap);
    const free = new Uint8Array(cap);
    free.set(this.bFree);
    this.bFree = free;
    this.capacity = cap;
    this.growIndex(cap);
  }

  // ---- helpers for list-based indexes -----------------------------------------------

  /** Unlinks b from a doubly linked free list whose head is returned updated. */
  protected listUnlink(head: number, b: number): number {
    const n = this.lNext[b];
    const p = this.lPrev[b];
    if (n !== NONE) this.lPrev[n] = p;
    if (p !== NONE) {
      this.lNext[p] = n;
      return head;
    }
    return n;
  }

  /** Pushes b at the front of a free list; returns the new head. */
  protected listPush(head: number, b: number): number {
    this.lNext[b] = head;
    this.lPrev[b] = NONE;
    if (head !== NONE) this.lPrev[head] = b;
    return b;
  }

  /** Physical layout for tests and views: [addr, size, free] per block in address order. */
  blocks(): Array<{ address: number; size: number; free: boolean }> {
    const out: Array<{ address: number; size: number; free: boolean }> = [];
    for (let b = this.first; b !== NONE; b = this.bNext[b]) out.push({ address: this.bAddr[b], size: this.bSize[b], free: this.bFree[b] === 1 });
    return out;
  }
}

export function growF64(a: Float64Array, cap: number): Float64Array {
  const out = new Float64Array(cap);
  out.set(a);
  return out;
}

export function growI32(a: Int32Array, cap: number): Int32Array {
  const out = new Int32Array(cap);
  out.set(a);
  return out;
}
