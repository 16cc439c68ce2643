/**
 * `HashMap<K, V>` and `HashSet<T>` (std::collections), one entry per method. The table's heap
 * block follows hashbrown (engine/std/hash-map.ts over hash-table.ts); keys are looked up by
 * their value (`K: Borrow<Q>`: a `HashMap<String, _>` takes `&str` keys too). `entry(k)` reserves
 * one slot for a new key at once, as std's does, before `or_insert`'s argument is evaluated.
 */
import type { MapValue, RValue } from '../../engine/memory/rvalue';
import { ownerOf } from '../../engine/std/home';
import { keyIdentity, mapCapacity, mapClear, mapInsert, mapNew, mapRemove, mapReserve, mapTakeNext, mapWithCapacity } from '../../engine/std/hash-map';
import { BOOL, con, fresh, prune, refTo, UNIT, USIZE, type TypeVar } from '../check/types';
import { RustPanic, RustSubsetError } from '../errors';
import { type Act, engineTy } from '../run/context';
import { MapValueLoc, mapItems, mapIterElem } from '../run/map-places';
import { iterValue, listIter } from '../run/iter-value';
import { bool, deref, follow, makeRef, num, option, scalar, UNIT_V, USIZE_TY, type Loc } from '../run/values';
import type { MethodExpr, MethodRun, MethodTyping, Recv, StdFn, StdMethod } from './table';

export const keyOf = (v: RValue) => keyIdentity(deref(v), follow);
export const mapAt = (loc: Loc) => deref(loc.get()) as MapValue;

/** Re-records the map where it lives (its length, its table block's owner). */
export function settle(x: MethodRun, loc: Loc): void {
  x.rt.m.adopt(mapAt(loc), ownerOf(loc.home()));
  loc.changed();
}

/**
 * `&Q` where `K: Borrow<Q>`: `&K`, or `&str` for String / &str keys. Returns nothing; rustc's
 * E0308 when the argument is not a reference to the key type.
 */
function borrowedKey(x: MethodTyping, key: TypeVar): void {
  x.argCount(1);
  const t = fresh();
  x.unifyArg(0, t);
  const p = prune(t);
  if (p.k === 'con' && p.c === 'ref') {
    const inner = prune(p.args[0]!);
    const k = prune(key);
    const text = (c: TypeVar): boolean => {
      const q = prune(c);
      return q.k === 'con' && (q.c === 'String' || q.c === 'str' || (q.c === 'ref' && text(q.args[0]!)));
    };
    if (text(k) && text(inner)) return;
  }
  x.coerceArg(0, refTo(key, false));
}

function typeArgs(x: { recv: Extract<TypeVar, { k: 'con' }> }): [TypeVar, TypeVar] {
  return [x.recv.args[0]!, x.recv.args[1] ?? con('unit')];
}

function newFns(name: 'HashMap' | 'HashSet'): StdFn[] {
  const parts = (x: { ty: import('../../engine/layout/types').Ty }) => {
    const args = (x.ty as Extract<import('../../engine/layout/types').Ty, { kind: 'std' }>).args;
    return [args[0]!, name === 'HashMap' ? args[1]! : undefined] as const;
  };
  const ty = (x: { fresh(): TypeVar }) => (name === 'HashMap' ? con(name, x.fresh(), x.fresh()) : con(name, x.fresh()));
  return [
    {
      path: `${name}::new`,
      type: (x) => (x.argCount(0), ty(x)),
      run: (x) => {
        const [k, v] = parts(x);
        return () => mapNew(x.rt.m, x.ty, k, v);
      },
    },
    {
      path: `${name}::with_capacity`,
      type: (x) => (x.argCount(1), x.unifyAt(0, USIZE, x.args()[0]!), ty(x)),
      run: (x) => {
        const [k, v] = parts(x);
        const n = x.arg(0);
        return (a) => mapWithCapacity(x.rt.m, x.ty, k, v, num(n(a)));
      },
    },
  ];
}

export const hashFns: StdFn[] = [...newFns('HashMap'), ...newFns('HashSet')];

const BOTH: readonly Recv[] = ['HashMap', 'HashSet', 'BTreeMap', 'BTreeSet'];
const HASHED: readonly Recv[] = ['HashMap', 'HashSet'];
const MAPS: readonly Recv[] = ['HashMap', 'BTreeMap'];
const SETS: readonly Recv[] = ['HashSet', 'BTreeSet'];
/** A set's type rules: HashSet and BTreeSet (a map to `()`). */
const isSet = (c: string) => c === 'HashSet' || c === 'BTreeSet';

