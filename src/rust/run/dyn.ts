/**
 * Dynamic dispatch: a method called on a `dyn Trait` runs the impl of the type of the value
 * behind the pointer, looked up when the call runs (rustc reads it from the vtable).
 */
import type { RValue } from '../../engine/memory/rvalue';
import type { Expr, Notes } from '../syntax/ast';
import type { Codegen, Ev, LocEv } from './context';
import type { FmtCaller } from './traits';
import { makeRef } from './values';

/** What dispatch needs of the compiler: the receiver's place, and calling a program's fns. */
export interface DynCaller extends Codegen, FmtCaller {
  recvPlace(e: Expr): LocEv;
}

export function dynCall(k: DynCaller, e: Expr & { k: 'method' }): Ev {
  const method = (e as Notes).dynMethod!;
  const recv = k.recvPlace(e.recv);
  const args = e.args.map((x) => k.value(x, (x as Notes).coerce));
  const line = e.pos.line;
  return (a) => {
    const loc = recv(a);
    const self = loc.get() as Extract<RValue, { name: string }>;
    const fn = k.implFor(k.prog.fns.get(`${self.name}::${method}`)!, self);
    const vals: RValue[] = [makeRef(fn.params[0]!.ty, loc)];
    for (const f of args) vals.push(f(a));
    return k.callFn(fn.name, vals, line);
  };
}
