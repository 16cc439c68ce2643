/**
 * Replays one or several traces under several policies and gathers one PolicyResult per
 * (trace, policy), in (trace, policy) order. A task reads one trace once and replays it on
 * a group of policies in lockstep. With several tasks and jobs, tasks run on a pool of
 * worker threads (each streams its trace itself, the main thread only aggregates);
 * otherwise they run in this thread, one after another.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { POLICIES } from '../engine/allocators';
import { TraceError, type ProblemMode } from '../traces/types';
import { analyseTrace, type AnalyseOptions, type AnalysedTrace } from './analyses/analyse';
import { provenance } from './analyses/provenance';
import { replayTrace, type ReplayProgress } from './replay-trace';
import { labReport, type LabReport, type PolicyResult, type ReplaySettings } from './result';
import type { FromWorker, ReplayTask, ToWorker } from './worker-protocol';

export interface CompareOptions {
  /** Policy names (see POLICIES); default every policy. */
  policies?: string[];
  /** Allocator granule (default 16), header bytes (default 0), heap limit in bytes (default none). */
  align?: number;
  header?: number;
  limit?: number;
  mode?: ProblemMode;
  /** Worker threads; 1 runs everything in this thread. Default: one per core, at most one per task. */
  jobs?: number;
  onProgress?: (event: CompareProgress) => void;
  /**
   * Stops the replays when aborted (a notebook's interrupt, see kernel `interruptible`): worker
   * threads are terminated, a replay in this thread stops at its next batch, and the promise
   * rejects with the signal's reason.
   */
  signal?: AbortSignal;
  /**
   * Also analyse each trace (sites, sizes, lifetimes, leaks: once per trace, on this thread
   * while the workers replay) and record each policy's heap over time. Default off.
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
 * round-robin, so slow policies spread out).
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

export async function compare(traces: string[], options: CompareOptions = {}): Promise<LabReport> {
  const policies = options.policies ?? allPolicies();
  const known = new Set(allPolicies());
  const unknown = policies.filter((p) => !known.has(p));
  if (unknown.length) throw new Error(`unknown policy ${unknown.map((p) => `'${p}'`).join(', ')}; valid policies: ${[...known].join(', ')}`);
  if (traces.length === 0) throw new Error('no trace given');
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
  if (analyses && traces.includes('-')) throw new Error('analyses read each trace a second time: give a file, not stdin (-)');
  const tasks: ReplayTask[] = plan.map((t) => ({ trace: t.trace, policies: t.policies, settings, ...(analyses ? { timeSeries: true } : {}) }));
  const threads = Math.min(jobs, tasks.length);
  const analysed = (): Promise<AnalysedTrace[]> | undefined =>
    analyses &&
    Promise.all(traces.map((trace) => analyseTrace(trace, trace, { granule: settings.align, ...analyses, mode: settings.mode, signal: options.signal })));
  const prov = provenance(traces, { align: settings.align, header: settings.header, limit: settings.limit }, options.command ?? null);
  let perTask: PolicyResult[][];
  let traceAnalyses: AnalysedTrace[] | undefined;
  if (threads === 1) {
    perTask = await runHere(tasks, options.onProgress, options.signal);
    traceAnalyses = await analysed();
  } else {
    // The analyses run here while the workers replay.
    [perTask, traceAnalyses] = await Promise.all([runOnWorkers(tasks, threads, options.onProgress, options.signal), analysed()]);
  }
  // Back to (trace, policy) order.
  const results: PolicyResult[] = [];
  traces.forEach((_, traceIndex) => {
    for (const policy of policies) {
      const t = plan.findIndex((p) => p.traceIndex === traceIndex && p.policies.includes(policy));
      results.push(perTask[t][plan[t].policies.indexOf(policy)]);
    }
  });
  return labReport(results, { provenance: await prov, analyses: traceAnalyses });
}

async function runHere(tasks: ReplayTask[], onProgress?: CompareOptions['onProgress'], signal?: AbortSignal): Promise<PolicyResult[][]> {
  const results: PolicyResult[][] = [];
  for (const [i, task] of tasks.entries()) {
    const report = (progress: ReplayProgress, done: boolean) =>
      onProgress?.({ trace: task.trace, policies: task.policies, task: i, tasks: tasks.length, progress, done });
    let last: ReplayProgress = { bytesRead: 0, events: 0 };
    const taskResults = await replayTrace(task.trace, task.trace, task.policies, task.settings, (p) => {
      last = p;
      report(p, false);
    }, signal, { timeSeries: task.timeSeries });
    report(last, true);
    results.push(taskResults);
  }
  return results;
}

/** A pool of `jobs` workers, each pulling the next task when it finishes one. Results keep task order. */
function runOnWorkers(
  tasks: ReplayTask[],
  jobs: number,
  onProgress?: CompareOptions['onProgress'],
  signal?: AbortSignal,
): Promise<PolicyResult[][]> {
  return new Promise((resolve, reject) => {
    const results: PolicyResult[][] = new Array(tasks.length);
    const lastProgress: ReplayProgress[] = tasks.map(() => ({ bytesRead: 0, events: 0 }));
    const workers: Worker[] = [];
    let next = 0;
    let finished = 0;
    let failed = false;

    const stopped = new Set<Worker>();
    const stop = (w: Worker) => {
      stopped.add(w);
      void w.terminate();
    };
    const stopAll = () => workers.forEach(stop);
    const onAbort = () => fail(signal?.reason instanceof Error ? signal.reason : new Error('replay aborted'));
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      signal?.removeEventListener('abort', onAbort);
      stopAll();
      reject(err);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const give = (worker: Worker) => {
      if (next >= tasks.length) {
        stop(worker);
        return;
      }
      const id = next++;
      worker.postMessage({ type: 'task', id, task: tasks[id] } satisfies ToWorker);
    };

    for (let j = 0; j < jobs; j++) {
      const worker = spawnWorker();
      workers.push(worker);
      worker.on('message', (m: FromWorker) => {
        if (failed) return;
        const task = tasks[m.id];
        switch (m.type) {
          case 'progress':
            lastProgress[m.id] = m.progress;
            onProgress?.({ trace: task.trace, policies: task.policies, task: m.id, tasks: tasks.length, progress: m.progress, done: false });
            break;
          case 'result': {
            results[m.id] = m.results;
            finished++;
            // The worker throttles its progress messages: report the task as read to the end.
            const events = m.results[0]?.events ?? lastProgress[m.id].events;
            const total = lastProgress[m.id].totalBytes;
            const progress = { ...lastProgress[m.id], events, ...(total === undefined ? {} : { bytesRead: total }) };
            onProgress?.({ trace: task.trace, policies: task.policies, task: m.id, tasks: tasks.length, progress, done: true });
            if (finished === tasks.length) {
              signal?.removeEventListener('abort', onAbort);
              resolve(results);
            }
            give(worker);
            break;
          }
          case 'error':
            fail(m.problem ? new TraceError(m.problem) : new Error(m.message));
            break;
        }
      });
      worker.on('error', (err) => fail(err));
      worker.on('exit', (code) => {
        // We terminate workers ourselves (exit code 1); any other exit mid-run is a crash.
        if (!stopped.has(worker) && finished < tasks.length) fail(new Error(`a lab worker exited with code ${code} before finishing`));
      });
      give(worker);
    }
  });
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
