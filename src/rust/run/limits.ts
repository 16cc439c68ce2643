/**
 * The budgets a run is held to, each one a user can see (DEFAULT_LIMITS, RustRun.limits) and set
 * (runRust's options, `memscope run --max-steps/--time-limit/--memory-limit/--heap-limit`):
 *   maxStatements  statements, loop passes and calls (an endless loop or recursion);
 *   timeLimitMs    wall time of the run;
 *   memoryLimit    the interpreter's own memory (its JavaScript heap, timeline columns included):
 *                  a long run records every event, so a runaway one would otherwise take the
 *                  machine's memory (fib(40) reached 5 GB in a minute);
 *   heapLimit      the model's heap: growing it past this fails as a real allocation does
 *                  ("memory allocation of N bytes failed", an abort), see Machine.alloc.
 * The first three end the run with a RustBudgetError that keeps the run so far (`partial`).
 */
import { RustMemoryLimitError, RustStepLimitError, RustTimeLimitError } from '../errors';
import type { RunLimits } from './result';
import { growableBytes } from '../../engine/timeline/columns';

const MiB = 2 ** 20;


/**
 * Defaults generous for a course program, small enough that a runaway one ends in seconds near
 * 1 GB of process memory (the timeline's columns are joined and handed over once the run ends,
 * so the process peaks at about twice the interpreter's memory). 512 MiB lets an endless
 * recursion reach the 8 MiB stack's overflow (~350,000 frames take ~420 MiB), the lesson such a
 * program is run for.
 */
export const DEFAULT_LIMITS: Readonly<RunLimits> = {
  maxStatements: 10_000_000,
  timeLimitMs: 60_000,
  memoryLimit: 512 * MiB,
  heapLimit: 8 * 1024 * MiB,
};

/** The option names runRust takes for each limit (maxSteps is maxStatements' older name). */
export interface LimitOptions {
  maxStatements?: number;
  maxSteps?: number;
  timeLimitMs?: number;
  memoryLimit?: number;
  heapLimit?: number;
}

function positive(name: string, value: unknown, what: string, whole: boolean): number {
  const ok = typeof value === 'number' && (whole ? Number.isSafeInteger(value) : Number.isFinite(value)) && value > 0;
  if (!ok) {
    throw new RangeError(`runRust: option ${name} must be a positive ${what}, got ${typeof value === 'number' ? String(value) : typeof value}`);
  }
  return value as number;
}

/**
 * The limits the options ask for, defaults filled in. NaN, Infinity, negatives and (for counts and
 * bytes) fractions are refused: every comparison with NaN is false, so a NaN limit would be none.
 */
export function runLimits(options: LimitOptions): RunLimits {
  const [name, steps] = options.maxStatements !== undefined ? ['maxStatements', options.maxStatements] : ['maxSteps', options.maxSteps];
  const pick = (key: 'timeLimitMs' | 'memoryLimit' | 'heapLimit', what: string, whole: boolean): number =>
    options[key] === undefined ? DEFAULT_LIMITS[key] : positive(key, options[key], what, whole);
  return {
    maxStatements: steps === undefined ? DEFAULT_LIMITS.maxStatements : positive(name, steps, 'whole number of statements (at most 2^53 - 1)', true),
    timeLimitMs: pick('timeLimitMs', 'number of milliseconds', false),
    memoryLimit: pick('memoryLimit', 'whole number of bytes', true),
    heapLimit: pick('heapLimit', 'whole number of bytes', true),
  };
}

/** Bytes the interpreter's JavaScript heap holds (typed arrays included), or null where it cannot be read (a browser). */
const heapStatistics: (() => { used_heap_size: number; external_memory?: number }) | null = (() => {
  try {
    const req = typeof module !== 'undefined' && typeof module.require === 'function' && typeof process !== 'undefined' && process.versions?.node ? module.require.bind(module) : null;
    return req ? (req('node:v8') as typeof import('node:v8')).getHeapStatistics : null;
  } catch {
    return null;
  }
})();

export function interpreterMemory(): number | null {
  if (!heapStatistics) return null;
  const s = heapStatistics();
  // The timeline's columns grow in resizable buffers, which V8's statistics leave out.
  return s.used_heap_size + (s.external_memory ?? 0) + growableBytes();
}

/** Steps between looks at the clock, and milliseconds between looks at the memory (each look costs ~10 µs). */
const CHECK_EVERY = 1024;
const MEMORY_EVERY_MS = 20;

/** What the run's counters look like to the watch (run/context.ts's Runtime). */
interface Counters {
  statements: number;
  iterations: number;
  calls: number;
  /** The count at which the watch looks next: the hot path compares with this alone. */
  checkAt: number;
}

/**
 * Holds a run to its limits; the interpreter calls `reached` when its count passes `checkAt`.
 * Memory is counted from the run's start: on a caller's thread (a notebook kernel, a test) the
 * heap already holds the caller's own objects.
 */
export class LimitWatch {
  private readonly started = Date.now();
  private nextMemoryLook = 0;
  private readonly baseline: number;

  constructor(readonly limits: RunLimits, private readonly memory: () => number | null = interpreterMemory) {
    this.baseline = memory() ?? 0;
  }

  /** The first count to look at. */
  get firstCheck(): number {
    return Math.min(this.limits.maxStatements, CHECK_EVERY);
  }

  reached(rt: Counters, line: number): void {
    const spent = rt.statements + rt.iterations + rt.calls;
    if (spent > this.limits.maxStatements) throw new RustStepLimitError(this.limits.maxStatements, line);
    const time = Date.now();
    if (time - this.started > this.limits.timeLimitMs) throw new RustTimeLimitError(this.limits.timeLimitMs, line);
    if (time >= this.nextMemoryLook) {
      this.nextMemoryLook = time + MEMORY_EVERY_MS;
      const now = this.memory();
      const used = now === null ? null : now - this.baseline;
      if (used !== null && used > this.limits.memoryLimit) throw new RustMemoryLimitError(this.limits.memoryLimit, used, line);
    }
    rt.checkAt = Math.min(this.limits.maxStatements, spent + CHECK_EVERY);
  }
}
