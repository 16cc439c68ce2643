import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { allPolicies } from '../../src/alloc-lab/compare';
import { checkLabReport } from '../../src/format/lab-report';

let dir: string;
let trace: string;
let faulty: string;

async function run(args: string[], isTTY = false) {
  let out = '';
  let err = '';
  const code = await main(['replay', ...args], { out: (t) => (out += t), err: (t) => (err += t), isTTY });
  return { code, out, err };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-replay-cli-'));
  trace = path.join(dir, 'small.csv');
  const rows = ['#memscope-trace v1', 'op,id,size,align,new_id'];
  for (let i = 0; i < 120; i++) rows.push(`alloc,b${i},${8 + ((i * 53) % 300)},16,`);
  for (let i = 0; i < 120; i += 3) rows.push(`free,b${i},,,`);
  for (let i = 0; i < 40; i++) rows.push(`alloc,c${i},${100 + i * 7},16,`);
  rows.push('realloc,b1,400,16,b1r');
  fs.writeFileSync(trace, rows.join('\n') + '\n');
  faulty = path.join(dir, 'faulty.jsonl');
  fs.writeFileSync(faulty, ['{"op":"alloc","id":"a","size":32}', '{"op":"free","id":"a"}', '{"op":"free","id":"a"}'].join('\n') + '\n');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('memscope replay', () => {
  it('prints a table per trace', async () => {
    const { code, out, err } = await run([trace, '--policy', 'first-fit,first-fit-naive', '--jobs', '1']);
    expect(code).toBe(0);
    expect(out).toContain(`${trace}: 201 events`);
    expect(out).toMatch(/policy\s+peak live\s+footprint\s+frag #1\s+frag #2\s+frag #3\s+frag #4\s+search\s+failures\s+ops\/s/);
    expect(out.split('\n').filter((l) => /^first-fit(-naive)?\s/.test(l))).toHaveLength(2);
    // not a terminal: no progress bar, one line per trace
    expect(err).not.toContain('\r');
    expect(err).toMatch(/replayed .*small\.csv: 201 events on 2 policies/);
  });

  it('prints the lab JSON with --json', async () => {
    const { code, out } = await run([trace, '--policy', 'first-fit', '--json', '--align', '8', '--header', '8', '--limit', '64K']);
    expect(code).toBe(0);
    const report = checkLabReport(JSON.parse(out));
    expect(report.results).toHaveLength(1);
    const r = report.results[0];
    expect(r.settings).toEqual({ align: 8, header: 8, limit: 65536, mode: 'lenient' });
    expect(Object.keys(r).sort()).toEqual(
      ['events', 'failures', 'footprint', 'fragmentation', 'heapAtEnd', 'liveAtEnd', 'opsPerSecond', 'ops', 'peakLive', 'policy', 'problems', 'searchLength', 'series', 'settings', 'trace', 'wallMs'].sort(),
    );
    expect(Object.keys(r.fragmentation)).toEqual(['f1', 'f2', 'f3', 'f4']);
    expect(r.ops).toEqual({ alloc: 160, free: 40, realloc: 1 });
  });

  it('writes a self-contained HTML report with inline SVG charts', async () => {
    const html = path.join(dir, 'report.html');
    const { code, err } = await run([trace, '--policy', 'first-fit,first-fit-naive', '--html', html, '--jobs', '1']);
    expect(code).toBe(0);
    expect(err).toContain(`wrote ${html}`);
    const text = fs.readFileSync(html, 'utf8');
    expect(text.startsWith('<!DOCTYPE html>')).toBe(true);
    expect((text.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect(text).not.toMatch(/<script/i);
    expect(text).not.toMatch(/\b(src|href)\s*=\s*["']?https?:/i);
    expect(text).toContain('first-fit-naive');
  });

  it('reports problems with file:line in lenient mode and exits 1 under --strict', async () => {
    const lenient = await run([faulty, '--policy', 'first-fit']);
    expect(lenient.code).toBe(0);
    expect(lenient.err).toContain(`${faulty}:3: double-free`);
    const strict = await run([faulty, '--policy', 'first-fit', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(new RegExp(`memscope replay: ${faulty.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: `));
  });

  it('exits 2 with a clear message on bad usage, 1 on a missing file', async () => {
    expect((await run([])).code).toBe(2);
    const bad = await run([trace, '--policy', 'fist-fit']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown policy 'fist-fit'/);
    expect((await run([trace, '--align', '12'])).err).toMatch(/--align expects a power of two/);
    expect((await run([trace, '--limit', 'lots'])).code).toBe(2);
    expect((await run([trace, '--strict', '--lenient'])).code).toBe(2);
    const missing = await run([path.join(dir, 'missing.mtrace'), '--policy', 'first-fit']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/missing\.mtrace: cannot read/);
  });

  it('draws a progress bar on a terminal and clears it', async () => {
    const { code, err } = await run([trace, '--policy', 'first-fit', '--jobs', '1'], true);
    expect(code).toBe(0);
    expect(err).toMatch(/\[#+\]\s+100%/);
    expect(err.endsWith('\r\x1b[K')).toBe(true);
  });
});

describe('memscope replay policy selection', () => {
  it('leaves out the naive reference twins by default and takes them with --policy all', async () => {
    const byDefault = checkLabReport(JSON.parse((await run([trace, '--json', '--jobs', '1'])).out));
    const names = byDefault.results.map((r) => r.policy);
    expect(names).toContain('first-fit');
    expect(names).toContain('buddy');
    expect(names.some((n) => n.endsWith('-naive'))).toBe(false);
    const all = checkLabReport(JSON.parse((await run([trace, '--json', '--jobs', '1', '--policy', 'all'])).out));
    expect(all.results.map((r) => r.policy)).toEqual(allPolicies());
  });
});
