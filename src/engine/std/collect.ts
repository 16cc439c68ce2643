/**
 * `Iterator::collect` into a Vec or a String as std 1.95 does it, from the iterator's size_hint:
 * - Vec from a TrustedLen iterator (ranges, slice and vec iterators, and `map`, `enumerate`,
 *   `zip`, `rev`, `take`, `chain`, `copied`, `cloned` over them): one `with_capacity(upper)`, then
 *   the items written in (no allocation at all for zero items);
 * - Vec from any other (`filter`, `take_while`, `chars`, …): the first item is taken before any
 *   allocation (none at all when there is none), then `with_capacity(max(MIN_NON_ZERO_CAP,
 *   lower + 1))`, and each time the Vec is full `reserve(lower + 1)` with the hint at that point
 *   (SpecFromIterNested + extend_desugared); MIN_NON_ZERO_CAP is 8 for 1-byte elements, 4 up to
 *   1 KiB, else 1;
 * - Vec from a `vec::IntoIter`, directly or through in-place adapters: the source's buffer
 *   reused where std does (in-place-collect.ts);
 * - `extend` from an iterator: the same two rules on a Vec that may hold items already;
 * - String from chars: `reserve(lower)` once, then a push per char; from `&str` / `String` items:
 *   push_str each (a String item first becomes the buffer itself).
 */
import type { Ty } from '../layout/types';
import type { Machine } from '../memory/machine';
import type { Home, RValue, StringValue, VecValue } from '../memory/rvalue';
import { TEMP, pushChar, pushStr, stringNew, stringReserve } from './string';
import { collectInPlace, type VecSource } from './in-place-collect';
import { vecPush, vecReserve, vecWithCapacity, vecNew } from './vec';

/** What collecting needs of an iterator. */
export interface ItemSource {
  next(): RValue | undefined;
  /** std's size_hint: (lower, upper or undefined for none). */
  hint(): [number, number | undefined];
  /** Implements TrustedLen: the hint is exact. */
  trusted: boolean;
  /** The Vec a `vec::IntoIter` at the source owns, passed up by the adapters std collects in place through. */
  source?: VecSource;
}

export function collectVec(m: Machine, elem: Ty, it: ItemSource, home: Home = TEMP): VecValue {
  const inPlace = it.source && collectInPlace(m, elem, it);
  if (inPlace) return inPlace;
  if (it.trusted) {
    const [, upper] = it.hint();
    if (upper === undefined) throw new Error('capacity overflow');
    const v = upper ? vecWithCapacity(m, elem, upper, home) : vecNew(m, elem);
    for (let x = it.next(); x !== undefined; x = it.next()) vecPush(m, v, x, home);
    return v;
  }
  const first = it.next();
  if (first === undefined) return vecNew(m, elem);
  const size = m.layoutOf(elem).size;
  const minCap = size === 1 ? 8 : size <= 1024 ? 4 : 1;
  const v = vecWithCapacity(m, elem, Math.max(minCap, it.hint()[0] + 1), home);
  vecPush(m, v, first, home);
  for (let x = it.next(); x !== undefined; x = it.next()) {
    if (v.len === v.cap) vecReserve(m, v, it.hint()[0] + 1, home);
    vecPush(m, v, x, home);
  }
  return v;
}

/**
 * `v.extend(iter)` as std 1.95's spec_extend: from a TrustedLen iterator one `reserve(upper)`
 * then the items written in; from any other (extend_desugared) each time the Vec is full
 * `reserve(lower + 1)` with the hint at that point. `item` turns an item into the element
 * (a copy of `*r` for `Extend<&T>`).
 */
export function extendVec(m: Machine, v: VecValue, it: ItemSource, home: Home, item: (x: RValue) => RValue = (x) => x): void {
  if (it.trusted) {
    const [, upper] = it.hint();
    if (upper === undefined) throw new Error('capacity overflow');
    vecReserve(m, v, upper, home);
    for (let x = it.next(); x !== undefined; x = it.next()) vecPush(m, v, item(x), home);
    return;
  }
  for (let x = it.next(); x !== undefined; x = it.next()) {
    if (v.len === v.cap) vecReserve(m, v, it.hint()[0] + 1, home);
    vecPush(m, v, item(x), home);
  }
}

/** `collect::<String>()` from chars, `&str`s or Strings (`items` says which). */
export function collectString(m: Machine, it: ItemSource, items: 'char' | 'str' | 'String', home: Home = TEMP): StringValue {
  if (items === 'char') {
    const s = stringNew();
    stringReserve(m, s, it.hint()[0], home);
    for (let x = it.next(); x !== undefined; x = it.next()) pushChar(m, s, String((x as { v: string }).v), home);
    return s;
  }
  let s: StringValue | undefined;
  for (let x = it.next(); x !== undefined; x = it.next()) {
    if (x.tag === 'string' && !s) {
      s = x;
      continue;
    }
    s ??= stringNew();
    pushStr(m, s, (x as { text: string }).text, home);
    if (x.tag === 'string') m.dropValue(x);
  }
  return s ?? stringNew();
}

/**
 * `collect()` into `Result<Vec<T>, E>` or `Option<Vec<T>>` as std's try_process does it: the Vec
 * collects through a GenericShunt (not TrustedLen; its hint is `(0, upper)` until a residual is
 * met), which hands out each `Ok`/`Some` payload; the first `Err`/`None` (`split` gives it as
 * `residual`) stops it, the Vec made so far is dropped, and the residual is the result.
 */
export function collectShunted(m: Machine, elem: Ty, it: ItemSource, split: (x: RValue) => { ok: RValue } | { residual: RValue }): { vec: VecValue } | { residual: RValue } {
  let residual: RValue | undefined;
  const shunt: ItemSource = {
    trusted: false,
    next: () => {
      if (residual) return undefined;
      const x = it.next();
      if (x === undefined) return undefined;
      const s = split(x);
      if ('ok' in s) return s.ok;
      residual = s.residual;
      return undefined;
    },
    hint: () => (residual ? [0, 0] : [0, it.hint()[1]]),
  };
  const vec = collectVec(m, elem, shunt);
  if (!residual) return { vec };
  m.dropValue(vec);
  return { residual };
}
