/**
 * Operators in inference: `&&`/`||` on bools, comparisons (text against text, a program's types
 * only with their derives), arithmetic and bit operators on numbers (through references, as std
 * implements them), `String + &str`.
 */
import type { Inference } from './inference';
import type { Expr, Pos } from '../syntax/ast';
import { RustSubsetError } from '../errors';
import { overloadedBinary } from './op-traits';
import { textEq } from '../std/compare';
import { autoDeref, BOOL, derefNum, isFloat, isInt, isStringTy, isTextTy, prune, show, STR_REF, STRING, unify, UnifyError, type TypeVar } from './types';

export function binary(inf: Inference, e: Expr & { k: 'binary' }): TypeVar {
  const l = inf.expr(e.l);
  const r = inf.expr(e.r);
  switch (e.op) {
    case '&&':
    case '||':
      inf.unifyAt(e.l.pos, BOOL, l);
      inf.unifyAt(e.r.pos, BOOL, r);
      return BOOL;
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=': {
      // String == &str and &str == String compare by text, as std's PartialEq impls allow.
      const lp = prune(l);
      const rp = prune(r);
      if ((e.op === '==' || e.op === '!=') && textEq(lp, rp)) return BOOL;
      if (isTextTy(lp) && isTextTy(rp) && e.op !== '==' && e.op !== '!=') return BOOL;
      inf.deferred.push(() => {
        const t = autoDeref(l);
        if (t.k !== 'con' || !t.c.startsWith('adt:')) return;
        const name = t.c.slice(4);
        const eq = e.op === '==' || e.op === '!=';
        if (eq && inf.prog.impls.get(name)?.has('PartialEq')) throw new RustSubsetError('`==` through a program\'s own PartialEq impl is not supported yet', e.pos.line, e.pos.col, 'binary_expression');
        if (!(eq ? inf.prog.eqTypes : inf.prog.ordTypes).has(name)) {
          inf.err(e.pos, `binary operation \`${e.op}\` cannot be applied to type \`${name}\` (add #[derive(${eq ? 'PartialEq' : 'PartialEq, PartialOrd'})])`, 'E0369');
        }
      });
      try {
        unify(l, r);
      } catch (err) {
        if (err instanceof UnifyError) inf.mismatch(e.r.pos, l, r);
        throw err;
      }
      return BOOL;
    }
    default:
      return overloadedBinary(inf, e, l, r) ?? arith(inf, e.pos, e.op, l, r, e.r.pos);
  }
}

export function arith(inf: Inference, pos: Pos, op: string, l: TypeVar, r: TypeVar, rightPos: Pos = pos): TypeVar {
  if (op === '+' && isStringTy(l)) {
    inf.coerceTo(pos, r, STR_REF);
    return STRING;
  }
  // std implements arithmetic on references to numbers too (`&i32 + i32`).
  l = derefNum(l);
  r = derefNum(r);
  const lp = prune(l);
  if (op === '<<' || op === '>>') {
    if (!isInt(lp) || !isInt(r)) inf.err(pos, `no implementation for \`${show(l)} ${op} ${show(r)}\``, 'E0369');
    return l;
  }
  const numeric = isInt(lp) || isFloat(lp) || lp.k === 'var';
  const bitwise = op === '&' || op === '|' || op === '^';
  if (bitwise && lp.k === 'con' && lp.c === 'bool') {
    inf.unifyAt(pos, l, r);
    return BOOL;
  }
  if (!numeric) inf.err(pos, `cannot apply \`${op}\` to type \`${show(l)}\``, 'E0369');
  try {
    unify(l, r);
  } catch (err) {
    // An integer with a float (`x + 1` for an f64 x): no such impl, rustc's E0277 at the left
    // operand; two different integer (or float) types are a mismatch of the right one (E0308).
    const rp = prune(r);
    if (err instanceof UnifyError && ((isInt(lp) && isFloat(rp)) || (isFloat(lp) && isInt(rp)))) {
      inf.err(pos, `${op === '+' ? `cannot add \`${show(r)}\` to \`${show(l)}\`` : `no implementation for \`${show(l)} ${op} ${show(r)}\``} (an integer and a float do not mix; convert one with \`as\`)`, 'E0277');
    }
    if (err instanceof UnifyError) inf.err(rightPos, `mismatched types: expected \`${show(l)}\`, found \`${show(r)}\` (no implementation for \`${show(l)} ${op} ${show(r)}\`)`, 'E0308');
    throw err;
  }
  return l;
}
