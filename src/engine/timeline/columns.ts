import { EVENT_COLUMNS, type EventColumn } from '../../format/events';
import { EVENT_COLUMN_TYPES, type ColumnType } from '../../format/timeline';

export type IntArray = Uint8Array | Int32Array | Float64Array;
export type EventColumns = Record<EventColumn, IntArray>;

/** Columns are stored in the typed array their format range fits (src/format/timeline.ts). */
export function newArray(type: ColumnType, length: number): IntArray {
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
  private readonly buffers = new Map<string, { buffer: ArrayBuffer; bytes: number; make: (b: ArrayBuffer, offset: number, n: number) => IntArray }>();
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
    const add = (name: string, type: ColumnType): void => {
      const Ctor = type === 'u8' ? Uint8Array : type === 'i32' ? Int32Array : Float64Array;
      const bytes = Ctor.BYTES_PER_ELEMENT;
      // 4 GiB of address space per column, reserved, not used: memory is taken as the buffer grows.
      const buffer = new (ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => ArrayBuffer)(0, { maxByteLength: 2 ** 32 });
      this.buffers.set(name, { buffer, bytes, make: (b, offset, n) => new Ctor(b, offset * bytes, n) });
    };
    for (const name of EVENT_COLUMNS) add(name, EVENT_COLUMN_TYPES[name]);
  }

  /** The next chunk's columns, views of the buffers grown by one chunk; null once a buffer cannot grow (then plain chunks follow). */
  next(): EventColumns | null {
    const start = this.chunks * this.chunkSize;
    try {
      for (const b of this.buffers.values()) (b.buffer as unknown as { resize(n: number): void }).resize((start + this.chunkSize) * b.bytes);
      for (const b of this.buffers.values()) grownBytes += this.chunkSize * b.bytes;
    } catch {
      return null;
    }
    this.chunks++;
    const events = {} as EventColumns;
    for (const name of EVENT_COLUMNS) events[name] = this.view(name, start, this.chunkSize);
    return events;
  }

  /** The first `length` values of each column, without a copy. */
  whole(length: number): EventColumns {
    const events = {} as EventColumns;
    for (const name of EVENT_COLUMNS) events[name] = this.view(name, 0, length);
    return events;
  }

  private view(name: string, start: number, n: number): IntArray {
    const b = this.buffers.get(name)!;
    return b.make(b.buffer, start, n);
  }
}

export function allocColumns(capacity: number): EventColumns {
  const events = {} as EventColumns;
  for (const name of EVENT_COLUMNS) events[name] = newArray(EVENT_COLUMN_TYPES[name], capacity);
  return events;
}
