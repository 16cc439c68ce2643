/**
 * `memscope replay` as a real process: what only a real stdin, a real pipe and real signals
 * show (issue 12 items 1 and 13).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { runCli, runCliClosingStdout } from '../helpers/cli-process';

const SORT = path.resolve(__dirname, '../../traces/sort.mtrace.gz');

describe('memscope replay as a process', () => {
  it('--json piped into head exits quietly (no EPIPE stack trace)', async () => {
    const r = await runCliClosingStdout(['replay', SORT, '--json', '--jobs', '1'], 100);
    expect(r.stderr).not.toMatch(/EPIPE|Error|    at /);
    expect(r.code).toBe(0);
  });
});
