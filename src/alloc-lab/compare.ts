/**
 * Replays one or several traces under several policies and gathers one PolicyResult per
 * (trace, policy), in (trace, policy) order. Each trace is read once, in this thread, into
 * chunks of columns (readColumns); a task replays them on a group of policies in lockstep.
 * With more than one job, tasks run on worker threads that read the chunks in place from
 * SharedArrayBuffers while this thread reads on (so parsing overlaps replaying); with one,
 * in this thread. Either way a stop (AbortSignal) keeps what was replayed so far.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { POLICIES } from '../engine/allocators';
import type { EventColumns } from '../traces/columns';
import { readColumns } from '../traces/read-trace';
import { TraceError, type ProblemMode } from '../traces/types';
import type { AnalyseOptions, AnalysedTrace } from './analyses/analyse';
import { provenance } from './analyses/provenance';
import type { Provenance, PolicyResult, ReplaySettings } from '../format/lab-report';
import type { ReplayOutcome } from './replay';
import { KEEP_PROBLEMS, mergeProblems, ReplayGroup, type ReplayProgress } from './replay-trace';
import { labReport, policyResult, type LabReport } from './result';
import type { FromWorker, ToWorker } from './worker-protocol';

export interface CompareOptions {
  /** Policy names (see POLICIES); default every policy. */
  policies?: string[];
  /** Allocator granule (default 16), header bytes (default 0), heap limit in bytes (default none). */
  align?: number;
  header?: number;
  limit?: number;
  mode?: ProblemMode;
  /**
   * Threads to use; 1 runs everything in this thread. With more, each task replays on a worker
   * of its own (at most one per task) while this thread reads the traces, so reading overlaps
   * replaying even for a single task. Default: one per core.
   */
  jobs?: number;
  onProgress?: (event: CompareProgress) => void;
  /**
   * Stops the replays when aborted (Ctrl-C in the CLI, a notebook's interrupt, see kernel
   * `interruptible`): every replay stops within milliseconds, in this thread or a worker, and
   * the promise rejects with a ReplayInterrupted whose message is the signal's reason and whose
   * `partial` report holds what was replayed until then.
   */
  signal?: AbortSignal;
  /**
   * Also analyse each trace (sites, sizes, lifetimes, leaks: on this thread, from the columns
   * read for the replay, while the workers replay them) and record each policy's heap over
   * time. Default off.
   */
  analyses?: boolean | Omit<AnalyseOptions, 'mode' | 'signal'>;
  /** The command line, for the report's provenance. */
  command?: string[];
}

export interface CompareProgress {
  trace: string;
  /** The policies this task replays the trace on. */
  policies: string[];
  /** Which task of how many (see planTasks). */
  task: number;
  tasks: number;
  progress: ReplayProgress;
  done: boolean;
  /** With done: this task's results, one per policy (a study stores each as soon as it is in). */
  results?: PolicyResult[];
}

export interface PlannedTask {
  trace: string;
  /** Index of the trace in the list given to compare. */
  traceIndex: number;
  policies: string[];
}

/**
 * Splits the work into tasks. Reading a trace costs more than replaying it on one fast
 * policy, so each trace is read as few times as keeps `jobs` threads busy: once when there
 * are at least as many traces as jobs, else into jobs/traces groups of policies (dealt
 * round-robin, so slow policies spread out). Groups also replay faster than all policies in one
 * thread: each V8 isolate sees fewer allocator classes at its call sites. Measured on cc1 (cpu,
 * cold, each group in a fresh thread): the nine default policies 810 ms in one, 391 + 238 ms in
 * the two groups of two jobs; the main thread's reading fills the gap on two cores.
 */
export function planTasks(traces: readonly string[], policies: readonly string[], jobs: number): PlannedTask[] {
  const groups = Math.max(1, Math.min(policies.length, Math.floor(jobs / traces.length)));
  return traces.flatMap((trace, traceIndex) =>
    Array.from({ length: groups }, (_, g) => ({ trace, traceIndex, policies: policies.filter((_, i) => i % groups === g) })),
  );
}

