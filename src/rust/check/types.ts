/**
 * Types during inference: constructors over unification variables. Integer and float literals
 * start as literal variables (`{integer}`, `{float}`) that default to i32 / f64 as rustc does.
 */
import type { IntName, Ty } from '../../engine/layout/types';
import { fnTraitSig } from '../syntax/fn-traits';

export type TypeVar =
  | { k: 'var'; id: number; ref: TypeVar | null; lit?: 'int' | 'float'; onBind?: (() => void)[] }
  | { k: 'con'; c: string; args: TypeVar[]; mutable?: boolean };

let nextVar = 0;
export function fresh(lit?: 'int' | 'float'): TypeVar {
  return { k: 'var', id: nextVar++, ref: null, lit };
}

export const con = (c: string, ...args: TypeVar[]): TypeVar => ({ k: 'con', c, args });
export const refTo = (to: TypeVar, mutable: boolean): TypeVar => ({ k: 'con', c: 'ref', args: [to], mutable });

export const INT_NAMES = new Set(['i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize']);

/**
 * The type a variable stands for: the end of its chain of bindings. The chain is then shortened
 * (path compression): each variable on it points straight at the end. Without that, a long sum
 * `1 + 1 + … + 1` chains one literal to the next and every later prune walks the whole chain,
 * which made checking it quadratic (50,000 terms: 51 s).
 */
export function prune(t: TypeVar): TypeVar {
  if (t.k !== 'var' || !t.ref) return t;
  let end = t.ref;
  while (end.k === 'var' && end.ref) end = end.ref;
  while (t.k === 'var' && t.ref && t.ref !== end) {
    const next: TypeVar = t.ref;
    t.ref = end;
    t = next;
  }
  return end;
}

export function isInt(t: TypeVar): boolean {
  t = prune(t);
  return t.k === 'var' ? t.lit === 'int' : INT_NAMES.has(t.c);
}
export function isFloat(t: TypeVar): boolean {
  t = prune(t);
  return t.k === 'var' ? t.lit === 'float' : t.c === 'f32' || t.c === 'f64';
}

/**
 * Runs `f` once `t` is known (at once when it is): a rule that needs a later annotation, e.g.
 * `let v: Vec<_> = it.collect()` fixing the Vec's item by the iterator's before v is used.
 */
export function whenKnown(t: TypeVar, f: () => void): void {
  const p = prune(t);
  if (p.k === 'var') (p.onBind ??= []).push(f);
  else f();
}

/** Rust's spelling of a type, for error messages. */
export function show(t: TypeVar): string {
  t = prune(t);
  if (t.k === 'var') return t.lit === 'int' ? '{integer}' : t.lit === 'float' ? '{float}' : '_';
  const a = t.args.map(show);
  switch (t.c) {
    case 'ref':
      return `&${t.mutable ? 'mut ' : ''}${a[0]}`;
    case 'tuple':
      return `(${a.join(', ')}${a.length === 1 ? ',' : ''})`;
    case 'unit':
      return '()';
    case 'never':
      return '!';
    case 'Range':
      return `std::ops::Range<${a[0]}>`;
    case 'Iter':
      return `std::slice::Iter<'_, ${a[0]}>`;
    case 'Array':
      return `[${a[0]}; ${show(t.args[1]!)}]`;
    case 'slice':
      return `[${a[0]}]`;
    case 'Chars':
      return `std::str::Chars<'_>`;
    case 'Bytes':
      return `std::str::Bytes<'_>`;
    case 'Enumerate':
      return `std::iter::Enumerate<${a[0]}>`;
    case 'Result':
      return `Result<${a[0]}, ${a[1]}>`;
    default:
      if (isFnTrait(t.c)) return `${t.c}(${a.slice(1).join(', ')})${a[0] === '()' ? '' : ` -> ${a[0]}`}`;
      if (t.c.startsWith('adt:')) return a.length ? `${t.c.slice(4)}<${a.join(', ')}>` : t.c.slice(4);
      if (t.c.startsWith('dyn:')) return `dyn ${t.c.slice(4)}`;
      if (t.c.startsWith('iter:')) return `${t.c.slice(5)}<${a.slice(1).join(', ')}>`;
      return a.length ? `${t.c}<${a.join(', ')}>` : t.c;
  }
}

export class UnifyError extends Error {}

