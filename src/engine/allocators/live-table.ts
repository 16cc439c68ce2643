import { HeapError } from './allocator';

/**
 * Payload address -> block id while live, -1 once freed, so a double free can be told from
 * a wild pointer. An open-addressing hash table (linear probing, Fibonacci hashing) in typed
 * arrays: a JS Map of double keys costs several times more per lookup on the hot path.
 * Entries are never removed (a freed address keeps its -1), so the table holds at most one
 * entry per distinct address ever handed out.
 */
export class LiveTable {
  /** Slot i holds [address, id] at 2i, 2i + 1: one cache line per probe. Address -1 = empty. */
  private tab = LiveTable.empty(1024);
  private shift = 32 - 10;
  private count = 0;

  private static empty(slots: number): Float64Array {
    const tab = new Float64Array(slots * 2);
    for (let i = 0; i < tab.length; i += 2) tab[i] = -1;
    return tab;
  }

  set(address: number, id: number): void {
    const i = this.slot(address);
    this.tab[i + 1] = id;
    if (this.tab[i] === -1) {
      this.tab[i] = address;
      if (++this.count * 4 > this.tab.length) this.grow();
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

  /** Doubles the table when it is half full. */
  private grow(): void {
    const old = this.tab;
    this.tab = LiveTable.empty(old.length);
    this.shift--;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j] === -1) continue;
      const i = this.slot(old[j]);
      this.tab[i] = old[j];
      this.tab[i + 1] = old[j + 1];
    }
  }
}
