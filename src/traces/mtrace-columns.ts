import { OP_ALLOC, OP_FREE, OP_REALLOC } from './columns';
import type { ColumnWriter } from './column-writer';
import { DROPPED } from './liveness';
import { HEX, HEX_UPPER, latin1, MTRACE_ALIGN, type MtraceParser } from './mtrace';
import type { SiteTable } from './sites';

/**
 * The column reader's fast path for mtrace: the line shapes that make up nearly every real
 * trace, read straight from the chunk into the ColumnWriter in one loop, with no per-line call
 * through the LineParser/EventSink interfaces:
 *
 *   [@ <caller>] ]+ 0x<addr> 0x<size>|0      alloc
 *   [@ <caller>] ]- 0x<addr>                 free
 *   [@ <caller>] ]< 0x<addr>                 realloc, old block
 *   [@ <caller>] ]> 0x<addr> 0x<size>|0      realloc, new block
 *
 * with the address canonical (lowercase, no leading zero, at most 13 digits: the same rule by
 * which MtraceParser makes a numeric id) and the size at most 13 hex digits (so below 2^53).
 * Each line is read from its end back to the caller's ']', so the caller's text is never
 * scanned. Any other line — a marker, a comment, (nil), an upper-case or over-long address, a
 * '!', a '<' still waiting for its '>', anything malformed — is left to MtraceParser, which
 * reads it exactly as before; so is a line cut by the chunk's end. What the fast path accepts,
 * MtraceParser would read to the same id, size, site and event, so the output is the same.
 */

const NEWLINE = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const AT = 0x40;
const CLOSE_BRACKET = 0x5d;
const ZERO = 0x30;
const X = 0x78;
const PLUS = 0x2b;
const MINUS = 0x2d;
const LESS = 0x3c;
const GREATER = 0x3e;

/** Hex digits at most in a fast-path field: 16^13 = 2^52, so the value is exact and below MAX_SIZE. */
const MAX_DIGITS = 13;

/** log2(MTRACE_ALIGN), the alignLog2 column of an alloc or realloc. */
const MTRACE_ALIGN_LOG2 = 4;

export class MtraceColumns {
  /** Lines read so far in the trace: set by the caller before `lines`, advanced by it. */
  lineNo = 0;
  /** Set by `field`: the value of the hex digits read, and whether any was upper case. */
  private value = 0;
  private upper = false;

  constructor(
    private readonly parser: MtraceParser,
    private readonly out: ColumnWriter,
    private readonly sites: SiteTable | undefined,
  ) {}

