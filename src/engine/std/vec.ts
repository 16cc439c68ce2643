import { OwnerKind } from '../../format/events';
import { DISPLAY_ITEMS } from '../../format/values';
import type { Layout, Ty } from '../layout/types';
import type { Machine } from '../memory/machine';
import { OwnershipError } from '../memory/errors';
import { firstItems, toValue, vecContent } from '../memory/to-value';
import { packScalars, popPacked, pushPacked } from './packed';
import { ownerOf, touch } from './home';
import { reserve, reserveExact, resizeTo, shrinkToFit, type BufferSpec } from './raw-vec';
import type { Block, Home, RValue, VecValue } from '../memory/rvalue';
import { formatType as typeName } from '../layout/format';

function spec(v: VecValue, home: Home): BufferSpec {
  return { elem: v.elemLayout, blockType: `[${typeName(v.elem)}]`, owner: ownerOf(home), content: () => vecContent(v, v.shown) };
}

function written(m: Machine, v: VecValue, home: Home): void {
  if (v.buf) m.setContent(v.buf, vecContent(v, v.shown));
  touch(m, home);
}

/** The `shown` cache after items changed from `index` on. */
function reshow(v: VecValue, index: number): void {
  if (index >= DISPLAY_ITEMS) return;
  v.shown = firstItems(v, DISPLAY_ITEMS).map(toValue);
}

/** The elements live in the buffer: their own blocks belong to it. */
function adoptItems(m: Machine, v: VecValue, from: number): void {
  if (!v.buf) return;
  const owner = { kind: OwnerKind.Block, o1: v.buf.id, o2: -1 };
  for (let i = from; i < v.items.length; i++) m.adopt(v.items[i]!, owner);
}

/** `Vec::<T>::new()`: no allocation. */
export function vecNew(m: Machine, elem: Ty): VecValue {
  const v: VecValue = { tag: 'vec', ty: { kind: 'vec', elem }, elem, elemLayout: m.layoutOf(elem), buf: null, len: 0, cap: 0, items: [], shown: [] };
  packScalars(v);
  if (v.elemLayout.size === 0) resizeTo(m, v, 0, spec(v, TEMP));
  return v;
}

/** `Vec::with_capacity(n)`: exactly n elements' worth. */
export function vecWithCapacity(m: Machine, elem: Ty, cap: number, home: Home = TEMP): VecValue {
  const v = vecNew(m, elem);
  resizeTo(m, v, cap, spec(v, home));
  return v;
}

/** `vec![a, b, c]`: one allocation of exactly the items, which move in. */
export function vecFromItems(m: Machine, elem: Ty, items: RValue[], home: Home = TEMP): VecValue {
  const v = vecNew(m, elem);
  v.items = items;
  v.len = items.length;
  reshow(v, 0);
  resizeTo(m, v, items.length, spec(v, home));
  adoptItems(m, v, 0);
  return v;
}

/**
 * `vec![a, b, c]` as rustc 1.95 expands it: the buffer for n elements is allocated first
 * (`#[rustc_box] Box::new([..])`), then each element is evaluated and written into place.
 */
export function vecFromElements(m: Machine, elem: Ty, count: number, evaluate: (index: number) => RValue, home: Home = TEMP): VecValue {
  const v = vecNew(m, elem);
  resizeTo(m, v, count, spec(v, home));
  for (let i = 0; i < count; i++) {
    const item = evaluate(i);
    v.items.push(item);
    v.len++;
    adoptItems(m, v, i);
  }
  reshow(v, 0);
  if (v.buf && count) m.setContent(v.buf, vecContent(v, v.shown));
  return v;
}

/**
 * A Vec made over a buffer another Vec gave up (std's in-place collect): `cap` elements of the
 * new type fit in `buf`, and `items` are written from its start. No allocation.
 */
export function vecOverBuffer(m: Machine, elem: Ty, buf: Block | null, cap: number, items: RValue[]): VecValue {
  const v = vecNew(m, elem);
  v.buf = buf;
  v.cap = buf ? cap : v.cap;
  v.items = items;
  v.len = items.length;
  reshow(v, 0);
  adoptItems(m, v, 0);
  if (v.buf) m.setContent(v.buf, vecContent(v, v.shown));
  return v;
}

/**
 * `vec![a, b, c]`: rustc boxes an array through box_new, so the buffer is allocated before the
 * items are evaluated; each item is then written in turn (the interpreter and the notebook API
 * both build it here, so their timelines agree).
 */
export function vecMacro(m: Machine, elem: Ty, count: number, evaluate: (index: number) => RValue): VecValue {
  if (!count) return vecNew(m, elem);
  const v = vecWithCapacity(m, elem, count);
  for (let i = 0; i < count; i++) vecPush(m, v, evaluate(i), TEMP);
  return v;
}

