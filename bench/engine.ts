import { rustProgram } from '../src/api/program';
import { Machine } from '../src/engine/memory/machine';
import { vecNew, vecPush } from '../src/engine/std/vec';
import { pushStr, stringClear, stringNew } from '../src/engine/std/string';
import type { Timeline } from '../src/engine/timeline/timeline';
import { encodeTimeline } from '../src/engine/timeline/document';
import { growableBytes } from '../src/engine/timeline/columns';
import { figure, timeMs, times, type BenchSuite } from './harness';

/** 10^6 pushes onto a Vec<u64> in one local, through the engine's std model. */
function vecPushes(n: number): Timeline {
  const m = new Machine();
  m.pushFrame('main');
  const local = m.bind('v', { kind: 'vec', elem: { kind: 'int', name: 'u64' } }, vecNew(m, { kind: 'int', name: 'u64' }));
  const v = local.value as ReturnType<typeof vecNew>;
  const home = { kind: 'local' as const, local };
  const ty = { kind: 'int', name: 'u64' } as const;
  for (let i = 0; i < n; i++) vecPush(m, v, { tag: 'scalar', ty, v: i }, home);
  m.popFrame();
  return m.finish();
}

/** 10^5 String operations: push_str growing, clear, again. */
function stringOps(n: number): Timeline {
  const m = new Machine();
  m.pushFrame('main');
  const local = m.bind('s', { kind: 'string' }, stringNew());
  const s = local.value as ReturnType<typeof stringNew>;
  const home = { kind: 'local' as const, local };
  for (let i = 0; i < n; i++) {
    if (i % 1000 === 999) stringClear(m, s, home);
    else pushStr(m, s, 'abc', home);
  }
  m.popFrame();
  return m.finish();
}

export const suite: BenchSuite = {
  name: 'engine',
  async run(log) {
    let t: Timeline = vecPushes(1000);
    const pushes = await times(() => {
      t = vecPushes(1_000_000);
    }, 3);
    log(figure('Vec pushes: 10^6 pushes, events recorded', t.length, 'events'));
    log(figure('Vec pushes: events per second', t.length / (pushes.wallMs / 1000), 'events/s', { value: 5e6, higherIsBetter: true }));
    log(figure('Vec pushes: events per second of cpu time', t.length / (pushes.cpuMs / 1000), 'events/s', { value: 5e6, higherIsBetter: true }));
    const grownBefore = growableBytes();
    t = vecPushes(1_000_000);
    log(figure('Vec pushes: event columns in memory per event', (growableBytes() - grownBefore) / t.length, 'B'));

    let s: Timeline = stringOps(1000);
    const strMs = await timeMs(() => {
      s = stringOps(100_000);
    }, 3);
    log(figure('String ops: 10^5 push_str/clear, events per second', s.length / (strMs / 1000), 'events/s', { value: 5e6, higherIsBetter: true }));

    const apiMs = await timeMs(() => rustProgram((rs) => rs.main(() => {
      const v = rs.let_mut('v', rs.Vec.new('u64'));
      for (let i = 0; i < 100_000; i++) v.push(rs.u64(i));
    })), 3);
    log(figure('notebook API: 10^5 v.push(..) calls per second', 100_000 / (apiMs / 1000), 'calls/s'));

    // Snapshots of a 10^6-step timeline: the index is built once, then each snapshot replays at most one checkpoint interval.
    const long = t;
    const indexMs = await timeMs(() => long.snapshot(0));
    log(figure('snapshot index build over the 10^6-push timeline (once)', indexMs, 'ms'));
    const steps = Array.from({ length: 200 }, (_, i) => Math.floor(((i * 7919) % 200) / 200 * long.length));
    let worst = 0;
    let total = 0;
    for (const step of steps) {
      const ms = await timeMs(() => long.snapshot(step));
      worst = Math.max(worst, ms);
      total += ms;
    }
    log(figure('snapshot at a random step: mean', total / steps.length, 'ms', { value: 5, higherIsBetter: false }));
    log(figure('snapshot at a random step: worst of 200', worst, 'ms', { value: 5, higherIsBetter: false }));

    const encodeMs = await timeMs(() => JSON.stringify(encodeTimeline(long)));
    const bytes = JSON.stringify(encodeTimeline(long)).length;
    log(figure('timeline JSON for 10^6 pushes: size', bytes / 1e6, 'MB'));
    log(figure('timeline JSON: bytes per event', bytes / long.length, 'B'));
    log(figure('timeline JSON: encode time', encodeMs, 'ms'));
  },
};
