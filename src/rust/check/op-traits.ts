/**
 * Operators on a program's own types through its `impl Add for Point` (std::ops: Add, Sub, Mul,
 * Div, Rem, and Neg for unary `-`): `a + b` is `Add::add(a, b)`, so both operands move (or copy)
 * into the impl's `add`, and the expression has its return type (`Output`). The impl's right-hand
 * type may differ (`impl Mul<i32> for Point`); one impl per trait and type, as the subset allows.
 */
import type { Expr, Notes } from '../syntax/ast';
import type { Inference } from './inference';
import { prune, show, type TypeVar } from './types';

/** The std::ops trait and method of each operator. */
export const OP_TRAITS: Readonly<Record<string, [trait: string, method: string]>> = {
  '+': ['Add', 'add'],
  '-': ['Sub', 'sub'],
  '*': ['Mul', 'mul'],
  '/': ['Div', 'div'],
  '%': ['Rem', 'rem'],
};

/** The program's fn an operator on values of type `l` calls, when `l` is its type with that impl. */
function implFn(inf: Inference, l: TypeVar, trait: string, method: string): string | undefined {
  const p = prune(l);
  if (p.k !== 'con' || !p.c.startsWith('adt:')) return undefined;
  const type = p.c.slice(4);
  return inf.prog.impls.get(type)?.has(trait) && inf.fnTypes.has(`${type}::${method}`) ? `${type}::${method}` : undefined;
}

/** `l op r` through the program's impl: its result type (the call noted on `e`), or undefined when `l` has none. */
export function overloadedBinary(inf: Inference, e: Expr & { k: 'binary' }, l: TypeVar, r: TypeVar): TypeVar | undefined {
  const op = OP_TRAITS[e.op];
  const fn = op && implFn(inf, l, op[0], op[1]);
  if (!fn) return undefined;
  const sig = inf.fnTypes.get(fn)!;
  inf.unifyAt(e.l.pos, sig.params[0]!, l);
  inf.coerce(e.r, r, sig.params[1]!, `mismatched types (no implementation for \`${show(l)} ${e.op} ${show(r)}\`)`);
  (e as Notes).opFn = fn;
  return sig.ret;
}

/** `-x` through the program's `impl Neg`. */
export function overloadedNeg(inf: Inference, e: Expr & { k: 'unary' }, t: TypeVar): TypeVar | undefined {
  const fn = e.op === '-' ? implFn(inf, t, 'Neg', 'neg') : undefined;
  if (!fn) return undefined;
  (e as Notes).opFn = fn;
  return inf.fnTypes.get(fn)!.ret;
}
