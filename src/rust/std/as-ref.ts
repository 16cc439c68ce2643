/**
 * `AsRef<X>::as_ref` / `AsMut<X>::as_mut` as std implements them for the types the subset has:
 * `String` and `str` as `str`, `Vec<T>` and `[T; N]` as `[T]` (a Vec as itself too), `Box<T>`
 * and `Rc<T>` (AsRef only) as `T`. Which X is meant comes from a bound (`T: AsRef<str>`,
 * check/as-ref.ts): std has several AsRef impls per type, so the call alone does not say.
 * The result is a reference into the receiver; nothing is allocated.
 */
import { con, prune, refTo, show, type TypeVar } from '../check/types';
import { type Codegen, type Ev, engineTy } from '../run/context';
import type { Expr, Notes } from '../syntax/ast';
import type { Ty } from '../../engine/layout/types';
import type { RValue } from '../../engine/memory/rvalue';
import { BoxLoc, deref, makeRef, type Loc } from '../run/values';
import type { Machine } from '../../engine/memory/machine';

/** How the reference is made: a str view of a String, the place itself, or what a Box/Rc holds. */
export type AsRefKind = 'string' | 'place' | 'pointee';

/** Which impl `recv: AsRef<target>` (or AsMut) is, or undefined when std has none. */
export function asRefImpl(recv: TypeVar, target: TypeVar, mutable: boolean): AsRefKind | undefined {
  const r = prune(recv);
  const t = prune(target);
  if (r.k !== 'con' || t.k !== 'con') return undefined;
  const same = (a: TypeVar, b: TypeVar) => show(a) === show(b);
  switch (r.c) {
    case 'String':
      return t.c === 'str' ? 'string' : undefined;
    case 'str':
      return t.c === 'str' ? 'place' : undefined;
    case 'Vec':
      return (t.c === 'slice' && same(t.args[0]!, r.args[0]!)) || same(t, r) ? 'place' : undefined;
    case 'Array':
    case 'slice':
      return t.c === 'slice' && same(t.args[0]!, r.args[0]!) ? 'place' : undefined;
    case 'Box':
      return same(t, r.args[0]!) ? 'pointee' : undefined;
    case 'Rc':
      return !mutable && same(t, r.args[0]!) ? 'pointee' : undefined;
    default:
      return undefined;
  }
}

/** The reference `as_ref()` / `as_mut()` gives for the receiver at `loc`. */
export function asRefValue(m: Machine, kind: AsRefKind, loc: Loc, refTy: Ty, strTy: Ty): RValue {
  const v = deref(loc.get());
  switch (kind) {
    case 'string': {
      const s = v as Extract<RValue, { tag: 'string' }>;
      return { tag: 'str', ty: strTy, text: s.text, target: s.buf ? { kind: 'block', block: s.buf, offset: 0 } : null };
    }
    case 'place':
      // A str is itself a reference (its text and where it lives).
      return v.tag === 'str' ? { ...v, ty: strTy } : makeRef(refTy, loc);
    case 'pointee':
      return makeRef(refTy, new BoxLoc(m, v as Extract<RValue, { tag: 'box' | 'rc' }>));
  }
}

/** The receiver's type with references looked through (`&mut Box<u32>` → `Box<u32>`). */
export function derefRefs(t: TypeVar): TypeVar {
  let p = prune(t);
  while (p.k === 'con' && p.c === 'ref') p = prune(p.args[0]!);
  return p;
}

export const isAsRefName = (name: string) => name === 'as_ref' || name === 'as_mut';

/** Code for a call check/as-ref.ts resolved through a bound. */
export function compileAsRef(k: Codegen, e: Expr & { k: 'method' }, how: NonNullable<Notes['asRef']>): Ev {
  const kind = asRefImpl(how.recv, how.target, how.mutable)!;
  if (how.mutable) {
    k.checks.checkMutableRecv(e.recv);
    k.checks.accessPlace(e.recv, e.recv.pos, 'mutborrow');
  }
  const loc = k.recvPlace(e.recv, true);
  const refTy = engineTy(refTo(how.target, how.mutable));
  const strTy = engineTy(refTo(con('str'), how.mutable));
  return (a) => asRefValue(k.rt.m, kind, loc(a), refTy, strTy);
}
