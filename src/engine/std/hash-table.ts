/**
 * The heap use of std's HashMap and HashSet, which are hashbrown's SwissTable (the version in
 * rustc 1.95's std), as pure functions: given the table's state and the layout of one entry
 * ((K, V) for a map, T for a set), each operation returns the new state and the allocator calls
 * it makes. The interpreter and the notebook API apply those calls to a Machine; nothing here
 * knows about either. Checked against real rustc in test/oracle/hash-table.test.ts.
 *
 * The rules (x86_64, SSE2 groups of 16 control bytes):
 * - The table is one block: `buckets` entries, padded up to the control bytes' alignment, then
 *   `buckets + 16` control bytes. Alignment is max(align_of entry, 16).
 *   HashMap<u64, u64>: buckets × 16 + buckets + 16 bytes, align 16.
 * - `buckets` is a power of two. A table of up to 8 buckets holds buckets − 1 entries, a larger
 *   one 7/8 of its buckets: capacities 3, 7, 14, 28, 56, 112, …
 * - For a requested capacity under 15, small entries get a larger minimum (hashbrown fills a
 *   whole group): capacity 14 when the entry is ≤ 1 byte, 7 when it is 2–3 bytes, otherwise 3.
 * - `new()` allocates nothing; the first insert allocates the smallest table. Inserting a new
 *   key into a full table grows it: a fresh table for max(items + 1, capacity + 1) is allocated,
 *   the entries moved, and then the old table is freed (alloc before dealloc, never realloc).
 * - `with_capacity(n)` and `reserve(n)` size for n; `shrink_to_fit` rebuilds at the smallest
 *   size holding the items, or frees the table when it is empty.
 * - `collect`/`extend` reserve the iterator's lower size hint first (half of it, rounded up,
 *   when the table already has entries).
 * - Removal frees the slot for reuse. (hashbrown leaves a tombstone instead when 16 full slots
 *   surround it, which depends on the random hashes; tables of up to 8 buckets never do. This
 *   model assumes no tombstones.)
 */
import type { Layout } from '../layout/types';

/** Control bytes read at once (SSE2 on x86_64). */
export const GROUP_WIDTH = 16;

/** A table: `buckets` 0 is the unallocated empty singleton. */
export interface HashTable {
  buckets: number;
  items: number;
}

export type TableCall = { op: 'alloc' | 'dealloc'; size: number; align: number };

export interface TableStep {
  table: HashTable;
  calls: TableCall[];
}

export const EMPTY_TABLE: HashTable = { buckets: 0, items: 0 };

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** Entries a table of `buckets` buckets holds before it must grow. */
export function bucketsToCapacity(buckets: number): number {
  if (buckets === 0) return 0;
  return buckets <= 8 ? buckets - 1 : (buckets / 8) * 7;
}

/** Buckets hashbrown allocates to hold `cap` entries of the given size (cap ≥ 1). */
export function capacityToBuckets(cap: number, entry: Layout): number {
  if (cap < 15) {
    const minCap = entry.size <= 1 ? 14 : entry.size <= 3 ? 7 : 3;
    const c = Math.max(cap, minCap);
    return c < 4 ? 4 : c < 8 ? 8 : 16;
  }
  return nextPowerOfTwo(Math.floor((cap * 8) / 7));
}

/** The table's one heap block for `buckets` buckets. */
export function tableLayout(buckets: number, entry: Layout): Layout {
  const align = Math.max(entry.align, GROUP_WIDTH);
  const ctrlOffset = Math.ceil((entry.size * buckets) / align) * align;
  return { size: ctrlOffset + buckets + GROUP_WIDTH, align };
}

/** What `capacity()` reports. */
export function capacityOf(table: HashTable): number {
  return bucketsToCapacity(table.buckets);
}

function allocCall(buckets: number, entry: Layout): TableCall {
  return { op: 'alloc', ...tableLayout(buckets, entry) };
}

function freeCall(buckets: number, entry: Layout): TableCall[] {
  return buckets === 0 ? [] : [{ op: 'dealloc', ...tableLayout(buckets, entry) }];
}

/** A new table sized for `cap` entries and the old one freed after the move. */
function resize(table: HashTable, cap: number, entry: Layout): TableStep {
  const buckets = capacityToBuckets(cap, entry);
  return { table: { buckets, items: table.items }, calls: [allocCall(buckets, entry), ...freeCall(table.buckets, entry)] };
}

/** `with_capacity(cap)`: nothing for 0. */
export function withCapacity(cap: number, entry: Layout): TableStep {
  if (cap === 0) return { table: EMPTY_TABLE, calls: [] };
  const buckets = capacityToBuckets(cap, entry);
  return { table: { buckets, items: 0 }, calls: [allocCall(buckets, entry)] };
}

/** `reserve(additional)`: grows when fewer than `additional` more entries fit. */
export function reserve(table: HashTable, additional: number, entry: Layout): TableStep {
  const capacity = capacityOf(table);
  if (additional <= capacity - table.items) return { table, calls: [] };
  return resize(table, Math.max(table.items + additional, capacity + 1), entry);
}

/** Inserting a key that is not in the table yet (a key already present changes nothing on the heap). */
export function insertNew(table: HashTable, entry: Layout): TableStep {
  const grown = reserve(table, 1, entry);
  return { table: { buckets: grown.table.buckets, items: grown.table.items + 1 }, calls: grown.calls };
}

/** Removing a present key: the slot is free again, the table keeps its size. */
export function removeOne(table: HashTable): HashTable {
  if (table.items === 0) throw new Error('removeOne on an empty table');
  return { buckets: table.buckets, items: table.items - 1 };
}

/** `clear()`: entries gone (their own drops are the caller's), the table kept. */
export function clear(table: HashTable): HashTable {
  return { buckets: table.buckets, items: 0 };
}

/** `shrink_to(min)`; `shrink_to_fit()` is shrinkTo(table, 0). */
export function shrinkTo(table: HashTable, min: number, entry: Layout): TableStep {
  const want = Math.max(table.items, min);
  if (want === 0) return { table: EMPTY_TABLE, calls: freeCall(table.buckets, entry) };
  if (capacityToBuckets(want, entry) >= table.buckets) return { table, calls: [] };
  return resize(table, want, entry);
}

/** `clone()`: a table of the same bucket count (the entries' own clones are the caller's). */
export function cloneTable(table: HashTable, entry: Layout): TableStep {
  if (table.buckets === 0) return { table: EMPTY_TABLE, calls: [] };
  return { table: { ...table }, calls: [allocCall(table.buckets, entry)] };
}

/** Dropping the table's storage (after its entries were dropped). */
export function dropTable(table: HashTable, entry: Layout): TableCall[] {
  return freeCall(table.buckets, entry);
}

/** What `extend`/`collect` reserve before inserting from an iterator whose lower size hint is `lower`. */
export function extendReserve(table: HashTable, lower: number, entry: Layout): TableStep {
  return reserve(table, table.items === 0 ? lower : Math.ceil(lower / 2), entry);
}
