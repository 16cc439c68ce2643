/**
 * std's `VecDeque<T>`: a ring buffer in a RawVec. Its heap calls are a Vec's for the same
 * operations (test/oracle/std-growth.test.ts): `new()` allocates nothing, `with_capacity(n)`
 * exactly n, and a push at either end into a full buffer grows it as `Vec::push` does
 * (`RawVec::grow_one`: max(2 × cap, cap + 1, MIN_NON_ZERO_CAP)), then moves the wrapped part
 * inside the new buffer (no allocator call). Popping never shrinks. Dropping drops the elements
 * front to back, then frees the buffer.
 *
 * The value is a Vec value whose type is `VecDeque<T>` and whose items are in logical order
 * (front first): where each element sits in the ring (`head`) is not modelled, only what is
 * allocated and what the deque holds.
 */
import type { Ty } from '../layout/types';
import type { Machine } from '../memory/machine';
import type { Home, RValue, VecValue } from '../memory/rvalue';
import { vecInsert, vecNew, vecPop, vecPush, vecRemove, vecWithCapacity } from './vec';

function asDeque(v: VecValue, elem: Ty): VecValue {
  v.ty = { kind: 'std', name: 'VecDeque', args: [elem] };
  return v;
}

/** `VecDeque::new()`: no allocation. */
export function vecDequeNew(m: Machine, elem: Ty): VecValue {
  return asDeque(vecNew(m, elem), elem);
}

/** `VecDeque::with_capacity(n)`: exactly n elements' worth. */
export function vecDequeWithCapacity(m: Machine, elem: Ty, cap: number, home?: Home): VecValue {
  return asDeque(vecWithCapacity(m, elem, cap, home), elem);
}

/** `push_back(x)`: grows like `Vec::push` when full. */
export function vecDequePushBack(m: Machine, v: VecValue, item: RValue, home: Home): void {
  vecPush(m, v, item, home);
}

/** `push_front(x)`: the same growth; the new element becomes the front (the ring's head moves back, nothing shifts). */
export function vecDequePushFront(m: Machine, v: VecValue, item: RValue, home: Home): void {
  vecInsert(m, v, 0, item, home);
}

/** `pop_front()`: the front element moves out (null when empty); the buffer stays. */
export function vecDequePopFront(m: Machine, v: VecValue, home: Home): RValue | null {
  return v.len ? vecRemove(m, v, 0, home) : null;
}

/** `pop_back()`: the back element moves out (null when empty); the buffer stays. */
export function vecDequePopBack(m: Machine, v: VecValue, home: Home): RValue | null {
  return vecPop(m, v, home);
}
