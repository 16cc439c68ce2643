/**
 * A lab worker thread: takes (trace, policies) tasks one at a time from the main thread,
 * streams the trace itself, and posts progress and the PolicyResults back. It never
 * touches the main thread's state; a TraceError travels back as its problem.
 */
import { parentPort } from 'worker_threads';
import { TraceError } from '../traces/types';
import { replayTrace } from './replay-trace';
import type { ToWorker, FromWorker } from './worker-protocol';

const port = parentPort;
if (port === null) throw new Error('src/alloc-lab/worker is meant to run in a worker thread');

port.on('message', (message: ToWorker) => {
  if (message.type !== 'task') return;
  const { id, task } = message;
  const post = (m: FromWorker) => port.postMessage(m);
  let last = 0;
  replayTrace(task.trace, task.trace, task.policies, task.settings, (p) => {
    // A few updates per second are plenty for a progress bar.
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    post({ type: 'progress', id, progress: p });
  }, undefined, { timeSeries: task.timeSeries }).then(
    (results) => post({ type: 'result', id, results }),
    (err: unknown) =>
      post({
        type: 'error',
        id,
        message: err instanceof Error ? err.message : String(err),
        problem: err instanceof TraceError ? err.problem : undefined,
      }),
  );
});
