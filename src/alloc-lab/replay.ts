/**
 * Replays a recorded program's heap operations on one allocator policy. Trace ids name
 * blocks; the replayer maps them to the addresses this policy hands out, keeps the
 * requested sizes (live bytes) and feeds the metrics recorder one point per event.
 *
 * Two kinds of trouble are kept apart:
 * - problems in the trace (free of an unknown pointer, double free, an id allocated twice,
 *   a request the policy rejects): in strict mode the first one throws TraceError naming
 *   file and line; in lenient mode the event is skipped, counted and reported;
 * - allocation failures under a heap limit: not the trace's fault, so they are only
 *   counted; the trace goes on with that block absent (its later free/realloc is quiet).
 */
import { type Allocator, HeapError } from '../engine/allocators/allocator';
import { type ProblemMode, type TraceEvent, type TraceProblem, TraceError } from '../traces/types';
import { type Metrics, MetricsRecorder, DEFAULT_MAX_BUCKETS } from './metrics';
import { TimeSeriesProbe, type TimePoint } from './analyses/time-series';

export interface ReplayOptions {
  /** strict: throw TraceError at the first problem; lenient (default): skip, count, report. */
  mode?: ProblemMode;
  /** Name of the trace, for problem messages. */
  file?: string;
  /** How many problems are kept in full (all are counted). Default 50. */
  keepProblems?: number;
  /** Cap on time-series buckets. */
  maxBuckets?: number;
  /** Freed ids remembered before a sweep (default 2^20); after it, freeing a long-dead id again is an unknown pointer. */
  tombstoneLimit?: number;
  /** Record the heap over time (analyses/time-series.ts): true, or the most points to keep. Default off. */
  timeSeries?: boolean | number;
}

export type ProblemKind = TraceProblem['kind'];

export interface ReplayOutcome {
  policy: string;
  /** Events seen, including skipped ones. */
  events: number;
  /** Events applied, by operation. */
  ops: { alloc: number; free: number; realloc: number };
  /** Allocations (alloc or realloc) the policy could not serve under the heap limit. */
  failures: number;
  problemCount: number;
  problemsByKind: Partial<Record<ProblemKind, number>>;
  /** The first `keepProblems` problems, in trace order. */
  problems: TraceProblem[];
  metrics: Metrics;
  /** Milliseconds spent replaying batches given to apply() (reading the trace not included). */
  wallMs: number;
  /** The heap over time, when asked for (ReplayOptions.timeSeries). */
  timeSeries?: TimePoint[];
}

/** What a policy call returns when the policy threw a HeapError (already reported). */
const REFUSED = Symbol('refused');

const LIVE = 0;
/** Freed and not allocated again: a second free is a double free, not an unknown pointer. */
const FREED = 1;
/** Its allocation failed under the limit: the program would have gone on without it. */
const ABSENT = 2;

/** What the replay knows about one trace id. */
interface Block {
  state: typeof LIVE | typeof FREED | typeof ABSENT;
  address: number;
  size: number;
}

/** Default for ReplayOptions.tombstoneLimit. */
const TOMBSTONE_LIMIT = 1 << 20;

export class Replayer {
  /**
   * Every id seen, in one map whose entries change state instead of being deleted: V8's
   * Map keeps a deleted entry in its bucket chain until the next rehash, so an allocator
   * that frees and reuses one address thousands of times in a big live set (mtrace traces
   * do) would make each lookup walk all those dead entries. Freed ids are swept out in
   * bulk once there are `tombstoneLimit` of them.
   */
  private blocks = new Map<string, Block>();
  private tombstones = 0;
  private readonly recorder: MetricsRecorder;
  private readonly probe: TimeSeriesProbe | undefined;
  private readonly mode: ProblemMode;
  private readonly file: string;
  private readonly keep: number;
  private readonly tombstoneLimit: number;
  private liveBytes = 0;
  private lastWork: number;
  private allocated = false;
  private events = 0;
  private readonly ops = { alloc: 0, free: 0, realloc: 0 };
  private failures = 0;
  private problemCount = 0;
  private readonly problemsByKind: Partial<Record<ProblemKind, number>> = {};
  private readonly problems: TraceProblem[] = [];
  /** Time spent replaying (in apply/step), not reading: policies replayed in lockstep share the reading. */
  private replayNs = 0n;

