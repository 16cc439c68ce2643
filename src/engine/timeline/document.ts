import { decodeColumn, encodeColumn, type EncodedColumn } from '../../format/column-codec';
import { FORMAT_NAME, FORMAT_VERSION, FormatError } from '../../format/errors';
import { checkEnvelope, parseDocument } from '../../format/envelope';
import { EVENT_COLUMNS, EVENT_KIND_COUNT, METRIC_COLUMNS, type EventColumn, type MetricColumn } from '../../format/events';
import { checkValue } from '../../format/validate-value';
import type { Value } from '../../format/values';
import { columnType, newArray, type EventColumns, type MetricColumns } from './columns';
import { Timeline, type TimelineMeta } from './timeline';

/**
 * A timeline as JSON (format version 1; see docs/FORMAT.md). Columnar: one encoded
 * integer column per event field and per metric, strings and values in side tables
 * that events index into.
 */
export interface TimelineDocument {
  format: 'memscope';
  version: 1;
  kind: 'timeline';
  meta: TimelineMeta;
  strings: string[];
  values: Value[];
  events: { count: number; columns: Record<EventColumn, EncodedColumn> };
  metrics: { columns: Record<MetricColumn, EncodedColumn> };
}

export function encodeTimeline(timeline: Timeline): TimelineDocument {
  const events = {} as Record<EventColumn, EncodedColumn>;
  for (const name of EVENT_COLUMNS) events[name] = encodeColumn(timeline.events[name], timeline.length);
  const metrics = {} as Record<MetricColumn, EncodedColumn>;
  for (const name of METRIC_COLUMNS) metrics[name] = encodeColumn(timeline.metrics[name], timeline.length);
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    kind: 'timeline',
    meta: { ...timeline.meta },
    strings: [...timeline.strings],
    values: [...timeline.values],
    events: { count: timeline.length, columns: events },
    metrics: { columns: metrics },
  };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export { checkEnvelope } from '../../format/envelope';

/**
 * Reads and validates a timeline document (an object, or JSON text). Every index and
 * count is checked, so a renderer can trust what it gets; errors name the JSON path.
 */
export function decodeTimeline(input: unknown, source = 'payload'): Timeline {
  const doc = parseDocument(input, source);
  const kind = checkEnvelope(doc, source);
  if (kind !== 'timeline') throw new FormatError('kind', '"timeline"', source);
  const d = doc as Record<string, unknown>;
  const fail = (path: string, expected: string): never => {
    throw new FormatError(path, expected, source);
  };

  const meta = d.meta;
  if (!isObject(meta)) fail('meta', 'an object');
  const m = meta as Record<string, unknown>;
  for (const key of ['staticBase', 'heapBase', 'stackTop', 'stackLimit']) {
    if (typeof m[key] !== 'number' || !Number.isFinite(m[key])) fail(`meta.${key}`, 'a number');
  }
  if (typeof m.policy !== 'string') fail('meta.policy', 'a string');
  for (const key of ['title', 'source', 'ended']) {
    if (m[key] !== undefined && typeof m[key] !== 'string') fail(`meta.${key}`, 'a string');
  }

  if (!Array.isArray(d.strings)) fail('strings', 'an array of strings');
  const strings = d.strings as unknown[];
  strings.forEach((s, i) => {
    if (typeof s !== 'string') fail(`strings[${i}]`, 'a string');
  });
  if (!Array.isArray(d.values)) fail('values', 'an array of values');
  const values = d.values as unknown[];
  values.forEach((v, i) => checkValue(v, `values[${i}]`, source));

  const events = d.events;
  if (!isObject(events)) fail('events', 'an object with count and columns');
  const count = (events as Record<string, unknown>).count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) fail('events.count', 'a non-negative integer');
  const n = count as number;
  const eventColumns = readColumns((events as Record<string, unknown>).columns, EVENT_COLUMNS, n, 'events.columns', fail) as EventColumns;
  const metricsObj = d.metrics;
  if (!isObject(metricsObj)) fail('metrics', 'an object with columns');
  const metricColumns = readColumns((metricsObj as Record<string, unknown>).columns, METRIC_COLUMNS, n, 'metrics.columns', fail) as MetricColumns;

  // Cross-checks: every index points into its table.
  const e = eventColumns;
  for (let i = 0; i < n; i++) {
    if (e.kind[i]! >= EVENT_KIND_COUNT) fail(`events.columns.kind[${i}]`, `an event kind below ${EVENT_KIND_COUNT}`);
    for (const [col, table] of [['name', strings.length], ['type', strings.length], ['value', values.length]] as const) {
      const index = e[col][i]!;
      if (index < -1 || index >= table) fail(`events.columns.${col}[${i}]`, `-1 or an index below ${table}`);
    }
    if (e.ownerKind[i]! > 4) fail(`events.columns.ownerKind[${i}]`, 'an owner kind 0..4');
  }
  return new Timeline(m as unknown as TimelineMeta, n, eventColumns, metricColumns, strings as string[], values as Value[]);
}

function readColumns(
  columns: unknown,
  names: readonly string[],
  count: number,
  path: string,
  fail: (path: string, expected: string) => never,
): Record<string, Uint8Array | Int32Array | Float64Array> {
  if (!isObject(columns)) fail(path, 'an object of columns');
  const c = columns as Record<string, unknown>;
  const out: Record<string, Uint8Array | Int32Array | Float64Array> = {};
  for (const name of names) {
    const column = c[name];
    const plain = new Float64Array(count);
    if (Array.isArray(column)) {
      if (column.length !== count) fail(`${path}.${name}`, `${count} values (found ${column.length})`);
      column.forEach((v, i) => {
        if (typeof v !== 'number' || !Number.isInteger(v)) fail(`${path}.${name}[${i}]`, 'an integer');
        plain[i] = v;
      });
    } else if (isObject(column) && column.enc === 'delta-varint-b64' && typeof column.data === 'string') {
      let read = 0;
      try {
        read = decodeColumn(column as unknown as EncodedColumn, plain);
      } catch (err) {
        fail(`${path}.${name}`, `a well-formed encoded column (${(err as Error).message})`);
      }
      if (read !== count) fail(`${path}.${name}`, `${count} values (found ${read})`);
    } else {
      fail(`${path}.${name}`, 'an array of integers or {"enc": "delta-varint-b64", "data": "…"}');
    }
    const type = columnType(name);
    const [lo, hi] = type === 'u8' ? [0, 255] : type === 'i32' ? [-(2 ** 31), 2 ** 31 - 1] : [-(2 ** 53), 2 ** 53];
    for (let i = 0; i < count; i++) {
      if (plain[i]! < lo || plain[i]! > hi) fail(`${path}.${name}[${i}]`, `a value in ${lo}..${hi}`);
    }
    const array = type === 'f64' ? plain : newArray(type, count);
    if (array !== plain) array.set(plain);
    out[name] = array;
  }
  return out;
}
