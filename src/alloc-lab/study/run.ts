/**
 * Runs a study's cells (all, or one shard's) with the lab's compare, on local cores, storing
 * each cell as soon as its replay is in; then, unless it ran a shard, collects every cell into
 * results.jsonl and results.parquet. A cell already stored is skipped, so running again after
 * a stop, a crash or on another machine does only what is missing.
 */
import * as os from 'os';
import { compare } from '../compare';
import { fileSha256 } from '../analyses/provenance';
import { type Cell, cellId, cells, inShard, type Shard } from './cells';
import { writeParquet } from './duckdb';
import type { Study } from './spec';
import { StudyStore, studyRow, type StudyRow } from './store';

export interface StudyProgress {
  /** Cells of this run (this shard) done, skipped as already stored, and in all. */
  done: number;
  skipped: number;
  total: number;
  /** The cell just finished, with its replay time. */
  cell?: Cell;
  wallMs?: number;
  elapsedMs: number;
}

export interface RunStudyOptions {
  shard?: Shard;
  /** Worker threads (default: one per core). */
  jobs?: number;
  /** Write results.parquet when collecting (default true; needs @duckdb/node-api). */
  parquet?: boolean;
  onProgress?: (p: StudyProgress) => void;
  /** Stops the run; cells finished so far stay stored. */
  signal?: AbortSignal;
}

export interface StudyOutcome {
  /** Cells of this run: computed now, found stored, and in the shard (or grid). */
  ran: number;
  skipped: number;
  total: number;
  /** Set when the results were collected (no shard): the rows and the files written. */
  rows?: StudyRow[];
  missing?: number;
  jsonl?: string;
  parquet?: string;
  wallMs: number;
}

/** SHA-256 of each trace, by path: part of each cell's name. */
async function traceHashes(study: Study): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const t of study.traces) {
    const { sha256 } = await fileSha256(t.path);
    if (sha256 === null) throw new Error(`${study.file}: cannot read trace ${t.label} (${t.path})`);
    hashes.set(t.path, sha256);
  }
  return hashes;
}

export async function runStudy(study: Study, options: RunStudyOptions = {}): Promise<StudyOutcome> {
  const started = performance.now();
  const store = new StudyStore(study.out);
  const hashes = await traceHashes(study);
  const id = (c: Cell) => cellId(c, hashes.get(c.trace.path)!, study.mode);
  const mine = cells(study).filter((c) => inShard(c, options.shard));
  const todo = mine.filter((c) => store.read(id(c)) === undefined);
  const skipped = mine.length - todo.length;
  let done = 0;
  const progress = (cell?: Cell, wallMs?: number) =>
    options.onProgress?.({ done, skipped, total: mine.length, cell, wallMs, elapsedMs: performance.now() - started });
  progress();

  // One compare per setting and set of missing policies: each trace is read once for all of
  // its policies, and traces run side by side on the workers.
  const groups = new Map<string, { cell: Cell; traces: Map<string, Cell[]> }>();
  for (const c of todo) {
    const key = JSON.stringify([c.align, c.header, c.limit]);
    const g = groups.get(key) ?? { cell: c, traces: new Map<string, Cell[]>() };
    g.traces.set(c.trace.path, [...(g.traces.get(c.trace.path) ?? []), c]);
    groups.set(key, g);
  }
  for (const { cell: setting, traces } of groups.values()) {
    const byPolicies = new Map<string, string[]>();
    for (const [trace, cs] of traces) {
      const key = cs.map((c) => c.policy).join(',');
      byPolicies.set(key, [...(byPolicies.get(key) ?? []), trace]);
    }
    for (const [policyList, tracePaths] of byPolicies) {
      const policies = policyList.split(',');
      const cellOf = (trace: string, policy: string) => traces.get(trace)!.find((c) => c.policy === policy)!;
      await compare(tracePaths, {
        policies,
        align: setting.align,
        header: setting.header,
        ...(setting.limit === null ? {} : { limit: setting.limit }),
        mode: study.mode,
        jobs: options.jobs ?? os.availableParallelism(),
        signal: options.signal,
        onProgress: (p) => {
          if (!p.done || p.results === undefined) return;
          for (const r of p.results) {
            const c = cellOf(p.trace, r.policy);
            store.write(id(c), studyRow(study, c, hashes.get(c.trace.path)!, r));
            done++;
            progress(c, r.wallMs);
          }
        },
      });
    }
  }
  const outcome: StudyOutcome = { ran: done, skipped, total: mine.length, wallMs: 0 };
  if (options.shard === undefined) Object.assign(outcome, await collectStudy(study, { parquet: options.parquet, hashes }));
  outcome.wallMs = performance.now() - started;
  return outcome;
}

/**
 * Gathers every stored cell of the grid, in grid order, into results.jsonl (and Parquet):
 * after shards ran anywhere, this gives what one run would have. Cells not stored are counted
 * as missing and left out.
 */
export async function collectStudy(
  study: Study,
  options: { parquet?: boolean; hashes?: Map<string, string> } = {},
): Promise<Required<Pick<StudyOutcome, 'rows' | 'missing' | 'jsonl'>> & { parquet?: string }> {
  const store = new StudyStore(study.out);
  const hashes = options.hashes ?? (await traceHashes(study));
  const rows: StudyRow[] = [];
  let missing = 0;
  for (const c of cells(study)) {
    const row = store.read(cellId(c, hashes.get(c.trace.path)!, study.mode));
    if (row === undefined) missing++;
    else rows.push(row);
  }
  store.writeJsonl(rows);
  const result: Required<Pick<StudyOutcome, 'rows' | 'missing' | 'jsonl'>> & { parquet?: string } = { rows, missing, jsonl: store.jsonl };
  if (options.parquet !== false && rows.length > 0) {
    await writeParquet(store.jsonl, store.parquet);
    result.parquet = store.parquet;
  }
  return result;
}
