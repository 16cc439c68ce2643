/**
 * The place a borrow or an access touches, for the borrow check: the local it starts from, the
 * fields below it (`s.a.b`), and whether it is reached through a reference the local holds
 * (`self.items`, `*v`, `r[0]`). An index ends the path: rustc does not tell `v[0]` from `v[1]`.
 * Two places overlap when one path is a prefix of the other, so `&s.a` and `s.b.push(1)` do not
 * conflict (rustc's disjoint fields), `&s.a` and `s = …` do.
 */
import type { Binding, Expr } from '../syntax/ast';
import { conName } from './types';

/** Where below its local a place is. */
export interface PlacePath {
  path: string[];
  /** Reached through a reference the local holds (assigning the local itself does not touch it). */
  viaRef: boolean;
  /** A borrow that conflicts only with uses of the local by its name alone (`r.push(1)`, not `r.items`). */
  nameOnly?: boolean;
}

export interface Place extends PlacePath {
  root: Binding;
}

/** The whole local. */
export const WHOLE: PlacePath = { path: [], viaRef: false };

/** The local a place expression is part of, and where in it (not through an Rc: its contents are shared). */
export function placeOf(e: Expr): Place | undefined {
  if (e.k === 'name') return e.binding ? { root: e.binding, path: [], viaRef: false } : undefined;
  if (e.k === 'unary' && e.op === '*') {
    const c = conName(e.e.ty);
    if (c !== 'ref' && c !== 'Box') return undefined;
    const base = placeOf(e.e);
    return base && { ...base, viaRef: base.viaRef || c === 'ref' };
  }
  if (e.k !== 'field' && e.k !== 'index') return undefined;
  const c = conName(e.e.ty);
  if (c === 'Rc') return undefined;
  const base = placeOf(e.e);
  if (!base) return undefined;
  const viaRef = base.viaRef || c === 'ref';
  // After an index the path stays at the container: every element is the same place to rustc.
  if (e.k === 'index' || base.path[base.path.length - 1] === '[]') return { root: base.root, path: [...base.path.filter((s) => s !== '[]'), '[]'], viaRef };
  return { root: base.root, path: [...base.path, e.name], viaRef };
}

/** The place as rustc names it in its errors: `self.items`, `*v`, `v`. */
export function placeText(root: Binding, at: PlacePath): string {
  const fields = at.path.filter((s) => s !== '[]');
  if (fields.length) return [root.name, ...fields].join('.');
  return at.viaRef ? `*${root.name}` : root.name;
}

/** Whether two places of one local overlap: one is a part of the other. */
export function overlaps(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] === '[]' || b[i] === '[]') return true;
    if (a[i] !== b[i]) return false;
  }
  return true;
}
