import { EVENT_COLUMNS, METRIC_COLUMNS, type EventColumn, type MetricColumn } from '../../format/events';

export type IntArray = Uint8Array | Int32Array | Float64Array;
export type EventColumns = Record<EventColumn, IntArray>;
export type MetricColumns = Record<MetricColumn, IntArray>;

/** Storage type per column: small enums in bytes, ids in int32, addresses/sizes/sums in float64 (exact to 2^53). */
const EVENT_TYPES: Record<EventColumn, 'u8' | 'i32' | 'f64'> = {
  kind: 'u8', line: 'i32', a: 'i32', b: 'i32', name: 'i32', type: 'i32', value: 'i32',
  addr: 'f64', size: 'f64', align: 'i32', aux: 'f64', aux2: 'f64',
  ownerKind: 'u8', owner1: 'i32', owner2: 'i32',
};
const METRIC_TYPES: Record<MetricColumn, 'u8' | 'i32' | 'f64'> = {
  frames: 'i32', stackBytes: 'f64', heapLive: 'f64', heapBlocks: 'i32', footprint: 'f64', staticBytes: 'f64', allocWork: 'f64',
};

export function columnType(name: string): 'u8' | 'i32' | 'f64' {
  return (EVENT_TYPES as Record<string, 'u8' | 'i32' | 'f64'>)[name] ?? (METRIC_TYPES as Record<string, 'u8' | 'i32' | 'f64'>)[name] ?? 'f64';
}

export function newArray(type: 'u8' | 'i32' | 'f64', length: number): IntArray {
  return type === 'u8' ? new Uint8Array(length) : type === 'i32' ? new Int32Array(length) : new Float64Array(length);
}

function grown<A extends IntArray>(array: A, capacity: number): A {
  const next = new (array.constructor as new (n: number) => A)(capacity);
  next.set(array);
  return next;
}

export function allocColumns(capacity: number): { events: EventColumns; metrics: MetricColumns } {
  const events = {} as EventColumns;
  for (const name of EVENT_COLUMNS) events[name] = newArray(EVENT_TYPES[name], capacity);
  const metrics = {} as MetricColumns;
  for (const name of METRIC_COLUMNS) metrics[name] = newArray(METRIC_TYPES[name], capacity);
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
