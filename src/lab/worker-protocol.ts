/** Messages between the main thread and lab workers (structured-clone data only). */
import type { TraceProblem } from '../traces/types';
import type { ReplayProgress } from './replay-trace';
import type { PolicyResult, ReplaySettings } from './result';

export interface ReplayTask {
  trace: string;
  policy: string;
  settings: ReplaySettings;
}

export type ToWorker = { type: 'task'; id: number; task: ReplayTask };

export type FromWorker =
  | { type: 'progress'; id: number; progress: ReplayProgress }
  | { type: 'result'; id: number; result: PolicyResult }
  | { type: 'error'; id: number; message: string; problem?: TraceProblem };
