/**
 * `x.into()`: std's `From` impls the courses use, chosen by the receiver's type and the type the
 * context asks for. Text into `String` copies the bytes into an exact allocation (as
 * `String::from`, `to_owned` and `to_string` do); numbers widen without loss; `T` into
 * `Option<T>` wraps; any `T` into `T` is the value itself.
 */
import type { RValue } from '../../engine/memory/rvalue';
import { stringFrom } from '../../engine/std/string';
import { con, conName, INT_NAMES, prune, show, unify, type TypeVar } from '../check/types';
import { RustCompileError } from '../errors';
import { boxStr } from '../../engine/std/pointers';
import { ipv4FromBits, ipv4ToBits } from '../../engine/std/net';
import { ipv4Value, octetsOf } from './net';
import type { Machine } from '../../engine/memory/machine';
import type { Ty } from '../../engine/layout/types';
import type { StdFn } from './table';
import type { Expr, Notes } from '../syntax/ast';
import { type Codegen, type Ev, engineTy } from '../run/context';
import { deref, option, scalar, textOf } from '../run/values';

type Conversion = 'same' | 'text' | 'number' | 'char' | 'some' | 'boxstr' | 'ipv4' | 'bits';

const BITS: Record<string, number> = { i8: 8, i16: 16, i32: 32, i64: 64, i128: 128, u8: 8, u16: 16, u32: 32, u64: 64, u128: 128 };

/** Whether std has `From<from> for to` among the integer and float widenings. */
function widens(from: string, to: string): boolean {
  if (from === to) return true;
  if (from === 'bool') return INT_NAMES.has(to);
  if (from === 'f32') return to === 'f64';
  if (!INT_NAMES.has(from)) return false;
  const fromSigned = from[0] === 'i';
  if (to === 'f64' || to === 'f32') return from !== 'isize' && from !== 'usize' && BITS[from]! <= (to === 'f64' ? 32 : 16);
  if (!INT_NAMES.has(to)) return false;
  // usize/isize: only from u8/u16 (and i8/i16 into isize; u8 into isize).
  if (to === 'usize') return from === 'u8' || from === 'u16';
  if (to === 'isize') return from === 'u8' || from === 'i8' || from === 'i16';
  if (from === 'usize' || from === 'isize') return false;
  const toSigned = to[0] === 'i';
  if (fromSigned && !toSigned) return false;
  return fromSigned === toSigned ? BITS[to]! > BITS[from]! : BITS[to]! > BITS[from]!;
}

/** Which conversion `from.into()` as `to` is, or undefined when std has no `From` for it. */
export function conversion(from: TypeVar, to: TypeVar): Conversion | undefined {
  const f = prune(from);
  const t = prune(to);
  if (f.k !== 'con' || t.k !== 'con') return undefined;
  if (show(f) === show(t)) return 'same';
  if (t.c === 'String') {
    if (f.c === 'char') return 'char';
    const inner = f.c === 'ref' ? prune(f.args[0]!) : undefined;
    if (inner?.k === 'con' && (inner.c === 'str' || inner.c === 'String')) return 'text';
    return undefined;
  }
  if (t.c === 'Option' && show(prune(t.args[0]!)) === show(f)) return 'some';
  // Box<str> from &str: the bytes copied into an exact block.
  if (t.c === 'Box' && show(t) === 'Box<str>' && f.c === 'ref' && conName(f.args[0]) === 'str') return 'boxstr';
  // std::net: Ipv4Addr from [u8; 4] / u32, and u32 from Ipv4Addr.
  if (t.c === 'adt:Ipv4Addr' && (f.c === 'u32' || show(f) === '[u8; 4]')) return 'ipv4';
  if (f.c === 'adt:Ipv4Addr' && t.c === 'u32') return 'bits';
  if (f.c === 'u8' && t.c === 'char') return 'char';
  if (f.c === 'char' && (t.c === 'u32' || t.c === 'u64' || t.c === 'u128')) return 'number';
  if (widens(f.c, t.c)) return 'number';
  return undefined;
}

