/**
 * Closure types as inference and the compiler both read them: the closure a type names, what
 * calling a value of a type takes and gives, the signature an expected type asks of a closure.
 */
import type { Capture, Expr, FnKind, Program } from '../syntax/ast';
import { isFnTrait, prune, refTo, type TypeVar } from './types';

export type ClosureExpr = Expr & { k: 'closure' };

/** A signature a caller expects of a closure argument (from `impl Fn(A) -> R`, a std method, …). */
export interface FnSig {
  params: TypeVar[];
  ret: TypeVar;
  kind?: FnKind;
}

/** What the closure's struct holds for a capture: `&T`, `&mut T` or `T`. */
export function captureTy(c: Capture): TypeVar {
  return c.mode === 'value' ? c.outer.ty : refTo(c.outer.ty, c.mode === 'mut');
}

/** The closure expression a type names, if it is a closure's type. */
export function closureOf(inf: { prog: Program }, t: TypeVar): ClosureExpr | undefined {
  const p = prune(t);
  if (p.k !== 'con' || !p.c.startsWith('adt:{closure@')) return undefined;
  return inf.prog.closures?.get(p.c.slice(4));
}

/**
 * What calling a value of type t takes and gives: a closure, `impl Fn…`, `dyn Fn…` (in a Box or
 * behind a reference), or a reference to any of these. Undefined when t is not callable.
 */
export function calleeSig(inf: { prog: Program }, t: TypeVar): (FnSig & { byRef: boolean }) | undefined {
  let p = prune(t);
  let byRef = false;
  for (let i = 0; i < 8 && p.k === 'con' && (p.c === 'ref' || p.c === 'Box'); i++) {
    if (p.c === 'ref') byRef = true;
    p = prune(p.args[0]!);
  }
  if (p.k !== 'con') return undefined;
  const c = closureOf(inf, p);
  if (c) return { ...c.sig!, kind: c.kind, byRef };
  if (isFnTrait(p.c)) return { params: p.args.slice(1), ret: p.args[0]!, kind: p.c.replace(/^(impl|dyn) /, '') as FnKind, byRef };
  return undefined;
}

/** The signature an expected type asks of a closure written in its place (`impl Fn(i32) -> i32`, `Box<dyn Fn(&str)>`). */
export function expectedSig(t: TypeVar): FnSig | undefined {
  let p = prune(t);
  while (p.k === 'con' && (p.c === 'ref' || p.c === 'Box')) p = prune(p.args[0]!);
  if (p.k === 'con' && isFnTrait(p.c)) return { params: p.args.slice(1), ret: p.args[0]!, kind: p.c.replace(/^(impl|dyn) /, '') as FnKind };
  return undefined;
}

