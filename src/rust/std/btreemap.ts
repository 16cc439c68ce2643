/**
 * `BTreeMap<K, V>` / `BTreeSet<T>` (std::collections): `new()`, with the keys' order for the
 * tree. Their methods are the map entries of std/hashmap.ts (a BTreeMap is a map value whose
 * nodes engine/std/btree-map.ts keeps); only the allocation differs: node by node, in key order.
 */
import type { Ty } from '../../engine/layout/types';
import type { RValue } from '../../engine/memory/rvalue';
import { bTreeNew } from '../../engine/std/btree-map';
import { con } from '../check/types';
import { RustSubsetError } from '../errors';
import { deref } from '../run/values';
import { cloneValue } from '../../engine/std/clone';
import type { StdFn, StdMethod } from './table';

/** Ord on the keys the subset orders: numbers, bool, char, text, and tuples of them (lexicographic). */
function keyCmp(line: number): (a: RValue, b: RValue) => number {
  const cmp = (a: RValue, b: RValue): number => {
    a = deref(a);
    b = deref(b);
    if (a.tag === 'scalar' && b.tag === 'scalar') return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
    if ((a.tag === 'str' || a.tag === 'string') && (b.tag === 'str' || b.tag === 'string')) return byteCmp(a.text, b.text);
    if (a.tag === 'tuple' && b.tag === 'tuple') {
      for (let i = 0; i < a.items.length; i++) {
        const c = cmp(a.items[i]!, b.items[i]!);
        if (c !== 0) return c;
      }
      return 0;
    }
    throw new RustSubsetError('BTreeMap / BTreeSet keys other than numbers, bool, char, strings and tuples of them are not supported yet', line, 1, 'call_expression');
  };
  return cmp;
}

/** str's Ord: by UTF-8 bytes (code points in order, which UTF-16 code units are not past U+FFFF). */
function byteCmp(x: string, y: string): number {
  const a = [...x];
  const b = [...y];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = a[i]!.codePointAt(0)! - b[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function newFn(name: 'BTreeMap' | 'BTreeSet'): StdFn {
  return {
    path: `${name}::new`,
    type: (x) => (x.argCount(0), name === 'BTreeMap' ? con(name, x.fresh(), x.fresh()) : con(name, x.fresh())),
    run: (x) => {
      const args = (x.ty as Extract<Ty, { kind: 'std' }>).args;
      const cmp = keyCmp(x.e.pos.line);
      return () => bTreeNew(x.rt.m, x.ty, args[0]!, name === 'BTreeMap' ? args[1]! : undefined, cmp);
    },
  };
}

export const bTreeFns: StdFn[] = [newFn('BTreeMap'), newFn('BTreeSet')];

export const bTreeMethods: StdMethod[] = [
  {
    // std's clone_subtree, node by node (engine/std/btree-map.ts bTreeClone); a HashMap's: a
    // table of the same buckets, then each entry cloned (engine/std/hash-map.ts mapClone).
    name: 'clone',
    on: ['BTreeMap', 'BTreeSet', 'HashMap', 'HashSet'],
    type: (x) => x.noArgs(x.recv),
    run: (x) => (a) => cloneValue(x.rt.m, deref(x.place(a).get())),
  },
];
