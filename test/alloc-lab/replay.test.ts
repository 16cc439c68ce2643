import fc from 'fast-check';
import { createAllocator } from '../../src/engine/allocators';
import { replay, replayEvents } from '../../src/alloc-lab/replay';
import { TraceError, type TraceEvent } from '../../src/traces/types';

let line = 0;
const alloc = (id: string, size: number, align = 16): TraceEvent => ({ op: 'alloc', id, size, align, line: ++line });
const free = (id: string): TraceEvent => ({ op: 'free', id, line: ++line });
const realloc = (id: string, newId: string, size: number, align = 16): TraceEvent => ({ op: 'realloc', id, newId, size, align, line: ++line });
const trace = (...events: TraceEvent[]) => {
  line = 0;
  return events.map((e, i) => ({ ...e, line: i + 1 }));
};

describe('replay on first-fit (align 16, no header)', () => {
  it('tracks live bytes, footprint, and reuses freed space', () => {
    const events = trace(alloc('a', 100), alloc('b', 50), free('a'), alloc('c', 40), free('b'));
    const out = replayEvents(events, createAllocator('first-fit'), { file: 'hand.trace' });
    // a: [0,112) b: [112,176); c reuses a's hole
    expect(out.metrics.peakLive).toBe(150);
    expect(out.metrics.liveAtEnd).toBe(40);
    expect(out.metrics.footprint).toBe(176);
    expect(out.metrics.heapAtEnd).toBe(176);
    expect(out.ops).toEqual({ alloc: 3, free: 2, realloc: 0 });
    expect(out.events).toBe(5);
    expect(out.problemCount).toBe(0);
    expect(out.metrics.series.map((p) => p.liveMax)).toEqual([100, 150, 50, 90, 40]);
    expect(out.metrics.series.map((p) => p.heapMax)).toEqual([112, 176, 176, 176, 176]);
  });

  it('gives the fragmentation measures computed by hand', () => {
    // a[0,64) b[64,128) c[128,192) g[192,208); free a, c; d (96) fits no 64-byte hole: [208,304)
    const events = trace(alloc('a', 64), alloc('b', 64), alloc('c', 64), alloc('g', 16), free('a'), free('c'), alloc('d', 96));
    const m = replayEvents(events, createAllocator('first-fit')).metrics;
    // (live, heap): (64,64) (128,128) (192,192) (208,208) (144,208) (80,208) (176,304)
    expect(m.footprint).toBe(304);
    expect(m.peakLive).toBe(208);
    expect(m.fragmentation.f1).toBeCloseTo((64 / 144 + 128 / 80 + 128 / 176) / 7, 12);
    expect(m.fragmentation.f2).toBeCloseTo(0, 12);
    expect(m.fragmentation.f3).toBeCloseTo(128 / 176, 12);
    expect(m.fragmentation.f4).toBeCloseTo(96 / 208, 12);
  });

  it('applies realloc: moves the block, counts the new size, frees the old id', () => {
    const events = trace(alloc('a', 20), alloc('b', 20), realloc('a', 'a2', 100), free('a2'), free('b'));
    const out = replayEvents(events, createAllocator('first-fit'));
    expect(out.ops).toEqual({ alloc: 2, free: 2, realloc: 1 });
    expect(out.metrics.series.map((p) => p.liveMax)).toEqual([20, 40, 120, 20, 0]);
    // a2 cannot grow in place (b follows a), so it goes to the top: 32 + 32 + 112
    expect(out.metrics.footprint).toBe(176);
    expect(out.problemCount).toBe(0);
  });

  it('counts search length from the policy work counter', () => {
    const events = trace(alloc('a', 16), alloc('b', 16), alloc('c', 16), free('a'), free('c'), alloc('d', 32));
    const naive = replayEvents(events, createAllocator('first-fit-naive')).metrics.searchLength;
    expect(naive.allocations).toBe(4);
    expect(naive.max).toBeGreaterThanOrEqual(1);
    expect(naive.mean).toBeGreaterThan(0);
  });

  it('streams batches from an async iterable', async () => {
    async function* batches() {
      yield trace(alloc('a', 32), alloc('b', 32));
      yield [{ op: 'free', id: 'a', line: 3 } as TraceEvent];
    }
    const out = await replay(batches(), createAllocator('first-fit'));
    expect(out.events).toBe(3);
    expect(out.metrics.liveAtEnd).toBe(32);
  });
});