/** Every policy name createAllocator knows. */
export function allPolicies(): string[] {
  return POLICIES.map((p) => p.name);
}

/**
 * What compare rejects with when its signal is aborted: the reason's message, and the results
 * so far. Each partial result covers the events its policy replayed before the stop (`events`),
 * a prefix of the trace; `readEvents` says how many the trace had been read to.
 */
export class ReplayInterrupted extends Error {
  constructor(readonly reason: unknown, readonly partial: LabReport, readonly readEvents: number[]) {
    super(reason instanceof Error ? reason.message : String(reason ?? 'replay stopped'));
    this.name = 'ReplayInterrupted';
  }
}

export async function compare(traces: string[], options: CompareOptions = {}): Promise<LabReport> {
  const policies = options.policies ?? allPolicies();
  const known = new Set(allPolicies());
  const unknown = policies.filter((p) => !known.has(p));
  if (unknown.length) throw new Error(`unknown policy ${unknown.map((p) => `'${p}'`).join(', ')}; valid policies: ${[...known].join(', ')}`);
  if (traces.length === 0) throw new Error('no trace given');
  if (traces.filter((t) => t === '-').length > 1) throw new Error("'-' (stdin) can be read only once: give it as one trace");
  options.signal?.throwIfAborted();
  const settings: ReplaySettings = {
    align: options.align ?? 16,
    header: options.header ?? 0,
    limit: options.limit ?? null,
    mode: options.mode ?? 'lenient',
  };
  const jobs = Math.max(1, options.jobs ?? os.availableParallelism());
  const plan = planTasks(traces, policies, jobs);
  const analyses = options.analyses ? (options.analyses === true ? {} : options.analyses) : undefined;
  const prov = provenance(traces, { align: settings.align, header: settings.header, limit: settings.limit }, options.command ?? null);
  const run = new Run(traces, plan, settings, jobs > 1 ? Math.min(jobs, plan.length) : 0, options, analyses);
  return run.go(policies, prov);
}

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on demand, see loadAnalyses */
/**
 * The analyses' modules, loaded only when a run asks for them: with the symboliser (and its
 * child_process) they are a fifth of what `memscope replay` loads, and most runs need none.
 */
