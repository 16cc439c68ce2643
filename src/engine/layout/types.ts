/**
 * Rust types as the engine sees them. Kept as plain data so that the layout
 * calculator, the standard-library model and the Rust front end share one vocabulary.
 */
export type IntName =
  | 'i8' | 'i16' | 'i32' | 'i64' | 'i128' | 'isize'
  | 'u8' | 'u16' | 'u32' | 'u64' | 'u128' | 'usize';
export type FloatName = 'f32' | 'f64';

export type Ty =
  | { kind: 'int'; name: IntName }
  | { kind: 'float'; name: FloatName }
  | { kind: 'bool' }
  | { kind: 'char' }
  | { kind: 'unit' }
  | { kind: 'never' }
  /** Unsized: only behind a pointer (`&str`, `Box<str>`). */
  | { kind: 'str' }
  /** Unsized `[T]`. */
  | { kind: 'slice'; elem: Ty }
  /** Unsized `dyn Trait`. */
  | { kind: 'dyn'; trait: string }
  | { kind: 'ref'; mutable: boolean; to: Ty }
  | { kind: 'rawptr'; mutable: boolean; to: Ty }
  | { kind: 'box'; to: Ty }
  | { kind: 'string' }
  | { kind: 'vec'; elem: Ty }
  | { kind: 'option'; some: Ty }
  | { kind: 'result'; ok: Ty; err: Ty }
  | { kind: 'rc'; to: Ty }
  | { kind: 'arc'; to: Ty }
  | { kind: 'tuple'; items: Ty[] }
  | { kind: 'array'; elem: Ty; len: number }
  /**
   * Other std types, named as std names them: `Cell<T>`, `RefCell<T>` and its guards `Ref<T>` /
   * `RefMut<T>`, `Weak<T>` (Rc's),
   * `HashMap<K, V>`, `HashSet<T>`, `BTreeMap<K, V>`, `BTreeSet<T>`, `VecDeque<T>`, `NonZero<T>`
   * (also written `NonZeroU32`, …) and `Ordering` (std::cmp, no arguments).
   */
  | { kind: 'std'; name: StdName; args: Ty[] }
  /** A function pointer `fn(..) -> ..`; the signature is kept as source text (one thin pointer). */
  | { kind: 'fnptr'; sig: string }
  /**
   * A user-declared struct or enum, looked up in a TypeRegistry by name; `args` instantiate a
   * generic declaration (`Pair<u8>` for `struct Pair<T> { a: T, b: T }`).
   */
  | { kind: 'adt'; name: string; args?: Ty[] };

export type StdName = 'Cell' | 'RefCell' | 'Ref' | 'RefMut' | 'Weak' | 'HashMap' | 'HashSet' | 'BTreeMap' | 'BTreeSet' | 'VecDeque' | 'NonZero' | 'Ordering';

/** How many type arguments each std name takes. */
export const STD_ARITY: Readonly<Record<StdName, number>> = {
  Cell: 1, RefCell: 1, Ref: 1, RefMut: 1, Weak: 1, HashMap: 2, HashSet: 1, BTreeMap: 2, BTreeSet: 1, VecDeque: 1, NonZero: 1, Ordering: 0,
};

export type Repr = 'rust' | 'c' | IntName;

export interface FieldDef {
  /** Field name; tuple-struct and tuple-variant fields are named '0', '1', … */
  name: string;
  ty: Ty;
}

export interface StructDef {
  kind: 'struct';
  name: string;
  /** Type parameters of a generic declaration; inside it each is written as `{kind:'adt', name}`. */
  params?: string[];
  repr: 'rust' | 'c';
  fields: FieldDef[];
}

export interface VariantDef {
  name: string;
  fields: FieldDef[];
  /** Explicit discriminant (`A = 5`), fieldless enums only. */
  discriminant?: number;
}

export interface EnumDef {
  kind: 'enum';
  name: string;
  params?: string[];
  repr: Repr;
  variants: VariantDef[];
}

export type AdtDef = StructDef | EnumDef;

/** User-declared types by name. */
export type TypeRegistry = ReadonlyMap<string, AdtDef>;

export interface Layout {
  size: number;
  align: number;
}

/** Shorthands used across the engine, the API and the tests. */
export const T = {
  i8: { kind: 'int', name: 'i8' } as Ty,
  i16: { kind: 'int', name: 'i16' } as Ty,
  i32: { kind: 'int', name: 'i32' } as Ty,
  i64: { kind: 'int', name: 'i64' } as Ty,
  i128: { kind: 'int', name: 'i128' } as Ty,
  isize: { kind: 'int', name: 'isize' } as Ty,
  u8: { kind: 'int', name: 'u8' } as Ty,
  u16: { kind: 'int', name: 'u16' } as Ty,
  u32: { kind: 'int', name: 'u32' } as Ty,
  u64: { kind: 'int', name: 'u64' } as Ty,
  u128: { kind: 'int', name: 'u128' } as Ty,
  usize: { kind: 'int', name: 'usize' } as Ty,
  f32: { kind: 'float', name: 'f32' } as Ty,
  f64: { kind: 'float', name: 'f64' } as Ty,
  bool: { kind: 'bool' } as Ty,
  char: { kind: 'char' } as Ty,
  unit: { kind: 'unit' } as Ty,
  str: { kind: 'str' } as Ty,
  string: { kind: 'string' } as Ty,
  strRef: { kind: 'ref', mutable: false, to: { kind: 'str' } } as Ty,
  vec: (elem: Ty): Ty => ({ kind: 'vec', elem }),
  box: (to: Ty): Ty => ({ kind: 'box', to }),
  rc: (to: Ty): Ty => ({ kind: 'rc', to }),
  option: (some: Ty): Ty => ({ kind: 'option', some }),
  ref: (to: Ty, mutable = false): Ty => ({ kind: 'ref', mutable, to }),
  tuple: (...items: Ty[]): Ty => ({ kind: 'tuple', items }),
  array: (elem: Ty, len: number): Ty => ({ kind: 'array', elem, len }),
  adt: (name: string): Ty => ({ kind: 'adt', name }),
} as const;
