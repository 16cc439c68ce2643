/**
 * `Option`'s alternatives and in-place fills, one entry each: `or` / `or_else` / `xor` / `and`
 * (by value: what is not returned drops inside the call, as std's bodies drop it) and
 * `get_or_insert` / `get_or_insert_with` / `insert` (through `&mut self`, handing back `&mut T`
 * into the Option). Written after std 1.95's bodies: `get_or_insert(v)` is
 * `get_or_insert_with(|| v)`, so an unused `v` drops when the call ends; `insert` drops the old
 * payload before the new one moves in.
 */
import type { RValue } from '../../engine/memory/rvalue';
import { con, refTo } from '../check/types';
import { invoke } from '../run/closures';
import { engineTy } from '../run/context';
import { FieldLoc, makeRef, option, TempLoc } from '../run/values';
import { selfValue } from './combinators';
import type { MethodRun, StdMethod } from './table';

type EnumValue = Extract<RValue, { tag: 'enum' }>;
const isSome = (v: RValue) => (v as EnumValue).variant === 'Some';

/** Calls the FnOnce closure argument i with no arguments, or drops it unused. */
function thunk(x: MethodRun, i: number) {
  const f = x.arg(i);
  return (a: Parameters<typeof f>[0]) => {
    const loc = new TempLoc(f(a));
    return { call: () => invoke(x.rt, loc, [], x.line, true), drop: () => x.rt.m.dropValue(loc.take()) };
  };
}

/**
 * The runtime of a by-value method of `self` and one Option argument, both evaluated before the
 * call (Rust passes `optb` eagerly): `pick` returns the result and drops what it does not return.
 */
function withOther(pick: (x: MethodRun, v: RValue, o: RValue) => RValue): StdMethod['run'] {
  return (x) => {
    const self = selfValue(x);
    const other = x.arg(0);
    return (a) => {
      const v = self(a);
      return pick(x, v, other(a));
    };
  };
}

export const optionFillMethods: StdMethod[] = [
  {
    // `match self { x @ Some(_) => x, None => optb }`: an unused optb drops inside.
    name: 'or',
    on: ['Option'],
    ownRecv: true,
    type: (x) => x.oneArg(x.recv, x.recv),
    run: withOther((x, v, o) => {
      if (!isSome(v)) return o;
      x.rt.m.dropValue(o);
      return v;
    }),
  },
  {
    name: 'or_else',
    on: ['Option'],
    ownRecv: true,
    type: (x) => (x.closureArg(0, [], x.recv, 'FnOnce'), x.recv),
    run: (x) => {
      const self = selfValue(x);
      const f = thunk(x, 0);
      return (a) => {
        const v = self(a);
        const g = f(a);
        if (isSome(v)) {
          g.drop();
          return v;
        }
        return g.call();
      };
    },
  },
  {
    // `match self { Some(_) => optb, None => None }`: self's payload drops, or an unused optb.
    name: 'and',
    on: ['Option'],
    ownRecv: true,
    type: (x) => {
      x.argCount(1);
      const u = con('Option', x.fresh());
      x.coerceArg(0, u);
      return u;
    },
    run: withOther((x, v, o) => {
      x.rt.m.dropValue(isSome(v) ? v : o);
      return isSome(v) ? o : option(x.ty, null);
    }),
  },
  {
    // `match (self, optb) { (a @ Some(_), None) => a, (None, b @ Some(_)) => b, _ => None }`.
    name: 'xor',
    on: ['Option'],
    ownRecv: true,
    type: (x) => x.oneArg(x.recv, x.recv),
    run: withOther((x, v, o) => {
      if (isSome(v) !== isSome(o)) return isSome(v) ? v : o;
      x.rt.m.dropValue(v);
      x.rt.m.dropValue(o);
      return option(v.ty, null);
    }),
  },
  ...(['get_or_insert', 'get_or_insert_with', 'insert'] as const).map(
    (name): StdMethod => ({
      name,
      on: ['Option'],
      mutates: true,
      type: (x) => {
        const t = x.recv.args[0]!;
        if (name === 'get_or_insert_with') x.closureArg(0, [], t, 'FnOnce');
        else x.oneArg(t, t);
        return refTo(t, true);
      },
      run: (x) => {
        const value = name === 'get_or_insert_with' ? undefined : x.arg(0);
        const f = name === 'get_or_insert_with' ? thunk(x, 0) : undefined;
        const refTy = engineTy(refTo(x.recv.args[0]!, true));
        const optTy = engineTy(x.recv);
        return (a) => {
          const loc = x.place(a);
          const v = value?.(a);
          const g = f?.(a);
          if (name === 'insert' || !isSome(loc.get())) {
            const payload = v ?? g!.call();
            loc.set(option(optTy, payload));
          } else if (v) x.rt.m.dropValue(v);
          else g!.drop();
          return makeRef(refTy, new FieldLoc(x.rt.m, loc, 0));
        };
      },
    }),
  ),
];
