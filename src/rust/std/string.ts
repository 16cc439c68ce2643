/** `String` and `&str`: their associated functions and methods, one entry each. */
import type { Ty } from '../../engine/layout/types';
import { iterValue, textIter } from '../run/iterators';
import { utf8Length } from '../../engine/memory/to-value';
import type { Machine } from '../../engine/memory/machine';
import type { Home, RValue, StringValue } from '../../engine/memory/rvalue';
import {
  pushStr, stringClear, stringFrom, stringNew, stringPop, stringReserve, stringReserveExact, stringShrinkToFit, stringWithCapacity, TEMP,
} from '../../engine/std/string';
import { BOOL, con, prune, show, STR_REF, STRING, UNIT, USIZE } from '../check/types';
import { RustSubsetError } from '../errors';
import { after, bool, CHAR_TY, num, option, scalar, STR_REF_TY, textLen, textOf, UNIT_V, USIZE_TY } from '../run/values';
import type { Expr } from '../syntax/ast';
import type { StdFn, StdMethod } from './table';
import { charsSource } from './chars';
import { textTarget } from './str-view';

export const stringFns: StdFn[] = [
  {
    path: 'String::new',
    type: (x) => (x.argCount(0), STRING),
    run: () => () => stringNew(),
  },
  {
    path: 'String::from',
    type: (x) => (x.argCount(1), x.textArg(0), STRING),
    run: (x) => {
      const s = x.operand(0);
      return (a) => stringFrom(x.rt.m, textOf(s(a)));
    },
  },
  {
    path: 'String::with_capacity',
    type: (x) => (x.argCount(1), x.unifyAt(0, USIZE, x.args()[0]!), STRING),
    run: (x) => {
      const n = x.arg(0);
      return (a) => stringWithCapacity(x.rt.m, num(n(a)));
    },
  },
];

const TEXT = ['String', 'str'] as const;

/** A `&mut self` String method that changes the String in place and returns `()`. */
function inPlace(name: string, type: StdMethod['type'], change: (m: Machine, s: StringValue, home: Home, arg: number) => void, hasArg = false): StdMethod {
  return {
    name,
    on: ['String'],
    mutates: true,
    type,
    run: (x) => {
      const arg = hasArg ? x.arg(0) : undefined;
      return (a) => {
        const loc = x.place(a);
        change(x.rt.m, loc.get() as StringValue, loc.home(), arg ? num(arg(a)) : 0);
        after(loc);
        return UNIT_V;
      };
    },
  };
}

export const stringMethods: StdMethod[] = [
  {
    name: 'len',
    on: TEXT,
    type: (x) => x.noArgs(USIZE),
    run: (x) => (a) => scalar(USIZE_TY, textLen(x.place(a).get())),
  },
  {
    name: 'capacity',
    on: ['String'],
    type: (x) => x.noArgs(USIZE),
    run: (x) => (a) => scalar(USIZE_TY, (x.place(a).get() as StringValue).cap),
  },
  {
    name: 'is_empty',
    on: TEXT,
    type: (x) => x.noArgs(BOOL),
    run: (x) => (a) => bool(textLen(x.place(a).get()) === 0),
  },
  {
    name: 'to_string',
    on: TEXT,
    type: (x) => x.noArgs(STRING),
    run: (x) => (a) => stringFrom(x.rt.m, textOf(x.place(a).get())),
  },
  {
    name: 'to_owned',
    on: TEXT,
    type: (x) => x.noArgs(STRING),
    run: (x) => (a) => stringFrom(x.rt.m, textOf(x.place(a).get())),
  },
  {
    name: 'clone',
    on: TEXT,
    type: (x) => x.noArgs(x.recv.c === 'String' ? STRING : STR_REF),
    run: (x) => (x.recv.c === 'String' ? (a) => stringFrom(x.rt.m, textOf(x.place(a).get())) : (a) => x.place(a).get()),
  },
  {
    name: 'as_str',
    on: ['String'],
    type: (x) => x.noArgs(STR_REF),
    run: (x) => (a) => {
      const s = x.place(a).get() as StringValue;
      return { tag: 'str', ty: STR_REF_TY, text: s.text, target: s.buf ? { kind: 'block', block: s.buf, offset: 0 } : null };
    },
  },
  {
    name: 'push_str',
    on: ['String'],
    mutates: true,
    type: (x) => x.textArg(UNIT),
    run: (x) => {
      const t = x.operand(0);
      return (a) => {
        const loc = x.place(a);
        const text = textOf(t(a));
        pushStr(x.rt.m, loc.get() as StringValue, text, loc.home());
        after(loc);
        return UNIT_V;
      };
    },
  },
  {
    name: 'push',
    on: ['String'],
    mutates: true,
    type: (x) => x.oneArg(con('char'), UNIT),
    run: (x) => {
      const ch = x.arg(0);
      return (a) => {
        const loc = x.place(a);
        pushStr(x.rt.m, loc.get() as StringValue, (ch(a) as { v: string }).v, loc.home());
        after(loc);
        return UNIT_V;
      };
    },
  },
  inPlace('clear', (x) => x.noArgs(UNIT), (m, s, home) => stringClear(m, s, home)),
  inPlace('shrink_to_fit', (x) => x.noArgs(UNIT), (m, s, home) => stringShrinkToFit(m, s, home)),
  inPlace('reserve', (x) => x.oneArg(USIZE, UNIT), (m, s, home, n) => stringReserve(m, s, n, home), true),
  inPlace('reserve_exact', (x) => x.oneArg(USIZE, UNIT), (m, s, home, n) => stringReserveExact(m, s, n, home), true),
  {
    name: 'pop',
    on: ['String'],
    mutates: true,
    type: (x) => x.noArgs(con('Option', con('char'))),
    run: (x) => (a) => {
      const loc = x.place(a);
      const ch = stringPop(x.rt.m, loc.get() as StringValue, loc.home());
      after(loc);
      return option(x.ty, ch === null ? null : scalar(CHAR_TY, ch));
    },
  },
  // `s.chars()` / `s.bytes()`: iterators over the text (adapters and consumers in std/iterators.ts).
  ...(['chars', 'bytes'] as const).map((name): StdMethod => ({
    name,
    on: TEXT,
    type: (x) => x.noArgs(con(name === 'chars' ? 'Chars' : 'Bytes')),
    run: (x) => {
      const itemTy: Ty = name === 'chars' ? { kind: 'char' } : { kind: 'int', name: 'u8' };
      return (a) => {
        const whole = x.place(a).get();
        const it = textIter(textOf(whole), name === 'bytes', itemTy);
        charsSource.set(it, whole);
        return iterValue(x.ty, name === 'chars' ? 'Chars' : 'Bytes', [], it);
      };
    },
  })),
];

