/**
 * Generics as rustc runs them: monomorphised. A generic fn (or a method of a generic impl) is a
 * template; each call site gives its type parameters fresh variables, and once the caller's
 * types are settled the call names an instance (`largest::<char>`), a copy of the template with
 * the parameters written as those types, inferred and compiled like any fn. Generic structs and
 * enums are `adt:Name` constructors with their arguments; their fields' types are the
 * declaration's with the parameters replaced, and the engine lays each instantiation out.
 */
import type { Ty } from '../../engine/layout/types';
import type { AdtDef } from '../../engine/layout/types';
import type { FnItem, Program } from '../syntax/ast';
import { instantiateTree } from '../syntax/generics';
import { RustCompileError } from '../errors';
import { type TypeVar, con, fresh, fromTy, prune, show, unify, withParams } from './types';
import { parseType } from '../../engine/layout/parse';
import { asRefImpl, derefRefs } from '../std/as-ref';

/** `AsRef<X>` / `AsMut<X>` bounds: which trait, and X. */
const AS_REF_BOUND = /^(?:(?:std|core)::convert::)?As(Ref|Mut)<(.+)>$/;

/** The declaration of a program's struct or enum by its constructor (`adt:Name`). */
export function adtDef(prog: Program, t: TypeVar): AdtDef | undefined {
  const p = prune(t);
  if (p.k !== 'con' || !p.c.startsWith('adt:')) return undefined;
  const name = p.c.slice(4);
  return prog.structs.get(name) ?? prog.enums.get(name);
}

/** A written field type under the arguments of the adt type `t` (`T` of `Node<T>` as `Node<i32>`'s i32). */
export function fieldTy(prog: Program, t: TypeVar, ty: Ty): TypeVar {
  const def = adtDef(prog, t);
  const params = def?.params;
  if (!params?.length) return fromTy(ty);
  const args = (prune(t) as { args: TypeVar[] }).args;
  return withParams((name) => {
    const i = params.indexOf(name);
    return i >= 0 ? args[i] : undefined;
  }, () => fromTy(ty));
}

/** The fields' types of a struct (or of an enum's variant) as a value of type `t` has them. */
export function fieldTys(prog: Program, t: TypeVar, variant?: string): TypeVar[] {
  const def = adtDef(prog, t);
  if (!def) return [];
  const fields = def.kind === 'struct' ? def.fields : (def.variants.find((v) => v.name === variant)?.fields ?? []);
  return fields.map((f) => fieldTy(prog, t, f.ty));
}

/** A fresh instantiation of a program's type: `Point<?a, ?b>` for `struct Point<X, Y>`. */
export function freshAdt(def: AdtDef, v: () => TypeVar = () => fresh()): TypeVar {
  return con(`adt:${def.name}`, ...(def.params ?? []).map(() => v()));
}

/** An instance's name: the template's with its arguments (`largest::<char>`, `Point::x::<i32, f64>`). */
export function instanceName(template: string, args: readonly Ty[]): string {
  return `${template}::<${args.map((a) => show(fromTy(a))).join(', ')}>`;
}

/**
 * The instance of a template for these arguments, made once: its tree a copy with every
 * written type's parameters replaced, and no generics of its own.
 */
export function instantiate(prog: Program, template: FnItem, args: readonly Ty[]): { item: FnItem; made: boolean } {
  const name = instanceName(template.name, args);
  const known = prog.fns.get(name);
  if (known) return { item: known, made: false };
  const bound = new Map(template.generics!.map((g, i) => [g.name, args[i]!]));
  const item = instantiateTree(template, bound);
  item.name = name;
  item.instanceBounds = template.generics!.map((g, i) => ({ ty: args[i]!, bounds: g.bounds }));
  delete item.generics;
  delete item.implParams;
  prog.fns.set(name, item);
  return { item, made: true };
}

/** The name a program's impls are kept under for a type argument (`Point`, `String`, `i32`), when it has one. */
function implKey(t: Ty): string | undefined {
  switch (t.kind) {
    case 'adt':
      return t.name;
    case 'string':
      return 'String';
    case 'vec':
      return 'Vec';
    case 'int':
    case 'float':
      return t.name;
    case 'bool':
    case 'char':
      return t.kind;
    default:
      return undefined;
  }
}

/**
 * A bound on a program's own trait that a call's type argument does not meet (`T: Shape` given
 * a String): rustc's E0277 at the call, as `Type: Trait` text; undefined when all are met (std
 * traits' bounds are judged elsewhere).
 */
