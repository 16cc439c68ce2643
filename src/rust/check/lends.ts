/**
 * What a call's result keeps borrowed, for the borrow check of `let r = <call>`. rustc reads it
 * from the signature by lifetime elision: a method taking `&self` / `&mut self` whose result
 * carries a reference or a borrowing view (`&T`, `Option<&T>`, `Iter<T>`, `Chars`, a `Split`, an
 * `Entry`) borrows its receiver for as long as the result lives; through a chain
 * (`v.iter_mut().next()`, `s.split(' ').next()`, `v.first().unwrap()`) the borrow is the first
 * receiver's, as long as each link still carries it. A reference the receiver already held is
 * not a new borrow of it: the `&str` items of a `Vec<&str>` copied out (`v.first().copied()`)
 * borrow what the Vec's items borrow, so they inherit the borrows the receiver itself holds.
 * A free fn's result borrows the locals it was given by `&x` / `&mut x`.
 */
import type { Binding, Expr, Pos } from '../syntax/ast';
import { placeOf, type PlacePath } from './places';
import { autoDeref, conName, prune, show, type TypeVar } from './types';

/** One local a result keeps borrowed. */
export interface Lend extends Partial<PlacePath> {
  root: Binding;
  mutable: boolean;
}

/** What the borrow check lends this rule. */
export interface LendCheck {
  /** Whether the method `e` calls takes `&mut self` (std/index.ts takesMutSelf). */
  mutSelf(e: Expr & { k: 'method' }): boolean;
  /** The borrows the value of local `b` holds now. */
  heldBy(b: Binding, at: Pos): Lend[];
}

/** std containers whose clone holds only the references their elements hold. */
const OWNING = new Set(['Vec', 'VecDeque', 'HashMap', 'HashSet', 'BTreeMap', 'BTreeSet', 'Option', 'Box', 'Rc']);

/** std types that borrow what made them without a `&` in their type as the checker writes it. */
const VIEWS = new Set(['Iter', 'Chars', 'Bytes', 'MapIter', 'Keys', 'Values', 'Entry']);

/** Iterator methods whose result does borrow the iterator (`peekable.peek()`). */
const SELF_BORROWING = new Set(['peek', 'peek_mut', 'by_ref', 'as_str', 'as_slice']);

/** Whether a local's type is an iterator (std's views and adapters). */
function isIterator(t: TypeVar): boolean {
  const c = conName(t);
  return (VIEWS.has(c) && c !== 'Entry') || c.startsWith('iter:') || c === 'Enumerate' || c === 'Range';
}

/** Locals the value of `e` (a call or method call) keeps borrowed while it lives. */
export function lends(k: LendCheck, e: Expr): Lend[] {
  if (e.k !== 'call' && e.k !== 'method') return [];
  const t = e.ty!;
  if (e.k === 'method') {
    // A container's `clone()` returns Self: the references in a `Vec<&str>`'s clone are the receiver's own, not a borrow of it.
    if (e.name === 'clone' && OWNING.has(conName(autoDeref(e.recv.ty!)))) return [];
    if (conName(e.recv.ty) !== 'ref') {
      const place = placeOf(e.recv);
      if (place) {
        const { root } = place;
        // An iterator's items (`it.next()`, `it.nth(2)`) borrow what it walks, not the iterator: `Self::Item` has no lifetime of `&mut self`.
        if (isIterator(root.ty!) && !place.viaRef && !SELF_BORROWING.has(e.name)) return carries(t) ? k.heldBy(root, e.recv.pos) : [];
        if (fresh(t, owned(place.viaRef ? autoDeref(root.ty!) : root.ty))) return [{ ...place, mutable: k.mutSelf(e) || holdsRef(t, true) }];
        // What the result carries is what the receiver held (an item copied out): its borrows go on.
        return carries(t) && !place.viaRef ? k.heldBy(root, e.recv.pos) : [];
      }
    }
    // Through a reference held in a local (`let r = &v; r.first()`): what the reference borrows.
    if (e.recv.k === 'name' && e.recv.binding && conName(e.recv.ty) === 'ref') {
      const referent = (prune(e.recv.ty!) as { args: TypeVar[] }).args[0]!;
      return fresh(t, owned(referent)) ? k.heldBy(e.recv.binding, e.recv.pos) : [];
    }
    // A temporary receiver that itself carries a borrow (`v.iter_mut()` in `v.iter_mut().next()`).
    if (e.recv.k === 'method' || e.recv.k === 'call') {
      const inner = lends(k, e.recv);
      if (inner.length) return inner.filter((l) => fresh(t, owned(l.root.ty)));
    }
  }
  if (!holdsRef(t)) return [];
  const out: Lend[] = [];
  for (const arg of e.args) {
    if (arg.k !== 'ref') continue;
    const place = placeOf(arg.e);
    if (place) out.push({ ...place, mutable: holdsRef(t, true) });
  }
  return out;
}

/** Every part of the owner's type, written out: a reference found among them is one the owner holds, not one made from it. */
function owned(t: TypeVar, out = new Set<string>()): Set<string> {
  const p = prune(t);
  out.add(show(p));
  if (p.k === 'con') for (const a of p.args) owned(a, out);
  return out;
}

/** Whether `t` holds a reference or a borrowing view that is not one of the owner's own parts. */
function fresh(t: TypeVar, own: Set<string>): boolean {
  const p = prune(t);
  if (p.k !== 'con' || own.has(show(p))) return false;
  if (p.c === 'ref' || VIEWS.has(p.c)) return true;
  return p.args.some((a) => fresh(a, own));
}

/** Whether `t` holds any reference or borrowing view. */
export function carries(t: TypeVar): boolean {
  return fresh(t, new Set());
}

/** Whether `t` holds a reference (`mutable`: a `&mut`). */
export function holdsRef(t: TypeVar, mutable = false): boolean {
  const p = prune(t);
  if (p.k !== 'con') return false;
  if (p.c === 'ref') return !mutable || !!p.mutable;
  return p.args.some((a) => holdsRef(a, mutable));
}
