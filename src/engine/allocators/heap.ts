import { AllocatorBase, checkRequest, growF64, growI32, growU8, NONE, roundUpPow2 } from './base';

/**
 * The physical side shared by every boundary-tag policy (first/next/best/worst fit,
 * segregated, TLSF): blocks tile [0, top) in address order, each either free or live;
 * a policy only decides how free blocks are indexed and which one an alloc takes.
 *
 * Invariants (checked by test/engine/allocators):
 * - blocks are contiguous: addr(next(b)) = addr(b) + size(b), the last block ends at top;
 * - every block address and size is a multiple of the granule, size >= minBlock;
 * - no two free blocks are adjacent (free coalesces immediately with both neighbours);
 * - a live block's payload address is addr + header and is what alloc returned;
 * - the top never moves down (no trimming), so peakTop = top for these policies.
 *
 * Blocks are records in parallel typed arrays indexed by a small integer id (recycled, see
 * AllocatorBase), because object-per-block costs V8 an allocation and a pointer chase on
 * every step.
 * The header is rounded up to the granule so that an aligned block start gives an
 * aligned payload.
 */
export abstract class BlockHeap extends AllocatorBase {
  protected bAddr: Float64Array = new Float64Array(this.capacity);
  protected bSize: Float64Array = new Float64Array(this.capacity);
  /** Physical neighbours (NONE at the ends). */
  protected bPrev: Int32Array = new Int32Array(this.capacity);
  protected bNext: Int32Array = new Int32Array(this.capacity);
  protected bFree: Uint8Array = new Uint8Array(this.capacity);
  /** Free-list links for the list-based policies (unused by tree policies). */
  protected lNext: Int32Array = new Int32Array(this.capacity);
  protected lPrev: Int32Array = new Int32Array(this.capacity);

  protected first = NONE;
  protected last = NONE;

  // ---- the policy's free-block index -------------------------------------------------

  /** Adds free block b to the index (b's addr and size are final). */
  protected abstract insertFree(b: number): void;
  /** Removes free block b from the index. */
  protected abstract removeFree(b: number): void;
  /** A free block that can hold `need` bytes with its payload aligned to `align`, or NONE. */
  protected abstract findFree(need: number, align: number): number;
  /**
   * True for indexes that take a filed block's resize in place: a block that loses its front
   * to an alloc, or grows over a freed neighbour, keeps its place in address order (or is
   * sifted to its new one), so the core resizes it where it is and calls freeGrew/freeShrank
   * instead of removing and re-inserting it.
   */
  protected readonly resizesInPlace: boolean = false;
  /** Free block b (filed) grew over a neighbour, keeping its place in address order. */
  protected freeGrew(_b: number): void {}
  /** Free block b (filed) lost its front to an alloc, keeping its place in address order. */
  protected freeShrank(_b: number): void {}
  /** Called when the record arrays grow, so a policy can grow its own per-block arrays. */
  protected growIndex(_capacity: number): void {}

  // ---- Allocator ---------------------------------------------------------------------

  allocBlock(size: number, align: number): number {
    checkRequest(size, align);
    const need = this.blockFor(size);
    const a = align > this.granule ? align : this.granule;
    let b = this.findFree(need, a);
    if (b === NONE) {
      b = this.growTop(need, a);
      if (b === NONE) {
        this.failures++;
        return NONE;
      }
    }
    return this.place(b, need, a);
  }

  freeBlock(b: number): void {
    this.usedBytes -= this.bSize[b];
    this.release(b);
  }

  reallocBlock(b: number, size: number, align: number): number {
    checkRequest(size, align);
    const need = this.blockFor(size);
    const a = align > this.granule ? align : this.granule;
    if (this.addressOf(b) % a === 0 && this.resizeInPlace(b, need)) return b;
    return this.moveBlock(b, size, align);
  }

  /** A live block's payload follows its header: place() splits any alignment gap off the front. */
  addressOf(b: number): number {
    return this.bAddr[b] + this.header;
  }

  blockSize(address: number): number {
    return this.bSize[this.live.get(address, 'blockSize')] - this.header;
  }