function occurs(v: TypeVar, t: TypeVar): boolean {
  t = prune(t);
  if (t === v) return true;
  return t.k === 'con' && t.args.some((a) => occurs(v, a));
}

/** Makes a and b the same type, or throws UnifyError. `never` fits anything. */
export function unify(a: TypeVar, b: TypeVar): void {
  a = prune(a);
  b = prune(b);
  if (a === b) return;
  if (a.k === 'var' && b.k === 'var') {
    if (a.lit && b.lit && a.lit !== b.lit) throw new UnifyError();
    const [from, to] = a.lit && !b.lit ? [b, a] : [a, b];
    from.ref = to;
    if (from.onBind) (to.onBind ??= []).push(...from.onBind);
    return;
  }
  if (a.k === 'var' || b.k === 'var') {
    const v = (a.k === 'var' ? a : b) as Extract<TypeVar, { k: 'var' }>;
    const c = (a.k === 'var' ? b : a) as Extract<TypeVar, { k: 'con' }>;
    if (c.c === 'never') return;
    if (v.lit === 'int' && !INT_NAMES.has(c.c)) throw new UnifyError();
    if (v.lit === 'float' && c.c !== 'f32' && c.c !== 'f64') throw new UnifyError();
    if (occurs(v, c)) throw new UnifyError();
    v.ref = c;
    if (v.onBind) for (const f of v.onBind.splice(0)) f();
    return;
  }
  if (a.c === 'never' || b.c === 'never') return;
  if (a.c !== b.c || a.args.length !== b.args.length) throw new UnifyError();
  if (a.c === 'ref' && a.mutable !== b.mutable) throw new UnifyError();
  for (let i = 0; i < a.args.length; i++) unify(a.args[i]!, b.args[i]!);
}

/** While a generic item is read: its type parameters' names → their types (check/generics.ts). */
let params: ((name: string) => TypeVar | undefined) | undefined;

/** Runs `f` with written names looked up in `lookup` first (type parameters, `_`). */
export function withParams<T>(lookup: (name: string) => TypeVar | undefined, f: () => T): T {
  const saved = params;
  params = lookup;
  try {
    return f();
  } finally {
    params = saved;
  }
}

/** From a written type (`Vec<String>`, `&mut i32`) to an inference type. */
export function fromTy(ty: Ty): TypeVar {
  switch (ty.kind) {
    case 'int':
    case 'float':
      return con(ty.name);
    case 'bool':
    case 'char':
    case 'unit':
    case 'never':
    case 'str':
      return con(ty.kind);
    case 'string':
      return con('String');
    case 'ref':
      return refTo(fromTy(ty.to), ty.mutable);
    case 'box':
      return con('Box', fromTy(ty.to));
    case 'rc':
      return con('Rc', fromTy(ty.to));
    case 'vec':
      return con('Vec', fromTy(ty.elem));
    case 'option':
      return con('Option', fromTy(ty.some));
    case 'result':
      return con('Result', fromTy(ty.ok), fromTy(ty.err));
    case 'dyn': {
      // `impl Fn(A) -> R` / `dyn Fn(A) -> R`: the trait's name and its signature (ret first);
      // any other trait object is the program's own trait.
      const f = fnTraitSig(ty.trait);
      if (f) return con(`${f.impl ? 'impl' : 'dyn'} ${f.kind}`, fromTy(f.ret), ...f.params.map(fromTy));
      return con(`dyn:${ty.trait.replace(/\s+/g, '')}`);
    }
    case 'tuple':
      return ty.items.length ? con('tuple', ...ty.items.map(fromTy)) : con('unit');
    case 'adt': {
      const param = !ty.args && params ? params(ty.name) : undefined;
      if (param) return param;
      return con(`adt:${ty.name}`, ...(ty.args ?? []).map(fromTy));
    }
    case 'array':
      return arrayOf(fromTy(ty.elem), ty.len);
    case 'slice':
      return con('slice', fromTy(ty.elem));
    case 'std':
      // std::cmp::Ordering is an enum of the program's (std/compare.ts adds it).
      if (ty.name === 'Ordering') return con('adt:Ordering');
      if (['HashMap', 'HashSet', 'VecDeque', 'BTreeMap', 'BTreeSet'].includes(ty.name)) return con(ty.name, ...ty.args.map(fromTy));
      if (CELLS.has(ty.name)) return con(ty.name, ...ty.args.map(fromTy));
      throw new UnifyError(`type ${ty.name}`);
    default:
      throw new UnifyError(`type ${ty.kind}`);
  }
}

