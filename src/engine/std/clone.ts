import { OwnerKind } from '../../format/events';
import type { Machine } from '../memory/machine';
import { OwnershipError } from '../memory/errors';
import { toValue } from '../memory/to-value';
import { rcClone, weakClone } from './pointers';
import type { RValue, VecValue } from '../memory/rvalue';
import { stringFrom } from './string';
import { vecFromElements } from './vec';
import { mapClone } from './hash-map';
import { formatType as typeName } from '../layout/format';

/**
 * `.clone()` as std implements it: a deep copy of owned heap data, allocated in the
 * order std allocates (a Vec's buffer before its elements' buffers; a Box's block
 * before its contents' clone), sized to the length, not the capacity.
 */
export function cloneValue(m: Machine, v: RValue): RValue {
  switch (v.tag) {
    case 'scalar':
    case 'unit':
    case 'str':
    case 'ref':
      return { ...v };
    case 'string':
      return stringFrom(m, v.text);
    case 'vec':
      return cloneVec(m, v);
    case 'box': {
      const layout = m.layoutOf(v.inner.ty);
      const block = layout.size === 0 ? null : m.alloc(layout.size, layout.align, typeName(v.inner.ty), { k: 'uninit' });
      const inner = cloneValue(m, v.inner);
      if (block) {
        m.adopt(inner, { kind: OwnerKind.Block, o1: block.id, o2: -1 });
        m.setContent(block, toValue(inner));
      }
      return { tag: 'box', ty: v.ty, block, inner };
    }
    case 'rc':
      return rcClone(m, v);
    case 'weak':
      return weakClone(m, v);
    case 'struct':
    case 'enum':
      return { ...v, fields: v.fields.map((f) => cloneValue(m, f)) };
    case 'tuple':
    case 'array':
      return { ...v, items: v.items.map((item) => cloneValue(m, item)) };
    case 'map':
      return mapClone(m, v, (x) => cloneValue(m, x));
    default:
      throw new OwnershipError(`cannot clone this value`);
  }
}

/** `<[T]>::to_vec`: with_capacity(len), then each element cloned into place (the same order as `vec![..]`). */
function cloneVec(m: Machine, v: VecValue): VecValue {
  return vecFromElements(m, v.elem, v.len, (i) => cloneValue(m, v.items[i]!));
}

/** Copy types are duplicated bit for bit on assignment and by-value use; everything else moves. */
export function isCopy(v: RValue): boolean {
  switch (v.tag) {
    case 'scalar':
    case 'unit':
    case 'str':
      return true;
    case 'ref':
      return !(v.ty.kind === 'ref' && v.ty.mutable);
    case 'tuple':
    case 'array':
      return v.items.every(isCopy);
    default:
      return false;
  }
}
