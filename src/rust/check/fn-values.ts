/**
 * A program's fn used as a value (`opt.and_then(have_recipe)`, `v.iter().map(double)`): rustc
 * gives it a zero-sized fn item type that implements the closure traits. The subset rewrites the
 * name in place into the closure `|a0, a1| f(a0, a1)`, which captures nothing, so it is
 * zero-sized too and is called just as the fn item would be (one extra frame: the closure's).
 * A generic fn named as a value is "not supported yet".
 */
import { RustSubsetError } from '../errors';
import type { Expr, Program } from '../syntax/ast';

/** Rewrites `e` (a name of a program's fn, not shadowed by a local) into the closure calling it; false otherwise. */
export function fnAsClosure(prog: Program, e: Expr, isLocal: (name: string) => boolean): boolean {
  if (e.k !== 'name' || isLocal(e.name)) return false;
  const fn = prog.fns.get(e.name);
  if (!fn) return false;
  if (fn.generics) throw new RustSubsetError(`the generic fn \`${e.name}\` as a value is not supported yet (write a closure calling it)`, e.pos.line, e.pos.col, 'identifier');
  const pos = e.pos;
  const names = fn.params.map((_, i) => `__fn_arg${i}`);
  const closure: Expr = {
    k: 'closure',
    pos,
    move: false,
    params: names.map((name) => ({ pat: { k: 'bind', pos, name, mutable: false, byRef: false }, pos })),
    body: { k: 'call', pos, callee: { k: 'name', pos, name: e.name }, args: names.map((name) => ({ k: 'name', pos, name })) },
  };
  for (const key of Object.keys(e)) delete (e as unknown as Record<string, unknown>)[key];
  Object.assign(e, closure);
  return true;
}
