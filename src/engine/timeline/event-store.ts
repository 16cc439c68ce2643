/**
 * How the engine keeps a timeline's events in memory: narrower than the format's columns and
 * without the fields most events leave at their default, yet every value exact.
 * - addresses as int32 offsets from the base of the region the event's kind belongs to (a stack
 *   event's address is a few KiB below the stack top); sizes, aux and aux2 as int32; alignment as
 *   a byte. A value that does not fit (an old address in aux, a huge size) is kept aside by step,
 *   the column holding ESCAPE there.
 * - the owner (ownerKind, owner1, owner2) only where it is not "none" (heap events), by step.
 * A 10^6-iteration `for` loop recorded 70 bytes per event of columns; this keeps 42.
 */
import { EVENT_COLUMNS, EVENT_KIND_COUNT, regionOf, type EventColumn, type EventKind } from '../../format/events';
import { EVENT_COLUMN_TYPES } from '../../format/timeline';
import { grown } from '../grown';
import { DEFAULT_ADDRESSES } from '../memory/addresses';
import { allocColumns, GrowableColumns, joinChunks, newArray, STORED_COLUMNS, type EventColumns, type IntArray, type StoredColumns } from './columns';

/** In an int32 column: the value is kept aside (EventStore.wide). */
export const ESCAPE = -0x80000000;
/** The same in the byte column (align). */
const BYTE_ESCAPE = 255;

/** Columns stored narrower than the format's, with the values that did not fit kept aside. */
export type WideColumn = 'addr' | 'size' | 'align' | 'aux' | 'aux2';
const WIDE_COLUMNS: readonly WideColumn[] = ['addr', 'size', 'align', 'aux', 'aux2'];

/** The base each kind's address is stored from: its region's (static data, stack top, heap) as the machine lays them out. */
const ADDR_BASE = new Float64Array(256);
for (let kind = 0; kind < EVENT_KIND_COUNT; kind++) {
  const region = regionOf(kind as EventKind);
  ADDR_BASE[kind] = region === 'static' ? DEFAULT_ADDRESSES.staticBase : region === 'stack' ? DEFAULT_ADDRESSES.stackTop : region === 'heap' ? DEFAULT_ADDRESSES.heapBase : 0;
}

/** Owners of the events that have one, steps ascending. */
export interface OwnerSteps {
  count: number;
  steps: Int32Array;
  kind: Uint8Array;
  o1: Int32Array;
  o2: Int32Array;
}

/** The events as plain data (structured-cloneable, so a worker thread can send it). */
export interface EventStore {
  length: number;
  columns: StoredColumns;
  /** Exact values of the narrow columns where the column holds ESCAPE, by step. */
  wide: Record<WideColumn, Map<number, number>>;
  owners: OwnerSteps;
}

/** Appends events: the recorder's hot path, one call per event, no object made. */
export class EventWriter {
  private columns: StoredColumns;
  private readonly done: StoredColumns[] = [];
  /** Index inside the current chunk. */
  private at = 0;
  length = 0;
  private readonly wide: Record<WideColumn, Map<number, number>> = { addr: new Map(), size: new Map(), align: new Map(), aux: new Map(), aux2: new Map() };
  private owners: OwnerSteps = { count: 0, steps: new Int32Array(64), kind: new Uint8Array(64), o1: new Int32Array(64), o2: new Int32Array(64) };
  /** Where the chunks are views of growing buffers; null once they are arrays of their own. */
  private growable: GrowableColumns | null;

  /** Columns are written in fixed-size chunks, so growing never copies. */
  constructor(private readonly chunkSize = 1 << 16) {
    this.growable = GrowableColumns.create(chunkSize);
    const first = this.growable?.next() ?? null;
    if (!first) this.growable = null;
    this.columns = first ?? allocColumns(chunkSize);
  }

  write(
    kind: number, line: number, a: number, b: number, name: number, type: number, value: number,
    addr: number, size: number, align: number, aux: number, aux2: number, ownerKind: number, o1: number, o2: number,
  ): void {
    if (this.at === this.chunkSize) this.nextChunk();
    const i = this.at++;
    const step = this.length++;
    const c = this.columns;
    c.kind[i] = kind;
    c.line[i] = line;
    c.a[i] = a;
    c.b[i] = b;
    c.name[i] = name;
    c.type[i] = type;
    c.value[i] = value;
    const offset = addr - ADDR_BASE[kind]!;
    c.addr[i] = (offset | 0) === offset && offset !== ESCAPE ? offset : this.aside('addr', step, addr);
    c.size[i] = (size | 0) === size && size !== ESCAPE ? size : this.aside('size', step, size);
    c.align[i] = (align & 0xff) === align && align !== BYTE_ESCAPE ? align : this.aside('align', step, align);
    c.aux[i] = (aux | 0) === aux && aux !== ESCAPE ? aux : this.aside('aux', step, aux);
    c.aux2[i] = (aux2 | 0) === aux2 && aux2 !== ESCAPE ? aux2 : this.aside('aux2', step, aux2);
    if (ownerKind !== 0 || o1 !== -1 || o2 !== -1) this.owner(step, ownerKind, o1, o2);
  }

  private aside(column: WideColumn, step: number, v: number): number {
    this.wide[column].set(step, v);
    return column === 'align' ? BYTE_ESCAPE : ESCAPE;
  }

