/**
 * The cells of a study: one replay of one trace on one policy under one setting. Cells are
 * listed in a fixed order (trace, policy, align, header, limit as the study lists them) and
 * named by what they compute, so any process, on any machine, agrees on which cell is which:
 * `--shard i/n` takes cells i, i+n, i+2n, … and the file of a finished cell is its proof.
 */
import { createHash } from 'crypto';
import * as path from 'path';
import type { Study } from './spec';

export interface Cell {
  /** Position in the grid (0-based). */
  index: number;
  trace: { label: string; path: string };
  policy: string;
  align: number;
  header: number;
  limit: number | null;
}

export function cells(study: Study): Cell[] {
  const out: Cell[] = [];
  for (const trace of study.traces)
    for (const policy of study.policies)
      for (const align of study.align)
        for (const header of study.header)
          for (const limit of study.limit) out.push({ index: out.length, trace, policy, align, header, limit });
  return out;
}

/**
 * A file name that says what the cell is, plus a hash of the trace's content and of every
 * setting, so a changed trace or setting is a different cell (computed again) and two
 * traces of the same name in different folders do not collide.
 */
export function cellId(cell: Cell, traceSha256: string, mode: string): string {
  const base = path.basename(cell.trace.label).replace(/(\.mtrace|\.jsonl|\.csv)?(\.gz)?$/, '').replace(/[^A-Za-z0-9_-]+/g, '_');
  const key = JSON.stringify([cell.trace.label, traceSha256, cell.policy, cell.align, cell.header, cell.limit, mode]);
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return `${base}.${cell.policy}.a${cell.align}.h${cell.header}.l${cell.limit ?? 'none'}.${hash}`;
}

export interface Shard {
  index: number;
  count: number;
}

/** "2/8" → shard 2 of 8 (0-based index, as Slurm's and Kubernetes' array indexes are). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index >= count) throw new Error(`expected a shard i/n with 0 <= i < n (e.g. 0/4), got '${text}'`);
  return { index, count };
}

export function inShard(cell: Cell, shard: Shard | undefined): boolean {
  return shard === undefined || cell.index % shard.count === shard.index;
}