  constructor(private readonly allocator: Allocator, options: ReplayOptions = {}) {
    this.mode = options.mode ?? 'lenient';
    this.file = options.file ?? '<trace>';
    this.keep = options.keepProblems ?? 50;
    this.tombstoneLimit = options.tombstoneLimit ?? TOMBSTONE_LIMIT;
    this.recorder = new MetricsRecorder(options.maxBuckets ?? DEFAULT_MAX_BUCKETS);
    const ts = options.timeSeries;
    this.probe = ts ? new TimeSeriesProbe(ts === true ? undefined : ts) : undefined;
    this.lastWork = allocator.counters().work;
  }

  /** Applies one batch of events in order. */
  apply(batch: readonly TraceEvent[]): void {
    const start = process.hrtime.bigint();
    try {
      for (const event of batch) this.step(event);
    } finally {
      this.replayNs += process.hrtime.bigint() - start;
    }
  }

  /** One event: apply it (or record why not), then sample the heap. */
  step(event: TraceEvent): void {
    this.events++;
    switch (event.op) {
      case 'alloc':
        this.alloc(event);
        break;
      case 'free':
        this.free(event);
        break;
      case 'realloc':
        this.realloc(event);
        break;
    }
    // counters(), not stats(): stats() finds the largest free block, a walk per event for list policies.
    const stats = this.allocator.counters();
    // Search length: blocks the policy examined for this allocation (a skipped event made none).
    if (this.allocated) this.recorder.allocation(stats.work - this.lastWork);
    this.allocated = false;
    this.lastWork = stats.work;
    this.recorder.sample(this.liveBytes, stats.top, stats.peakTop);
    const probe = this.probe;
    if (probe !== undefined && this.events >= probe.next) {
      probe.sample(this.events, this.allocator, this.liveBytes, this.recorder.fragmentation(), this.ops.alloc + this.ops.realloc, this.failures);
    }
  }

  finish(): ReplayOutcome {
    const timeSeries = this.probe?.finish(this.events, this.allocator, this.liveBytes, this.recorder.fragmentation(), this.ops.alloc + this.ops.realloc, this.failures);
    return {
      ...(timeSeries === undefined ? {} : { timeSeries }),
      policy: this.allocator.policy,
      events: this.events,
      ops: { ...this.ops },
      failures: this.failures,
      problemCount: this.problemCount,
      problemsByKind: { ...this.problemsByKind },
      problems: this.problems.slice(),
      metrics: this.recorder.finish(),
      wallMs: Number(this.replayNs) / 1e6,
    };
  }

  private alloc(event: Extract<TraceEvent, { op: 'alloc' }>): void {
    if (this.blocks.get(event.id)?.state === LIVE) {
      this.problem(event.line, 'duplicate-alloc', `block ${event.id} allocated again while still live (a free is missing)`);
      return;
    }
    const address = this.call(event.line, () => this.allocator.alloc(event.size, event.align));
    if (address === REFUSED) return;
    this.ops.alloc++;
    this.countAllocation();
    if (address === null) {
      this.failures++;
      this.mark(event.id, ABSENT, 0, 0);
      return;
    }
    this.mark(event.id, LIVE, address, event.size);
    this.liveBytes += event.size;
  }

  private free(event: Extract<TraceEvent, { op: 'free' }>): void {
    const block = this.blocks.get(event.id);
    if (block === undefined || block.state === FREED) {
      this.missing(event.line, event.id, block, 'free');
      return;
    }
    if (block.state === LIVE) {
      if (this.call(event.line, () => this.allocator.free(block.address)) === REFUSED) return;
      this.liveBytes -= block.size;
    }
    // A block that never got allocated (ABSENT) is freed quietly: the program did free it.
    this.ops.free++;
    this.mark(event.id, FREED, 0, 0);
  }

