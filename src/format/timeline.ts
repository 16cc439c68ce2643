/**
 * The `timeline` document: a whole run as JSON, columnar. One encoded integer column per event
 * field and per metric; strings and values in side tables that events index into. Written by
 * the engine's `encodeTimeline`, read here (`readTimeline`) into plain columns the engine turns
 * back into a Timeline.
 */
import { Checker, isObject } from './check';
import { decodeColumn, encodedCapacity, type EncodedColumn } from './column-codec';
import { checkConsistency } from './consistency';
import { openDocument } from './envelope';
import { EVENT_COLUMNS, EVENT_KIND_COUNT, EventKind, METRIC_COLUMNS, WriteMode, type EventColumn, type MetricColumn } from './events';
import { checkValue } from './validate-value';
import type { Value } from './values';

/** Where the regions sit and how the run was configured; travels with the timeline. */
export interface TimelineMeta {
  title?: string;
  /** Heap policy that placed the blocks. */
  policy: string;
  staticBase: number;
  heapBase: number;
  stackTop: number;
  stackLimit: number;
  /** Source text the line numbers refer to (a Rust snippet), if any. */
  source?: string;
  /** 'rust' when `source` is the whole program and memscope's interpreter ran it (runRust): it can be run again (handouts). */
  program?: 'rust';
  /** Set when the run ended early (stack overflow, panic): what happened. */
  ended?: string;
}

export interface TimelineDocument {
  format: 'memscope';
  /** FORMAT_VERSION when written; a reader takes 1 up to its own. */
  version: number;
  kind: 'timeline';
  meta: TimelineMeta;
  strings: string[];
  values: Value[];
  events: { count: number; columns: Record<EventColumn, EncodedColumn> };
  metrics: { columns: Record<MetricColumn, EncodedColumn> };
}

/**
 * Which integers each column may hold: small enums fit a byte, ids and lines an int32,
 * addresses, sizes and sums a double (exact to 2^53). The engine stores them so.
 */
export type ColumnType = 'u8' | 'i32' | 'f64';
export const EVENT_COLUMN_TYPES: Record<EventColumn, ColumnType> = {
  kind: 'u8', line: 'i32', a: 'i32', b: 'i32', name: 'i32', type: 'i32', value: 'i32',
  addr: 'f64', size: 'f64', align: 'i32', aux: 'f64', aux2: 'f64',
  ownerKind: 'u8', owner1: 'i32', owner2: 'i32',
};
export const METRIC_COLUMN_TYPES: Record<MetricColumn, ColumnType> = {
  frames: 'i32', stackBytes: 'f64', heapLive: 'f64', heapBlocks: 'i32', footprint: 'f64', staticBytes: 'f64', allocWork: 'f64',
};

const RANGES: Record<ColumnType, [number, number]> = { u8: [0, 255], i32: [-(2 ** 31), 2 ** 31 - 1], f64: [-(2 ** 53), 2 ** 53] };

/** A validated timeline document with its columns decoded (every value in its column's range). */
export interface TimelineColumns {
  meta: TimelineMeta;
  strings: string[];
  values: Value[];
  count: number;
  events: Record<EventColumn, Float64Array>;
  metrics: Record<MetricColumn, Float64Array>;
}

/**
 * Reads and validates a timeline document (an object, or JSON text). Every index and count is
 * checked, and the events are replayed to check they make sense in order (consistency.ts), so a
 * renderer can trust what it gets; errors name the JSON path.
 */
