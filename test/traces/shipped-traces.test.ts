import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { readTrace } from '../../src/traces';

const TRACES = path.resolve(__dirname, '../../traces');

/** The event counts traces/README.md promises, by file name. */
function documentedCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of fs.readFileSync(path.join(TRACES, 'README.md'), 'utf8').split('\n')) {
    const cells = row.split('|').map((c) => c.trim());
    const file = /^`(.+\.gz)`$/.exec(cells[1] ?? '');
    if (file) counts.set(file[1], Number(cells[5]));
  }
  return counts;
}

/**
 * Counts events the plain way, as a check on the scanner: every line's operation is the
 * token before the address (and size), and a realloc is a '<' line with its '>' partner.
 */
function countByHand(file: string): number {
  const text = zlib.gunzipSync(fs.readFileSync(path.join(TRACES, file))).toString('latin1');
  let events = 0;
  for (const line of text.split('\n')) {
    const tokens = line.split(' ');
    const op = ['+', '>', '!'].includes(tokens[tokens.length - 3]) ? tokens[tokens.length - 3] : tokens[tokens.length - 2];
    if ((op === '+' && tokens[tokens.length - 2] !== '(nil)') || op === '-' || op === '<') events++;
  }
  return events;
}

describe('shipped real traces', () => {
  const documented = documentedCounts();
  const files = fs.readdirSync(TRACES).filter((f) => f.endsWith('.mtrace.gz'));

  it('ships at least four traces, one of >= 10^6 events, under 12 MB in all, each documented', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect([...documented.keys()].sort()).toEqual([...files].sort());
    expect(Math.max(...documented.values())).toBeGreaterThanOrEqual(1_000_000);
    const bytes = fs.readdirSync(TRACES).reduce((sum, f) => sum + fs.statSync(path.join(TRACES, f)).size, 0);
    expect(bytes).toBeLessThan(12 * 1024 * 1024);
  });

  it.each(fs.readdirSync(TRACES).filter((f) => f.endsWith('.mtrace.gz')))('%s reads with no problem and the documented event count', async (file) => {
    const reader = readTrace(path.join(TRACES, file), { mode: 'strict' });
    let events = 0;
    for await (const batch of reader) events += batch.length;
    const summary = reader.summary();
    expect(summary).toMatchObject({ format: 'mtrace', gzip: true, done: true });
    expect(summary.problems.total).toBe(0);
    expect(events).toBe(documented.get(file));
    expect(events).toBe(countByHand(file));
  });
});
