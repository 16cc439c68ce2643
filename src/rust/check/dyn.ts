/**
 * Trait objects: `dyn Trait` is the type `dyn:Trait`. A `Box<T>` or `&T` becomes a
 * `Box<dyn Trait>` / `&dyn Trait` at a coercion site when T implements the trait (the pointer
 * grows a vtable: 16 bytes, laid out by the engine); a method called on it runs the impl of the
 * value's own type, found when it runs (dynamic dispatch, run/compile.ts).
 */
import type { FnItem, Program } from '../syntax/ast';
import { type TypeVar, prune } from './types';

/** The trait of a `dyn Trait` type, or undefined. */
export function dynTrait(t: TypeVar): string | undefined {
  const p = prune(t);
  return p.k === 'con' && p.c.startsWith('dyn:') ? p.c.slice(4) : undefined;
}

/** Whether a value of type `t` may become a `dyn trait` (it is a program's type implementing it). */
export function implementsTrait(prog: Program, t: TypeVar, trait: string): boolean {
  const p = prune(t);
  if (p.k !== 'con') return false;
  if (p.c === `dyn:${trait}`) return true;
  return p.c.startsWith('adt:') && !!prog.impls.get(p.c.slice(4))?.has(trait);
}

/**
 * The fn of some implementor of `trait` named `method`, for the method's signature (every impl
 * has the trait's signature; rustc's E0053 otherwise), or undefined.
 */
export function traitMethod(prog: Program, trait: string, method: string): FnItem | undefined {
  for (const [type, traits] of prog.impls) {
    if (!traits.has(trait)) continue;
    const fn = prog.fns.get(`${type}::${method}`);
    if (fn && !fn.generics) return fn;
  }
  return undefined;
}

/**
 * std's traits a `dyn` may name here: formatting is all a `dyn Display` / `dyn Debug` offers, and
 * all the subset runs of a `dyn Error` (its Display and Debug, its supertraits).
 */
export const STD_DYN = new Set(['Display', 'Debug', 'Error']);

/** std's error types by the names inference gives them (std's parse errors, once the std table has them). */
const STD_ERRORS = new Set(['adt:ParseIntError', 'adt:ParseFloatError', 'adt:AddrParseError']);

/** Whether `t` is a program's type with its own `impl Error`, or one of std's errors (what may become a `Box<dyn Error>`). */
export function isError(prog: Program, t: TypeVar): boolean {
  const p = prune(t);
  return p.k === 'con' && (p.c === 'dyn:Error' || STD_ERRORS.has(p.c) || (p.c.startsWith('adt:') && !!prog.impls.get(p.c.slice(4))?.has('Error')));
}

/** For a std trait of STD_DYN, the test a type must pass to become its `dyn`; undefined for other traits. */
export function stdDynTrait(prog: Program, trait: string, displayable: (t: TypeVar) => boolean, debuggable: (t: TypeVar) => boolean): ((t: TypeVar) => boolean) | undefined {
  if (trait === 'Display') return displayable;
  if (trait === 'Debug') return debuggable;
  if (trait === 'Error') return (t) => isError(prog, t);
  return undefined;
}
