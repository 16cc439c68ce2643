import { Allocator, AllocatorOptions, AllocatorStats } from './allocator';
import { checkRequest, growF64, heapConfig, LiveTable } from './heap';

/**
 * Bump (arena) allocator: every alloc takes the next bytes at the top; free only marks the
 * block dead and memory is never reused. realloc of the block that ends at the top grows or
 * shrinks it in place (so top can go down; peakTop cannot); realloc of another block stays
 * in place while the new size fits the block, else it moves to the top.
 * Stats count dead blocks and alignment gaps as free bytes/blocks (not live, below the top)
 * even though bump never hands them out again: freeBytes = top - usedBytes always.
 */
const INITIAL_CAPACITY = 64;

export class Bump implements Allocator {
  readonly policy: string = 'bump';
  private readonly granule: number;
  private readonly header: number;
  private readonly minBlock: number;
  private readonly limit: number;

  private bStart = new Float64Array(INITIAL_CAPACITY);
  private bSize = new Float64Array(INITIAL_CAPACITY);
  private count = 0;
  private readonly live = new LiveTable();
  /** Id of the block that ends at the top, or -1 when a gap or nothing does. */
  private lastId = -1;

  private top = 0;
  private peakTop = 0;
  private usedBytes = 0;
  private deadBlocks = 0;
  private largestDead = 0;
  private work = 0;
  private failures = 0;

  constructor(options?: AllocatorOptions) {
    const c = heapConfig(options);
    this.granule = c.granule;
    this.header = c.header;
    this.minBlock = c.minBlock;
    this.limit = c.limit;
  }

  alloc(size: number, align: number): number | null {
    checkRequest(size, align);
    const a = align > this.granule ? align : this.granule;
    const p = Math.ceil((this.top + this.header) / a) * a;
    const start = p - this.header;
    const end = start + this.blockFor(size);
    this.work++;
    if (end > this.limit) {
      this.failures++;
      return null;
    }
    if (start > this.top) this.markDead(start - this.top);
    const b = this.count++;
    if (b === this.bStart.length) {
      this.bStart = growF64(this.bStart, b * 2);
      this.bSize = growF64(this.bSize, b * 2);
    }
    this.bStart[b] = start;
    this.bSize[b] = end - start;
    this.usedBytes += end - start;
    this.setTop(end);
    this.lastId = b;
    this.live.set(p, b);
    return p;
  }

  free(address: number): void {
    const b = this.live.take(address, 'free');
    this.usedBytes -= this.bSize[b];
    this.markDead(this.bSize[b]);
  }

  realloc(address: number, size: number, align: number): number | null {
    checkRequest(size, align);
    const b = this.live.get(address, 'realloc');
    const a = align > this.granule ? align : this.granule;
    const end = this.bStart[b] + this.blockFor(size);
    if (address % a === 0 && b !== this.lastId && end <= this.bStart[b] + this.bSize[b]) return address; // still fits: keep the block as it is
    if (address % a === 0 && b === this.lastId && end <= this.limit) {
      this.work++;
      this.usedBytes += end - this.bStart[b] - this.bSize[b];
      this.bSize[b] = end - this.bStart[b];
      this.setTop(end);
      return address;
    }
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
      freeBytes: this.top - this.usedBytes,
      freeBlocks: this.deadBlocks,
      largestFree: this.largestDead,
      top: this.top,
      peakTop: this.peakTop,
      work: this.work,
      failures: this.failures,
    };
  }

  private blockFor(size: number): number {
    const n = this.header + Math.ceil(size / this.granule) * this.granule;
    return n > this.minBlock ? n : this.minBlock;
  }

  private markDead(bytes: number): void {
    this.deadBlocks++;
    if (bytes > this.largestDead) this.largestDead = bytes;
  }

  private setTop(end: number): void {
    this.top = end;
    if (end > this.peakTop) this.peakTop = end;
  }
}
