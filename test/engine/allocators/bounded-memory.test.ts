/**
 * Issue 12 item 6: `bump` kept a record and a live-table entry for every allocation ever
 * made (597 MB at 10^7 events). Its memory must follow the live set, like every policy's.
 */
import { createAllocator } from '../../../src/engine/allocators';
import { LiveTable } from '../../../src/engine/allocators/live-table';
import * as v8 from 'v8';
import * as vm from 'vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Typed-array bytes held after `fn` (typed arrays count under arrayBuffers). */
function arrayBytesAfter(fn: () => void): number {
  gc();
  const before = process.memoryUsage().arrayBuffers;
  fn();
  gc();
  return process.memoryUsage().arrayBuffers - before;
}

describe('memory follows the live blocks, not the allocations ever made', () => {
  it.each(['bump', 'first-fit', 'tlsf', 'buddy'])('%s: 3·10^5 alloc/free pairs with 16 live blocks stay under 4 MiB of tables', (policy) => {
    const heap = createAllocator(policy);
    const live: number[] = [];
    const grown = arrayBytesAfter(() => {
      for (let i = 0; i < 300_000; i++) {
        live.push(heap.alloc(16 + (i % 7) * 16, 16)!);
        if (live.length > 16) heap.free(live.shift()!);
      }
    });
    expect(grown).toBeLessThan(4 * 1024 * 1024);
    expect(heap.stats().usedBytes).toBeGreaterThan(0);
  });

  it('bump still tells a double free from a wild pointer, and keeps extending the block at the top', () => {
    const heap = createAllocator('bump');
    const a = heap.alloc(32, 16)!;
    const b = heap.alloc(32, 16)!;
    heap.free(b);
    expect(() => heap.free(b)).toThrow(expect.objectContaining({ code: 'double-free' }));
    const c = heap.alloc(32, 16)!; // reuses b's record, not its memory
    expect(c).toBeGreaterThan(b);
    expect(heap.realloc(c, 64, 16)).toBe(c); // c ends at the top: grows in place
    expect(heap.realloc(a, 64, 16)).not.toBe(a); // a does not: moves
  });
});

describe('LiveTable', () => {
  it('reports a double free until a sweep, an unknown pointer after it', () => {
    const t = new LiveTable();
    t.set(16, 1);
    t.take(16, 'free');
    expect(() => t.get(16, 'free')).toThrow(expect.objectContaining({ code: 'double-free' }));
    // 10^4 short-lived fresh addresses: the table fills with tombstones and sweeps them
    for (let i = 1; i <= 10_000; i++) {
      t.set(16 + i * 32, i);
      t.take(16 + i * 32, 'free');
    }
    expect(() => t.get(16, 'free')).toThrow(expect.objectContaining({ code: 'unknown-pointer' }));
  });

  it('keeps every live entry through sweeps and growth', () => {
    const t = new LiveTable();
    for (let i = 0; i < 50_000; i++) {
      t.set(i * 16, i);
      if (i % 3 !== 0) t.take(i * 16, 'free');
    }
    for (let i = 0; i < 50_000; i += 3) expect(t.get(i * 16, 'get')).toBe(i);
  });
});

describe('a refused allocation leaves the heap as it was (issue 12 item 9)', () => {
  it.each([
    ['no limit, a request past 2^52', undefined, 2 ** 52 + 1],
    ['a 1 MiB limit, a 600 KiB request', 1 << 20, 600 << 10],
  ])('buddy, %s', (_, limit, size) => {
    const heap = createAllocator('buddy', limit === undefined ? {} : { limit });
    const a = heap.alloc(100, 16)!;
    const before = heap.stats();
    expect(heap.alloc(size, 16)).toBeNull();
    const after = heap.stats();
    expect(after.peakTop).toBe(before.peakTop);
    expect(after.top).toBe(before.top);
    expect(after.failures).toBe(1);
    heap.free(a);
    expect(heap.alloc(1000, 16)).not.toBeNull(); // the heap still works
  });

  it('buddy grows exactly as far as a request needs', () => {
    const heap = createAllocator('buddy');
    heap.alloc(16, 16);
    heap.alloc(1000, 16); // live 16 B block in the lower half: needs a 1024 block above it
    expect(heap.stats().top).toBe(2048);
  });
});
