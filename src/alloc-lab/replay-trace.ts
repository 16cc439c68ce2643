/**
 * One trace replayed on a group of policies, chunk by chunk: the part of the lab that runs
 * both in the main thread and in its workers. The trace is read once (readColumns, in the
 * main thread); every policy replays each chunk of columns in turn, in slices short enough
 * that a stop request is seen within milliseconds even on an O(n) policy.
 */
import { createAllocator } from '../engine/allocators';
import type { EventColumns } from '../traces/columns';
import type { ProblemSummary, TraceProblem } from '../traces';
import { Replayer, type ReplayOutcome } from './replay';
import type { ReplaySettings } from '../format/lab-report';

/** Problems kept in full per result (all are counted). */
export const KEEP_PROBLEMS = 50;

/** Events replayed between two looks at the stop flag (and, in the main thread, the clock). */
const SLICE_EVENTS = 2048;

export interface ReplayProgress {
  /** Raw bytes read so far and the file size when known. */
  bytesRead: number;
  totalBytes?: number;
  /** Trace events replayed so far (each on every policy of the task). */
  events: number;
}

/** A group of policies replaying one trace in lockstep. */
export class ReplayGroup {
  private readonly replayers: Replayer[];
  /** Set once a stop was asked for: no more events are replayed. */
  stopped = false;

  constructor(policies: readonly string[], settings: ReplaySettings, name: string, extra: { timeSeries?: boolean } = {}) {
    this.replayers = policies.map((policy) => {
      const allocator = createAllocator(policy, {
        align: settings.align,
        header: settings.header,
        ...(settings.limit === null ? {} : { limit: settings.limit }),
      });
      return new Replayer(allocator, { mode: settings.mode, file: name, keepProblems: KEEP_PROBLEMS, timeSeries: extra.timeSeries });
    });
  }

  /** Events every policy of the group has replayed. */
  get events(): number {
    return this.replayers.length ? this.replayers[0].eventsReplayed : 0;
  }

  /**
   * Replays events [from, to) of a chunk on every policy, a slice at a time; `shouldStop` is
   * asked between slices (a shared flag in a worker). False when it stopped before `to`.
   */
  replaySlices(chunk: EventColumns, shouldStop: () => boolean, from = 0, to = chunk.length): boolean {
    for (let at = from; at < to; at += SLICE_EVENTS) {
      if (this.stopped || shouldStop()) {
        this.stopped = true;
        return false;
      }
      const end = Math.min(to, at + SLICE_EVENTS);
      for (const r of this.replayers) r.applyColumns(chunk, at, end);
    }
    return true;
  }

  /**
   * The same in the main thread, which must give the event loop a turn now and then so an
   * interrupt (Ctrl-C, a notebook's AbortSignal) can arrive: every ~25 ms of replay it yields.
   */
  async replayYielding(chunk: EventColumns, shouldStop: () => boolean): Promise<boolean> {
    let turn = Date.now();
    for (let at = 0; at < chunk.length; at += SLICE_EVENTS) {
      if (!this.replaySlices(chunk, shouldStop, at, Math.min(chunk.length, at + SLICE_EVENTS))) return false;
      if (Date.now() - turn > 25) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        turn = Date.now();
      }
    }
    return true;
  }

  outcomes(): ReplayOutcome[] {
    return this.replayers.map((r) => r.finish());
  }
}

/** The reader drops events it finds faulty; its problems belong in every policy's result too. */
export function mergeProblems(outcome: ReplayOutcome, read: ProblemSummary): ReplayOutcome {
  const byKind = { ...outcome.problemsByKind };
  for (const [kind, n] of Object.entries(read.byKind) as [TraceProblem['kind'], number][]) {
    if (n > 0) byKind[kind] = (byKind[kind] ?? 0) + n;
  }
  const first = [...read.first, ...outcome.problems].sort((a, b) => a.line - b.line).slice(0, KEEP_PROBLEMS);
  return { ...outcome, problemCount: outcome.problemCount + read.total, problemsByKind: byKind, problems: first };
}
