/// <reference lib="dom" />
/**
 * The page's side of the Rust worker: starts it from a Blob URL (Chromium refuses
 * `new Worker(url)` for file:// pages; a Blob URL works anywhere), sends one program at a time
 * and ends the worker when an answer takes longer than the time limit. The step budget stops an
 * endless loop inside the worker first; the time limit is the backstop for whatever the budget
 * does not count, and a stopped worker is replaced on the next run.
 */
import type { RunFailure, RunReply, RunRequest } from './protocol';

export interface RunnerOptions {
  /** The worker's code (the bundle of worker.ts). */
  workerSource: string;
  /** Milliseconds before the worker is ended (default 800: the message is up within a second). */
  timeLimit?: number;
  /**
   * Statements and loop passes a run may take (default 400 000: about 0.2 s in Chromium; each
   * of the course's examples runs in under 0.1 s).
   */
  maxSteps?: number;
}

export type RunOutcome = RunReply;

export class RustRunner {
  private worker: Worker | null = null;
  private url: string | null = null;
  private serial = 0;
  private pending: { id: number; resolve(reply: RunReply): void; timer: ReturnType<typeof setTimeout> } | null = null;

  constructor(private readonly options: RunnerOptions) {}

  get timeLimit(): number {
    return this.options.timeLimit ?? 800;
  }

  get maxSteps(): number {
    return this.options.maxSteps ?? 400_000;
  }

  /** Starts the worker now (tree-sitter takes ~100 ms to load), so the first Run answers quickly. */
  warm(): void {
    this.start();
  }

  /** Runs a program; a run still going is abandoned (its worker ended). Never rejects. */
  run(source: string, settings: Omit<RunRequest['options'], 'maxSteps'>): Promise<RunReply> {
    if (this.pending) this.stop({ kind: 'cancelled', message: 'stopped: another Run on this page started', line: null, column: null });
    const worker = this.start();
    const id = ++this.serial;
    const started = performance.now();
    return new Promise<RunReply>((resolve) => {
      const timer = setTimeout(() => {
        this.stop({
          kind: 'timeout',
          message: `stopped after ${(this.timeLimit / 1000).toFixed(1)} s: the program ran too long (is there an endless loop?)`,
          line: null,
          column: null,
        }, performance.now() - started);
      }, this.timeLimit);
      this.pending = { id, resolve, timer };
      const request: RunRequest = { id, source, options: { ...settings, maxSteps: this.maxSteps } };
      worker.postMessage(request);
    });
  }

  dispose(): void {
    if (this.pending) this.stop({ kind: 'cancelled', message: 'stopped: the page closed the runner', line: null, column: null });
    this.worker?.terminate();
    this.worker = null;
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = null;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    this.url ??= URL.createObjectURL(new Blob([this.options.workerSource], { type: 'text/javascript' }));
    const worker = new Worker(this.url);
    worker.onmessage = (event: MessageEvent<RunReply>) => {
      const pending = this.pending;
      if (!pending || event.data.id !== pending.id) return;
      clearTimeout(pending.timer);
      this.pending = null;
      pending.resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.stop({ kind: 'internal', message: `the Rust worker failed: ${event.message}`, line: null, column: null });
    };
    this.worker = worker;
    return worker;
  }

  /** Ends the worker (the only way to stop code running in it) and answers the pending run. */
  private stop(failure: RunFailure, ms = 0): void {
    this.worker?.terminate();
    this.worker = null;
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    clearTimeout(pending.timer);
    pending.resolve({ id: pending.id, ok: false, failure, ms });
  }
}
