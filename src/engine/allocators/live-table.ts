import { HeapError } from './allocator';

/**
 * Payload address -> block id while live, -1 once freed, so a double free can be told from
 * a wild pointer. An open-addressing hash table (linear probing, Fibonacci hashing) in typed
 * arrays: a JS Map of double keys costs several times more per lookup on the hot path.
 * A freed address keeps its -1 (a tombstone) until the table fills up; then, if at least half
 * of its entries are tombstones, it is rebuilt with the live ones only instead of doubled.
 * So the table stays proportional to the live blocks even for a policy that never reuses an
 * address (bump); a second free of an address freed before a sweep is an unknown pointer.
 */
export class LiveTable {
  /** Slot i holds [address, id] at 2i, 2i + 1: one cache line per probe. Address -1 = empty. */
  private tab = LiveTable.empty(1024);
  private shift = 32 - 10;
  /** Entries in use, tombstones included. */
  private count = 0;
  private tombstones = 0;
  /**
   * The table a sweep left behind, reused by the next sweep at the same size: a policy that
   * never reuses an address (bump) sweeps every few hundred frees, and a fresh table each time
   * was ~10 MB of garbage per 3x10^5 frees.
   */
  private spare: Float64Array | null = null;

  private static empty(slots: number): Float64Array {
    // Every word -1: an empty slot's address is -1 (its id is never read).
    return new Float64Array(slots * 2).fill(-1);
  }

  set(address: number, id: number): void {
    const i = this.slot(address);
    if (this.tab[i] === -1) {
      this.tab[i] = address;
      this.tab[i + 1] = id;
      if (++this.count * 4 > this.tab.length) this.grow();
    } else {
      if (this.tab[i + 1] < 0) this.tombstones--;
      this.tab[i + 1] = id;
    }
  }

  /** The id of the live block at address, else throws the right HeapError. */
  get(address: number, action: string): number {
    const i = this.slot(address);
    if (this.tab[i] === -1) throw new HeapError(`${action} of ${address}: not the address of a block`, 'unknown-pointer', address);
    const id = this.tab[i + 1];
    if (id < 0) throw new HeapError(`${action} of ${address}: block already freed`, 'double-free', address);
    return id;
  }

  /** Like get, and marks the block freed: one probe for the whole of free(). */
  take(address: number, action: string): number {
    const i = this.slot(address);
    const id = this.tab[i + 1];
    if (this.tab[i] === -1 || id < 0) return this.get(address, action); // throws
    this.tab[i + 1] = -1;
    this.tombstones++;
    return id;
  }

  /** Index (2 x slot) of the slot holding address, or of the empty slot where it would go. */
  private slot(address: number): number {
    const tab = this.tab;
    const mask = tab.length - 2;
    // Mix the low and high 32 bits (addresses may pass 2^32), then keep the top bits.
    let i = (Math.imul((address >>> 0) ^ Math.imul((address / 4294967296) | 0, 0x85ebca6b), 0x9e3779b1) >>> this.shift) << 1;
    for (;;) {
      const k = tab[i];
      if (k === address || k === -1) return i;
      i = (i + 2) & mask;
    }
  }

  /** The table is half full: drop the tombstones if they are half of it, else double it. */
  private grow(): void {
    const old = this.tab;
    const sweep = this.tombstones * 2 >= this.count;
    const spare = this.spare;
    this.tab = sweep && spare !== null ? spare.fill(-1) : LiveTable.empty(sweep ? old.length / 2 : old.length);
    this.spare = sweep ? old : null;
    if (!sweep) this.shift--;
    if (sweep) {
      this.count -= this.tombstones;
      this.tombstones = 0;
    }
    for (let j = 0; j < old.length; j += 2) {
      if (old[j] === -1 || (sweep && old[j + 1] < 0)) continue;
      const i = this.slot(old[j]);
      this.tab[i] = old[j];
      this.tab[i + 1] = old[j + 1];
    }
  }
}
