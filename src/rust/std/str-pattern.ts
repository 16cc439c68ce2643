/**
 * std's `Pattern` as the str methods take it: a `&str` (or `&String`), a `char`, or a slice or
 * array of chars (`&[' ', ',']`, any of them). A closure pattern is not supported yet. The
 * methods here search with one: `contains`, `starts_with`, `ends_with`, `find`, `rfind`,
 * `trim_matches`, `trim_start_matches`, `trim_end_matches`.
 */
import type { RValue } from '../../engine/memory/rvalue';
import { BOOL, con, prune, show, STR_REF, USIZE } from '../check/types';
import { RustSubsetError } from '../errors';
import { bool, deref, option, scalar, textOf, USIZE_TY } from '../run/values';
import { byteAt, subStr } from './str-view';
import type { MethodTyping, StdMethod } from './table';

export type PatternKind = 'str' | 'char' | 'chars';

/** A pattern at run time: a text, or a set of chars (one char is a set of one). */
export type Matcher = { text: string } | { chars: ReadonlySet<string> };

/** Types argument i as a pattern (rustc's E0277 for a type that is none is the caller's unify). */
export function patternArg(x: MethodTyping, i = 0, allowStr = true): PatternKind {
  const t = x.fresh();
  x.unifyArg(i, t);
  const p = prune(t);
  if (p.k === 'con' && p.c === 'char') return 'char';
  if (p.k === 'con' && p.c === 'ref') {
    const to = prune(p.args[0]!);
    if (to.k === 'con' && (to.c === 'str' || to.c === 'String') && allowStr) return 'str';
    if (to.k === 'con' && (to.c === 'slice' || to.c === 'Array') && prune(to.args[0]!).k === 'con' && (prune(to.args[0]!) as { c: string }).c === 'char') return 'chars';
  }
  if (p.k === 'con' && p.c === 'Array' && (prune(p.args[0]!) as { c?: string }).c === 'char') return 'chars';
  const arg = x.e.args[i]!;
  throw new RustSubsetError(`\`${x.e.name}\` with a \`${show(p)}\` pattern is not supported yet (${allowStr ? 'a &str, ' : ''}a char or chars are)`, arg.pos.line, arg.pos.col, 'call_expression');
}

/** The matcher a pattern value is. */
export function matcherOf(v: RValue): Matcher {
  const d = deref(v);
  if (d.tag === 'scalar') return { chars: new Set([String(d.v)]) };
  if (d.tag === 'str' || d.tag === 'string') return { text: d.text };
  return { chars: new Set((d as { items: RValue[] }).items.map((c) => String((deref(c) as { v: string }).v))) };
}

/** Where each match of `m` in `text` is, as [char index, char length], left to right, not overlapping. */
export function matchesOf(text: string, m: Matcher): [number, number][] {
  const chars = [...text];
  const out: [number, number][] = [];
  if ('chars' in m) {
    chars.forEach((c, i) => {
      if (m.chars.has(c)) out.push([i, 1]);
    });
    return out;
  }
  const pat = [...m.text];
  // std's empty pattern matches at every char boundary, the end too.
  if (pat.length === 0) return chars.map((_, i) => [i, 0] as [number, number]).concat([[chars.length, 0]]);
  for (let i = 0; i + pat.length <= chars.length; ) {
    if (pat.every((c, j) => chars[i + j] === c)) {
      out.push([i, pat.length]);
      i += pat.length;
    } else i++;
  }
  return out;
}

const TEXT = ['String', 'str'] as const;

function startsWith(chars: string[], m: Matcher, at: number): number | undefined {
  if ('chars' in m) return at < chars.length && m.chars.has(chars[at]!) ? 1 : undefined;
  const pat = [...m.text];
  return pat.every((c, j) => chars[at + j] === c) && at + pat.length <= chars.length ? pat.length : undefined;
}
function endsWith(chars: string[], m: Matcher, end: number): number | undefined {
  if ('chars' in m) return end > 0 && m.chars.has(chars[end - 1]!) ? 1 : undefined;
  const pat = [...m.text];
  return end - pat.length >= 0 && pat.every((c, j) => chars[end - pat.length + j] === c) ? pat.length : undefined;
}

const searches = (['contains', 'starts_with', 'ends_with'] as const).map((name): StdMethod => ({
  name,
  on: TEXT,
  type: (x) => (x.argCount(1), patternArg(x), BOOL),
  run: (x) => {
    const p = x.operand(0);
    return (a) => {
      const chars = [...textOf(x.place(a).get())];
      const m = matcherOf(p(a));
      if (name === 'starts_with') return bool(startsWith(chars, m, 0) !== undefined);
      if (name === 'ends_with') return bool(endsWith(chars, m, chars.length) !== undefined);
      return bool(matchesOf(chars.join(''), m).length > 0);
    };
  },
}));

/** `find` / `rfind`: the byte index of the first (last) match. */
const finds = (['find', 'rfind'] as const).map((name): StdMethod => ({
  name,
  on: TEXT,
  type: (x) => (x.argCount(1), patternArg(x), con('Option', USIZE)),
  run: (x) => {
    const p = x.operand(0);
    return (a) => {
      const text = textOf(x.place(a).get());
      const m = matcherOf(p(a));
      let found: number | undefined;
      if (name === 'find') found = matchesOf(text, m)[0]?.[0];
      else {
        // rfind searches from the back: the last position where the pattern starts.
        const chars = [...text];
        for (let i = chars.length; i >= 0 && found === undefined; i--) if (startsWith(chars, m, i) !== undefined) found = i;
      }
      return option(x.ty, found === undefined ? null : scalar(USIZE_TY, byteAt(text, found)));
    };
  },
}));

/** `trim_matches` (chars only: it needs a double-ended search), `trim_start_matches`, `trim_end_matches`. */
const trimMatches = (['trim_matches', 'trim_start_matches', 'trim_end_matches'] as const).map((name): StdMethod => ({
  name,
  on: TEXT,
  type: (x) => (x.argCount(1), patternArg(x, 0, name !== 'trim_matches'), STR_REF),
  run: (x) => {
    const p = x.operand(0);
    return (a) => {
      const whole = x.place(a).get();
      const chars = [...textOf(whole)];
      const m = matcherOf(p(a));
      let from = 0;
      let to = chars.length;
      if (name !== 'trim_end_matches') for (let n = startsWith(chars, m, from); n && from < to; n = startsWith(chars, m, from)) from += n;
      if (name !== 'trim_start_matches') for (let n = endsWith(chars, m, to); n && to > from; n = endsWith(chars, m, to)) to -= n;
      return subStr(whole, from, to);
    };
  },
}));

export const patternMethods: StdMethod[] = [...searches, ...finds, ...trimMatches];
