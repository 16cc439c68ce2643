/**
 * A program's impls of std's formatting traits at run time. `impl fmt::Display for T` (and
 * `Debug`) is a fn `<T as Display>::fmt(&self, f: &mut Formatter)`; the formatting machinery
 * (engine/std/fmt.ts) calls it through a UserFmt hook when it meets a T, and the `write!`s in
 * its body write to that Formatter. Formatters nest as calls do (an impl may format something
 * else inside), so the one being written to is the innermost: a stack per run.
 */
import type { Ty } from '../../engine/layout/types';
import type { RValue } from '../../engine/memory/rvalue';
import { streamInto, writesOf, type UserFmt } from '../../engine/std/fmt';
import { stringNew } from '../../engine/std/string';
import type { FnItem, Program } from '../syntax/ast';
import type { Runtime } from './context';
import { TempLoc, UNIT_V, makeRef } from './values';

const sinks = new WeakMap<Runtime, string[][]>();

/** Where a `write!(f, …)` writes: the Formatter of the innermost running `fmt`. */
export function currentSink(rt: Runtime): string[] {
  const stack = sinks.get(rt);
  const top = stack?.[stack.length - 1];
  if (!top) throw new Error('write! ran outside a Display or Debug impl');
  return top;
}

/** fmt::Result's `Ok(())`. */
const OK_TY: Ty = { kind: 'result', ok: { kind: 'unit' }, err: { kind: 'unit' } };
export function fmtOk(): RValue {
  return { tag: 'enum', ty: OK_TY, name: 'Result', variant: 'Ok', fieldNames: ['0'], fields: [UNIT_V] };
}

/** What the hook needs of the compiler: the program, and a way to call (and instantiate) fns. */
export interface FmtCaller {
  readonly prog: Program;
  readonly rt: Runtime;
  callFn(name: string, args: RValue[], line: number): RValue;
  /** The fn to call for a value: the fn itself, or a generic impl's instance for the value's type arguments. */
  implFor(fn: FnItem, value: RValue): FnItem;
}

const FORMATTER_REF: Ty = { kind: 'ref', mutable: true, to: { kind: 'unit' } };

/** Runs `<T as Display>::fmt` (or Debug's) with `out` as its Formatter's destination. */
export function userFmt(c: FmtCaller): UserFmt {
  return (v, debug, out) => {
    const name = (v as { name: string }).name;
    const template = c.prog.fns.get(`<${name} as ${debug ? 'Debug' : 'Display'}>::fmt`);
    if (!template) return false;
    const fn = c.implFor(template, v);
    let stack = sinks.get(c.rt);
    if (!stack) sinks.set(c.rt, (stack = []));
    stack.push(out);
    try {
      const self = makeRef(fn.params[0]!.ty, new TempLoc(v));
      const f = makeRef(FORMATTER_REF, new TempLoc(UNIT_V));
      c.callFn(fn.name, [self, f], c.rt.m.line ?? -1);
    } finally {
      stack.pop();
    }
    return true;
  };
}

/**
 * `x.to_string()` through a program's Display: std's blanket ToString makes `String::new()` and
 * lets the impl write into it (each write a push, growing it as push_str does).
 */
export function displayToString(rt: Runtime, fmt: UserFmt, v: RValue): RValue {
  const s = stringNew();
  const out = streamInto(rt.m, s);
  // std's own Display impls (a ParseIntError's description) are the formatter's.
  if (!fmt(v, false, out)) writesOf(v, false, out);
  return s;
}
