/**
 * `x.into()` in inference: the target comes from the context (an annotation, a parameter, or a
 * later `collect` that settles a closure's return), so the conversion is chosen once the
 * function's types are settled: the program's own `impl From<X> for T` (the call becomes
 * `T::from(x)`), else std's From impls (std/convert.ts).
 */
import type { Expr, Notes } from '../syntax/ast';
import { conversion, settleLiterals } from '../std/convert';
import type { Inference } from './closures';
import { prune, show, unresolved, type TypeVar } from './types';

export function inferInto(inf: Inference, e: Expr & { k: 'method' }, recv: TypeVar, fromSig: (name: string) => { params: TypeVar[] } | undefined): TypeVar {
  const to = inf.v();
  const own = () => {
    const t = prune(to);
    const name = t.k === 'con' && t.c.startsWith('adt:') ? `${t.c.slice(4)}::from` : undefined;
    const sig = name ? fromSig(name) : undefined;
    return sig && { name, param: sig.params[0]! };
  };
  // An integer literal takes the type the impl's parameter has (`impl From<u8>`: `5.into()` is a u8).
  inf.settles.push(() => {
    const o = own();
    const r = prune(recv);
    if (o && r.k === 'var' && r.lit) inf.unifyAt(e.recv.pos, o.param, recv);
    if (!o) settleLiterals(recv, to);
  });
  inf.deferred.push(() => {
    if (unresolved(to)) inf.err(e.namePos, 'type annotations needed (what should `into()` make? annotate the variable)', 'E0283');
    const o = own();
    if (o && show(prune(o.param)) === show(prune(recv))) {
      (e as Notes).userInto = o.name;
      return;
    }
    if (!conversion(recv, to)) inf.err(e.namePos, `the trait bound \`${show(to)}: From<${show(recv)}>\` is not satisfied`, 'E0277');
  });
  (e as Notes).into = true;
  return to;
}
