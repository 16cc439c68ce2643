/**
 * Replays a recorded program's heap operations on one allocator policy. Trace ids name
 * blocks; the replayer maps them to the blocks this policy hands out (by its handles), keeps the
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
import { type EventColumns, OP_ALLOC, OP_FREE } from '../traces/columns';
import { type ProblemMode, type TraceEvent, type TraceProblem, TraceError } from '../traces/types';
import { type Metrics, MetricsRecorder, DEFAULT_MAX_BUCKETS } from './metrics';
import { TimeSeriesProbe, type TimePoint } from './analyses/time-series';
import { AddressMapProbe, type AddressMap } from './analyses/address-map';
import { grown } from '../engine/grown';

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
  /** Record the heap over time (analyses/time-series.ts: true, or the most points to keep) and its address map (analyses/address-map.ts). Default off. */
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
  /** The heap over time and where blocks sat, when asked for (ReplayOptions.timeSeries). */
  timeSeries?: TimePoint[];
  addressMap?: AddressMap;
}

/** What the replay knows of a block, by its number. */
const UNUSED = 0;
const LIVE = 1;
/** Freed and not allocated again: a second free is a double free, not an unknown pointer. */
const FREED = 2;
/** Its allocation failed under the limit: the program would have gone on without it. */
const ABSENT = 3;
/** The policy refused the request (a HeapError, reported): its free or realloc is quiet, like ABSENT's. */
const REFUSED = 4;

/** Alignment by its log2, as the columns store it. */
const POW2 = Array.from({ length: 64 }, (_, k) => 2 ** k);

/** Default for ReplayOptions.tombstoneLimit. */
const TOMBSTONE_LIMIT = 1 << 20;

/**
 * Replays events on one allocator. Blocks are block numbers (small integers, see traces/columns.ts):
 * their state, the policy's handle for them and the requested size sit in typed arrays, so an
 * event costs array reads, the policy call and one metrics sample, no lookups by id or address.
 * The replayer owns the allocator's blocks: it allocates, frees and resizes by handle.
 *
 * Columns from readColumns come with block numbers already given and checked (every free is of a live
 * block); TraceEvents name blocks by id, so apply() first maps ids to block numbers and checks them
 * (duplicate alloc, unknown pointer, double free) as the reader would.
 */
export class Replayer {
  private state: Uint8Array = new Uint8Array(1024);
  /** The policy's handle of each live block (see Allocator.allocBlock): no address lookups. */
  private handle: Int32Array = new Int32Array(1024);
  private size: Float64Array = new Float64Array(1024);
  private readonly recorder: MetricsRecorder;
  private readonly probe: TimeSeriesProbe | undefined;
  private readonly map: AddressMapProbe | undefined;
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
  /** Time spent replaying (in apply/step), not reading: policies replayed in lockstep share the reading. */
  private replayNs = 0n;
  /** apply()'s ids: id -> block number, entries kept while FREED (tombstones) until a sweep. */
  private readonly ids = new Map<string, number>();
  private readonly tombstoneLimit: number;
  private tombstones = 0;
  private spareNumbers: number[] = [];
  private nextNumber = 0;

  constructor(private readonly allocator: Allocator, options: ReplayOptions = {}) {
    this.mode = options.mode ?? 'lenient';
    this.file = options.file ?? '<trace>';
    this.keep = options.keepProblems ?? 50;
    this.tombstoneLimit = options.tombstoneLimit ?? TOMBSTONE_LIMIT;
    this.recorder = new MetricsRecorder(options.maxBuckets ?? DEFAULT_MAX_BUCKETS);
    const ts = options.timeSeries;
    this.probe = ts ? new TimeSeriesProbe(ts === true ? undefined : ts) : undefined;
    this.map = ts ? new AddressMapProbe() : undefined;
    this.lastWork = allocator.counters().work;
  }

  /** Events replayed so far. */
  get eventsReplayed(): number {
    return this.events;
  }

  /** Replays events [from, to) of a column chunk. */
  applyColumns(c: EventColumns, from = 0, to = c.length): void {
    const start = process.hrtime.bigint();
    try {
      this.ensureNumbers(c.blockNumbers);
      this.run(c, from, to);
    } finally {
      this.replayNs += process.hrtime.bigint() - start;
    }
  }