export function unmetBound(prog: Program, template: FnItem, args: readonly Ty[]): string | undefined {
  for (const [i, g] of template.generics!.entries()) {
    const key = implKey(args[i]!);
    if (key === undefined) continue;
    for (const b of g.bounds) if (prog.traits.has(b) && !prog.impls.get(key)?.has(b)) return `${show(fromTy(args[i]!))}: ${b}`;
  }
  // `T: AsRef<[i32]>` given a `Vec<i64>`: std has no such impl, rustc's E0277 at the call.
  for (const [i, g] of template.generics!.entries()) {
    for (const b of g.bounds) {
      const m = AS_REF_BOUND.exec(b);
      if (!m || !args[i]) continue;
      const arg = derefRefs(fromTy(args[i]!));
      if (!asRefImpl(arg, fromTy(parseType(m[2]!)), m[1] === 'Mut')) return `${show(arg)}: As${m[1]}<${m[2]}>`;
    }
  }
  return undefined;
}

/** Std traits a bound-only type can stand for, and the program's sets that say a type has them. */
const BOUND_SETS: Record<string, (keyof Pick<Program, 'copyTypes' | 'cloneTypes' | 'debugTypes' | 'eqTypes' | 'ordTypes' | 'totalOrdTypes'>)[]> = {
  Copy: ['copyTypes', 'cloneTypes'],
  Clone: ['cloneTypes'],
  Debug: ['debugTypes'],
  PartialEq: ['eqTypes'],
  Eq: ['eqTypes'],
  PartialOrd: ['eqTypes', 'ordTypes'],
  Ord: ['eqTypes', 'ordTypes', 'totalOrdTypes'],
  Display: [],
};

/**
 * rustc checks a generic body once, knowing of `T` only its bounds: a `{}` of a `T` without
 * `T: Display`, a `<` without `PartialOrd`, is its error even if every caller's type would do.
 * Runs `check` on a copy of the template whose parameters are field-less structs having just
 * their bounds' traits. Done only when every bound is one of std's traits listed here (a bound
 * on a program's trait or an operator trait is left to the instances).
 */
export function withBoundsOnly(prog: Program, template: FnItem, check: (fn: FnItem) => void): void {
  const gs = template.generics!;
  const known = (b: string) => Object.hasOwn(BOUND_SETS, b.replace(/^(std::)?(fmt|cmp|clone|marker)::/, ''));
  if (gs.some((g) => !g.bounds.every(known) || prog.structs.has(g.name) || prog.enums.has(g.name))) return;
  const added: (() => void)[] = [];
  for (const g of gs) {
    prog.structs.set(g.name, { kind: 'struct', name: g.name, repr: 'rust', fields: [] });
    added.push(() => prog.structs.delete(g.name));
    for (const b of g.bounds.map((x) => x.replace(/^(std::)?(fmt|cmp|clone|marker)::/, ''))) {
      for (const set of BOUND_SETS[b]!) {
        if (!prog[set].has(g.name)) {
          prog[set].add(g.name);
          added.push(() => prog[set].delete(g.name));
        }
      }
      if (b === 'Display') {
        prog.impls.set(g.name, new Set(['Display']));
        added.push(() => prog.impls.delete(g.name));
      }
    }
  }
  try {
    const copy = instantiateTree(template, new Map());
    copy.name = `${template.name}::<bounds>`;
    delete copy.generics;
    check(copy);
  } catch (e) {
    // Only rustc's own errors judge the body; what the subset lacks shows at an instance.
    if (!(e instanceof RustCompileError)) return;
    throw e;
  } finally {
    for (const undo of added.reverse()) undo();
  }
}

/**
 * A generic argument known only as `Vec<_>` (`bump(Vec::new())`) under `T: AsMut<Vec<i32>>` or
 * `T: AsRef<[i32]>`: std's one impl that fits (`Vec<T>: AsMut<Vec<T>>`, `AsRef<[T]>`) settles the
 * element, as rustc infers it. Returns `vars`, each element type filled where a bound says it.
 */
export function inferFromAsRefBounds(template: FnItem, vars: TypeVar[]): TypeVar[] {
  template.generics?.forEach((g, i) => {
    const v = prune(vars[i]!);
    if (v.k !== 'con' || v.c !== 'Vec' || prune(v.args[0]!).k !== 'var') return;
    for (const bound of g.bounds) {
      const m = AS_REF_BOUND.exec(bound);
      const target = m && prune(fromTy(parseType(m[2]!)));
      if (target?.k === 'con' && (target.c === 'Vec' || target.c === 'slice')) return unify(v.args[0]!, target.args[0]!);
    }
  });
  return vars;
}
