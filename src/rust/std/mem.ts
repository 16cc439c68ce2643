/**
 * `std::mem`: `swap`, `replace`, `take`, `drop`, `size_of`, `size_of_val`, one entry each. They move values
 * between places without cloning; what they allocate is only what a default value allocates
 * (`mem::take` of a String or Vec allocates nothing).
 */
import type { Ty } from '../../engine/layout/types';
import type { Machine } from '../../engine/memory/machine';
import type { RValue } from '../../engine/memory/rvalue';
import { stringNew } from '../../engine/std/string';
import { vecNew } from '../../engine/std/vec';
import { INT_NAMES, prune, refTo, UNIT, USIZE, type TypeVar } from '../check/types';
import { RustSubsetError } from '../errors';
import { engineTy } from '../run/context';
import { deref, option, scalar, UNIT_V, USIZE_TY, type RefValue } from '../run/values';
import type { FnTyping, StdFn } from './table';

/** The first argument must be `&mut T`; returns T. */
function mutRefArg(x: FnTyping, arg: TypeVar): TypeVar {
  const p = prune(arg);
  if (!(p.k === 'con' && p.c === 'ref' && p.mutable)) x.mismatch(0, refTo(x.fresh(), true), arg);
  return p.args[0]!;
}

/** Whether `T: Default` for the types `mem::take` can default. */
export function hasDefault(t: TypeVar): boolean {
  const p = prune(t);
  if (p.k === 'var') return true;
  if (INT_NAMES.has(p.c) || ['f32', 'f64', 'bool', 'char', 'unit', 'String', 'Vec', 'Option'].includes(p.c)) return true;
  if (p.c === 'tuple') return p.args.every(hasDefault);
  return false;
}

/** `T::default()`: zero, false, '\0', an empty String/Vec (no allocation), None. */
export function defaultValue(m: Machine, ty: Ty): RValue {
  switch (ty.kind) {
    case 'int':
      return scalar(ty, 0);
    case 'float':
      return scalar(ty, 0);
    case 'bool':
      return scalar(ty, false);
    case 'char':
      return scalar(ty, '\0');
    case 'string':
      return stringNew();
    case 'vec':
      return vecNew(m, ty.elem);
    case 'option':
      return option(ty, null);
    case 'tuple':
      return ty.items.length ? { tag: 'tuple', ty, items: ty.items.map((t) => defaultValue(m, t)) } : UNIT_V;
    default:
      return UNIT_V;
  }
}

/** The bytes a value occupies: its type's size, or for a slice / str its length times the element's. */
function sizeOfVal(m: Machine, ty: Ty, v: RValue): number {
  if (ty.kind === 'str') return new TextEncoder().encode((v as { text: string }).text).length;
  if (ty.kind === 'slice') {
    const items = (v as { items?: RValue[]; len?: number });
    return (items.len ?? items.items!.length) * m.layoutOf(ty.elem).size;
  }
  return m.layoutOf(ty).size;
}

/** The type each `size_of::<T>()` call names (its turbofish, as inference settled it). */
const sizeOfTypes = new WeakMap<object, TypeVar>();

export const memFns: StdFn[] = [
  // `size_of` and `size_of_val` are in the prelude since Rust 1.80: bare names need no `use`.
  ...['size_of', 'mem::size_of'].map((path): StdFn => ({
    // `size_of::<T>()`: T's size as the engine lays it out (the layout module is checked against rustc).
    path,
    type: (x) => {
      x.argCount(0);
      const t = x.typeArg(0);
      if (!t) throw new RustSubsetError('`size_of` without a turbofish type (`size_of::<T>()`) is not supported yet', x.e.pos.line, x.e.pos.col, 'call_expression');
      sizeOfTypes.set(x.e, t);
      return USIZE;
    },
    run: (x) => {
      const t = engineTy(sizeOfTypes.get(x.e)!);
      return () => scalar(USIZE_TY, x.rt.m.layoutOf(t).size);
    },
  })),
  {
    path: 'mem::swap',
    type: (x) => {
      x.argCount(2);
      const [a, b] = x.args();
      mutRefArg(x, a!);
      x.unifyAt(1, a!, b!);
      return UNIT;
    },
    run: (x) => {
      const l = x.arg(0);
      const r = x.arg(1);
      return (a) => {
        const la = (l(a) as RefValue).loc;
        const lb = (r(a) as RefValue).loc;
        const va = la.take();
        const vb = lb.take();
        la.set(vb);
        lb.set(va);
        return UNIT_V;
      };
    },
  },
  {
    path: 'mem::replace',
    type: (x) => {
      x.argCount(2);
      const [dest, src] = x.args();
      const t = mutRefArg(x, dest!);
      x.unifyAt(1, t, src!);
      return t;
    },
    run: (x) => {
      const dest = x.arg(0);
      const src = x.arg(1);
      return (a) => {
        const loc = (dest(a) as RefValue).loc;
        const value = src(a);
        const old = loc.take();
        loc.set(value);
        return old;
      };
    },
  },
  {
    path: 'mem::take',
    type: (x) => {
      x.argCount(1);
      const t = mutRefArg(x, x.args()[0]!);
      if (!hasDefault(t)) x.mismatch(0, '&mut T where T: Default (a number, bool, char, String, Vec, Option or a tuple of them)', x.args()[0]!);
      return t;
    },
    run: (x) => {
      const dest = x.arg(0);
      const ty = x.ty;
      return (a) => {
        const loc = (dest(a) as RefValue).loc;
        const old = loc.take();
        loc.set(defaultValue(x.rt.m, ty));
        return old;
      };
    },
  },
  ...['drop', 'mem::drop'].map((path): StdFn => ({
    path,
    type: (x) => (x.argCount(1), x.args(), UNIT),
    run: (x) => {
      const v = x.arg(0);
      return (a) => {
        x.rt.m.dropValue(v(a));
        return UNIT_V;
      };
    },
  })),
  ...['size_of_val', 'mem::size_of_val'].map((path): StdFn => ({
    path,
    type: (x) => {
      x.argCount(1);
      const t = prune(x.args()[0]!);
      if (!(t.k === 'con' && t.c === 'ref')) x.mismatch(0, refTo(x.fresh(), false), t);
      return USIZE;
    },
    run: (x) => {
      const r = x.operand(0);
      const refTy = engineTy(x.e.args[0]!.ty!) as Extract<Ty, { kind: 'ref' }>;
      return (a) => scalar(USIZE_TY, sizeOfVal(x.rt.m, refTy.to, deref(r(a))));
    },
  })),
];

