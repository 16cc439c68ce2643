import type { Value } from '../../format/values';
import type { Layout } from '../layout/types';
import type { Machine } from '../memory/machine';
import type { OwnerRef } from '../timeline/recorder';
import type { Block } from '../memory/rvalue';
import { CapacityOverflowError } from '../memory/errors';

/**
 * The growth policy of std's RawVec, which String, Vec and VecDeque use (VecDeque's calls equal
 * Vec's for the same pushes, reserve and shrink_to_fit: test/oracle/std-growth.test.ts):
 * - a zero-sized element never allocates (capacity is usize::MAX);
 * - growing for `additional` more elements picks max(2 × cap, len + additional),
 *   and at least MIN_NON_ZERO_CAP: 8 for 1-byte elements, 4 up to 1 KiB, else 1;
 * - the first growth allocates, later ones reallocate (so the buffer may move);
 * - `with_capacity`, `reserve_exact` and `shrink_to_fit` ask for exactly what they say.
 */
export interface RawBuffer {
  buf: Block | null;
  cap: number;
}

/** usize::MAX, the capacity of a Vec of zero-sized elements (not exact as a double; shown, never used in arithmetic). */
export const ZST_CAPACITY = 2 ** 64 - 1;

export function minNonZeroCap(elemSize: number): number {
  if (elemSize === 1) return 8;
  if (elemSize <= 1024) return 4;
  return 1;
}

export interface BufferSpec {
  elem: Layout;
  /** Type label of the heap block, e.g. `[u8]` or `[String]`. */
  blockType: string;
  owner: OwnerRef;
  content: () => Value;
}

/** isize::MAX: no allocation may be larger (std's Layout rule). */
const ISIZE_MAX = 2 ** 63 - 1;

/** Sets the capacity to exactly `cap` elements: alloc, realloc, or free for 0. */
export function resizeTo(m: Machine, raw: RawBuffer, cap: number, spec: BufferSpec): void {
  const size = spec.elem.size;
  if (size === 0) {
    raw.cap = ZST_CAPACITY;
    return;
  }
  if (cap === raw.cap) return;
  if (cap * size > ISIZE_MAX) throw new CapacityOverflowError();
  if (cap === 0) {
    if (raw.buf) m.free(raw.buf);
    raw.buf = null;
  } else if (raw.buf) {
    m.realloc(raw.buf, cap * size);
  } else {
    raw.buf = m.alloc(cap * size, spec.elem.align, spec.blockType, spec.content(), spec.owner);
  }
  raw.cap = cap;
}

/** `reserve(additional)`: grows amortised when fewer than `additional` elements fit. */
export function reserve(m: Machine, raw: RawBuffer, len: number, additional: number, spec: BufferSpec): void {
  if (spec.elem.size === 0) return resizeTo(m, raw, 0, spec);
  if (raw.cap - len >= additional) return;
  const required = len + additional;
  const cap = Math.max(raw.cap * 2, required, minNonZeroCap(spec.elem.size));
  resizeTo(m, raw, cap, spec);
}

/** `reserve_exact(additional)`: grows to exactly len + additional when needed. */
export function reserveExact(m: Machine, raw: RawBuffer, len: number, additional: number, spec: BufferSpec): void {
  if (spec.elem.size === 0) return resizeTo(m, raw, 0, spec);
  if (raw.cap - len >= additional) return;
  resizeTo(m, raw, len + additional, spec);
}

/** `shrink_to_fit()`: down to len (freeing the buffer when empty). */
export function shrinkToFit(m: Machine, raw: RawBuffer, len: number, spec: BufferSpec): void {
  if (spec.elem.size === 0) return;
  if (raw.cap > len) resizeTo(m, raw, len, spec);
}
