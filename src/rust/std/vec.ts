/** `Vec<T>` and its `.iter()`: associated functions and methods, one entry each. */
import { cloneValue } from '../../engine/std/clone';
import type { Machine } from '../../engine/memory/machine';
import type { Ty } from '../../engine/layout/types';
import type { Home, RValue, VecValue } from '../../engine/memory/rvalue';
import {
  vecClear, vecInsert, vecNew, vecPop, vecPush, vecRemove, vecReserve, vecReserveExact, vecShrinkToFit, vecTruncate, vecWithCapacity,
} from '../../engine/std/vec';
import { BOOL, con, refTo, UNIT, USIZE, type TypeVar } from '../check/types';
import { arith } from '../run/operators';
import { engineTy } from '../run/context';
import { after, bool, deref, num, option, scalar, UNIT_V, USIZE_TY, valueEq, type Loc } from '../run/values';
import { RustPanic } from '../errors';
import type { Expr } from '../syntax/ast';
import type { StdFn, StdMethod } from './table';
import { elemOf } from './table';

/** A push of one element into a growable buffer (`Vec::push`, `VecDeque::push_back`/`push_front`): the element is evaluated after the place, as Rust does. */
export function pushEntry(name: string, type: 'Vec' | 'VecDeque', put: (m: Machine, v: VecValue, item: RValue, home: Home) => void): StdMethod {
  return {
    name,
    on: [type],
    mutates: true,
    type: (x) => x.oneArg(elemOf(x), UNIT),
    run: (x) => {
      const item = x.arg(0);
      return (a) => {
        const loc = x.place(a);
        const v = item(a);
        put(x.rt.m, deref(loc.get()) as VecValue, v, loc.home());
        after(loc);
        return UNIT_V;
      };
    },
  };
}

/** `T::new()` and `T::with_capacity(n)` of a growable buffer of elements (Vec, VecDeque). */
export function bufferFns(type: 'Vec' | 'VecDeque', make: (m: Machine, elem: Ty) => RValue, withCapacity: (m: Machine, elem: Ty, n: number) => RValue): StdFn[] {
  return [
    {
      path: `${type}::new`,
      type: (x) => (x.argCount(0), con(type, x.fresh())),
      run: (x) => {
        const elem = x.elem();
        return () => make(x.rt.m, elem);
      },
    },
    {
      path: `${type}::with_capacity`,
      type: (x) => (x.argCount(1), x.unifyAt(0, USIZE, x.args()[0]!), con(type, x.fresh())),
      run: (x) => {
        const elem = x.elem();
        const n = x.arg(0);
        return (a) => withCapacity(x.rt.m, elem, num(n(a)));
      },
    },
  ];
}

export const vecFns: StdFn[] = bufferFns('Vec', vecNew, vecWithCapacity);

const vec = (loc: Loc) => deref(loc.get()) as VecValue;

/** A `&mut self` Vec method that changes the Vec in place and returns `()`. */
function inPlace(name: string, type: StdMethod['type'], change: (m: Machine, v: VecValue, home: Home, arg: number) => void, hasArg = false): StdMethod {
  return {
    name,
    on: ['Vec'],
    mutates: true,
    type,
    run: (x) => {
      const arg = hasArg ? x.arg(0) : undefined;
      return (a) => {
        const loc = x.place(a);
        change(x.rt.m, vec(loc), loc.home(), arg ? num(arg(a)) : 0);
        after(loc);
        return UNIT_V;
      };
    },
  };
}

/** The `T` of the receiver's `Vec<T>` / `Iter<T>`. */

export const vecMethods: StdMethod[] = [
  {
    name: 'capacity',
    on: ['Vec'],
    type: (x) => x.noArgs(USIZE),
    run: (x) => (a) => scalar(USIZE_TY, vec(x.place(a)).cap),
  },
  pushEntry('push', 'Vec', vecPush),
  {
    name: 'pop',
    on: ['Vec'],
    mutates: true,
    type: (x) => x.noArgs(con('Option', elemOf(x))),
    run: (x) => (a) => {
      const loc = x.place(a);
      const item = vecPop(x.rt.m, vec(loc), loc.home());
      after(loc);
      return option(x.ty, item);
    },
  },
  inPlace('clear', (x) => x.noArgs(UNIT), (m, v, home) => vecClear(m, v, home)),
  inPlace('shrink_to_fit', (x) => x.noArgs(UNIT), (m, v, home) => vecShrinkToFit(m, v, home)),
  inPlace('reserve', (x) => x.oneArg(USIZE, UNIT), (m, v, home, n) => vecReserve(m, v, n, home), true),
  inPlace('reserve_exact', (x) => x.oneArg(USIZE, UNIT), (m, v, home, n) => vecReserveExact(m, v, n, home), true),
  inPlace('truncate', (x) => x.oneArg(USIZE, UNIT), (m, v, home, n) => vecTruncate(m, v, n, home), true),
  {
    name: 'insert',
    on: ['Vec'],
    mutates: true,
    type: (x) => {
      x.argCount(2);
      x.unifyArg(0, USIZE);
      x.coerceArg(1, elemOf(x));
      return UNIT;
    },
    run: (x) => {
      const i = x.arg(0);
      const item = x.arg(1);
      return (a) => {
        const loc = x.place(a);
        const index = num(i(a));
        const v = vec(loc);
        if (index > v.len) throw new RustPanic(`insertion index (is ${index}) should be <= len (is ${v.len})`, x.line);
        vecInsert(x.rt.m, v, index, item(a), loc.home());
        after(loc);
        return UNIT_V;
      };
    },
  },
  {
    name: 'remove',
    on: ['Vec'],
    mutates: true,
    type: (x) => x.oneArg(USIZE, elemOf(x)),
    run: (x) => {
      const i = x.arg(0);
      return (a) => {
        const loc = x.place(a);
        const index = num(i(a));
        const v = vec(loc);
        if (index >= v.len) throw new RustPanic(`removal index (is ${index}) should be < len (is ${v.len})`, x.line);
        const item = vecRemove(x.rt.m, v, index, loc.home());
        after(loc);
        return item;
      };
    },
  },
  {
    name: 'clone',
    on: ['Vec'],
    type: (x) => x.noArgs(x.recv),
    run: (x) => (a) => cloneValue(x.rt.m, vec(x.place(a))),
  },
];
