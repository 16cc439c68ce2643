import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compare, planTasks, ReplayInterrupted } from '../../src/alloc-lab/compare';
import { FORMAT_NAME, FORMAT_VERSION } from '../../src/format/errors';
import { checkLabReport } from '../../src/format/lab-report';
import { TraceError } from '../../src/traces/types';

let dir: string;
let small: string;
let faulty: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-lab-'));
  small = path.join(dir, 'small.jsonl');
  const lines = ['#memscope-trace v1'];
  // a sawtooth: 200 blocks of varied sizes, every other one freed, then bigger ones
  for (let i = 0; i < 200; i++) lines.push(JSON.stringify({ op: 'alloc', id: `b${i}`, size: 16 + ((i * 37) % 200), align: 16 }));
  for (let i = 0; i < 200; i += 2) lines.push(JSON.stringify({ op: 'free', id: `b${i}` }));
  for (let i = 0; i < 50; i++) lines.push(JSON.stringify({ op: 'alloc', id: `c${i}`, size: 300, align: 16 }));
  lines.push(JSON.stringify({ op: 'realloc', id: 'b1', new_id: 'b1x', size: 1000, align: 16 }));
  fs.writeFileSync(small, lines.join('\n') + '\n');
  faulty = path.join(dir, 'faulty.jsonl');
  fs.writeFileSync(faulty, ['{"op":"alloc","id":"a","size":32}', '{"op":"free","id":"a"}', '{"op":"free","id":"a"}', '{"op":"alloc","id":"b","size":8}'].join('\n') + '\n');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('planTasks', () => {
  it('reads each trace once when traces keep the jobs busy, else splits its policies round-robin', () => {
    expect(planTasks(['a', 'b'], ['p', 'q', 'r'], 2)).toEqual([
      { trace: 'a', traceIndex: 0, policies: ['p', 'q', 'r'] },
      { trace: 'b', traceIndex: 1, policies: ['p', 'q', 'r'] },
    ]);
    expect(planTasks(['a'], ['p', 'q', 'r'], 2)).toEqual([
      { trace: 'a', traceIndex: 0, policies: ['p', 'r'] },
      { trace: 'a', traceIndex: 0, policies: ['q'] },
    ]);
    expect(planTasks(['a'], ['p'], 8)).toEqual([{ trace: 'a', traceIndex: 0, policies: ['p'] }]);
    expect(planTasks(['a', 'b', 'c'], ['p', 'q'], 1)).toHaveLength(3);
  });
});

