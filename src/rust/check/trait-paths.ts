/**
 * Calling a trait's associated function through the trait (`Animal::new(..)`, Rust by Example's
 * Sheep): rustc picks the impl from the type the context expects (`let s: Sheep = …`). Here the
 * expected type must be known where the call is inferred (an annotation, a parameter); the path
 * then becomes the impl's own (`Sheep::new`). Otherwise the call stays "not supported yet".
 * std's `Default::default()` goes the same way to the program type's derived or own default.
 */
import { RustCompileError, RustSubsetError } from '../errors';
import type { Expr, Program } from '../syntax/ast';
import { type TypeVar, prune } from './types';

/** The impl's path for `Trait::f` when `expected` is a program's type implementing Trait, else undefined. */
export function implPath(prog: Program, segs: string[], expected: TypeVar | undefined): string[] | undefined {
  if (segs.length !== 2 || !expected) return undefined;
  const p = prune(expected);
  if (p.k !== 'con' || !p.c.startsWith('adt:')) return undefined;
  const type = p.c.slice(4);
  // std's Default: `..Default::default()` and `let p: P = Default::default()`, derived or impl'd.
  if (segs[0] === 'Default' && segs[1] === 'default') {
    return prog.defaultTypes.has(type) || prog.fns.has(`${type}::default`) ? [type, 'default'] : undefined;
  }
  if (!prog.traits.has(segs[0]!)) return undefined;
  if (!prog.impls.get(type)?.has(segs[0]!) || !prog.fns.has(`${type}::${segs[1]}`)) return undefined;
  return [type, segs[1]!];
}

/** Rewrites a call's callee path to the impl's, when the expected type picks it. */
export function resolveTraitCall(prog: Program, e: Expr & { k: 'call' }, expected: TypeVar | undefined): void {
  const c = e.callee;
  if (c.k !== 'path') return;
  const segs = implPath(prog, c.segs, expected);
  if (segs) c.segs = segs;
  else if (c.segs.length === 2 && c.segs[0] === 'Default' && c.segs[1] === 'default' && !prog.fns.has('Default::default')) {
    const want = expected && prune(expected);
    if (want?.k === 'con' && want.c.startsWith('adt:') && prog.structs.has(want.c.slice(4))) {
      throw new RustCompileError(`the trait bound \`${want.c.slice(4)}: Default\` is not satisfied`, e.pos.line, e.pos.col, 'E0277');
    }
    throw new RustSubsetError('`Default::default()` is not supported yet unless a program type with `Default` is expected here (write `T::default()`)', e.pos.line, e.pos.col, 'call_expression');
  }
}
