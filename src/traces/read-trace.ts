import { CHUNK_EVENTS, type EventColumns } from './columns';
import { ColumnWriter, type Counts } from './column-writer';
import type { EventSink, LineParser } from './line-parser';
import { type BlockId, DROPPED, LiveBlocks } from './liveness';
import { CsvParser, JsonlParser, TRACE_HEADER } from './memscope-format';
import { MtraceParser } from './mtrace';
import { MtraceColumns } from './mtrace-columns';
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

/** A trace being read as columns (see columns.ts): chunks of up to CHUNK_EVENTS events. */
export interface ColumnReader extends AsyncIterable<EventColumns> {
  summary(): TraceSummary;
  /** The callers seen so far, indexed by the `site` column (empty unless read with `sites: true`). */
  sites(): readonly string[];
}

export interface ReadColumnsOptions extends Omit<ReadTraceOptions, 'validateLiveness'> {
  /** Put each chunk in a SharedArrayBuffer, for worker threads to read in place. */
  shared?: boolean;
  /** Events per chunk (default CHUNK_EVENTS). */
  chunkEvents?: number;
  /**
   * A chunk this reader handed out that every reader of it is done with, or undefined: it is
   * filled again instead of allocating a new one. With workers, this is what keeps memory
   * bounded: a SharedArrayBuffer is freed only when both threads' collectors run, which a reader
   * that makes little garbage does not make them do (a 10^8-event replay reached 900 MB of RSS).
   */
  reuse?: () => EventColumns | undefined;
}

/** A single line longer than this is broken input, not a trace line; it is reported and dropped. */
const MAX_LINE_BYTES = 1 << 20;
/** A "line" this long is not text at all (e.g. /dev/zero): reading stops with an error. */
const MAX_RUNAWAY_BYTES = 64 * MAX_LINE_BYTES;

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
  const scan = new Scan(source, options);
  const live = options.validateLiveness === false ? undefined : new LiveBlocks(scan.problems);
  scan.live = live;
  const sink = new EventObjects(live, scan.counts);
  async function* batches(): AsyncGenerator<TraceEvent[]> {
    for await (const _ of scan.chunks(sink)) {
      if (sink.out.length) {
        yield sink.out;
        sink.out = [];
      }
    }
  }
  return { [Symbol.asyncIterator]: batches, summary: () => scan.summary(), sites: () => scan.sites?.names ?? [] };
}

/**
 * Streams a heap trace like readTrace, as columns: chunks of typed arrays with the blocks
 * named by block number (see columns.ts), no object per event. Liveness is always checked: it is what
 * gives the block numbers. A chunk is handed over once full and never touched again by the reader.
 *
 *   for await (const chunk of readColumns('traces/cc1-gun.mtrace.gz'))
 *     for (let i = 0; i < chunk.length; i++) if (chunk.op[i] === OP_ALLOC) total += chunk.size[i];
 */
export function readColumns(source: TraceSource, options: ReadColumnsOptions = {}): ColumnReader {
  const scan = new Scan(source, options);
  const live = new LiveBlocks(scan.problems);
  scan.live = live;
  const sink = new ColumnWriter(live, scan.counts, options.shared === true, options.chunkEvents ?? CHUNK_EVENTS, options.sites === true, options.reuse);
  const fast = (parser: LineParser) => (parser instanceof MtraceParser ? new MtraceColumns(parser, sink, scan.sites) : undefined);
  async function* chunks(): AsyncGenerator<EventColumns> {
    for await (const _ of scan.chunks(sink, fast)) {
      while (sink.ready.length) yield sink.ready.shift()!;
    }
    if (sink.current.length) yield sink.take();
  }
  return { [Symbol.asyncIterator]: chunks, summary: () => scan.summary(), sites: () => scan.sites?.names ?? [] };
}

