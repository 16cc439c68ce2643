/** Messages between the main thread and lab workers (structured-clone data only). */
import type { EventColumns } from '../traces/columns';
import type { TraceProblem } from '../traces/types';
import type { ReplaySettings } from '../format/lab-report';
import type { ReplayOutcome } from './replay';

/**
 * A task: replay one trace on a group of policies. The main thread reads the trace and sends
 * its chunks (columns in SharedArrayBuffers: the worker reads them in place, nothing is copied),
 * then 'end'. `stop` is a shared Int32Array flag: non-zero asks the worker to stop at its next
 * slice and report what it replayed so far.
 */
export type ToWorker =
  /** timeSeries: record each policy's heap over time (PolicyResult.timeSeries). */
  | { type: 'start'; name: string; policies: string[]; settings: ReplaySettings; stop: Int32Array; timeSeries?: boolean }
  | { type: 'chunk'; chunk: EventColumns }
  | { type: 'end' };

export type FromWorker =
  /** A chunk is done (or skipped after a stop): `events` replayed so far on every policy. */
  | { type: 'ack'; events: number }
  | { type: 'result'; outcomes: ReplayOutcome[]; stopped: boolean }
  | { type: 'error'; message: string; problem?: TraceProblem };
