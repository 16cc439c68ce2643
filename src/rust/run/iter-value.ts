/**
 * An iterator value as the interpreter holds it: a struct of what the Rust iterator holds, plus
 * the `it` that advances it (run/iterators.ts makes the std ones). Its own module so that std
 * entries (a map's `iter()`) can make one without the adapters' imports.
 */
import type { Ty } from '../../engine/layout/types';
import type { RValue } from '../../engine/memory/rvalue';
import type { ItemSource } from '../../engine/std/collect';

export interface RIter extends ItemSource {
  /** The item from the back (DoubleEndedIterator), where the iterator has one. */
  back?(): RValue | undefined;
  /** A copy at the same position (Clone, for `cycle`), where the iterator has one. */
  fork?(): RIter;
}

export type IterValue = Extract<RValue, { tag: 'struct' }> & { it: RIter };

/** An iterator value named as std names it, holding `fields`. */
export function iterValue(ty: Ty, name: string, fields: [string, RValue][], it: RIter): IterValue {
  const v = { tag: 'struct', ty, name, fieldNames: fields.map((f) => f[0]), fields: fields.map((f) => f[1]) } as IterValue;
  Object.defineProperty(v, 'it', { value: it, enumerable: false, writable: true });
  return v;
}

/** Items made up front (a map's entries), handed out from either end; `trusted`: std's TrustedLen (hashbrown's iterators are not). */
export function listIter(items: RValue[], trusted: boolean, front = 0, end = items.length): RIter {
  return {
    trusted,
    next: () => (front < end ? items[front++] : undefined),
    back: () => (front < end ? items[--end] : undefined),
    hint: () => [end - front, end - front],
    fork: () => listIter(items, trusted, front, end),
  };
}
