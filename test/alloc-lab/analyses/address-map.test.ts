/**
 * The address map against an independent count: the same events replayed on a second
 * allocator through its address calls (alloc/free/realloc, not the replayer's handles) give
 * each block's rectangle (events it was live × bytes it held); each cell's share is then the
 * rectangles' overlap with it, summed cell by cell, divided by its area.
 */
import { createAllocator } from '../../../src/engine/allocators';
import { replayEvents } from '../../../src/alloc-lab/replay';
import { AddressMapProbe, COLUMNS, ROWS } from '../../../src/alloc-lab/analyses/address-map';
import { checkLabReport } from '../../../src/format/lab-report';
import type { AddressMap } from '../../../src/format/lab-report';
import type { TraceEvent } from '../../../src/traces/types';
import { prng } from '../../helpers/prng';

/** A program-like random workload: mostly small blocks, some big ones, reallocs, frees. */
function workload(seed: number, n: number, big: number): TraceEvent[] {
  const rand = prng(seed);
  const live: string[] = [];
  const events: TraceEvent[] = [];
  let next = 0;
  for (let i = 0; i < n; i++) {
    const r = rand();
    const line = i + 1;
    if (live.length > 0 && r < 0.4) {
      const k = Math.floor(rand() * live.length);
      events.push({ op: 'free', id: live[k], line });
      live.splice(k, 1);
    } else if (live.length > 0 && r < 0.5) {
      const k = Math.floor(rand() * live.length);
      const id = `b${next++}`;
      events.push({ op: 'realloc', id: live[k], newId: id, size: 1 + Math.floor(rand() * big), align: 16, line });
      live[k] = id;
    } else {
      const id = `b${next++}`;
      events.push({ op: 'alloc', id, size: rand() < 0.9 ? 1 + Math.floor(rand() * 200) : 1 + Math.floor(rand() * big), align: 16, line });
      live.push(id);
    }
  }
  return events;
}

interface Rect {
  from: number;
  to: number;
  address: number;
  size: number;
}

/** Each block's rectangle, from the allocator's own address calls. */
function rectangles(policy: string, events: TraceEvent[]): { rects: Rect[]; top: number } {
  const a = createAllocator(policy);
  const open = new Map<string, Rect>();
  const rects: Rect[] = [];
  events.forEach((e, i) => {
    const at = i + 1; // events applied once this one is
    if (e.op === 'alloc') {
      open.set(e.id, { from: at, to: -1, address: a.alloc(e.size, e.align)!, size: e.size });
    } else if (e.op === 'free') {
      const r = open.get(e.id)!;
      a.free(r.address);
      rects.push({ ...r, to: at });
      open.delete(e.id);
    } else {
      const r = open.get(e.id)!;
      rects.push({ ...r, to: at });
      open.delete(e.id);
      open.set(e.newId, { from: at, to: -1, address: a.realloc(r.address, e.size, e.align)!, size: e.size });
    }
  });
  for (const r of open.values()) rects.push({ ...r, to: events.length });
  return { rects, top: a.stats().peakTop };
}

/** The shares, cell by cell, at the map's resolution. */
function bruteForce(rects: Rect[], map: AddressMap, events: number): number[][] {
  const w = map.eventsPerColumn;
  const h = map.bytesPerRow;
  const columns = Math.ceil(events / w);
  const cells = map.occupancy.map(() => new Array<number>(columns).fill(0));
  for (const r of rects) {
    for (let c = Math.floor(r.from / w); c * w < r.to; c++) {
      const dt = Math.min(r.to, (c + 1) * w) - Math.max(r.from, c * w);
      for (let row = Math.floor(r.address / h); row * h < r.address + r.size; row++) {
        const da = Math.min(r.address + r.size, (row + 1) * h) - Math.max(r.address, row * h);
        cells[row][c] += dt * da;
      }
    }
  }
  return cells.map((row) => row.map((v) => v / (w * h)));
}

