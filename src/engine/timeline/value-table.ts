/**
 * The value table of a timeline as the engine keeps it: an event indexes into it, one entry per
 * recorded value. Most entries of a long run are integers (a loop's counter and sums), so an
 * integer is kept as itself in a typed array, not as `{k: 'int', v}` nor as an element of a JS
 * array the garbage collector walks and copies as it grows (that was a sixth of a `for` loop's
 * run time and 19 bytes per event); any other value is an object in `objects`.
 */
import type { Value } from '../../format/values';

/** What an entry is: an integer in `slots`, an object at `objects[slots[i]]`, or an integer too wide for int32, in `wide`. */
const INT = 0;
const OBJECT = 1;
const WIDE_INT = 2;

/** Plain data (structured-cloneable, so a worker thread can send it). */
export interface ValueTable {
  count: number;
  tags: Uint8Array;
  slots: Int32Array;
  objects: Value[];
  wide: Map<number, number>;
}

export class ValueTableWriter {
  private tags = new Uint8Array(1024);
  private slots = new Int32Array(1024);
  private readonly objects: Value[] = [];
  private readonly wide = new Map<number, number>();
  count = 0;

  /** An integer value (`{k: 'int', v}`); its index. */
  addInt(v: number): number {
    const i = this.next();
    // -0 is kept aside, as int32 has no -0.
    if ((v | 0) === v && (v !== 0 || 1 / v > 0)) {
      this.slots[i] = v;
    } else {
      this.tags[i] = WIDE_INT;
      this.wide.set(i, v);
    }
    return i;
  }

  /** Any value; its index. Values are immutable once recorded, so the same object may be added again. */
  addValue(value: Value): number {
    const i = this.next();
    this.tags[i] = OBJECT;
    this.slots[i] = this.objects.length;
    this.objects.push(value);
    return i;
  }

  private next(): number {
    if (this.count === this.tags.length) {
      const tags = new Uint8Array(this.count * 2);
      tags.set(this.tags);
      this.tags = tags;
      const slots = new Int32Array(this.count * 2);
      slots.set(this.slots);
      this.slots = slots;
    }
    return this.count++;
  }

  /** The table so far (a copy: the writer may go on). */
  finish(): ValueTable {
    return { count: this.count, tags: this.tags.slice(0, this.count), slots: this.slots.slice(0, this.count), objects: this.objects.slice(), wide: new Map(this.wide) };
  }
}

/** A decoded document's values. */
export function valueTableOf(values: readonly Value[]): ValueTable {
  const w = new ValueTableWriter();
  for (const v of values) w.addValue(v);
  return w.finish();
}

/** Entry `index` as the format's Value. */
export function valueAt(t: ValueTable, index: number): Value {
  const tag = t.tags[index];
  if (tag === OBJECT) return t.objects[t.slots[index]!]!;
  return { k: 'int', v: tag === INT ? t.slots[index]! : t.wide.get(index)! };
}

/** Buffers a worker thread can hand over instead of copying. */
export function valueTableBuffers(t: ValueTable): ArrayBufferLike[] {
  return [t.tags.buffer, t.slots.buffer];
}
