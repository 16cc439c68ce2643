/**
 * The one interface every heap policy implements. Addresses are offsets from the
 * start of the heap arena; the engine adds the arena's base address for display.
 * The heap grows at its top (like sbrk) when no free block fits.
 */
export interface AllocatorOptions {
  /** Every block address and size is a multiple of this (default 16). */
  align?: number;
  /** Bookkeeping bytes in front of each block (default 0, the idealised setting). */
  header?: number;
  /** Smallest block the policy hands out or keeps on a free list. */
  minBlock?: number;
  /** A free remainder smaller than this is not split off; it stays with the block. */
  splitThreshold?: number;
  /** Heap limit in bytes; growth past it makes alloc/realloc return null. */
  limit?: number;
}

export interface AllocatorStats {
  /** Bytes currently handed out (block sizes as the policy reserved them, headers included). */
  usedBytes: number;
  /** Bytes in free blocks below the top. */
  freeBytes: number;
  /** Number of free blocks below the top. */
  freeBlocks: number;
  /** Largest single free block below the top. */
  largestFree: number;
  /** Current top of the heap (the break). */
  top: number;
  /** Highest top ever reached: the footprint. */
  peakTop: number;
  /** Blocks examined so far, summed over all calls (allocator work / search length). */
  work: number;
  /** Number of alloc/realloc calls that failed under the heap limit. */
  failures: number;
}

/** The stats a caller sampling after every step needs: plain counters, no walk over free blocks. */
export type AllocatorCounters = Pick<AllocatorStats, 'top' | 'peakTop' | 'work'>;

export interface Allocator {
  /** Policy name, e.g. 'first-fit'. */
  readonly policy: string;
  /** Returns the address of a block of at least `size` bytes aligned to `align`, or null if the limit forbids growth. */
  alloc(size: number, align: number): number | null;
  /** Gives a block back. Throws HeapError for an address that is not a live block (unknown pointer, double free). */
  free(address: number): void;
  /**
   * Resizes a live block: in place when the neighbour allows, otherwise allocate, copy, free.
   * Returns the (possibly new) address, or null on failure (the old block stays live).
   */
  realloc(address: number, size: number, align: number): number | null;
  /** Bytes reserved for the live block at `address` (>= requested); throws HeapError if not live. */
  blockSize(address: number): number;
  stats(): AllocatorStats;
  /**
   * top, peakTop and work only: O(1), unlike stats() whose largestFree may walk the free blocks.
   * The same object each call, refilled: read it before the next call, do not keep it.
   */
  counters(): AllocatorCounters;
  /**
   * The replay's fast path (the lab replays millions of events and keeps a table of its
   * blocks anyway): the same placement as alloc, free and realloc, the block named by the
   * policy's handle (a small integer) instead of its address and not entered in the address
   * table, so no hash lookup per call. A block taken with allocBlock is freed with freeBlock
   * and resized with reallocBlock, never through the address calls. -1 where alloc/realloc
   * return null (the heap limit; a failed reallocBlock leaves the old block live).
   */
  allocBlock(size: number, align: number): number;
  freeBlock(handle: number): void;
  reallocBlock(handle: number, size: number, align: number): number;
  /** The payload address of a live block's handle (what alloc would have returned). */
  addressOf(handle: number): number;
}

export class HeapError extends Error {
  constructor(
    message: string,
    readonly code: 'unknown-pointer' | 'double-free' | 'bad-request',
    readonly address?: number,
  ) {
    super(message);
    this.name = 'HeapError';
  }
}