/** The reading shared by both readers: bytes to lines, format detection, the summary. */
class Scan {
  readonly problems: ProblemLog;
  readonly counts: Counts = { events: 0, allocs: 0, frees: 0, reallocs: 0 };
  live: LiveBlocks | undefined;
  readonly sites: SiteTable | undefined;
  private readonly opened;
  private readonly s: Omit<TraceSummary, keyof Counts>;
  private parser: LineParser | undefined;
  private started = false;

  constructor(source: TraceSource, private readonly options: ReadTraceOptions) {
    this.opened = openSource(source, options.name);
    this.problems = new ProblemLog(this.opened.name, options.mode ?? 'lenient', options.maxProblems ?? 20);
    this.s = {
      file: this.opened.name,
      format: options.format,
      gzip: false,
      bytesRead: 0,
      textBytes: 0,
      lines: 0,
      skippedLines: 0,
      live: undefined,
      problems: this.problems.snapshot(),
      done: false,
    };
    this.sites = options.sites ? new SiteTable() : undefined;
    this.parser = options.format ? makeParser(options.format, this.problems, this.sites) : undefined;
  }

  summary(): TraceSummary {
    const live = this.live;
    return {
      ...this.s,
      ...this.counts,
      skippedLines: this.s.skippedLines + (this.parser?.skipped ?? 0),
      live: live ? { blocks: live.blocks, bytes: live.bytes } : undefined,
      problems: this.problems.snapshot(),
    };
  }

  /** Decides the format from the first line that is not blank or a comment. */
  private detect(buf: Buffer, start: number, end: number, lineNo: number): LineParser | undefined {
    const c = buf[start];
    if (start === end) return undefined;
    if (c === 0x23 /* # */) {
      const text = buf.toString('utf8', start, Math.min(end, start + 64));
      if (text.startsWith('#memscope-trace') && text.trim() !== TRACE_HEADER) {
        throw new TraceError({ file: this.opened.name, line: lineNo, kind: 'unsupported', message: `expected '${TRACE_HEADER}': this reader knows version 1 only` });
      }
      this.s.skippedLines++;
      return undefined;
    }
    const two = buf.toString('latin1', start, Math.min(end, start + 3));
    let format: TraceFormat | undefined;
    if (c === 0x7b /* { */) format = 'memscope-jsonl';
    else if (two.startsWith('op,') || two === 'op') format = 'memscope-csv';
    else if (/^[=@+\-<>!] /.test(two)) format = 'mtrace';
    if (!format) throw this.notATrace(lineNo);
    this.s.format = format;
    return makeParser(format, this.problems, this.sites);
  }

  private notATrace(lineNo: number, why = ''): TraceError {
    return new TraceError({
      file: this.opened.name,
      line: lineNo,
      kind: 'unsupported',
      message: `expected a heap trace: an mtrace line ('= Start', '@ …'), a JSON object ({"op":…}) or the CSV header 'op,id,size,align,new_id'${why}`,
    });
  }

