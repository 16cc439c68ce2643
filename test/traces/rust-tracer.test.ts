import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyseTrace } from '../../src/alloc-lab/analyses/analyse';
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

  it('records each allocation\'s call site: return addresses from the unwinder, the real callers', async () => {
    // ASLR off (setarch -R): a PIE loads at 0x555555554000, so addr2line can name the addresses.
    const file = path.join(OUT, 'demo-sites.jsonl');
    execFileSync('setarch', ['-R', path.join(TARGET, 'release/examples/demo')], { env: { ...process.env, MEMSCOPE_TRACE: file }, encoding: 'utf8' });
    const { readTrace } = await import('../../src/traces');
    const reader = readTrace(file, { mode: 'strict', sites: true });
    const events: TraceEvent[] = [];
    for await (const batch of reader) events.push(...batch);
    const sites = reader.sites();
    for (const e of events) {
      if (e.op === 'free') continue;
      expect(e.site).toBeDefined();
      expect(sites[e.site!]).toMatch(/^0x[0-9a-f]+(;0x[0-9a-f]+){0,7}$/);
    }
    // The Vec's five reallocs come from one place (RawVec growing inside push in main's loop).
    const start = events.findIndex((e) => e.op === 'alloc' && e.size === 32 && e.align === 8);
    let id = (events[start] as { id: string }).id;
    const growth: string[] = [];
    for (const e of events.slice(start + 1)) {
      if (e.op === 'realloc' && e.id === id) {
        growth.push(sites[e.site!]);
        id = e.newId;
      }
    }
    expect(growth).toHaveLength(5);
    expect(new Set(growth).size).toBe(1);
    const pcs = growth[0].split(';').map((pc) => (BigInt(pc) - 0x555555554000n).toString(16));
    const names = execFileSync('addr2line', ['-f', '-C', '-e', path.join(TARGET, 'release/examples/demo'), ...pcs], { encoding: 'utf8' })
      .split('\n').filter((_, i) => i % 2 === 0);
    expect(names[0]).toMatch(/^alloc::raw_vec::/); // the innermost frame is std's Vec growth, not the tracer
    expect(names).toContain('demo::main');
    expect(names.some((n) => n.includes('memscope_trace'))).toBe(false);
    // The String, the Box and the Vec are allocated at different places.
    const siteOf = (size: number, align: number) => (events.find((e) => e.op === 'alloc' && e.size === size && e.align === align) as { site: number }).site;
    expect(new Set([siteOf(15, 1), siteOf(48, 1), siteOf(32, 8)]).size).toBe(3);
    // The analyses read them: every allocation is on some site.
    const a = await analyseTrace(file, 'demo');
    expect(a.sites.rows.reduce((n, r) => n + r.allocations, 0) + a.sites.others.allocations).toBe(a.sizes.requests);
    expect(a.sites.distinct).toBeGreaterThan(3);
  });

  it('writes no sites with MEMSCOPE_TRACE_SITES=0', () => {
    const file = path.join(OUT, 'demo-nosites.jsonl');
    runExample('demo', file, { MEMSCOPE_TRACE_SITES: '0' });
    expect(fs.readFileSync(file, 'utf8')).not.toContain('"site"');
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
