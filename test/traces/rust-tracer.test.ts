import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { TraceEvent } from '../../src/traces';
import { readAll } from './helpers';

const CRATE = path.resolve(__dirname, '../../tools/memscope-trace');
const TARGET = path.join(os.tmpdir(), 'memscope-trace-target');
const OUT = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-rust-trace-'));

function buildExamples(): void {
  const cargo = spawnSync('cargo', ['--version'], { encoding: 'utf8' });
  if (cargo.error || cargo.status !== 0) {
    throw new Error('cargo was not found on PATH: install Rust (https://rustup.rs) to build tools/memscope-trace');
  }
  execFileSync('cargo', ['build', '--offline', '--release', '--examples'], {
    cwd: CRATE,
    env: { ...process.env, CARGO_TARGET_DIR: TARGET },
    stdio: 'pipe',
  });
}

function runExample(name: string, traceFile: string, extraEnv: Record<string, string> = {}): string {
  return execFileSync(path.join(TARGET, 'release/examples', name), {
    env: { ...process.env, MEMSCOPE_TRACE: traceFile, ...extraEnv },
    encoding: 'utf8',
  });
}

/** The demo's Vec<u64> of 100 pushes: one alloc of 4 slots, then reallocs doubling to 128 slots. */
function vecGrowth(events: TraceEvent[]): Array<[string, number]> {
  const start = events.findIndex((e) => e.op === 'alloc' && e.size === 32 && e.align === 8);
  expect(start).toBeGreaterThanOrEqual(0);
  let id = (events[start] as { id: string }).id;
  const chain: Array<[string, number]> = [['alloc', 32]];
  for (const e of events.slice(start + 1)) {
    if (e.op === 'realloc' && e.id === id) {
      chain.push(['realloc', e.size]);
      id = e.newId;
    }
  }
  return chain;
}

describe('tools/memscope-trace (Rust global allocator)', () => {
  beforeAll(buildExamples, 180_000);

  it('records the demo in JSON lines that read back with no problem, Vec growth included', async () => {
    const file = path.join(OUT, 'demo.jsonl');
    expect(runExample('demo', file)).toContain('100 squares sum to 328350');
    expect(fs.readFileSync(file, 'utf8').split('\n')[0]).toBe('#memscope-trace v1');
    const { events, summary } = await readAll(file, { mode: 'strict' });
    expect(summary.format).toBe('memscope-jsonl');
    expect(summary.problems.total).toBe(0);
    expect(vecGrowth(events)).toEqual([['alloc', 32], ['realloc', 64], ['realloc', 128], ['realloc', 256], ['realloc', 512], ['realloc', 1024]]);
    // the String "hello, memscope" (15 bytes, align 1) and the Box<[u8; 48]>, freed before exit
    expect(events).toContainEqual(expect.objectContaining({ op: 'alloc', size: 15, align: 1 }));
    const boxed = events.find((e) => e.op === 'alloc' && e.size === 48 && e.align === 1) as { id: string };
    expect(events).toContainEqual(expect.objectContaining({ op: 'free', id: boxed.id }));
  });

  it('writes CSV when asked, with the same events', async () => {
    const file = path.join(OUT, 'demo.trace');
    runExample('demo', file, { MEMSCOPE_TRACE_FORMAT: 'csv' });
    const { events, summary } = await readAll(file, { mode: 'strict' });
    expect(summary.format).toBe('memscope-csv');
    expect(vecGrowth(events)).toHaveLength(6);
  });

  it('keeps a consistent history when four threads allocate and free at once', async () => {
    const file = path.join(OUT, 'threads.csv');
    expect(runExample('threads', file)).toContain('received');
    const { summary } = await readAll(file, { mode: 'strict' });
    expect(summary.problems.total).toBe(0);
    expect(summary.events).toBeGreaterThan(30_000);
  });

  it('writes nothing without MEMSCOPE_TRACE', () => {
    const env = { ...process.env };
    delete env.MEMSCOPE_TRACE;
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-no-trace-'));
    const out = execFileSync(path.join(TARGET, 'release/examples/demo'), { env, cwd, encoding: 'utf8' });
    expect(out).toContain('328350');
    expect(fs.readdirSync(cwd)).toEqual([]);
  });
});
