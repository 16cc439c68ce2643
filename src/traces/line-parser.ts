import type { TraceEvent } from './types';

/**
 * One trace format's grammar, fed a line at a time straight out of the input chunk
 * (bytes [start, end) of `buf`, newline and any '\r' already cut off) so no format has
 * to split or copy the chunk. Events go into `out`; problems go to the parser's ProblemLog.
 */
export interface LineParser {
  line(buf: Buffer, start: number, end: number, lineNo: number, out: TraceEvent[]): void;
  /** End of input: report anything left half-done (e.g. a realloc missing its second line). */
  finish(lastLine: number, out: TraceEvent[]): void;
  /** Lines the format skips on purpose (markers, comments, failed calls), for the summary. */
  readonly skipped: number;
}
