import type { ProblemLog } from './problems';

/** A block's name in a trace: its text, or (mtrace) its address as a number, which needs no string. */
export type BlockId = string | number;

/** What LiveBlocks returns for an event it drops (the problem is reported). */
export const DROPPED = -1;

/** A freed id is remembered (to tell a double free from a wild pointer) until this many pile up. */
const DEFAULT_TOMBSTONE_LIMIT = 1 << 20;

/** Map values: a block number (>= 0) while live, else one of these. */
const FREED = -1;
/** The importer refused the event that made this block (e.g. a size past 2^53): its free is quiet. */
const REJECTED = -2;
const ABSENT = -3;

/** A probe this long means the keys defeat AddressMap's locality-keeping hash. */
const LONG_PROBE = 64;

/**
 * Tracks which blocks are live, so a trace cannot free what it never allocated, and gives each
 * live block a block number: a small integer, handed out again once the block is freed, that names the
 * block in the columns (see columns.ts) so a replay needs no map of its own.
 *
 * One map holds every id seen: a live block maps to its number, a freed one to FREED (a
 * tombstone), so a free costs one lookup and one store. mtrace reuses addresses, which keeps
 * the map as small as the heap; traces with fresh ids per block would grow it without end,
 * so tombstones are swept once there are `tombstoneLimit` of them — after a sweep, a second
 * free of a long-dead id is reported as an unknown pointer rather than a double free.
 */
export class LiveBlocks {
  private readonly byText = new Map<string, number>();
  private readonly byAddress = new AddressMap();
  private tombstones = 0;
  private sizes: Float64Array = new Float64Array(1024);
  private spare: Int32Array = new Int32Array(1024);
  private spareCount = 0;
  /** Block numbers ever used: every number handed out is below it. */
  blockNumbers = 0;
  blocks = 0;
  bytes = 0;
  /** After realloc(): the old block's number, or DROPPED when the realloc became an alloc. */
  oldBlock = DROPPED;

  constructor(private readonly problems: ProblemLog, private readonly tombstoneLimit = DEFAULT_TOMBSTONE_LIMIT) {}

  /** A new block: its number, or DROPPED (an alloc of an id still live). */
  alloc(id: BlockId, size: number, line: number): number {
    const old = this.get(id);
    if (old >= 0) {
      this.problems.report('duplicate-alloc', line, `alloc of ${text(id)}, which is still live (its free is missing from the trace)`);
      return DROPPED;
    }
    if (old === FREED) this.tombstones--;
    return this.born(id, size);
  }

  /** A freed block: the number it had, or DROPPED (unknown pointer, double free, or a rejected block's quiet free). */
  free(id: BlockId, line: number): number {
    const block = this.get(id);
    if (block < 0) {
      if (block === REJECTED) this.bury(id);
      else this.reportDead(block, 'free', id, line);
      return DROPPED;
    }
    this.kill(id, block);
    return block;
  }

  /**
   * A resized block: the number of the block after it, with `oldBlock` the number before it (the
   * same number when the id stays). A realloc of an unknown block becomes an alloc of the new
   * block (oldBlock DROPPED): the program did get that block, so a replay should see it.
   */
  realloc(id: BlockId, newId: BlockId, size: number, line: number): number {
    this.oldBlock = DROPPED;
    const block = this.get(id);
    if (block < 0) {
      if (block === REJECTED) this.bury(id);
      else this.reportDead(block, 'realloc', id, line);
      return this.alloc(newId, size, line);
    }
    if (newId !== id) {
      const target = this.get(newId);
      if (target >= 0) {
        this.problems.report('duplicate-alloc', line, `realloc of ${text(id)} moved it to ${text(newId)}, which is still live (its free is missing from the trace)`);
        return DROPPED;
      }
      if (target === FREED) this.tombstones--;
      // The new block's number is taken before the old one is given back: they differ.
      const moved = this.born(newId, size);
      this.kill(id, block);
      this.oldBlock = block;
      return moved;
    }
    this.bytes += size - this.sizes[block];
    this.sizes[block] = size;
    this.oldBlock = block;
    return block;
  }

