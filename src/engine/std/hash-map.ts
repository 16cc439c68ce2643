/**
 * HashMap and HashSet at run time: the table's heap block follows hashbrown's model
 * (hash-table.ts: a fresh block when the table grows, then the old one freed), and the entries
 * own their keys' and values' heap data. What each operation drops, and when, is std's:
 * `insert` of a present key keeps the old key (the new one is dropped) and hands back the old
 * value; `remove` drops the key and hands back the value; dropping the map drops every entry
 * (key, then value), then frees the table.
 */
import { OwnerKind } from '../../format/events';
import type { Value } from '../../format/values';
import type { Layout, Ty } from '../layout/types';
import type { Machine } from '../memory/machine';
import { toValue } from '../memory/to-value';
import type { MapEntry, MapValue, RValue } from '../memory/rvalue';
import { formatType as typeName } from '../layout/format';
import * as table from './hash-table';
import { bTreeClear, bTreeClone, bTreeInsert, bTreeRemove } from './btree-map';

/** The layout of one entry: `(K, V)` for a map, `T` for a set. */
export function entryLayout(m: Machine, key: Ty, value: Ty | undefined): Layout {
  return m.layoutOf(value ? { kind: 'tuple', items: [key, value] } : key);
}

export function mapNew(m: Machine, ty: Ty, key: Ty, value: Ty | undefined): MapValue {
  return { tag: 'map', ty, entry: entryLayout(m, key, value), set: !value, table: table.EMPTY_TABLE, block: null, entries: new Map() };
}

/** What the table block shows: its entries as (key, value) pairs (a set's as keys). */
export function mapContent(map: MapValue): Value {
  const items = [...map.entries.values()].slice(0, 16).map((e) => (map.set ? toValue(e.key) : { k: 'tuple' as const, items: [toValue(e.key), toValue(e.value)] }));
  return { k: 'array', items, len: map.entries.size };
}

/** Applies the table's allocator calls: the new block before the old one is freed. */
function apply(m: Machine, map: MapValue, step: table.TableStep): void {
  let fresh = map.block;
  for (const call of step.calls) {
    if (call.op === 'alloc') {
      fresh = m.alloc(call.size, call.align, `${typeName(map.ty)} table`, mapContent(map), map.block?.owner);
    } else if (map.block) {
      m.free(map.block);
    }
  }
  map.block = step.table.buckets ? fresh : null;
  map.table = step.table;
  if (map.block) for (const e of map.entries.values()) adoptEntry(m, map, e);
}

function adoptEntry(m: Machine, map: MapValue, e: MapEntry): void {
  if (!map.block) return;
  const owner = { kind: OwnerKind.Block, o1: map.block.id, o2: -1 };
  m.adopt(e.key, owner);
  m.adopt(e.value, owner);
}

function written(m: Machine, map: MapValue): void {
  if (map.block) m.setContent(map.block, mapContent(map));
}

export function mapWithCapacity(m: Machine, ty: Ty, key: Ty, value: Ty | undefined, cap: number): MapValue {
  const map = mapNew(m, ty, key, value);
  apply(m, map, table.withCapacity(cap, map.entry));
  return map;
}

export function mapGet(map: MapValue, id: string): MapEntry | undefined {
  return map.entries.get(id);
}

/** `reserve(n)` (also what `entry()` does for a key not in the map: reserve(1)). */
export function mapReserve(m: Machine, map: MapValue, additional: number): void {
  if (map.tree) return; // a BTreeMap allocates node by node as it inserts
  apply(m, map, table.reserve(map.table, additional, map.entry));
}

/**
 * Inserting `key` (identity `id`) → the old value when the key was there (the new key dropped,
 * the old key kept), else undefined after growing the table if it was full.
 */
export function mapInsert(m: Machine, map: MapValue, id: string, key: RValue, value: RValue): RValue | undefined {
  const old = map.entries.get(id);
  if (old) {
    const prev = old.value;
    old.value = value;
    adoptEntry(m, map, old);
    m.dropValue(key);
    written(m, map);
    return prev;
  }
  if (map.tree) {
    bTreeInsert(m, map, id, { key, value });
    return undefined;
  }
  const step = table.insertNew(map.table, map.entry);
  apply(m, map, { table: { buckets: step.table.buckets, items: map.table.items }, calls: step.calls });
  map.table = step.table;
  const e = { key, value };
  map.entries.set(id, e);
  adoptEntry(m, map, e);
  written(m, map);
  return undefined;
}

