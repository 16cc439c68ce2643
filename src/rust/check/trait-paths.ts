/**
 * Calling a trait's associated function through the trait (`Animal::new(..)`, Rust by Example's
 * Sheep): rustc picks the impl from the type the context expects (`let s: Sheep = …`). Here the
 * expected type must be known where the call is inferred (an annotation, a parameter); the path
 * then becomes the impl's own (`Sheep::new`). Otherwise the call stays "not supported yet".
 */
import type { Expr, Program } from '../syntax/ast';
import { type TypeVar, prune } from './types';

/** The impl's path for `Trait::f` when `expected` is a program's type implementing Trait, else undefined. */
export function implPath(prog: Program, segs: string[], expected: TypeVar | undefined): string[] | undefined {
  if (segs.length !== 2 || !prog.traits.has(segs[0]!) || !expected) return undefined;
  const p = prune(expected);
  if (p.k !== 'con' || !p.c.startsWith('adt:')) return undefined;
  const type = p.c.slice(4);
  if (!prog.impls.get(type)?.has(segs[0]!) || !prog.fns.has(`${type}::${segs[1]}`)) return undefined;
  return [type, segs[1]!];
}

/** Rewrites a call's callee path to the impl's, when the expected type picks it. */
export function resolveTraitCall(prog: Program, e: Expr & { k: 'call' }, expected: TypeVar | undefined): void {
  const c = e.callee;
  if (c.k !== 'path') return;
  const segs = implPath(prog, c.segs, expected);
  if (segs) c.segs = segs;
}
