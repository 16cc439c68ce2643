/**
 * rustc's E0004 for `match`: which values a set of patterns leaves unmatched. Exact for enums,
 * Option, bool and irrefutable patterns; a variant's fields are checked one column deep.
 */
import type { Pat, Pos, Program } from '../syntax/ast';
import { fieldTys as adtFieldTys } from './generics';
import { arrayLen, autoDeref, fromTy, type TypeVar } from './types';
import { isRest, sliceUncovered } from './rest-patterns';

/**
 * What a set of patterns leaves unmatched for a value of type t, in rustc's words, or null when
 * they cover every value. Exact for enums, Option, bool and irrefutable patterns; a variant's
 * fields are checked one column deep, so unusual nestings may be reported too strictly.
 */
export function uncovered(prog: Program, pats: Pat[], t: TypeVar): string | null {
  const flat = pats.flatMap((p) => (p.k === 'or' ? p.alts : [p]));
  const strip = (p: Pat): Pat => (p.k === 'ref' ? strip(p.pat) : p.k === 'bind' && p.sub ? strip(p.sub) : p);
  const ps = flat.map(strip);
  if (ps.some((p) => irrefutable(prog, p))) return null;
  const ty = autoDeref(t);
  if (ty.k !== 'con') return '`_`';
  if (ty.c === 'slice' || ty.c === 'Array') return sliceUncovered(ps, ty.args[0]!, ty.c === 'Array' ? arrayLen(ty) : undefined, (rows, tys) => rowsCover(prog, rows, tys));
  if (ty.c === 'bool') {
    const has = (v: boolean) => ps.some((p) => p.k === 'lit' && p.value.k === 'bool' && p.value.value === v);
    const miss = [true, false].filter((v) => !has(v)).map((v) => `\`${v}\``);
    return miss.length ? miss.join(' and ') : null;
  }
  let variants: { name: string; shown: string; fields: TypeVar[] }[] | undefined;
  if (ty.c === 'Option') variants = [{ name: 'Some', shown: 'Some(_)', fields: [ty.args[0]!] }, { name: 'None', shown: 'None', fields: [] }];
  if (ty.c === 'Result') variants = [{ name: 'Ok', shown: 'Ok(_)', fields: [ty.args[0]!] }, { name: 'Err', shown: 'Err(_)', fields: [ty.args[1]!] }];
  else if (ty.c.startsWith('adt:') && prog.enums.has(ty.c.slice(4))) {
    const en = prog.enums.get(ty.c.slice(4))!;
    variants = en.variants.map((v) => ({
      name: v.name,
      shown: `${en.name}::${v.name}${v.fields.length ? (/^\d/.test(v.fields[0]!.name) ? `(${v.fields.map(() => '_').join(', ')})` : ' { .. }') : ''}`,
      fields: adtFieldTys(prog, ty, v.name),
    }));
  } else if (ty.c.startsWith('adt:') || ty.c === 'tuple' || ty.c === 'unit') {
    // A struct or tuple: one shape; covered when some arm matches every field.
    const fieldTys = ty.c === 'tuple' ? ty.args : ty.c === 'unit' ? [] : adtFieldTys(prog, ty);
    const rows = ps.filter((p) => p.k === 'tuple' || p.k === 'variant').map((p) => fieldPats(prog, p, fieldTys.length));
    return rowsCover(prog, rows, fieldTys) ? null : '`_`';
  }
  if (!variants) return '`_`';
  const miss = variants.filter((v) => {
    const rows = ps.filter((p) => p.k === 'variant' && p.segs[p.segs.length - 1] === v.name).map((p) => fieldPats(prog, p, v.fields.length));
    return rows.length === 0 || !rowsCover(prog, rows, v.fields);
  });
  return miss.length ? miss.map((v) => `\`${v.shown}\``).join(', ') : null;
}

/** A pattern's sub-patterns by field position (missing ones are wildcards, as `..` means). */
export function fieldPats(prog: Program, p: Pat, n: number): Pat[] {
  const wild = (pos: Pos): Pat => ({ k: 'wild', pos });
  if (p.k === 'tuple') return p.items;
  if (p.k !== 'variant') return new Array(n).fill(wild(p.pos));
  if (p.named) {
    const segs = p.segs;
    const names = segs.length === 2 && prog.enums.has(segs[0]!)
      ? prog.enums.get(segs[0]!)!.variants.find((v) => v.name === segs[1])!.fields.map((f) => f.name)
      : (prog.structs.get(segs[0]!)?.fields.map((f) => f.name) ?? []);
    return names.map((name) => p.named!.find((f) => f.name === name)?.pat ?? wild(p.pos));
  }
  return p.items.length ? p.items : new Array(n).fill(wild(p.pos));
}

/** Whether rows of field patterns cover every combination (one refutable column at a time). */
export function rowsCover(prog: Program, rows: Pat[][], tys: TypeVar[]): boolean {
  if (rows.some((r) => r.every((p) => irrefutable(prog, p)))) return true;
  for (let col = 0; col < tys.length; col++) {
    // Rows whose other columns are all irrefutable decide this column.
    const decided = rows.filter((r) => r.every((p, i) => i === col || irrefutable(prog, p))).map((r) => r[col]!);
    if (decided.length && uncovered(prog, decided, tys[col]!) === null) return true;
  }
  return false;
}

export function irrefutable(prog: Program, p: Pat): boolean {
  switch (p.k) {
    case 'wild':
    case 'rest':
      return true;
    case 'slice':
      return p.items.length === 1 && isRest(p.items[0]!);
    case 'bind':
      return !p.sub || irrefutable(prog, p.sub);
    case 'ref':
      return irrefutable(prog, p.pat);
    case 'tuple':
      return p.items.every((q) => irrefutable(prog, q));
    case 'variant':
      return p.segs.length === 1 && prog.structs.has(p.segs[0]!) && p.items.every((q) => irrefutable(prog, q)) && (p.named ?? []).every((f) => irrefutable(prog, f.pat));
    case 'or':
      return p.alts.some((q) => irrefutable(prog, q));
    default:
      return false;
  }
}