/** The `Option<&V>` / `Option<&mut V>` of a lookup. */
function lookup(x: MethodRun, mutable: boolean): (a: Act) => RValue {
  const key = x.operand(0);
  const refTy = engineTy(refTo(typeArgs(x)[1], mutable));
  return (a) => {
    const loc = x.place(a);
    const id = keyOf(key(a));
    return option(x.ty, mapAt(loc).entries.has(id) ? makeRef(refTy, new MapValueLoc(x.rt.m, mapAt(loc), id)) : null);
  };
}

export const hashMethods: StdMethod[] = [
  {
    name: 'len',
    on: BOTH,
    type: (x) => x.noArgs(USIZE),
    run: (x) => (a) => scalar(USIZE_TY, mapAt(x.place(a)).entries.size),
  },
  {
    name: 'is_empty',
    on: BOTH,
    type: (x) => x.noArgs(BOOL),
    run: (x) => (a) => bool(mapAt(x.place(a)).entries.size === 0),
  },
  {
    name: 'capacity',
    on: HASHED,
    type: (x) => x.noArgs(USIZE),
    run: (x) => (a) => scalar(USIZE_TY, mapCapacity(mapAt(x.place(a)))),
  },
  {
    name: 'clear',
    on: BOTH,
    mutates: true,
    type: (x) => x.noArgs(UNIT),
    run: (x) => (a) => {
      const loc = x.place(a);
      mapClear(x.rt.m, mapAt(loc));
      settle(x, loc);
      return UNIT_V;
    },
  },
  {
    name: 'reserve',
    on: HASHED,
    mutates: true,
    type: (x) => x.oneArg(USIZE, UNIT),
    run: (x) => {
      const n = x.arg(0);
      return (a) => {
        const loc = x.place(a);
        mapReserve(x.rt.m, mapAt(loc), num(n(a)));
        settle(x, loc);
        return UNIT_V;
      };
    },
  },
  {
    // HashMap: `Option<V>`, the value the key had; HashSet: whether the value was new.
    name: 'insert',
    on: BOTH,
    mutates: true,
    type: (x) => {
      const [k, v] = typeArgs(x);
      if (isSet(x.recv.c)) return x.oneArg(k, BOOL);
      x.argCount(2);
      x.coerceArg(0, k);
      x.coerceArg(1, v);
      return con('Option', v);
    },
    run: (x) => {
      const set = isSet(x.recv.c);
      const key = x.arg(0);
      const value = set ? undefined : x.arg(1);
      return (a) => {
        const loc = x.place(a);
        const k = key(a);
        const v = value ? value(a) : UNIT_V;
        const map = mapAt(loc);
        const id = keyOf(k);
        if (set && map.entries.has(id)) {
          x.rt.m.dropValue(k);
          return bool(false);
        }
        const old = mapInsert(x.rt.m, map, id, k, v);
        settle(x, loc);
        return set ? bool(true) : option(x.ty, old ?? null);
      };
    },
  },
  {
    name: 'contains_key',
    on: MAPS,
    type: (x) => (borrowedKey(x, typeArgs(x)[0]), BOOL),
    run: (x) => {
      const key = x.operand(0);
      return (a) => bool(mapAt(x.place(a)).entries.has(keyOf(key(a))));
    },
  },
  {
    name: 'contains',
    on: SETS,
    type: (x) => (borrowedKey(x, typeArgs(x)[0]), BOOL),
    run: (x) => {
      const key = x.operand(0);
      return (a) => bool(mapAt(x.place(a)).entries.has(keyOf(key(a))));
    },
  },
  {
    name: 'get',
    on: MAPS,
    type: (x) => (borrowedKey(x, typeArgs(x)[0]), con('Option', refTo(typeArgs(x)[1], false))),
    run: (x) => lookup(x, false),
  },
  {
    name: 'get_mut',
    on: MAPS,
    mutates: true,
    type: (x) => (borrowedKey(x, typeArgs(x)[0]), con('Option', refTo(typeArgs(x)[1], true))),
    run: (x) => lookup(x, true),
  },
  {
    // HashMap: the removed value (its key dropped); HashSet: whether the value was there (it is dropped).
    name: 'remove',
    on: BOTH,
    mutates: true,
    type: (x) => (borrowedKey(x, typeArgs(x)[0]), isSet(x.recv.c) ? BOOL : con('Option', typeArgs(x)[1])),
    run: (x) => {
      const set = isSet(x.recv.c);
      const key = x.operand(0);
      return (a) => {
        const loc = x.place(a);
        const old = mapRemove(x.rt.m, mapAt(loc), keyOf(key(a)));
        settle(x, loc);
        if (set) {
          if (old) x.rt.m.dropValue(old);
          return bool(old !== undefined);
        }
        return option(x.ty, old ?? null);
      };
    },
  },
  {
    // `map.entry(key)`: only as the receiver of or_insert / or_insert_with / or_default.
    name: 'entry',
    on: MAPS,
    mutates: true,
    type: (x) => {
      const [k, v] = typeArgs(x);
      x.oneArg(k, UNIT);
      return con('Entry', k, v);
    },
    run: (x) => x.k.subset(x.e.pos, 'an Entry is supported as the receiver of or_insert, or_insert_with and or_default', 'call_expression'),
  },
  intoIter('into_iter'),
  intoIter('into_keys'),
  intoIter('into_values'),
  ...(
    [
      ['iter', BOTH, (k: TypeVar, v: TypeVar, set: boolean) => (set ? con('Keys', k) : con('MapIter', k, v))],
      ['keys', MAPS, (k: TypeVar) => con('Keys', k)],
      ['values', MAPS, (_k: TypeVar, v: TypeVar) => con('Values', v)],
      ['values_mut', MAPS, (_k: TypeVar, v: TypeVar) => ({ ...con('Values', v), mutable: true })],
    ] as const
  ).map(
    ([name, on, ty]): StdMethod => ({
      // Iterators over a map (a for loop walks `map.iter()` itself, control.ts): the items are
      // references into the table, taken when the iterator is made (the map is borrowed meanwhile).
      name,
      on,
      mutates: name === 'values_mut',
      type: (x) => x.noArgs(ty(typeArgs(x)[0], typeArgs(x)[1], isSet(x.recv.c))),
      run: (x) => {
        const walk = mapIterElem(x.e.ty!)!;
        const elem = engineTy(walk.elem);
        const iterName = name === 'iter' ? 'Iter' : name === 'keys' ? 'Keys' : name === 'values' ? 'Values' : 'ValuesMut';
        return (a) => iterValue(x.ty, iterName, [], listIter(mapItems(x.rt.m, mapAt(x.place(a)), walk.walk, elem), false));
      },
    }),
  ),
];