/** `v.push(x)`: grows (amortised doubling) when full, then writes x at the end. */
export function vecPush(m: Machine, v: VecValue, item: RValue, home: Home): void {
  if (v.len === v.cap) reserve(m, v, v.len, 1, spec(v, home));
  if (!pushPacked(v.packed, item)) v.items.push(item);
  v.len++;
  if (item.tag !== 'scalar') adoptItems(m, v, v.len - 1);
  if (v.len <= DISPLAY_ITEMS) {
    v.shown = [...(v.shown ?? []), toValue(item)];
    written(m, v, home);
  } else {
    // The buffer's shown items did not change; the snapshot takes the count from the header.
    touch(m, home);
  }
}

/** `v.pop()`: the last element moves out; the buffer stays. */
export function vecPop(m: Machine, v: VecValue, home: Home): RValue | null {
  const item = v.packed ? popPacked(v.packed) : v.items.pop();
  if (!item) return null;
  v.len--;
  reshow(v, v.len);
  written(m, v, home);
  return item;
}

function checkIndex(v: VecValue, index: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= v.len) {
    throw new OwnershipError(`index out of bounds: the len is ${v.len} but the index is ${index}`);
  }
}

export function vecGet(v: VecValue, index: number): RValue {
  checkIndex(v, index);
  return v.items[index]!;
}

/** `v[i] = x`: the old element is dropped, x moves in. */
export function vecSet(m: Machine, v: VecValue, index: number, item: RValue): void {
  checkIndex(v, index);
  const old = v.items[index]!;
  v.items[index] = item;
  m.dropValue(old);
  reshow(v, index);
  adoptItems(m, v, index);
  if (v.buf) m.setContent(v.buf, vecContent(v, v.shown));
}

/** After an element changed in place (e.g. `v[i].push_str(..)`): re-record the buffer. */
export function vecItemChanged(m: Machine, v: VecValue, index: number): void {
  reshow(v, index);
  if (v.buf) m.setContent(v.buf, vecContent(v, v.shown));
}

/** The home of element `index`, for operations on it in place. */
export function vecItemHome(v: VecValue): Home {
  if (!v.buf) return TEMP;
  return { kind: 'block', block: v.buf, container: v };
}

/** `v.insert(i, x)`: grows when full, shifts the tail right. */
export function vecInsert(m: Machine, v: VecValue, index: number, item: RValue, home: Home): void {
  if (!Number.isInteger(index) || index < 0 || index > v.len) {
    throw new OwnershipError(`insertion index (is ${index}) should be <= len (is ${v.len})`);
  }
  if (v.len === v.cap) reserve(m, v, v.len, 1, spec(v, home));
  v.items.splice(index, 0, item);
  v.len++;
  reshow(v, index);
  adoptItems(m, v, index);
  written(m, v, home);
}

/** `v.remove(i)`: the element moves out, the tail shifts left. */
export function vecRemove(m: Machine, v: VecValue, index: number, home: Home): RValue {
  checkIndex(v, index);
  const [item] = v.items.splice(index, 1);
  v.len--;
  reshow(v, index);
  written(m, v, home);
  return item!;
}

/** `v.truncate(n)`: drops the elements past n, in order; capacity stays. */
export function vecTruncate(m: Machine, v: VecValue, len: number, home: Home): void {
  if (len >= v.len) return;
  if (v.packed) {
    v.packed.values.length = len; // scalars: nothing to drop
  } else {
    const dropped = v.items.splice(len);
    for (const item of dropped) m.dropValue(item);
  }
  v.len = len;
  reshow(v, len);
  written(m, v, home);
}

/** `v.clear()`: drops every element in order; capacity stays. */
export function vecClear(m: Machine, v: VecValue, home: Home): void {
  vecTruncate(m, v, 0, home);
}

export function vecReserve(m: Machine, v: VecValue, additional: number, home: Home): void {
  reserve(m, v, v.len, additional, spec(v, home));
  touch(m, home);
}

export function vecReserveExact(m: Machine, v: VecValue, additional: number, home: Home): void {
  reserveExact(m, v, v.len, additional, spec(v, home));
  touch(m, home);
}

export function vecShrinkToFit(m: Machine, v: VecValue, home: Home): void {
  shrinkToFit(m, v, v.len, spec(v, home));
  touch(m, home);
}

const TEMP: Home = { kind: 'temp' };

/**
 * `v.into_boxed_slice()`: shrinks the buffer to the length (a realloc when capacity > length)
 * and hands it over as a `Box<[T]>` (pointer and length; the capacity is the length from now on).
 */