  /**
   * Reads whole lines of `buf` from `pos` while they have a fast shape. Returns where it
   * stopped: the start of a line for MtraceParser, or of the cut line at the chunk's end.
   */
  lines(buf: Buffer, pos: number): number {
    const parser = this.parser;
    const out = this.out;
    const sites = this.sites;
    const live = out.live;
    const counts = out.counts;
    const capacity = out.capacity;
    let lineNo = this.lineNo;
    let c = out.current;
    let n = c.length;
    // c.length is written back before any call that may add an event or throw (strict mode).
    try {
      for (;;) {
        const nl = buf.indexOf(NEWLINE, pos);
        if (nl < 0) break;
        let end = nl;
        if (end > pos && buf[end - 1] === CR) end--;
        // The last field: an address (- <) or a size (+ >).
        const q = this.field(buf, pos, end - 1);
        const digits = end - 1 - q;
        let space: number; // the space before the last field
        let zeroSize = false;
        if (digits >= 1 && digits <= MAX_DIGITS && q - 3 >= pos && buf[q] === X && buf[q - 1] === ZERO && buf[q - 2] === SPACE) space = q - 2;
        else if (digits === 1 && buf[q] === SPACE && buf[end - 1] === ZERO && q - 1 >= pos) {
          space = q; // a size of zero, which %#lx writes as '0'
          zeroSize = true;
        } else break;
        const lastValue = this.value;
        const lastUpper = this.upper;
        const before = buf[space - 1];
        let op: number;
        let address: number;
        let size = 0;
        let opAt: number;
        if (before === MINUS || before === LESS) {
          // The last field is the address: lowercase, "0x" form, no leading zero unless it is "0x0".
          if (zeroSize || lastUpper || (buf[q + 1] === ZERO && digits > 1)) break;
          op = before;
          address = lastValue;
          opAt = space - 1;
        } else {
          // The last field is the size; the address comes before it.
          const a = this.field(buf, pos, space - 1);
          const aDigits = space - 1 - a;
          if (aDigits < 1 || aDigits > MAX_DIGITS || this.upper || a - 3 < pos || buf[a] !== X || buf[a - 1] !== ZERO || buf[a - 2] !== SPACE) break;
          if (buf[a + 1] === ZERO && aDigits > 1) break;
          op = buf[a - 3];
          if (op !== PLUS && op !== GREATER) break;
          address = this.value;
          size = lastValue;
          opAt = a - 3;
        }
        // Before the op: the line's start, or "@ <caller>] " (the ']' is the line's last: the fields hold none).
        let site = -1;
        if (opAt !== pos) {
          if (opAt - 2 <= pos || buf[opAt - 1] !== SPACE || buf[opAt - 2] !== CLOSE_BRACKET || buf[pos] !== AT || buf[pos + 1] !== SPACE) break;
          if (sites !== undefined) site = sites.intern(latin1(buf, pos + 2, opAt - 1));
        }
        const pending = parser.pendingOld;
        let kind: number;
        let block: number;
        let newBlock: number;
        let line = lineNo + 1;
        if (op === GREATER) {
          if (pending === null) break; // a '>' without its '<': MtraceParser reports it
          parser.pendingOld = null;
          lineNo++;
          line = parser.pendingLine;
          if (parser.pendingSite >= 0) site = parser.pendingSite;
          if (typeof pending !== 'number') {
            // The old block's id is text (MtraceParser read its '<' line): the general way.
            c.length = n;
            out.realloc(pending, address, size, MTRACE_ALIGN, line, site);
            c = out.current;
            n = c.length;
            pos = nl + 1;
            continue;
          }
          newBlock = live.reallocAddress(pending, address, size, line);
          if (newBlock === DROPPED) {
            pos = nl + 1;
            continue;
          }
          block = live.oldBlock;
          if (block === DROPPED) {
            // A realloc of a block the trace does not know: the program got the new one all the same.
            kind = OP_ALLOC;
            block = newBlock;
            counts.allocs++;
          } else {
            kind = OP_REALLOC;
            counts.reallocs++;
          }
        } else {
          if (pending !== null) break; // a '<' left without its '>': MtraceParser reports it
          lineNo++;
          pos = nl + 1;
          if (op === LESS) {
            parser.pendingOld = address;
            parser.pendingLine = lineNo;
            parser.pendingSite = site;
            continue;
          }
          if (op === PLUS) {
            block = live.allocAddress(address, size, lineNo);
            if (block === DROPPED) continue;
            kind = OP_ALLOC;
            counts.allocs++;
          } else {
            block = live.freeAddress(address, lineNo);
            if (block === DROPPED) continue;
            kind = OP_FREE;
            size = 0;
            site = -1;
            counts.frees++;
          }
          newBlock = block;
        }
        // The event, straight into the columns (ColumnWriter.put's work, without a call per event).
        if (n === capacity) {
          c.length = n;
          c = out.spill();
          n = 0;
        }
        c.op[n] = kind;
        c.block[n] = block;
        c.newBlock[n] = newBlock;
        c.size[n] = size;
        c.alignLog2[n] = kind === OP_FREE ? 0 : MTRACE_ALIGN_LOG2;
        c.line[n] = line;
        if (c.site !== null) c.site[n] = site;
        n++;
        counts.events++;
        pos = nl + 1;
      }
    } finally {
      c.length = n;
    }
    this.lineNo = lineNo;
    return pos;
  }

  /**
   * Reads hex digits back from `q` (inclusive) while above `start`, into this.value and
   * this.upper; only the last MAX_DIGITS + 1 digits count (a longer field is not taken anyway).
   * Returns the index of the byte before the digits. Integer shifts, not a float multiply per
   * digit: the low 7 digits in `low`, the next 7 in `high`.
   */
  private field(buf: Buffer, start: number, q: number): number {
    let low = 0;
    let high = 0;
    let shift = 0;
    let any = 0;
    for (; q > start; q--) {
      const d = HEX[buf[q]];
      if (d < 0) break;
      any |= d;
      if (shift < 28) low |= (d & 15) << shift;
      else if (shift < 56) high |= (d & 15) << (shift - 28);
      shift += 4;
    }
    this.value = high * 268435456 + low;
    this.upper = (any & HEX_UPPER) !== 0;
    return q;
  }
}
