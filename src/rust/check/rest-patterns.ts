/**
 * `..` in patterns, as inference reads them (Book ch. 19.3 "Ignoring Remaining Parts of a Value
 * with .."; Rust by Example "Destructuring: tuples, arrays/slices"):
 * - in a tuple or tuple variant `(first, .., last)` it stands for as many wildcards as the
 *   arity leaves, so the pattern is rewritten into them here and later stages see plain items;
 * - in a slice pattern `[first, middle @ .., last]` on an array or slice it matches any number
 *   of elements (the pattern stays a slice pattern; run/slice-patterns.ts matches it), and a
 *   binding of it is a subslice (`&[T]` through a reference, `[T; K]` from an array by value).
 */
import { RustSubsetError } from '../errors';
import type { Pat, Pos } from '../syntax/ast';
import { arrayLen, arrayOf, con, isRefTy, prune, type TypeVar } from './types';

/** Whether item q is the `..` of a list (bare, or bound as `name @ ..`). */
export function isRest(q: Pat): boolean {
  return q.k === 'rest' || (q.k === 'bind' && q.sub?.k === 'rest');
}

function restIndex(items: Pat[]): number {
  const at = items.findIndex(isRest);
  if (at >= 0 && items.findIndex((q, i) => i > at && isRest(q)) >= 0) {
    const second = items.filter(isRest)[1]!;
    throw new RustSubsetError('`..` used twice in one pattern is not supported', second.pos.line, second.pos.col, 'remaining_field_pattern');
  }
  return at;
}

/** A tuple's or tuple variant's items with `..` replaced by the wildcards it stands for (arity known). */
export function expandRest(items: Pat[], arity: number): Pat[] {
  const at = restIndex(items);
  if (at < 0) return items;
  const rest = items[at]!;
  if (rest.k !== 'rest') throw new RustSubsetError('`name @ ..` outside a slice pattern is not supported', rest.pos.line, rest.pos.col, 'captured_pattern');
  const fill = Math.max(0, arity - (items.length - 1));
  const wild: Pat[] = Array.from({ length: fill }, () => ({ k: 'wild', pos: rest.pos }));
  return [...items.slice(0, at), ...wild, ...items.slice(at + 1)];
}

/** What inference lends the slice-pattern rule. */
export interface SlicePatTyping {
  bindPat(p: Pat, ty: TypeVar, viaRef: boolean | 'mut'): void;
  mismatch(pos: Pos, expected: TypeVar, found: TypeVar): never;
  v(): TypeVar;
}

/**
 * `[a, b, rest @ ..]` against an array or slice, through any references (which make the
 * bindings references, as match ergonomics does): each item binds an element; `rest @ ..` binds
 * the subslice.
 */
export function inferSlicePat(inf: SlicePatTyping, p: Pat & { k: 'slice' }, t: TypeVar, viaRef: boolean | 'mut', throughRef: (mode: boolean | 'mut', r: TypeVar) => boolean | 'mut'): void {
  let inner = prune(t);
  let ref = viaRef;
  while (isRefTy(inner)) {
    ref = throughRef(ref, inner);
    inner = prune((inner as { args: TypeVar[] }).args[0]!);
  }
  if (inner.k !== 'con' || (inner.c !== 'Array' && inner.c !== 'slice')) inf.mismatch(p.pos, con('slice', inf.v()), t);
  const elem = inner.args[0]!;
  const at = restIndex(p.items);
  const fixed = p.items.length - (at >= 0 ? 1 : 0);
  if (inner.c === 'Array') {
    const n = arrayLen(inner);
    if (at < 0 ? n !== fixed : n < fixed) {
      throw new RustSubsetError(`a pattern of ${fixed} element${fixed === 1 ? '' : 's'} against an array of ${n} is not supported`, p.pos.line, p.pos.col, 'slice_pattern');
    }
  }
  p.items.forEach((q, i) => {
    if (i !== at) return inf.bindPat(q, elem, ref);
    if (q.k !== 'bind') return;
    const sub = inner.k === 'con' && inner.c === 'Array' ? arrayOf(elem, arrayLen(inner) - fixed) : con('slice', elem);
    if (!ref && inner.k === 'con' && inner.c === 'slice') {
      throw new RustSubsetError(`binding \`${q.name} @ ..\` to a slice by value is not supported (match on a reference)`, q.pos.line, q.pos.col, 'captured_pattern');
    }
    inf.bindPat(q, sub, ref);
  });
}

/**
 * What slice patterns leave unmatched (rustc's E0004), by length: a pattern without `..` matches
 * one length, one with `..` every length from its item count on; each length up to one past the
 * longest pattern is checked column by column (`covers`), longer ones behave as that one.
 */
export function sliceUncovered(ps: Pat[], elem: TypeVar, arrayLen: number | undefined, covers: (rows: Pat[][], tys: TypeVar[]) => boolean): string | null {
  const slices = ps.filter((p): p is Pat & { k: 'slice' } => p.k === 'slice');
  const fixed = (p: Pat & { k: 'slice' }) => p.items.length - (p.items.some(isRest) ? 1 : 0);
  const longest = Math.max(0, ...slices.map(fixed));
  const lengths = arrayLen !== undefined ? [arrayLen] : Array.from({ length: longest + 2 }, (_, i) => i);
  for (const len of lengths) {
    const rows: Pat[][] = [];
    for (const p of slices) {
      const at = p.items.findIndex(isRest);
      if (at < 0 ? p.items.length !== len : fixed(p) > len) continue;
      if (at < 0) rows.push(p.items);
      else rows.push([...p.items.slice(0, at), ...Array.from({ length: len - fixed(p) }, (): Pat => ({ k: 'wild', pos: p.pos })), ...p.items.slice(at + 1)]);
    }
    if (!rows.length || !covers(rows, new Array(len).fill(elem))) {
      const shown = new Array(len).fill('_');
      if (arrayLen === undefined && len > longest) shown.push('..');
      return `\`&[${shown.join(', ')}]\``;
    }
  }
  return null;
}
