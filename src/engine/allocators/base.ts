import { Allocator, AllocatorCounters, AllocatorOptions, AllocatorStats, HeapError } from './allocator';
import { LiveTable } from './live-table';

/**
 * What every policy shares, whatever its block layout: the resolved options, the table of
 * live payload addresses, the counters stats() reports, and the realloc fallback.
 */
export const NONE = -1;
export const INITIAL_CAPACITY = 64;

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

/**
 * roundUp to a power of two, with integer ops while both fit in 30 bits (a float divide and
 * Math.ceil per call was about a third of a bump allocation).
 */
export function roundUpPow2(n: number, pow2: number): number {
  return n < 0x40000000 && pow2 <= 0x40000000 ? (n + pow2 - 1) & -pow2 : Math.ceil(n / pow2) * pow2;
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

export function log2Floor(u: number): number {
  return u < 0x80000000 ? 31 - Math.clz32(u) : Math.floor(Math.log2(u));
}

/** Index of the lowest set bit of a non-zero 32-bit word. */
export function lowestBit(x: number): number {
  return 31 - Math.clz32(x & -x);
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

export function growU8(a: Uint8Array, cap: number): Uint8Array {
  const out = new Uint8Array(cap);
  out.set(a);
  return out;
}

export abstract class AllocatorBase implements Allocator {
  abstract readonly policy: string;
  protected readonly granule: number;
  protected readonly header: number;
  protected readonly minBlock: number;
  protected readonly splitMin: number;
  protected readonly limit: number;
  protected readonly live = new LiveTable();

  protected top = 0;
  protected peakTop = 0;
  protected usedBytes = 0;
  /** Bytes and blocks below the top that are not live (each policy says which). */
  protected freeBytes = 0;
  protected freeBlocks = 0;
  protected work = 0;
  protected failures = 0;

  /** Block records are typed-array rows indexed by a small integer id, recycled when a block dies. */
  protected capacity = INITIAL_CAPACITY;
  private spareIds: number[] = [];
  private idCount = 0;

  constructor(options?: AllocatorOptions) {
    const c = heapConfig(options);
    this.granule = c.granule;
    this.header = c.header;
    this.minBlock = c.minBlock;
    this.splitMin = c.splitMin;
    this.limit = c.limit;
  }

  abstract allocBlock(size: number, align: number): number;
  abstract freeBlock(handle: number): void;
  abstract reallocBlock(handle: number, size: number, align: number): number;
  abstract addressOf(handle: number): number;
  abstract blockSize(address: number): number;

  // The address calls are the handle calls plus the table of live addresses.

  alloc(size: number, align: number): number | null {
    const b = this.allocBlock(size, align);
    if (b === NONE) return null;
    const p = this.addressOf(b);
    this.live.set(p, b);
    return p;
  }

  free(address: number): void {
    this.freeBlock(this.live.take(address, 'free'));
  }

  realloc(address: number, size: number, align: number): number | null {
    checkRequest(size, align);
    const b = this.live.get(address, 'realloc');
    const r = this.reallocBlock(b, size, align);
    if (r === NONE) return null;
    if (r === b) return address; // resized in place
    // Moved: allocate, (copy,) free, in the table as in the heap.
    const p = this.addressOf(r);
    this.live.set(p, r);
    this.live.take(address, 'realloc');
    return p;
  }
  /** Largest free block below the top. */
  protected abstract largestFree(): number;

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

  private readonly counted: AllocatorCounters = { top: 0, peakTop: 0, work: 0 };

  counters(): AllocatorCounters {
    // One object, refilled: a replay samples after every event and must not allocate for it.
    const c = this.counted;
    c.top = this.top;
    c.peakTop = this.peakTop;
    c.work = this.work;
    return c;
  }

  /** Block size for a request: header + payload rounded to the granule, at least minBlock. */
  protected blockFor(size: number): number {
    const n = this.header + roundUpPow2(size, this.granule);
    return n > this.minBlock ? n : this.minBlock;
  }

  protected setTop(end: number): void {
    this.top = end;
    if (end > this.peakTop) this.peakTop = end;
  }

  /** A record id: a recycled one if any, else the next fresh one (growing the records). */
  protected newId(): number {
    if (this.spareIds.length > 0) return this.spareIds.pop()!;
    const b = this.idCount++;
    if (b === this.capacity) {
      this.capacity *= 2;
      this.growRecords(this.capacity);
    }
    return b;
  }

  protected recycleId(b: number): void {
    this.spareIds.push(b);
  }

  /** Grows every per-record array to `capacity` rows. */
  protected abstract growRecords(capacity: number): void;

  /** reallocBlock's fallback when the block cannot stay: allocate, (copy,) free; NONE leaves the old block live. */
  protected moveBlock(b: number, size: number, align: number): number {
    const moved = this.allocBlock(size, align);
    if (moved === NONE) return NONE;
    this.freeBlock(b);
    return moved;
  }
}