function loadAnalyses(): Pick<typeof import('./analyses/analyse'), 'finishAnalysis'> & Pick<typeof import('./analyses/trace-analysis'), 'TraceAnalyser'> {
  const { finishAnalysis } = require('./analyses/analyse') as typeof import('./analyses/analyse');
  const { TraceAnalyser } = require('./analyses/trace-analysis') as typeof import('./analyses/trace-analysis');
  return { finishAnalysis, TraceAnalyser };
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** Chunks a worker may have waiting before the reader waits for it: bounds memory on any trace. */
const MAX_IN_FLIGHT = 4;

/** Where a task's policies replay: this thread or a worker. */
interface Lane {
  /** Replays (or hands over) one chunk; resolves when the lane may be fed again. */
  feed(chunk: EventColumns): Promise<void>;
  /** Called with each chunk fed, in order, once the lane is done reading it. */
  released: (chunk: EventColumns) => void;
  /** The outcomes once every chunk fed is replayed (or skipped after a stop). */
  finish(): Promise<ReplayOutcome[]>;
  /** Events replayed so far on each of the lane's policies. */
  readonly events: number;
}

/** One compare call: the plan, the workers, the stop, the results. */
class Run {
  private readonly byTask: PolicyResult[][] = [];
  private readonly readEvents: number[];
  private readonly read: PlannedTask[][];
  private readonly stopFlag: Int32Array = new Int32Array(new SharedArrayBuffer(4));
  private stopping = false;
  private error: Error | null = null;
  private readonly workers: LabWorker[] = [];
  private readonly idle: LabWorker[] = [];
  private readonly waiting: Array<() => void> = [];
  /** Called when a stop is asked for (abort or failure): see orStop. */
  private readonly onStop = new Set<() => void>();
  /** Resolves when a failure happened. */
  private readonly failed: Promise<void>;
  private onAbort: () => void = () => {};
  private onFailed: () => void = () => {};
  /** With analyses: each trace's, once it is read in full. */
  private readonly analysed: Promise<AnalysedTrace>[] = [];
  /** Record each policy's heap over time (with analyses). */
  private readonly timeSeries: boolean;

  constructor(
    private readonly traces: string[],
    private readonly plan: PlannedTask[],
    private readonly settings: ReplaySettings,
    /** Worker threads (0: every task replays in this thread). */
    private readonly threads: number,
    private readonly options: CompareOptions,
    private readonly analyses: Omit<AnalyseOptions, 'mode' | 'signal'> | undefined,
  ) {
    this.timeSeries = analyses !== undefined;
    this.readEvents = traces.map(() => 0);
    this.read = traces.map((_, i) => plan.filter((t) => t.traceIndex === i));
    this.onAbort = () => this.stop();
    this.failed = new Promise<void>((resolve) => (this.onFailed = resolve));
  }

  async go(policies: string[], prov: Promise<Provenance>): Promise<LabReport> {
    const signal = this.options.signal;
    signal?.addEventListener('abort', this.onAbort, { once: true });
    try {
      for (let j = 0; j < this.threads; j++) this.idle.push(this.spawn());
      // Traces start in order as soon as workers for all their tasks are free.
      const running: Promise<void>[] = [];
      for (const [i, tasks] of this.read.entries()) {
        if (this.stopping) break;
        let lanes: Lane[] | null = null;
        if (this.threads > 0) {
          const workers = await this.acquire(tasks.length);
          if (this.stopping) break;
          lanes = workers.map((w, k) => w.lane(tasks[k].trace, tasks[k].policies, this.settings, this.stopFlag, this.timeSeries));
        }
        running.push(this.replayTrace(i, tasks, lanes).catch((err: Error) => this.fail(err)));
        if (lanes === null) await running[running.length - 1];
      }
      await Promise.all(running);
    } catch (err) {
      this.fail(err as Error);
    } finally {
      signal?.removeEventListener('abort', this.onAbort);
      for (const w of this.workers) w.close();
    }
    if (this.error) throw this.error;
    if (signal?.aborted) throw new ReplayInterrupted(signal.reason, this.report(policies, { provenance: await prov }), this.readEvents);
    return this.report(policies, { provenance: await prov, analyses: this.analyses && (await Promise.all(this.analysed)) });
  }

  /** Back to (trace, policy) order, for the tasks that ran. */
  private report(policies: string[], extra: { provenance?: Provenance; analyses?: AnalysedTrace[] }): LabReport {
    const results: PolicyResult[] = [];
    this.traces.forEach((_, traceIndex) => {
      for (const policy of policies) {
        const t = this.plan.findIndex((p) => p.traceIndex === traceIndex && p.policies.includes(policy));
        const outcomes = this.byTask[t];
        if (outcomes) results.push(outcomes[this.plan[t].policies.indexOf(policy)]);
      }
    });
    return labReport(results, extra);
  }

  /** Reads trace i once, feeding each chunk to every task's lane. */
  private async replayTrace(traceIndex: number, tasks: PlannedTask[], workerLanes: Lane[] | null): Promise<void> {
    const trace = this.traces[traceIndex];
    let bytesRead = 0;
    let totalBytes: number | undefined;
    // Chunks every lane is done with go back to the reader to be filled again: memory stays
    // bounded by the chunks in flight, whenever the collectors run.
    const spare: EventColumns[] = [];
    const holders = new Map<EventColumns, number>();
    const release = (chunk: EventColumns) => {
      const left = holders.get(chunk)! - 1;
      if (left > 0) holders.set(chunk, left);
      else {
        holders.delete(chunk);
        spare.push(chunk);
      }
    };
    const reader = readColumns(trace, {
      mode: this.settings.mode,
      name: trace,
      maxProblems: KEEP_PROBLEMS,
      shared: workerLanes !== null,
      sites: this.analyses !== undefined,
      onProgress: (read, total) => {
        bytesRead = read;
        totalBytes = total;
      },
      reuse: () => spare.pop(),
    });
    const lanes = workerLanes ?? tasks.map((t) => new HereLane(new ReplayGroup(t.policies, this.settings, trace, { timeSeries: this.timeSeries }), () => this.stopping));
    for (const lane of lanes) lane.released = release;
    const taskIds = tasks.map((t) => this.plan.indexOf(t));
    const progress = (done: boolean) => {
      if (this.stopping) return;
      tasks.forEach((task, k) => {
        const p: ReplayProgress = { bytesRead: done && totalBytes !== undefined ? totalBytes : bytesRead, totalBytes, events: lanes[k].events };
        const results = done ? this.byTask[taskIds[k]] : undefined;
        this.options.onProgress?.({ trace, policies: task.policies, task: taskIds[k], tasks: this.plan.length, progress: p, done, ...(results ? { results } : {}) });
      });
    };
    const analyse = this.analyses && loadAnalyses();
    const analyser = analyse && new analyse.TraceAnalyser({ granule: this.settings.align, ...this.analyses });
    let analysisMs = 0;
    const chunks = reader[Symbol.asyncIterator]();
    try {
      for (;;) {
        const next = await this.orStop(chunks.next());
        if (next === null || next.done || this.stopping) break;
        this.readEvents[traceIndex] += next.value.length;
        holders.set(next.value, lanes.length);
        const fed = Promise.all(lanes.map((lane) => lane.feed(next.value)));
        if (analyser) {
          // Here, while the workers replay the chunk (they only read it too).
          const started = performance.now();
          analyser.addColumns(next.value);
          analysisMs += performance.now() - started;
        }
        await this.orStop(fed);
        progress(false);
      }
      if (analyser && !this.stopping) {
        const analysed = analyse!.finishAnalysis(analyser, trace, reader.sites(), reader.summary().problems.total, this.analyses!, analysisMs);
        analysed.catch(() => {}); // awaited with the report; a failure is reported there, not as unhandled
        this.analysed[traceIndex] = analysed;
      }
      // After a stop the workers skip what is left and answer at once; after a failure, never.
      const outcomes = await Promise.race([Promise.all(lanes.map((lane) => lane.finish())), this.failed.then(() => null)]);
      if (outcomes === null) return;
      const read = reader.summary().problems;
      tasks.forEach((task, k) => {
        this.byTask[taskIds[k]] = outcomes[k].map((o) => policyResult(trace, this.settings, mergeProblems(o, read)));
      });
      progress(true);
    } finally {
      if (!this.stopping) void chunks.return?.(undefined);
    }
  }

  private stop(): void {
    this.stopping = true;
    Atomics.store(this.stopFlag, 0, 1);
    for (const wake of this.waiting.splice(0)) wake();
    for (const wake of this.onStop) wake();
    this.onStop.clear();
  }

  /**
   * p, or null as soon as a stop is asked for. Not Promise.race with one long-pending stop
   * promise: each race leaves a reaction on it that keeps the race's value alive, and the
   * values are chunks (a 10^8-event trace kept 2 GB of them).
   */
  private orStop<T>(p: Promise<T>): Promise<T | null> {
    if (this.stopping) return Promise.resolve(null);
    return new Promise<T | null>((resolve, reject) => {
      const wake = () => resolve(null);
      this.onStop.add(wake);
      p.then(
        (v) => {
          this.onStop.delete(wake);
          resolve(v);
        },
        (err: unknown) => {
          this.onStop.delete(wake);
          reject(err);
        },
      );
    });
  }

  private fail(err: Error): void {
    if (this.error === null) this.error = err;
    for (const w of this.workers) w.close();
    this.onAbort();
    this.onFailed();
  }

  private spawn(): LabWorker {
    const w = new LabWorker((err) => this.fail(err));
    this.workers.push(w);
    return w;
  }

  /** n idle workers, when they are free; a trace gives them back when it is done. */
  private async acquire(n: number): Promise<LabWorker[]> {
    while (this.idle.length < n && !this.stopping) await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.stopping) return [];
    const taken = this.idle.splice(0, n);
    for (const w of taken) w.onDone = () => {
      this.idle.push(w);
      this.waiting.shift()?.();
    };
    return taken;
  }
}

