/** Methods of the integers, floats, `char` and `bool`, one entry each. */
import type { RValue } from '../../engine/memory/rvalue';
import { toStringOf } from '../../engine/std/to-string';
import { autoDeref, BOOL, con, STRING } from '../check/types';
import { engineTy } from '../run/context';
import { bool, deref, intCast, intInfo, intOp, norm, num, option, scalar, valueCmp, type Loc } from '../run/values';
import { RustPanic } from '../errors';
import type { MethodRun, Recv, StdMethod } from './table';

type Scalar = Extract<RValue, { tag: 'scalar' }>;
const self = (x: MethodRun) => (loc: Loc) => deref(loc.get()) as Scalar;
const NUMBERS: readonly Recv[] = ['int', 'float'];

/** A float method computed by one Math function. */
function floatFn(name: 'sqrt' | 'floor' | 'ceil' | 'round'): StdMethod {
  // Rust rounds half away from zero; Math.round rounds half up.
  const f = name === 'round' ? (v: number) => (v < 0 ? -Math.round(-v) : Math.round(v)) : Math[name];
  return {
    name,
    on: ['float'],
    type: (x) => x.noArgs(x.recv),
    run: (x) => {
      const get = self(x);
      return (a) => scalar(x.ty, f(get(x.place(a)).v as number));
    },
  };
}

/** `wrapping_*`, `saturating_*`, `checked_*`: exact arithmetic, then wrapped, clamped or None. */
function modeOp(name: string): StdMethod {
  const [mode, opName] = name.split('_') as ['wrapping' | 'saturating' | 'checked', string];
  return {
    name,
    on: ['int'],
    type: (x) => x.oneArg(x.recv, mode === 'checked' ? con('Option', x.recv) : x.recv),
    run: (x) => {
      const y = x.arg(0);
      const get = self(x);
      const selfTy = engineTy(autoDeref(x.e.recv.ty!));
      const info = intInfo((selfTy as { name: 'i32' }).name);
      const exact = (p: bigint, q: bigint): bigint | null => (opName === 'add' ? p + q : opName === 'sub' ? p - q : opName === 'mul' ? p * q : q === 0n ? null : p / q);
      return (a) => {
        const p = BigInt(get(x.place(a)).v as number);
        const q = BigInt((deref(y(a)) as Scalar).v as number);
        const r = exact(p, q);
        const fits = r !== null && r >= info.min && r <= info.max;
        if (mode === 'checked') return option(x.ty, fits ? scalar(selfTy, norm(r!)) : null);
        if (mode === 'saturating') return scalar(x.ty, norm(fits ? r! : r! < info.min ? info.min : info.max));
        return scalar(x.ty, intCast(r!, info));
      };
    },
  };
}

/** `char::is_*` classification by Unicode property. */
const CHAR_TESTS: Record<string, (ch: string) => boolean> = {
  is_alphabetic: (ch) => /\p{Alphabetic}/u.test(ch),
  is_numeric: (ch) => /\p{N}/u.test(ch),
  is_alphanumeric: (ch) => /[\p{Alphabetic}\p{N}]/u.test(ch),
  is_whitespace: (ch) => /\s/u.test(ch),
  is_uppercase: (ch) => /\p{Uppercase}/u.test(ch),
  is_lowercase: (ch) => /\p{Lowercase}/u.test(ch),
  is_ascii_digit: (ch) => /^[0-9]$/.test(ch),
  is_ascii_alphabetic: (ch) => /^[A-Za-z]$/.test(ch),
};

/** The float classifications (`f64::is_nan`, …). */
const FLOAT_TESTS: Record<string, (x: number) => boolean> = {
  is_nan: (x) => Number.isNaN(x),
  is_finite: (x) => Number.isFinite(x),
  is_infinite: (x) => x === Infinity || x === -Infinity,
  is_sign_positive: (x) => !(x < 0 || Object.is(x, -0)),
  is_sign_negative: (x) => x < 0 || Object.is(x, -0),
};

export const numberMethods: StdMethod[] = [
  {
    name: 'to_string',
    on: ['int', 'float', 'char', 'bool'],
    type: (x) => x.noArgs(STRING),
    run: (x) => {
      const get = self(x);
      return (a) => toStringOf(x.rt.m, get(x.place(a)));
    },
  },
  {
    name: 'clone',
    on: ['int', 'float', 'char', 'bool'],
    type: (x) => x.noArgs(x.recv),
    run: (x) => {
      const get = self(x);
      return (a) => get(x.place(a));
    },
  },
  {
    name: 'abs',
    on: NUMBERS,
    type: (x) => x.noArgs(x.recv),
    run: (x) => {
      const get = self(x);
      return (a) => {
        const v = get(x.place(a));
        if (v.ty.kind === 'float') return scalar(v.ty, Math.abs(v.v as number));
        const i = intInfo((v.ty as { name: 'i32' }).name);
        if (v.v == i.min && i.signed) throw new RustPanic('attempt to negate with overflow', x.line);
        return scalar(v.ty, (v.v as number) < 0 ? (typeof v.v === 'number' ? -v.v : norm(-(v.v as bigint))) : v.v);
      };
    },
  },
  {
    name: 'pow',
    on: ['int'],
    type: (x) => x.oneArg(con('u32'), x.recv),
    run: (x) => {
      const n = x.arg(0);
      const get = self(x);
      const mul = intOp('*', intInfo((x.ty as { name: 'i32' }).name), () => x.line);
      return (a) => {
        const v = get(x.place(a));
        let r: number | bigint = 1;
        const times = num(n(a));
        for (let i = 0; i < times; i++) r = mul(r, v.v as number);
        return scalar(x.ty, r);
      };
    },
  },
  ...(['min', 'max'] as const).map((name): StdMethod => ({
    name,
    on: NUMBERS,
    type: (x) => x.oneArg(x.recv, x.recv),
    run: (x) => {
      const y = x.arg(0);
      const get = self(x);
      return (a) => {
        const v = get(x.place(a));
        const o = deref(y(a));
        const less = valueCmp(v, o) < 0;
        return name === 'min' ? (less ? v : o) : less ? o : v;
      };
    },
  })),
  floatFn('sqrt'),
  floatFn('floor'),
  floatFn('ceil'),
  floatFn('round'),
  {
    name: 'powi',
    on: ['float'],
    type: (x) => x.oneArg(con('i32'), x.recv),
    run: (x) => {
      const n = x.arg(0);
      const get = self(x);
      return (a) => scalar(x.ty, Math.pow(get(x.place(a)).v as number, num(n(a))));
    },
  },
  ...['wrapping_add', 'wrapping_sub', 'wrapping_mul', 'saturating_add', 'saturating_sub', 'saturating_mul'].map(modeOp),
  ...['checked_add', 'checked_sub', 'checked_mul', 'checked_div'].map(modeOp),
  ...Object.entries(FLOAT_TESTS).map(([name, test]): StdMethod => ({
    name,
    on: ['float'],
    type: (x) => x.noArgs(BOOL),
    run: (x) => {
      const get = self(x);
      return (a) => bool(test(Number(get(x.place(a)).v)));
    },
  })),
  ...Object.entries(CHAR_TESTS).map(([name, test]): StdMethod => ({
    name,
    on: ['char'],
    type: (x) => x.noArgs(BOOL),
    run: (x) => {
      const get = self(x);
      return (a) => bool(test(get(x.place(a)).v as string));
    },
  })),
];
