/**
 * The str methods that cut a text into `&str` pieces: `split` (by a `&str` or a `char`),
 * `split_whitespace` and `lines`, each an iterator of `&str`s into the same bytes (no
 * allocation); `as_bytes`, the bytes as a `&[u8]`. Their size hints are std's: none of these
 * iterators overrides `size_hint`, so it is (0, None) and `collect` sizes as for `filter`.
 */
import type { Ty } from '../../engine/layout/types';
import type { PlaceRef, RValue } from '../../engine/memory/rvalue';
import { utf8Length } from '../../engine/memory/to-value';
import { con, refTo, STR_REF, USIZE } from '../check/types';
import { iterValue, type RIter } from '../run/iterators';
import { makeRef, scalar, STR_REF_TY, TempLoc, textOf } from '../run/values';
import { textTarget } from './str-view';
import { matcherOf, matchesOf, patternArg, type Matcher } from './str-pattern';
import { byteAt } from './str-view';
import type { StdMethod } from './table';

const TEXT = ['String', 'str'] as const;

/** Rust's `char::is_whitespace` (Unicode White_Space). */
const WHITESPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;

/** A piece of a text: where it starts (in bytes) and what it is. */
type Piece = [offset: number, text: string];

/** The pieces of `text` between the matches of `m` (std: an empty pattern matches at every char boundary). */
function splitBy(text: string, m: Matcher): Piece[] {
  const chars = [...text];
  const out: Piece[] = [];
  let from = 0;
  for (const [at, len] of matchesOf(text, m)) {
    out.push([byteAt(text, from), chars.slice(from, at).join('')]);
    from = at + len;
  }
  out.push([byteAt(text, from), chars.slice(from).join('')]);
  return out;
}

function splitWhitespace(text: string): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  let start = -1;
  let word = '';
  for (const c of text) {
    if (WHITESPACE.test(c)) {
      if (start >= 0) out.push([start, word]);
      start = -1;
      word = '';
    } else {
      if (start < 0) start = at;
      word += c;
    }
    at += utf8Length(c);
  }
  if (start >= 0) out.push([start, word]);
  return out;
}

/** `lines`: split at `\n`, a `\r` before it dropped, no last empty line after a final `\n`. */
function lines(text: string): Piece[] {
  if (text === '') return [];
  const pieces = splitBy(text, { text: '\n' });
  if (pieces[pieces.length - 1]![1] === '') pieces.pop();
  return pieces.map(([at, p]) => [at, p.endsWith('\r') ? p.slice(0, -1) : p]);
}

/** The pieces as `&str`s into the receiver's bytes, front and back (all of these are double-ended here). */
function piecesIter(whole: RValue, pieces: Piece[]): RIter {
  const target = textTarget(whole);
  const str = ([at, text]: Piece): RValue => ({
    tag: 'str', ty: STR_REF_TY, text, target: target && target.kind === 'block' ? { ...target, offset: target.offset + at } : target,
  });
  let front = 0;
  let end = pieces.length;
  return {
    trusted: false,
    next: () => (front < end ? str(pieces[front++]!) : undefined),
    back: () => (front < end ? str(pieces[--end]!) : undefined),
    hint: () => [0, undefined],
  };
}

/** The layout parts of a split iterator (a `&str` being searched and its positions). */
const parts = (...more: ReturnType<typeof con>[]) => [STR_REF, USIZE, USIZE, ...more];

export const splitMethods: StdMethod[] = [
  {
    name: 'split',
    on: TEXT,
    type: (x) => {
      x.argCount(1);
      const kind = patternArg(x);
      return con('iter:Split', STR_REF, ...parts(kind === 'str' ? STR_REF : con('char')));
    },
    run: (x) => {
      const pat = x.operand(0);
      return (a) => {
        const whole = x.place(a).get();
        return iterValue(x.ty, 'Split', [], piecesIter(whole, splitBy(textOf(whole), matcherOf(pat(a)))));
      };
    },
  },
  ...([
    ['split_whitespace', 'SplitWhitespace', splitWhitespace],
    ['lines', 'Lines', lines],
  ] as const).map(([name, struct, cut]): StdMethod => ({
    name,
    on: TEXT,
    type: (x) => x.noArgs(con(`iter:${struct}`, STR_REF, ...parts())),
    run: (x) => (a) => {
      const whole = x.place(a).get();
      return iterValue(x.ty, struct, [], piecesIter(whole, cut(textOf(whole))));
    },
  })),
  {
    // The bytes themselves, borrowed: a `&[u8]` over the same block.
    name: 'as_bytes',
    on: TEXT,
    type: (x) => x.noArgs(refTo(con('slice', con('u8')), false)),
    run: (x) => {
      const refTy = x.ty;
      return (a) => {
        const whole = x.place(a).get();
        return makeRef(refTy, new BytesLoc(whole));
      };
    },
  },
];

const U8: Ty = { kind: 'int', name: 'u8' };

/** The place `as_bytes` borrows: the text's own bytes (read as a `[u8]`; never written). */
class BytesLoc extends TempLoc {
  constructor(private readonly whole: RValue) {
    const bytes = [...new TextEncoder().encode(textOf(whole))].map((b) => scalar(U8, b));
    super({ tag: 'array', ty: { kind: 'array', elem: U8, len: bytes.length }, items: bytes });
  }
  override target(): PlaceRef {
    return textTarget(this.whole) ?? super.target();
  }
}
