import { createAllocator, POLICIES } from '../src/engine/allocators';
import { loadavg } from 'os';
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { Allocator, AllocatorStats } from '../src/engine/allocators/allocator';
import { BenchSuite, figure } from './harness';
import { prng } from '../test/helpers/prng';

/**
 * Allocator policies under a synthetic but program-like workload: sizes drawn from the
 * classes Rust programs ask for most (small boxes and strings, some vectors, rare big
 * buffers), lifetimes mostly short and exponential with a long-lived minority, and a few
 * reallocs (growing vectors). The op list is generated once from a fixed seed, so every
 * policy replays exactly the same trace and only the allocator is timed.
 */
const ALLOC = 0;
const FREE = 1;
const REALLOC = 2;

interface Workload {
  kind: Uint8Array;
  slot: Int32Array;
  size: Float64Array;
  align: Uint16Array;
  slots: number;
  ops: number;
}

const SMALL = [8, 16, 24, 32, 40, 48, 64, 80, 96, 128];

function drawSize(r: () => number): number {
  const x = r();
  if (x < 0.6) return SMALL[Math.floor(r() * SMALL.length)];
  if (x < 0.9) return 128 + Math.floor(r() * 896);
  if (x < 0.99) return 1024 + Math.floor(r() * 7168);
  return 8192 + Math.floor(r() * 57344);
}

/** Binary min-heap of (death step, slot) pairs, for scheduling frees. */
class Deaths {
  private at: number[] = [];
  private who: number[] = [];
  get size(): number {
    return this.at.length;
  }
  peek(): number {
    return this.at[0];
  }
  push(t: number, slot: number): void {
    let i = this.at.length;
    this.at.push(t);
    this.who.push(slot);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.at[p] <= t) break;
      this.at[i] = this.at[p];
      this.who[i] = this.who[p];
      i = p;
    }
    this.at[i] = t;
    this.who[i] = slot;
  }
  pop(): number {
    const slot = this.who[0];
    const t = this.at.pop()!;
    const w = this.who.pop()!;
    const n = this.at.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && this.at[c + 1] < this.at[c]) c++;
        if (this.at[c] >= t) break;
        this.at[i] = this.at[c];
        this.who[i] = this.who[c];
        i = c;
      }
      this.at[i] = t;
      this.who[i] = w;
    }
    return slot;
  }
}

/** `ops` operations: frees fall due by lifetime (90% mean 200 steps, 10% mean 20000), 5% reallocs. */
export function mixedWorkload(ops: number, seed = 42): Workload {
  const r = prng(seed);
  const w: Workload = { kind: new Uint8Array(ops), slot: new Int32Array(ops), size: new Float64Array(ops), align: new Uint16Array(ops), slots: 0, ops };
  const deaths = new Deaths();
  const liveSlots: number[] = []; // a sample of slots for reallocs to pick from
  const spare: number[] = [];
  const sizeOf: number[] = [];
  const alive: boolean[] = [];
  for (let i = 0; i < ops; i++) {
    if (deaths.size > 0 && deaths.peek() <= i) {
      const s = deaths.pop();
      w.kind[i] = FREE;
      w.slot[i] = s;
      alive[s] = false;
      spare.push(s);
      continue;
    }
    if (r() < 0.05 && liveSlots.length > 0) {
      // Grow a sampled block if it is still live (its death stays scheduled).
      const s = liveSlots[Math.floor(r() * liveSlots.length)];
      if (alive[s]) {
        w.kind[i] = REALLOC;
        w.slot[i] = s;
        sizeOf[s] = Math.min(65536, Math.max(16, Math.round(sizeOf[s] * (1.5 + r()))));
        w.size[i] = sizeOf[s];
        w.align[i] = 8;
        continue;
      }
    }
    const s = spare.length > 0 ? spare.pop()! : w.slots++;
    const mean = r() < 0.9 ? 200 : 20000;
    deaths.push(i + 1 + Math.floor(-Math.log(1 - r()) * mean), s);
    w.kind[i] = ALLOC;
    w.slot[i] = s;
    w.size[i] = sizeOf[s] = drawSize(r);
    w.align[i] = r() < 0.9 ? 8 : 16;
    alive[s] = true;
    if (liveSlots.length < 4096) liveSlots.push(s);
    else liveSlots[Math.floor(r() * liveSlots.length)] = s;
  }
  return w;
}

