/** `Box` and `Rc`: associated functions and the pointers' own `clone`, one entry each. */
import { cloneValue } from '../../engine/std/clone';
import type { RValue } from '../../engine/memory/rvalue';
import { boxNew, rcClone, rcNew, rcTryUnwrap } from '../../engine/std/pointers';
import { con, prune, USIZE, type TypeVar } from '../check/types';
import { deref, scalar, USIZE_TY } from '../run/values';
import type { FnTyping, StdFn, StdMethod } from './table';

type RcValue = Extract<RValue, { tag: 'rc' }>;

/** `&Rc<T>`'s `Rc<T>`, or rustc's E0308 at the argument. */
export function rcArg(x: FnTyping): TypeVar {
  x.argCount(1);
  const t = prune(x.args()[0]!);
  const inner = t.k === 'con' && t.c === 'ref' ? prune(t.args[0]!) : undefined;
  if (!(inner?.k === 'con' && inner.c === 'Rc')) x.mismatch(0, '&Rc<_>', t);
  return inner;
}

export const pointerFns: StdFn[] = [
  {
    path: 'Box::new',
    type: (x) => (x.argCount(1), con('Box', x.args()[0]!)),
    run: (x) => {
      const v = x.arg(0);
      return (a) => boxNew(x.rt.m, v(a));
    },
  },
  {
    path: 'Rc::new',
    type: (x) => (x.argCount(1), con('Rc', x.args()[0]!)),
    run: (x) => {
      const v = x.arg(0);
      return (a) => rcNew(x.rt.m, v(a));
    },
  },
  {
    path: 'Rc::clone',
    type: (x) => rcArg(x),
    run: (x) => {
      const r = x.operand(0);
      return (a) => rcClone(x.rt.m, deref(r(a)) as RcValue);
    },
  },
  {
    // `Rc::try_unwrap(rc)`: `Ok(value)` when rc was the last strong pointer, else `Err(rc)` back.
    path: 'Rc::try_unwrap',
    type: (x) => {
      x.argCount(1);
      const t = prune(x.args()[0]!);
      if (t.k === 'con' && t.c === 'Rc') return con('Result', t.args[0]!, t);
      return x.mismatch(0, con('Rc', x.fresh()), t);
    },
    run: (x) => {
      const r = x.arg(0);
      const ty = x.ty;
      const result = (variant: 'Ok' | 'Err', v: RValue): RValue => ({ tag: 'enum', ty, name: 'Result', variant, fieldNames: ['0'], fields: [v] });
      return (a) => {
        const rc = r(a) as RcValue;
        const inner = rcTryUnwrap(x.rt.m, rc);
        return inner ? result('Ok', inner) : result('Err', rc);
      };
    },
  },
  {
    path: 'Rc::strong_count',
    type: (x) => (rcArg(x), USIZE),
    run: (x) => {
      const r = x.operand(0);
      return (a) => scalar(USIZE_TY, (deref(r(a)) as RcValue).cell.strong);
    },
  },
];

export const pointerMethods: StdMethod[] = [
  {
    name: 'clone',
    on: ['Box', 'Rc'],
    keepPointer: true,
    type: (x) => x.noArgs(x.recv),
    run: (x) => (a) => cloneValue(x.rt.m, deref(x.place(a).get())),
  },
];
