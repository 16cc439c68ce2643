/**
 * The interpreter against real rustc: every course snippet in test/oracle/snippets must make the
 * same allocator calls in the same order (op, size, align, old size) and print the same stdout.
 */
import * as path from 'node:path';
import { initRust, runRust } from '../../src/rust';
import { loadRustPrograms } from '../oracle/rust-sources';
import { OracleRunError, runRustOracle, type OracleRun } from '../oracle/rustc-oracle';

const snippets = loadRustPrograms(path.join(__dirname, '..', 'oracle', 'snippets'));
/** Our own programs for what the corpus leaves out (Option, data enums, casts, in-place changes…). */
const programs = loadRustPrograms(path.join(__dirname, 'programs'));

function heapOf(run: Pick<OracleRun, 'events'>) {
  return run.events.map((e) => (e.op === 'realloc' ? { op: e.op, size: e.size, align: e.align, old_size: e.old_size } : { op: e.op, size: e.size, align: e.align }));
}

describe('interpreter vs rustc on the course snippets', () => {
  const oracle = new Map<string, Promise<OracleRun>>();
  beforeAll(async () => {
    await initRust();
    for (const s of [...snippets, ...programs]) oracle.set(s.name, runRustOracle(s.source, { fileName: `${s.name}.rs` }));
    // Surface a failed compile in the test that needs it, not as an unhandled rejection.
    for (const p of oracle.values()) p.catch(() => undefined);
  }, 60_000);

  test('the corpus is there (32+ snippets) and our extra programs too', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(32);
    expect(programs.length).toBeGreaterThanOrEqual(10);
  });

  test.each([...snippets, ...programs].map((s) => [s.name, s] as const))('%s: same heap calls and stdout as rustc', async (name, s) => {
    const want: OracleRun | Error = await oracle.get(name)!.catch((e: Error) => e);
    const got = await runRust(s.source, { title: name });
    if (want instanceof OracleRunError && want.exitCode !== 101) {
      // std::process::exit (or main's Err): the status, stdout and heap calls up to the exit;
      // blocks still live are never freed, so the end-of-run checks below do not apply.
      expect(got.exitCode).toBe(want.exitCode);
      expect(got.stdout).toBe(want.stdout);
      expect(got.heapEvents()).toEqual(heapOf({ events: want.events ?? [] }));
      expect(want.events).toBeDefined();
      return;
    }
    if (want instanceof Error) throw want;
    expect(got.panic).toBeUndefined();
    expect(got.stdout).toBe(want.stdout);
    expect(got.heapEvents()).toEqual(heapOf(want));
    // The run ended with nothing left on the heap and every frame popped.
    const final = got.timeline.final();
    expect(final.heapLive).toBe(0);
    expect(final.frames).toBe(0);
  }, 120_000);
});
