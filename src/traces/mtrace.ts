import { type EventSink, type LineParser, MAX_SIZE, SIZE_TOO_BIG } from './line-parser';
import type { BlockId } from './liveness';
import type { ProblemLog } from './problems';
import type { SiteTable } from './sites';

/**
 * glibc `mtrace` text, as malloc/mtrace-impl.c writes it (glibc 2.36):
 *
 *   = Start
 *   @ ./prog:[0x4005d6] + 0x1e3b2a0 0x64        malloc, calloc, memalign, realloc(NULL, n)
 *   @ ./prog:(main+0x1a)[0x4005d6] - 0x1e3b2a0   free, realloc(p, 0)
 *   @ ./prog:[0x4005e1] < 0x1e3b2a0              realloc: the old block …
 *   @ ./prog:[0x4005e1] > 0x1e3b6c0 0x3e8         … then the new one and its size
 *   @ [0x7f…] ! 0x1e3b2a0 0x3e8                  realloc that failed (old block stays)
 *   = End
 *
 * The caller part is `@ file:[addr]`, `@ file:(sym±off)[addr]`, `@ [addr]`, or absent;
 * sizes are `%#lx`, so zero is written `0` without `0x`; a failed malloc writes `(nil)`.
 * free(NULL) writes nothing. The scanner works on bytes: it finds the caller's closing ']'
 * from the end of the line (so a file name with spaces cannot confuse it), then reads the
 * op char and hex fields in one pass; no regex, no per-line strings. A block id is the
 * address's text for the object reader, or its value as a number for the column reader when
 * the text is canonical (lowercase, no leading zero, at most 13 digits: exact in a double), so
 * two spellings of one number stay two ids, as they are as text.
 */

/** malloc's guarantee on x86-64 and aarch64 glibc (alignof(max_align_t)); mtrace does not record alignment. */
export const MTRACE_ALIGN = 16;

const SPACE = 0x20;
const AT = 0x40;
const HASH = 0x23;
const EQUALS = 0x3d;
const CLOSE_BRACKET = 0x5d;
const ZERO = 0x30;
const X = 0x78;
const OPEN_PAREN = 0x28;

/**
 * Bytes to a one-byte string. Node's Buffer has a direct latin1Slice under toString('latin1')
 * (undocumented, present since Node 0.x); calling it skips toString's encoding lookup, a tenth
 * of the parse time, since every event makes one or two id strings.
 */
export type Latin1 = (buf: Buffer, start: number, end: number) => string;
const directSlice = (Buffer.prototype as unknown as { latin1Slice?: (start: number, end: number) => string }).latin1Slice;
export const latin1: Latin1 = directSlice
  ? (buf, start, end) => directSlice.call(buf, start, end)
  : (buf, start, end) => buf.toString('latin1', start, end);

/** Added to an upper-case hex digit's value in HEX: an address spelled so is not canonical. */
export const HEX_UPPER = 16;

/** A size that does not fit a double exactly (see SIZE_TOO_BIG). */
const TOO_BIG = -2;

/**
 * Each byte's value as a hex digit: 0-15 for 0-9 and a-f, the value plus HEX_UPPER for A-F,
 * -1 for anything else. One table read per byte instead of two range tests.
 */
export const HEX: Int8Array = (() => {
  const t = new Int8Array(256).fill(-1);
  for (let c = 0; c < 10; c++) t[0x30 + c] = c;
  for (let c = 0; c < 6; c++) {
    t[0x61 + c] = 10 + c;
    t[0x41 + c] = HEX_UPPER + 10 + c;
  }
  return t;
})();

export class MtraceParser implements LineParser {
  skipped = 0;
  /** The old block of a realloc whose '>' line has not come yet (read and set by the column fast path too, mtrace-columns.ts). */
  pendingOld: BlockId | null = null;
  pendingLine = 0;
  pendingSite = -1;
  /** End of the last field scanned (set by the field readers). */
  private pos = 0;

  /** With a site table, allocations carry their caller (the text between '@ ' and the ']'), interned. */
  constructor(private readonly problems: ProblemLog, private readonly sites?: SiteTable) {}