describe('address map', () => {
  it.each([
    ['first-fit', 200, 3000],
    ['best-fit', 5000, 3000],
    ['bump', 5000, 3000],
    ['buddy', 20000, 200000],
    ['tlsf', 20000, 50000],
  ])('%s over %i events: every cell equals the blocks counted one by one', (policy, n, big) => {
    const events = workload(n + big, n, big);
    const out = replayEvents(events, createAllocator(policy), { timeSeries: true });
    const map = out.addressMap!;
    const { rects, top } = rectangles(policy, events);
    // The grid doubled its spans only as far as it had to.
    expect(map.eventsPerColumn).toBe(2 ** Math.max(0, Math.ceil(Math.log2(n / COLUMNS))));
    expect(map.occupancy.length).toBeLessThanOrEqual(ROWS);
    expect(map.occupancy.length * map.bytesPerRow).toBeGreaterThanOrEqual(Math.max(...rects.map((r) => r.address + r.size)));
    expect(map.bytesPerRow === 16 || (ROWS * map.bytesPerRow) / 2 < top).toBe(true);
    const expected = bruteForce(rects, map, n);
    expect(map.occupancy.map((row) => row.length)).toEqual(expected.map((row) => row.length));
    map.occupancy.forEach((row, r) => row.forEach((v, c) => expect(Math.abs(v - expected[r][c])).toBeLessThanOrEqual(0.0005 + 1e-9)));
    // Something is drawn, and nothing above the highest block.
    expect(map.occupancy.flat().some((v) => v > 0.5)).toBe(true);
    expect(map.occupancy[map.occupancy.length - 1].some((v) => v > 0)).toBe(true);
  });

  it('counts a block still live at the end up to the last event, and an in-place realloc as two sizes', () => {
    const probe = new AddressMapProbe();
    probe.placed(0, 0, 16, 0);
    probe.released(0, 10); // 16 bytes for 10 events
    probe.placed(0, 0, 8, 10); // the same block, resized in place: 8 bytes from then on
    const map = probe.finish(20, [0]);
    expect(map).toEqual({ eventsPerColumn: 1, bytesPerRow: 16, occupancy: [[...new Array(10).fill(1), ...new Array(10).fill(0.5)]] });
  });

  it('is checked as part of the lab report', () => {
    const events = workload(7, 100, 500);
    const out = replayEvents(events, createAllocator('first-fit'), { timeSeries: true });
    const result = {
      trace: 't', policy: 'first-fit', settings: { align: 16, header: 0, limit: null, mode: 'lenient' }, events: out.events, ops: out.ops,
      peakLive: out.metrics.peakLive, liveAtEnd: out.metrics.liveAtEnd, footprint: out.metrics.footprint, heapAtEnd: out.metrics.heapAtEnd,
      fragmentation: out.metrics.fragmentation, searchLength: out.metrics.searchLength, failures: 0, problems: { count: 0, byKind: {}, first: [] },
      wallMs: 1, opsPerSecond: 1, series: out.metrics.series, addressMap: out.addressMap,
    };
    const doc = { format: 'memscope', version: 1, kind: 'lab-report', results: [result] };
    expect(checkLabReport(JSON.stringify(doc), 'r.json').results[0].addressMap).toEqual(out.addressMap);
    const ragged = JSON.parse(JSON.stringify(doc));
    ragged.results[0].addressMap.occupancy[1].pop();
    expect(() => checkLabReport(ragged, 'r.json')).toThrow(/r\.json: results\[0\]\.addressMap\.occupancy\[1\]: expected a row of \d+ cells/);
    const over = JSON.parse(JSON.stringify(doc));
    over.results[0].addressMap.occupancy[0][0] = 1.5;
    expect(() => checkLabReport(over, 'r.json')).toThrow(/addressMap\.occupancy\[0\]\[0\]: expected a share from 0 to 1/);
  });
});