/** Back to the engine's Ty once inference is done; literals default to i32 / f64. */
export function toTy(t: TypeVar): Ty {
  t = prune(t);
  if (t.k === 'var') {
    if (t.lit === 'float') return { kind: 'float', name: 'f64' };
    if (t.lit === 'int') return { kind: 'int', name: 'i32' };
    return { kind: 'unit' };
  }
  const a = t.args;
  switch (t.c) {
    case 'f32':
    case 'f64':
      return { kind: 'float', name: t.c };
    case 'bool':
    case 'char':
    case 'unit':
    case 'str':
      return { kind: t.c };
    case 'never':
      return { kind: 'unit' };
    case 'String':
      return { kind: 'string' };
    case 'ref':
      return { kind: 'ref', mutable: !!t.mutable, to: toTy(a[0]!) };
    case 'Box':
      return { kind: 'box', to: toTy(a[0]!) };
    case 'Rc':
      return { kind: 'rc', to: toTy(a[0]!) };
    case 'Vec':
      return { kind: 'vec', elem: toTy(a[0]!) };
    case 'Option':
      return { kind: 'option', some: toTy(a[0]!) };
    case 'Result':
      return { kind: 'result', ok: toTy(a[0]!), err: toTy(a[1]!) };
    case 'tuple':
      return { kind: 'tuple', items: a.map(toTy) };
    case 'Range':
      return { kind: 'tuple', items: [toTy(a[0]!), toTy(a[0]!)] };
    case 'Cell':
    case 'RefCell':
    case 'Ref':
    case 'RefMut':
    case 'Weak':
      return { kind: 'std', name: t.c, args: [toTy(a[0]!)] };
    case 'Iter':
      return { kind: 'tuple', items: [{ kind: 'ref', mutable: false, to: toTy(a[0]!) }, { kind: 'ref', mutable: false, to: toTy(a[0]!) }] };
    case 'Array':
      return { kind: 'array', elem: toTy(a[0]!), len: arrayLen(t) };
    case 'slice':
      return { kind: 'slice', elem: toTy(a[0]!) };
    case 'HashMap':
    case 'HashSet':
    case 'VecDeque':
    case 'BTreeMap':
    case 'BTreeSet':
      return { kind: 'std', name: t.c, args: a.map(toTy) };
    case 'Chars':
    case 'Bytes':
      return { kind: 'tuple', items: [{ kind: 'ref', mutable: false, to: { kind: 'int', name: 'u8' } }, { kind: 'ref', mutable: false, to: { kind: 'int', name: 'u8' } }] };
    case 'Enumerate':
      return { kind: 'tuple', items: [toTy(a[0]!), { kind: 'int', name: 'usize' }] };
    default:
      if (INT_NAMES.has(t.c)) return { kind: 'int', name: t.c as IntName };
      if (t.c.startsWith('adt:')) return a.length ? { kind: 'adt', name: t.c.slice(4), args: a.map(toTy) } : { kind: 'adt', name: t.c.slice(4) };
      if (t.c.startsWith('dyn:')) return { kind: 'dyn', trait: t.c.slice(4) };
      // An iterator adapter holds its parts (the item type, first, is not stored).
      if (t.c.startsWith('iter:')) return { kind: 'tuple', items: a.slice(1).map(toTy) };
      // A local of an `impl Fn` type takes its value's own layout (run/closures.ts); `dyn` is unsized.
      if (isFnTrait(t.c)) return { kind: 'dyn', trait: show(t) };
      return { kind: 'unit' };
  }
}

/** Default literal variables (call once a function is inferred). */
export function defaultLiterals(t: TypeVar): void {
  t = prune(t);
  if (t.k === 'var') {
    if (t.lit) t.ref = con(t.lit === 'int' ? 'i32' : 'f64');
    return;
  }
  for (const a of t.args) defaultLiterals(a);
}

export const USIZE = con('usize');
export const BOOL = con('bool');
export const UNIT = con('unit');
export const STR_REF = refTo(con('str'), false);
export const STRING = con('String');
export const NEVER = con('never');