/**
 * `map.into_iter()` / `into_keys()` / `into_values()` (and a set's `into_iter()`) outside a `for`
 * loop: an IntoIter holding the map (64 bytes, as hashbrown's RawIntoIter), each item moved out of
 * the table as it is asked for; a dropped half (IntoKeys' value) drops then. What is left, and
 * the table block, go when the iterator drops (hashbrown frees the allocation in IntoIter's drop,
 * so `collect()` allocates its Vec before the table is freed). Not TrustedLen: collect pre-sizes
 * as for any exact hint.
 */
function intoIter(name: 'into_iter' | 'into_keys' | 'into_values'): StdMethod {
  const part = name === 'into_keys' ? 0 : name === 'into_values' ? 1 : undefined;
  return {
    name,
    on: name === 'into_iter' ? HASHED : ['HashMap'],
    ownRecv: true,
    type: (x) => {
      if (prune(x.e.recv.ty!).k === 'con' && (prune(x.e.recv.ty!) as { c: string }).c === 'ref')
        throw new RustSubsetError(`\`${name}()\` on a reference to a map is not supported yet (use iter())`, x.e.namePos.line, x.e.namePos.col, 'call_expression');
      const [k, v] = typeArgs(x);
      const item = isSet(x.recv.c) ? k : part === 0 ? k : part === 1 ? v : con('tuple', k, v);
      return x.noArgs(con('iter:IntoIter', item, ...Array<TypeVar>(8).fill(USIZE)));
    },
    run: (x) => {
      const recv = x.k.value(x.e.recv);
      const set = isSet(x.recv.c);
      const tupleTy = engineTy(con('tuple', ...typeArgs(x)));
      return (a) => {
        const map = recv(a) as MapValue;
        const take = (): RValue | undefined => {
          const e = mapTakeNext(x.rt.m, map);
          if (!e) return undefined;
          if (set) return e.key;
          if (part === undefined) return { tag: 'tuple', ty: tupleTy, items: [e.key, e.value] };
          x.rt.m.dropValue(part === 0 ? e.value : e.key);
          return part === 0 ? e.key : e.value;
        };
        const left = () => map.entries.size;
        return iterValue(x.ty, name === 'into_iter' ? 'IntoIter' : name === 'into_keys' ? 'IntoKeys' : 'IntoValues', [['map', map]], {
          trusted: false,
          next: take,
          hint: () => [left(), left()],
        });
      };
    },
  };
}

/** `map[&key]` / `map["key"]`: the value, or std's panic. */
export function mapIndexLoc(m: import('../../engine/memory/machine').Machine, loc: Loc, key: RValue, line: number): Loc {
  const map = mapAt(loc);
  const id = keyOf(key);
  if (!map.entries.has(id)) throw new RustPanic('no entry found for key', line);
  return new MapValueLoc(m, map, id);
}
