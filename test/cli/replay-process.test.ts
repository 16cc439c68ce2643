/**
 * `memscope replay` as a real process: what only a real stdin, a real pipe and real signals
 * show (issue 12 items 1 and 13).
 */
import * as fs from 'fs';
import * as path from 'path';
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

  it.each(['1', '2'])('--jobs %s: warns about an O(n) policy up front; Ctrl-C stops it and prints the results so far as PARTIAL', async (jobs) => {
    const child = startCli(['replay', PYTHON, '--policy', 'first-fit,first-fit-naive', '--jobs', jobs, '--json']);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    const warned = new Promise<void>((resolve) => child.stderr.on('data', (d) => {
      stderr += d;
      if (/O\(n\)/.test(stderr)) resolve();
    }));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await warned;
    expect(stderr).toMatch(/first-fit-naive searches the free blocks one by one \(O\(n\) per allocation\)/);
    await new Promise((r) => setTimeout(r, 6000)); // let it replay a while
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/stopped by Ctrl-C: PARTIAL results/);
    const report = JSON.parse(stdout);
    expect(report.partial.reason).toBe('stopped by Ctrl-C');
    expect(report.results.map((r: { policy: string }) => r.policy)).toEqual(['first-fit', 'first-fit-naive']);
    for (const r of report.results) expect(r.events).toBeLessThan(1_254_257);
  }, 120_000);
});
