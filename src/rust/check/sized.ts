/**
 * rustc's E0277 for an unsized type (`str`, `[T]`, `dyn Trait`) where a sized one is needed: as a
 * Vec's, a map's, an Option's or a tuple's argument (`HashMap<str, u32>`). Behind a pointer
 * (`&str`, `Box<str>`, `Rc<[T]>`) it is fine.
 */
import type { Ty } from '../../engine/layout/types';
import { RustCompileError } from '../errors';
import type { Pos } from '../syntax/ast';

const unsized = (t: Ty): string | undefined => (t.kind === 'str' ? 'str' : t.kind === 'slice' ? '[T]' : t.kind === 'dyn' ? `dyn ${t.trait}` : undefined);

/** Throws E0277 when a written type holds an unsized type by value, at any depth. */
export function checkSized(ty: Ty, pos: Pos): void {
  const parts: Ty[] =
    ty.kind === 'vec' || ty.kind === 'array' ? [ty.elem] : ty.kind === 'option' ? [ty.some] : ty.kind === 'result' ? [ty.ok, ty.err] : ty.kind === 'tuple' ? ty.items : ty.kind === 'std' && ty.name !== 'Weak' && ty.name !== 'Ref' && ty.name !== 'RefMut' ? ty.args : [];
  for (const p of parts) {
    const name = unsized(p);
    if (name) throw new RustCompileError(`the size for values of type \`${name}\` cannot be known at compilation time`, pos.line, pos.col, 'E0277');
  }
  const inner: Ty[] = ty.kind === 'ref' || ty.kind === 'box' || ty.kind === 'rc' || ty.kind === 'arc' || ty.kind === 'rawptr' ? [ty.to] : ty.kind === 'slice' ? [ty.elem] : ty.kind === 'adt' ? (ty.args ?? []) : [];
  for (const p of [...parts, ...inner]) checkSized(p, pos);
}
