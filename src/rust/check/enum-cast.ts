/**
 * `Enum::Variant as i32` on a fieldless enum (Rust by Example "C-like enums"): the variant's
 * discriminant, written (`Red = 0xff0000`) or one past the previous variant's (0 for the first).
 */
import type { Program } from '../syntax/ast';
import { prune, type TypeVar } from './types';

/** Each variant's discriminant, when `t` is one of the program's enums without fields; else undefined. */
export function discriminants(prog: Program, t: TypeVar): Map<string, number> | undefined {
  const p = prune(t);
  if (p.k !== 'con' || !p.c.startsWith('adt:')) return undefined;
  const en = prog.enums.get(p.c.slice(4));
  if (!en || en.variants.some((v) => v.fields.length)) return undefined;
  const out = new Map<string, number>();
  let next = 0;
  for (const v of en.variants) {
    const d = v.discriminant ?? next;
    out.set(v.name, d);
    next = d + 1;
  }
  return out;
}
