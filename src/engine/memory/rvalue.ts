import type { Value } from '../../format/values';
import type { Layout, Ty } from '../layout/types';
import type { OwnerRef } from '../timeline/recorder';

/** A live heap block as the engine tracks it. `address` is absolute (heap base + allocator offset). */
export interface Block {
  readonly id: number;
  address: number;
  size: number;
  readonly align: number;
  readonly typeName: string;
  owner: OwnerRef;
  live: boolean;
}

/** A static item: a literal or a `static`, placed once and never freed. */
export interface StaticItem {
  readonly id: number;
  readonly name: string;
  readonly address: number;
  readonly size: number;
  readonly text?: string;
}

/** Where a value lives, so that a change to it can be re-recorded in the right place. */
export type Home =
  | { kind: 'local'; local: Local }
  | { kind: 'block'; block: Block; container: RValue }
  | { kind: 'temp' };

/**
 * A local: one `let` binding or parameter in a frame, with its stack storage. `slot` is its
 * number within the frame (0, 1, … in order of declaration), the number the format's stack
 * targets and owners use beside the frame id.
 */
export interface Local {
  readonly frameId: number;
  readonly slot: number;
  readonly name: string;
  readonly ty: Ty;
  readonly address: number;
  readonly size: number;
  readonly align: number;
  /** null once moved out (or not yet initialised). */
  value: RValue | null;
  ended: boolean;
  /** Interned name, and the shared `{k:'buf', to}` value last recorded for this local (hot-path caches). */
  nameId?: number;
  bufValue?: { index: number; block: Block | null };
}

/** @deprecated The old name of `Local` (it read as if a slot were the local itself). */
export type LocalSlot = Local;

/** What a pointer or reference points at. */
export type PlaceRef =
  | { kind: 'local'; local: Local }
  | { kind: 'block'; block: Block; offset: number }
  | { kind: 'static'; item: StaticItem };

/**
 * Runtime values of the modelled program. Mutable: a Vec's items grow in place. Every
 * value that owns heap memory holds its Block(s); dropping the value frees them.
 */
export type RValue =
  | { tag: 'scalar'; ty: Ty; v: number | bigint | boolean | string }
  | { tag: 'unit'; ty: Ty }
  /** `&str` (or `&[T]` of a string buffer): a fat pointer into static data or a heap buffer. */
  | { tag: 'str'; ty: Ty; text: string; target: PlaceRef | null }
  | { tag: 'string'; ty: Ty; buf: Block | null; len: number; cap: number; text: string }
  /** `shown` caches the format Values of the first items, so a push past them costs O(1). */
  /** `packed`: a Vec of scalars may keep its elements' values unboxed until `items` is first read (std/packed.ts). */
  | { tag: 'vec'; ty: Ty; elem: Ty; elemLayout: Layout; buf: Block | null; len: number; cap: number; items: RValue[]; shown?: Value[]; packed?: PackedScalars }
  | { tag: 'box'; ty: Ty; block: Block | null; inner: RValue }
  | { tag: 'rc'; ty: Ty; cell: RcCell }
  /** Rc's `Weak<T>`: a pointer to the same RcBox, counted in its weak count. */
  | { tag: 'weak'; ty: Ty; cell: RcCell }
  | { tag: 'struct'; ty: Ty; name: string; fieldNames: string[]; fields: RValue[] }
  | { tag: 'tuple'; ty: Ty; items: RValue[] }
  | { tag: 'array'; ty: Ty; items: RValue[] }
  | { tag: 'enum'; ty: Ty; name: string; variant: string; fieldNames: string[]; fields: RValue[] }
  | { tag: 'ref'; ty: Ty; target: PlaceRef }
  /** `HashMap<K, V>` / `HashSet<T>` (engine/std/hash-map.ts): hashbrown's table block and the entries by key. */
  | MapValue;

/**
 * A HashMap or HashSet: the table's state (hashbrown's model, engine/std/hash-table.ts), its one
 * heap block, and the entries keyed by their value's identity (a set's entries have no value).
 * Entries keep insertion order here; a real table's order follows RandomState.
 */
export interface MapValue {
  tag: 'map';
  ty: Ty;
  /** Layout of one entry: `(K, V)` for a map, `T` for a set. */
  entry: Layout;
  set: boolean;
  table: { buckets: number; items: number };
  block: Block | null;
  entries: Map<string, MapEntry>;
  /** A BTreeMap / BTreeSet: its nodes (engine/std/btree-map.ts); `block` is then the root node's, `entries` in key order. */
  tree?: BTree;
}

/** A BTreeMap's nodes: each one heap block holding the identities of its keys (engine/std/btree-map.ts). */
export interface BTree {
  root: BTreeNode | null;
  leaf: Layout;
  internal: Layout;
  /** Key order (Ord): negative, zero or positive. */
  cmp: (a: RValue, b: RValue) => number;
}

export interface BTreeNode {
  /** The identities of its keys (as in MapValue.entries), in order. */
  ids: string[];
  /** Children (ids.length + 1) of an internal node; null for a leaf. */
  edges: BTreeNode[] | null;
  block: Block | null;
  /** The ids its block last showed (content is re-recorded only when they change). */
  shown?: string;
}

export interface MapEntry {
  key: RValue;
  /** A set's entries hold the unit value. */
  value: RValue;
}

/** The elements of a Vec of scalars as bare values (numbers, bigints, booleans, chars), all of type `ty`. */
export interface PackedScalars {
  readonly ty: Ty;
  readonly values: Array<number | bigint | boolean | string>;
}

/** The shared heap cell of an Rc/Arc: counters plus the value (Rust's RcBox). */
export interface RcCell {
  block: Block | null;
  strong: number;
  weak: number;
  inner: RValue;
}

export type StringValue = Extract<RValue, { tag: 'string' }>;
export type VecValue = Extract<RValue, { tag: 'vec' }>;
export type BoxValue = Extract<RValue, { tag: 'box' }>;
export type RcValue = Extract<RValue, { tag: 'rc' }>;
export type WeakValue = Extract<RValue, { tag: 'weak' }>;
