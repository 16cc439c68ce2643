/**
 * One trace file replayed on a group of policies, from disk to PolicyResults: streams the
 * trace with the importer, replays each batch on a fresh allocator per policy, merges the
 * reader's problems with each replay's. The main thread and the lab's workers run exactly this.
 */
import { createAllocator } from '../engine/allocators';
import { readTrace, type ProblemSummary, type TraceProblem, type TraceSource } from '../traces';
import { Replayer, type ReplayOutcome } from './replay';
import { type PolicyResult, type ReplaySettings, policyResult } from './result';

/** Problems kept in full per result (all are counted). */
const KEEP_PROBLEMS = 50;

export interface ReplayProgress {
  /** Raw bytes read so far and the file size when known. */
  bytesRead: number;
  totalBytes?: number;
  /** Trace events read so far (each replayed on every policy of the task). */
  events: number;
}

/**
 * Reads the trace once and replays every batch on each policy in turn (lockstep), so N
 * policies cost one decompression and parse instead of N. Results follow `policies` order.
 */
export async function replayTrace(
  source: TraceSource,
  name: string,
  policies: readonly string[],
  settings: ReplaySettings,
  onProgress?: (p: ReplayProgress) => void,
  /** Checked between batches: an aborted replay stops there and rejects with the signal's reason. */
  signal?: AbortSignal,
  extra: { timeSeries?: boolean } = {},
): Promise<PolicyResult[]> {
  const replayers = policies.map((policy) => {
    const allocator = createAllocator(policy, {
      align: settings.align,
      header: settings.header,
      ...(settings.limit === null ? {} : { limit: settings.limit }),
    });
    return new Replayer(allocator, { mode: settings.mode, file: name, keepProblems: KEEP_PROBLEMS, timeSeries: extra.timeSeries });
  });
  let bytesRead = 0;
  let totalBytes: number | undefined;
  let events = 0;
  const reader = readTrace(source, {
    mode: settings.mode,
    name,
    maxProblems: KEEP_PROBLEMS,
    onProgress: (read, total) => {
      bytesRead = read;
      totalBytes = total;
    },
  });
  for await (const batch of reader) {
    signal?.throwIfAborted();
    for (const replayer of replayers) replayer.apply(batch);
    events += batch.length;
    onProgress?.({ bytesRead, totalBytes, events });
  }
  const read = reader.summary().problems;
  return replayers.map((replayer) => policyResult(name, settings, mergeProblems(replayer.finish(), read)));
}

/** The reader drops events it finds faulty; its problems belong in the result too. */
function mergeProblems(outcome: ReplayOutcome, read: ProblemSummary): ReplayOutcome {
  const byKind = { ...outcome.problemsByKind };
  for (const [kind, n] of Object.entries(read.byKind) as [TraceProblem['kind'], number][]) {
    if (n > 0) byKind[kind] = (byKind[kind] ?? 0) + n;
  }
  const first = [...read.first, ...outcome.problems].sort((a, b) => a.line - b.line).slice(0, KEEP_PROBLEMS);
  return { ...outcome, problemCount: outcome.problemCount + read.total, problemsByKind: byKind, problems: first };
}