  /** Largest free block; a walk over the blocks unless the index knows better. */
  protected largestFree(): number {
    let best = 0;
    for (let b = this.first; b !== NONE; b = this.bNext[b]) if (this.bFree[b] && this.bSize[b] > best) best = this.bSize[b];
    return best;
  }

  // ---- the physical mechanics --------------------------------------------------------

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
    let p = roundUpPow2(start + h, align);
    if (p - h !== start && p - h - start < this.minBlock) p = roundUpPow2(start + h + this.minBlock, align);
    return p;
  }

  /** Takes free block b (in the index): splits off the leading gap and the tail; returns the live block. */
  private place(b: number, need: number, align: number): number {
    const p = this.alignedPayload(this.bAddr[b], align);
    if (this.resizesInPlace && p - this.header === this.bAddr[b] && this.bSize[b] - need >= this.splitMin) {
      // The front goes live under a new id; b stays filed as the tail, in the same place.
      const f = this.splitFront(b, need);
      this.freeBytes -= need;
      this.freeShrank(b);
      this.usedBytes += need;
      return f;
    }
    this.dropFree(b);
    const gap = p - this.header - this.bAddr[b];
    if (gap > 0) this.addFree(this.splitFront(b, gap));
    const rest = this.bSize[b] - need;
    if (rest >= this.splitMin) this.addFree(this.splitBack(b, need));
    this.usedBytes += this.bSize[b];
    return b;
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
    this.setNextOf(last, b);
    this.setPrevOf(NONE, b);
    this.setTop(end);
    this.addFree(b);
    return b;
  }

  /** Gives block b (no longer live) back, coalescing with free neighbours. */
  private release(b: number): void {
    if (this.resizesInPlace) {
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
        this.freeGrew(prev);
        return;
      }
      if (next !== NONE && this.bFree[next]) {
        this.freeBytes += this.bSize[b];
        this.bAddr[next] = this.bAddr[b];
        this.bSize[next] += this.bSize[b];
        this.unlinkPhysical(b);
        this.freeGrew(next);
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
    this.setNextOf(prev, f);
    return f;
  }

  private linkAfter(b: number, r: number): void {
    const next = this.bNext[b];
    this.bPrev[r] = b;
    this.bNext[r] = next;
    this.bNext[b] = r;
    this.setPrevOf(next, r);
  }

  // Every store to `first` and `last` goes through these two: one store site each, which the
  // first allocation runs, so V8 has seen it before it compiles the heap. A site of its own in
  // each caller (freeing the lowest block, say) runs first long after, and V8 then throws away
  // the compiled replay (code without type feedback) and compiles it again.

  /** x is the block after p in address order (the first block when p is NONE). */
  private setNextOf(p: number, x: number): void {
    if (p === NONE) this.first = x;
    else this.bNext[p] = x;
  }

  /** x is the block before n in address order (the last block when n is NONE). */
  private setPrevOf(n: number, x: number): void {
    if (n === NONE) this.last = x;
    else this.bPrev[n] = x;
  }

  /** Takes b out of the physical list (its bytes now belong to a neighbour) and recycles its id. */
  private unlinkPhysical(b: number): void {
    const prev = this.bPrev[b];
    const next = this.bNext[b];
    this.setNextOf(prev, next);
    this.setPrevOf(next, prev);
    this.bFree[b] = 0; // a dead id never reads as a free block (next-fit's rover check relies on it)
    this.recycleId(b);
  }

  /** Merges b's physical successor into b and recycles the successor's id. */
  private absorbNext(b: number): void {
    const n = this.bNext[b];
    this.bSize[b] += this.bSize[n];
    const nn = this.bNext[n];
    this.bNext[b] = nn;
    this.setPrevOf(nn, b);
    this.bFree[n] = 0;
    this.recycleId(n);
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
    const b = this.newId();
    this.bAddr[b] = addr;
    this.bSize[b] = size;
    this.bFree[b] = 0;
    return b;
  }

  protected growRecords(cap: number): void {
    this.bAddr = growF64(this.bAddr, cap);
    this.bSize = growF64(this.bSize, cap);
    this.bPrev = growI32(this.bPrev, cap);
    this.bNext = growI32(this.bNext, cap);
    this.lNext = growI32(this.lNext, cap);
    this.lPrev = growI32(this.lPrev, cap);
    this.bFree = growU8(this.bFree, cap);
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
