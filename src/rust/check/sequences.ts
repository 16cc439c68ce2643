/**
 * Typing of arrays and slices: `[a, b]` and `[x; N]` literals, indexing an array, a slice or a Vec
 * with a number (the element) or a range (`v[1..3]`, `a[..]`: the unsized slice `[T]`, borrowed
 * as `&v[1..3]`), and the unsizing coercions `&Vec<T>` / `&[T; N]` → `&[T]` at coercion sites.
 */
import type { Expr, Pos } from '../syntax/ast';
import { RustSubsetError } from '../errors';
import { arrayOf, con, prune, seqElem, USIZE, type TypeVar } from './types';

/** What these rules ask of inference. */
export interface SeqTyping {
  expr(e: Expr): TypeVar;
  coerce(e: Expr, found: TypeVar, expected: TypeVar): void;
  unifyAt(pos: Pos, expected: TypeVar, found: TypeVar): void;
  fresh(): TypeVar;
}

export function arrayType(x: SeqTyping, e: Expr & { k: 'array' | 'arrayrep' }): TypeVar {
  if (e.k === 'array') {
    const elem = x.fresh();
    for (const i of e.items) x.coerce(i, x.expr(i), elem);
    return arrayOf(elem, e.items.length);
  }
  const elem = x.expr(e.item);
  if (e.count.k !== 'int') throw new RustSubsetError('array lengths other than an integer literal are not supported yet', e.count.pos.line, e.count.pos.col, 'array_expression');
  x.unifyAt(e.count.pos, USIZE, x.expr(e.count));
  return arrayOf(elem, Number(e.count.value));
}

/**
 * `base[index]` where base (after auto-deref) is an array, a slice or a Vec: the element, or
 * `[T]` for a range. Undefined when base is none of them.
 */
export function indexType(x: SeqTyping, e: Expr & { k: 'index' }, base: TypeVar): TypeVar | undefined {
  const b = prune(base);
  if (b.k === 'con' && (b.c === 'HashMap' || b.c === 'BTreeMap')) {
    // `map[&key]` / `map["key"]`: Index<&Q> gives &V (panics when the key is absent).
    const k = prune(x.expr(e.index));
    if (!(k.k === 'con' && k.c === 'ref')) x.unifyAt(e.index.pos, con('ref', b.args[0]!), k);
    return b.args[1]!;
  }
  if (b.k === 'con' && b.c === 'VecDeque') {
    // `deque[i]`: Index<usize> (a deque has no range indexing: its items may wrap around the ring).
    if (e.index.k === 'range') throw new RustSubsetError('indexing a VecDeque with a range is not supported yet', e.index.pos.line, e.index.pos.col, 'index_expression');
    x.unifyAt(e.index.pos, USIZE, x.expr(e.index));
    return b.args[0]!;
  }
  const elem = seqElem(base);
  if (!elem) return undefined;
  const i = e.index;
  if (i.k === 'range') {
    // Bounds of a slicing range are usize; open ends (`..`, `1..`, `..n`) are fine here.
    if (i.from) x.unifyAt(i.from.pos, USIZE, x.expr(i.from));
    if (i.to) x.unifyAt(i.to.pos, USIZE, x.expr(i.to));
    i.ty = con('Range', USIZE);
    return con('slice', elem);
  }
  x.unifyAt(i.pos, USIZE, x.expr(i));
  return elem;
}

/** `&Vec<T>` / `&[T; N]` where `&[T]` is wanted (want and inner are what the references point at). */
export function unsizes(want: TypeVar, inner: TypeVar): TypeVar | undefined {
  const w = prune(want);
  const i = prune(inner);
  if (w.k !== 'con' || w.c !== 'slice' || i.k !== 'con' || (i.c !== 'Vec' && i.c !== 'Array')) return undefined;
  return i.args[0];
}
