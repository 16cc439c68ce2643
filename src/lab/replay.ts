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

export interface ReplayOptions {
  /** strict: throw TraceError at the first problem; lenient (default): skip, count, report. */
  mode?: ProblemMode;
  /** Name of the trace, for problem messages. */
  file?: string;
  /** How many problems are kept in full (all are counted). Default 50. */
  keepProblems?: number;
  /** Cap on time-series buckets. */
  maxBuckets?: number;
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
  wallMs: number;
}

/** What a policy call returns when the policy threw a HeapError (already reported). */
const REFUSED = Symbol('refused');

interface LiveBlock {
  address: number;
  size: number;
}

export class Replayer {
  private readonly live = new Map<string, LiveBlock>();
  /** Ids freed and not allocated again: a second free is a double free, not an unknown pointer. */
  private readonly freed = new Set<string>();
  /** Ids whose allocation failed under the limit: the program would have gone on without them. */
  private readonly absent = new Set<string>();
  private readonly recorder: MetricsRecorder;
  private readonly mode: ProblemMode;
  private readonly file: string;
  private readonly keep: number;
  private liveBytes = 0;
  private lastWork: number;
  private allocated = false;
  private events = 0;
  private readonly ops = { alloc: 0, free: 0, realloc: 0 };
  private failures = 0;
  private problemCount = 0;
  private readonly problemsByKind: Partial<Record<ProblemKind, number>> = {};
  private readonly problems: TraceProblem[] = [];
  private readonly started = process.hrtime.bigint();

  constructor(private readonly allocator: Allocator, options: ReplayOptions = {}) {
    this.mode = options.mode ?? 'lenient';
    this.file = options.file ?? '<trace>';
    this.keep = options.keepProblems ?? 50;
    this.recorder = new MetricsRecorder(options.maxBuckets ?? DEFAULT_MAX_BUCKETS);
    this.lastWork = allocator.stats().work;
  }

  /** Applies one batch of events in order. */
  apply(batch: readonly TraceEvent[]): void {
    for (const event of batch) this.step(event);
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
    const stats = this.allocator.stats();
    // Search length: blocks the policy examined for this allocation (a skipped event made none).
    if (this.allocated) this.recorder.allocation(stats.work - this.lastWork);
    this.allocated = false;
    this.lastWork = stats.work;
    this.recorder.sample(this.liveBytes, stats.top, stats.peakTop);
  }

  finish(): ReplayOutcome {
    return {
      policy: this.allocator.policy,
      events: this.events,
      ops: { ...this.ops },
      failures: this.failures,
      problemCount: this.problemCount,
      problemsByKind: { ...this.problemsByKind },
      problems: this.problems.slice(),
      metrics: this.recorder.finish(),
      wallMs: Number(process.hrtime.bigint() - this.started) / 1e6,
    };
  }

  private alloc(event: Extract<TraceEvent, { op: 'alloc' }>): void {
    if (this.live.has(event.id)) {
      this.problem(event.line, 'duplicate-alloc', `block ${event.id} allocated again while still live (a free is missing)`);
      return;
    }
    const address = this.call(event.line, () => this.allocator.alloc(event.size, event.align));
    if (address === REFUSED) return;
    this.ops.alloc++;
    this.freed.delete(event.id);
    this.countAllocation();
    if (address === null) {
      this.failures++;
      this.absent.add(event.id);
      return;
    }
    this.absent.delete(event.id);
    this.live.set(event.id, { address, size: event.size });
    this.liveBytes += event.size;
  }

  private free(event: Extract<TraceEvent, { op: 'free' }>): void {
    const block = this.live.get(event.id);
    if (block === undefined) {
      if (this.absent.delete(event.id)) {
        this.ops.free++;
        this.freed.add(event.id);
        return;
      }
      this.missing(event.line, event.id, 'free');
      return;
    }
    if (this.call(event.line, () => this.allocator.free(block.address)) === REFUSED) return;
    this.ops.free++;
    this.live.delete(event.id);
    this.freed.add(event.id);
    this.liveBytes -= block.size;
  }

  private realloc(event: Extract<TraceEvent, { op: 'realloc' }>): void {
    const block = this.live.get(event.id);
    if (block === undefined && !this.absent.has(event.id)) {
      this.missing(event.line, event.id, 'realloc');
      return;
    }
    if (event.newId !== event.id && this.live.has(event.newId)) {
      this.problem(event.line, 'malformed', `realloc names its result ${event.newId}, which is still live (a free is missing)`);
      return;
    }
    if (block === undefined) {
      // The block's allocation failed earlier: the program would allocate afresh.
      const address = this.call(event.line, () => this.allocator.alloc(event.size, event.align));
      if (address === REFUSED) return;
      this.ops.realloc++;
      this.countAllocation();
      this.absent.delete(event.id);
      this.freed.delete(event.newId);
      if (address === null) {
        this.failures++;
        this.absent.add(event.newId);
        return;
      }
      this.live.set(event.newId, { address, size: event.size });
      this.liveBytes += event.size;
      return;
    }
    const address = this.call(event.line, () => this.allocator.realloc(block.address, event.size, event.align));
    if (address === REFUSED) return;
    this.ops.realloc++;
    this.countAllocation();
    this.live.delete(event.id);
    this.liveBytes -= block.size;
    if (event.newId !== event.id) this.freed.add(event.id);
    this.freed.delete(event.newId);
    if (address === null) {
      // The old block stays live in the policy, but the trace moves on to newId: give it
      // back and go on with the block absent, as for a failed alloc.
      this.failures++;
      this.call(event.line, () => this.allocator.free(block.address));
      this.absent.add(event.newId);
      return;
    }
    this.live.set(event.newId, { address, size: event.size });
    this.liveBytes += event.size;
  }

  /** Marks this event as an allocation call; step() takes its work delta once, after it. */
  private countAllocation(): void {
    this.allocated = true;
  }

  private missing(line: number, id: string, what: string): void {
    if (this.freed.has(id)) this.problem(line, 'double-free', `${what} of block ${id}, which was already freed`);
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
