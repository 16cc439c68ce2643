import type { LineParser } from './line-parser';
import type { ProblemLog } from './problems';
import type { TraceEvent } from './types';

/**
 * memscope's own trace format (traces/FORMAT.md), one heap operation per line, in two
 * spellings of the same fields:
 *
 *   JSON lines  {"op":"alloc","id":"b1","size":24,"align":8}
 *               {"op":"realloc","id":"b1","new_id":"b2","size":48,"align":8}
 *               {"op":"free","id":"b1"}
 *   CSV         op,id,size,align,new_id        (the header line, required)
 *               alloc,b1,24,8,
 *
 * Both may start with `#memscope-trace v1` and carry `#` comment lines anywhere.
 * size is in bytes; align defaults to 16 (malloc's guarantee) when left out.
 */

export const TRACE_HEADER = '#memscope-trace v1';
export const CSV_COLUMNS = ['op', 'id', 'size', 'align', 'new_id'] as const;
export const DEFAULT_ALIGN = 16;

const HASH = 0x23;

interface Fields {
  op: unknown;
  id: unknown;
  size: unknown;
  align: unknown;
  new_id: unknown;
}

/** Turns the fields of one line into an event, or a message saying what was expected. */
function toEvent(f: Fields, line: number): TraceEvent | string {
  const id = blockId(f.id);
  if (id === undefined) return 'expected "id" (a block id: a string or an integer)';
  if (f.op === 'free') return { op: 'free', id, line };
  if (f.op !== 'alloc' && f.op !== 'realloc') return 'expected "op" to be alloc, free or realloc';
  const size = f.size;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return 'expected "size" (bytes, a non-negative integer)';
  let align = DEFAULT_ALIGN;
  if (f.align !== undefined && f.align !== null && f.align !== '') {
    const a = f.align;
    if (typeof a !== 'number' || !Number.isSafeInteger(a) || a <= 0 || (a & (a - 1)) !== 0) return 'expected "align" to be a power of two';
    align = a;
  }
  if (f.op === 'alloc') return { op: 'alloc', id, size, align, line };
  let newId = id;
  if (f.new_id !== undefined && f.new_id !== null && f.new_id !== '') {
    const n = blockId(f.new_id);
    if (n === undefined) return 'expected "new_id" (a block id: a string or an integer)';
    newId = n;
  }
  return { op: 'realloc', id, newId, size, align, line };
}

function blockId(v: unknown): string | undefined {
  if (typeof v === 'string' && v.length > 0) return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return undefined;
}

/** One JSON object per line. */
export class JsonlParser implements LineParser {
  skipped = 0;
  constructor(private readonly problems: ProblemLog) {}

  line(buf: Buffer, start: number, end: number, lineNo: number, out: TraceEvent[]): void {
    if (start === end) return;
    if (buf[start] === HASH) {
      this.skipped++;
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(buf.toString('utf8', start, end));
    } catch (err) {
      this.problems.report('malformed', lineNo, `expected a JSON object ({"op":…}): ${(err as Error).message}`);
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.problems.report('malformed', lineNo, 'expected a JSON object ({"op":…})');
      return;
    }
    const event = toEvent(value as Fields, lineNo);
    if (typeof event === 'string') this.problems.report('malformed', lineNo, event);
    else out.push(event);
  }

  finish(): void {}
}

/**
 * Comma-separated, header first. Ids may not contain commas (there is no quoting);
 * columns may come in any order the header names, `op` and `id` are required.
 */
export class CsvParser implements LineParser {
  skipped = 0;
  private columns: number[] | null = null; // index of op,id,size,align,new_id in a row (-1: absent)

  constructor(private readonly problems: ProblemLog) {}

  line(buf: Buffer, start: number, end: number, lineNo: number, out: TraceEvent[]): void {
    if (start === end) return;
    if (buf[start] === HASH) {
      this.skipped++;
      return;
    }
    const cells = buf.toString('utf8', start, end).split(',');
    if (this.columns === null) return this.header(cells, lineNo);
    const cell = (k: number): string | undefined => (this.columns![k] >= 0 ? cells[this.columns![k]] : undefined);
    const number = (text: string | undefined): unknown => (text === undefined || text === '' ? undefined : /^\d+$/.test(text) ? Number(text) : text);
    const fields: Fields = { op: cell(0), id: cell(1), size: number(cell(2)), align: number(cell(3)), new_id: cell(4) };
    const event = toEvent(fields, lineNo);
    if (typeof event === 'string') this.problems.report('malformed', lineNo, event);
    else out.push(event);
  }

  private header(cells: string[], lineNo: number): void {
    const columns = CSV_COLUMNS.map((name) => cells.indexOf(name));
    if (columns[0] < 0 || columns[1] < 0) {
      // Without a header no row can be read: this is fatal in either mode.
      this.problems.report('malformed', lineNo, `expected the CSV header '${CSV_COLUMNS.join(',')}'`);
      return;
    }
    this.columns = columns;
    this.skipped++;
  }

  finish(): void {}
}

/** The JSON-lines spelling of one event (no newline). */
export function formatJsonl(e: TraceEvent): string {
  switch (e.op) {
    case 'alloc':
      return `{"op":"alloc","id":${JSON.stringify(e.id)},"size":${e.size},"align":${e.align}}`;
    case 'free':
      return `{"op":"free","id":${JSON.stringify(e.id)}}`;
    case 'realloc':
      return `{"op":"realloc","id":${JSON.stringify(e.id)},"new_id":${JSON.stringify(e.newId)},"size":${e.size},"align":${e.align}}`;
  }
}

/** The CSV spelling of one event (no newline), in the column order of CSV_COLUMNS. */
export function formatCsv(e: TraceEvent): string {
  switch (e.op) {
    case 'alloc':
      return `alloc,${e.id},${e.size},${e.align},`;
    case 'free':
      return `free,${e.id},,,`;
    case 'realloc':
      return `realloc,${e.id},${e.size},${e.align},${e.newId}`;
  }
}
