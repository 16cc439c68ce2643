/**
 * `x.try_into()` through a program's `impl TryFrom<X> for T`: std's blanket `TryInto` calls
 * `T::try_from(x)`. The target comes from the type the context expects (`let r: Result<T, E> =
 * x.try_into();`, a parameter); the call is rewritten in place to `T::try_from(x)` before it is
 * inferred, so it is checked and run as the impl's own call. std's own TryFrom impls (between
 * integer types) are not in the subset: "not supported yet".
 */
import { RustSubsetError } from '../errors';
import type { Expr, Program } from '../syntax/ast';
import { type TypeVar, prune } from './types';

/** Rewrites `x.try_into()` to `T::try_from(x)` when the expected type is `Result<T, _>` of a program's T with TryFrom. */
export function resolveTryInto(prog: Program, e: Expr & { k: 'method' }, expected: TypeVar | undefined): void {
  if (e.name !== 'try_into' || e.args.length) return;
  const want = expected && prune(expected);
  const target = want?.k === 'con' && want.c === 'Result' ? prune(want.args[0]!) : undefined;
  const type = target?.k === 'con' && target.c.startsWith('adt:') ? target.c.slice(4) : undefined;
  if (!type || !prog.impls.get(type)?.has('TryFrom') || !prog.fns.has(`${type}::try_from`)) {
    throw new RustSubsetError('`try_into()` is not supported yet unless the expected type is written here as `Result<T, _>` of a type with its own `impl TryFrom`', e.namePos.line, e.namePos.col, 'call_expression');
  }
  const recv = e.recv;
  const pos = e.pos;
  for (const key of Object.keys(e)) delete (e as unknown as Record<string, unknown>)[key];
  Object.assign(e, { k: 'call', pos, callee: { k: 'path', pos, segs: [type, 'try_from'] }, args: [recv] });
}
