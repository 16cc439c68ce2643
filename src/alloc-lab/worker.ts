/**
 * A lab worker thread: replays the chunks of one trace on a group of policies at a time and
 * posts the outcomes back. It never reads a trace (the main thread does, once, and shares the
 * columns), so it never opens a file or stdin. A TraceError travels back as its problem.
 */
import { parentPort } from 'worker_threads';
import { TraceError } from '../traces/types';
import { ReplayGroup } from './replay-trace';
import type { FromWorker, ToWorker } from './worker-protocol';

const port = parentPort;
if (port === null) throw new Error('src/alloc-lab/worker is meant to run in a worker thread');

let group: ReplayGroup | null = null;
let stop: Int32Array | null = null;
let failed = false;
const post = (m: FromWorker) => port.postMessage(m);
const shouldStop = () => Atomics.load(stop!, 0) !== 0;

port.on('message', (m: ToWorker) => {
  try {
    switch (m.type) {
      case 'start':
        group = new ReplayGroup(m.policies, m.settings, m.name, { timeSeries: m.timeSeries });
        stop = m.stop;
        failed = false;
        break;
      case 'chunk':
        if (!failed) group!.replaySlices(m.chunk, shouldStop);
        post({ type: 'ack', events: group!.events });
        break;
      case 'end':
        if (!failed) post({ type: 'result', outcomes: group!.outcomes(), stopped: group!.stopped });
        group = null;
        break;
    }
  } catch (err) {
    failed = true;
    post({
      type: 'error',
      message: err instanceof Error ? err.message : String(err),
      problem: err instanceof TraceError ? err.problem : undefined,
    });
  }
});