  line(buf: Buffer, start: number, end: number, lineNo: number, out: EventSink): void {
    if (start === end) return;
    const first = buf[start];
    if (first === EQUALS) return this.marker(buf, start, end, lineNo);
    if (first === HASH) {
      this.skipped++;
      return;
    }
    let p = start;
    let site = -1;
    if (first === AT) {
      // The op follows the caller's "[0x…] "; the op fields never contain ']', so the last one is the caller's.
      let bracket = end - 1;
      while (bracket > start && buf[bracket] !== CLOSE_BRACKET) bracket--;
      if (buf[start + 1] !== SPACE || bracket <= start) {
        return this.malformed(lineNo, "expected a caller '@ …[0x…]' before the operation");
      }
      if (bracket + 1 >= end || buf[bracket + 1] !== SPACE) {
        return this.malformed(lineNo, "expected a space and an operation (+ - < > !) after the caller's ']'");
      }
      p = bracket + 2;
      if (this.sites !== undefined) site = this.sites.intern(latin1(buf, start + 2, bracket + 1));
    }
    if (p + 1 >= end || buf[p + 1] !== SPACE) {
      return this.malformed(lineNo, 'expected an operation (+ - < > !) followed by a space');
    }
    const op = buf[p];
    if (op !== 0x3e /* > */ && this.pendingOld !== null) this.danglingRealloc();
    const numeric = out.numericIds;
    switch (op) {
      case 0x2b /* + */: {
        const id = this.address(buf, p + 2, end, numeric);
        if (id === undefined) return this.malformed(lineNo, "expected a hex address after '+'");
        const size = this.size(buf, end);
        if (size === TOO_BIG) {
          this.malformed(lineNo, `expected ${SIZE_TOO_BIG} after the address of '+'`);
          if (id !== null) out.rejected(id);
          return;
        }
        if (size < 0) return this.malformed(lineNo, "expected a space and a hex size after the address of '+'");
        if (id === null) {
          this.skipped++; // malloc returned NULL: nothing was allocated
          return;
        }
        out.alloc(id, size, MTRACE_ALIGN, lineNo, site);
        return;
      }
      case 0x2d /* - */: {
        const id = this.address(buf, p + 2, end, numeric);
        if (id === undefined || this.pos !== end) return this.malformed(lineNo, "expected a hex address (and nothing after it) after '-'");
        if (id === null) {
          this.skipped++; // free(NULL) is a no-op (glibc does not write it, but a hand-made trace may)
          return;
        }
        out.free(id, lineNo);
        return;
      }
      case 0x3c /* < */: {
        const id = this.address(buf, p + 2, end, numeric);
        if (id === undefined || id === null || this.pos !== end) return this.malformed(lineNo, "expected a hex address (and nothing after it) after '<'");
        this.pendingOld = id;
        this.pendingLine = lineNo;
        this.pendingSite = site;
        return;
      }
      case 0x3e /* > */: {
        const old = this.pendingOld;
        if (old === null) return this.malformed(lineNo, "expected a '<' line (the old block) before this '>' line of a realloc");
        this.pendingOld = null;
        const id = this.address(buf, p + 2, end, numeric);
        if (id === undefined || id === null) return this.malformed(lineNo, "expected a hex address after '>'");
        const size = this.size(buf, end);
        if (size === TOO_BIG) {
          // The old block is gone from the program's view; the new one cannot be replayed.
          this.malformed(lineNo, `expected ${SIZE_TOO_BIG} after the address of '>'`);
          out.free(old, this.pendingLine);
          out.rejected(id);
          return;
        }
        if (size < 0) return this.malformed(lineNo, "expected a space and a hex size after the address of '>'");
        out.realloc(old, id, size, MTRACE_ALIGN, this.pendingLine, this.pendingSite >= 0 ? this.pendingSite : site);
        return;
      }
      case 0x21 /* ! */: {
        const id = this.address(buf, p + 2, end, false);
        if (id === undefined || id === null || this.size(buf, end) === -1) return this.malformed(lineNo, "expected a hex address and a hex size after '!'");
        this.skipped++; // failed realloc: the old block stays live, nothing changes
        return;
      }
      default:
        return this.malformed(lineNo, `expected an operation (+ - < > !), found '${String.fromCharCode(op)}'`);
    }
  }

  finish(): void {
    if (this.pendingOld !== null) this.danglingRealloc();
  }

  private marker(buf: Buffer, start: number, end: number, lineNo: number): void {
    const text = buf.toString('latin1', start, end);
    if (text === '= Start' || text === '= End') {
      this.skipped++;
      return;
    }
    this.malformed(lineNo, "expected '= Start' or '= End'");
  }

  private danglingRealloc(): void {
    const line = this.pendingLine;
    this.pendingOld = null;
    this.malformed(line, "expected a '>' line (the new block) right after this '<' line of a realloc");
  }

  /**
   * Reads `0x<hex>` or `(nil)` at p, up to a space or the line end (this.pos = where it stopped).
   * Returns the id (a number when `numeric` and the text is canonical, else the text), null
   * for (nil), undefined when it is not an address.
   */
  private address(buf: Buffer, p: number, end: number, numeric: boolean): BlockId | null | undefined {
    if (p + 2 < end && buf[p] === ZERO && buf[p + 1] === X) {
      let q = p + 2;
      let value = 0;
      let canonical = buf[q] !== ZERO || q + 1 === end || buf[q + 1] === SPACE;
      for (; q < end; q++) {
        let d = HEX[buf[q]];
        if (d < 0) break;
        if (d >= HEX_UPPER) {
          canonical = false;
          d -= HEX_UPPER;
        }
        value = value * 16 + d;
      }
      if (q === p + 2 || (q < end && buf[q] !== SPACE)) return undefined;
      this.pos = q;
      return numeric && canonical && q - p - 2 <= 13 ? value : latin1(buf, p, q);
    }
    if (p + 5 <= end && buf[p] === OPEN_PAREN && buf.toString('latin1', p, p + 5) === '(nil)' && (p + 5 === end || buf[p + 5] === SPACE)) {
      this.pos = p + 5;
      return null;
    }
    return undefined;
  }

  /** Reads ' <size>' from this.pos to the line end: `0x<hex>` or `0`. Returns -1 when malformed, TOO_BIG past 2^53 - 1. */
  private size(buf: Buffer, end: number): number {
    let p = this.pos;
    if (p >= end || buf[p] !== SPACE) return -1;
    p++;
    if (p + 1 === end && buf[p] === ZERO) return 0;
    if (p + 2 >= end || buf[p] !== ZERO || buf[p + 1] !== X) return -1;
    let value = 0;
    for (let q = p + 2; q < end; q++) {
      const d = HEX[buf[q]];
      if (d < 0) return -1;
      value = value * 16 + (d & 15);
    }
    return value > MAX_SIZE ? TOO_BIG : value;
  }

  private malformed(line: number, message: string): void {
    this.problems.report('malformed', line, message);
  }
}
