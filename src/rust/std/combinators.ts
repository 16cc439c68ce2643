/**
 * `Option` and `Result` combinators, one entry each: those taking `self` by value move (or copy) the
 * receiver, as std's signatures do; closures are called through run/closures.ts (a FnOnce call:
 * what the closure holds drops when it returns, or when it is not called at all).
 */
import type { Ty } from '../../engine/layout/types';
import type { RValue } from '../../engine/memory/rvalue';
import { writesOf } from '../../engine/std/fmt';
import { BOOL, con, prune, refTo, show, unify, type TypeVar } from '../check/types';
import { invoke } from '../run/closures';
import { type Act, type Ev, engineTy } from '../run/context';
import { bool, BoxLoc, copyOf, FieldLoc, type RefValue, follow, makeRef, option, TempLoc, textOf, type Loc } from '../run/values';
import { RustPanic, RustSubsetError } from '../errors';
import type { Expr } from '../syntax/ast';
import type { MethodRun, MethodTyping, StdMethod } from './table';
import { defaultValue, type DefaultCaller } from '../run/defaults';
import { cloneValue } from '../../engine/std/clone';

type EnumValue = Extract<RValue, { tag: 'enum' }>;

/** The receiver by value: moved out of its place (or copied), through a reference when it is Copy. */
export function selfValue(x: MethodRun): Ev {
  let recv: Expr = x.e.recv;
  let t = prune(recv.ty!);
  while (t.k === 'con' && t.c === 'ref') {
    t = prune(t.args[0]!);
    recv = { k: 'unary', op: '*', e: recv, pos: recv.pos, ty: t };
  }
  return x.k.value(recv);
}

/** Calls the closure argument i (moved into the method) on `args`; `call(a)` then gives a caller for it. */
function closure(x: MethodRun, i: number): (a: Act) => { call(args: RValue[]): RValue; drop(): void } {
  const f = x.arg(i);
  const rt = x.rt;
  const line = x.line;
  return (a) => {
    const loc: Loc = new TempLoc(f(a));
    return { call: (args) => invoke(rt, loc, args, line, true), drop: () => rt.m.dropValue(loc.take()) };
  };
}

const some = (v: EnumValue) => v.variant === 'Some' || v.variant === 'Ok';
const payload = (v: EnumValue) => v.fields[0]!;
const T = (x: MethodTyping) => x.recv.args[0]!;
const E = (x: MethodTyping) => x.recv.args[1]!;
const result = (ty: Ty, variant: 'Ok' | 'Err', v: RValue): RValue => ({ tag: 'enum', ty, name: 'Result', variant, fieldNames: ['0'], fields: [v] });

/** A by-value method over Option and Result alike, whose runtime sees the receiver and a closure. */
function byValue(name: string, on: ('Option' | 'Result')[], type: (x: MethodTyping) => TypeVar, run: (x: MethodRun, self: Ev) => Ev): StdMethod {
  return { name, on, ownRecv: true, type, run: (x) => run(x, selfValue(x)) };
}

const debugText = (v: RValue) => {
  const out: string[] = [];
  writesOf(v, true, out, follow);
  return out.join('');
};

