import fc from 'fast-check';
import { createAllocator } from '../../../src/engine/allocators';
import { segregatedClass } from '../../../src/engine/allocators/segregated';
import { tlsfClass, tlsfRoundUp } from '../../../src/engine/allocators/tlsf';
import { Op, replay } from './trace';

describe('TLSF mapping', () => {
  it('has exact one-granule classes below 64 granules', () => {
    for (let u = 1; u < 64; u++) expect(tlsfClass(u)).toBe(u < 32 ? u : 32 + (u - 32));
    expect(tlsfRoundUp(63)).toBe(63);
  });

  it('splits [2^t, 2^(t+1)) into 32 classes of width 2^(t-5)', () => {
    // u = 64..127 granules: first level 2, width 2 granules.
    expect(tlsfClass(64)).toBe(2 * 32 + 0);
    expect(tlsfClass(65)).toBe(2 * 32 + 0);
    expect(tlsfClass(66)).toBe(2 * 32 + 1);
    expect(tlsfClass(127)).toBe(2 * 32 + 31);
    expect(tlsfClass(128)).toBe(3 * 32 + 0);
    expect(tlsfClass(1000)).toBe(5 * 32 + 30); // 2^9 <= 1000 < 2^10: fl = 9 - 4, width 16: (1000 >> 4) - 32 = 30
    expect(tlsfClass(2 ** 34 + 2 ** 29)).toBe(30 * 32 + 1);
    expect(tlsfClass(2 ** 40)).toBe(32 * 32 - 1); // beyond the table: the last class
  });

  it('rounds a search up to the next class boundary, so every block of that class fits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 33 }), (u) => {
        const r = tlsfRoundUp(u);
        expect(r).toBeGreaterThanOrEqual(u);
        expect(tlsfClass(r)).toBeGreaterThanOrEqual(tlsfClass(u));
        // r is the lowest size of its class: one granule less falls in the class below
        if (r > 32) expect(tlsfClass(r - 1)).toBe(tlsfClass(r) - 1);
      }),
    );
  });

  it('takes the head of a larger class instead of a too-small block of the same class', () => {
    const heap = createAllocator('tlsf');
    const a = heap.alloc(2048, 16)!; // 128 granules: class [128, 132)
    heap.alloc(16, 16); // guard keeps it from coalescing with the top
    const big = heap.alloc(4096, 16)!;
    heap.alloc(16, 16);
    heap.free(a);
    heap.free(big);
    expect(heap.alloc(2080, 16)).toBe(big); // 130 granules: a (128) is in its class but too small
    expect(heap.alloc(2048, 16)).toBe(a);
  });
});

describe('segregated classes', () => {
  it('are exact below 32 granules and powers of two above', () => {
    expect(segregatedClass(1)).toBe(1);
    expect(segregatedClass(31)).toBe(31);
    expect(segregatedClass(32)).toBe(32);
    expect(segregatedClass(63)).toBe(32);
    expect(segregatedClass(64)).toBe(33);
    expect(segregatedClass(1023)).toBe(36);
    expect(segregatedClass(1024)).toBe(37);
  });

  it('takes the head of its own power-of-two class only if it fits, else a larger class', () => {
    const heap = createAllocator('segregated');
    const small = heap.alloc(600, 16)!; // 38 granules, class [32, 64)
    heap.alloc(16, 16);
    const other = heap.alloc(960, 16)!; // 60 granules, same class
    heap.alloc(16, 16);
    const large = heap.alloc(2000, 16)!; // class [64, 128)
    heap.alloc(16, 16);
    heap.free(large);
    heap.free(other);
    heap.free(small); // head of class [32, 64) is now `small`
    expect(heap.alloc(900, 16)).toBe(large); // small is too small; other is not the head: O(1) goes up a class
    expect(heap.alloc(608, 16)).toBe(small); // exact: no remainder is split off
    expect(heap.alloc(16, 16)).toBe(other); // exact class 1 is empty: first larger non-empty class
  });

  it('file blocks of one size together, so same-size requests are exact fits', () => {
    const heap = createAllocator('segregated');
    const blocks = [0, 1, 2, 3].map(() => [heap.alloc(48, 16)!, heap.alloc(200, 16)!]);
    for (const [a, b] of blocks) {
      heap.free(b);
      expect(heap.alloc(200, 16)).toBe(b);
      void a;
    }
  });
});

describe('near misses in size classes', () => {
  const clustered = fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.record({ op: fc.constant('alloc' as const), size: fc.integer({ min: 1900, max: 2300 }), align: fc.constant(16) }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant('free' as const), pick: fc.nat(50) }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('realloc' as const), pick: fc.nat(50), size: fc.integer({ min: 1900, max: 2300 }), align: fc.constant(16) }) },
    ),
    { maxLength: 80 },
  ) as fc.Arbitrary<Op[]>;

  it.each(['tlsf', 'segregated', 'best-fit', 'first-fit', 'next-fit', 'worst-fit', 'first-fit-lifo', 'buddy'])('%s never hands out a block smaller than asked', (policy) => {
    fc.assert(
      fc.property(clustered, (ops) => {
        replay(createAllocator(policy), ops);
      }),
      { numRuns: 300 },
    );
  });
});
