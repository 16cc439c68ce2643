import { createAllocator } from '../../../src/engine/allocators';
import { BlockHeap } from '../../../src/engine/allocators/heap';

describe('search policies pick different holes', () => {
  // Holes: 48 bytes at 0, 96 bytes at 64, 64 bytes at 176, 128 bytes at 256 (guards between).
  function layout(policy: string) {
    const heap = createAllocator(policy);
    const sizes = [48, 96, 64, 128];
    const blocks = sizes.map((s) => [heap.alloc(s, 16)!, heap.alloc(16, 16)!][0]);
    expect(blocks).toEqual([0, 64, 176, 256]);
    heap.free(blocks[0]);
    heap.free(blocks[2]);
    heap.free(blocks[1]);
    heap.free(blocks[3]);
    return heap;
  }
  it.each([
    ['first-fit', 64],
    ['first-fit-naive', 64],
    ['next-fit', 64],
    ['best-fit', 176],
    ['best-fit-naive', 176],
    ['worst-fit', 256],
    ['first-fit-lifo', 256], // the most recently freed block comes first
  ])('%s puts 60 bytes at %i', (policy, expected) => {
    expect(layout(policy).alloc(60, 16)).toBe(expected);
  });

  it('next-fit resumes after the last allocation and wraps around', () => {
    const heap = layout('next-fit');
    expect(heap.alloc(60, 16)).toBe(64); // rover now at 128
    expect(heap.alloc(16, 16)).toBe(128); // rest of that hole, not the lower hole at 0
    expect(heap.alloc(100, 16)).toBe(256);
    expect(heap.alloc(40, 16)).toBe(0); // nothing fits after the rover: wrap
  });
});

describe('next-fit after the heap grows', () => {
  it('moves the rover to the top, so the next search wraps to the bottom', () => {
    const heap = createAllocator('next-fit');
    const [a, , b, , c] = [48, 16, 48, 16, 48, 16].map((s) => heap.alloc(s, 16)!);
    expect([a, b, c]).toEqual([0, 64, 128]);
    [a, b, c].forEach((x) => heap.free(x)); // holes of 48 at 0, 64, 128
    expect(heap.alloc(48, 16)).toBe(0);
    expect(heap.alloc(48, 16)).toBe(64); // rover now at 112
    heap.free(0);
    expect(heap.alloc(500, 16)).toBe(192); // nothing fits: the heap grows
    expect(heap.alloc(48, 16)).toBe(0); // not 128, the hole after the old rover
  });
});

describe('realloc', () => {
  it('shrinks in place and splits the tail off', () => {
    const heap = createAllocator('first-fit') as BlockHeap;
    const a = heap.alloc(256, 16)!;
    heap.alloc(16, 16);
    expect(heap.realloc(a, 64, 16)).toBe(a);
    expect(heap.blockSize(a)).toBe(64);
    expect(heap.blocks().map((b) => [b.address, b.size, b.free])).toEqual([
      [0, 64, false],
      [64, 192, true],
      [256, 16, false],
    ]);
  });

  it('grows in place into the following free block', () => {
    const heap = createAllocator('best-fit');
    const a = heap.alloc(64, 16)!;
    const b = heap.alloc(128, 16)!;
    heap.alloc(16, 16);
    heap.free(b);
    expect(heap.realloc(a, 150, 16)).toBe(a);
    expect(heap.blockSize(a)).toBe(160);
    expect(heap.stats()).toMatchObject({ freeBlocks: 1, freeBytes: 32, top: 208 });
  });

  it('grows the last block by moving the top, and moves a block that cannot grow', () => {
    const heap = createAllocator('first-fit');
    const a = heap.alloc(64, 16)!;
    expect(heap.realloc(a, 1000, 16)).toBe(a);
    expect(heap.stats().top).toBe(1008);
    const b = heap.alloc(16, 16)!;
    expect(heap.realloc(a, 2000, 16)).toBe(1024); // b blocks the way: allocate, copy, free
    expect(heap.stats()).toMatchObject({ freeBlocks: 1, freeBytes: 1008 });
    void b;
  });

  it('leaves the old block live when a move fails under the limit', () => {
    const heap = createAllocator('tlsf', { limit: 512 });
    const a = heap.alloc(200, 16)!;
    heap.alloc(16, 16);
    expect(heap.realloc(a, 400, 16)).toBeNull();
    expect(heap.blockSize(a)).toBe(208);
    expect(heap.stats().failures).toBe(1);
  });

  it('moves a block whose address does not meet a larger alignment', () => {
    const heap = createAllocator('first-fit');
    heap.alloc(16, 16);
    const a = heap.alloc(16, 16)!; // at 16
    const b = heap.realloc(a, 16, 64)!;
    expect(b % 64).toBe(0);
    expect(b).not.toBe(a);
  });
});

