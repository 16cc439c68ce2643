/**
 * A program's own `impl Deref for T`: rustc turns `*x` into `*Deref::deref(&x)`, a deref
 * coercion `&x` → `&Target` into `Deref::deref(&x)`, and a method the Target has into
 * `Deref::deref(&x).method()`. Inference rewrites the tree the same way, in place, so the
 * compiler runs the impl's `deref` as an ordinary method call (a frame of its own, as in rustc).
 * The expression that was already inferred is kept (`reused`): inference does not run twice.
 */
import { RustSubsetError } from '../errors';
import type { Expr, Program } from '../syntax/ast';
import { type TypeVar, prune } from './types';

/** Whether `t` is a program's type with its own `impl Deref`. */
export function userDeref(prog: Program, t: TypeVar): boolean {
  const p = prune(t);
  return p.k === 'con' && p.c.startsWith('adt:') && !!prog.impls.get(p.c.slice(4))?.has('Deref');
}

/**
 * Turns `e` into `e.deref()` in place and returns the inner expression (already inferred; the
 * caller marks it reused). Writing through `*x` needs DerefMut, which the subset does not run.
 */
export function wrapInDeref(prog: Program, e: Expr, t: TypeVar): Expr {
  const p = prune(t);
  if (p.k === 'con' && prog.impls.get(p.c.slice(4))?.has('DerefMut')) {
    throw new RustSubsetError("going through a program's own DerefMut impl is not supported yet", e.pos.line, e.pos.col, 'unary_expression');
  }
  const inner = { ...e } as Expr;
  for (const key of Object.keys(e)) delete (e as unknown as Record<string, unknown>)[key];
  Object.assign(e, { k: 'method', pos: inner.pos, recv: inner, name: 'deref', args: [], namePos: inner.pos });
  return inner;
}