/** A task's policies replayed in this thread, yielding to the event loop every few ms. */
class HereLane implements Lane {
  released: (chunk: EventColumns) => void = () => {};
  constructor(private readonly group: ReplayGroup, private readonly stopped: () => boolean) {}
  get events(): number {
    return this.group.events;
  }
  async feed(chunk: EventColumns): Promise<void> {
    await this.group.replayYielding(chunk, this.stopped);
    this.released(chunk);
  }
  async finish(): Promise<ReplayOutcome[]> {
    return this.group.outcomes();
  }
}

/** A worker thread, reused task after task; `lane` starts a task on it. */
class LabWorker {
  private readonly worker = spawnWorker();
  private closed = false;
  private current: WorkerLane | null = null;
  onDone: () => void = () => {};

  constructor(private readonly fail: (err: Error) => void) {
    this.worker.on('message', (m: FromWorker) => {
      if (m.type === 'error') this.fail(m.problem ? new TraceError(m.problem) : new Error(m.message));
      else this.current?.receive(m);
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => {
      if (!this.closed) this.fail(new Error(`a lab worker exited with code ${code} before finishing`));
    });
  }

  /** Starts replaying trace `name` on `policies` here. */
  lane(name: string, policies: string[], settings: ReplaySettings, stop: Int32Array, timeSeries: boolean): Lane {
    const lane = new WorkerLane(this);
    this.current = lane;
    this.post({ type: 'start', name, policies, settings, stop, ...(timeSeries ? { timeSeries } : {}) });
    return lane;
  }

  /** The task is over: the worker is free for the next. */
  release(): void {
    this.current = null;
    this.onDone();
  }

  post(m: ToWorker): void {
    this.worker.postMessage(m);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.worker.terminate();
  }
}

/** A task on a worker: chunks go out, acks come back; at most MAX_IN_FLIGHT wait there. */
class WorkerLane implements Lane {
  events = 0;
  released: (chunk: EventColumns) => void = () => {};
  /** Chunks posted and not acknowledged yet, oldest first (the worker takes them in order). */
  private readonly posted: EventColumns[] = [];
  private inFlight = 0;
  private wake: (() => void) | null = null;
  private done: ((outcomes: ReplayOutcome[]) => void) | null = null;

