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

  /** The importer refused the event that made `id`: its later free or realloc is not a new problem. */
  rejected(id: BlockId): void {
    const old = this.get(id);
    if (old >= 0) return; // still live from before: the refused event did not touch it
    if (old === FREED) this.tombstones--;
    this.set(id, REJECTED);
  }

  private born(id: BlockId, size: number): number {
    const block = this.spareCount > 0 ? this.spare[--this.spareCount] : this.blockNumbers++;
    if (block >= this.sizes.length) {
      const grown = new Float64Array(this.sizes.length * 2);
      grown.set(this.sizes);
      this.sizes = grown;
    }
    this.sizes[block] = size;
    this.set(id, block);
    this.blocks++;
    this.bytes += size;
    return block;
  }

  private kill(id: BlockId, block: number): void {
    this.blocks--;
    this.bytes -= this.sizes[block];
    if (this.spareCount === this.spare.length) {
      const grown = new Int32Array(this.spare.length * 2);
      grown.set(this.spare);
      this.spare = grown;
    }
    this.spare[this.spareCount++] = block;
    this.bury(id);
  }

  /** Leaves a tombstone for id. */
  private bury(id: BlockId): void {
    this.set(id, FREED);
    if (++this.tombstones >= this.tombstoneLimit) {
      for (const [key, v] of this.byText) if (v === FREED) this.byText.delete(key);
      this.byAddress.sweep(FREED);
      this.tombstones = 0;
    }
  }

  private get(id: BlockId): number {
    if (typeof id === 'number') return this.byAddress.get(id, ABSENT);
    const v = this.byText.get(id);
    return v === undefined ? ABSENT : v;
  }

  private set(id: BlockId, v: number): void {
    if (typeof id === 'number') this.byAddress.set(id, v);
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
 * Address -> int32 in typed arrays (open addressing, linear probing, Fibonacci hashing): a
 * JS Map would box every address past 2^31 to look it up. Keys are >= 0; -1 marks an empty
 * block. Entries are never removed one by one, only swept in bulk.
 */
class AddressMap {
  private keys = AddressMap.emptyKeys(1 << 12);
  private values: Int32Array = new Int32Array(1 << 12);
  private shift = 32 - 12;
  private count = 0;
  /**
   * The key last probed (by get or set) and its slot: LiveBlocks reads an id and then writes it
   * (alloc, free), so the write finds its slot without a second probe. -2 (none) after a rebuild.
   */
  private lastKey = -2;
  private lastSlot = 0;

  private static emptyKeys(n: number): Float64Array {
    return new Float64Array(n).fill(-1);
  }

  get(key: number, missing: number): number {
    const i = this.find(key);
    this.lastKey = key;
    this.lastSlot = i;
    return this.keys[i] === -1 ? missing : this.values[i];
  }

  set(key: number, value: number): void {
    let i = this.lastSlot;
    if (key !== this.lastKey) {
      // Another key may have been inserted since: the cache always names the last key probed.
      i = this.find(key);
      this.lastKey = key;
      this.lastSlot = i;
    }
    this.values[i] = value;
    if (this.keys[i] === -1) {
      this.keys[i] = key;
      if (++this.count * 2 > this.keys.length) this.rebuild(this.keys.length * 2, NaN);
    }
  }

  /** Drops every entry whose value is `dead`. */
  sweep(dead: number): void {
    this.rebuild(this.keys.length, dead);
  }

  private find(key: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    let i = Math.imul((key >>> 0) ^ Math.imul((key / 4294967296) | 0, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = keys[i];
      if (k === key || k === -1) return i;
      i = (i + 1) & mask;
    }
  }

  private rebuild(size: number, dead: number): void {
    const keys = this.keys;
    const values = this.values;
    this.lastKey = -2;
    this.keys = AddressMap.emptyKeys(size);
    this.values = new Int32Array(size);
    this.shift = 32 - Math.log2(size);
    this.count = 0;
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === -1 || values[j] === dead) continue;
      const i = this.find(keys[j]);
      this.keys[i] = keys[j];
      this.values[i] = values[j];
      this.count++;
    }
  }
}
