/**
 * std's comparisons: which types `==` and `<` accept (PartialEq / PartialOrd, with the impls
 * between String, str and references to them), the comparison methods every comparable type has
 * (`eq`, `ne`, `lt`, `le`, `gt`, `ge`, `cmp`, `partial_cmp`, `max`, `min`), and the order std and
 * `#[derive(PartialOrd)]` define: numbers by value, text by bytes, tuples, structs and Vecs
 * lexicographically, enums (Option, Ordering, the program's) by variant and then payload.
 */
import type { RValue } from '../../engine/memory/rvalue';
import { con, derefTy, isFloat, isInt, prune, refTo, type TypeVar } from '../check/types';
import type { EnumDef } from '../../engine/layout/types';
import type { Program } from '../syntax/ast';
import { bool, deref, option, valueEq } from '../run/values';
import type { Ty } from '../../engine/layout/types';
import { type Codegen, type Ev, engineTy } from '../run/context';
import type { Expr } from '../syntax/ast';

/** `std::cmp::Ordering`, as the program sees it: an enum of three variants, `#[repr(i8)]` -1, 0, 1. */
export const ORDERING: EnumDef = {
  kind: 'enum',
  name: 'Ordering',
  repr: 'i8',
  variants: [
    { name: 'Less', fields: [], discriminant: -1 },
    { name: 'Equal', fields: [], discriminant: 0 },
    { name: 'Greater', fields: [], discriminant: 1 },
  ],
};

export const ORDERING_TY = con('adt:Ordering');

/**
 * Whether `t` is `Ord`, as far as it is known: floats are not (`{float}` literals neither), a
 * program's type only with its derive (or impl), containers when their parts are. A type still
 * unknown counts as Ord: only a definite "no" is reported. Without a program (the API), only std's types are judged.
 */
export function isOrd(prog: Program | undefined, t: TypeVar): boolean {
  const p = prune(t);
  if (p.k === 'var') return p.lit !== 'float';
  if (p.c === 'f32' || p.c === 'f64') return false;
  if (p.c.startsWith('adt:')) {
    const name = p.c.slice(4);
    if (!prog || (!prog.structs.has(name) && !prog.enums.has(name))) return true;
    return (prog.totalOrdTypes.has(name) || !!prog.impls.get(name)?.has('Ord')) && p.args.every((a) => isOrd(prog, a));
  }
  return p.args.every((a) => isOrd(prog, a));
}

/** `Ordering` naming std's without its `use std::cmp::Ordering;` (rustc's E0433 in a path, E0425 as a type). */
export function orderingUnimported(prog: Program, name: string): boolean {
  return name === 'Ordering' && prog.enums.get('Ordering') === ORDERING && !prog.stdNames.has('Ordering');
}

/** Adds std's Ordering to a program (unless it declares its own type of that name). */
export function addOrdering(prog: Program): void {
  if (prog.enums.has('Ordering') || prog.structs.has('Ordering')) return;
  prog.enums.set('Ordering', ORDERING);
  for (const set of [prog.copyTypes, prog.cloneTypes, prog.debugTypes, prog.eqTypes, prog.ordTypes, prog.totalOrdTypes]) set.add('Ordering');
}

/** A text type's references and base: `&&str` → [2, 'str']. */
function textDepth(t: TypeVar): [number, string] | undefined {
  let p = prune(t);
  let n = 0;
  while (p.k === 'con' && p.c === 'ref') {
    p = prune(p.args[0]!);
    n++;
  }
  return p.k === 'con' && (p.c === 'String' || p.c === 'str') ? [n, p.c] : undefined;
}

/**
 * Whether `l == r` is one of std's text impls: `String == str`, `String == &str`, `str == String`,
 * `&str == String`, and the same under equal references on both sides (`&A == &B` when A == B).
 * Same-typed text compares through ordinary unification.
 */
