import { createAllocator, POLICIES } from '../../../src/engine/allocators';
import { HeapError } from '../../../src/engine/allocators/allocator';

describe('createAllocator', () => {
  it('builds every listed policy and rejects unknown names with the valid list', () => {
    for (const { name } of POLICIES) expect(createAllocator(name).policy).toBe(name);
    expect(() => createAllocator('nope')).toThrow(/unknown allocator policy 'nope'.*first-fit/);
  });

  it('first-fit reuses the lowest hole, coalesces and reports stats', () => {
    const h = createAllocator('first-fit');
    const a = h.alloc(10, 1)!;
    const b = h.alloc(40, 8)!;
    const c = h.alloc(0, 1)!;
    expect([a, b, c]).toEqual([0, 16, 64]);
    h.free(a);
    h.free(b);
    expect(h.stats()).toMatchObject({ usedBytes: 16, freeBytes: 64, freeBlocks: 1, largestFree: 64, top: 80 });
    expect(h.alloc(50, 1)).toBe(0);
    expect(() => h.free(16)).toThrow(HeapError);
    expect(() => h.free(999)).toThrow(expect.objectContaining({ code: 'unknown-pointer' }));
    h.free(0);
    expect(() => h.free(0)).toThrow(expect.objectContaining({ code: 'double-free' }));
  });
});
