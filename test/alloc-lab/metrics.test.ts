import { MetricsRecorder, SeriesDownsampler } from '../../src/alloc-lab/metrics';

describe('Johnstone & Wilson fragmentation measures', () => {
  it('computes #1–#4 on a hand-made series', () => {
    // (live, heap): (10,20) (40,50) (30,100) (20,100)
    const r = new MetricsRecorder();
    r.sample(10, 20, 20);
    r.sample(40, 50, 50);
    r.sample(30, 100, 100);
    r.sample(20, 100, 100);
    const m = r.finish();
    // #1: mean of 10/10, 10/40, 70/30, 80/20
    expect(m.fragmentation.f1).toBeCloseTo((1 + 0.25 + 70 / 30 + 4) / 4, 12);
    // #2: max live 40, heap there 50
    expect(m.fragmentation.f2).toBeCloseTo(0.25, 12);
    // #3: max heap 100 first reached with 30 live
    expect(m.fragmentation.f3).toBeCloseTo(70 / 30, 12);
    // #4: (100 - 40) / 40
    expect(m.fragmentation.f4).toBeCloseTo(1.5, 12);
    expect(m.peakLive).toBe(40);
    expect(m.liveAtEnd).toBe(20);
    expect(m.footprint).toBe(100);
    expect(m.heapAtEnd).toBe(100);
    expect(m.points).toBe(4);
  });

  it('skips points with nothing live in #1 and gives null when nothing was ever live', () => {
    const r = new MetricsRecorder();
    r.sample(0, 0, 0);
    r.sample(16, 32, 32);
    r.sample(0, 32, 32);
    expect(r.finish().fragmentation.f1).toBeCloseTo(1, 12);
    const empty = new MetricsRecorder();
    empty.sample(0, 0, 0);
    expect(empty.finish().fragmentation).toEqual({ f1: null, f2: null, f3: null, f4: null });
  });

  it('takes max heap from peakTop, so a peak inside one event counts', () => {
    const r = new MetricsRecorder();
    r.sample(50, 64, 64);
    r.sample(60, 64, 128); // e.g. a realloc that went to the top and came back
    const m = r.finish();
    expect(m.footprint).toBe(128);
    expect(m.fragmentation.f4).toBeCloseTo((128 - 60) / 60, 12);
  });

  it('reports mean and max search length', () => {
    const r = new MetricsRecorder();
    for (const w of [1, 3, 8]) r.allocation(w);
    expect(r.finish().searchLength).toEqual({ mean: 4, max: 8, allocations: 3 });
  });
});

describe('SeriesDownsampler', () => {
  it('bounds the number of buckets and keeps every event and the extremes', () => {
    const d = new SeriesDownsampler(100);
    const n = 12_345;
    for (let i = 0; i < n; i++) d.add(i === 7_777 ? 1_000_000 : i % 50, i === 9_001 ? 0 : 500);
    const points = d.points();
    expect(points.length).toBeLessThanOrEqual(100);
    expect(points.reduce((s, p) => s + p.steps, 0)).toBe(n);
    expect(Math.max(...points.map((p) => p.liveMax))).toBe(1_000_000);
    expect(Math.min(...points.map((p) => p.heapMin))).toBe(0);
    // buckets are consecutive
    for (let i = 1; i < points.length; i++) expect(points[i].step).toBe(points[i - 1].step + points[i - 1].steps);
    const spike = points.find((p) => p.step <= 7_777 && 7_777 < p.step + p.steps);
    expect(spike?.liveMax).toBe(1_000_000);
  });

  it('keeps every event as its own bucket while there are few', () => {
    const d = new SeriesDownsampler(10);
    for (let i = 0; i < 5; i++) d.add(i, 2 * i);
    expect(d.points()).toEqual([0, 1, 2, 3, 4].map((i) => ({ step: i, steps: 1, liveMin: i, liveMax: i, heapMin: 2 * i, heapMax: 2 * i })));
  });

  it.each([2, 3, 7, 10])('gives the buckets of a plain list of bucket objects (maxBuckets %i, odd ones merge a lone last bucket)', (maxBuckets) => {
    // The reference keeps buckets as objects and merges them pairwise, as the downsampler did
    // before it kept them in a Float64Array.
    const done: Array<{ step: number; steps: number; liveMin: number; liveMax: number; heapMin: number; heapMax: number }> = [];
    let width = 1;
    let open: (typeof done)[number] | null = null;
    const d = new SeriesDownsampler(maxBuckets);
    let seed = 12345;
    for (let i = 0; i < 5_000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const live = seed % 1000;
      const heap = 1000 + (seed % 7919);
      d.add(live, heap);
      if (open === null) open = { step: i, steps: 0, liveMin: live, liveMax: live, heapMin: heap, heapMax: heap };
      open.liveMin = Math.min(open.liveMin, live);
      open.liveMax = Math.max(open.liveMax, live);
      open.heapMin = Math.min(open.heapMin, heap);
      open.heapMax = Math.max(open.heapMax, heap);
      if (++open.steps < width) continue;
      done.push(open);
      open = null;
      if (done.length < maxBuckets) continue;
      const merged = [];
      for (let k = 0; k < done.length; k += 2) {
        const [a, b] = [done[k], done[k + 1]];
        merged.push(b === undefined ? a : { step: a.step, steps: a.steps + b.steps, liveMin: Math.min(a.liveMin, b.liveMin), liveMax: Math.max(a.liveMax, b.liveMax), heapMin: Math.min(a.heapMin, b.heapMin), heapMax: Math.max(a.heapMax, b.heapMax) });
      }
      done.splice(0, done.length, ...merged);
      width *= 2;
    }
    expect(d.points()).toEqual(open === null ? done : [...done, open]);
  });
});
