import { AllocatorBase, checkRequest, growF64, NONE, roundUpPow2 } from './base';

/**
 * Bump (arena) allocator: every alloc takes the next bytes at the top; free only marks the
 * block dead and memory is never reused. realloc of the block that ends at the top grows or
 * shrinks it in place (so top can go down; peakTop cannot); realloc of another block stays
 * in place while the new size fits the block, else it moves to the top.
 * Stats count dead blocks and alignment gaps as free bytes/blocks (not live, below the top)
 * even though bump never hands them out again: freeBytes = top - usedBytes always.
 */
export class Bump extends AllocatorBase {
  readonly policy: string = 'bump';
  private bStart: Float64Array = new Float64Array(this.capacity);
  private bSize: Float64Array = new Float64Array(this.capacity);
  /** Id of the block that ends at the top, or -1 when a gap or nothing does. */
  private lastId = -1;
  private largestDead = 0;

  allocBlock(size: number, align: number): number {
    checkRequest(size, align);
    const a = align > this.granule ? align : this.granule;
    const p = roundUpPow2(this.top + this.header, a);
    const start = p - this.header;
    const end = start + this.blockFor(size);
    this.work++;
    if (end > this.limit) {
      this.failures++;
      return NONE;
    }
    if (start > this.top) this.markDead(start - this.top);
    const b = this.newId();
    this.bStart[b] = start;
    this.bSize[b] = end - start;
    this.usedBytes += end - start;
    this.setTop(end);
    this.lastId = b;
    return b;
  }

  freeBlock(b: number): void {
    this.usedBytes -= this.bSize[b];
    this.markDead(this.bSize[b]);
    // Its memory stays dead, but its record goes back: only live blocks need one, so a long
    // trace costs memory for its live set, not for every allocation it ever made.
    if (b === this.lastId) this.lastId = -1;
    this.recycleId(b);
  }

  reallocBlock(b: number, size: number, align: number): number {
    checkRequest(size, align);
    const address = this.addressOf(b);
    const a = align > this.granule ? align : this.granule;
    const end = this.bStart[b] + this.blockFor(size);
    if (address % a === 0 && b !== this.lastId && end <= this.bStart[b] + this.bSize[b]) return b; // still fits: keep the block as it is
    if (address % a === 0 && b === this.lastId && end <= this.limit) {
      this.work++;
      this.usedBytes += end - this.bStart[b] - this.bSize[b];
      this.bSize[b] = end - this.bStart[b];
      this.setTop(end);
      return b;
    }
    return this.moveBlock(b, size, align);
  }

  addressOf(b: number): number {
    return this.bStart[b] + this.header;
  }

  blockSize(address: number): number {
    return this.bSize[this.live.get(address, 'blockSize')] - this.header;
  }

  protected largestFree(): number {
    return this.largestDead;
  }

  protected growRecords(cap: number): void {
    this.bStart = growF64(this.bStart, cap);
    this.bSize = growF64(this.bSize, cap);
  }

  /** Dead bytes (a freed block or an alignment gap) count as free: freeBytes = top - usedBytes. */
  private markDead(bytes: number): void {
    this.freeBytes += bytes;
    this.freeBlocks++;
    if (bytes > this.largestDead) this.largestDead = bytes;
  }
}