describe('problems and failures', () => {
  const doubleFree = () => trace(alloc('a', 32), free('a'), free('a'), alloc('b', 16));

  it('lenient: counts a double free with its line and goes on', () => {
    const out = replayEvents(doubleFree(), createAllocator('first-fit'), { file: 'df.trace', mode: 'lenient' });
    expect(out.problemCount).toBe(1);
    expect(out.problemsByKind).toEqual({ 'double-free': 1 });
    expect(out.problems[0]).toMatchObject({ file: 'df.trace', line: 3, kind: 'double-free' });
    expect(out.ops).toEqual({ alloc: 2, free: 1, realloc: 0 });
    expect(out.metrics.liveAtEnd).toBe(16);
  });

  it('strict: throws TraceError naming file and line', () => {
    expect(() => replayEvents(doubleFree(), createAllocator('first-fit'), { file: 'df.trace', mode: 'strict' })).toThrow(TraceError);
    expect(() => replayEvents(doubleFree(), createAllocator('first-fit'), { file: 'df.trace', mode: 'strict' })).toThrow(/^df\.trace:3: /);
  });

  it('tells an unknown pointer from a double free', () => {
    const out = replayEvents(trace(free('zz'), realloc('yy', 'y2', 8)), createAllocator('first-fit'));
    expect(out.problemsByKind).toEqual({ 'unknown-pointer': 2 });
    expect(out.problems.map((p) => p.line)).toEqual([1, 2]);
  });

  it('skips an alloc of an id that is still live', () => {
    const out = replayEvents(trace(alloc('a', 32), alloc('a', 64)), createAllocator('first-fit'));
    expect(out.problemsByKind).toEqual({ 'duplicate-alloc': 1 });
    expect(out.problems[0].line).toBe(2);
    expect(out.metrics.liveAtEnd).toBe(32);
  });

  it('turns a request the policy rejects into a problem', () => {
    const out = replayEvents(trace(alloc('a', 32, 3)), createAllocator('first-fit'));
    expect(out.problemsByKind).toEqual({ unsupported: 1 });
    expect(out.problems[0].message).toMatch(/first-fit/);
  });

  it('counts allocation failures under a heap limit and goes on without the block', () => {
    // b fails; its realloc becomes a fresh 16-byte block that still fits under 128
    const events = trace(alloc('a', 100), alloc('b', 100), realloc('b', 'b2', 8), free('b2'), free('a'), alloc('c', 64), alloc('d', 100), free('d'));
    const out = replayEvents(events, createAllocator('first-fit', { limit: 128 }));
    expect(out.failures).toBe(2);
    expect(out.problemCount).toBe(0);
    expect(out.ops).toEqual({ alloc: 4, free: 3, realloc: 1 });
    expect(out.metrics.footprint).toBeLessThanOrEqual(128);
    expect(out.metrics.liveAtEnd).toBe(64);
    expect(out.metrics.peakLive).toBe(108);
  });

  it('keeps only the first problems in full but counts all', () => {
    const events = trace(...Array.from({ length: 30 }, (_, i) => free(`x${i}`)));
    const out = replayEvents(events, createAllocator('first-fit'), { keepProblems: 5 });
    expect(out.problemCount).toBe(30);
    expect(out.problems).toHaveLength(5);
  });
});

describe('replay against a reference model (fast-check)', () => {
  // Few ids, so double frees, unknown pointers and duplicate allocs happen often.
  const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
  const op = fc.oneof(
    fc.record({ op: fc.constant('alloc' as const), id, size: fc.integer({ min: 0, max: 300 }) }),
    fc.record({ op: fc.constant('free' as const), id }),
    fc.record({ op: fc.constant('realloc' as const), id, newId: id, size: fc.integer({ min: 0, max: 300 }) }),
  );

  it('keeps live bytes, ops and problem counts as a plain model says, with and without tombstone sweeps', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), fc.constantFrom('first-fit', 'best-fit', 'buddy', 'tlsf'), fc.integer({ min: 1, max: 4 }), (ops, policy, sweepAt) => {
        const events: TraceEvent[] = ops.map((o, i) => ({ ...o, align: 16, line: i + 1 }) as TraceEvent);
        // the model: id -> size while live; freed ids remembered unless swept
        const live = new Map<string, number>();
        const freed = new Set<string>();
        const kinds: Record<string, number> = {};
        const counts = { alloc: 0, free: 0, realloc: 0 };
        let peak = 0;
        let sum = 0;
        const problem = (k: string) => (kinds[k] = (kinds[k] ?? 0) + 1);
        const forget = (x: string) => {
          freed.add(x);
          if (freed.size >= sweepAt) freed.clear();
        };
        const missing = (x: string) => problem(freed.has(x) ? 'double-free' : 'unknown-pointer');
        for (const e of events) {
          if (e.op === 'alloc') {
            if (live.has(e.id)) { problem('duplicate-alloc'); continue; }
            freed.delete(e.id);
            live.set(e.id, e.size);
            sum += e.size;
            counts.alloc++;
          } else if (e.op === 'free') {
            if (!live.has(e.id)) { missing(e.id); continue; }
            sum -= live.get(e.id)!;
            live.delete(e.id);
            forget(e.id);
            counts.free++;
          } else {
            if (!live.has(e.id)) { missing(e.id); continue; }
            if (e.newId !== e.id && live.has(e.newId)) { problem('duplicate-alloc'); continue; }
            sum -= live.get(e.id)!;
            live.delete(e.id);
            if (e.newId !== e.id) forget(e.id);
            freed.delete(e.newId);
            live.set(e.newId, e.size);
            sum += e.size;
            counts.realloc++;
          }
          peak = Math.max(peak, sum);
        }
        const out = replayEvents(events, createAllocator(policy), { tombstoneLimit: sweepAt });
        expect(out.metrics.liveAtEnd).toBe(sum);
        expect(out.metrics.peakLive).toBe(peak);
        expect(out.ops).toEqual(counts);
        expect(out.problemsByKind).toEqual(kinds);
        expect(out.failures).toBe(0);
        expect(out.metrics.footprint).toBeGreaterThanOrEqual(peak);
      }),
      { numRuns: 300 },
    );
  });
});
