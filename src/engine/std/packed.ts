import type { Ty } from '../layout/types';
import type { PackedScalars, RValue, VecValue } from '../memory/rvalue';

/**
 * A Vec of scalars (integers, floats, bool, char) keeps its elements as bare values in one
 * array instead of one RValue object each: 10^6 pushes then leave nothing for the garbage
 * collector to move (it was ~40% of a push). Everything that reads `items` (the Rust
 * interpreter, formatting, indexing) still gets RValues: the first read builds them and the
 * Vec stays unpacked from then on, so behaviour and every recorded event are the same.
 * vecPush, vecPop, vecTruncate, the display of the first items and drop use the packed values
 * directly.
 */
export function packScalars(v: VecValue): void {
  if (!PACKABLE.has(v.elem.kind)) return;
  Object.defineProperty(v, 'packed', { value: { ty: v.elem, values: [] }, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(v, 'items', {
    get(this: VecValue) {
      return unpack(this);
    },
    set(this: VecValue, items: RValue[]) {
      unpack(this);
      this.items = items;
    },
    enumerable: true,
    configurable: true,
  });
}

const PACKABLE = new Set<Ty['kind']>(['int', 'float', 'bool', 'char']);

/** Builds the RValue elements once; `items` becomes a plain property again. */
function unpack(v: VecValue): RValue[] {
  const p = v.packed!;
  const items = p.values.map((x): RValue => ({ tag: 'scalar', ty: p.ty, v: x }));
  Object.defineProperty(v, 'packed', { value: undefined, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(v, 'items', { value: items, writable: true, enumerable: true, configurable: true });
  return items;
}

function sameScalar(a: Ty, b: Ty): boolean {
  return a === b || (a.kind === b.kind && (a as { name?: string }).name === (b as { name?: string }).name);
}

/** Appends `item` to a packed Vec; false when the Vec is not packed or the item is not its scalar type. */
export function pushPacked(p: PackedScalars | undefined, item: RValue): boolean {
  if (!p || item.tag !== 'scalar' || !sameScalar(item.ty, p.ty)) return false;
  p.values.push(item.v);
  return true;
}

/** The last element of a packed Vec, moved out (null when empty). */
export function popPacked(p: PackedScalars): RValue | null {
  if (!p.values.length) return null;
  return { tag: 'scalar', ty: p.ty, v: p.values.pop()! };
}
