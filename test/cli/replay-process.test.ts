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

  // The trace comes on stdin and stdin stays open, so the replay cannot finish before the Ctrl-C
  // however fast the machine (a file finished within the wait on a fast CI machine); it also
  // checks the process ends once the results are printed though the writer still holds stdin.
  it.each(['1', '2'])('--jobs %s: warns about an O(n) policy up front; Ctrl-C stops it, prints the results so far as PARTIAL and exits', async (jobs) => {
    const lines = zlib.gunzipSync(fs.readFileSync(PYTHON)).toString('utf8').split('\n').slice(0, 400_000);
    const events = lines.filter((l) => l.startsWith('@')).length;
    const child = startCli(['replay', '-', '--policy', 'first-fit,first-fit-naive', '--jobs', jobs, '--json']);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    const warned = new Promise<void>((resolve) => child.stderr.on('data', (d) => {
      stderr += d;
      if (/O\(n\)/.test(stderr)) resolve();
    }));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    child.stdin.write(`${lines.join('\n')}\n`); // and never ended
    await warned;
    expect(stderr).toMatch(/first-fit-naive searches the free blocks one by one \(O\(n\) per allocation\)/);
    await new Promise((r) => setTimeout(r, 3000)); // let it replay a while
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/stopped by Ctrl-C: PARTIAL results/);
    const report = JSON.parse(stdout);
    expect(report.partial.reason).toBe('stopped by Ctrl-C');
    expect(report.results.map((r: { policy: string }) => r.policy)).toEqual(['first-fit', 'first-fit-naive']);
    for (const r of report.results) {
      expect(r.events).toBeGreaterThan(0);
      expect(r.events).toBeLessThanOrEqual(report.partial.eventsRead[0]);
    }
    expect(report.partial.eventsRead[0]).toBeLessThanOrEqual(events);
  }, 120_000);
});
