/**
 * `memscope replay` as a real process: what only a real stdin, a real pipe and real signals
 * show (issue 12 items 1 and 13).
 */
import * as fs from 'fs';
import * as path from 'path';
import { runCli, runCliClosingStdout } from '../helpers/cli-process';

const SORT = path.resolve(__dirname, '../../traces/sort.mtrace.gz');

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
});
