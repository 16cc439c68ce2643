/**
 * Allocator lab: replay speed per policy on the largest shipped trace (or, while none with
 * 10^6 events exists, a seeded synthetic workload — said so in the output), and the
 * speedup of replaying several policies on worker threads over one after another.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { figure, timeMs, type BenchSuite } from './harness';
import { createAllocator } from '../src/engine/allocators';
import { allPolicies, compare } from '../src/alloc-lab/compare';
import { prng } from '../test/helpers/prng';
import { replayEvents } from '../src/alloc-lab/replay';
import { readTrace } from '../src/traces';
import type { TraceEvent } from '../src/traces/types';

const MIN_EVENTS = 1_000_000;
const TRACE_DIR = path.join(__dirname, '..', '..', 'traces');
/** Replay-only speed we want from an O(1) or O(log n) policy. */
const TARGET_OPS = 1_000_000;
/** Workers on this 2-core machine: ideal 2x. */
const TARGET_SPEEDUP = 1.6;
const PARALLEL_POLICIES = ['first-fit', 'best-fit', 'buddy', 'bump'];
/** Replay-only timing: a policy whose whole-trace replay would exceed the budget is timed on a prefix. */
const PROBE_EVENTS = 100_000;
const BUDGET_MS = 15_000;
const SLOWDOWN_MARGIN = 4;

export const suite: BenchSuite = {
  name: 'lab',
  async run(log) {
    const { file, count, note } = await pickTrace(log);
    log(`  trace: ${file} (${count.toLocaleString('en')} events${note ? `; ${note}` : ''})`);

    // Workers first, while this thread's heap is small: a big in-memory trace here would
    // slow the sequential run's garbage collection and flatter the speedup.
    const policies = PARALLEL_POLICIES.filter((p) => allPolicies().includes(p));
    // Best of two after a warm-up: the cores are shared, one run alone says little.
    const seqMs = await timeMs(() => compare([file], { policies, jobs: 1 }), 2);
    const parMs = await timeMs(() => compare([file], { policies, jobs: 2 }), 2);
    log(`  read + replay of ${policies.length} policies (${policies.join(', ')}), streamed from the file, best of 2:`);
    log(figure('sequential (main thread)', seqMs, 'ms'));
    log(figure('2 worker threads', parMs, 'ms'));
    log(figure('worker speedup', seqMs / parMs, 'x', { value: TARGET_SPEEDUP, higherIsBetter: true }));
    // The cores are shared with other work: calibrate against what two bare threads get now.
    const gain = await bareThreadGain();
    log(figure('bare 2-thread throughput gain (calibration)', gain, 'x'));
    log(figure('lab speedup / bare gain (parallel efficiency)', seqMs / parMs / gain, 'x', { value: 0.8, higherIsBetter: true }));
    log(`  (${os.availableParallelism()} cores, 1-minute load average ${os.loadavg()[0].toFixed(1)} after the runs)`);

    const events = await loadEvents(file);
    log(`  replay only (events in memory), per policy; a policy too slow for the whole trace is timed on a prefix:`);
    const probe = events.slice(0, PROBE_EVENTS);
    for (const policy of allPolicies()) {
      // The probe's outcome is kept: a policy timed on the prefix needs no second replay for its metrics.
      let out!: ReturnType<typeof replayEvents>;
      const probeMs = await timeMs(() => { out = replayEvents(probe, createAllocator(policy), { file }); });
      // An O(n) policy slows down as the live set grows past the probe: project generously.
      const whole = SLOWDOWN_MARGIN * (probeMs / probe.length) * events.length <= BUDGET_MS;
      const run = whole ? events : probe;
      const ms = whole ? await timeMs(() => { out = replayEvents(run, createAllocator(policy), { file }); }) : probeMs;
      const label = whole ? `${policy} ops/s` : `${policy} ops/s (first ${run.length.toLocaleString('en')})`;
      log(figure(label, run.length / (ms / 1000), 'ops/s', { value: TARGET_OPS, higherIsBetter: true }) +
        `   footprint ${out.metrics.footprint}, frag #3 ${pct(out.metrics.fragmentation.f3)}, #4 ${pct(out.metrics.fragmentation.f4)}, search ${out.metrics.searchLength.mean.toFixed(1)}`);
    }
  },
};