/** Replays ops [from, to) of w on heap; addr[s] holds the address of the block the trace calls s. */
function replay(heap: Allocator, w: Workload, addr: Float64Array, from: number, to: number): void {
  const { kind, slot, size, align } = w;
  for (let i = from; i < to; i++) {
    const s = slot[i];
    const k = kind[i];
    if (k === ALLOC) addr[s] = heap.alloc(size[i], align[i])!;
    else if (k === FREE) {
      heap.free(addr[s]);
      addr[s] = -1;
    } else addr[s] = heap.realloc(addr[s], size[i], align[i])!;
  }
}

/**
 * Steady state with `live` live blocks and a third as many holes: a warm-up allocates
 * 1.5 x live blocks and frees a random third; then each timed pair frees a random live
 * block and allocates a new one of a random size.
 */
export function steadyWorkload(live: number, pairs: number, seed = 7): Workload {
  const r = prng(seed);
  const warm = Math.floor(live * 1.5);
  const drop = warm - live;
  const ops = warm + drop + 2 * pairs;
  const w: Workload = { kind: new Uint8Array(ops), slot: new Int32Array(ops), size: new Float64Array(ops), align: new Uint16Array(ops).fill(8), slots: warm + pairs, ops };
  const liveSlots: number[] = [];
  let i = 0;
  for (let s = 0; s < warm; s++, i++) {
    w.kind[i] = ALLOC;
    w.slot[i] = s;
    w.size[i] = drawSize(r);
    liveSlots.push(s);
  }
  const take = (): number => {
    const j = Math.floor(r() * liveSlots.length);
    const s = liveSlots[j];
    liveSlots[j] = liveSlots[liveSlots.length - 1];
    liveSlots.pop();
    return s;
  };
  for (let d = 0; d < drop; d++, i++) {
    w.kind[i] = FREE;
    w.slot[i] = take();
  }
  for (let p = 0; p < pairs; p++) {
    w.kind[i] = FREE;
    w.slot[i++] = take();
    w.kind[i] = ALLOC;
    w.slot[i] = warm + p;
    w.size[i++] = drawSize(r);
    liveSlots.push(warm + p);
  }
  return w;
}

/**
 * One measurement, run in its own worker thread: a fresh V8 isolate per policy keeps the
 * call sites monomorphic and the GC state independent of the policies measured before it.
 */
interface Job {
  policy: string;
  workload: 'mixed' | 'steady';
  ops: number;
  /** steady: live blocks held while timing. */
  live?: number;
  repeat: number;
}
interface Measured {
  /** Timed operations. */
  ops: number;
  wallMs: number;
  cpuMs: number;
  /** Blocks examined during the timed operations. */
  work: number;
  stats: AllocatorStats;
}

function measure(job: Job): Measured {
  const w = job.workload === 'mixed' ? mixedWorkload(job.ops) : steadyWorkload(job.live!, job.ops / 2);
  // steady: the warm-up (building the live set and its holes) is replayed untimed.
  const timedFrom = job.workload === 'mixed' ? 0 : w.ops - job.ops;
  let best: Measured = { ops: job.ops, wallMs: Infinity, cpuMs: Infinity, work: 0, stats: createAllocator(job.policy).stats() };
  for (let r = 0; r < job.repeat + (job.repeat > 1 ? 1 : 0); r++) {
    const heap = createAllocator(job.policy);
    const addr = new Float64Array(w.slots).fill(-1);
    replay(heap, w, addr, 0, timedFrom);
    const work0 = heap.stats().work;
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    replay(heap, w, addr, timedFrom, w.ops);
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = process.cpuUsage(cpu0);
    if (job.repeat > 1 && r === 0) continue; // warm-up
    if (wallMs < best.wallMs) {
      const stats = heap.stats();
      best = { ops: job.ops, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, work: stats.work - work0, stats };
    }
  }
  return best;
}

