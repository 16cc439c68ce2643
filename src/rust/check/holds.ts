/**
 * What a value keeps borrowed while it lives, for `let x = <value>` and the bindings of a
 * pattern: `&place` borrows the place (and, through a reference `r`, what r borrows); a call what
 * its signature ties its result to (lends.ts); a copy of a reference (`let r2 = r;`) what r
 * holds; a struct, tuple, array or `vec!` what its parts hold (`View { items: &v }`).
 * Values made by `if`, `match` or a block are not followed (their borrows go unchecked).
 */
import type { Binding, Expr, Pat } from '../syntax/ast';
import { carries, lends, type Lend, type LendCheck } from './lends';
import { placeOf } from './places';
import { conName } from './types';

export function holds(k: LendCheck, e: Expr): Lend[] {
  switch (e.k) {
    case 'ref': {
      const p = placeOf(e.e);
      if (!p) return [];
      const own: Lend = { ...p, mutable: e.mutable };
      return p.viaRef ? [own, ...k.heldBy(p.root, e.pos)] : [own];
    }
    case 'name':
      return e.binding && carries(e.ty!) ? k.heldBy(e.binding, e.pos) : [];
    case 'call': {
      const own = lends(k, e);
      if (!carries(e.ty!)) return own;
      // `Some(r)`, `Wrapper(r)`: a reference handed in by value goes on in the result.
      return [...own, ...e.args.filter((a) => a.k !== 'ref').flatMap((a) => holds(k, a))];
    }
    case 'method':
      return lends(k, e);
    case 'struct':
      return e.fields.flatMap((f) => holds(k, f.value));
    case 'tuple':
    case 'array':
    case 'vec':
      return e.items.flatMap((i) => holds(k, i));
    default:
      return [];
  }
}

/**
 * What the bindings of a pattern keep borrowed from the matched value: a binding that holds a
 * reference (`Some(x)` against `v.first()`, `[first, ..]` against `&v[..]`) holds what the
 * value holds; a `ref` / `ref mut` binding borrows the matched place itself, only the part its
 * position names (`let (ref a, _) = pair` borrows `pair.0`; an enum's payload is the whole
 * enum). Against `&pair` every binding holds the one loan of the whole `pair`, as rustc's does.
 */
export function patternHolds(k: LendCheck, p: Pat, value: Expr): { binding: Binding; lends: Lend[] }[] {
  const out: { binding: Binding; lends: Lend[] }[] = [];
  let fromValue: Lend[] | undefined;
  const byRef = value.k === 'ref' ? value : undefined;
  const place = placeOf(byRef ? byRef.e : value);
  const matchesPlace = place && (byRef || conName(value.ty) !== 'ref');
  const at = (path: string[], mutable: boolean): Lend[] => (place ? [{ ...place, path: place.path.includes('[]') ? place.path : [...place.path, ...path], mutable }] : []);
  const visit = (q: Pat, path: string[]): void => {
    switch (q.k) {
      case 'bind':
        if (q.binding) {
          if (q.byRef && matchesPlace) out.push({ binding: q.binding, lends: at(path, q.mutable) });
          // `&pair` is one loan of the whole place, whichever part a binding names.
          else if (byRef && matchesPlace && carries(q.binding.ty)) out.push({ binding: q.binding, lends: at([], byRef.mutable) });
          else if (carries(q.binding.ty)) out.push({ binding: q.binding, lends: (fromValue ??= holds(k, value)) });
        }
        if (q.sub) visit(q.sub, path);
        break;
      case 'variant':
        q.items.forEach((x) => visit(x, path));
        q.named?.forEach((f) => visit(f.pat, path));
        break;
      case 'tuple':
        q.items.forEach((x, i) => visit(x, [...path, String(i)]));
        break;
      case 'slice':
        q.items.forEach((x) => visit(x, [...path, '[]']));
        break;
      case 'or':
        q.alts.forEach((x) => visit(x, path));
        break;
      case 'ref':
        visit(q.pat, path);
        break;
      default:
        break;
    }
  };
  visit(p, []);
  return out.filter((h) => h.lends.length);
}
