import type { LineParser } from './line-parser';
import { LiveBlocks } from './liveness';
import { CsvParser, JsonlParser, TRACE_HEADER } from './memscope-format';
import { MtraceParser } from './mtrace';
import { ProblemLog, ProblemSummary } from './problems';
import { SiteTable } from './sites';
import { decodedChunks, openSource, TraceSource } from './source';
import { ProblemMode, TraceError, TraceEvent } from './types';

export type TraceFormat = 'mtrace' | 'memscope-jsonl' | 'memscope-csv';

export interface ReadTraceOptions {
  /** strict: throw TraceError at the first problem; lenient (default): skip, count and report. */
  mode?: ProblemMode;
  /** Called after each raw chunk with the bytes read so far (compressed bytes for gzip) and the file size when known. */
  onProgress?: (bytesRead: number, totalBytes?: number) => void;
  /** Check frees and reallocs against the live blocks (unknown pointer, double free). Default true. */
  validateLiveness?: boolean;
  /** How many problems the summary keeps in full (all are counted). Default 20. */
  maxProblems?: number;
  /** Skip detection and read this format. */
  format?: TraceFormat;
  /** Name for problem messages instead of the path ('<stdin>', '<stream>' by default for streams). */
  name?: string;
  /** Give allocations their caller (`event.site`, an index into `reader.sites()`): mtrace's `@ …` field, JSONL's `site`. Default false. */
  sites?: boolean;
}

export interface TraceSummary {
  file: string;
  format: TraceFormat | undefined;
  gzip: boolean;
  /** Raw bytes read (compressed, for gzip) and decoded text bytes parsed. */
  bytesRead: number;
  textBytes: number;
  lines: number;
  /** Events delivered, by op (after liveness checks). */
  events: number;
  allocs: number;
  frees: number;
  reallocs: number;
  /** Lines skipped on purpose: comments, headers, `= Start`/`= End`, failed calls in mtrace. */
  skippedLines: number;
  /** Blocks and bytes still live at the current point (end of trace once done); undefined without liveness checks. */
  live: { blocks: number; bytes: number } | undefined;
  problems: ProblemSummary;
  /** True once the whole input has been read. */
  done: boolean;
}

/** A trace being read: iterate it for batches of events, ask it for the summary at any time. */
export interface TraceReader extends AsyncIterable<TraceEvent[]> {
  summary(): TraceSummary;
  /** The callers seen so far, indexed by `event.site` (empty unless read with `sites: true`). */
  sites(): readonly string[];
}

/** A single line longer than this is broken input, not a trace line; it is reported and dropped. */
const MAX_LINE_BYTES = 1 << 20;

/**
 * Streams a heap trace (glibc mtrace, or memscope JSONL/CSV; plain or gzip; file path,
 * '-' for stdin, or a stream) as batches of TraceEvent, one batch per input chunk, so a
 * 10^7-event file is replayed in bounded memory. The format is detected from the first
 * line that is not a comment. Iterate once.
 *
 *   const trace = readTrace('traces/sort.mtrace.gz', { mode: 'lenient' });
 *   for await (const batch of trace) for (const e of batch) replay(e);
 *   console.log(trace.summary().problems);
 */
