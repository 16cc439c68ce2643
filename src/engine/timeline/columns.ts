import { EVENT_COLUMNS, METRIC_COLUMNS, type EventColumn, type MetricColumn } from '../../format/events';
import { EVENT_COLUMN_TYPES, METRIC_COLUMN_TYPES, type ColumnType } from '../../format/timeline';

export type IntArray = Uint8Array | Int32Array | Float64Array;
export type EventColumns = Record<EventColumn, IntArray>;
export type MetricColumns = Record<MetricColumn, IntArray>;

/** Columns are stored in the typed array their format range fits (src/format/timeline.ts). */
export function newArray(type: ColumnType, length: number): IntArray {
  return type === 'u8' ? new Uint8Array(length) : type === 'i32' ? new Int32Array(length) : new Float64Array(length);
}

function grown<A extends IntArray>(array: A, capacity: number): A {
  const next = new (array.constructor as new (n: number) => A)(capacity);
  next.set(array);
  return next;
}

export function allocColumns(capacity: number): { events: EventColumns; metrics: MetricColumns } {
  const events = {} as EventColumns;
  for (const name of EVENT_COLUMNS) events[name] = newArray(EVENT_COLUMN_TYPES[name], capacity);
  const metrics = {} as MetricColumns;
  for (const name of METRIC_COLUMNS) metrics[name] = newArray(METRIC_COLUMN_TYPES[name], capacity);
  return { events, metrics };
}

export function growColumns<C extends Record<string, IntArray>>(columns: C, capacity: number): C {
  const next = {} as Record<string, IntArray>;
  for (const [name, array] of Object.entries(columns)) next[name] = grown(array, capacity);
  return next as C;
}

export function trimColumns<C extends Record<string, IntArray>>(columns: C, length: number): C {
  const next = {} as Record<string, IntArray>;
  for (const [name, array] of Object.entries(columns)) next[name] = array.subarray(0, length);
  return next as C;
}