describe('alignment', () => {
  it('splits the leading gap off as a free block', () => {
    const heap = createAllocator('first-fit') as BlockHeap;
    heap.alloc(16, 16);
    expect(heap.alloc(64, 256)).toBe(256);
    expect(heap.blocks().map((b) => [b.address, b.size, b.free])).toEqual([
      [0, 16, false],
      [16, 240, true],
      [256, 64, false],
    ]);
    expect(heap.alloc(100, 16)).toBe(16); // the gap is reused
  });

  it('keeps the payload aligned behind a header', () => {
    const heap = createAllocator('first-fit', { header: 16 });
    const a = heap.alloc(10, 64)!;
    expect(a % 64).toBe(0);
    expect(a).toBe(64); // block starts at 48: the gap [0, 48) is a whole free block
  });
});

describe('buddy', () => {
  it('splits a block into buddies down to the order asked for', () => {
    const heap = createAllocator('buddy');
    expect(heap.alloc(100, 16)).toBe(0); // order 7 (128 bytes): the heap starts at 128
    expect(heap.alloc(16, 16)).toBe(128); // doubles to 256, splits [128, 256) -> 128/16 live, free buddies 144, 160, 192
    expect(heap.stats()).toMatchObject({ top: 256, usedBytes: 144, freeBlocks: 3, freeBytes: 112, largestFree: 64 });
    expect(heap.alloc(30, 16)).toBe(160);
    expect(heap.alloc(16, 16)).toBe(144);
    expect(heap.stats().freeBlocks).toBe(1);
  });

  it('merges freed buddies back into the whole heap', () => {
    const heap = createAllocator('buddy');
    const blocks = [100, 16, 30, 16, 60].map((s) => heap.alloc(s, 16)!);
    expect(heap.stats().top).toBe(256);
    for (const b of [blocks[3], blocks[0], blocks[4], blocks[1], blocks[2]]) heap.free(b);
    expect(heap.stats()).toMatchObject({ usedBytes: 0, freeBlocks: 1, freeBytes: 256, largestFree: 256 });
  });

  it('does not merge a block with a neighbour that is not its buddy', () => {
    const heap = createAllocator('buddy');
    const a = heap.alloc(16, 16)!; // 0
    const b = heap.alloc(16, 16)!; // 16
    const c = heap.alloc(16, 16)!; // 32
    heap.alloc(16, 16); // 48
    heap.free(b);
    heap.free(c); // 16 and 32 are adjacent but buddies of 0 and 48
    expect(heap.stats()).toMatchObject({ freeBlocks: 2, largestFree: 16 });
    heap.free(a); // 0 + 16 -> 32
    expect(heap.stats()).toMatchObject({ freeBlocks: 2, largestFree: 32 });
  });

  it('aligns large alignments by block order and rounds sizes to powers of two', () => {
    const heap = createAllocator('buddy');
    heap.alloc(16, 16);
    const a = heap.alloc(16, 1024)!;
    expect(a % 1024).toBe(0);
    expect(heap.blockSize(a)).toBe(1024);
    expect(heap.blockSize(heap.alloc(1025, 16)!)).toBe(2048);
  });

  it('shrinks in place by freeing upper halves and grows in place into free buddies', () => {
    const heap = createAllocator('buddy');
    const a = heap.alloc(256, 16)!;
    expect(heap.realloc(a, 40, 16)).toBe(a);
    expect(heap.blockSize(a)).toBe(64);
    expect(heap.stats()).toMatchObject({ freeBlocks: 2, freeBytes: 192 });
    expect(heap.realloc(a, 200, 16)).toBe(a);
    expect(heap.blockSize(a)).toBe(256);
    expect(heap.stats().freeBlocks).toBe(0);
  });

  it('refuses to double past the limit', () => {
    const heap = createAllocator('buddy', { limit: 1000 });
    expect(heap.alloc(500, 16)).toBe(0);
    expect(heap.alloc(16, 16)).toBeNull(); // would need top 1024
    expect(heap.stats()).toMatchObject({ top: 512, failures: 1 });
  });
});

