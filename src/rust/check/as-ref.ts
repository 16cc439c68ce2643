/**
 * `x.as_ref()` / `x.as_mut()` inside an instance of a generic fn whose parameter has the bound
 * `T: AsRef<X>` / `T: AsMut<X>` (also `impl AsRef<str>` arguments): rustc resolves the call through
 * the bound, so it means `AsRef::<X>::as_ref(&x)`. The instance keeps its template's bounds
 * (check/generics.ts); the impl itself is std's (std/as-ref.ts), rustc's E0277 when the type
 * argument has none. Elsewhere `as_ref` is Option's / Result's, or not supported yet.
 */
import { parseType } from '../../engine/layout/parse';
import type { Expr, Notes } from '../syntax/ast';
import { asRefImpl, derefRefs, isAsRefName } from '../std/as-ref';
import type { Inference } from './inference';
import { fromTy, refTo, show, type TypeVar } from './types';

export function inferAsRef(inf: Inference, e: Expr & { k: 'method' }, recv: TypeVar): TypeVar | undefined {
  if (!isAsRefName(e.name)) return undefined;
  const bounds = inf.prog.fns.get(inf.fnName)?.instanceBounds;
  if (!bounds) return undefined;
  const trait = e.name === 'as_ref' ? 'AsRef' : 'AsMut';
  const base = derefRefs(recv);
  for (const b of bounds) {
    if (show(derefRefs(fromTy(b.ty))) !== show(base)) continue;
    for (const bound of b.bounds) {
      const m = new RegExp(`^(?:(?:std|core)::convert::)?${trait}<(.+)>$`).exec(bound);
      if (!m) continue;
      const target = fromTy(parseType(m[1]!));
      const mutable = trait === 'AsMut';
      inf.argCount(e, 0, 'method');
      if (!asRefImpl(base, target, mutable)) inf.err(e.namePos, `the trait bound \`${show(base)}: ${trait}<${show(target)}>\` is not satisfied`, 'E0277');
      (e as Notes).asRef = { recv: base, target, mutable };
      return refTo(target, mutable);
    }
  }
  return undefined;
}
