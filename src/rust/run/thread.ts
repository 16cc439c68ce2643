/**
 * Running a snippet on a worker thread with a stack big enough for deep recursion. Each Rust call
 * costs the interpreter about a kilobyte of JavaScript stack, so the main thread's ~1 MB runs out
 * after ~1,200 calls, long before the model's 8 MiB Rust stack would overflow. A worker gets a
 * stack sized for the Rust stack limit, so infinite recursion ends with Rust's own stack-overflow
 * event. Node only, and only from the compiled build (a worker loads JavaScript, not TypeScript);
 * elsewhere runRust stays on the calling thread.
 */
import type { TimelineParts } from '../../engine/timeline/timeline';
import { RustBudgetError, RustCompileError, RustMemoryLimitError, RustPanic, RustStepLimitError, RustSubsetError, RustSyntaxError, RustTimeLimitError } from '../errors';
import type { RunLimits } from './result';

/** JavaScript stack per interpreted Rust frame (measured ~800 B; with headroom), and per model byte. */
const JS_BYTES_PER_RUST_FRAME = 1200;
const SMALLEST_RUST_FRAME = 24;

export interface ThreadResult {
  timeline: TimelineParts;
  stdout: string;
  stderr: string;
  abort?: { message: string; size: number; line: number };
  limits: RunLimits;
  panic?: { message: string; line: number };
  stackOverflow?: { message: string; depth: number };
  exitCode?: number;
  statements: number;
  iterations: number;
}

interface SerializedError {
  name: string;
  reason: string;
  line: number;
  column: number;
  construct?: string;
  code?: string;
  steps?: number;
  /** A budget error's limit and measure (RustTimeLimitError.limitMs, RustMemoryLimitError.limit and .used). */
  limitMs?: number;
  limit?: number;
  used?: number;
  /** The run so far, for a budget error (RustBudgetError.partial). */
  partial?: ThreadResult;
}

// Hidden from bundlers: a browser build has no worker_threads and never takes this path.
const nodeRequire: ((id: string) => unknown) | undefined =
  typeof module !== 'undefined' && typeof module.require === 'function' && typeof process !== 'undefined' && !!process.versions?.node
    ? module.require.bind(module)
    : undefined;

/** Whether runs can go to a worker: Node, and this module compiled to JavaScript. */
export function threadAvailable(): boolean {
  return !!nodeRequire && __filename.endsWith('.js');
}

/** Stack for the worker: enough JavaScript stack for the deepest recursion the Rust stack allows. */
export function workerStackMb(stackLimit: number): number {
  const frames = stackLimit / SMALLEST_RUST_FRAME;
  return Math.min(2048, Math.max(16, Math.ceil((frames * JS_BYTES_PER_RUST_FRAME) / (1024 * 1024)) + 8));
}

