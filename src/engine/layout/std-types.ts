/**
 * Layouts of the std types courses use beyond Box/Vec/String/Option/Rc, built from the fields
 * std (1.95, x86_64) declares for them, with the same calculator as user structs, so field
 * reordering and niches come out as rustc's. Checked against rustc in
 * test/engine/layout/rustc.test.ts (cases.ts).
 */
import { enumLayout as calcEnum, univariant, type FieldLayout } from './calc';
import { maxValue } from './niche';

const USIZE: FieldLayout = { size: 8, align: 8, uninhabited: false };
/** NonNull<T> (thin): never 0. */
const NON_NULL: FieldLayout = { ...USIZE, niche: { offset: 0, bytes: 8, start: 1n, end: maxValue(8) } };
/** RawVec's `Cap(usize)`: valid only up to isize::MAX. */
const CAP: FieldLayout = { ...USIZE, niche: { offset: 0, bytes: 8, start: 0n, end: (1n << 63n) - 1n } };

function struct(fields: FieldLayout[]): FieldLayout {
  const s = univariant(fields, true, { kind: 'always' });
  const l: FieldLayout = { size: s.size, align: s.align, uninhabited: s.uninhabited };
  if (s.niche) l.niche = s.niche;
  return l;
}

/**
 * `Cell<T>` and `UnsafeCell<T>`: T's size and alignment but no niche, since shared code may
 * write any bit pattern through it (`Option<Cell<bool>>` is 2 bytes).
 */
export function cellLayout(t: FieldLayout): FieldLayout {
  return { size: t.size, align: t.align, uninhabited: t.uninhabited };
}

/** `RefCell<T> { borrow: Cell<isize>, value: UnsafeCell<T> }`: the borrow flag plus T. */
export function refCellLayout(t: FieldLayout): FieldLayout {
  return struct([cellLayout(USIZE), cellLayout(t)]);
}

/**
 * `Ref<T>` / `RefMut<T>`, RefCell's guards: `{ value: NonNull<T>, borrow: &Cell<isize> }`, the
 * pointer to the value (`ptr`, fat for an unsized T) and one to the RefCell's flag.
 */
export function refGuardLayout(ptr: FieldLayout): FieldLayout {
  return struct([ptr, NON_NULL]);
}

/**
 * `HashMap<K, V>` (and `HashSet<T>`, a `HashMap<T, ()>`): `RandomState { k0, k1 }` and
 * hashbrown's `RawTableInner { bucket_mask, ctrl: NonNull<u8>, growth_left, items }`: 48 bytes
 * whatever K and V are; the entries live in one heap block (src/engine/std/hash-table.ts).
 */
export function hashMapLayout(): FieldLayout {
  const randomState = struct([USIZE, USIZE]);
  const table = struct([USIZE, NON_NULL, USIZE, USIZE]);
  return struct([randomState, table]);
}

/** `VecDeque<T> { head, len, buf: RawVec<T> { ptr, cap } }`. */
export function vecDequeLayout(): FieldLayout {
  return struct([USIZE, USIZE, struct([NON_NULL, CAP])]);
}

/**
 * `BTreeMap<K, V> { root: Option<Root<K, V>>, length }` with `Root { node: NonNull, height }`
 * (and `BTreeSet<T>`, a BTreeMap<T, ()>): the Option takes the pointer's niche, so none is left.
 */
export function bTreeMapLayout(): FieldLayout {
  const root = struct([NON_NULL, USIZE]);
  const e = calcEnum({ variants: [[], [root]], discriminants: [0n, 1n], repr: 'rust' });
  const optionRoot: FieldLayout = { size: e.size, align: e.align, uninhabited: e.uninhabited };
  if (e.niche) optionRoot.niche = e.niche;
  return struct([optionRoot, USIZE]);
}

/** `NonZero<T>` (`NonZeroU32`, …): T without the value 0. */
export function nonZeroLayout(bytes: number): FieldLayout {
  return { size: bytes, align: bytes, uninhabited: false, niche: { offset: 0, bytes, start: 1n, end: maxValue(bytes) } };
}

/** `std::cmp::Ordering`: `#[repr(i8)] enum { Less = -1, Equal = 0, Greater = 1 }`. */
export function orderingLayout(): FieldLayout {
  const e = calcEnum({ variants: [[], [], []], discriminants: [-1n, 0n, 1n], repr: { int: 1, signed: true } });
  const l: FieldLayout = { size: e.size, align: e.align, uninhabited: e.uninhabited };
  if (e.niche) l.niche = e.niche;
  return l;
}
