/**
 * Where a study keeps its results: one small JSON file per finished cell (cells/<id>.json,
 * written to a temporary name and renamed, so a cell file is either whole or absent, even
 * when the process is killed), and, once collected, results.jsonl with one row per cell in
 * grid order, plus results.parquet (DuckDB). The cell files are the truth: collecting them
 * again always gives the same results, whichever processes or machines made them.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { PolicyResult } from '../../format/lab-report';
import { VERSION } from '../../version';
import type { Cell } from './cells';
import type { Study } from './spec';

/** One row of a study's results: flat, so it is a table (JSON lines, Parquet, a DataFrame). */
export interface StudyRow {
  study: string;
  trace: string;
  trace_sha256: string;
  policy: string;
  align: number;
  header: number;
  /** Heap limit in bytes; null = none. */
  limit: number | null;
  mode: string;
  events: number;
  allocs: number;
  frees: number;
  reallocs: number;
  peak_live: number;
  live_at_end: number;
  footprint: number;
  heap_at_end: number;
  frag1: number | null;
  frag2: number | null;
  frag3: number | null;
  frag4: number | null;
  search_mean: number;
  search_max: number;
  failures: number;
  problems: number;
  /** Measured, so they differ from run to run; every other column is determined by the cell. */
  wall_ms: number;
  ops_per_second: number;
  memscope: string;
}

/** Column types for DuckDB, in row order. */
export const ROW_COLUMNS: Record<keyof StudyRow, 'VARCHAR' | 'BIGINT' | 'DOUBLE'> = {
  study: 'VARCHAR',
  trace: 'VARCHAR',
  trace_sha256: 'VARCHAR',
  policy: 'VARCHAR',
  align: 'BIGINT',
  header: 'BIGINT',
  limit: 'BIGINT',
  mode: 'VARCHAR',
  events: 'BIGINT',
  allocs: 'BIGINT',
  frees: 'BIGINT',
  reallocs: 'BIGINT',
  peak_live: 'BIGINT',
  live_at_end: 'BIGINT',
  footprint: 'BIGINT',
  heap_at_end: 'BIGINT',
  frag1: 'DOUBLE',
  frag2: 'DOUBLE',
  frag3: 'DOUBLE',
  frag4: 'DOUBLE',
  search_mean: 'DOUBLE',
  search_max: 'BIGINT',
  failures: 'BIGINT',
  problems: 'BIGINT',
  wall_ms: 'DOUBLE',
  ops_per_second: 'DOUBLE',
  memscope: 'VARCHAR',
};

/** Columns that are measurements of the run, not results of the cell. */
export const MEASURED_COLUMNS: readonly (keyof StudyRow)[] = ['wall_ms', 'ops_per_second'];

export function studyRow(study: Study, cell: Cell, sha256: string, r: PolicyResult): StudyRow {
  const f = r.fragmentation;
  return {
    study: study.name,
    trace: cell.trace.label,
    trace_sha256: sha256,
    policy: cell.policy,
    align: cell.align,
    header: cell.header,
    limit: cell.limit,
    mode: study.mode,
    events: r.events,
    allocs: r.ops.alloc,
    frees: r.ops.free,
    reallocs: r.ops.realloc,
    peak_live: r.peakLive,
    live_at_end: r.liveAtEnd,
    footprint: r.footprint,
    heap_at_end: r.heapAtEnd,
    frag1: f.f1,
    frag2: f.f2,
    frag3: f.f3,
    frag4: f.f4,
    search_mean: r.searchLength.mean,
    search_max: r.searchLength.max,
    failures: r.failures,
    problems: r.problems.count,
    wall_ms: r.wallMs,
    ops_per_second: r.opsPerSecond,
    memscope: VERSION,
  };
}

export class StudyStore {
  readonly cellsDir: string;

  constructor(readonly out: string) {
    this.cellsDir = path.join(out, 'cells');
  }

  get jsonl(): string {
    return path.join(this.out, 'results.jsonl');
  }

  get parquet(): string {
    return path.join(this.out, 'results.parquet');
  }

  private file(id: string): string {
    return path.join(this.cellsDir, `${id}.json`);
  }

  /** The stored row of a finished cell, or undefined (absent, or unreadable: then it is run again). */
  read(id: string): StudyRow | undefined {
    try {
      const cell = JSON.parse(fs.readFileSync(this.file(id), 'utf8')) as { id?: string; row?: StudyRow };
      return cell.id === id && cell.row !== undefined ? cell.row : undefined;
    } catch {
      return undefined;
    }
  }

  /** Writes a finished cell: whole or not at all (temporary file, then rename). */
  write(id: string, row: StudyRow): void {
    fs.mkdirSync(this.cellsDir, { recursive: true });
    const tmp = `${this.file(id)}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify({ id, row })}\n`);
    fs.renameSync(tmp, this.file(id));
  }

  /** results.jsonl from the rows given (grid order), written whole. */
  writeJsonl(rows: readonly StudyRow[]): void {
    fs.mkdirSync(this.out, { recursive: true });
    const tmp = `${this.jsonl}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
    fs.renameSync(tmp, this.jsonl);
  }
}

/** Reads a results.jsonl back. */
export function readRows(file: string): StudyRow[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as StudyRow);
}
