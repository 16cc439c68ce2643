/**
 * Trace events as columns: one typed array per field, so a chunk of 65,536 events is six
 * allocations instead of 65,536 objects, can live in a SharedArrayBuffer that every lab worker
 * reads without a copy, and is scanned by the replay at memory speed.
 *
 * Blocks are named by block number, a small integer the reader gives each block while it is live and
 * hands out again once it is freed (the trace's ids are gone: a replay needs only "which
 * block"). A realloc that moves a block names the new one by a number of its own.
 */
export const OP_ALLOC = 0;
export const OP_FREE = 1;
export const OP_REALLOC = 2;

/** Events per chunk: ~1.4 MiB of columns, big enough that a message per chunk costs nothing. */
export const CHUNK_EVENTS = 1 << 16;

export interface EventColumns {
  /** Events in this chunk (the arrays may be longer). */
  length: number;
  /** Block numbers in use so far in the trace (every number in this chunk is below it). */
  blockNumbers: number;
  /** Index in the whole trace of this chunk's first event. */
  first: number;
  op: Uint8Array;
  /** The block (alloc, free) or the old block (realloc). */
  block: Int32Array;
  /** realloc: the number of the block after it (equal to `block` when it stayed the same block). */
  newBlock: Int32Array;
  /** alloc, realloc: bytes requested. */
  size: Float64Array;
  /** alloc, realloc: log2 of the alignment. */
  alignLog2: Uint8Array;
  /** Source line, for problem messages. */
  line: Uint32Array;
  /** alloc, realloc: the caller (an index into the reader's site table) or -1; null unless read with sites. */
  site: Int32Array | null;
}

/** Empty columns for `capacity` events, in one SharedArrayBuffer when `shared` (for workers); a site column when `sites`. */
export function allocColumns(capacity: number, shared: boolean, sites = false): EventColumns {
  // Widest fields first, so every array starts aligned to its element size.
  const bytes = capacity * (8 + 4 + 4 + 4 + (sites ? 4 : 0) + 1 + 1);
  const buffer = shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  let at = 0;
  const take = <T>(make: new (b: ArrayBufferLike, offset: number, length: number) => T, width: number): T => {
    const view = new make(buffer, at, capacity);
    at += capacity * width;
    return view;
  };
  const size = take(Float64Array, 8);
  const block = take(Int32Array, 4);
  const newBlock = take(Int32Array, 4);
  const line = take(Uint32Array, 4);
  const site = sites ? take(Int32Array, 4) : null;
  const op = take(Uint8Array, 1);
  const alignLog2 = take(Uint8Array, 1);
  return { length: 0, blockNumbers: 0, first: 0, op, block, newBlock, size, alignLog2, line, site };
}
