/**
 * Struct and struct-variant literals, with struct update syntax (`User { email, ..user1 }`):
 * the written fields are evaluated in the order written, then the base; the fields not written
 * come from the base. A base that is a place gives them up as `base.field` would (Copy fields
 * copied, others moved, so the base is partially moved, as rustc decides); a base that is a
 * temporary (`..template.clone()`) gives them up and the rest of it drops at the statement's end.
 */
import type { RValue } from '../../engine/memory/rvalue';
import { fromTy } from '../check/types';
import type { Codegen, Ev } from './context';
import { engineTy } from './context';
import { FieldLoc } from './values';
import type { Expr, Notes } from '../syntax/ast';

export function structLiteral(k: Codegen, e: Expr & { k: 'struct' }): Ev {
  const prog = k.prog;
  const ty = engineTy(e.ty!);
  const segs = e.segs;
  const isEnum = segs.length === 2;
  const def = isEnum ? prog.enums.get(segs[0]!)!.variants.find((v) => v.name === segs[1])! : prog.structs.get(segs[0]!)!;
  const names = def.fields.map((f) => f.name);
  // Fields are evaluated in the order written, then placed in declaration order.
  const inits = e.fields.map((f) => ({ index: names.indexOf(f.name), v: k.value(f.value, (f.value as Notes).coerce) }));
  const rest = e.base ? fromBase(k, e.base, def.fields.filter((f) => !e.fields.some((g) => g.name === f.name)).map((f) => ({ f, index: names.indexOf(f.name) }))) : undefined;
  const name = segs[0]!;
  return (a) => {
    const fields: RValue[] = new Array(names.length);
    for (const init of inits) fields[init.index] = init.v(a);
    if (rest) rest(a, fields);
    return isEnum ? { tag: 'enum', ty, name, variant: segs[1]!, fieldNames: names, fields } : { tag: 'struct', ty, name, fieldNames: names, fields };
  };
}

type Missing = { f: { name: string; ty: import('../../engine/layout/types').Ty }; index: number }[];

function fromBase(k: Codegen, base: Expr, missing: Missing): (a: Parameters<Ev>[0], fields: RValue[]) => void {
  if (k.isPlace(base)) {
    // `..user1` is `username: user1.username, …`: the move checks see each field's move or copy.
    const parts = missing.map(({ f, index }) => {
      const field: Expr = { k: 'field', pos: base.pos, e: base, name: f.name, ty: fromTy(f.ty) };
      return { index, v: k.value(field) };
    });
    return (a, fields) => {
      for (const p of parts) fields[p.index] = p.v(a);
    };
  }
  const loc = k.place(base, false); // a temporary, dropped (what is left of it) at the statement's end
  const m = () => k.rt.m;
  return (a, fields) => {
    const whole = loc(a);
    for (const { index } of missing) fields[index] = new FieldLoc(m(), whole, index).take();
  };
}
