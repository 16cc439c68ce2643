import fc from 'fast-check';
import { createAllocator, POLICIES } from '../../../src/engine/allocators';
import { Allocator, AllocatorOptions, HeapError } from '../../../src/engine/allocators/allocator';
import { NONE } from '../../../src/engine/allocators/base';
import { FirstFitNaive } from '../../../src/engine/allocators/first-fit-naive';
import { BlockHeap } from '../../../src/engine/allocators/heap';
import { Op, optionsArb, replay, traceArb } from './trace';

const RUNS = 150;

/** Policies that give memory back for reuse (all but the bump arena). */
const REUSING = POLICIES.map((p) => p.name).filter((n) => n !== 'bump');

describe.each(POLICIES.map((p) => p.name))('%s on random traces', (policy) => {
  it('keeps live blocks aligned, big enough, disjoint and below the top, with consistent stats', () => {
    fc.assert(
      fc.property(traceArb, optionsArb, (ops, options) => {
        replay(createAllocator(policy, options), ops, options);
      }),
      { numRuns: RUNS },
    );
  });

  it('without a limit never fails, and refuses double frees and unknown pointers', () => {
    fc.assert(
      fc.property(traceArb, (ops) => {
        const heap = createAllocator(policy);
        const r = replay(heap, ops);
        expect(r.nulls).toBe(0);
        const top = heap.stats().top;
        expect(() => heap.free(top + 16)).toThrow(expect.objectContaining({ code: 'unknown-pointer' }));
        expect(() => heap.free(3)).toThrow(HeapError);
        const liveAddresses = new Set(r.live.map((b) => b.address));
        const gone = r.freed.find((a) => !liveAddresses.has(a));
        if (gone !== undefined) expect(() => heap.realloc(gone, 8, 8)).toThrow(expect.objectContaining({ code: 'double-free' }));
      }),
      { numRuns: RUNS },
    );
  });

  it('under a tight limit returns null, counts each failure and keeps the old block on a failed realloc', () => {
    fc.assert(
      fc.property(traceArb, fc.integer({ min: 0, max: 4096 }), (ops, limit) => {
        const heap = createAllocator(policy, { limit });
        replay(heap, ops, { limit });
        expect(heap.stats().peakTop).toBeLessThanOrEqual(limit);
      }),
      { numRuns: RUNS },
    );
  });

  if (REUSING.includes(policy)) {
    it('reuses freed space: after freeing everything, an earlier request fits without growing the top', () => {
      fc.assert(
        fc.property(traceArb, optionsArb, (ops, options) => {
          const heap = createAllocator(policy, options);
          const r = replay(heap, ops, options);
          for (const b of r.live) heap.free(b.address);
          const s = heap.stats();
          expect(s.usedBytes).toBe(0);
          if (s.top > 0) expect(s).toMatchObject({ freeBlocks: 1, freeBytes: s.top, largestFree: s.top }); // fully coalesced
          for (const req of r.requests.slice(0, 12)) {
            const a = heap.alloc(req.size, req.align);
            expect(a).not.toBeNull();
            expect(heap.stats().top).toBe(s.top);
            heap.free(a!);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('alloc(0) returns distinct blocks', () => {
    const heap = createAllocator(policy);
    const a = heap.alloc(0, 1)!;
    const b = heap.alloc(0, 1)!;
    expect(a).not.toBe(b);
    expect(heap.blockSize(a)).toBeGreaterThanOrEqual(0);
  });

  it('rejects bad requests', () => {
    const heap = createAllocator(policy);
    expect(() => heap.alloc(-1, 8)).toThrow(expect.objectContaining({ code: 'bad-request' }));
    expect(() => heap.alloc(1.5, 8)).toThrow(expect.objectContaining({ code: 'bad-request' }));
    expect(() => heap.alloc(8, 3)).toThrow(expect.objectContaining({ code: 'bad-request' }));
    expect(() => createAllocator(policy, { align: 12 })).toThrow(expect.objectContaining({ code: 'bad-request' }));
  });
});

describe('boundary-tag layout', () => {
  const tagged = POLICIES.map((p) => p.name).filter((n) => createAllocator(n) instanceof BlockHeap);

  it.each(tagged)('%s tiles [0, top) with no two free blocks adjacent and stats matching the blocks', (policy) => {
    fc.assert(
      fc.property(traceArb, optionsArb, (ops, options) => {
        const heap = createAllocator(policy, options) as BlockHeap;
        replay(heap, ops, options);
        const blocks = heap.blocks();
        const s = heap.stats();
        let at = 0;
        let used = 0;
        let free = 0;
        let freeCount = 0;
        blocks.forEach((b, i) => {
          expect(b.address).toBe(at);
          expect(b.size % (options.align ?? 16)).toBe(0);
          if (b.free && i > 0) expect(blocks[i - 1].free).toBe(false);
          at += b.size;
          if (b.free) {
            free += b.size;
            freeCount++;
          } else used += b.size;
        });
        expect(at).toBe(s.top);
        expect({ used, free, freeCount }).toEqual({ used: s.usedBytes, free: s.freeBytes, freeCount: s.freeBlocks });
        expect(s.largestFree).toBe(Math.max(0, ...blocks.filter((b) => b.free).map((b) => b.size)));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fast policies match their references address for address', () => {
  it.each([
    ['first-fit', 'first-fit-naive'],
    ['best-fit', 'best-fit-naive'],
  ])('%s = %s', (fast, reference) => {
    fc.assert(
      fc.property(fc.array(traceArb.chain((t) => fc.constant(t)), { minLength: 1, maxLength: 3 }).map((ts) => ts.flat()), optionsArb, (ops, options) => {
        const a = createAllocator(fast, options);
        const b = createAllocator(reference, options);
        expect(replay(a, ops, options).results).toEqual(replay(b, ops, options).results);
        expect({ ...a.stats(), work: 0 }).toEqual({ ...b.stats(), work: 0 });
      }),
      { numRuns: 300 },
    );
  });
});

describe('best-fit = best-fit-naive on blocks past the exact-size bins', () => {
  // best-fit files blocks under 1024 granules in bins and larger ones in its treap; sizes
  // from 16 KiB up keep the treap (search, successor steps, aligned misses) in play.
  // A few repeated sizes make equal-size free blocks, so the lowest-address tie-break counts.
  const big = fc.oneof(
    { weight: 2, arbitrary: fc.integer({ min: 16_000, max: 200_000 }) },
    { weight: 3, arbitrary: fc.constantFrom(20_000, 40_000, 70_000) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 20_000 }) },
  );
  const align = fc.constantFrom(8, 16, 4096, 65536);
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ op: fc.constant('alloc' as const), size: big, align }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('free' as const), pick: fc.nat({ max: 1000 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('realloc' as const), pick: fc.nat({ max: 1000 }), size: big, align }) },
  );
  it('address for address', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 150 }), optionsArb, (ops, options) => {
        const a = createAllocator('best-fit', options);
        const b = createAllocator('best-fit-naive', options);
        expect(replay(a, ops, options).results).toEqual(replay(b, ops, options).results);
        expect({ ...a.stats(), work: 0 }).toEqual({ ...b.stats(), work: 0 });
      }),
      { numRuns: 200 },
    );
  });
});

describe('the address-tree policies on hundreds of free blocks', () => {
  // first-fit and next-fit keep free blocks in a B+tree of 16-slot nodes: hundreds of holes
  // (a long run of small blocks, then frees at random) make it split leaves and inner nodes,
  // grow a level and drop emptied nodes, with aligned requests sending searches past blocks
  // whose payload misfits. The runs are long, so they compare addresses only (the checks of
  // replay() after every step are the random-trace tests' job).
  const small = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 100 }) }, { weight: 1, arbitrary: fc.integer({ min: 101, max: 3000 }) });
  const align = fc.oneof({ weight: 6, arbitrary: fc.constant(16) }, { weight: 1, arbitrary: fc.constantFrom(64, 256, 4096) });
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant('alloc' as const), size: small, align }) },
    { weight: 5, arbitrary: fc.record({ op: fc.constant('free' as const), pick: fc.nat({ max: 100_000 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('realloc' as const), pick: fc.nat({ max: 100_000 }), size: small, align }) },
  );
  const holes = fc
    .tuple(fc.array(small, { minLength: 1000, maxLength: 1500 }), fc.array(op, { minLength: 500, maxLength: 1000 }))
    .map(([sizes, rest]) => [...sizes.map((size): Op => ({ op: 'alloc', size, align: 16 })), ...rest]);
  const options = fc.record({ header: fc.constantFrom(0, 16), splitThreshold: fc.constantFrom(0, 48) }, { requiredKeys: [] });

  /** Every address the ops get (live blocks picked modulo their count), and the most free blocks at once. */
  function addresses(heap: Allocator, ops: Op[]): { got: number[]; mostFree: number } {
    const live: number[] = [];
    const got: number[] = [];
    let mostFree = 0;
    for (const o of ops) {
      if (o.op === 'alloc') got.push(live[live.length] = heap.alloc(o.size, o.align)!);
      else if (live.length > 0) {
        const i = o.pick % live.length;
        if (o.op === 'free') heap.free(live.splice(i, 1)[0]);
        else got.push((live[i] = heap.realloc(live[i], o.size, o.align)!));
      }
      mostFree = Math.max(mostFree, heap.stats().freeBlocks);
    }
    return { got, mostFree };
  }

  it.each([
    ['first-fit', (o: AllocatorOptions) => createAllocator('first-fit-naive', o)],
    ['next-fit', (o: AllocatorOptions) => new NextFitReference(o)],
  ])('%s places like its plain list walk, address for address', (policy, reference) => {
    fc.assert(
      fc.property(holes, options, (ops, opts) => {
        const a = createAllocator(policy, opts);
        const b = reference(opts);
        expect(addresses(a, ops).got).toEqual(addresses(b, ops).got);
        expect({ ...a.stats(), work: 0 }).toEqual({ ...b.stats(), work: 0 });
      }),
      { numRuns: 30 },
    );
  });

  it('the runs do hold hundreds of free blocks at once', () => {
    const [ops] = fc.sample(holes, { numRuns: 1, seed: 11 });
    expect(addresses(createAllocator('first-fit'), ops).mostFree).toBeGreaterThan(250); // some 20 leaves or more
  });
});

/**
 * Next fit the slow, plain way, for the test above: the first block that fits on the
 * address-ordered free list at or after the rover (the end of the last block placed), else
 * from the bottom; after a failed search the rover goes to the top.
 */
class NextFitReference extends FirstFitNaive {
  override readonly policy: string = 'next-fit-reference';
  private rover = 0;

  protected override findFree(need: number, align: number): number {
    let b = this.walk(need, align, this.rover);
    if (b === NONE) b = this.walk(need, align, 0);
    this.rover = b === NONE ? Infinity : this.alignedPayload(this.bAddr[b], align) - this.header + need;
    return b;
  }

  private walk(need: number, align: number, from: number): number {
    for (let b = this.head; b !== NONE; b = this.lNext[b]) if (this.bAddr[b] >= from && this.fitIn(b, need, align) >= 0) return b;
    return NONE;
  }
}