  /** alloc() of an address (a numeric id), found in the table once; anything unusual goes the general way. */
  allocAddress(address: number, size: number, line: number): number {
    const map = this.byAddress;
    const at = map.find(address);
    const old = map.value(at, ABSENT);
    if (old >= 0) return this.alloc(address, size, line); // reports the duplicate
    if (old === FREED) this.tombstones--;
    const block = this.newBlock(size);
    map.put(at, address, block);
    return block;
  }

  /** free() of an address, found in the table once. */
  freeAddress(address: number, line: number): number {
    const map = this.byAddress;
    const at = map.find(address);
    const block = map.value(at, ABSENT);
    if (block < 0) return this.free(address, line); // reports it, or buries a rejected block
    this.release(block);
    map.put(at, address, FREED);
    this.buried();
    return block;
  }

  /** realloc() from one address to another (or the same). */
  reallocAddress(address: number, newAddress: number, size: number, line: number): number {
    const map = this.byAddress;
    const at = map.find(address);
    const block = map.value(at, ABSENT);
    if (block < 0) return this.realloc(address, newAddress, size, line);
    if (newAddress === address) {
      this.bytes += size - this.sizes[block];
      this.sizes[block] = size;
      this.oldBlock = block;
      return block;
    }
    const to = map.find(newAddress);
    const target = map.value(to, ABSENT);
    if (target >= 0) return this.realloc(address, newAddress, size, line); // reports the duplicate
    if (target === FREED) this.tombstones--;
    // The new block's number is taken before the old one is given back: they differ.
    const moved = this.newBlock(size);
    this.release(block);
    map.put(at, address, FREED); // before the insert below, which may move every entry
    map.put(to, newAddress, moved);
    this.buried();
    this.oldBlock = block;
    return moved;
  }

  /** The importer refused the event that made `id`: its later free or realloc is not a new problem. */
  rejected(id: BlockId): void {
    const old = this.get(id);
    if (old >= 0) return; // still live from before: the refused event did not touch it
    if (old === FREED) this.tombstones--;
    this.set(id, REJECTED);
  }

  private born(id: BlockId, size: number): number {
    const block = this.newBlock(size);
    this.set(id, block);
    return block;
  }

  /** A block number for a new block of `size` bytes: a spare one, else the next unused. */
  private newBlock(size: number): number {
    const block = this.spareCount > 0 ? this.spare[--this.spareCount] : this.blockNumbers++;
    if (block >= this.sizes.length) {
      const grown = new Float64Array(this.sizes.length * 2);
      grown.set(this.sizes);
      this.sizes = grown;
    }
    this.sizes[block] = size;
    this.blocks++;
    this.bytes += size;
    return block;
  }

  private kill(id: BlockId, block: number): void {
    this.release(block);
    this.bury(id);
  }

  /** Gives a freed block's number back. */
  private release(block: number): void {
    this.blocks--;
    this.bytes -= this.sizes[block];
    if (this.spareCount === this.spare.length) {
      const grown = new Int32Array(this.spare.length * 2);
      grown.set(this.spare);
      this.spare = grown;
    }
    this.spare[this.spareCount++] = block;
  }

  /** Leaves a tombstone for id. */
  private bury(id: BlockId): void {
    this.set(id, FREED);
    this.buried();
  }

  /** Counts a tombstone just left; sweeps them all once there are too many. */
  private buried(): void {
    if (++this.tombstones >= this.tombstoneLimit) {
      for (const [key, v] of this.byText) if (v === FREED) this.byText.delete(key);
      this.byAddress.sweep(FREED);
      this.tombstones = 0;
    }
  }

  private get(id: BlockId): number {
    if (typeof id === 'number') return this.byAddress.value(this.byAddress.find(id), ABSENT);
    const v = this.byText.get(id);
    return v === undefined ? ABSENT : v;
  }

  private set(id: BlockId, v: number): void {
    if (typeof id === 'number') this.byAddress.put(this.byAddress.find(id), id, v);
    else this.byText.set(id, v);
  }