describe('bump', () => {
  it('never reuses freed memory but reallocs the last block in place', () => {
    const heap = createAllocator('bump');
    const a = heap.alloc(32, 16)!;
    heap.free(a);
    const b = heap.alloc(32, 16)!;
    expect(b).toBe(32);
    expect(heap.realloc(b, 100, 16)).toBe(32);
    expect(heap.stats()).toMatchObject({ top: 144, usedBytes: 112, freeBytes: 32, freeBlocks: 1 });
    expect(heap.realloc(b, 10, 16)).toBe(32);
    expect(heap.stats()).toMatchObject({ top: 48, peakTop: 144 });
    const c = heap.alloc(8, 64)!;
    expect(c).toBe(64); // the alignment gap [48, 64) is dead
    expect(heap.realloc(b, 10, 16)).toBe(32); // same size: in place even though not last
    expect(heap.realloc(b, 100, 16)).toBe(80); // not last any more: moves
  });
});

describe('coalescing', () => {
  it.each(['first-fit', 'first-fit-naive', 'first-fit-lifo', 'next-fit', 'best-fit', 'best-fit-naive', 'worst-fit', 'segregated', 'tlsf'])(
    '%s merges a freed block with both free neighbours',
    (policy) => {
      const heap = createAllocator(policy);
      const [a, b, c] = [48, 64, 80].map((s) => heap.alloc(s, 16)!);
      heap.alloc(16, 16);
      heap.free(a);
      heap.free(c);
      expect(heap.stats()).toMatchObject({ freeBlocks: 2, freeBytes: 128 });
      heap.free(b);
      expect(heap.stats()).toMatchObject({ freeBlocks: 1, freeBytes: 192, largestFree: 192 });
      expect(heap.alloc(192, 16)).toBe(0);
    },
  );
});

describe('large heaps', () => {
  it.each(['first-fit', 'first-fit-naive', 'first-fit-lifo', 'next-fit', 'best-fit', 'best-fit-naive', 'worst-fit', 'segregated', 'tlsf', 'buddy', 'bump'])(
    '%s handles addresses past 4 GiB',
    (policy) => {
      const heap = createAllocator(policy);
      const big = heap.alloc(5 * 2 ** 30, 16)!;
      const small = heap.alloc(100, 64)!;
      expect(small).toBeGreaterThan(2 ** 32);
      expect(small % 64).toBe(0);
      expect(heap.blockSize(small)).toBeGreaterThanOrEqual(100);
      heap.free(small);
      expect(() => heap.free(small)).toThrow(expect.objectContaining({ code: 'double-free' }));
      expect(() => heap.free(small + 2 ** 32)).toThrow(expect.objectContaining({ code: 'unknown-pointer' }));
      heap.free(big);
      expect(heap.stats().usedBytes).toBe(0);
    },
  );

  it('tracks 100000 live blocks and tells each freed one apart', () => {
    const heap = createAllocator('tlsf');
    const blocks: number[] = [];
    for (let i = 0; i < 100_000; i++) blocks.push(heap.alloc(8 + (i % 50) * 8, 8)!);
    expect(new Set(blocks).size).toBe(100_000);
    for (let i = 0; i < blocks.length; i += 2) heap.free(blocks[i]);
    for (let i = 0; i < blocks.length; i += 1000) {
      expect(() => heap.free(blocks[i])).toThrow(expect.objectContaining({ code: 'double-free' }));
      expect(heap.blockSize(blocks[i + 1])).toBeGreaterThanOrEqual(8);
    }
  });
});
