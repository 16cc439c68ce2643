/**
 * Replays one or several traces under several policies and gathers one PolicyResult per
 * (trace, policy). With more than one task and more than one job, tasks run on a pool
 * of worker threads (each streams its trace itself, the main thread only aggregates);
 * otherwise they run in this thread, one after another.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { POLICIES } from '../engine/allocators';
import { TraceError, type ProblemMode } from '../traces/types';
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
}

export interface CompareProgress {
  trace: string;
  policy: string;
  /** Which task of how many, in (trace, policy) order. */
  task: number;
  tasks: number;
  progress: ReplayProgress;
  done: boolean;
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
  const settings: ReplaySettings = {
    align: options.align ?? 16,
    header: options.header ?? 0,
    limit: options.limit ?? null,
    mode: options.mode ?? 'lenient',
  };
  const tasks: ReplayTask[] = traces.flatMap((trace) => policies.map((policy) => ({ trace, policy, settings })));
  const jobs = Math.max(1, Math.min(options.jobs ?? os.availableParallelism(), tasks.length));
  const results = jobs === 1 ? await runHere(tasks, options.onProgress) : await runOnWorkers(tasks, jobs, options.onProgress);
  return labReport(results);
}

async function runHere(tasks: ReplayTask[], onProgress?: CompareOptions['onProgress']): Promise<PolicyResult[]> {
  const results: PolicyResult[] = [];
  for (const [i, task] of tasks.entries()) {
    const report = (progress: ReplayProgress, done: boolean) =>
      onProgress?.({ trace: task.trace, policy: task.policy, task: i, tasks: tasks.length, progress, done });
    const result = await replayTrace(task.trace, task.trace, task.policy, task.settings, (p) => report(p, false));
    report({ bytesRead: 0, events: result.events }, true);
    results.push(result);
  }
  return results;
}

/** A pool of `jobs` workers, each pulling the next task when it finishes one. Results keep task order. */
function runOnWorkers(tasks: ReplayTask[], jobs: number, onProgress?: CompareOptions['onProgress']): Promise<PolicyResult[]> {
  return new Promise((resolve, reject) => {
    const results: PolicyResult[] = new Array(tasks.length);
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
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      stopAll();
      reject(err);
    };
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
            onProgress?.({ trace: task.trace, policy: task.policy, task: m.id, tasks: tasks.length, progress: m.progress, done: false });
            break;
          case 'result':
            results[m.id] = m.result;
            finished++;
            onProgress?.({ trace: task.trace, policy: task.policy, task: m.id, tasks: tasks.length, progress: { bytesRead: 0, events: m.result.events }, done: true });
            if (finished === tasks.length) resolve(results);
            give(worker);
            break;
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
