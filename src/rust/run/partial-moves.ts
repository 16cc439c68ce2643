/**
 * Partial moves by a pattern (Rust by Example "Partial moves"; Book ch. 19.3): destructuring a
 * struct or tuple variable where some fields bind by value (moved out) and others by reference or
 * copy (`let Person { name, ref age } = person;`). Each moved field leaves the variable as
 * `person.name = …` would move it: the variable is partially moved from then on (using it whole is
 * E0382, its other fields stay usable), and at scope end only the fields still in it are dropped.
 * A field's own pattern must take all of it or none of it by value (deeper partial moves are
 * reported as not supported yet).
 */
import { conName, prune, type TypeVar } from '../check/types';
import type { Binding, Pat } from '../syntax/ast';
import type { Act, Codegen } from './context';
import { FieldLoc, type Loc, TempLoc } from './values';

type Binder = (k: Codegen, p: Pat, ty: TypeVar, fromPlace: boolean, viaRef?: boolean) => (a: Act, loc: Loc) => void;

interface Helpers {
  patMoves(k: Codegen, p: Pat, ty: TypeVar): boolean;
  movesAll(k: Codegen, p: Pat, ty: TypeVar): boolean;
  fieldTypes(k: Codegen, p: Pat, t: TypeVar): TypeVar[];
  fieldNames(k: Codegen, p: Pat & { k: 'variant' }, t: TypeVar): string[];
  patBinder: Binder;
}

/** The binder for a pattern that moves some fields out of the variable `whole`, or undefined when it is not one the subset models. */
export function partialMoveBinder(k: Codegen, p: Pat, ty: TypeVar, whole: Binding, h: Helpers): ((a: Act, loc: Loc) => void) | undefined {
  const t = prune(ty);
  const c = conName(t);
  const isStruct = p.k === 'variant' && p.segs.length === 1 && c.startsWith('adt:') && k.prog.structs.has(c.slice(4));
  if (!(p.k === 'tuple' && c === 'tuple') && !isStruct) return undefined;
  if (whole.capture !== undefined) return undefined;
  if (isStruct && k.prog.dropTypes.has(c.slice(4))) {
    k.err(p.pos, `cannot move out of type \`${c.slice(4)}\`, which implements the \`Drop\` trait`, 'E0509');
  }
  const tys = h.fieldTypes(k, p, t);
  const parts: { index: number; name: string; pat: Pat }[] = [];
  if (p.k === 'tuple') p.items.forEach((q, i) => parts.push({ index: i, name: String(i), pat: q }));
  else if (p.k === 'variant' && p.named) {
    const names = h.fieldNames(k, p, t);
    for (const f of p.named) parts.push({ index: names.indexOf(f.name), name: f.name, pat: f.pat });
  } else if (p.k === 'variant') {
    p.items.forEach((q, i) => parts.push({ index: i, name: String(i), pat: q }));
  }
  const binds = parts.map((part) => {
    const fty = tys[part.index]!;
    if (!h.patMoves(k, part.pat, fty)) {
      k.checks.checkField(whole, part.name, part.pat.pos, false);
      const inner = h.patBinder(k, part.pat, fty, true);
      return (a: Act, loc: Loc) => inner(a, new FieldLoc(k.rt.m, loc, part.index));
    }
    if (!h.movesAll(k, part.pat, fty)) {
      return k.subset(part.pat.pos, `moving only some parts out of \`${whole.name}.${part.name}\` is not supported yet; bind all of it, or borrow it with ref`, 'pattern');
    }
    k.checks.checkField(whole, part.name, part.pat.pos, true);
    const inner = h.patBinder(k, part.pat, fty, false);
    return (a: Act, loc: Loc) => {
      const field = new FieldLoc(k.rt.m, loc, part.index);
      const v = field.take();
      loc.changed(); // the local no longer shows the field
      inner(a, new TempLoc(v));
    };
  });
  return (a, loc) => {
    for (const b of binds) b(a, loc);
  };
}
