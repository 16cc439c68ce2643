/** Messages between the main thread and lab workers (structured-clone data only). */
import type { TraceProblem } from '../traces/types';
import type { ReplayProgress } from './replay-trace';
import type { PolicyResult, ReplaySettings } from './result';

/** One trace read once and replayed in lockstep on a group of policies. */
export interface ReplayTask {
  trace: string;
  policies: string[];
  settings: ReplaySettings;
  /** Record each policy's heap over time (PolicyResult.timeSeries). */
  timeSeries?: boolean;
}

export type ToWorker = { type: 'task'; id: number; task: ReplayTask };

export type FromWorker =
  | { type: 'progress'; id: number; progress: ReplayProgress }
  | { type: 'result'; id: number; results: PolicyResult[] }
  | { type: 'error'; id: number; message: string; problem?: TraceProblem };
