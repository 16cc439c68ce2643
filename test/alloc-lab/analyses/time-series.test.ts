/** Each policy's heap over time, on the real sort trace: the last point is the end of the replay, and the points follow the metrics. */
import * as path from 'path';
import { compare } from '../../../src/alloc-lab/compare';
import { createAllocator } from '../../../src/engine/allocators';
import { replayEvents } from '../../../src/alloc-lab/replay';
import type { TraceEvent } from '../../../src/traces';

const SORT = path.join(__dirname, '..', '..', '..', 'traces', 'sort.mtrace.gz');

describe('time series and provenance', () => {
  it('ends where the replay ends, with #1/#2 as the whole-trace measures', async () => {
    const report = await compare([SORT], { policies: ['first-fit', 'buddy'], jobs: 1, analyses: true, limit: 1 << 20, command: ['memscope', 'replay'] });
    for (const r of report.results) {
      const ts = r.timeSeries!;
      expect(ts.length).toBeGreaterThan(100);
      expect(ts.length).toBeLessThanOrEqual(500);
      const last = ts[ts.length - 1];
      expect(last.event).toBe(r.events);
      expect(last.live).toBe(r.liveAtEnd);
      expect(last.heap).toBe(r.heapAtEnd);
      expect(last.f1).toBeCloseTo(r.fragmentation.f1!, 12);
      expect(last.f2).toBeCloseTo(r.fragmentation.f2!, 12);
      expect(last.failures).toBe(r.failures);
      expect(last.allocations).toBe(r.ops.alloc + r.ops.realloc);
      for (let i = 1; i < ts.length; i++) {
        expect(ts[i].event).toBeGreaterThan(ts[i - 1].event);
        expect(ts[i].failures).toBeGreaterThanOrEqual(ts[i - 1].failures);
        expect(ts[i].largestFree).toBeLessThanOrEqual(ts[i].freeBytes);
        expect(ts[i].heap).toBeLessThanOrEqual(1 << 20);
      }
    }
    // Under a 1 MiB limit the sort trace (4 MB live at its peak) must fail somewhere.
    expect(report.results[0].failures).toBeGreaterThan(0);
    expect(report.provenance!.settings).toEqual({ align: 16, header: 0, limit: 1 << 20 });
    expect(report.provenance!.traces[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.provenance!.command).toEqual(['memscope', 'replay']);
    expect(report.analyses![0].leaks.blocks).toBe(14);
  });

  it('counts free extents and the largest free block as the allocator has them', () => {
    const events: TraceEvent[] = [
      { op: 'alloc', id: 'a', size: 32, align: 16, line: 1 },
      { op: 'alloc', id: 'b', size: 32, align: 16, line: 2 },
      { op: 'alloc', id: 'c', size: 64, align: 16, line: 3 },
      { op: 'alloc', id: 'd', size: 16, align: 16, line: 4 },
      { op: 'free', id: 'a', line: 5 },
      { op: 'free', id: 'c', line: 6 },
    ];
    const out = replayEvents(events, createAllocator('first-fit'), { timeSeries: true });
    const last = out.timeSeries![out.timeSeries!.length - 1];
    // a (32 bytes) and c (64 bytes) are free and not adjacent: two extents, the larger 64.
    expect(last).toMatchObject({ event: 6, live: 48, heap: 144, freeExtents: 2, freeBytes: 96, largestFree: 64 });
  });
});