/** The constructor's name of a type (`Vec`, `ref`, `adt:Point`), or `?` for an unsolved variable. */
export function conName(t: TypeVar | undefined): string {
  const p = prune(t!);
  return p.k === 'con' ? p.c : '?';
}

export function isNever(t: TypeVar): boolean {
  const p = prune(t);
  return p.k === 'con' && p.c === 'never';
}

/** Looks through references, Box/Rc and RefCell's guards (field access and indexing auto-deref). */
export function autoDeref(t: TypeVar): TypeVar {
  let p = prune(t);
  while (p.k === 'con' && (p.c === 'ref' || p.c === 'Box' || p.c === 'Rc' || p.c === 'Ref' || p.c === 'RefMut')) p = prune(p.args[0]!);
  return p;
}

/** std's cells, RefCell's guards and Rc's Weak, as inference names them (`RefCell<T>` is `RefCell` of T). */
export const CELLS = new Set(['Cell', 'RefCell', 'Ref', 'RefMut', 'Weak']);

/** A guard of a RefCell: derefs to what it borrows. */
export function isGuard(t: TypeVar | undefined): boolean {
  const p = prune(t!);
  return p.k === 'con' && (p.c === 'Ref' || p.c === 'RefMut');
}

/** A type with a variable nothing settled (not an integer/float literal, which default). */
export function unresolved(t: TypeVar): boolean {
  const p = prune(t);
  if (p.k === 'var') return !p.lit;
  if (p.c === 'never') return false;
  return p.args.some(unresolved);
}

export function isRefTy(t: TypeVar): boolean {
  const p = prune(t);
  return p.k === 'con' && p.c === 'ref';
}

export function derefTy(t: TypeVar): TypeVar {
  let p = prune(t);
  while (p.k === 'con' && p.c === 'ref') p = prune(p.args[0]!);
  return p;
}

export function derefNum(t: TypeVar): TypeVar {
  const p = prune(t);
  if (p.k === 'con' && p.c === 'ref') {
    const inner = prune(p.args[0]!);
    if (isInt(inner) || isFloat(inner)) return inner;
  }
  return t;
}

export function isTextTy(t: TypeVar): boolean {
  const p = derefTy(t);
  return p.k === 'con' && (p.c === 'String' || p.c === 'str');
}

export function isStringTy(t: TypeVar): boolean {
  const p = prune(t);
  return p.k === 'con' && p.c === 'String';
}

/** Whether unify(a, b) would succeed, without binding anything. */
export function compatible(a: TypeVar, b: TypeVar): boolean {
  a = prune(a);
  b = prune(b);
  if (a === b) return true;
  if (a.k === 'var' || b.k === 'var') {
    const v = (a.k === 'var' ? a : b) as Extract<TypeVar, { k: 'var' }>;
    const o = a.k === 'var' ? b : a;
    if (o.k === 'var') return !(v.lit && o.lit && v.lit !== o.lit);
    if (v.lit === 'int') return INT_NAMES.has(o.c);
    if (v.lit === 'float') return o.c === 'f32' || o.c === 'f64';
    return true;
  }
  if (a.c === 'never' || b.c === 'never') return true;
  const bc = b as Extract<TypeVar, { k: 'con' }>;
  if (a.c !== bc.c || a.args.length !== bc.args.length || (a.c === 'ref' && a.mutable !== bc.mutable)) return false;
  return a.args.every((x, i) => compatible(x, bc.args[i]!));
}

/** `[T; N]`: the length is a constructor of its own (`N` as its name), so lengths unify by equality. */
export function arrayOf(elem: TypeVar, len: number): TypeVar {
  return con('Array', elem, con(String(len)));
}

/** N of an `[T; N]` type. */
export function arrayLen(t: TypeVar): number {
  return Number(conName((prune(t) as Extract<TypeVar, { k: 'con' }>).args[1]));
}

/** The element type of an array, a slice or a Vec (`[T; N]`, `[T]`, `Vec<T>`), else undefined. */
export function seqElem(t: TypeVar): TypeVar | undefined {
  const p = prune(t);
  return p.k === 'con' && (p.c === 'Array' || p.c === 'slice' || p.c === 'Vec') ? p.args[0] : undefined;
}

/** `impl Fn`, `dyn FnMut`, …: a closure trait as a type (its args: the return type, then the parameters). */
export function isFnTrait(c: string): boolean {
  return /^(impl|dyn) Fn(Mut|Once)?$/.test(c);
}
