import * as v8 from 'v8';
import * as vm from 'vm';
import { readTrace } from '../../src/traces';

/** A real gc() so the test measures memory still held, not garbage V8 has not collected yet. */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

describe('streaming', () => {
  it('reads a long trace in bounded memory, batch by batch', async () => {
    // 3·10^6 mtrace lines made on the fly, never held whole: blocks come and go at reused
    // addresses like a real heap, so memory must stay flat however long the trace is.
    const pairs = 1_500_000;
    async function* generate(): AsyncGenerator<Buffer> {
      let chunk = '';
      for (let i = 0; i < pairs; i++) {
        const address = (0x5500_0000_0000 + (i % 1000) * 64).toString(16);
        chunk += `@ ./gen:[0x4005d6] + 0x${address} 0x${(i % 4096).toString(16)}\n@ ./gen:[0x4005e0] - 0x${address}\n`;
        if (chunk.length > 1 << 16) {
          yield Buffer.from(chunk);
          chunk = '';
        }
      }
      yield Buffer.from(chunk);
    }
    const gc = collector();
    gc();
    const before = process.memoryUsage().heapUsed;
    let events = 0;
    let batches = 0;
    let peak = 0;
    const reader = readTrace(generate(), { mode: 'strict' });
    for await (const batch of reader) {
      events += batch.length;
      if (++batches % 200 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - before);
      }
    }
    expect(events).toBe(2 * pairs);
    expect(batches).toBeGreaterThan(1000);
    expect(reader.summary()).toMatchObject({ lines: 2 * pairs, live: { blocks: 0, bytes: 0 }, done: true });
    // the whole trace is ~150 MB of text and 3·10^6 event objects; what stays held must be tiny
    expect(peak).toBeLessThan(16 * 1024 * 1024);
  });
});