const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const rust = require(workerData.index);
const ready = rust.initRust();
parentPort.on('message', ({ id, source, options }) => {
  ready.then(() => {
    // The timeline's columns are moved to the caller, not copied: a long run's columns are most of its memory.
    const sent = (r) => {
      const { parts, transfer } = r.timeline.parts();
      return [{ timeline: parts, stdout: r.stdout, stderr: r.stderr, panic: r.panic, stackOverflow: r.stackOverflow, exitCode: r.exitCode, abort: r.abort, limits: r.limits, statements: r.statements, iterations: r.iterations }, transfer];
    };
    try {
      const [ok, transfer] = sent(rust.runRustSync(source, { ...options, thread: false }));
      parentPort.postMessage({ id, ok }, transfer);
    } catch (e) {
      const [partial, transfer] = e && e.partial ? sent(e.partial) : [undefined, []];
      parentPort.postMessage({ id, error: { name: e && e.name, reason: e && (e.reason || e.message), line: e && e.line, column: e && e.column, construct: e && e.construct, code: e && e.code, steps: e && e.steps, limitMs: e && e.limitMs, limit: e && e.limit, used: e && e.used, partial, message: e && e.message } }, transfer);
    }
  }, (e) => parentPort.postMessage({ id, error: { name: 'Error', reason: String((e && e.message) || e) } }));
});
`;

type Reply = { id: number; ok?: ThreadResult; error?: SerializedError & { message?: string } };
interface Pending {
  resolve: (r: ThreadResult) => void;
  reject: (e: Error) => void;
}

/** One worker per stack size, reused across runs; unref'd so it never keeps the process alive. */
const workers = new Map<number, { worker: import('node:worker_threads').Worker; pending: Map<number, Pending> }>();
let nextJob = 0;

function workerFor(stackMb: number) {
  let entry = workers.get(stackMb);
  if (entry) return entry;
  const { Worker } = nodeRequire!('node:worker_threads') as typeof import('node:worker_threads');
  const worker = new Worker(WORKER_CODE, {
    eval: true,
    workerData: { index: __filename.replace(/run[\\/]thread\.js$/, 'index.js') },
    resourceLimits: { stackSizeMb: stackMb },
  });
  worker.unref();
  const pending = new Map<number, Pending>();
  const made = { worker, pending };
  const fail = (e: Error) => {
    workers.delete(stackMb);
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('message', (msg: Reply) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (pending.size === 0) worker.unref();
    if (msg.ok) p.resolve(msg.ok);
    else p.reject(rebuildError(msg.error!));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the interpreter's worker thread exited (code ${code}) before answering`)));
  workers.set(stackMb, made);
  return made;
}

/**
 * Runs a program on the worker for its stack size. An aborted `signal` (a notebook interrupt)
 * ends that worker: the interpreter runs synchronously there, so terminating the thread is the
 * only way to stop it; the next run starts a fresh worker.
 */
export function runOnThread(source: string, options: object, stackLimit: number, signal?: AbortSignal): Promise<ThreadResult> {
  signal?.throwIfAborted();
  const stackMb = workerStackMb(stackLimit);
  const { worker, pending } = workerFor(stackMb);
  const id = nextJob++;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      if (workers.get(stackMb)?.worker === worker) workers.delete(stackMb);
      pending.delete(id);
      reject(signal!.reason instanceof Error ? signal!.reason : new Error('the Rust run was aborted'));
      void worker.terminate();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    pending.set(id, {
      resolve: (r) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(r);
      },
      reject: (e) => {
        signal?.removeEventListener('abort', onAbort);
        reject(e);
      },
    });
    worker.ref(); // keep the process alive while a run is in flight
    worker.postMessage({ id, source, options });
  });
}

/** A budget error carries the run so far as the worker sent it; runRust makes it a RustRun (`partial`). */
export type ThreadBudgetError = RustBudgetError & { threadPartial?: ThreadResult };

function withPartial(err: ThreadBudgetError, partial: ThreadResult | undefined): RustBudgetError {
  if (partial) err.threadPartial = partial;
  return err;
}

/** The worker's error as the class the caller would have seen on its own thread. */
function rebuildError(e: SerializedError & { message?: string }): Error {
  switch (e.name) {
    case 'RustSyntaxError':
      return new RustSyntaxError(e.reason, e.line, e.column);
    case 'RustSubsetError':
      return new RustSubsetError(e.reason, e.line, e.column, e.construct ?? 'unknown');
    case 'RustCompileError':
      return new RustCompileError(e.code ? e.reason.replace(/^error\[E\d{4}\]: /, '') : e.reason, e.line, e.column, e.code);
    case 'RustStepLimitError':
      return withPartial(new RustStepLimitError(e.steps ?? 0, e.line), e.partial);
    case 'RustTimeLimitError':
      return withPartial(new RustTimeLimitError(e.limitMs ?? 0, e.line), e.partial);
    case 'RustMemoryLimitError':
      return withPartial(new RustMemoryLimitError(e.limit ?? 0, e.used ?? 0, e.line), e.partial);
    case 'RustPanic':
      return new RustPanic(e.reason, e.line);
    default: {
      const err = new Error(e.message ?? e.reason);
      err.name = e.name;
      return err;
    }
  }
}
