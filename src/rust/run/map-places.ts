/** The place of a value in a HashMap's entry (what `get`, `get_mut`, `or_insert` and `map[k]` refer to). */
import type { Machine } from '../../engine/memory/machine';
import type { Ty } from '../../engine/layout/types';
import type { Home, MapValue, PlaceRef, RValue } from '../../engine/memory/rvalue';
import { con, prune, refTo, type TypeVar } from '../check/types';
import { mapContent } from '../../engine/std/hash-map';
import { ownerOf } from '../../engine/std/home';
import type { Loc } from './values';

export class MapValueLoc implements Loc {
  constructor(readonly m: Machine, readonly map: MapValue, readonly id: string) {}
  private entry() {
    const e = this.map.entries.get(this.id);
    if (!e) throw new Error('a reference into a HashMap outlived its entry');
    return e;
  }
  get(): RValue {
    return this.entry().value;
  }
  set(v: RValue): void {
    const e = this.entry();
    const old = e.value;
    e.value = v;
    this.m.dropValue(old);
    this.m.adopt(v, ownerOf(this.home()));
    this.changed();
  }
  changed(): void {
    if (this.map.block) this.m.setContent(this.map.block, mapContent(this.map));
  }
  home(): Home {
    return this.map.block ? { kind: 'block', block: this.map.block, container: this.map } : { kind: 'temp' };
  }
  target(): PlaceRef {
    const index = [...this.map.entries.keys()].indexOf(this.id);
    return this.map.block ? { kind: 'block', block: this.map.block, offset: Math.max(0, index) * this.map.entry.size } : (null as unknown as PlaceRef);
  }
  take(): RValue {
    const e = this.entry();
    const v = e.value;
    e.value = { tag: 'unit', ty: { kind: 'unit' } };
    return v;
  }
}

/** The key of a HashMap entry (or a HashSet's element), read-only. */
export class MapKeyLoc extends MapValueLoc {
  override get(): RValue {
    const e = this.map.entries.get(this.id);
    if (!e) throw new Error('a reference into a HashMap outlived its entry');
    return e.key;
  }
}

/**
 * What a for loop over a map yields, by the iterator's type: `&map` / `map.iter()` give
 * `(&K, &V)`, `&mut map` gives `(&K, &mut V)`, `keys()` `&K`, `values()` `&V`, `values_mut()`
 * `&mut V`, a HashSet `&T`; `map` by value gives `(K, V)` and frees the table after the loop.
 */
export type MapWalk = 'entries' | 'keys' | 'values' | 'owned';

/** The item type of iterating `t` when it is a map or one of its iterators, else undefined. */
export function mapIterElem(t: TypeVar): { elem: TypeVar; walk: MapWalk } | undefined {
  const p = prune(t);
  if (p.k !== 'con') return undefined;
  const kv = (m: Extract<TypeVar, { k: 'con' }>, mutable: boolean): TypeVar => con('tuple', refTo(m.args[0]!, false), refTo(m.args[1]!, mutable));
  switch (p.c) {
    case 'HashMap':
    case 'BTreeMap':
      return { elem: con('tuple', p.args[0]!, p.args[1]!), walk: 'owned' };
    case 'HashSet':
    case 'BTreeSet':
      return { elem: p.args[0]!, walk: 'owned' };
    case 'MapIter':
      return { elem: kv(p, !!p.mutable), walk: 'entries' };
    case 'Keys':
      return { elem: refTo(p.args[0]!, false), walk: 'keys' };
    case 'Values':
      return { elem: refTo(p.args[0]!, !!p.mutable), walk: 'values' };
    case 'ref': {
      const inner = prune(p.args[0]!);
      if (inner.k !== 'con') return undefined;
      if (inner.c === 'HashMap' || inner.c === 'BTreeMap') return { elem: kv(inner, !!p.mutable), walk: 'entries' };
      if (inner.c === 'HashSet' || inner.c === 'BTreeSet') return { elem: refTo(inner.args[0]!, false), walk: 'keys' };
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The items of one pass over `map`, made before the loop starts (the map is borrowed meanwhile). */
export function mapItems(m: Machine, map: MapValue, walk: MapWalk, elem: Ty): RValue[] {
  const ids = [...map.entries.keys()];
  const tupleTy = elem;
  const parts = elem.kind === 'tuple' ? elem.items : [elem];
  const keyRef = (id: string) => ({ tag: 'ref', ty: parts[0]!, target: new MapKeyLoc(m, map, id).target(), loc: new MapKeyLoc(m, map, id) }) as RValue;
  const valRef = (id: string, ty: Ty) => ({ tag: 'ref', ty, target: new MapValueLoc(m, map, id).target(), loc: new MapValueLoc(m, map, id) }) as RValue;
  switch (walk) {
    case 'entries':
      return ids.map((id) => (map.set ? keyRef(id) : { tag: 'tuple', ty: tupleTy, items: [keyRef(id), valRef(id, parts[1]!)] }));
    case 'keys':
      return ids.map(keyRef);
    case 'values':
      return ids.map((id) => valRef(id, elem));
    case 'owned': {
      const items = [...map.entries.values()].map((e): RValue => (map.set ? e.key : { tag: 'tuple', ty: tupleTy, items: [e.key, e.value] }));
      map.entries.clear();
      return items;
    }
  }
}
