/** `e?` at run time: the Some / Ok value, or an early return of None / the Err (from check/try.ts). */
import type { RValue } from '../../engine/memory/rvalue';
import type { Expr } from '../syntax/ast';
import { type Codegen, type Ev, Signal, engineTy } from './context';

export function tryExpr(k: Codegen, e: Expr & { k: 'try' }): Ev {
  const v = k.value(e.e);
  const retTy = engineTy(e.ret!);
  return (a) => {
    const x = v(a) as Extract<RValue, { tag: 'enum' }>;
    if (x.variant === 'Some' || x.variant === 'Ok') return x.fields[0]!;
    const early: RValue = { tag: 'enum', ty: retTy, name: x.name, variant: x.variant, fieldNames: x.fieldNames, fields: x.fields };
    throw new Signal('return', undefined, early);
  };
}
