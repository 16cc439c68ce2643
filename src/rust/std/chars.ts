/**
 * `char`'s methods beyond the `is_*` tests (std/numbers.ts): `len_utf8`, `to_digit`, `is_digit`,
 * `to_ascii_uppercase` / `to_ascii_lowercase`, and `to_uppercase` / `to_lowercase`, which give
 * std's `ToUppercase` / `ToLowercase`: an iterator of the one to three chars of the mapping
 * (collected, or shown with `{}` / `to_string()`, which writes char by char). `Chars::as_str` is
 * here too: the rest of the text a `chars()` iterator has not given yet.
 */
import type { Ty } from '../../engine/layout/types';
import type { RValue } from '../../engine/memory/rvalue';
import { pushChar, stringNew, TEMP } from '../../engine/std/string';
import { BOOL, con, STR_REF, STRING, USIZE } from '../check/types';
import { RustCompileError, RustPanic } from '../errors';
import { iterOf, iterValue, type RIter } from '../run/iterators';
import { bool, CHAR_TY, deref, num, option, scalar, USIZE_TY } from '../run/values';
import { subStr } from './str-view';
import type { MethodRun, StdMethod } from './table';

const U32 = con('u32');
const U32_TY: Ty = { kind: 'int', name: 'u32' };
const CHAR = con('char');

const charOf = (x: MethodRun, a: Parameters<MethodRun['place']>[0]) => String((deref(x.place(a).get()) as { v: string }).v);

/** std's radix check of `to_digit` / `is_digit` (a panic, not a compile error). */
function digitOf(c: string, radix: number, line: number): number | undefined {
  if (radix < 2 || radix > 36) throw new RustPanic('to_digit: invalid radix -- radix must be in the range 2 to 36 inclusive', line);
  const d = /^[0-9]$/.test(c) ? c.charCodeAt(0) - 48 : /^[a-zA-Z]$/.test(c) ? c.toLowerCase().charCodeAt(0) - 87 : 99;
  return d < radix ? d : undefined;
}

/** The chars a case mapping gives (char::to_uppercase: 'ß' → "SS"; at most three). */
const caseMapped = (c: string, upper: boolean) => [...(upper ? c.toUpperCase() : c.toLowerCase())];

/** The layout of ToUppercase/ToLowercase: `array::IntoIter<char, 3>` (the chars and the live range). */
const CASE_PARTS = [CHAR, CHAR, CHAR, USIZE, USIZE];

/** An exact-size iterator over `items` (a case mapping's chars). */
function listIter(items: RValue[]): RIter & { snapshot(): RValue[] } {
  let front = 0;
  let end = items.length;
  return {
    trusted: true,
    snapshot: () => items.slice(front, end),
    next: () => (front < end ? items[front++] : undefined),
    back: () => (front < end ? items[--end] : undefined),
    hint: () => [end - front, end - front],
  };
}

const isCaseMapping = (c: string) => c === 'iter:ToUppercase' || c === 'iter:ToLowercase';

export const charMethods: StdMethod[] = [
  {
    name: 'len_utf8',
    on: ['char'],
    type: (x) => x.noArgs(USIZE),
    run: (x) => (a) => scalar(USIZE_TY, new TextEncoder().encode(charOf(x, a)).length),
  },
  {
    name: 'to_digit',
    on: ['char'],
    type: (x) => x.oneArg(U32, con('Option', U32)),
    run: (x) => {
      const radix = x.arg(0);
      return (a) => {
        const d = digitOf(charOf(x, a), num(radix(a)), x.line);
        return option(x.ty, d === undefined ? null : scalar(U32_TY, d));
      };
    },
  },
  {
    name: 'is_digit',
    on: ['char'],
    type: (x) => x.oneArg(U32, BOOL),
    run: (x) => {
      const radix = x.arg(0);
      return (a) => bool(digitOf(charOf(x, a), num(radix(a)), x.line) !== undefined);
    },
  },
  ...(['to_ascii_uppercase', 'to_ascii_lowercase'] as const).map((name): StdMethod => ({
    name,
    on: ['char'],
    type: (x) => x.noArgs(CHAR),
    run: (x) => (a) => {
      const c = charOf(x, a);
      const ascii = c.charCodeAt(0) < 0x80 && c.length === 1;
      return scalar(CHAR_TY, ascii ? (name === 'to_ascii_uppercase' ? c.toUpperCase() : c.toLowerCase()) : c);
    },
  })),
  ...(['to_uppercase', 'to_lowercase'] as const).map((name): StdMethod => {
    const struct = name === 'to_uppercase' ? 'ToUppercase' : 'ToLowercase';
    return {
      name,
      on: ['char'],
      type: (x) => x.noArgs(con(`iter:${struct}`, CHAR, ...CASE_PARTS)),
      run: (x) => (a) => iterValue(x.ty, struct, [], listIter(caseMapped(charOf(x, a), name === 'to_uppercase').map((c) => scalar(CHAR_TY, c)))),
    };
  }),
  {
    // Display for ToUppercase / ToLowercase writes each char: to_string pushes them one by one.
    name: 'to_string',
    on: ['Iterator'],
    type: (x) => {
      if (!isCaseMapping(x.recv.c)) throw new RustCompileError(`the method \`to_string\` exists for \`${x.recv.c.slice(5)}\`, but its trait bounds were not satisfied (it does not implement Display)`, x.e.namePos.line, x.e.namePos.col, 'E0599');
      return x.noArgs(STRING);
    },
    run: (x) => (a) => {
      const s = stringNew();
      const it = iterOf(x.place(a).get()) as RIter & { snapshot(): RValue[] };
      for (const c of it.snapshot()) pushChar(x.rt.m, s, String((c as { v: string }).v), TEMP);
      return s;
    },
  },
  {
    name: 'as_str',
    on: ['Chars'],
    type: (x) => x.noArgs(STR_REF),
    run: (x) => (a) => {
      const it = iterOf(x.place(a).get()) as RIter & { remaining?: () => [number, number] };
      const [from, to] = it.remaining!();
      return subStr(charsSource.get(it)!, from, to);
    },
  },
];

/** The text each `chars()` iterator walks (for `as_str`), set where it is made (std/string.ts). */
export const charsSource = new WeakMap<RIter, RValue>();