/** Removing `id`: its key dropped, its value handed back (undefined when absent). */
export function mapRemove(m: Machine, map: MapValue, id: string): RValue | undefined {
  const e = map.entries.get(id);
  if (!e) return undefined;
  if (map.tree) bTreeRemove(m, map, id);
  else {
    map.entries.delete(id);
    map.table = table.removeOne(map.table);
  }
  m.dropValue(e.key);
  written(m, map);
  return e.value;
}

/**
 * The next entry of `map.into_iter()`: moved out of the table (in the table's order; a real run's
 * follows RandomState). The table block stays: hashbrown's IntoIter frees it when the iterator
 * drops, after the entries it did not hand out (Machine.dropValue of the map it holds).
 */
export function mapTakeNext(m: Machine, map: MapValue): MapEntry | undefined {
  const first = map.entries.entries().next();
  if (first.done) return undefined;
  map.entries.delete(first.value[0]);
  written(m, map);
  return first.value[1];
}

/** `clear()`: every entry dropped, the table kept. */
export function mapClear(m: Machine, map: MapValue): void {
  if (map.tree) return bTreeClear(m, map); // std's clear drops the whole tree
  for (const e of map.entries.values()) {
    m.dropValue(e.key);
    m.dropValue(e.value);
  }
  map.entries.clear();
  map.table = table.clear(map.table);
  written(m, map);
}

/** `clone()`: a table of the same size, then each entry cloned (key, then value). */
export function mapClone(m: Machine, map: MapValue, cloneValue: (v: RValue) => RValue): MapValue {
  if (map.tree) return bTreeClone(m, map, cloneValue);
  const copy: MapValue = { ...map, entries: new Map(), block: null, table: table.EMPTY_TABLE };
  apply(m, copy, table.cloneTable(map.table, map.entry));
  copy.table = { ...map.table };
  for (const [id, e] of map.entries) {
    const c = { key: cloneValue(e.key), value: cloneValue(e.value) };
    copy.entries.set(id, c);
    adoptEntry(m, copy, c);
  }
  written(m, copy);
  return copy;
}

export function mapCapacity(map: MapValue): number {
  return table.capacityOf(map.table);
}

/**
 * A key's identity: equal keys (as Eq says) give equal strings, so `String` "a" and `&str` "a"
 * find the same entry (`K: Borrow<str>`). References and boxes are looked through.
 */
export function keyIdentity(v: RValue, follow: (r: Extract<RValue, { tag: 'ref' }>) => RValue): string {
  switch (v.tag) {
    case 'scalar':
      return `${v.ty.kind[0]}${String(v.v)}`;
    case 'unit':
      return '()';
    case 'str':
    case 'string':
      return JSON.stringify(v.text);
    case 'ref':
      return keyIdentity(follow(v), follow);
    case 'box':
      return keyIdentity(v.inner, follow);
    case 'rc':
      return keyIdentity(v.cell.inner, follow);
    case 'tuple':
    case 'array':
    case 'vec':
      return `[${v.items.map((i) => keyIdentity(i, follow)).join(',')}]`;
    case 'struct':
      return `${v.name}{${v.fields.map((f) => keyIdentity(f, follow)).join(',')}}`;
    case 'enum':
      return `${v.name}::${v.variant}(${v.fields.map((f) => keyIdentity(f, follow)).join(',')})`;
    case 'map':
    case 'weak':
      throw new Error(`a ${v.tag} as a HashMap key`);
  }
}

/**
 * `collect()` into a HashMap / HashSet: std's FromIterator is `extend` on an empty table, which
 * reserves the iterator's lower size hint once, then inserts each item (a repeated key keeps its
 * first key and drops the old value). `id` gives an item key's identity.
 */
export function collectMap(m: Machine, ty: Ty, key: Ty, value: Ty | undefined, it: { next(): RValue | undefined; hint(): [number, number | undefined] }, id: (k: RValue) => string): MapValue {
  const map = mapNew(m, ty, key, value);
  mapReserve(m, map, it.hint()[0]);
  for (let x = it.next(); x !== undefined; x = it.next()) {
    const [k, v] = value ? (x as Extract<RValue, { tag: 'tuple' }>).items : [x, { tag: 'unit', ty: { kind: 'unit' } } as RValue];
    const old = mapInsert(m, map, id(k!), k!, v!);
    if (old) m.dropValue(old);
  }
  return map;
}
