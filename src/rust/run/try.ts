/** `e?` at run time: the Some / Ok value, or an early return of None / the Err (from check/try.ts). */
import type { RValue } from '../../engine/memory/rvalue';
import type { Expr } from '../syntax/ast';
import { boxNew } from '../../engine/std/pointers';
import { type Codegen, type Ev, Signal, engineTy } from './context';

export function tryExpr(k: Codegen, e: Expr & { k: 'try' }): Ev {
  const v = k.value(e.e);
  const retTy = engineTy(e.ret!);
  const boxTy = e.boxErr && engineTy(e.boxErr);
  const from = e.fromErr;
  const line = e.pos.line;
  return (a) => {
    const x = v(a) as Extract<RValue, { tag: 'enum' }>;
    if (x.variant === 'Some' || x.variant === 'Ok') return x.fields[0]!;
    // `From<E> for Box<dyn Error>`: Box::new(err), the pointer then fat; a program's From: its `from`.
    const fields = boxTy ? [{ ...boxNew(k.rt.m, x.fields[0]!), ty: boxTy } as RValue] : from ? [k.callFn(from, [x.fields[0]!], line)] : x.fields;
    const early: RValue = { tag: 'enum', ty: retTy, name: x.name, variant: x.variant, fieldNames: x.fieldNames, fields };
    throw new Signal('return', undefined, early);
  };
}