  private reportDead(old: number, what: string, id: BlockId, line: number): void {
    if (old === ABSENT) this.problems.report('unknown-pointer', line, `${what} of ${text(id)}, which the trace never allocated`);
    else this.problems.report('double-free', line, `${what} of ${text(id)}, which was already freed`);
  }
}

/** A numeric id as the trace wrote it: numbers are used only for canonical hex addresses. */
function text(id: BlockId): string {
  return typeof id === 'number' ? `0x${id.toString(16)}` : id;
}

/**
 * Address -> block number or marker, open addressing with linear probing in one Float64Array of
 * (key, value) pairs, so a probe touches one cache line (a JS Map would box every address past
 * 2^31 to look it up). Keys are >= 0; -1 marks an empty pair. Entries are never removed one by
 * one, only swept in bulk. A place found by `find` is good until the next `put` of a new key
 * (which may rebuild the table).
 *
 * The hash keeps the heap's locality: the 64 16-byte addresses of each 1 KiB of address space
 * go to 64 neighbouring pairs from a start given by a Fibonacci hash of the KiB's number, so
 * blocks the program used together sit together in the table (a third less time on a 10^7-event trace
 * than scattering every address). Addresses packed closer than 16 bytes apart (no malloc gives
 * those; a hostile trace may) would pile up in long probes: after one probe of more than
 * LONG_PROBE pairs the table is rebuilt with every address scattered.
 */
class AddressMap {
  private table = AddressMap.emptyTable(1 << 12);
  private mask = (1 << 12) - 1;
  /** 32 - log2(capacity): the top bits of a 32-bit hash pick a pair. */
  private shift = 32 - 12;
  private count = 0;
  private scatter = false;
  private longProbe = false;

  private static emptyTable(capacity: number): Float64Array {
    return new Float64Array(2 * capacity).fill(-1);
  }

  /** Where `key`'s pair is, or where it would go: an index into the table (even). */
  find(key: number): number {
    const table = this.table;
    const mask = this.mask;
    const high = Math.imul((key / 4294967296) | 0, 0x85ebca6b);
    let i = this.scatter
      ? Math.imul((key >>> 0) ^ high, 0x9e3779b1) >>> this.shift
      : ((Math.imul(((key / 1024) >>> 0) ^ high, 0x9e3779b1) >>> this.shift) + ((key >>> 4) & 63)) & mask;
    for (let probes = 0; ; probes++) {
      const k = table[2 * i];
      if (k === key || k === -1) {
        if (probes > LONG_PROBE) this.longProbe = true;
        return 2 * i;
      }
      i = (i + 1) & mask;
    }
  }

  /** The value at a place `find` gave, or `missing` when the key is not there. */
  value(at: number, missing: number): number {
    const table = this.table;
    return table[at] === -1 ? missing : table[at + 1];
  }

  /** Stores key -> value at the place `find(key)` gave. */
  put(at: number, key: number, value: number): void {
    const table = this.table;
    table[at + 1] = value;
    if (table[at] === -1) {
      table[at] = key;
      if (++this.count * 2 > this.mask + 1) this.rebuild(2 * (this.mask + 1), NaN);
      else if (this.longProbe && !this.scatter) {
        this.scatter = true;
        this.rebuild(this.mask + 1, NaN);
      }
    }
  }

  /** Drops every entry whose value is `dead`. */
  sweep(dead: number): void {
    this.rebuild(this.mask + 1, dead);
  }

  private rebuild(capacity: number, dead: number): void {
    const old = this.table;
    this.table = AddressMap.emptyTable(capacity);
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
    this.count = 0;
    this.longProbe = false;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j] === -1 || old[j + 1] === dead) continue;
      const at = this.find(old[j]);
      this.table[at] = old[j];
      this.table[at + 1] = old[j + 1];
      this.count++;
    }
    if (this.longProbe && !this.scatter) {
      this.scatter = true;
      this.rebuild(capacity, dead);
    }
  }
}