export const combinatorMethods: StdMethod[] = [
  {
    name: 'clone',
    on: ['Option', 'Result'],
    type: (x) => x.noArgs(x.recv),
    run: (x) => (a) => cloneValue(x.rt.m, x.place(a).get()),
  },
  byValue(
    'map',
    ['Option', 'Result'],
    (x) => {
      const u = x.closureArg(0, [T(x)], undefined, 'FnOnce');
      return x.recv.c === 'Option' ? con('Option', u) : con('Result', u, E(x));
    },
    (x, self) => {
      const f = closure(x, 0);
      const ty = x.ty;
      return (a) => {
        const v = self(a) as EnumValue;
        const g = f(a);
        if (!some(v)) {
          g.drop();
          return { ...v, ty, fields: [...v.fields] };
        }
        const r = g.call([payload(v)]);
        return { ...v, ty, fields: [r] };
      };
    },
  ),
  byValue(
    'map_err',
    ['Result'],
    (x) => con('Result', T(x), x.closureArg(0, [E(x)], undefined, 'FnOnce')),
    (x, self) => {
      const f = closure(x, 0);
      const ty = x.ty;
      return (a) => {
        const v = self(a) as EnumValue;
        const g = f(a);
        if (some(v)) {
          g.drop();
          return { ...v, ty };
        }
        return { ...v, ty, fields: [g.call([payload(v)])] };
      };
    },
  ),
  byValue(
    'and_then',
    ['Option', 'Result'],
    (x) => {
      const out = x.recv.c === 'Option' ? con('Option', x.fresh()) : con('Result', x.fresh(), E(x));
      x.closureArg(0, [T(x)], out, 'FnOnce');
      return out;
    },
    (x, self) => {
      const f = closure(x, 0);
      const ty = x.ty;
      return (a) => {
        const v = self(a) as EnumValue;
        const g = f(a);
        if (!some(v)) {
          g.drop();
          return { ...v, ty };
        }
        return g.call([payload(v)]);
      };
    },
  ),
  byValue(
    'unwrap_or_else',
    ['Option', 'Result'],
    (x) => x.closureArg(0, x.recv.c === 'Option' ? [] : [E(x)], T(x), 'FnOnce'),
    (x, self) => {
      const f = closure(x, 0);
      return (a) => {
        const v = self(a) as EnumValue;
        const g = f(a);
        if (some(v)) {
          g.drop();
          return payload(v);
        }
        return g.call(v.variant === 'Err' ? [payload(v)] : []);
      };
    },
  ),
  byValue(
    'unwrap_or_default',
    ['Option', 'Result'],
    (x) => (x.argCount(0), T(x)),
    (x, self) => {
      const ty = x.ty;
      return (a) => {
        const v = self(a) as EnumValue;
        if (some(v)) return payload(v);
        x.rt.m.dropValue(v);
        return defaultValue(x.k as unknown as DefaultCaller, ty, x.line);
      };
    },
  ),
  byValue(
    'ok_or',
    ['Option'],
    (x) => {
      x.argCount(1);
      const err = x.fresh();
      x.unifyArg(0, err);
      return con('Result', T(x), err);
    },
    (x, self) => {
      const err = x.arg(0);
      const ty = x.ty;
      return (a) => {
        const v = self(a) as EnumValue;
        const e = err(a);
        if (some(v)) {
          x.rt.m.dropValue(e);
          return result(ty, 'Ok', payload(v));
        }
        return result(ty, 'Err', e);
      };
    },
  ),
  byValue(
    'ok_or_else',
    ['Option'],
    (x) => con('Result', T(x), x.closureArg(0, [], undefined, 'FnOnce')),
    (x, self) => {
      const f = closure(x, 0);
      const ty = x.ty;
      return (a) => {
        const v = self(a) as EnumValue;
        const g = f(a);
        if (some(v)) {
          g.drop();
          return result(ty, 'Ok', payload(v));
        }
        return result(ty, 'Err', g.call([]));
      };
    },
  ),
  byValue(
    'filter',
    ['Option'],
    (x) => (x.closureArg(0, [refTo(T(x), false)], BOOL, 'FnOnce'), x.recv),
    (x, self) => {
      const f = closure(x, 0);
      const refTy = engineTy(refTo(x.recv.args[0]!, false));
      return (a) => {
        const v = self(a) as EnumValue;
        const g = f(a);
        if (!some(v)) {
          g.drop();
          return v;
        }
        const keep = (g.call([makeRef(refTy, new TempLoc(payload(v)))]) as { v: boolean }).v;
        if (keep) return v;
        x.rt.m.dropValue(v);
        return option(v.ty, null);
      };
    },
  ),
  byValue(
    'is_some_and',
    ['Option'],
    (x) => (x.closureArg(0, [T(x)], BOOL, 'FnOnce'), BOOL),
    (x, self) => {
      const f = closure(x, 0);
      return (a) => {
        const v = self(a) as EnumValue;
        const g = f(a);
        if (!some(v)) {
          g.drop();
          return bool(false);
        }
        return g.call([payload(v)]);
      };
    },
  ),
  ...(['copied', 'cloned'] as const).map((name) =>
    byValue(
      name,
      ['Option'],
      (x) => {
        x.argCount(0);
        const t = prune(T(x));
        if (t.k === 'con' && t.c === 'ref') return con('Option', t.args[0]!);
        if (t.k === 'con') throw new RustSubsetError(`\`${name}\` on an \`${show(x.recv)}\` (not an Option of a reference) is not supported yet`, x.e.namePos.line, x.e.namePos.col, 'call_expression');
        const inner = x.fresh();
        unify(t, refTo(inner, false));
        return con('Option', inner);
      },
      (x, self) => {
        const ty = x.ty;
        return (a) => {
          const v = self(a) as EnumValue;
          if (!some(v)) return option(ty, null);
          const r = payload(v) as RefValue;
          return option(ty, name === 'copied' ? copyOf(r.loc.get()) : cloneValue(x.rt.m, r.loc.get()));
        };
      },
    ),
  ),
  // `ok`/`err`: the wanted variant's payload as an Option; the other variant is dropped.
  ...(['ok', 'err'] as const).map((name) =>
    byValue(
      name,
      ['Result'],
      (x) => (x.argCount(0), con('Option', name === 'ok' ? T(x) : E(x))),
      (x, self) => {
        const ty = x.ty;
        return (a) => {
          const v = self(a) as EnumValue;
          if (some(v) === (name === 'ok')) return option(ty, payload(v));
          x.rt.m.dropValue(v);
          return option(ty, null);
        };
      },
    ),
  ),
  // `unwrap`/`expect` and their `_err` twins: the wanted variant's payload, else std's panic.
  ...(['unwrap', 'expect', 'unwrap_err', 'expect_err'] as const).map((name) => {
    const wantOk = !name.endsWith('_err');
    const withMsg = name.startsWith('expect');
    const want = (x: MethodTyping) => (wantOk ? T(x) : E(x));
    return byValue(
      name,
      ['Result'],
      (x) => (withMsg ? x.textArg(want(x)) : (x.argCount(0), want(x))),
      (x, self) => {
        const msg = withMsg ? x.operand(0) : undefined;
        return (a) => {
          const v = self(a) as EnumValue;
          // The message is evaluated before the call, as Rust evaluates arguments.
          const m = msg && textOf(msg(a));
          if (some(v) === wantOk) return payload(v);
          throw new RustPanic(`${m ?? `called \`Result::${name}()\` on an \`${wantOk ? 'Err' : 'Ok'}\` value`}: ${debugText(payload(v))}`, x.line);
        };
      },
    );
  }),
  byValue(
    'unwrap_or',
    ['Result'],
    (x) => x.oneArg(T(x), T(x)),
    (x, self) => {
      const d = x.arg(0);
      return (a) => {
        const v = self(a) as EnumValue;
        const dv = d(a);
        if (!some(v)) {
          x.rt.m.dropValue(v);
          return dv;
        }
        x.rt.m.dropValue(dv);
        return payload(v);
      };
    },
  ),
  {
    name: 'is_ok',
    on: ['Result'],
    type: (x) => x.noArgs(BOOL),
    run: (x) => (a) => bool((x.place(a).get() as EnumValue).variant === 'Ok'),
  },
  {
    name: 'is_err',
    on: ['Result'],
    type: (x) => x.noArgs(BOOL),
    run: (x) => (a) => bool((x.place(a).get() as EnumValue).variant === 'Err'),
  },
  {
    name: 'take',
    on: ['Option'],
    mutates: true,
    type: (x) => x.noArgs(x.recv),
    run: (x) => (a) => {
      // The value moves out (nothing drops); None takes its place.
      const loc = x.place(a);
      const taken = loc.take() as EnumValue;
      loc.set(option(taken.ty, null));
      return taken;
    },
  },
  {
    name: 'as_ref',
    on: ['Option', 'Result'],
    type: (x) => (x.argCount(0), x.recv.c === 'Option' ? con('Option', refTo(T(x), false)) : con('Result', refTo(T(x), false), refTo(E(x), false))),
    run: (x) => asRef(x, false),
  },
  {
    name: 'as_mut',
    on: ['Option', 'Result'],
    mutates: true,
    type: (x) => (x.argCount(0), x.recv.c === 'Option' ? con('Option', refTo(T(x), true)) : con('Result', refTo(T(x), true), refTo(E(x), true))),
    run: (x) => asRef(x, true),
  },
  ...(['as_deref', 'as_deref_mut'] as const).map(
    (name): StdMethod => ({
      name,
      on: ['Option'],
      mutates: name === 'as_deref_mut',
      type: (x) => {
        x.argCount(0);
        const inner = prune(T(x));
        if (name === 'as_deref_mut' && inner.k === 'con' && (inner.c === 'String' || inner.c === 'Vec')) throw new RustSubsetError(`as_deref_mut on an Option<${inner.c}> is not supported yet`, x.e.namePos.line, x.e.namePos.col, 'call_expression');
        const target = inner.k === 'con' && inner.c === 'String' ? con('str') : inner.k === 'con' && (inner.c === 'Box' || inner.c === 'Vec') ? inner.args[0]! : inner;
        return con('Option', refTo(target, name === 'as_deref_mut'));
      },
      run: (x) => {
        const ty = x.ty;
        const strTy = engineTy(refTo(con('str'), false));
        return (a) => {
          const v = x.place(a).get() as EnumValue;
          if (!some(v)) return option(ty, null);
          const inner = payload(v);
          if (inner.tag === 'string' && name === 'as_deref') return option(ty, { tag: 'str', ty: strTy, text: inner.text, target: inner.buf ? { kind: 'block', block: inner.buf, offset: 0 } : null });
          const refTy = (ty as { some: Ty }).some;
          // Through the Box to what it holds (a Vec's elements: the payload itself).
          return option(ty, makeRef(refTy, inner.tag === 'box' ? new BoxLoc(x.rt.m, inner) : new FieldLoc(x.rt.m, x.place(a), 0)));
        };
      },
    }),
  ),
];

/** `as_ref` / `as_mut`: the same variant holding a reference into the receiver's payload. */
function asRef(x: MethodRun, mutable: boolean): Ev {
  const ty = x.ty;
  void mutable;
  return (a) => {
    const loc = x.place(a);
    const v = loc.get() as EnumValue;
    if (v.variant === 'None') return option(ty, null);
    const payloadTy = ty.kind === 'option' ? ty.some : ty.kind === 'result' ? (v.variant === 'Ok' ? ty.ok : ty.err) : ty;
    const r = makeRef(payloadTy, new FieldLoc(x.rt.m, loc, 0));
    return { tag: 'enum', ty, name: v.name, variant: v.variant, fieldNames: ['0'], fields: [r] };
  };
}