  /**
   * Feeds every line to the parser with `sink`, yielding after each input chunk. `fast`, once
   * the format is known, may give a reader for the common lines (it leaves the rest to the parser).
   */
  async *chunks(sink: EventSink, fast?: (parser: LineParser) => MtraceColumns | undefined): AsyncGenerator<void> {
    if (this.started) throw new Error(`${this.opened.name}: a trace reader can be iterated only once`);
    this.started = true;
    const s = this.s;
    const problems = this.problems;
    let lineNo = 0;
    let carry: Buffer | null = null;
    let carryBytes = 0; // length of the cut line so far, kept or not
    let carryTooLong = false;
    let fastLines: MtraceColumns | null | undefined; // undefined: not asked yet; null: none for this format

    const handle = (buf: Buffer, start: number, end: number): void => {
      lineNo++;
      if (end > start && buf[end - 1] === 0x0d) end--;
      if (this.parser === undefined) {
        // A UTF-8 byte order mark (editors on Windows write one) is not part of the first line.
        if (lineNo === 1 && end - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) start += 3;
        this.parser = this.detect(buf, start, end, lineNo);
        if (this.parser === undefined) return;
      }
      this.parser.line(buf, start, end, lineNo, sink);
    };
    const tooLong = (): void => {
      // Before any line was recognised, a line this long means the input is not a text trace.
      if (this.parser === undefined) throw this.notATrace(lineNo + 1, ` (no line break in the first ${MAX_LINE_BYTES} bytes)`);
      if (carryBytes > MAX_RUNAWAY_BYTES) {
        throw new TraceError({ file: this.opened.name, line: lineNo + 1, kind: 'malformed', message: `expected a line break within ${MAX_RUNAWAY_BYTES} bytes: this is not a text trace` });
      }
      carryTooLong = true;
    };

    const onRaw = (n: number): void => {
      s.bytesRead += n;
      this.options.onProgress?.(s.bytesRead, this.opened.totalBytes);
    };

    for await (const chunk of decodedChunks(this.opened, onRaw, () => { s.gzip = true; })) {
      s.textBytes += chunk.length;
      let pos = 0;
      if (carry !== null) {
        // Finish the line cut by the previous chunk without copying this whole chunk.
        const nl = chunk.indexOf(10);
        if (nl < 0) {
          carryBytes += chunk.length;
          if (carryBytes > MAX_LINE_BYTES) tooLong();
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
        if (fastLines === undefined && fast !== undefined && this.parser !== undefined) {
          fastLines = fast(this.parser) ?? null;
        }
        if (fastLines) {
          fastLines.lineNo = lineNo;
          pos = fastLines.lines(chunk, pos);
          lineNo = fastLines.lineNo;
        }
        const nl = chunk.indexOf(10, pos);
        if (nl < 0) break;
        handle(chunk, pos, nl);
        pos = nl + 1;
      }
      if (pos < chunk.length) {
        carry = Buffer.from(chunk.subarray(pos)); // copy: the chunk's memory may be reused
        carryBytes = carry.length;
        if (carryBytes > MAX_LINE_BYTES) tooLong();
      }
      s.lines = lineNo;
      yield;
    }
    if (carry !== null) {
      if (carryTooLong) problems.report('malformed', ++lineNo, `expected a line of at most ${MAX_LINE_BYTES} bytes`);
      else handle(carry, 0, carry.length);
    }
    this.parser?.finish(lineNo, sink);
    s.lines = lineNo;
    s.done = true;
    yield;
  }
}

/** The object reader's sink: TraceEvents with their ids as text, checked against the live blocks. */
class EventObjects implements EventSink {
  readonly numericIds = false;
  out: TraceEvent[] = [];

  constructor(private readonly live: LiveBlocks | undefined, private readonly counts: Counts) {}

  alloc(id: BlockId, size: number, align: number, line: number, site: number): void {
    if (this.live && this.live.alloc(id, size, line) === DROPPED) return;
    this.out.push(site >= 0 ? { op: 'alloc', id: id as string, size, align, line, site } : { op: 'alloc', id: id as string, size, align, line });
    this.counts.allocs++;
    this.counts.events++;
  }

  free(id: BlockId, line: number): void {
    if (this.live && this.live.free(id, line) === DROPPED) return;
    this.out.push({ op: 'free', id: id as string, line });
    this.counts.frees++;
    this.counts.events++;
  }

  realloc(id: BlockId, newId: BlockId, size: number, align: number, line: number, site: number): void {
    const live = this.live;
    if (live) {
      if (live.realloc(id, newId, size, line) === DROPPED) return;
      if (live.oldBlock === DROPPED) {
        // A realloc of a block the trace does not know: the program got newId all the same.
        this.out.push(site >= 0 ? { op: 'alloc', id: newId as string, size, align, line, site } : { op: 'alloc', id: newId as string, size, align, line });
        this.counts.allocs++;
        this.counts.events++;
        return;
      }
    }
    const event: TraceEvent = { op: 'realloc', id: id as string, newId: newId as string, size, align, line };
    if (site >= 0) event.site = site;
    this.out.push(event);
    this.counts.reallocs++;
    this.counts.events++;
  }

  rejected(id: BlockId): void {
    this.live?.rejected(id);
  }
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
