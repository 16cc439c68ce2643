/**
 * `Cell<T>` and `RefCell<T>` as values: structs of std's fields, so the borrow flag is a field a
 * diagram shows (`RefCell { borrow: Cell<isize>, value: UnsafeCell<T> }`). Neither allocates.
 * The flag counts shared borrows (> 0) or is -1 while a `RefMut` lives, as std's BorrowFlag does.
 */
import type { Ty } from '../layout/types';
import type { RValue } from '../memory/rvalue';

export const ISIZE: Ty = { kind: 'int', name: 'isize' };

export type CellValue = Extract<RValue, { tag: 'struct' }>;

/** `Cell::new(v)`. */
export function cellNew(inner: RValue): CellValue {
  return { tag: 'struct', ty: { kind: 'std', name: 'Cell', args: [inner.ty] }, name: 'Cell', fieldNames: ['value'], fields: [inner] };
}

/** `RefCell::new(v)`: not borrowed (flag 0). */
export function refCellNew(inner: RValue): CellValue {
  return {
    tag: 'struct', ty: { kind: 'std', name: 'RefCell', args: [inner.ty] }, name: 'RefCell',
    fieldNames: ['borrow', 'value'], fields: [{ tag: 'scalar', ty: ISIZE, v: 0 }, inner],
  };
}

/** Index of the flag and of the value in a RefCell's fields. */
export const BORROW = 0;
export const VALUE = 1;

/**
 * What `{:?}` shows of a std cell or guard: `RefCell { value: .. }` (`<borrowed>` while mutably
 * borrowed), `Cell { value: .. }`; a `Ref`/`RefMut` shows what it points at. Undefined for other values.
 */
export function debugView(v: RValue): { show: RValue } | undefined {
  if (v.tag !== 'struct' || v.ty.kind !== 'std') return undefined;
  switch (v.name) {
    case 'RefCell': {
      const flag = Number((v.fields[BORROW] as { v: number }).v);
      const value: RValue = flag < 0 ? { tag: 'struct', ty: { kind: 'unit' }, name: '<borrowed>', fieldNames: [], fields: [] } : v.fields[VALUE]!;
      // Shown as a struct of the program's kind, so it is not taken for a RefCell again.
      return { show: { ...v, ty: { kind: 'adt', name: 'RefCell' }, fieldNames: ['value'], fields: [value] } };
    }
    case 'Ref':
    case 'RefMut':
      return { show: v.fields[0]! };
    default:
      return undefined;
  }
}
