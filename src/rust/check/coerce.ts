/**
 * Coercion sites in inference: unify with the coercions Rust applies there — `&String` → `&str`,
 * deref coercion through `&Box<T>` / `&Rc<T>` / `&&T`, `&mut T` → `&T`, unsizing to a slice and
 * to a trait object (`Box<T>` → `Box<dyn Trait>`), a closure to the type that wants it.
 */
import type { Inference } from './inference';
import { debuggable, displayable } from './format';
import type { Expr, Notes } from '../syntax/ast';
import { dynTrait, implementsTrait, stdDynTrait } from './dyn';
import { userDeref } from './deref';
import { unsizes } from './sequences';
import { coerceClosure } from './closures';
import { con, prune, show, unify, UnifyError, type TypeVar } from './types';

/**
 * Unify with the coercions Rust applies at a coercion site: `&String` → `&str`,
 * `&Box<T>` / `&Rc<T>` → `&T`, `&mut T` → `&T`.
 */
export function coerce(inf: Inference, e: Expr, found: TypeVar, expected: TypeVar, what = 'mismatched types'): void {
  if (coerceClosure(inf, e, found, expected)) return;
  const f = prune(found);
  const x = prune(expected);
  // Unsizing: `Box<T>` → `Box<dyn Trait>`, `&T` → `&dyn Trait` (check/dyn.ts).
  if (f.k === 'con' && x.k === 'con' && f.c === x.c && (f.c === 'Box' || f.c === 'ref') && (f.c !== 'ref' || f.mutable === x.mutable || !x.mutable)) {
    const trait = dynTrait(x.args[0]!);
    let inner = prune(f.args[0]!);
    // A literal becoming a trait object takes its default type (`Box::new(5)` as `Box<dyn Display>` is an i32).
    if (trait && inner.k === 'var' && inner.lit) inner = (unify(inner, con(inner.lit === 'int' ? 'i32' : 'f64')), prune(inner));
    if (trait && !dynTrait(inner) && !(inner.k === 'var')) {
      const std = stdDynTrait(inf.prog, trait, (t) => displayable(inf.prog, t), (t) => debuggable(inf.prog, t));
      if (std ? !std(inner) : !implementsTrait(inf.prog, inner, trait)) inf.err(e.pos, `the trait bound \`${show(inner)}: ${trait}\` is not satisfied (required for the cast to \`dyn ${trait}\`)`, 'E0277');
      (e as Notes).unsizeTo = x;
      return;
    }
  }
  if (f.k === 'con' && x.k === 'con' && f.c === 'ref' && x.c === 'ref') {
    if (x.mutable && !f.mutable) inf.mismatch(e.pos, x, f, 'types differ in mutability');
    let inner = prune(f.args[0]!);
    const want = prune(x.args[0]!);
    let derefs = 0;
    for (;;) {
      if (inf.tryUnify(want, inner)) {
        if (derefs) (e as Notes).coerce = derefs;
        return;
      }
      if (inner.k === 'con' && inner.c === 'String' && want.k === 'con' && want.c === 'str') return;
      const elem = unsizes(want, inner);
      if (elem && inf.tryUnify((want as { args: TypeVar[] }).args[0]!, elem)) return;
      // Deref coercion through Box, Rc and references (`&&str` → `&str`).
      if (inner.k === 'con' && (inner.c === 'Box' || inner.c === 'Rc' || inner.c === 'ref')) {
        inner = prune(inner.args[0]!);
        derefs++;
        continue;
      }
      if (!derefs && userDeref(inf.prog, inner)) return coerce(inf, e, inf.viaDeref(e, inner), x, what);
      inf.mismatch(e.pos, x, f, what);
    }
  }
  try {
    unify(x, f);
  } catch (err) {
    if (err instanceof UnifyError) inf.mismatch(e.pos, x, f, what);
    throw err;
  }
}
