/**
 * Vec methods that add or split off elements: `resize`, `extend_from_slice`, `extend` (from a
 * Vec or array by value, or a slice of Copy items) and `split_off`. How they allocate is std's,
 * in engine/std/vec.ts: one amortised reserve for what is added, an exact buffer for a split-off tail.
 */
import { cloneValue } from '../../engine/std/clone';
import type { RValue, VecValue } from '../../engine/memory/rvalue';
import { vecExtend, vecReserve, vecResize, vecSplitOff } from '../../engine/std/vec';
import { arrayOf, con, prune, refTo, unify, UNIT, USIZE, type TypeVar } from '../check/types';
import { RustPanic } from '../errors';
import { isCopyTy } from '../run/context';

import { after, copyOf, deref, num, UNIT_V } from '../run/values';
import type { MethodRun, MethodTyping, StdMethod } from './table';
import { iterItem } from './iterators';
import { iterOf } from '../run/iterators';
import { engineTy, type Ev } from '../run/context';
import { extendVec } from '../../engine/std/collect';
import { elemOf } from './table';


/**
 * `extend` with a Vec by value, or an iterator (`v.extend(w.iter())`, `v.extend(it.map(..))`)
 * whose items are the elements or references to Copy elements (`Extend<&T>`).
 */
function extendFrom(x: MethodTyping, elem: TypeVar): void {
  const t = x.fresh();
  x.unifyArg(0, t);
  const item = iterItem(t);
  if (!item) return void unify(t, con('Vec', elem));
  const p = prune(item);
  if (p.k === 'con' && p.c === 'ref' && !(prune(elem).k === 'con' && (prune(elem) as { c: string }).c === 'ref')) unify(p.args[0]!, elem);
  else unify(item, elem);
}

function extendRun(x: MethodRun, src: Ev): Ev {
  const item = prune(iterItem(x.e.args[0]!.ty!)!);
  const byRef = item.k === 'con' && item.c === 'ref' && engineTy(elemOf(x)).kind !== 'ref';
  return (a) => {
    const loc = x.place(a);
    const iter = src(a);
    const v = deref(loc.get()) as VecValue;
    extendVec(x.rt.m, v, iterOf(iter), loc.home(), byRef ? (r) => copyOf(deref(r)) : undefined);
    x.rt.m.dropValue(iter);
    after(loc);
    return UNIT_V;
  };
}

export const vecGrowMethods: StdMethod[] = [
  {
    name: 'resize',
    on: ['Vec'],
    mutates: true,
    type: (x) => {
      x.argCount(2);
      x.unifyArg(0, USIZE);
      x.coerceArg(1, elemOf(x));
      return UNIT;
    },
    run: (x) => {
      const n = x.arg(0);
      const value = x.arg(1);
      const copy = isCopyTy(elemOf(x), x.k.prog);
      return (a) => {
        const loc = x.place(a);
        const len = num(n(a));
        const v = value(a);
        vecResize(x.rt.m, deref(loc.get()) as VecValue, len, v, copy ? copyOf : (item) => cloneValue(x.rt.m, item), loc.home());
        after(loc);
        return UNIT_V;
      };
    },
  },
  {
    name: 'extend_from_slice',
    on: ['Vec'],
    mutates: true,
    type: (x) => x.oneArg(refTo(con('slice', elemOf(x)), false), UNIT),
    run: (x) => {
      const src = x.arg(0);
      const copy = isCopyTy(elemOf(x), x.k.prog);
      return (a) => {
        const loc = x.place(a);
        const from = (deref(src(a)) as { items: RValue[] }).items;
        // std reserves first, then clones each element into place.
        const v = deref(loc.get()) as VecValue;
        vecReserve(x.rt.m, v, from.length, loc.home());
        const items = from.map((i) => (copy ? copyOf(i) : cloneValue(x.rt.m, i)));
        vecExtend(x.rt.m, v, items, loc.home());
        after(loc);
        return UNIT_V;
      };
    },
  },
  {
    // `extend` from a Vec or an array by value (its items move in), or from `&v` / `&[..]` of Copy items.
    name: 'extend',
    on: ['Vec'],
    mutates: true,
    type: (x) => {
      x.argCount(1);
      const elem = elemOf(x);
      const arg = x.e.args[0]!;
      if (arg.k !== 'ref' && arg.k !== 'array') {
        extendFrom(x, elem);
        return UNIT;
      }
      x.coerceArg(0, arg.k === 'ref' ? refTo(con('slice', elem), false) : arg.k === 'array' ? arrayOf(elem, arg.items.length) : con('Vec', elem));
      return UNIT;
    },
    run: (x) => {
      const src = x.arg(0);
      if (iterItem(x.e.args[0]!.ty!)) return extendRun(x, src);
      const byRef = x.e.args[0]!.k === 'ref';
      return (a) => {
        const loc = x.place(a);
        const from = deref(src(a)) as VecValue;
        const v = deref(loc.get()) as VecValue;
        const items = byRef ? from.items.map(copyOf) : from.items;
        vecExtend(x.rt.m, v, items, loc.home());
        if (!byRef && from.tag === 'vec' && from.buf) x.rt.m.free(from.buf); // the moved-from Vec's buffer (IntoIter's drop)
        after(loc);
        return UNIT_V;
      };
    },
  },
  {
    name: 'split_off',
    on: ['Vec'],
    mutates: true,
    type: (x) => x.oneArg(USIZE, x.recv),
    run: (x) => {
      const at = x.arg(0);
      return (a) => {
        const loc = x.place(a);
        const i = num(at(a));
        const v = deref(loc.get()) as VecValue;
        if (i > v.len) throw new RustPanic(`\`at\` split index (is ${i}) should be <= len (is ${v.len})`, x.line);
        const tail = vecSplitOff(x.rt.m, v, i, loc.home());
        after(loc);
        return tail;
      };
    },
  },
];