export function readTrace(source: TraceSource, options: ReadTraceOptions = {}): TraceReader {
  const opened = openSource(source, options.name);
  const problems = new ProblemLog(opened.name, options.mode ?? 'lenient', options.maxProblems ?? 20);
  const live = options.validateLiveness === false ? undefined : new LiveBlocks(problems);
  const sites = options.sites ? new SiteTable() : undefined;
  const s: TraceSummary = {
    file: opened.name,
    format: options.format,
    gzip: false,
    bytesRead: 0,
    textBytes: 0,
    lines: 0,
    events: 0,
    allocs: 0,
    frees: 0,
    reallocs: 0,
    skippedLines: 0,
    live: undefined,
    problems: problems.snapshot(),
    done: false,
  };
  let parser: LineParser | undefined = options.format ? makeParser(options.format, problems, sites) : undefined;
  let started = false;

  const summary = (): TraceSummary => ({
    ...s,
    skippedLines: s.skippedLines + (parser?.skipped ?? 0),
    live: live ? { blocks: live.blocks, bytes: live.bytes } : undefined,
    problems: problems.snapshot(),
  });

  /** Decides the format from the first line that is not blank or a comment. */
  function detect(buf: Buffer, start: number, end: number, lineNo: number): LineParser | undefined {
    const c = buf[start];
    if (start === end) return undefined;
    if (c === 0x23 /* # */) {
      const text = buf.toString('utf8', start, Math.min(end, start + 64));
      if (text.startsWith('#memscope-trace') && text.trim() !== TRACE_HEADER) {
        throw new TraceError({ file: opened.name, line: lineNo, kind: 'unsupported', message: `expected '${TRACE_HEADER}': this reader knows version 1 only` });
      }
      s.skippedLines++;
      return undefined;
    }
    const two = buf.toString('latin1', start, Math.min(end, start + 3));
    let format: TraceFormat | undefined;
    if (c === 0x7b /* { */) format = 'memscope-jsonl';
    else if (two.startsWith('op,') || two === 'op') format = 'memscope-csv';
    else if (/^[=@+\-<>!] /.test(two)) format = 'mtrace';
    if (!format) {
      throw new TraceError({
        file: opened.name,
        line: lineNo,
        kind: 'unsupported',
        message: "expected a heap trace: an mtrace line ('= Start', '@ …'), a JSON object ({\"op\":…}) or the CSV header 'op,id,size,align,new_id'",
      });
    }
    s.format = format;
    return makeParser(format, problems, sites);
  }

  async function* batches(): AsyncGenerator<TraceEvent[]> {
    if (started) throw new Error(`${opened.name}: a trace reader can be iterated only once`);
    started = true;
    let lineNo = 0;
    let carry: Buffer | null = null;
    let carryTooLong = false;
    let out: TraceEvent[] = [];

    const handle = (buf: Buffer, start: number, end: number): void => {
      lineNo++;
      if (end > start && buf[end - 1] === 0x0d) end--;
      if (parser === undefined) {
        parser = detect(buf, start, end, lineNo);
        if (parser === undefined) return;
      }
      parser.line(buf, start, end, lineNo, out);
    };

    const onRaw = (n: number): void => {
      s.bytesRead += n;
      options.onProgress?.(s.bytesRead, opened.totalBytes);
    };

    for await (const chunk of decodedChunks(opened, onRaw, () => { s.gzip = true; })) {
      s.textBytes += chunk.length;
      let pos = 0;
      if (carry !== null) {
        // Finish the line cut by the previous chunk without copying this whole chunk.
        const nl = chunk.indexOf(10);
        if (nl < 0) {
          if (carry.length + chunk.length > MAX_LINE_BYTES) carryTooLong = true;
          carry = carryTooLong ? carry : Buffer.concat([carry, chunk]);
          continue;
        }
        if (carryTooLong) {
          lineNo++;
          problems.report('malformed', lineNo, `expected a line of at most ${MAX_LINE_BYTES} bytes`);
        } else {
          const line = Buffer.concat([carry, chunk.subarray(0, nl)]);
          handle(line, 0, line.length);
        }
        carry = null;
        carryTooLong = false;
        pos = nl + 1;
      }
      for (;;) {
        const nl = chunk.indexOf(10, pos);
        if (nl < 0) break;
        handle(chunk, pos, nl);
        pos = nl + 1;
      }
      if (pos < chunk.length) {
        carry = Buffer.from(chunk.subarray(pos)); // copy: the chunk's memory may be reused
        if (carry.length > MAX_LINE_BYTES) carryTooLong = true;
      }
      s.lines = lineNo;
      if (out.length) {
        yield deliver(out);
        out = [];
      }
    }
    if (carry !== null) {
      if (carryTooLong) problems.report('malformed', ++lineNo, `expected a line of at most ${MAX_LINE_BYTES} bytes`);
      else handle(carry, 0, carry.length);
    }
    parser?.finish(lineNo, out);
    if (out.length) yield deliver(out);
    s.lines = lineNo;
    s.done = true;
  }

  /** Applies the liveness checks and counts; drops the events they reject. */
  function deliver(events: TraceEvent[]): TraceEvent[] {
    let kept = 0;
    for (let i = 0; i < events.length; i++) {
      const e = live ? live.apply(events[i]) : events[i];
      if (e === null) continue;
      if (e.op === 'alloc') s.allocs++;
      else if (e.op === 'free') s.frees++;
      else s.reallocs++;
      events[kept++] = e;
    }
    events.length = kept;
    s.events += kept;
    return events;
  }

  return {
    [Symbol.asyncIterator]: batches,
    summary,
    sites: () => sites?.names ?? [],
  };
}

function makeParser(format: TraceFormat, problems: ProblemLog, sites?: SiteTable): LineParser {
  switch (format) {
    case 'mtrace':
      return new MtraceParser(problems, sites);
    case 'memscope-jsonl':
      return new JsonlParser(problems, sites);
    case 'memscope-csv':
      return new CsvParser(problems);
  }
}
