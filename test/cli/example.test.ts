import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { decodeTimeline } from '../../src/engine/timeline/document';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => { out += t; }, err: (t) => { err += t; }, isTTY: false });
  return { code, out, err };
}

describe('memscope example / inspect', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'memscope-cli-'));
  });

  test('--help lists the commands', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/example/);
    expect(r.out).toMatch(/inspect/);
  });

  test('runs every shipped example, prints summaries and writes valid timelines', async () => {
    const r = await cli(['example', '--all', '--out-dir', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/three-regions/);
    expect(r.out).toMatch(/ended early: thread 'main' has overflowed its stack/);
    const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.memscope.json'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) {
      const t = decodeTimeline(await fs.readFile(path.join(dir, f), 'utf8'), f);
      expect(t.length).toBeGreaterThan(0);
    }
  });

  test('--json summary has the figures', async () => {
    const r = await cli(['example', 'vec-growth', '--json']);
    const s = JSON.parse(r.out);
    expect(s.heap).toMatchObject({ allocs: 2, reallocs: 5, frees: 2 });
    expect(s.output).toBe('128 100\n');
  });

  test('inspect prints the memory state at a step', async () => {
    const file = path.join(dir, 'three-regions.memscope.json');
    const r = await cli(['inspect', file, '--step', '14']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/static data:/);
    expect(r.out).toMatch(/frame 0 main/);
    expect(r.out).toMatch(/s: String \(24 B\) = \{ptr → block #0, len 12, cap 12\}/);
  });

  test('bad input: unknown example, malformed file, step past the end', async () => {
    expect((await cli(['example', 'nope'])).err).toMatch(/no example named 'nope'/);
    const bad = path.join(dir, 'bad.json');
    await fs.writeFile(bad, '{"format":"memscope","version":1,"kind":"timeline","meta":{}}');
    const r = await cli(['inspect', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.json: meta\.staticBase: expected a number/);
    const past = await cli(['inspect', path.join(dir, 'recursion.memscope.json'), '--step', '99999']);
    expect(past.code).toBe(2);
    expect(past.err).toMatch(/past the end/);
  });
});
