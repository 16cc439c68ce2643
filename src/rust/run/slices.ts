/**
 * Arrays and slices at run time. An array is an `array` value living where its owner lives (a
 * local: on the stack). A slice `&v[1..3]` / `&a[..]` is a reference to a SliceView: a window
 * on a Vec's buffer, an array or another slice, whose elements are the base's own places, so a
 * write through `&mut [T]` is a write to the base. A `&Vec<T>` or `&[T; N]` coerced to `&[T]`
 * stays a reference to the Vec or array: every slice operation reads any of the three.
 */
import type { Ty } from '../../engine/layout/types';
import type { Machine } from '../../engine/memory/machine';
import type { RValue, VecValue } from '../../engine/memory/rvalue';
import { autoDeref, conName, show } from '../check/types';
import { mapIndexLoc } from '../std/hashmap';
import { RustPanic } from '../errors';
import type { Expr, Notes } from '../syntax/ast';
import { type Codegen, type Ev, type LocEv, engineTy, isCopyTy } from './context';
import { ElemLoc, FieldLoc, type Loc, TempLoc, copyOf, deref, num } from './values';

/** A window on a sequence: `len` elements from `start` of `base` (shown as an array of them). */
export interface SliceView {
  tag: 'array';
  ty: Ty;
  readonly view: true;
  readonly len: number;
  /** The place of element i (0 ≤ i < len) in the base. */
  at(i: number): Loc;
  /** The elements (read-only: a fresh list; writes go through at()). */
  readonly items: RValue[];
}

export type Seq = VecValue | Extract<RValue, { tag: 'array' }> | SliceView;

export function isView(v: RValue): v is SliceView & RValue {
  return (v as Partial<SliceView>).view === true;
}

/** The number of elements of a Vec, an array or a slice view. */
export function seqLen(v: RValue): number {
  v = deref(v);
  if (v.tag === 'vec') return v.len;
  if (isView(v)) return v.len;
  return (v as { items: RValue[] }).items.length;
}

function outOfBounds(len: number, i: number, line: number): never {
  throw new RustPanic(`index out of bounds: the len is ${len} but the index is ${i}`, line);
}

/** The place of element i of the sequence at `loc`, after the bounds check indexing makes. */
export function elemLoc(m: Machine, loc: Loc, i: number, line: number): Loc {
  const v = deref(loc.get());
  if (v.tag === 'vec') return new ElemLoc(m, v, i, line).checked();
  if (isView(v)) {
    if (i >= v.len) outOfBounds(v.len, i, line);
    return v.at(i);
  }
  const items = (v as { items: RValue[] }).items;
  if (i >= items.length) outOfBounds(items.length, i, line);
  return new FieldLoc(m, loc, i);
}

/**
 * `&base[from..to]`: a view, after the range checks slicing makes, with rustc 1.95's panic
 * messages (`range end index 5 out of range for slice of length 3`, …).
 */
export function sliceOf(m: Machine, loc: Loc, from: number | undefined, to: number | undefined, inclusive: boolean, ty: Ty, line: number): SliceView {
  const base = deref(loc.get());
  const len = seqLen(base);
  const start = from ?? 0;
  let end = to === undefined ? len : to;
  if (inclusive) {
    if (end === Number.MAX_SAFE_INTEGER) throw new RustPanic('attempted to index slice up to maximum usize', line);
    end += 1;
  }
  if (start > end) throw new RustPanic(`slice index starts at ${start} but ends at ${end}`, line);
  if (end > len) throw new RustPanic(`range end index ${end} out of range for slice of length ${len}`, line);
  const at = (i: number): Loc => {
    if (base.tag === 'vec') return new ElemLoc(m, base, start + i, line);
    if (isView(base)) return base.at(start + i);
    return new FieldLoc(m, loc, start + i);
  };
  const view = {
    tag: 'array' as const,
    ty,
    view: true as const,
    len: end - start,
    at,
    get items(): RValue[] {
      const all = (base as { items: RValue[] }).items;
      return all.slice(start, end);
    },
  };
  return view;
}

/** `[a, b, c]` (items evaluated in order) and `[x; N]` (x copied N times; x must be Copy). */
export function arrayLiteral(k: Codegen, e: Expr & { k: 'array' | 'arrayrep' }): Ev {
  const ty = engineTy(e.ty!);
  if (e.k === 'array') {
    const items = e.items.map((i) => k.value(i, (i as Notes).coerce));
    return (a) => ({ tag: 'array', ty, items: items.map((f) => f(a)) });
  }
  if (!isCopyTy(e.item.ty!, k.prog)) k.err(e.item.pos, `the trait bound \`${show(e.item.ty!)}: Copy\` is not satisfied (the value of [x; N] is copied N times)`, 'E0277');
  const item = k.value(e.item);
  const n = Number((e.count as Expr & { k: 'int' }).value);
  return (a) => {
    const x = item(a);
    return { tag: 'array', ty, items: Array.from({ length: n }, () => copyOf(x)) };
  };
}

/** The place `base[index]`: an element, or with a range index the slice view. */
export function indexPlace(k: Codegen, e: Expr & { k: 'index' }, mutate: boolean): LocEv {
  const m = () => k.rt.m;
  const base = k.derefPlace(e.e, mutate);
  const line = e.pos.line;
  const r = e.index;
  if (r.k === 'range') {
    const from = r.from ? k.value(r.from) : undefined;
    const to = r.to ? k.value(r.to) : undefined;
    const ty = engineTy(e.ty!);
    const inclusive = r.inclusive;
    return (a) => {
      const loc = base(a);
      const lo = from ? num(from(a)) : undefined;
      const hi = to ? num(to(a)) : undefined;
      return new TempLoc(sliceOf(m(), loc, lo, hi, inclusive, ty, line) as unknown as RValue);
    };
  }
  if (['HashMap', 'BTreeMap'].includes(conName(autoDeref(e.e.ty!)))) {
    const key = k.operand(r);
    return (a) => mapIndexLoc(m(), base(a), key(a), line);
  }
  const index = k.value(r);
  if (conName(autoDeref(e.e.ty!)) === 'VecDeque') {
    // VecDeque's Index is `self.get(i).expect("Out of bounds access")`.
    return (a) => {
      const loc = base(a);
      const i = num(index(a));
      if (i >= seqLen(loc.get())) throw new RustPanic('Out of bounds access', line);
      return elemLoc(m(), loc, i, line);
    };
  }
  return (a) => {
    const loc = base(a);
    return elemLoc(m(), loc, num(index(a)), line);
  };
}