  private realloc(event: Extract<TraceEvent, { op: 'realloc' }>): void {
    const block = this.blocks.get(event.id);
    if (block === undefined || block.state === FREED) {
      this.missing(event.line, event.id, block, 'realloc');
      return;
    }
    if (event.newId !== event.id && this.blocks.get(event.newId)?.state === LIVE) {
      this.problem(event.line, 'duplicate-alloc', `realloc names its result ${event.newId}, which is still live (a free is missing)`);
      return;
    }
    const old = block.state === LIVE ? { address: block.address, size: block.size } : null;
    // An ABSENT block's allocation failed earlier: the program would allocate afresh.
    const address = this.call(event.line, () =>
      old === null ? this.allocator.alloc(event.size, event.align) : this.allocator.realloc(old.address, event.size, event.align),
    );
    if (address === REFUSED) return;
    this.ops.realloc++;
    this.countAllocation();
    if (old !== null) this.liveBytes -= old.size;
    if (event.newId !== event.id) this.mark(event.id, FREED, 0, 0);
    if (address === null) {
      this.failures++;
      // The old block stays live in the policy, but the trace moves on to newId: give it
      // back and go on with the block absent, as for a failed alloc.
      if (old !== null) this.call(event.line, () => this.allocator.free(old.address));
      this.mark(event.newId, ABSENT, 0, 0);
      return;
    }
    this.mark(event.newId, LIVE, address, event.size);
    this.liveBytes += event.size;
  }

  /** Sets an id's state in place (no Map delete, see `blocks`), sweeping tombstones in bulk. */
  private mark(id: string, state: Block['state'], address: number, size: number): void {
    const block = this.blocks.get(id);
    if (block === undefined) {
      this.blocks.set(id, { state, address, size });
    } else {
      if (block.state === FREED) this.tombstones--;
      block.state = state;
      block.address = address;
      block.size = size;
    }
    if (state === FREED && ++this.tombstones >= this.tombstoneLimit) {
      const kept = new Map<string, Block>();
      for (const [k, b] of this.blocks) if (b.state !== FREED) kept.set(k, b);
      this.blocks = kept;
      this.tombstones = 0;
    }
  }

  /** Marks this event as an allocation call; step() takes its work delta once, after it. */
  private countAllocation(): void {
    this.allocated = true;
  }

  private missing(line: number, id: string, block: Block | undefined, what: string): void {
    if (block !== undefined) this.problem(line, 'double-free', `${what} of block ${id}, which was already freed`);
    else this.problem(line, 'unknown-pointer', `${what} of block ${id}, which was never allocated`);
  }

  /** Runs a policy call; a HeapError becomes a problem and the result REFUSED. */
  private call<T>(line: number, fn: () => T): T | typeof REFUSED {
    try {
      return fn();
    } catch (err) {
      if (!(err instanceof HeapError)) throw err;
      const kind: ProblemKind = err.code === 'bad-request' ? 'unsupported' : err.code;
      this.problem(line, kind, `${this.allocator.policy}: ${err.message}`);
      return REFUSED;
    }
  }

  private problem(line: number, kind: ProblemKind, message: string): void {
    const problem: TraceProblem = { file: this.file, line, kind, message };
    if (this.mode === 'strict') throw new TraceError(problem);
    this.problemCount++;
    this.problemsByKind[kind] = (this.problemsByKind[kind] ?? 0) + 1;
    if (this.problems.length < this.keep) this.problems.push(problem);
  }
}

/** Replays batches (as readTrace yields them, or plain arrays) on one allocator. */
export async function replay(
  batches: AsyncIterable<readonly TraceEvent[]> | Iterable<readonly TraceEvent[]>,
  allocator: Allocator,
  options: ReplayOptions = {},
): Promise<ReplayOutcome> {
  const replayer = new Replayer(allocator, options);
  for await (const batch of batches) replayer.apply(batch);
  return replayer.finish();
}

/** Replays a hand-made or in-memory event list synchronously. */
export function replayEvents(events: readonly TraceEvent[], allocator: Allocator, options: ReplayOptions = {}): ReplayOutcome {
  const replayer = new Replayer(allocator, options);
  replayer.apply(events);
  return replayer.finish();
}
