/**
 * `memscope replay` as a real process: what only a real stdin, a real pipe and real signals
 * show (issue 12 items 1 and 13).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { runCli, runCliClosingStdout, startCli } from '../helpers/cli-process';

const SORT = path.resolve(__dirname, '../../traces/sort.mtrace.gz');
const PYTHON = path.resolve(__dirname, '../../traces/python-tokenize.mtrace.gz');

describe('memscope replay as a process', () => {
  it("reads '-' (stdin) once, in the main thread, whatever the jobs (was: 0 events with 2+ tasks)", () => {
    const input = fs.readFileSync(SORT); // gzip on stdin is recognised by its magic bytes
    for (const jobs of ['1', '2']) {
      const r = runCli(['replay', '-', '--policy', 'first-fit,best-fit', '--jobs', jobs, '--json', '--strict'], { input, timeoutMs: 90_000 });
      expect(r.status).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report.results.map((x: { events: number }) => x.events)).toEqual([4373, 4373]);
      expect(report.results[0].trace).toBe('-');
    }
  }, 120_000);

  it('--json piped into head exits quietly (no EPIPE stack trace)', async () => {
    const r = await runCliClosingStdout(['replay', SORT, '--json', '--jobs', '1'], 100);
    expect(r.stderr).not.toMatch(/EPIPE|Error|    at /);
    expect(r.code).toBe(0);
  });

  // The trace comes on stdin, slowly, and stdin stays open, so the replay cannot finish before the
  // Ctrl-C however fast the machine (a file finished within a fixed wait on a fast CI machine); it
  // also checks the process ends once the results are printed though the writer still holds stdin.
  it.each(['1', '2'])('--jobs %s: warns about an O(n) policy up front; Ctrl-C stops it, prints the results so far as PARTIAL and exits', async (jobs) => {
    const lines = zlib.gunzipSync(fs.readFileSync(PYTHON)).toString('utf8').split('\n');
    const child = startCli(['replay', '-', '--policy', 'first-fit,first-fit-naive', '--jobs', jobs, '--json']);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    // On a pipe the CLI reports progress every 10 s once a run passes 5 s: the first line with a
    // non-zero rate proves events were replayed (a worker may still be starting on a loaded machine).
    const seen = (pattern: RegExp) => new Promise<void>((resolve) => {
      const look = () => pattern.test(stderr) && resolve();
      child.stderr.on('data', look);
      look();
    });
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    child.stdin.on('error', () => {}); // the CLI lets go of stdin once stopped: the rest of the write fails with EPIPE
    // Fed 5x10^4 lines a second (25 s for the trace) and never ended, as a slow producer would.
    let fed = 0;
    const feed = setInterval(() => {
      if (fed < lines.length) child.stdin.write(`${lines.slice(fed, fed + 10_000).join('\n')}\n`);
      fed += 10_000;
    }, 200).unref(); // a failing test leaves no timer behind
    await seen(/O\(n\)/);
    expect(stderr).toMatch(/first-fit-naive searches the free blocks one by one \(O\(n\) per allocation\)/);
    await seen(/^replaying: .* [1-9][\d.]*[kM] events\/s/m);
    clearInterval(feed);
    child.kill('SIGINT');
    const code = await exited;
    if (code !== 130) throw new Error(`exit ${code}; stderr:\n${stderr}`);
    expect(stderr).toMatch(/stopped by Ctrl-C: PARTIAL results/);
    const report = JSON.parse(stdout);
    expect(report.partial.reason).toBe('stopped by Ctrl-C');
    expect(report.results.map((r: { policy: string }) => r.policy)).toEqual(['first-fit', 'first-fit-naive']);
    for (const r of report.results) {
      expect(r.events).toBeGreaterThan(0);
      expect(r.events).toBeLessThanOrEqual(report.partial.eventsRead[0]);
    }
    expect(report.partial.eventsRead[0]).toBeLessThan(lines.filter((l) => l.startsWith('@')).length);
  }, 120_000);
});
