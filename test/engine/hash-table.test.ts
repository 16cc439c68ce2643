/**
 * The engine's hashbrown model on its own (no rustc): the growth points issue 14 states for
 * HashMap<u64, u64>, and the small-table minimum for 1-byte entries. test/oracle/hash-table.test.ts
 * checks the same functions against real rustc for 13 key/value types.
 */
import { capacityOf, capacityToBuckets, EMPTY_TABLE, insertNew, shrinkTo, tableLayout, type TableCall } from '../../src/engine/std/hash-table';

const U64_PAIR = { size: 16, align: 8 };

describe('hash-table model', () => {
  test('HashMap<u64, u64> grows through capacities 3, 7, 14, 28, 56, 112: each a fresh table of buckets × 16 + buckets + 16 bytes, then the old freed', () => {
    const entry = U64_PAIR;
    let t = EMPTY_TABLE;
    const caps: number[] = [];
    const calls: TableCall[] = [];
    for (let i = 0; i < 100; i++) {
      const s = insertNew(t, entry);
      calls.push(...s.calls);
      if (s.table.buckets !== t.buckets) caps.push(capacityOf(s.table));
      t = s.table;
    }
    expect(caps).toEqual([3, 7, 14, 28, 56, 112]);
    const sizes = [4, 8, 16, 32, 64, 128].map((b) => b * 16 + b + 16);
    expect(calls.filter((c) => c.op === 'alloc')).toEqual(sizes.map((size) => ({ op: 'alloc', size, align: 16 })));
    expect(calls.filter((c) => c.op === 'dealloc')).toEqual(sizes.slice(0, -1).map((size) => ({ op: 'dealloc', size, align: 16 })));
    expect(calls.map((c) => c.op)).toEqual(['alloc', ...Array(5).fill(['alloc', 'dealloc']).flat()]);
  });

  test('a 1-byte entry fills a whole group before growing: 16 buckets for up to 14 entries', () => {
    expect(capacityToBuckets(1, { size: 1, align: 1 })).toBe(16);
    expect(capacityToBuckets(1, { size: 2, align: 2 })).toBe(8);
    expect(capacityToBuckets(1, U64_PAIR)).toBe(4);
    expect(tableLayout(16, { size: 1, align: 1 })).toEqual({ size: 48, align: 16 });
  });

  test('shrink_to_fit of an empty table frees it', () => {
    const t = insertNew(EMPTY_TABLE, U64_PAIR).table;
    const s = shrinkTo({ ...t, items: 0 }, 0, U64_PAIR);
    expect(s.table).toEqual(EMPTY_TABLE);
    expect(s.calls).toEqual([{ op: 'dealloc', size: 4 * 16 + 4 + 16, align: 16 }]);
    expect(capacityOf(s.table)).toBe(0);
  });
});
