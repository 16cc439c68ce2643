/**
 * `&s[a..b]` on a String or &str: a `&str` into the same bytes (no allocation), with std's
 * panics when a bound is past the end, the range runs backwards, or a bound falls inside a char.
 */
import type { PlaceRef, RValue } from '../../engine/memory/rvalue';
import { escapeDebugChar } from '../../engine/std/fmt';
import { utf8Length } from '../../engine/memory/to-value';
import { RustPanic } from '../errors';
import type { Expr } from '../syntax/ast';
import type { Codegen, Ev } from './context';
import { STR_REF_TY, deref, num, textOf } from './values';

/** The UTF-8 bytes of a text, by char: each char's start byte and length. */
function charStarts(text: string): { start: number; len: number; ch: string }[] {
  const out: { start: number; len: number; ch: string }[] = [];
  let at = 0;
  for (const ch of text) {
    const len = utf8Length(ch);
    out.push({ start: at, len, ch });
    at += len;
  }
  return out;
}

/** std's `slice_error_fail`: which bound is wrong and why, in its words. */
function sliceError(text: string, begin: number, end: number): string {
  const len = utf8Length(text);
  // std shows at most 256 bytes of the text (cut at a char boundary).
  let shown = text;
  let ellipsis = '';
  if (len > 256) {
    let cut = '';
    for (const c of charStarts(text)) {
      if (c.start + c.len > 256) break;
      cut += c.ch;
    }
    shown = cut;
    ellipsis = '[...]';
  }
  if (begin > len) return `start byte index ${begin} is out of bounds of \`${shown}\`${ellipsis}`;
  if (end > len) return `end byte index ${end} is out of bounds of \`${shown}\`${ellipsis}`;
  if (begin > end) return `begin > end (${begin} > ${end}) when slicing \`${shown}\`${ellipsis}`;
  const chars = charStarts(text);
  const boundary = (i: number) => i === len || chars.some((c) => c.start === i);
  const [which, index] = boundary(begin) ? ['end', end] : ['start', begin];
  const c = chars.find((x) => x.start < index && index < x.start + x.len)!;
  return `${which} byte index ${index} is not a char boundary; it is inside '${escapeDebugChar(c.ch, "'")}' (bytes ${c.start}..${c.start + c.len}) of \`${shown}\`${ellipsis}`;
}

/** The bytes `begin..end` of `text`, or std's panic. */
export function sliceText(text: string, begin: number, end: number, line: number): string {
  const len = utf8Length(text);
  const chars = charStarts(text);
  const boundary = (i: number) => i === len || chars.some((c) => c.start === i);
  if (begin > len || end > len || begin > end || !boundary(begin) || !boundary(end)) throw new RustPanic(sliceError(text, begin, end), line);
  return chars.filter((c) => c.start >= begin && c.start < end).map((c) => c.ch).join('');
}

/** Where a String's or a &str's bytes are, `offset` bytes in. */
function targetAt(v: RValue, offset: number): PlaceRef | null {
  if (v.tag === 'str') return v.target && v.target.kind === 'block' ? { ...v.target, offset: v.target.offset + offset } : v.target;
  if (v.tag === 'string') return v.buf ? { kind: 'block', block: v.buf, offset } : null;
  return null;
}

/** `&text[range]` where `index` is the index expression and `range` its range. */
export function strSlice(k: Codegen, index: Expr & { k: 'index' }, range: Expr & { k: 'range' }): Ev {
  const base = k.operand(index.e);
  const from = range.from ? k.value(range.from) : undefined;
  const to = range.to ? k.value(range.to) : undefined;
  const inclusive = range.inclusive;
  const line = index.pos.line;
  return (a) => {
    const v = deref(base(a));
    const text = textOf(v);
    const begin = from ? num(from(a)) : 0;
    let end = to ? num(to(a)) : utf8Length(text);
    if (inclusive) {
      if (end === Number.MAX_SAFE_INTEGER) throw new RustPanic('attempted to index str up to maximum usize', line);
      end += 1;
    }
    return { tag: 'str', ty: STR_REF_TY, text: sliceText(text, begin, end, line), target: targetAt(v, begin) };
  };
}
