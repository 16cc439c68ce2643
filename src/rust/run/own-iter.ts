/**
 * A program's own Iterator as std's adapters and consumers see it (check/own-iter.ts wraps it):
 * a value holding the program's iterator, whose `next` calls the program's `next` on it in place
 * (`&mut self` is the wrapper's field), so the program's state advances as in Rust.
 */
import type { RValue } from '../../engine/memory/rvalue';
import type { Expr, Notes } from '../syntax/ast';
import { type Codegen, type Ev, engineTy } from './context';
import { type IterValue, iterValue } from './iter-value';
import { FieldLoc, makeRef, TempLoc } from './values';

export function ownIterExpr(k: Codegen, e: Expr & { k: 'method' }): Ev {
  const inner = k.value(e.recv);
  const fnName = (e as Notes).instance!;
  const selfTy = k.prog.fns.get(fnName)!.params[0]!.ty;
  const ty = engineTy(e.ty!);
  const line = e.pos.line;
  return (a) => {
    const me: IterValue = iterValue(ty, 'Own', [['iter', inner(a)]], {
      trusted: false,
      hint: () => [0, undefined],
      next: () => {
        const r = k.callFn(fnName, [makeRef(selfTy, new FieldLoc(k.rt.m, new TempLoc(me), 0))], line) as Extract<RValue, { tag: 'enum' }>;
        return r.variant === 'Some' ? r.fields[0] : undefined;
      },
    });
    return me;
  };
}