/** Throughput of two threads spinning vs one, right now: 2 on idle cores, ~1 when others load them. */
async function bareThreadGain(): Promise<number> {
  const spin = `let x = 0; for (let i = 0; i < 2e8; i++) x += i % 7; require('worker_threads').parentPort.postMessage(x);`;
  const run = (n: number) =>
    timeMs(
      () =>
        new Promise<void>((resolve, reject) => {
          let done = 0;
          for (let i = 0; i < n; i++) {
            const w = new Worker(spin, { eval: true });
            w.on('error', reject);
            w.on('message', () => {
              void w.terminate();
              if (++done === n) resolve();
            });
          }
        }),
    );
  const one = await run(1);
  const two = await run(2);
  return (2 * one) / two;
}

function pct(r: number | null): string {
  return r === null ? '—' : `${(r * 100).toFixed(1)}%`;
}

/** The largest file in traces/ if it has at least MIN_EVENTS events, else a synthetic one. */
async function pickTrace(log: (line: string) => void): Promise<{ file: string; count: number; note?: string }> {
  const candidates = fs.existsSync(TRACE_DIR)
    ? fs.readdirSync(TRACE_DIR)
        .map((name) => path.join(TRACE_DIR, name))
        .filter((p) => fs.statSync(p).isFile() && /\.(mtrace|jsonl|csv)(\.gz)?$/.test(p))
        .sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)
    : [];
  for (const file of candidates.slice(0, 1)) {
    let count = 0;
    for await (const batch of readTrace(file)) count += batch.length;
    if (count >= MIN_EVENTS) return { file, count };
    log(`  note: largest shipped trace ${file} has only ${count.toLocaleString('en')} events`);
  }
  const file = path.join(os.tmpdir(), `memscope-lab-synthetic-${MIN_EVENTS}.csv`);
  fs.writeFileSync(file, toCsv(syntheticWorkload(1, MIN_EVENTS)));
  return { file, count: MIN_EVENTS, note: 'no shipped trace with >= 10^6 events: SYNTHETIC seeded workload (seed 1)' };
}

async function loadEvents(file: string): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  for await (const batch of readTrace(file)) for (const e of batch) events.push(e);
  return events;
}

/**
 * A program-like heap workload: mostly small blocks, some medium and a few large; most
 * die young (freed soon after birth), some live long; the live set ramps up, holds and
 * drains in phases; a few blocks grow by realloc.
 */
export function syntheticWorkload(seed: number, count: number): TraceEvent[] {
  const rand = prng(seed);
  const events: TraceEvent[] = [];
  const live: string[] = [];
  let next = 0;
  const size = () => {
    const r = rand();
    if (r < 0.7) return 8 + Math.floor(rand() * 120);
    if (r < 0.95) return 128 + Math.floor(rand() * 3968);
    return 4096 + Math.floor(rand() * 61440);
  };
  const removeAt = (i: number) => {
    const id = live[i];
    live[i] = live[live.length - 1];
    live.pop();
    return id;
  };
  for (let line = 1; events.length < count; line++) {
    // Target live-set size swings between 500 and 8000 blocks over phases of 200k events.
    const phase = Math.sin((events.length / 200_000) * Math.PI);
    const target = 500 + 7500 * Math.abs(phase);
    const r = rand();
    if (live.length > 0 && r < 0.05) {
      const i = Math.floor(rand() * live.length);
      const id = live[i];
      const newId = `b${next++}`;
      live[i] = newId;
      events.push({ op: 'realloc', id, newId, size: size() * 2, align: 16, line });
    } else if (live.length === 0 || rand() * target > live.length * 0.9) {
      const id = `b${next++}`;
      live.push(id);
      events.push({ op: 'alloc', id, size: size(), align: 16, line });
    } else {
      // Young blocks die first most of the time: pick among the most recent 64.
      const i = rand() < 0.7 ? Math.max(0, live.length - 1 - Math.floor(rand() * 64)) : Math.floor(rand() * live.length);
      events.push({ op: 'free', id: removeAt(i), line });
    }
  }
  return events;
}

function toCsv(events: TraceEvent[]): string {
  const rows = ['#memscope-trace v1', 'op,id,size,align,new_id'];
  for (const e of events) {
    if (e.op === 'alloc') rows.push(`alloc,${e.id},${e.size},${e.align},`);
    else if (e.op === 'free') rows.push(`free,${e.id},,,`);
    else rows.push(`realloc,${e.id},${e.size},${e.align},${e.newId}`);
  }
  return rows.join('\n') + '\n';
}
