/**
 * `map.entry(k)` and what takes it: `or_insert(v)`, `or_insert_with(f)`, `or_default()`, after an
 * optional `and_modify(g)` (HashMap and BTreeMap; the map itself is std/hashmap.ts). Its own
 * module: it calls closures (run/closures.ts), which std/hashmap.ts may not import (run/slices.ts
 * imports it for `map[k]`).
 */
import { mapInsert, mapReserve } from '../../engine/std/hash-map';
import { prune, refTo, UNIT } from '../check/types';
import { RustSubsetError } from '../errors';
import { invoke } from '../run/closures';
import { engineTy } from '../run/context';
import { checkDefault, defaultValue as programDefault, type DefaultCaller } from '../run/defaults';
import { MapValueLoc } from '../run/map-places';
import { makeRef, TempLoc } from '../run/values';
import { keyOf, mapAt, settle } from './hashmap';
import { defaultValue, hasDefault } from './mem';
import type { MethodExpr, MethodRun, StdMethod } from './table';

/**
 * `map.entry(k).and_modify(f)`: only as the receiver of or_insert / or_insert_with / or_default,
 * which run it (f gets `&mut V` when the key is there; unused, it is dropped).
 */
function andModify(): StdMethod {
  return {
    name: 'and_modify',
    on: ['Entry'],
    ownRecv: true,
    type: (x) => (x.closureArg(0, [refTo(x.recv.args[1]!, true)], UNIT, 'FnOnce'), x.recv),
    run: (x) => x.k.subset(x.e.pos, 'and_modify is supported as the receiver of or_insert, or_insert_with and or_default', 'call_expression'),
  };
}

/**
 * `map.entry(k).or_insert(v)` / `.or_insert_with(f)` / `.or_default()`, after an optional
 * `.and_modify(g)`: `&mut V` of the entry, inserting first when vacant. In std's order: the key,
 * entry's reserve(1) when vacant, g called on an occupied value, then v (or f() when vacant).
 */
function orInsert(name: 'or_insert' | 'or_default' | 'or_insert_with'): StdMethod {
  return {
    name,
    on: ['Entry'],
    ownRecv: true,
    type: (x) => {
      const v = x.recv.args[1]!;
      if (name === 'or_default') {
        x.noArgs(UNIT);
        const p = prune(v);
        // A program's type: its Default (derived or its own) is checked where the call compiles.
        if (!hasDefault(v) && !(p.k === 'con' && p.c.startsWith('adt:'))) throw new RustSubsetError(`or_default() for values of this type is not supported yet`, x.e.namePos.line, x.e.namePos.col, 'call_expression');
      } else if (name === 'or_insert_with') x.closureArg(0, [], v, 'FnOnce');
      else x.oneArg(v, UNIT);
      return refTo(v, true);
    },
    run: (x) => {
      let entry = x.e.recv as MethodExpr;
      const modified = entry.k === 'method' && entry.name === 'and_modify' ? entry : undefined;
      if (modified) entry = modified.recv as MethodExpr;
      if (entry.k !== 'method' || entry.name !== 'entry') x.k.subset(x.e.pos, `${name} is supported on map.entry(key)`, 'call_expression');
      // The entry call's own checks: a mutable borrow of the map.
      x.k.checks.checkMutableRecv(entry.recv);
      x.k.checks.accessPlace(entry.recv, entry.recv.pos, 'mutborrow');
      const mapLoc = x.k.derefPlace(entry.recv, true);
      const key = x.k.value(entry.args[0]!);
      const modify = modified && x.k.value(modified.args[0]!);
      const value = name === 'or_insert' ? x.arg(0) : undefined;
      const make = name === 'or_insert_with' ? x.arg(0) : undefined;
      const vTy = engineTy(x.recv.args[1]!);
      if (name === 'or_default' && vTy.kind === 'adt') checkDefault((x.k as unknown as DefaultCaller).prog, vTy, x.e.pos);
      const refTy = engineTy(refTo(x.recv.args[1]!, true));
      const line = x.line;
      return (a) => {
        const loc = mapLoc(a);
        const map = mapAt(loc);
        const k = key(a);
        const id = keyOf(k);
        const vacant = !map.entries.has(id);
        if (vacant) mapReserve(x.rt.m, map, 1);
        if (modify) {
          const g = new TempLoc(modify(a));
          if (vacant) x.rt.m.dropValue(g.take());
          else invoke(x.rt, g, [makeRef(refTy, new MapValueLoc(x.rt.m, map, id))], line, true);
        }
        const f = make && new TempLoc(make(a));
        if (f && !vacant) x.rt.m.dropValue(f.take());
        const v = value ? value(a) : f ? (vacant ? invoke(x.rt, f, [], line, true) : undefined) : vacant ? (vTy.kind === 'adt' ? programDefault(x.k as unknown as DefaultCaller, vTy, line) : defaultValue(x.rt.m, vTy)) : undefined;
        if (vacant) {
          mapInsert(x.rt.m, map, id, k, v!);
          settle({ ...x, place: mapLoc } as MethodRun, loc);
        } else {
          x.rt.m.dropValue(k);
          if (v) x.rt.m.dropValue(v);
        }
        void line;
        return makeRef(refTy, new MapValueLoc(x.rt.m, map, id));
      };
    },
  };
}

export const mapEntryMethods: StdMethod[] = [orInsert('or_insert'), orInsert('or_default'), orInsert('or_insert_with'), andModify()];
