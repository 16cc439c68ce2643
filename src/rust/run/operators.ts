import type { RValue, StringValue } from '../../engine/memory/rvalue';
import { ownerOf } from '../../engine/std/home';
import { TEMP, pushStr } from '../../engine/std/string';
import { holds } from '../check/holds';
import { exprText } from '../check/moves';
import { valueUntil } from '../check/reassign';
import { type TypeVar, autoDeref, conName, prune, show } from '../check/types';
import { RustPanic } from '../errors';
import { type Act, type Codegen, type Ev, engineTy, isCopyTy } from './context';
import { FALSE_V, TRUE_V, UNIT_V, copyOf, deref, floatToInt, intCast, intInfo, norm, scalar, textOf, valueEq } from './values';
import { intBinary, intScalarOp } from './int-ops';
import { compareValues, variantIndexOf } from '../std/compare';
import type { Expr, Notes, Pos } from '../syntax/ast';
import type { Ty } from '../../engine/layout/types';
import { discriminants } from '../check/enum-cast';

function isScalarTy(t: TypeVar): boolean {
  const p = prune(t);
  if (p.k === 'var') return true;
  return ['i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'f32', 'f64', 'bool', 'char'].includes(p.c);
}

export function binary(k: Codegen, e: Expr & { k: 'binary' }): Ev {
  const rt = k.rt;
  if (e.op === '&&' || e.op === '||') {
    const l = k.value(e.l);
    const r = k.value(e.r);
    return e.op === '&&' ? (a) => ((l(a) as { v: boolean }).v ? r(a) : FALSE_V) : (a) => ((l(a) as { v: boolean }).v ? TRUE_V : r(a));
  }
  const opFn = (e as Notes).opFn;
  if (opFn) {
    // `Add::add(a, b)`: both operands by value, left first.
    const l = k.value(e.l);
    const r = k.value(e.r);
    const line = e.pos.line;
    return (a) => {
      const x = l(a);
      return k.callFn(opFn, [x, r(a)], line);
    };
  }
  const lt = autoDeref(e.l.ty!);
  if (['==', '!=', '<', '<=', '>', '>='].includes(e.op)) {
    const l = k.operand(e.l);
    const r = k.operand(e.r);
    // Structs, enums, tuples, Option, Vec: std's and derive's order (std/compare.ts).
    const index = variantIndexOf(k.prog);
    const valueCmp = (x: RValue, y: RValue) => compareValues(x, y, index);
    const scalarCmp = isScalarTy(lt) && conName(e.l.ty) !== 'ref';
    if (scalarCmp && e.r.k === 'int') return compareToLiteral(e.op, l, (r(undefined as unknown as Act) as { v: number | bigint }).v);
    switch (e.op) {
      case '==':
        return scalarCmp ? (a) => ((l(a) as { v: number }).v == (r(a) as { v: number }).v ? TRUE_V : FALSE_V) : (a) => (valueEq(l(a), r(a)) ? TRUE_V : FALSE_V);
      case '!=':
        return scalarCmp ? (a) => ((l(a) as { v: number }).v != (r(a) as { v: number }).v ? TRUE_V : FALSE_V) : (a) => (valueEq(l(a), r(a)) ? FALSE_V : TRUE_V);
      case '<':
        return scalarCmp ? (a) => ((l(a) as { v: number }).v < (r(a) as { v: number }).v ? TRUE_V : FALSE_V) : (a) => (valueCmp(l(a), r(a)) < 0 ? TRUE_V : FALSE_V);
      case '<=':
        return scalarCmp ? (a) => ((l(a) as { v: number }).v <= (r(a) as { v: number }).v ? TRUE_V : FALSE_V) : (a) => (valueCmp(l(a), r(a)) <= 0 ? TRUE_V : FALSE_V);
      case '>':
        return scalarCmp ? (a) => ((l(a) as { v: number }).v > (r(a) as { v: number }).v ? TRUE_V : FALSE_V) : (a) => (valueCmp(l(a), r(a)) > 0 ? TRUE_V : FALSE_V);
      default:
        return scalarCmp ? (a) => ((l(a) as { v: number }).v >= (r(a) as { v: number }).v ? TRUE_V : FALSE_V) : (a) => (valueCmp(l(a), r(a)) >= 0 ? TRUE_V : FALSE_V);
    }
  }
  if (e.op === '+' && conName(e.l.ty) === 'String') {
    // String + &str: push_str into the left String, which moves through.
    const l = k.value(e.l);
    const r = k.operand(e.r);
    return (a) => {
      const s = l(a) as StringValue;
      pushStr(rt.m, s, textOf(r(a)), TEMP);
      return s;
    };
  }
  const ty = engineTy(autoDeref(e.ty!));
  if (ty.kind === 'int') {
    const l = numOperand(k, e.l);
    const r = numOperand(k, e.r);
    // A literal's closure ignores the activation: its value is known now.
    const constant = e.r.k === 'int' ? r(undefined as unknown as Act) : undefined;
    return intBinary(e.op, intInfo(ty.name), ty, () => e.pos.line, l, r, constant);
  }
  const op = arith(k, e.op, e.ty!, e.pos);
  const l = numOperand(k, e.l);
  const r = numOperand(k, e.r);
  return (a) => op(l(a), r(a));
}

/** `x < 2`: the literal's value is known when compiling (mixed number/BigInt comparisons are exact). */
function compareToLiteral(op: string, l: Ev, c: number | bigint): Ev {
  switch (op) {
    case '==':
      return (a) => ((l(a) as { v: number }).v == c ? TRUE_V : FALSE_V);
    case '!=':
      return (a) => ((l(a) as { v: number }).v != c ? TRUE_V : FALSE_V);
    case '<':
      return (a) => ((l(a) as { v: number }).v < c ? TRUE_V : FALSE_V);
    case '<=':
      return (a) => ((l(a) as { v: number }).v <= c ? TRUE_V : FALSE_V);
    case '>':
      return (a) => ((l(a) as { v: number }).v > c ? TRUE_V : FALSE_V);
    default:
      return (a) => ((l(a) as { v: number }).v >= c ? TRUE_V : FALSE_V);
  }
}

/** A number operand: references to numbers are read through. */
export function numOperand(k: Codegen, e: Expr): (a: Act) => Extract<RValue, { tag: 'scalar' }> {
  const v = k.value(e);
  if (conName(e.ty) === 'ref') return (a) => deref(v(a)) as Extract<RValue, { tag: 'scalar' }>;
  return v as (a: Act) => Extract<RValue, { tag: 'scalar' }>;
}

/** The arithmetic of one operator at one type, producing a scalar of that type. */
export function arith(k: Codegen, op: string, t: TypeVar, pos: Pos): (x: Extract<RValue, { tag: 'scalar' }>, y: Extract<RValue, { tag: 'scalar' }>) => RValue {
  const ty = engineTy(autoDeref(t));
  const rt = k.rt;
  if (ty.kind === 'int') {
    void rt;
    return intScalarOp(op, intInfo(ty.name), ty, () => pos.line);
  }
  if (ty.kind === 'float') {
    const f32 = ty.name === 'f32';
    const r = f32 ? Math.fround : (x: number) => x;
    switch (op) {
      case '+':
        return (x, y) => scalar(ty, r((x.v as number) + (y.v as number)));
      case '-':
        return (x, y) => scalar(ty, r((x.v as number) - (y.v as number)));
      case '*':
        return (x, y) => scalar(ty, r((x.v as number) * (y.v as number)));
      case '/':
        return (x, y) => scalar(ty, r((x.v as number) / (y.v as number)));
      case '%':
        return (x, y) => scalar(ty, r((x.v as number) % (y.v as number)));
    }
  }
  if (ty.kind === 'bool') {
    switch (op) {
      case '&':
        return (x, y) => (x.v && y.v ? TRUE_V : FALSE_V);
      case '|':
        return (x, y) => (x.v || y.v ? TRUE_V : FALSE_V);
      case '^':
        return (x, y) => (x.v !== y.v ? TRUE_V : FALSE_V);
    }
  }
  return k.err(pos, `cannot apply \`${op}\` to \`${show(t)}\``, 'E0369');
}

export function unary(k: Codegen, e: Expr & { k: 'unary' }): Ev {
  const rt = k.rt;
  if (e.op === '*') {
    if (!isCopyTy(e.ty!, k.prog)) {
      const t = prune(e.e.ty!);
      if (conName(t) === 'ref') k.err(e.pos, `cannot move out of \`*${exprText(e.e)}\` which is behind a ${(t as { mutable?: boolean }).mutable ? 'mutable' : 'shared'} reference`, 'E0507');
      return k.subset(e.pos, 'moving a value out of a Box with * is not supported yet', 'unary_expression');
    }
    const loc = k.place(e, false);
    return (a) => copyOf(loc(a).get());
  }
  const negFn = (e as Notes).opFn;
  if (negFn) {
    const x = k.value(e.e);
    return (a) => k.callFn(negFn, [x(a)], e.pos.line);
  }
  const v = numOperand(k, e.e);
  const ty = engineTy(e.ty!);
  if (e.op === '!') {
    if (ty.kind === 'bool') return (a) => (v(a).v ? FALSE_V : TRUE_V);
    const info = intInfo((ty as { name: 'i32' }).name);
    return (a) => scalar(ty, intCast(~BigInt(v(a).v as number) as bigint, info));
  }
  if (ty.kind === 'float') return (a) => scalar(ty, -(v(a).v as number));
  const info = intInfo((ty as { name: 'i32' }).name);
  const line = e.pos.line;
  return (a) => {
    const x = v(a).v as number | bigint;
    if (x == info.min) throw new RustPanic('attempt to negate with overflow', line);
    return scalar(ty, typeof x === 'number' ? (x === 0 ? 0 : -x) : norm(-x));
  };
}

export function assign(k: Codegen, e: Expr & { k: 'assign' }): Ev {
  const rt = k.rt;
  const l = e.l;
  if (l.k === 'name' && l.binding && l.binding.capture === undefined) {
    const b = l.binding;
    k.checks.access(b, e.pos, 'write');
    const state = k.checks.ctx.moves.get(b);
    if (!b.mutable && !(state?.uninit && e.op === '=')) {
      k.err(e.pos, `cannot assign twice to immutable variable \`${b.name}\` (declared at line ${b.pos.line}; make it \`let mut ${b.name}\`)`, 'E0384');
    }
    const slot = b.slot;
    if (e.op === '=') {
      const r = k.value(e.r, (e.r as Notes).coerce);
      if (!k.checks.ctx.dead) k.checks.ctx.moves.delete(b); // assignment re-initialises
      // `r = &v;`: what the new value borrows stays borrowed until r's last use before its next assignment.
      const until = valueUntil(k.checks.ctx.fn, b, e.pos);
      for (const h of holds(k.lendCheck, e.r)) k.checks.borrow(h.root, h.mutable, e.pos, until, `\`${b.name}\``, b, h.path && { path: h.path, viaRef: !!h.viaRef });
      return (a) => {
        const v = r(a);
        const s = a.slots[slot]!;
        if (s.value === null) {
          // Re-initialising a moved-from (or declared-only) binding: nothing to drop.
          s.value = v;
          rt.m.adopt(v, ownerOf({ kind: 'local', local: s }));
          rt.m.touchLocal(s);
        } else rt.m.assign(s, v);
        return UNIT_V;
      };
    }
    k.checks.useLocal(b, l.pos, false);
    if (conName(l.ty) === 'String') {
      const r = k.operand(e.r);
      return (a) => {
        const s = a.slots[slot]!;
        pushStr(rt.m, rt.m.read(s) as StringValue, textOf(r(a)), { kind: 'local', local: s });
        return UNIT_V;
      };
    }
    const op = arith(k, e.op, l.ty!, e.pos);
    const r = numOperand(k, e.r);
    return (a) => {
      const s = a.slots[slot]!;
      const y = r(a);
      // A number owns nothing: no drop or ownership change, just the new value re-recorded.
      s.value = op(rt.m.read(s) as Extract<RValue, { tag: 'scalar' }>, y);
      rt.m.touchLocal(s);
      return UNIT_V;
    };
  }
  k.checks.checkAssignable(l);
  if (l.k === 'field' && e.op === '=') {
    const own = k.checks.ownedField(l);
    if (own) k.checks.ctx.moves.delete(k.checks.fieldKey(own.b, l.name)); // a moved-out field may be given a new value
  }
  // `v[i] = x` on a Vec is `*IndexMut::index_mut(&mut v, i) = x`: a mutable borrow to rustc (E0502), not an assignment (E0506).
  k.checks.accessPlace(l, e.pos, throughIndexMut(l) ? 'mutborrow' : 'write');
  const loc = k.place(l, true);
  if (e.op === '=') {
    const r = k.value(e.r, (e.r as Notes).coerce);
    return (a) => {
      const v = r(a);
      loc(a).set(v);
      return UNIT_V;
    };
  }
  if (conName(l.ty) === 'String') {
    const r = k.operand(e.r);
    return (a) => {
      const p = loc(a);
      pushStr(rt.m, p.get() as StringValue, textOf(r(a)), p.home());
      p.changed();
      return UNIT_V;
    };
  }
  const op = arith(k, e.op, l.ty!, e.pos);
  const r = numOperand(k, e.r);
  return (a) => {
    const y = r(a);
    const p = loc(a);
    p.set(op(p.get() as Extract<RValue, { tag: 'scalar' }>, y));
    return UNIT_V;
  };
}

export function cast(k: Codegen, e: Expr & { k: 'cast' }): Ev {
  const disc = discriminants(k.prog, e.e.ty!);
  if (disc) {
    const en = k.value(e.e);
    const to = engineTy(e.ty!) as Extract<Ty, { kind: 'int' }>;
    const info = intInfo(to.name);
    return (a) => scalar(to, intCast(disc.get((en(a) as { variant: string }).variant)!, info));
  }
  const v = numOperand(k, e.e);
  const from = engineTy(e.e.ty!);
  const to = engineTy(e.ty!);
  if (to.kind === 'int') {
    const info = intInfo(to.name);
    if (from.kind === 'float') return (a) => scalar(to, floatToInt(v(a).v as number, info));
    if (from.kind === 'char') return (a) => scalar(to, intCast((v(a).v as string).codePointAt(0)!, info));
    if (from.kind === 'bool') return (a) => scalar(to, v(a).v ? 1 : 0);
    return (a) => scalar(to, intCast(v(a).v as number, info));
  }
  if (to.kind === 'float') {
    const f32 = to.name === 'f32';
    return (a) => scalar(to, f32 ? Math.fround(Number(v(a).v)) : Number(v(a).v));
  }
  if (to.kind === 'char') return (a) => scalar(to, String.fromCodePoint(Number(v(a).v)));
  return k.err(e.pos, `non-primitive cast to \`${show(e.ty!)}\``, 'E0605');
}

// ---------------------------------------------------------------- control flow

/** Whether a place is reached through a library `IndexMut` (a Vec's, a VecDeque's), not built-in array indexing. */
function throughIndexMut(l: Expr): boolean {
  for (let e = l; ; e = e.e) {
    if (e.k === 'index' && !['Array', 'slice'].includes(conName(autoDeref(e.e.ty!)))) return true;
    if (e.k !== 'index' && e.k !== 'field' && !(e.k === 'unary' && e.op === '*')) return false;
  }
}