export function vecIntoBoxedSlice(m: Machine, v: VecValue, home: Home = TEMP): VecValue {
  shrinkToFit(m, v, v.len, spec(v, home));
  v.ty = { kind: 'box', to: { kind: 'slice', elem: v.elem } };
  return v;
}

/**
 * `v.resize(n, value)`: growing reserves the n − len new elements at once (amortised, as
 * `reserve`), writes n − len − 1 clones and then moves `value` in last; shrinking truncates and
 * drops `value`. `clone` is the caller's (std's Clone for the element type).
 */
export function vecResize(m: Machine, v: VecValue, n: number, value: RValue, clone: (x: RValue) => RValue, home: Home): void {
  if (n <= v.len) {
    vecTruncate(m, v, n, home);
    m.dropValue(value);
    return;
  }
  const extra = n - v.len;
  reserve(m, v, v.len, extra, spec(v, home));
  const start = v.len;
  for (let i = 0; i < extra; i++) {
    const item = i === extra - 1 ? value : clone(value);
    if (!pushPacked(v.packed, item)) v.items.push(item);
    v.len++;
  }
  adoptItems(m, v, start);
  reshow(v, start);
  written(m, v, home);
}

/**
 * `v.extend_from_slice(s)` / `extend` from a slice of Copy items: one `reserve(s.len())`, then
 * the items (already cloned or copied by the caller, in order) written at the end.
 */
export function vecExtend(m: Machine, v: VecValue, items: RValue[], home: Home): void {
  reserve(m, v, v.len, items.length, spec(v, home));
  const start = v.len;
  for (const item of items) {
    if (!pushPacked(v.packed, item)) v.items.push(item);
    v.len++;
  }
  adoptItems(m, v, start);
  reshow(v, start);
  written(m, v, home);
}

/** `v.split_off(at)`: a new Vec with capacity exactly len − at takes the tail; `v` keeps its buffer. */
export function vecSplitOff(m: Machine, v: VecValue, at: number, home: Home): VecValue {
  const tail = v.items.slice(at);
  const other = vecWithCapacity(m, v.elem, tail.length);
  v.items.length = at;
  v.len = at;
  reshow(v, at);
  written(m, v, home);
  other.items = tail;
  other.len = tail.length;
  reshow(other, 0);
  adoptItems(m, other, 0);
  if (other.buf) m.setContent(other.buf, vecContent(other, other.shown));
  return other;
}

/** The elements reordered in place (swap, reverse, sort): nothing allocated, the buffer re-recorded. */
export function vecReordered(m: Machine, v: VecValue, order: RValue[], home: Home): void {
  const items = v.items;
  for (let i = 0; i < order.length; i++) items[i] = order[i]!;
  reshow(v, 0);
  written(m, v, home);
}

/** `v.dedup_by(same)`: consecutive duplicates removed (dropped in order); capacity kept. */
export function vecDedup(m: Machine, v: VecValue, same: (a: RValue, b: RValue) => boolean, home: Home): void {
  const kept: RValue[] = [];
  for (const item of v.items) {
    if (kept.length && same(item, kept[kept.length - 1]!)) m.dropValue(item);
    else kept.push(item);
  }
  v.items = kept;
  v.len = kept.length;
  reshow(v, 0);
  written(m, v, home);
}

/**
 * `v.retain(keep)`: each element in order is kept or dropped at once; capacity kept. `keep`
 * gives its verdict and the element as it left it (`retain_mut` may change it).
 */
export function vecRetain(m: Machine, v: VecValue, keep: (item: RValue) => [boolean, RValue], home: Home): void {
  const kept: RValue[] = [];
  for (const old of v.items) {
    const [yes, item] = keep(old);
    if (yes) kept.push(item);
    else m.dropValue(item);
  }
  v.items = kept;
  v.len = kept.length;
  reshow(v, 0);
  written(m, v, home);
}

/**
 * The scratch buffer `slice::sort` (driftsort, rustc 1.95) allocates, in elements, or 0: up to
 * 20 elements it insertion-sorts; beyond, it needs max(len − len/2, min(len, 8 MB / size), 48)
 * elements of scratch, taken from a 4 KiB stack buffer when they fit, else from the heap
 * (`Vec::with_capacity`, freed when the sort ends). `sort_unstable` never allocates.
 */
export function sortScratch(len: number, elem: Layout): number {
  if (len <= 20 || elem.size === 0) return 0;
  const maxFull = Math.floor(8_000_000 / elem.size);
  const want = Math.max(len - Math.floor(len / 2), Math.min(len, maxFull), 48);
  return want <= Math.floor(4096 / elem.size) ? 0 : want;
}