  constructor(private readonly worker: LabWorker) {}

  receive(m: FromWorker): void {
    if (m.type === 'ack') {
      this.inFlight--;
      const chunk = this.posted.shift();
      if (chunk !== undefined) this.released(chunk);
      this.events = m.events;
      this.wake?.();
      this.wake = null;
    } else if (m.type === 'result') {
      this.worker.release();
      this.done?.(m.outcomes);
    }
  }

  async feed(chunk: EventColumns): Promise<void> {
    this.worker.post({ type: 'chunk', chunk });
    this.posted.push(chunk);
    this.inFlight++;
    while (this.inFlight > MAX_IN_FLIGHT) await new Promise<void>((resolve) => (this.wake = resolve));
  }

  finish(): Promise<ReplayOutcome[]> {
    return new Promise((resolve) => {
      this.done = resolve;
      this.worker.post({ type: 'end' });
    });
  }
}
/**
 * Compiled code runs worker.js next to this file. From TypeScript sources (jest, tslab)
 * there is no .js: the worker then compiles our .ts modules on load with TypeScript's
 * transpileModule, so the parallel path is the same code either way.
 */
function spawnWorker(): Worker {
  const compiled = path.join(__dirname, 'worker.js');
  if (fs.existsSync(compiled)) return new Worker(compiled);
  const entry = path.join(__dirname, 'worker.ts');
  const bootstrap = `
    const fs = require('fs');
    const ts = require(${JSON.stringify(require.resolve('typescript'))});
    require.extensions['.ts'] = (module, filename) => {
      const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
        fileName: filename,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      });
      module._compile(out.outputText, filename);
    };
    require(${JSON.stringify(entry)});
  `;
  return new Worker(bootstrap, { eval: true });
}
