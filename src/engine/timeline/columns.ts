import type { EventColumn } from '../../format/events';

export type IntArray = Uint8Array | Int32Array | Float64Array;
/** An event's fields as the format has them: one column each, every value exact. */
export type EventColumns = Record<EventColumn, IntArray>;

/**
 * The event columns the engine stores for every event, in the narrowest array that holds the
 * usual values: addresses as offsets from their region's base, sizes and the aux fields as
 * int32, alignment as a byte. A value that does not fit is stored exactly aside (event-store.ts).
 * The owner columns are not here: few events have an owner, they are kept by step.
 */
export const STORED_COLUMNS = ['kind', 'line', 'a', 'b', 'name', 'type', 'value', 'addr', 'size', 'align', 'aux', 'aux2'] as const;
export type StoredColumn = (typeof STORED_COLUMNS)[number];
export type StoredArray = Uint8Array | Int32Array;
export type StoredColumns = Record<StoredColumn, StoredArray>;
const STORED_BYTES: Record<StoredColumn, 1 | 4> = {
  kind: 1, line: 4, a: 4, b: 4, name: 4, type: 4, value: 4, addr: 4, size: 4, align: 1, aux: 4, aux2: 4,
};

function storedArray(name: StoredColumn, buffer: ArrayBufferLike, offset: number, length: number): StoredArray {
  return STORED_BYTES[name] === 1 ? new Uint8Array(buffer, offset, length) : new Int32Array(buffer, offset * 4, length);
}

export function allocColumns(capacity: number): StoredColumns {
  const columns = {} as StoredColumns;
  for (const name of STORED_COLUMNS) columns[name] = STORED_BYTES[name] === 1 ? new Uint8Array(capacity) : new Int32Array(capacity);
  return columns;
}

/** The format's columns in the typed arrays their ranges fit (src/format/timeline.ts): what `Timeline.events` gives. */
export function newArray(type: 'u8' | 'i32' | 'f64', length: number): IntArray {
  return type === 'u8' ? new Uint8Array(length) : type === 'i32' ? new Int32Array(length) : new Float64Array(length);
}

/**
 * Columns that grow in place: one resizable ArrayBuffer per column, each chunk a view of its next
 * part, so the finished timeline is a view of the whole and never a copy (joining the chunks took a
 * sixth of a long run). null where there are no resizable buffers (older browsers) or the system
 * refuses to reserve the address space: then the chunks are arrays of their own, joined at the end.
 */
let grownBytes = 0;

/**
 * Bytes all growable columns have grown by, ever (it never goes down). V8 does not count a
 * resizable buffer's memory in its heap statistics, so the interpreter's memory limit adds this:
 * the growth between two looks is the timeline's growth.
 */
export function growableBytes(): number {
  return grownBytes;
}

export class GrowableColumns {
  private readonly buffers = new Map<StoredColumn, { buffer: ArrayBuffer; bytes: number }>();
  private chunks = 0;

  static create(chunkSize: number): GrowableColumns | null {
    if (typeof (ArrayBuffer.prototype as { resize?: unknown }).resize !== 'function') return null;
    try {
      return new GrowableColumns(chunkSize);
    } catch {
      return null;
    }
  }

  private constructor(private readonly chunkSize: number) {
    for (const name of STORED_COLUMNS) {
      // 4 GiB of address space per column, reserved, not used: memory is taken as the buffer grows.
      const buffer = new (ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => ArrayBuffer)(0, { maxByteLength: 2 ** 32 });
      this.buffers.set(name, { buffer, bytes: STORED_BYTES[name] });
    }
  }

  /** The next chunk's columns, views of the buffers grown by one chunk; null once a buffer cannot grow (then plain chunks follow). */
  next(): StoredColumns | null {
    const start = this.chunks * this.chunkSize;
    try {
      for (const b of this.buffers.values()) (b.buffer as unknown as { resize(n: number): void }).resize((start + this.chunkSize) * b.bytes);
      for (const b of this.buffers.values()) grownBytes += this.chunkSize * b.bytes;
    } catch {
      return null;
    }
    this.chunks++;
    return this.views(start, this.chunkSize);
  }

  /** The first `length` values of each column, without a copy. */
  whole(length: number): StoredColumns {
    return this.views(0, length);
  }

  private views(start: number, n: number): StoredColumns {
    const columns = {} as StoredColumns;
    for (const name of STORED_COLUMNS) columns[name] = storedArray(name, this.buffers.get(name)!.buffer, start, n);
    return columns;
  }
}

/** Chunks (each `chunkSize` long, the last one partly filled) joined into columns of `length`. */
export function joinChunks(chunks: StoredColumns[], length: number, chunkSize: number): StoredColumns {
  const out = allocColumns(length);
  for (const name of STORED_COLUMNS) {
    chunks.forEach((chunk, i) => {
      const take = Math.min(chunkSize, length - i * chunkSize);
      if (take > 0) out[name].set(chunk[name].subarray(0, take), i * chunkSize);
    });
  }
  return out;
}
