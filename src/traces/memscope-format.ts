import { type EventSink, type LineParser, MAX_SIZE, SIZE_TOO_BIG } from './line-parser';
import type { ProblemLog } from './problems';
import type { SiteTable } from './sites';
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
  site?: unknown;
}

/**
 * Checks the fields of one line and hands the event to `out`, or returns a message saying what
 * was expected. A size past 2^53 - 1 is refused with its block id noted (out.rejected), so the
 * block's free is not reported again as a free of an unknown block.
 */
function emit(f: Fields, line: number, out: EventSink, sites?: SiteTable): string | undefined {
  const id = blockId(f.id);
  if (id === undefined) return 'expected "id" (a block id: a string or an integer)';
  if (f.op === 'free') {
    out.free(id, line);
    return undefined;
  }
  if (f.op !== 'alloc' && f.op !== 'realloc') return 'expected "op" to be alloc, free or realloc';
  const size = f.size;
  if (typeof size === 'number' && Number.isInteger(size) && size > MAX_SIZE) {
    if (f.op === 'realloc') out.free(id, line);
    out.rejected(f.op === 'realloc' ? (blockId(f.new_id) ?? id) : id);
    return `expected "size" to be ${SIZE_TOO_BIG}`;
  }
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return 'expected "size" (bytes, a non-negative integer)';
  let align = DEFAULT_ALIGN;
  if (f.align !== undefined && f.align !== null && f.align !== '') {
    const a = f.align;
    if (typeof a !== 'number' || !Number.isSafeInteger(a) || a <= 0 || (a & (a - 1)) !== 0) return 'expected "align" to be a power of two';
    align = a;
  }
  let site = -1;
  if (sites !== undefined && f.site !== undefined && f.site !== null) {
    if (typeof f.site !== 'string' || f.site === '') return 'expected "site" (the caller) to be a non-empty string';
    site = sites.intern(f.site);
  }
  if (f.op === 'alloc') {
    out.alloc(id, size, align, line, site);
    return undefined;
  }
  let newId = id;
  if (f.new_id !== undefined && f.new_id !== null && f.new_id !== '') {
    const n = blockId(f.new_id);
    if (n === undefined) return 'expected "new_id" (a block id: a string or an integer)';
    newId = n;
  }
  out.realloc(id, newId, size, align, line, site);
  return undefined;
}

function blockId(v: unknown): string | undefined {
  if (typeof v === 'string' && v.length > 0) return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return undefined;
}

/** One JSON object per line. */
export class JsonlParser implements LineParser {
  skipped = 0;
  /** With a site table, an alloc or realloc's `site` key (its caller) is interned into it. */
  constructor(private readonly problems: ProblemLog, private readonly sites?: SiteTable) {}

  line(buf: Buffer, start: number, end: number, lineNo: number, out: EventSink): void {
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
    const problem = emit(value as Fields, lineNo, out, this.sites);
    if (problem !== undefined) this.problems.report('malformed', lineNo, problem);
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
  // Where each cell of the current row starts and ends: filled by one pass over the bytes.
  private readonly cellStart: Int32Array = new Int32Array(64);
  private readonly cellEnd: Int32Array = new Int32Array(64);
  private cells = 0;

  constructor(private readonly problems: ProblemLog) {}

  line(buf: Buffer, start: number, end: number, lineNo: number, out: EventSink): void {
    if (start === end) return;
    if (buf[start] === HASH) {
      this.skipped++;
      return;
    }
    if (this.columns === null) return this.header(buf.toString('utf8', start, end).split(','), lineNo);
    this.split(buf, start, end);
    const fields: Fields = {
      op: this.text(buf, 0),
      id: this.text(buf, 1),
      size: this.number(buf, 2),
      align: this.number(buf, 3),
      new_id: this.text(buf, 4),
    };
    const problem = emit(fields, lineNo, out);
    if (problem !== undefined) this.problems.report('malformed', lineNo, problem);
  }

  private split(buf: Buffer, start: number, end: number): void {
    let n = 0;
    let cell = start;
    for (let p = start; p < end && n < 63; p++) {
      if (buf[p] === 0x2c /* , */) {
        this.cellStart[n] = cell;
        this.cellEnd[n++] = p;
        cell = p + 1;
      }
    }
    this.cellStart[n] = cell;
    this.cellEnd[n++] = end;
    this.cells = n;
  }

  /** The text of column k (by the header's order), undefined when the row or header lacks it. */
  private text(buf: Buffer, k: number): string | undefined {
    const c = this.columns![k];
    if (c < 0 || c >= this.cells) return undefined;
    return buf.toString('utf8', this.cellStart[c], this.cellEnd[c]);
  }

  /** Column k as a number when it is all decimal digits, its text otherwise (for the error), undefined when empty. */
  private number(buf: Buffer, k: number): unknown {
    const c = this.columns![k];
    if (c < 0 || c >= this.cells) return undefined;
    const s = this.cellStart[c];
    const e = this.cellEnd[c];
    if (s === e) return undefined;
    let value = 0;
    for (let p = s; p < e; p++) {
      const d = buf[p] - 0x30;
      if (d < 0 || d > 9) return buf.toString('utf8', s, e);
      value = value * 10 + d;
    }
    return value;
  }

  private header(cells: string[], lineNo: number): void {
    const columns = CSV_COLUMNS.map((name) => cells.indexOf(name));
    if (columns[0] < 0 || columns[1] < 0) {
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
