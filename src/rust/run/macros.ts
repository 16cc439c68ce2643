/**
 * std's checking and debugging macros: `assert!`, `assert_eq!` / `assert_ne!` (panicking with
 * std's text: the message, then both values with {:?}) and `dbg!` (each value moved through,
 * written to stderr as `[src/main.rs:L:C] expr = {:#?}`).
 */
import type { RValue } from '../../engine/memory/rvalue';
import { writesOf } from '../../engine/std/fmt';
import { RustPanic } from '../errors';
import type { Expr } from '../syntax/ast';
import { type Codegen, type Ev, engineTy } from './context';
import { UNIT_V, follow, textOf, valueEq } from './values';

function debugText(v: RValue, pretty = false): string {
  const out: string[] = [];
  writesOf(v, true, out, follow, pretty);
  return out.join('');
}

/** A custom message's text (`assert!(c, "x = {}", x)`), or undefined. */
function message(k: Codegen, msg: Expr | undefined): Ev | undefined {
  return msg ? k.value(msg) : undefined;
}

export function assertMacro(k: Codegen, e: Expr & { k: 'assert' }): Ev {
  const cond = k.value(e.cond);
  const msg = message(k, e.msg);
  const text = `assertion failed: ${e.text}`;
  const line = e.pos.line;
  return (a) => {
    if (!(cond(a) as { v: boolean }).v) throw new RustPanic(msg ? textOf(msg(a)) : text, line);
    return UNIT_V;
  };
}

export function assertEqMacro(k: Codegen, e: Expr & { k: 'asserteq' }): Ev {
  const l = k.operand(e.l);
  const r = k.operand(e.r);
  const msg = message(k, e.msg);
  const eq = e.eq;
  const line = e.pos.line;
  return (a) => {
    const x = l(a);
    const y = r(a);
    if (valueEq(x, y) !== eq) {
      const head = `assertion \`left ${eq ? '==' : '!='} right\` failed`;
      throw new RustPanic(`${head}${msg ? `: ${textOf(msg(a))}` : ''}\n  left: ${debugText(x)}\n right: ${debugText(y)}`, line);
    }
    return UNIT_V;
  };
}

export function dbgMacro(k: Codegen, e: Expr & { k: 'dbg' }): Ev {
  const rt = k.rt;
  const where = `[src/main.rs:${e.pos.line}:${e.pos.col}]`;
  const items = e.items.map((i) => k.value(i));
  const texts = e.texts;
  if (!items.length) {
    return () => {
      rt.err.push(`${where}\n`);
      return UNIT_V;
    };
  }
  const ty = engineTy(e.ty!);
  return (a) => {
    const values = items.map((f) => f(a));
    values.forEach((v, i) => rt.err.push(`${where} ${texts[i]} = ${debugText(v, true)}\n`));
    return values.length === 1 ? values[0]! : { tag: 'tuple', ty, items: values };
  };
}
