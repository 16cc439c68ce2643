/**
 * `x.into()`: std's `From` impls the courses use, chosen by the receiver's type and the type the
 * context asks for. Text into `String` copies the bytes into an exact allocation (as
 * `String::from`, `to_owned` and `to_string` do); numbers widen without loss; `T` into
 * `Option<T>` wraps; any `T` into `T` is the value itself.
 */
import type { RValue } from '../../engine/memory/rvalue';
import { stringFrom } from '../../engine/std/string';
import { INT_NAMES, prune, show, type TypeVar } from '../check/types';
import type { Expr, Notes } from '../syntax/ast';
import { type Codegen, type Ev, engineTy } from '../run/context';
import { deref, option, scalar, textOf } from '../run/values';

type Conversion = 'same' | 'text' | 'number' | 'char' | 'some';

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
  if (f.c === 'u8' && t.c === 'char') return 'char';
  if (f.c === 'char' && (t.c === 'u32' || t.c === 'u64' || t.c === 'u128')) return 'number';
  if (widens(f.c, t.c)) return 'number';
  return undefined;
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
  if (how === 'some') return (a) => option(ty, v(a));
  if (how === 'char') return (a) => scalar(ty, String.fromCodePoint(Number((deref(v(a)) as { v: number }).v)));
  return (a) => {
    const x = deref(v(a)) as Extract<RValue, { tag: 'scalar' }>;
    let n: number | bigint | boolean | string = x.v;
    if (typeof n === 'boolean') n = n ? 1 : 0;
    else if (typeof n === 'string') n = n.codePointAt(0)!;
    if (ty.kind === 'float') n = Number(n);
    return scalar(ty, n);
  };
}
