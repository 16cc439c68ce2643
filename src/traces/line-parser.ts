import type { BlockId } from './liveness';

/**
 * Where a parser puts the events it reads: the object reader (readTrace) builds TraceEvents,
 * the column reader (readColumns) writes typed arrays. Sizes are safe integers, alignments
 * powers of two.
 */
export interface EventSink {
  /** True when ids may come as numbers (mtrace's canonical hex addresses): no string per event. */
  readonly numericIds: boolean;
  /** `site`: the caller, an index into the reader's SiteTable, or -1 (none, or sites not asked for). */
  alloc(id: BlockId, size: number, align: number, line: number, site: number): void;
  free(id: BlockId, line: number): void;
  /** Resize block `id`; the result is named `newId` (equal to `id` when it stayed in place). */
  realloc(id: BlockId, newId: BlockId, size: number, align: number, line: number, site: number): void;
  /** The parser refused the event that made block `id` (reported): its free or realloc is quiet. */
  rejected(id: BlockId): void;
}

/**
 * One trace format's grammar, fed a line at a time straight out of the input chunk
 * (bytes [start, end) of `buf`, newline and any '\r' already cut off) so no format has
 * to split or copy the chunk. Events go to `out`; problems go to the parser's ProblemLog.
 */
export interface LineParser {
  line(buf: Buffer, start: number, end: number, lineNo: number, out: EventSink): void;
  /** End of input: report anything left half-done (e.g. a realloc missing its second line). */
  finish(lastLine: number, out: EventSink): void;
  /** Lines the format skips on purpose (markers, comments, failed calls), for the summary. */
  readonly skipped: number;
}

/** The largest size a trace may give: sizes are doubles, exact up to 2^53 - 1. */
export const MAX_SIZE = Number.MAX_SAFE_INTEGER;
export const SIZE_TOO_BIG = 'a size below 2^53 bytes (no heap holds more; larger numbers lose their low bits)';
