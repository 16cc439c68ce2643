/**
 * Formatting in inference: `format!`/`println!`/`write!` and `dbg!` check each argument against
 * the trait its placeholder asks for (`{}` Display, `{:?}` Debug, `{:x}` LowerHex…), once the
 * function's types are settled; which types implement Display and Debug is decided here.
 */
import type { Expr, Program } from '../syntax/ast';
import { RustSubsetError } from '../errors';
import type { Inference } from './inference';
import { autoDeref, con, derefNum, INT_NAMES, isInt, NEVER, show, STR_REF, STRING, UNIT, USIZE, type TypeVar } from './types';

/** fmt::Result: what write! and a Display impl's fmt give. */
export const FMT_RESULT = con('Result', UNIT, con('FmtError'));

export function inferFormat(inf: Inference, e: Expr & { k: 'format' }): TypeVar {
  e.args.forEach((a, i) => {
    const t = inf.expr(a);
    const debug = e.debug[i]!;
    const radix = e.specs[i]!.radix;
    inf.deferred.push(() => {
      if (radix) {
        if (!isInt(autoDeref(t))) inf.err(a.pos, `the trait bound \`${show(autoDeref(t))}: ${({ x: 'LowerHex', X: 'UpperHex', o: 'Octal', b: 'Binary' } as const)[radix]}\` is not satisfied`, 'E0277');
        return;
      }
      if (debug ? debuggable(inf.prog, t) : displayable(inf.prog, t)) return;
      const name = show(autoDeref(t));
      inf.err(a.pos, debug ? `\`${name}\` doesn't implement \`Debug\` (add #[derive(Debug)] to its declaration)` : `\`${name}\` doesn't implement \`std::fmt::Display\` (print it with {:?})`, 'E0277');
    });
  });
  for (const w of e.widths ?? []) if (w) inf.unifyAt(w.pos, USIZE, derefNum(inf.expr(w)));
  if (e.target) {
    const f = autoDeref(inf.expr(e.target));
    if (!(f.k === 'con' && f.c === 'Formatter')) throw new RustSubsetError(`${e.mac}! to a \`${show(f)}\` is not supported yet (to a Formatter, in a Display or Debug impl, it is)`, e.target.pos.line, e.target.pos.col, 'macro_invocation');
    return FMT_RESULT;
  }
  return e.mac === 'format' ? STRING : e.mac === 'panic' ? NEVER : e.mac === 'message' ? STR_REF : UNIT;
}

export function inferDbg(inf: Inference, e: Expr & { k: 'dbg' }): TypeVar {
  // Each value is formatted with {:#?}: it must be Debug.
  const items = e.items.map((i) => inf.expr(i));
  e.items.forEach((a, i) =>
    inf.deferred.push(() => {
      if (!debuggable(inf.prog, items[i]!)) inf.err(a.pos, `\`${show(autoDeref(items[i]!))}\` doesn't implement \`Debug\` (add #[derive(Debug)] to its declaration)`, 'E0277');
    }),
  );
  return items.length === 0 ? UNIT : items.length === 1 ? items[0]! : con('tuple', ...items);
}

export function displayable(prog: Program, t: TypeVar): boolean {
  const p = autoDeref(t);
  if (p.k === 'var') return true; // a literal (Display) or unknown (reported as E0282 instead)
  if (p.c.startsWith('adt:')) return !!prog.impls.get(p.c.slice(4))?.has('Display');
  if (p.c === 'iter:ToUppercase' || p.c === 'iter:ToLowercase') return true;
  if (p.c === 'dyn:Display' || p.c === 'dyn:Error') return true;
  return INT_NAMES.has(p.c) || ['f32', 'f64', 'bool', 'char', 'str', 'String'].includes(p.c);
}

export function debuggable(prog: Program, t: TypeVar): boolean {
  const p = autoDeref(t);
  if (p.k === 'var') return true;
  if (p.c.startsWith('adt:')) return prog.debugTypes.has(p.c.slice(4)) || !!prog.impls.get(p.c.slice(4))?.has('Debug');
  if (p.c === 'unit' || p.c === 'dyn:Debug' || p.c === 'dyn:Error') return true;
  return p.args.every((a) => debuggable(prog, a));
}