export function textEq(l: TypeVar, r: TypeVar): boolean {
  const a = textDepth(l);
  const b = textDepth(r);
  if (!a || !b) return false;
  const common = Math.min(a[0], b[0]);
  const x = a[0] - common;
  const y = b[0] - common;
  if (a[1] === b[1]) return x === y;
  if (x === 0 && y === 0) return true;
  return (a[1] === 'String' && x === 0 && y === 1) || (b[1] === 'String' && y === 0 && x === 1);
}

export const COMPARE_METHODS = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'cmp', 'partial_cmp', 'max', 'min']);

/** What a comparison method asks of inference. */
export interface CompareTyping {
  name: string;
  /** The receiver's type with the references auto-ref strips. */
  self: TypeVar;
  argCount(n: number): void;
  arg(i: number): TypeVar;
  unify(i: number, expected: TypeVar, found: TypeVar): void;
  /** A check once the function's types are known (the receiver's type must implement the trait). */
  require(trait: 'PartialEq' | 'PartialOrd' | 'Ord', t: TypeVar): void;
}

/** The type of `a.eq(&b)`, `a.cmp(&b)`, `a.max(b)`, …; undefined when the method is not one of them. */
export function compareMethodType(x: CompareTyping): TypeVar | undefined {
  x.argCount(1);
  const found = x.arg(0);
  switch (x.name) {
    case 'eq':
    case 'ne': {
      // `other: &Rhs` where Self: PartialEq<Rhs>.
      const p = prune(found);
      const rhs = p.k === 'con' && p.c === 'ref' ? p.args[0]! : undefined;
      if (!(rhs && textEq(x.self, rhs))) x.unify(0, refTo(x.self, false), found);
      x.require('PartialEq', x.self);
      return con('bool');
    }
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge':
      x.unify(0, refTo(x.self, false), found);
      x.require('PartialOrd', x.self);
      return con('bool');
    case 'partial_cmp':
      x.unify(0, refTo(x.self, false), found);
      x.require('PartialOrd', x.self);
      return con('Option', ORDERING_TY);
    case 'cmp':
      x.unify(0, refTo(x.self, false), found);
      x.require('Ord', x.self);
      return ORDERING_TY;
    default:
      // max / min take both by value.
      x.unify(0, x.self, found);
      x.require('Ord', x.self);
      return x.self;
  }
}

/** Whether a type's comparisons are its own entries elsewhere (numbers' `max`/`min`). */
export function numericSelf(t: TypeVar): boolean {
  const p = derefTy(t);
  return isInt(p) || isFloat(p) || (p.k === 'var' && !!p.lit);
}

// ---------------------------------------------------------------- the order

/** Position of an enum value's variant in its declaration (Option: None before Some). */
export type VariantIndex = (v: Extract<RValue, { tag: 'enum' }>) => number;

export function variantIndexOf(prog: Program): VariantIndex {
  const cache = new Map<string, Map<string, number>>();
  return (v) => {
    if (v.name === 'Option') return v.variant === 'None' ? 0 : 1;
    if (v.name === 'Result') return v.variant === 'Ok' ? 0 : 1;
    let m = cache.get(v.name);
    if (!m) {
      const def = prog.enums.get(v.name);
      m = new Map((def?.variants ?? []).map((x, i) => [x.name, i]));
      cache.set(v.name, m);
    }
    return m.get(v.variant) ?? 0;
  };
}

function cmpNum(x: number | bigint | boolean | string, y: number | bigint | boolean | string): number {
  if (typeof x === 'string' && typeof y === 'string') return codePointCmp(x, y);
  return x < y ? -1 : x > y ? 1 : x == y ? 0 : NaN;
}

/** Text by code points, which orders as UTF-8 bytes do (UTF-16 units do not, past U+FFFF). */
function codePointCmp(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (c) return c < 0 ? -1 : 1;
  }
  return x.length < y.length ? -1 : x.length > y.length ? 1 : 0;
}

function lexicographic(xs: RValue[], ys: RValue[], index: VariantIndex): number {
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const c = compareValues(xs[i]!, ys[i]!, index);
    if (c !== 0) return c;
  }
  return xs.length < ys.length ? -1 : xs.length > ys.length ? 1 : 0;
}

