/**
 * `s.parse::<F>()`: `Result<F, F::Err>` for the integers (`ParseIntError`), floats
 * (`ParseFloatError`) and `Ipv4Addr` (`AddrParseError`, std/net.ts). The two error types are std's structs as a program sees them, added to
 * every program like `Ordering` (std/compare.ts): `ParseIntError { kind: IntErrorKind }` (one
 * byte, `#[derive(Debug, Clone, PartialEq, Eq)]`), shown by `{}` as std's description
 * (engine/std/parse.ts has the rules and the words).
 */
import type { EnumDef, IntName, StructDef, Ty } from '../../engine/layout/types';
import type { RValue } from '../../engine/memory/rvalue';
import { FLOAT_ERROR_KINDS, INT_ERROR_KINDS, parseFloat, parseInt } from '../../engine/std/parse';
import { con, INT_NAMES, prune, show, unify, UnifyError, type TypeVar } from '../check/types';
import { RustSubsetError } from '../errors';
import type { Program } from '../syntax/ast';
import { norm, scalar, textOf } from '../run/values';
import type { MethodTyping, StdMethod } from './table';
import { parseIpv4 } from '../../engine/std/net';
import { ADDR_PARSE_ERROR_TY, addrParseError, ipv4Value } from './net';

const unitEnum = (name: string, variants: readonly string[]): EnumDef => ({
  kind: 'enum', name, repr: 'rust', variants: variants.map((v) => ({ name: v, fields: [] })),
});
const errorStruct = (name: string, kind: string): StructDef => ({
  kind: 'struct', name, repr: 'rust', fields: [{ name: 'kind', ty: { kind: 'adt', name: kind } }],
});

/** The parse error types added to a program: their names need a `use` (std::num), as in rustc. */
const added = new WeakSet<StructDef>();
export const isAddedParseError = (def: StructDef | undefined): boolean => !!def && added.has(def);

/** Adds std's parse errors to a program (unless it declares types of those names itself). */
export function addParseErrors(prog: Program): void {
  const names = ['ParseIntError', 'IntErrorKind', 'ParseFloatError', 'FloatErrorKind'];
  if (names.some((n) => prog.structs.has(n) || prog.enums.has(n))) return;
  prog.enums.set('IntErrorKind', unitEnum('IntErrorKind', INT_ERROR_KINDS));
  prog.enums.set('FloatErrorKind', unitEnum('FloatErrorKind', FLOAT_ERROR_KINDS));
  for (const [n, kind] of [['ParseIntError', 'IntErrorKind'], ['ParseFloatError', 'FloatErrorKind']] as const) {
    const def = errorStruct(n, kind);
    added.add(def);
    prog.structs.set(n, def);
  }
  for (const n of names) for (const set of [prog.cloneTypes, prog.debugTypes, prog.eqTypes]) set.add(n);
  for (const n of ['IntErrorKind', 'FloatErrorKind']) prog.copyTypes.add(n);
  for (const n of ['ParseIntError', 'ParseFloatError']) prog.impls.set(n, new Set(['Display']));
}

/** The error type of parsing into `t`, or undefined when the subset does not parse into it. */
function errorOf(t: TypeVar, x: MethodTyping): TypeVar | undefined {
  const p = prune(t);
  // The program's `impl FromStr for T`: its `type Err`, as from_str returns it.
  const own = p.k === 'con' && p.c.startsWith('adt:') ? x.programFn(`${p.c.slice(4)}::from_str`) : undefined;
  const ret = own && prune(own.ret);
  if (ret?.k === 'con' && ret.c === 'Result') return ret.args[1]!;
  if (p.k === 'var') return p.lit === 'int' ? con('adt:ParseIntError') : p.lit === 'float' ? con('adt:ParseFloatError') : undefined;
  if (INT_NAMES.has(p.c)) return con('adt:ParseIntError');
  if (p.c === 'f32' || p.c === 'f64') return con('adt:ParseFloatError');
  if (p.c === 'adt:Ipv4Addr') return ADDR_PARSE_ERROR_TY;
  return undefined;
}

function parseType(x: MethodTyping): TypeVar {
  x.argCount(0);
  const target = x.turbofish()[0] ?? x.fresh();
  const err = x.fresh();
  const where = x.e.namePos;
  const settle = (last: boolean): void => {
    const p = prune(target);
    const e = errorOf(p, x);
    if (!e && p.k === 'var' && !last) return x.settle(() => settle(true));
    if (!e) {
      const what = p.k === 'var' ? 'a type inference cannot settle here (write `parse::<i32>()`)' : `\`${show(p)}\``;
      throw new RustSubsetError(`parse into ${what} is not supported yet (integers, floats and Ipv4Addr are)`, where.line, where.col, 'call_expression');
    }
    try {
      unify(err, e);
    } catch (u) {
      if (!(u instanceof UnifyError)) throw u;
      throw new RustSubsetError(`parse's error \`${show(e)}\` where \`${show(err)}\` is expected is not supported yet`, where.line, where.col, 'call_expression');
    }
  };
  if (errorOf(target, x) && prune(target).k === 'con') settle(true);
  else x.settle(() => settle(false));
  return con('Result', target, err);
}

const STR_TY: Ty = { kind: 'ref', mutable: false, to: { kind: 'str' } };
const result = (ty: Ty, variant: 'Ok' | 'Err', v: RValue): RValue => ({ tag: 'enum', ty, name: 'Result', variant, fieldNames: ['0'], fields: [v] });

/** A parse error value: `ParseIntError { kind: IntErrorKind::InvalidDigit }`. */
function parseError(ty: Ty, kind: string): RValue {
  const name = (ty as { name: string }).name;
  const kindName = name === 'ParseIntError' ? 'IntErrorKind' : 'FloatErrorKind';
  const k: RValue = { tag: 'enum', ty: { kind: 'adt', name: kindName }, name: kindName, variant: kind, fieldNames: [], fields: [] };
  return { tag: 'struct', ty, name, fieldNames: ['kind'], fields: [k] };
}

export const parseMethods: StdMethod[] = [
  {
    name: 'parse',
    on: ['String', 'str'],
    type: parseType,
    run: (x) => {
      const ty = x.ty as Extract<Ty, { kind: 'result' }>;
      const ok = ty.ok;
      const fromStr = ok.kind === 'adt' && x.k.prog.fns.has(`${ok.name}::from_str`) ? `${ok.name}::from_str` : undefined;
      return (a) => {
        const text = textOf(x.place(a).get());
        if (fromStr) return x.k.callFn(fromStr, [{ tag: 'str', ty: STR_TY, text, target: null }], x.line);
        if (ok.kind === 'adt') {
          const octets = parseIpv4(text);
          return octets ? result(ty, 'Ok', ipv4Value(octets)) : result(ty, 'Err', addrParseError());
        }
        if (ok.kind === 'int') {
          const r = parseInt(text, ok.name as IntName);
          return 'ok' in r ? result(ty, 'Ok', scalar(ok, norm(r.ok))) : result(ty, 'Err', parseError(ty.err, r.err));
        }
        const r = parseFloat(text, ok.kind === 'float' && ok.name === 'f32');
        return 'ok' in r ? result(ty, 'Ok', scalar(ok, r.ok)) : result(ty, 'Err', parseError(ty.err, r.err));
      };
    },
  },
];