function inWorker(job: Job): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { allocatorsBenchJob: job } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

if (!isMainThread && workerData?.allocatorsBenchJob) parentPort!.postMessage(measure(workerData.allocatorsBenchJob as Job));

const TARGETS: Record<string, number> = { tlsf: 1e7, segregated: 1e7 };
const MIXED_OPS = 1_000_000;
const LIVE = 100_000;

export const suite: BenchSuite = {
  name: 'allocators',
  async run(log) {
    const probe = mixedWorkload(MIXED_OPS);
    log(`  mixed workload: ${MIXED_OPS} ops (${probe.slots} distinct blocks at most live at once), sizes 8 B..64 KiB,`);
    log(`  lifetimes exp(200) 90% / exp(20000) 10%, 5% reallocs; one worker thread per policy; ops/s from wall time`);
    log(`  and from process cpu time (wall suffers most when the machine is shared: load average now ${loadavg()[0].toFixed(1)})`);
    const rate: Record<string, number> = {};
    for (const { name } of POLICIES) {
      const m = await inWorker({ policy: name, workload: 'mixed', ops: MIXED_OPS, repeat: name.endsWith('naive') ? 1 : 3 });
      rate[name] = (m.ops / m.wallMs) * 1000;
      const target = TARGETS[name];
      log(figure(`${name} mixed ops/s`, rate[name], 'ops/s', target ? { value: target, higherIsBetter: true } : undefined));
      if (target) log(figure(`${name} mixed ops/s of cpu time`, (m.ops / m.cpuMs) * 1000, 'ops/s', { value: target, higherIsBetter: true }));
      log(`      (cpu ${((m.ops / m.cpuMs) / 1000).toFixed(2)} M ops/s) peak ${(m.stats.peakTop / 1024).toFixed(0)} KiB, ${(m.work / m.ops).toFixed(2)} blocks examined/op, ${m.stats.freeBlocks} free blocks at the end`);
    }
    log(figure('first-fit / first-fit-naive speed (mixed)', rate['first-fit'] / rate['first-fit-naive'], 'x'));
    log(figure('best-fit / best-fit-naive speed (mixed)', rate['best-fit'] / rate['best-fit-naive'], 'x'));

    log(`  steady state: ${LIVE} live blocks (warm-up untimed), each timed pair frees a random block and allocates one`);
    const steady: Record<string, number> = {};
    for (const name of ['best-fit', 'best-fit-naive', 'first-fit', 'first-fit-naive', 'tlsf', 'segregated']) {
      const ops = name.endsWith('naive') ? 20_000 : 1_000_000;
      const m = await inWorker({ policy: name, workload: 'steady', ops, live: LIVE, repeat: name.endsWith('naive') ? 1 : 2 });
      steady[name] = (m.ops / m.wallMs) * 1000;
      const target = name === 'best-fit' ? { value: 3e6, higherIsBetter: true } : undefined;
      log(figure(`${name} ops/s, ${LIVE} live`, steady[name], 'ops/s', target));
      if (target) log(figure(`${name} ops/s of cpu time, ${LIVE} live`, (m.ops / m.cpuMs) * 1000, 'ops/s', target));
      log(`      (cpu ${((m.ops / m.cpuMs) / 1000).toFixed(2)} M ops/s) ${m.stats.freeBlocks} free blocks, ${(m.work / m.ops).toFixed(1)} blocks examined/op`);
    }
    log(figure(`first-fit / first-fit-naive speed (${LIVE} live)`, steady['first-fit'] / steady['first-fit-naive'], 'x'));
    log(figure(`best-fit / best-fit-naive speed (${LIVE} live)`, steady['best-fit'] / steady['best-fit-naive'], 'x'));
  },
};