/** -1, 0 or 1 as `partial_cmp` orders a and b; NaN when it gives None (a NaN float inside). */
export function compareValues(a: RValue, b: RValue, index: VariantIndex): number {
  a = deref(a);
  b = deref(b);
  if (a.tag === 'scalar' && b.tag === 'scalar') return cmpNum(a.v, b.v);
  if ((a.tag === 'str' || a.tag === 'string') && (b.tag === 'str' || b.tag === 'string')) return codePointCmp(a.text, b.text);
  if (a.tag === 'unit' && b.tag === 'unit') return 0;
  if (a.tag === 'box' && b.tag === 'box') return compareValues(a.inner, b.inner, index);
  if (a.tag === 'rc' && b.tag === 'rc') return compareValues(a.cell.inner, b.cell.inner, index);
  if ((a.tag === 'vec' || a.tag === 'tuple' || a.tag === 'array') && (b.tag === 'vec' || b.tag === 'tuple' || b.tag === 'array')) return lexicographic(a.items, b.items, index);
  if (a.tag === 'struct' && b.tag === 'struct') return lexicographic(a.fields, b.fields, index);
  if (a.tag === 'enum' && b.tag === 'enum') {
    const i = index(a);
    const j = index(b);
    if (i !== j) return i < j ? -1 : 1;
    return lexicographic(a.fields, b.fields, index);
  }
  return NaN;
}

/** An `Ordering` value for a comparison's result. */
export function orderingValue(c: number): RValue {
  const variant = c < 0 ? 'Less' : c > 0 ? 'Greater' : 'Equal';
  return { tag: 'enum', ty: { kind: 'adt', name: 'Ordering' }, name: 'Ordering', variant, fieldNames: [], fields: [] };
}

/** The runtime of a comparison method on the receiver `a` and argument `b` (a reference, or the value for max/min). */
export function compareMethodRun(name: string, eq: (a: RValue, b: RValue) => boolean, index: VariantIndex, ty: Ty): (a: RValue, b: RValue) => RValue {
  switch (name) {
    case 'eq':
      return (a, b) => bool(eq(a, b));
    case 'ne':
      return (a, b) => bool(!eq(a, b));
    case 'lt':
      return (a, b) => bool(compareValues(a, b, index) < 0);
    case 'le':
      return (a, b) => bool(compareValues(a, b, index) <= 0);
    case 'gt':
      return (a, b) => bool(compareValues(a, b, index) > 0);
    case 'ge':
      return (a, b) => bool(compareValues(a, b, index) >= 0);
    case 'cmp':
      return (a, b) => orderingValue(compareValues(a, b, index));
    case 'partial_cmp':
      return (a, b) => {
        const c = compareValues(a, b, index);
        return option(ty, Number.isNaN(c) ? null : orderingValue(c));
      };
    case 'max':
      // Ord::max returns the second when they are equal; min the first.
      return (a, b) => (compareValues(a, b, index) > 0 ? a : b);
    default:
      return (a, b) => (compareValues(a, b, index) <= 0 ? a : b);
  }
}

/** Code for a comparison method the inference marked (`Notes.compare`). */
export function compileCompare(k: Codegen, e: Expr & { k: 'method' }): Ev {
  const byValue = e.name === 'max' || e.name === 'min';
  const recv = byValue ? k.value(e.recv) : k.operand(e.recv);
  const arg = byValue ? k.value(e.args[0]!) : k.operand(e.args[0]!);
  const run = compareMethodRun(e.name, valueEq, variantIndexOf(k.prog), engineTy(e.ty!));
  if (!byValue) return (a) => run(recv(a), arg(a));
  const m = k.rt.m;
  return (a) => {
    const x = recv(a);
    const y = arg(a);
    const kept = run(x, y);
    m.dropValue(kept === x ? y : x);
    return kept;
  };
}