describe('compare', () => {
  it('replays one trace on several policies in this thread', async () => {
    const report = await compare([small], { policies: ['first-fit', 'first-fit-naive'], jobs: 1 });
    expect(report.format).toBe(FORMAT_NAME);
    expect(report.version).toBe(FORMAT_VERSION);
    expect(report.kind).toBe('lab-report');
    expect(report.results.map((r) => r.policy)).toEqual(['first-fit', 'first-fit-naive']);
    for (const r of report.results) {
      expect(r.trace).toBe(small);
      expect(r.events).toBe(351);
      expect(r.ops).toEqual({ alloc: 250, free: 100, realloc: 1 });
      expect(r.settings).toEqual({ align: 16, header: 0, limit: null, mode: 'lenient' });
      expect(r.footprint).toBeGreaterThanOrEqual(r.peakLive);
      expect(r.series.length).toBeGreaterThan(0);
      expect(r.series.length).toBeLessThanOrEqual(1000);
    }
    // both are address-ordered first fit: same placement, so the same footprint
    expect(report.results[0].footprint).toBe(report.results[1].footprint);
    // the JSON round-trips and is recognised
    expect(checkLabReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });

  it('gives the same results on worker threads, in task order, with progress', async () => {
    const seen = new Set<string>();
    const parallel = await compare([small, small], {
      policies: ['first-fit', 'first-fit-naive'],
      jobs: 2,
      onProgress: (p) => {
        if (p.done) seen.add(`${p.task}`);
      },
    });
    const here = await compare([small, small], { policies: ['first-fit', 'first-fit-naive'], jobs: 1 });
    const strip = (r: { wallMs: number; opsPerSecond: number }) => ({ ...r, wallMs: 0, opsPerSecond: 0 });
    expect(parallel.results.map(strip)).toEqual(here.results.map(strip));
    // two traces, two jobs: each trace read once, by its own worker
    expect([...seen].sort()).toEqual(['0', '1']);
    // one trace, two jobs: the policies split in two groups, results still in policy order
    const split = await compare([small], { policies: ['first-fit', 'first-fit-naive', 'buddy'], jobs: 2 });
    expect(split.results.map((r) => r.policy)).toEqual(['first-fit', 'first-fit-naive', 'buddy']);
  }, 60_000);

  it('refills the chunks every lane is done with: a trace of many chunks replays the same on workers as here', async () => {
    // perl's 679,148 events are 11 chunks; with two workers each chunk goes back to the reader
    // once both have acknowledged it, and is filled again with later events.
    const perl = path.join(__dirname, '..', '..', 'traces', 'perl-pod2text.mtrace.gz');
    const policies = ['first-fit', 'tlsf', 'buddy'];
    const parallel = await compare([perl], { policies, jobs: 2, analyses: true });
    const here = await compare([perl], { policies, jobs: 1, analyses: true });
    const strip = (r: { wallMs: number; opsPerSecond: number }) => ({ ...r, wallMs: 0, opsPerSecond: 0 });
    expect(parallel.results.map(strip)).toEqual(here.results.map(strip));
    const steady = (a: unknown) => JSON.stringify(a, (k, v: unknown) => (k === 'wallMs' ? undefined : v));
    expect(steady(parallel.analyses)).toEqual(steady(here.analyses));
    expect(parallel.results[0].events).toBe(679_148);
  }, 120_000);

  it('reports trace problems with file and line (lenient) or stops (strict), also from workers', async () => {
    const lenient = await compare([faulty], { policies: ['first-fit'], jobs: 1 });
    expect(lenient.results[0].problems.count).toBe(1);
    expect(lenient.results[0].problems.first[0]).toMatchObject({ file: faulty, line: 3, kind: 'double-free' });
    await expect(compare([faulty], { policies: ['first-fit'], mode: 'strict', jobs: 1 })).rejects.toThrow(TraceError);
    await expect(compare([faulty], { policies: ['first-fit', 'first-fit-naive'], mode: 'strict', jobs: 2 })).rejects.toThrow(/faulty\.jsonl:3: /);
  }, 60_000);

  it('rejects an unknown policy and a missing file with clear messages', async () => {
    await expect(compare([small], { policies: ['fist-fit'] })).rejects.toThrow(/unknown policy 'fist-fit'.*valid policies: .*first-fit/);
    await expect(compare([path.join(dir, 'nope.jsonl')], { policies: ['first-fit'], jobs: 1 })).rejects.toThrow(/nope\.jsonl: cannot read/);
  });
});

describe('compare: stopping a replay (a notebook interrupt)', () => {
  const real = path.resolve(__dirname, '..', '..', 'traces', 'python-tokenize.mtrace.gz');

  it.each([1, 2])('with %i thread(s): an abort stops it mid-trace and rejects with the reason', async (jobs) => {
    const controller = new AbortController();
    let progressAtAbort = -1;
    let progressEvents = 0;
    const run = compare([real, real], {
      policies: ['first-fit', 'best-fit'],
      jobs,
      signal: controller.signal,
      onProgress: () => {
        progressEvents++;
        if (progressEvents === 2) {
          progressAtAbort = progressEvents;
          controller.abort(new Error('stop here'));
        }
      },
    });
    await expect(run).rejects.toThrow('stop here');
    // Terminated workers send nothing more; a replay in this thread stops at its next batch.
    await new Promise((r) => setTimeout(r, 500));
    expect(progressEvents).toBeLessThanOrEqual(progressAtAbort + 1);
  });

  it('an already aborted signal runs nothing', async () => {
    const controller = new AbortController();
    controller.abort(new Error('never started'));
    await expect(compare([small], { signal: controller.signal })).rejects.toThrow('never started');
  });
});

describe('compare: a stopped replay keeps what it replayed', () => {
  const real = path.resolve(__dirname, '..', '..', 'traces', 'python-tokenize.mtrace.gz');

  it.each([1, 2])('with %i thread(s): the rejection carries partial results for a prefix of the trace', async (jobs) => {
    const controller = new AbortController();
    const run = compare([real], {
      policies: ['first-fit', 'first-fit-naive'],
      jobs,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.progress.events > 100_000) controller.abort(new Error('enough'));
      },
    });
    const err = await run.then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(ReplayInterrupted);
    const stopped = err as ReplayInterrupted;
    expect(stopped.message).toBe('enough');
    expect(stopped.partial.results.map((r) => r.policy)).toEqual(['first-fit', 'first-fit-naive']);
    // Each policy went as far as its thread got (the naive twin lags behind on its own worker).
    expect(Math.max(...stopped.partial.results.map((r) => r.events))).toBeGreaterThan(100_000);
    for (const r of stopped.partial.results) {
      expect(r.events).toBeGreaterThan(0);
      expect(r.events).toBeLessThan(1_254_257);
      expect(r.events).toBeLessThanOrEqual(stopped.readEvents[0]);
      expect(r.footprint).toBeGreaterThanOrEqual(r.peakLive);
      expect(r.ops.alloc + r.ops.free + r.ops.realloc).toBe(r.events);
    }
  }, 60_000);
});