/** Rust's `char::is_whitespace` (Unicode White_Space); JS `\s` differs (U+FEFF, U+0085). */
const WHITESPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const isSpace = (c: string) => WHITESPACE.test(c);

/** `s.trim()` / `trim_start` / `trim_end`: a `&str` into the same bytes, no allocation. */
const trims = (['trim', 'trim_start', 'trim_end'] as const).map((name): StdMethod => ({
  name,
  on: TEXT,
  type: (x) => x.noArgs(STR_REF),
  run: (x) => (a) => {
    const v = x.place(a).get();
    const chars = [...textOf(v)];
    let from = 0;
    let to = chars.length;
    if (name !== 'trim_end') while (from < to && isSpace(chars[from]!)) from++;
    if (name !== 'trim_start') while (to > from && isSpace(chars[to - 1]!)) to--;
    const skipped = utf8Length(chars.slice(0, from).join(''));
    const target = textTarget(v);
    return {
      tag: 'str', ty: STR_REF_TY, text: chars.slice(from, to).join(''),
      target: target && target.kind === 'block' ? { ...target, offset: target.offset + skipped } : target,
    };
  },
}));

/**
 * `to_uppercase` / `to_lowercase` as std 1.95 writes them: `Vec::with_capacity(self.len())`
 * filled while the input is ASCII, then each remaining char pushed (growing only when a
 * mapping lengthens the text, like 'ß' → "SS").
 */
const caseMaps = (['to_uppercase', 'to_lowercase'] as const).map((name): StdMethod => ({
  name,
  on: TEXT,
  type: (x) => x.noArgs(STRING),
  run: (x) => (a) => {
    const text = textOf(x.place(a).get());
    const map = (c: string) => (name === 'to_uppercase' ? c.toUpperCase() : c.toLowerCase());
    const s = stringWithCapacity(x.rt.m, utf8Length(text));
    const chars = [...text];
    let ascii = 0;
    while (ascii < chars.length && chars[ascii]!.charCodeAt(0) < 0x80) ascii++;
    if (ascii > 0) pushStr(x.rt.m, s, chars.slice(0, ascii).map(map).join(''), TEMP);
    for (const c of chars.slice(ascii)) pushStr(x.rt.m, s, map(c), TEMP);
    return s;
  },
}));

/**
 * `s.replace(from, to)` as std 1.95 writes it: one ASCII byte for one byte collects a mapped
 * copy (exactly len bytes); otherwise `String::with_capacity(len if from.len() <= to.len()
 * else 0)` and a push_str per piece.
 */
const replace: StdMethod = {
  name: 'replace',
  on: TEXT,
  type: (x) => (x.argCount(2), x.coerceArg(0, STR_REF), x.coerceArg(1, STR_REF), STRING),
  run: (x) => {
    const from = x.operand(0);
    const to = x.operand(1);
    return (a) => {
      const text = textOf(x.place(a).get());
      const f = textOf(from(a));
      const t = textOf(to(a));
      const fl = utf8Length(f);
      const tl = utf8Length(t);
      const m = x.rt.m;
      if (fl === 1 && tl === 1 && f.charCodeAt(0) < 0x80) return stringFrom(m, text.split(f).join(t));
      const s = stringWithCapacity(m, fl <= tl ? utf8Length(text) : 0);
      // An empty pattern matches at every char boundary, as in std.
      const parts = f === '' ? ['', ...text, ''] : text.split(f);
      parts.forEach((p, i) => {
        if (i > 0) pushStr(m, s, t, TEMP);
        if (p !== '') pushStr(m, s, p, TEMP);
      });
      return s;
    };
  },
};

/** `s.repeat(n)`: `Vec::with_capacity(len * n)`, filled exactly. */
const repeat: StdMethod = {
  name: 'repeat',
  on: TEXT,
  type: (x) => x.oneArg(USIZE, STRING),
  run: (x) => {
    const n = x.arg(0);
    return (a) => {
      const text = textOf(x.place(a).get());
      const s = stringWithCapacity(x.rt.m, utf8Length(text) * num(n(a)));
      pushStr(x.rt.m, s, text.repeat(num(n(a))), TEMP);
      return s;
    };
  },
};

stringMethods.push(...trims, ...caseMaps, replace, repeat);