export function readTimeline(input: unknown, source = 'payload'): TimelineColumns {
  const d = openDocument(input, 'timeline', source);
  const c = new Checker(source);

  const m = c.obj(d.meta, 'meta');
  for (const key of ['staticBase', 'heapBase', 'stackTop', 'stackLimit']) c.num(m[key], `meta.${key}`, 'a number');
  c.str(m.policy, 'meta.policy');
  for (const key of ['title', 'source', 'ended']) c.optStr(m[key], `meta.${key}`);
  if (m.program !== undefined && m.program !== 'rust') c.fail('meta.program', '"rust" or absent');

  const strings = c.arr(d.strings, 'strings', 'an array of strings');
  strings.forEach((s, i) => c.str(s, `strings[${i}]`));
  const values = c.arr(d.values, 'values', 'an array of values');
  values.forEach((v, i) => checkValue(v, `values[${i}]`, source));

  const events = c.obj(d.events, 'events', 'an object with count and columns');
  if (typeof events.count !== 'number' || !Number.isInteger(events.count) || events.count < 0) c.fail('events.count', 'a non-negative integer');
  const n = events.count as number;
  const eventColumns = readColumns(c, events.columns, EVENT_COLUMNS, EVENT_COLUMN_TYPES, n, 'events.columns');
  const metrics = c.obj(d.metrics, 'metrics', 'an object with columns');
  const metricColumns = readColumns(c, metrics.columns, METRIC_COLUMNS, METRIC_COLUMN_TYPES, n, 'metrics.columns');

  // Cross-checks: every index points into its table.
  const e = eventColumns;
  for (let i = 0; i < n; i++) {
    if (e.kind[i]! >= EVENT_KIND_COUNT) c.fail(`events.columns.kind[${i}]`, `an event kind below ${EVENT_KIND_COUNT}`);
    if (e.line[i]! < -1) c.fail(`events.columns.line[${i}]`, 'a source line >= 0, or -1 for none');
    for (const [col, table] of [['name', strings.length], ['type', strings.length], ['value', values.length]] as const) {
      const index = e[col][i]!;
      if (index < -1 || index >= table) c.fail(`events.columns.${col}[${i}]`, `-1 or an index below ${table}`);
    }
    if (e.ownerKind[i]! > 4) c.fail(`events.columns.ownerKind[${i}]`, 'an owner kind 0..4');
    if (e.kind[i] === EventKind.HeapSet) checkWrite(c, e, i, values as Value[]);
  }
  const timeline: TimelineColumns = {
    meta: m as unknown as TimelineMeta,
    strings: strings as string[],
    values: values as Value[],
    count: n,
    events: eventColumns,
    metrics: metricColumns,
  };
  checkConsistency(timeline, source);
  return timeline;
}

/** A write replaces the block's value, or edits its text: the kept bytes, then a `text` value. */
function checkWrite(c: Checker, e: Record<EventColumn, Float64Array>, i: number, values: Value[]): void {
  const mode = e.aux2[i]!;
  if (mode === WriteMode.Replace) return;
  if (mode !== WriteMode.TextEdit) c.fail(`events.columns.aux2[${i}]`, `the write mode of a write event: ${WriteMode.Replace} (replace) or ${WriteMode.TextEdit} (text edit)`);
  if (e.aux[i]! < 0) c.fail(`events.columns.aux[${i}]`, 'the bytes a text edit keeps (an integer >= 0)');
  const value = e.value[i]!;
  if (value < 0 || values[value]!.k !== 'text') c.fail(`events.columns.value[${i}]`, 'the index of a text value (the text a text edit adds)');
}

function readColumns<N extends string>(
  c: Checker,
  columns: unknown,
  names: readonly N[],
  types: Record<N, ColumnType>,
  count: number,
  path: string,
): Record<N, Float64Array> {
  const all = c.obj(columns, path, 'an object of columns');
  const out = {} as Record<N, Float64Array>;
  for (const name of names) {
    const column = all[name];
    // The shape and the count come first, so what is allocated is bounded by the file's size:
    // a huge count in a small file is an error, not gigabytes of zeros.
    if (Array.isArray(column)) {
      if (column.length !== count) c.fail(`${path}.${name}`, `${count} values (found ${column.length})`);
    } else if (isObject(column) && column.enc === 'delta-varint-b64' && typeof column.data === 'string') {
      let most = 0;
      try {
        most = encodedCapacity(column as unknown as EncodedColumn);
      } catch (err) {
        c.fail(`${path}.${name}`, `a well-formed encoded column (${(err as Error).message})`);
      }
      if (most < count) c.fail(`${path}.${name}`, `${count} values (its data holds at most ${most})`);
    }
    const plain = new Float64Array(count);
    if (Array.isArray(column)) {
      column.forEach((v, i) => {
        if (typeof v !== 'number' || !Number.isInteger(v)) c.fail(`${path}.${name}[${i}]`, 'an integer');
        plain[i] = v;
      });
    } else if (isObject(column) && column.enc === 'delta-varint-b64' && typeof column.data === 'string') {
      let read = 0;
      try {
        read = decodeColumn(column as unknown as EncodedColumn, plain);
      } catch (err) {
        c.fail(`${path}.${name}`, `a well-formed encoded column (${(err as Error).message})`);
      }
      if (read !== count) c.fail(`${path}.${name}`, `${count} values (found ${read})`);
    } else {
      c.fail(`${path}.${name}`, 'an array of integers or {"enc": "delta-varint-b64", "data": "…"}');
    }
    const [lo, hi] = RANGES[types[name]];
    for (let i = 0; i < count; i++) {
      if (plain[i]! < lo || plain[i]! > hi) c.fail(`${path}.${name}[${i}]`, `a value in ${lo}..${hi}`);
    }
    out[name] = plain;
  }
  return out;
}