/**
 * Integer literals going `into()` a std type whose From impls take one integer type: an
 * Ipv4Addr from `[1, 2, 3, 4]` ([u8; 4]) or from `0x7f000001` (u32), as rustc infers them.
 */
export function settleLiterals(from: TypeVar, to: TypeVar): void {
  const f = prune(from);
  if (conName(to) !== 'adt:Ipv4Addr') return;
  if (f.k === 'var' && f.lit === 'int') unify(f, con('u32'));
  const elem = f.k === 'con' && f.c === 'Array' ? prune(f.args[0]!) : undefined;
  if (elem?.k === 'var' && elem.lit === 'int') unify(elem, con('u8'));
}

/** Code for `recv.into()` once inference has settled both types. */
export function compileInto(k: Codegen, e: Expr & { k: 'method' }): Ev {
  const own = (e as Notes).userInto;
  if (own) {
    const v = k.value(e.recv);
    return (a) => k.callFn(own, [v(a)], e.pos.line);
  }
  const how = conversion(e.recv.ty!, e.ty!)!;
  const ty = engineTy(e.ty!);
  const m = k.rt.m;
  if (how === 'same') return k.value(e.recv);
  if (how === 'text' || (how === 'char' && ty.kind === 'string')) {
    const v = k.operand(e.recv);
    return (a) => {
      const x = deref(v(a));
      return stringFrom(m, x.tag === 'scalar' ? String(x.v) : textOf(x));
    };
  }
  const v = k.value(e.recv);
  const f = converter(how, ty, m);
  return (a) => f(v(a));
}

/** A conversion that takes its value (all but text into String): the value made of `x`. */
function converter(how: Conversion, ty: Ty, m: Machine): (x: RValue) => RValue {
  switch (how) {
    case 'same':
      return (x) => x;
    case 'some':
      return (x) => option(ty, x);
    case 'char':
      return (x) => scalar(ty, String.fromCodePoint(Number((deref(x) as { v: number }).v)));
    case 'boxstr':
      return (x) => boxStr(m, textOf(x));
    case 'ipv4':
      return (x) => {
        const d = deref(x);
        return ipv4Value(d.tag === 'array' ? d.items.map((o) => Number((o as { v: number }).v)) : ipv4FromBits(Number((d as { v: number }).v)));
      };
    case 'bits':
      return (x) => scalar(ty, ipv4ToBits(octetsOf(deref(x))));
    default:
      return (x) => {
        let n: number | bigint | boolean | string = (deref(x) as Extract<RValue, { tag: 'scalar' }>).v;
        if (typeof n === 'boolean') n = n ? 1 : 0;
        else if (typeof n === 'string') n = n.codePointAt(0)!;
        if (ty.kind === 'float') n = Number(n);
        return scalar(ty, n);
      };
  }
}

/**
 * `T::from(x)` for the numbers and `char`, by std's From impls (the ones `into()` uses, above):
 * `i64::from(7_i32)`, `i16::from(true)`, `u32::from('a')`, `char::from(b'a')`, `u32::from(ip)`.
 * An integer literal argument is an i32 (rustc's fallback: `u64::from(5)` is E0277).
 */
export const fromFns: StdFn[] = [...INT_NAMES, 'f32', 'f64', 'char'].map(
  (to): StdFn => ({
    path: `${to}::from`,
    type: (x) => {
      x.argCount(1);
      const arg = prune(x.args()[0]!);
      const from = arg.k === 'var' && arg.lit ? con(arg.lit === 'int' ? 'i32' : 'f64') : arg;
      if (from.k === 'con' && !conversion(from, con(to))) {
        const pos = x.e.callee.pos;
        throw new RustCompileError(`the trait bound \`${to}: From<${show(from)}>\` is not satisfied`, pos.line, pos.col, 'E0277');
      }
      return con(to);
    },
    run: (x) => {
      const v = x.arg(0);
      const f = converter(conversion(x.e.args[0]!.ty!, con(to)) ?? 'number', x.ty, x.rt.m);
      return (a) => f(v(a));
    },
  }),
);
