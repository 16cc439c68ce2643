/**
 * `collect::<Vec<_>>()` from a `vec::IntoIter` reuses the source Vec's buffer, as std 1.95 does
 * (alloc/src/vec/in_place_collect.rs and spec_from_iter.rs), checked against rustc's allocator log
 * (test/oracle/course 037 and 701):
 * - `v.into_iter().collect()` itself: when nothing was taken yet, or at least half the capacity is
 *   left, the buffer becomes the new Vec's (same capacity, no allocation); otherwise a new Vec is
 *   made with `reserve(len)` (amortised: at least MIN_NON_ZERO_CAP) and the old buffer is freed
 *   when the iterator drops;
 * - through in-place adapters (map, filter, skip, take, take_while, skip_while, copied, cloned):
 *   when the item type has the source element's alignment, is not zero-sized and is no larger,
 *   the items are written from the buffer's start; the items not taken are dropped when collect
 *   ends; the capacity becomes src_cap × src_size / size, and the buffer is shrunk (a realloc)
 *   only when the sizes do not divide and the bytes differ. Otherwise collect allocates as usual.
 */
import type { Ty } from '../layout/types';
import type { Machine } from '../memory/machine';
import type { RValue, VecValue } from '../memory/rvalue';
import { minNonZeroCap } from './raw-vec';
import { vecOverBuffer, vecWithCapacity, vecPush } from './vec';

/** The Vec a `vec::IntoIter` owns, as collect needs it. */
export interface VecSource {
  vec: VecValue;
  /** The IntoIter's own item source (collect from it directly takes the first rule above). */
  root: object;
  /** Whether items were taken from the front already (std: `ptr != buf`). */
  advanced(): boolean;
  /** The items not taken yet, moved out of the iterator (it forgets them). */
  takeRest(): RValue[];
}

interface Source {
  next(): RValue | undefined;
  source?: VecSource;
}

/** The Vec collected in place, or undefined when std would allocate a new one (collectVec then does). */
export function collectInPlace(m: Machine, elem: Ty, it: Source): VecValue | undefined {
  const src = it.source!;
  const from = src.vec;
  if (it === src.root) return collectIntoIter(m, src);
  const a = from.elemLayout;
  const b = m.layoutOf(elem);
  if (a.size === 0 || b.size === 0 || a.align !== b.align || b.size > a.size) return undefined;
  const items: RValue[] = [];
  for (let x = it.next(); x !== undefined; x = it.next()) items.push(x);
  for (const rest of src.takeRest()) m.dropValue(rest);
  const buf = from.buf;
  const cap = from.cap;
  from.buf = null;
  from.cap = 0;
  const dstCap = Math.floor((cap * a.size) / b.size);
  if (buf && a.size % b.size !== 0 && cap * a.size !== dstCap * b.size) m.realloc(buf, dstCap * b.size);
  return vecOverBuffer(m, elem, buf, dstCap, items);
}

function collectIntoIter(m: Machine, src: VecSource): VecValue {
  const from = src.vec;
  const items = src.takeRest();
  if (!src.advanced() || items.length >= Math.floor(from.cap / 2)) {
    const buf = from.buf;
    const cap = from.cap;
    from.buf = null;
    from.cap = 0;
    return vecOverBuffer(m, from.elem, buf, cap, items);
  }
  // Vec::new() then spec_extend: reserve(len) on an empty Vec.
  const v = vecWithCapacity(m, from.elem, items.length ? Math.max(items.length, minNonZeroCap(from.elemLayout.size)) : 0);
  for (const x of items) vecPush(m, v, x, { kind: 'temp' });
  return v;
}
