/**
 * Address -> small integer (a block id) in typed arrays: open addressing, linear probing,
 * Fibonacci hashing of both 32-bit halves (addresses may pass 2^32), and backward-shift
 * deletion, so there are no tombstones and a probe ends at the first empty slot. A JS Map
 * keyed by doubles boxes every address past 2^31 and costs several times more per lookup on
 * a policy's hot path. Keys are addresses >= 0; -1 marks an empty slot.
 */
export class AddressMap {
  private keys: Float64Array = AddressMap.emptyKeys(1 << 10);
  private values: Int32Array = new Int32Array(1 << 10);
  private shift = 32 - 10;
  private count = 0;

  private static emptyKeys(n: number): Float64Array {
    return new Float64Array(n).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  /** The value at `key`, or `missing`. */
  get(key: number, missing: number): number {
    const i = this.find(key);
    return this.keys[i] === -1 ? missing : this.values[i];
  }

  set(key: number, value: number): void {
    const i = this.find(key);
    this.values[i] = value;
    if (this.keys[i] === -1) {
      this.keys[i] = key;
      if (++this.count * 2 > this.keys.length) this.rehash(this.keys.length * 2);
    }
  }

  delete(key: number): void {
    const keys = this.keys;
    const mask = keys.length - 1;
    let i = this.find(key);
    if (keys[i] === -1) return;
    this.count--;
    // Shift back every later entry of the run that would no longer be found past the hole.
    for (let j = (i + 1) & mask; keys[j] !== -1; j = (j + 1) & mask) {
      const home = this.home(keys[j]);
      const reachable = i <= j ? i < home && home <= j : i < home || home <= j;
      if (reachable) continue;
      keys[i] = keys[j];
      this.values[i] = this.values[j];
      i = j;
    }
    keys[i] = -1;
  }

  private home(key: number): number {
    return Math.imul((key >>> 0) ^ Math.imul((key / 4294967296) | 0, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
  }

  /** The slot holding key, or the empty slot where it would go. */
  private find(key: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    let i = this.home(key);
    for (;;) {
      const k = keys[i];
      if (k === key || k === -1) return i;
      i = (i + 1) & mask;
    }
  }

  private rehash(size: number): void {
    const keys = this.keys;
    const values = this.values;
    this.keys = AddressMap.emptyKeys(size);
    this.values = new Int32Array(size);
    this.shift = 32 - Math.log2(size);
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === -1) continue;
      const i = this.find(keys[j]);
      this.keys[i] = keys[j];
      this.values[i] = values[j];
    }
  }
}