  private owner(step: number, kind: number, o1: number, o2: number): void {
    let o = this.owners;
    if (o.count === o.steps.length) {
      const n = o.count * 2;
      o = this.owners = { count: o.count, steps: grown(o.steps, n), kind: grown(o.kind, n), o1: grown(o.o1, n), o2: grown(o.o2, n) };
    }
    o.steps[o.count] = step;
    o.kind[o.count] = kind;
    o.o1[o.count] = o1;
    o.o2[o.count] = o2;
    o.count++;
  }

  private nextChunk(): void {
    this.done.push(this.columns);
    const next = this.growable?.next() ?? null;
    if (!next) this.growable = null;
    this.columns = next ?? allocColumns(this.chunkSize);
    this.at = 0;
  }

  /** The events so far (the columns are views, not copies, when the buffers could grow in place). */
  finish(): EventStore {
    const n = this.length;
    const columns = this.growable ? this.growable.whole(n) : joinChunks([...this.done, this.columns], n, this.chunkSize);
    const o = this.owners;
    const owners = { count: o.count, steps: o.steps.slice(0, o.count), kind: o.kind.slice(0, o.count), o1: o.o1.slice(0, o.count), o2: o.o2.slice(0, o.count) };
    const wide = {} as EventStore['wide'];
    for (const name of WIDE_COLUMNS) wide[name] = new Map(this.wide[name]);
    return { length: n, columns, wide, owners };
  }
}

/** A decoded document's columns as a store. */
export function eventStoreOf(columns: Record<EventColumn, ArrayLike<number>>, length: number): EventStore {
  const w = new EventWriter();
  const c = columns;
  for (let i = 0; i < length; i++) {
    w.write(
      c.kind[i]!, c.line[i]!, c.a[i]!, c.b[i]!, c.name[i]!, c.type[i]!, c.value[i]!,
      c.addr[i]!, c.size[i]!, c.align[i]!, c.aux[i]!, c.aux2[i]!, c.ownerKind[i]!, c.owner1[i]!, c.owner2[i]!,
    );
  }
  return w.finish();
}

/** An event's address. */
export function addrAt(s: EventStore, step: number): number {
  const v = s.columns.addr[step]!;
  return v === ESCAPE ? s.wide.addr.get(step)! : v + ADDR_BASE[s.columns.kind[step]!]!;
}

/** An event's size, aux or aux2. */
export function intAt(s: EventStore, column: 'size' | 'aux' | 'aux2', step: number): number {
  const v = s.columns[column][step]!;
  return v === ESCAPE ? s.wide[column].get(step)! : v;
}

export function alignAt(s: EventStore, step: number): number {
  const v = s.columns.align[step]!;
  return v === BYTE_ESCAPE ? s.wide.align.get(step)! : v;
}

/** The index of the owner recorded with `step`, or -1 (owner none: kind 0, owner1 and owner2 -1). */
export function ownerRowAt(s: EventStore, step: number): number {
  const o = s.owners;
  let lo = 0;
  let hi = o.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = o.steps[mid]!;
    if (at === step) return mid;
    if (at < step) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Any field of an event, as the format has it. */
export function fieldAt(s: EventStore, column: EventColumn, step: number): number {
  switch (column) {
    case 'addr':
      return addrAt(s, step);
    case 'align':
      return alignAt(s, step);
    case 'size':
    case 'aux':
    case 'aux2':
      return intAt(s, column, step);
    case 'ownerKind':
    case 'owner1':
    case 'owner2': {
      const row = ownerRowAt(s, step);
      if (row < 0) return column === 'ownerKind' ? 0 : -1;
      return column === 'ownerKind' ? s.owners.kind[row]! : column === 'owner1' ? s.owners.o1[row]! : s.owners.o2[row]!;
    }
    default:
      return s.columns[column][step]!;
  }
}

/** One whole column as the format has it, in the typed array its range fits (the stored one itself where it is the same). */
export function formatColumn(s: EventStore, column: EventColumn): IntArray {
  if ((STORED_COLUMNS as readonly string[]).includes(column) && !(WIDE_COLUMNS as readonly string[]).includes(column)) {
    return s.columns[column as keyof StoredColumns];
  }
  const out = newArray(EVENT_COLUMN_TYPES[column], s.length);
  if (column === 'ownerKind' || column === 'owner1' || column === 'owner2') {
    if (column !== 'ownerKind') out.fill(-1);
    const o = s.owners;
    const from = column === 'ownerKind' ? o.kind : column === 'owner1' ? o.o1 : o.o2;
    for (let row = 0; row < o.count; row++) out[o.steps[row]!] = from[row]!;
    return out;
  }
  const stored = s.columns[column as WideColumn];
  const wide = s.wide[column as WideColumn];
  const escape = column === 'align' ? BYTE_ESCAPE : ESCAPE;
  const kind = s.columns.kind;
  const based = column === 'addr';
  for (let step = 0; step < s.length; step++) {
    const v = stored[step]!;
    out[step] = v === escape ? wide.get(step)! : based ? v + ADDR_BASE[kind[step]!]! : v;
  }
  return out;
}

/** Every column as the format has them, each built when first read. */
export function formatColumns(s: EventStore): EventColumns {
  const out = {} as EventColumns;
  for (const name of EVENT_COLUMNS) {
    let built: IntArray | undefined;
    Object.defineProperty(out, name, { enumerable: true, get: () => (built ??= formatColumn(s, name)) });
  }
  return out;
}

/** Buffers a worker thread can hand over instead of copying. */
export function storeBuffers(s: EventStore): ArrayBufferLike[] {
  const o = s.owners;
  return [...Object.values(s.columns).map((a) => a.buffer), o.steps.buffer, o.kind.buffer, o.o1.buffer, o.o2.buffer];
}
