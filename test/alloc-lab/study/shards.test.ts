/**
 * A study run as two shard processes (real `memscope study --shard i/2` processes, side by
 * side, on the shipped sort trace) and merged gives the same table as one run: every column
 * but the two timing measurements, row for row, in JSON lines and in the Parquet file read
 * back through DuckDB. A second run finds every cell stored and runs nothing.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { query } from '../../../src/alloc-lab/study/duckdb';
import { cells, parseShard, inShard } from '../../../src/alloc-lab/study/cells';
import { parseStudy, readStudy } from '../../../src/alloc-lab/study/spec';
import { collectStudy, runStudy } from '../../../src/alloc-lab/study/run';
import { MEASURED_COLUMNS, readRows, ROW_COLUMNS, type StudyRow } from '../../../src/alloc-lab/study/store';
import { main } from '../../../src/cli/main';
import { startCli } from '../../helpers/cli-process';

/** The CLI in this process (the shard test starts real processes). */
async function cli(args: string[]): Promise<{ status: number; stderr: string }> {
  let stderr = '';
  const status = await main(args, { out: () => {}, err: (t) => (stderr += t), isTTY: false });
  return { status, stderr };
}

const SORT = path.resolve(__dirname, '..', '..', '..', 'traces', 'sort.mtrace.gz');

function studyFile(dir: string, out: string): string {
  const file = path.join(dir, `${out}.json`);
  fs.writeFileSync(file, JSON.stringify({ name: 'shards', traces: [SORT], policies: ['first-fit', 'best-fit', 'buddy'], header: [0, 16], limit: [null, '1M'], out }));
  return file;
}

const deterministic = (rows: StudyRow[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !MEASURED_COLUMNS.includes(k as keyof StudyRow))));

function finished(child: ReturnType<typeof startCli>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('memscope study', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-study-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('two shard processes and a merge equal one run', async () => {
    const single = studyFile(dir, 'single');
    const sharded = studyFile(dir, 'sharded');
    const one = await cli(['study', single, '--jobs', '1']);
    expect(one.stderr).toContain('12 cells run, 0 already stored');
    expect(one.status).toBe(0);

    const shards = [startCli(['study', sharded, '--shard', '0/2', '--jobs', '1']), startCli(['study', sharded, '--shard', '1/2', '--jobs', '1'])];
    const results = await Promise.all(shards.map(finished));
    for (const r of results) {
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('6 cells run');
    }
    expect(fs.existsSync(path.join(dir, 'sharded', 'results.jsonl'))).toBe(false);
    const merged = await cli(['study', sharded, '--merge']);
    expect(merged.status).toBe(0);
    expect(merged.stderr).toContain('(12 rows)');

    const a = readRows(path.join(dir, 'single', 'results.jsonl'));
    const b = readRows(path.join(dir, 'sharded', 'results.jsonl'));
    expect(a).toHaveLength(12);
    expect(deterministic(b)).toEqual(deterministic(a));
    // The grid really varies: the limit makes some cells fail, the header grows footprints.
    expect(a.some((r) => r.failures > 0)).toBe(true);
    expect(new Set(a.map((r) => r.footprint)).size).toBeGreaterThan(3);

    // Parquet holds the same table.
    for (const name of ['single', 'sharded']) {
      const parquet = path.join(dir, name, 'results.parquet');
      const rows = (await query(`SELECT * FROM '${parquet}'`)) as unknown as StudyRow[];
      expect(Object.keys(rows[0])).toEqual(Object.keys(ROW_COLUMNS));
      expect(deterministic(rows)).toEqual(deterministic(a));
    }

    // Idempotent: everything is stored, nothing runs again.
    const again = await cli(['study', single]);
    expect(again.stderr).toContain('0 cells run, 12 already stored');
  });

  it('a missing cell makes --merge fail and is run by the next run', async () => {
    const study = readStudy(studyFile(dir, 'partial'));
    expect((await runStudy(study, { shard: parseShard('1/3'), jobs: 1, parquet: false })).ran).toBe(4);
    expect((await collectStudy(study, { parquet: false })).missing).toBe(8);
    const merge = await cli(['study', study.file, '--merge', '--no-parquet']);
    expect(merge.status).toBe(1);
    expect(merge.stderr).toContain('8 cells are missing');
    const rest = await runStudy(study, { jobs: 1, parquet: false });
    expect(rest).toMatchObject({ ran: 8, skipped: 4, missing: 0 });
  });

  it('shards partition the grid', () => {
    const study = parseStudy({ traces: ['a', 'b'], policies: ['first-fit', 'tlsf', 'buddy'], header: [0, 8, 16], limit: [null, 4096] }, '/x/s.json');
    const all = cells(study);
    expect(all).toHaveLength(36);
    const seen = all.map(() => 0);
    for (let i = 0; i < 5; i++) for (const c of all.filter((c) => inShard(c, parseShard(`${i}/5`)))) seen[c.index]++;
    expect(seen.every((n) => n === 1)).toBe(true);
  });

  it('bad study files and shards are clear errors', async () => {
    const bad = (json: unknown) => () => parseStudy(json, '/x/s.json');
    expect(bad({ traces: [], policies: ['tlsf'] })).toThrow('/x/s.json: expected "traces" to be a non-empty list of strings');
    expect(bad({ traces: ['a'], policies: ['tlfs'] })).toThrow(/unknown policy "tlfs"/);
    expect(bad({ traces: ['a'], policies: ['tlsf'], align: [24] })).toThrow(/"align" to be powers of two, got 24/);
    expect(bad({ traces: ['a'], policies: ['tlsf'], limit: '12X' })).toThrow(/"limit" to be null, bytes/);
    expect(bad({ traces: ['a'], policies: ['tlsf'], polices: [] })).toThrow(/unknown key "polices"/);
    expect(() => parseShard('2/2')).toThrow(/0 <= i < n/);
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{"traces": [');
    expect(() => readStudy(file)).toThrow(`${file}: expected JSON`);
    const run = await cli(['study', file]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('expected JSON');
    expect((await cli(['study', file, '--shard', '3'])).stderr).toContain('--shard: expected a shard i/n');
  });
});