  /**
   * The loop of applyColumns, on its own with nothing after it: V8 compiles a hot loop while
   * it runs (on-stack replacement), before the code after the loop has ever run, and code
   * without type feedback there sends every later call back to the interpreter at the loop's
   * end (seen: four deoptimizations a pass, each a recompile of the whole inlined replay).
   */
  private run(c: EventColumns, from: number, to: number): void {
    const op = c.op;
    const block = c.block;
    const newBlock = c.newBlock;
    const size = c.size;
    const alignLog2 = c.alignLog2;
    const line = c.line;
    for (let i = from; i < to; i++) {
      this.events++;
      const o = op[i];
      if (o === OP_ALLOC) this.allocAt(block[i], size[i], POW2[alignLog2[i]], line[i]);
      else if (o === OP_FREE) this.freeAt(block[i], line[i]);
      else this.reallocAt(block[i], newBlock[i], size[i], POW2[alignLog2[i]], line[i]);
      this.sample();
    }
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

  /** One event: check its ids, apply it (or record why not), then sample the heap. */
  step(event: TraceEvent): void {
    this.events++;
    switch (event.op) {
      case 'alloc': {
        const known = this.ids.get(event.id);
        if (known !== undefined && this.state[known] === LIVE) {
          this.problem(event.line, 'duplicate-alloc', `block ${event.id} allocated again while still live (a free is missing)`);
          break;
        }
        const block = this.numberOf(event.id);
        if (this.state[block] === FREED) this.tombstones--;
        this.allocAt(block, event.size, event.align, event.line);
        break;
      }
      case 'free': {
        const block = this.ids.get(event.id);
        if (block === undefined || this.state[block] === FREED) {
          this.missing(event.line, event.id, block, 'free');
          break;
        }
        if (this.freeAt(block, event.line)) this.buried();
        break;
      }
      case 'realloc': {
        const block = this.ids.get(event.id);
        if (block === undefined || this.state[block] === FREED) {
          this.missing(event.line, event.id, block, 'realloc');
          break;
        }
        const moved = event.newId !== event.id;
        let target = block;
        if (moved) {
          const known = this.ids.get(event.newId);
          if (known !== undefined && this.state[known] === LIVE) {
            this.problem(event.line, 'duplicate-alloc', `realloc names its result ${event.newId}, which is still live (a free is missing)`);
            break;
          }
          target = this.numberOf(event.newId);
        }
        const targetWasFreed = moved && this.state[target] === FREED;
        if (!this.reallocAt(block, target, event.size, event.align, event.line)) break;
        // Tombstones in the order a reader keeps them: the old id dies, then the new one lives.
        if (moved && this.buried()) break;
        if (targetWasFreed) this.tombstones--;
        break;
      }
    }
    this.sample();
  }

  finish(): ReplayOutcome {
    const timeSeries = this.probe?.finish(this.events, this.allocator, this.liveBytes, this.recorder.fragmentation(), this.ops.alloc + this.ops.realloc, this.failures);
    const addressMap = this.map?.finish(this.events, this.liveNumbers());
    return {
      ...(timeSeries === undefined ? {} : { timeSeries }),
      ...(addressMap === undefined ? {} : { addressMap }),
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

  // ---- one event on block numbers: the same for columns and TraceEvents ----------------------

  /** After each event: search length of an allocation call, then one metrics point. */
  private sample(): void {
    // counters(), not stats(): stats() finds the largest free block, a walk per event for list policies.
    const c = this.allocator.counters();
    // Search length: blocks the policy examined for this allocation (a skipped event made none).
    if (this.allocated) this.recorder.allocation(c.work - this.lastWork);
    this.allocated = false;
    this.lastWork = c.work;
    this.recorder.sample(this.liveBytes, c.top, c.peakTop);
    const probe = this.probe;
    if (probe !== undefined && this.events >= probe.next) {
      probe.sample(this.events, this.allocator, this.liveBytes, this.recorder.fragmentation(), this.ops.alloc + this.ops.realloc, this.failures);
    }
  }

  private allocAt(block: number, size: number, align: number, line: number): void {
    let handle: number;
    try {
      handle = this.allocator.allocBlock(size, align);
    } catch (err) {
      this.refused(err, line);
      this.state[block] = REFUSED;
      return;
    }
    this.ops.alloc++;
    this.allocated = true;
    if (handle < 0) {
      this.failures++;
      this.state[block] = ABSENT;
      return;
    }
    this.state[block] = LIVE;
    this.handle[block] = handle;
    this.size[block] = size;
    this.liveBytes += size;
    if (this.map !== undefined) this.map.placed(block, this.allocator.addressOf(handle), size, this.events);
  }

  /** Frees a block that is live, absent or refused; false when the policy refused the free. */
  private freeAt(block: number, line: number): boolean {
    if (this.state[block] === LIVE) {
      try {
        this.allocator.freeBlock(this.handle[block]);
      } catch (err) {
        this.refused(err, line);
        return false;
      }
      this.liveBytes -= this.size[block];
      if (this.map !== undefined) this.map.released(block, this.events);
    }
    // A block that never got allocated (ABSENT, REFUSED) is freed quietly: the program did free it.
    this.ops.free++;
    this.state[block] = FREED;
    return true;
  }

  /** Resizes block number `block` into `target` (the same number when it stays the block); false when refused. */
  private reallocAt(block: number, target: number, size: number, align: number, line: number): boolean {
    const wasLive = this.state[block] === LIVE;
    const oldHandle = this.handle[block];
    const oldSize = this.size[block];
    let handle: number;
    try {
      // An ABSENT or REFUSED block's allocation failed earlier: the program would allocate afresh.
      handle = wasLive ? this.allocator.reallocBlock(oldHandle, size, align) : this.allocator.allocBlock(size, align);
    } catch (err) {
      this.refused(err, line);
      return false;
    }
    this.ops.realloc++;
    this.allocated = true;
    if (wasLive) this.liveBytes -= oldSize;
    if (wasLive && this.map !== undefined) this.map.released(block, this.events);
    if (target !== block) this.state[block] = FREED;
    if (handle < 0) {
      this.failures++;
      // The old block stays live in the policy, but the trace moves on to the new block: give
      // it back and go on with the block absent, as for a failed alloc.
      if (wasLive) {
        try {
          this.allocator.freeBlock(oldHandle);
        } catch (err) {
          this.refused(err, line);
        }
      }
      this.state[target] = ABSENT;
      return true;
    }
    this.state[target] = LIVE;
    this.handle[target] = handle;
    this.size[target] = size;
    this.liveBytes += size;
    if (this.map !== undefined) this.map.placed(target, this.allocator.addressOf(handle), size, this.events);
    return true;
  }

  /** A HeapError from the policy becomes a problem; anything else is a bug and goes on up. */
  private refused(err: unknown, line: number): void {
    if (!(err instanceof HeapError)) throw err;
    const kind: ProblemKind = err.code === 'bad-request' ? 'unsupported' : err.code;
    this.problem(line, kind, `${this.allocator.policy}: ${err.message}`);
  }

  /** Block numbers live now. */
  private *liveNumbers(): Iterable<number> {
    for (let b = 0; b < this.state.length; b++) if (this.state[b] === LIVE) yield b;
  }

  private ensureNumbers(numbers: number): void {
    if (numbers <= this.state.length) return;
    let n = this.state.length;
    while (n < numbers) n *= 2;
    this.state = grown(this.state, n);
    this.handle = grown(this.handle, n);
    this.size = grown(this.size, n);
  }

  // ---- ids of TraceEvents ----------------------------------------------------------

  /** The block number of an id, given a fresh (UNUSED) one the first time. */
  private numberOf(id: string): number {
    let block = this.ids.get(id);
    if (block === undefined) {
      block = this.spareNumbers.length > 0 ? this.spareNumbers.pop()! : this.nextNumber++;
      this.ensureNumbers(block + 1);
      this.state[block] = UNUSED;
      this.ids.set(id, block);
    }
    return block;
  }

  /** One more freed id kept; true when that made a sweep (every freed id forgotten). */
  private buried(): boolean {
    if (++this.tombstones < this.tombstoneLimit) return false;
    for (const [id, block] of this.ids) {
      if (this.state[block] !== FREED) continue;
      this.ids.delete(id);
      this.spareNumbers.push(block);
    }
    this.tombstones = 0;
    return true;
  }

  private missing(line: number, id: string, block: number | undefined, what: string): void {
    if (block !== undefined) this.problem(line, 'double-free', `${what} of block ${id}, which was already freed`);
    else this.problem(line, 'unknown-pointer', `${what} of block ${id}, which was never allocated`);
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
