/**
 * The generic parts of items as lowering reads them: type parameters with their bounds
 * (`<T: Display + PartialOrd>`, `where T: Clone`, `impl Trait` arguments), turbofish arguments,
 * and the written spellings that stand for a type inference fills in (`_`, `impl Trait` results).
 */
import type { Node } from 'web-tree-sitter';
import type { Ty } from '../../engine/layout/types';
import type { Generic } from './ast';

/** The name `_` in a written type becomes (inference gives it a fresh variable). */
export const INFER_NAME = 'Infer__';
/** The name a returned `impl Trait` becomes: the body's type, whatever it is. */
export const OPAQUE_RETURN = 'ImplReturn__';
/** The names `impl Trait` arguments become: anonymous type parameters. */
export const IMPL_ARG = 'ImplArg__';

function named(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => !!c && c.type !== 'line_comment' && c.type !== 'block_comment');
}

/** `T: A + B<C>` bounds, one string per trait, lifetimes left out. */
function boundList(node: Node | null): string[] {
  if (!node) return [];
  return named(node)
    .filter((b) => b.type !== 'lifetime')
    .map((b) => b.text.replace(/\s+/g, ''));
}

/**
 * The type parameters of `<'a, T: Bound, U>` and of a `where` clause, merged by name in the
 * order declared. Lifetimes are erased (they only matter to the borrow checker).
 */
export function typeParams(params: Node | null, where: Node | null): Generic[] {
  const out: Generic[] = [];
  for (const p of params ? named(params) : []) {
    if (p.type === 'lifetime' || p.type === 'lifetime_parameter') continue;
    const nameNode = p.childForFieldName('name') ?? p.childForFieldName('left') ?? (p.type === 'type_identifier' ? p : null);
    if (!nameNode) continue;
    out.push({ name: nameNode.text, bounds: boundList(p.childForFieldName('bounds')) });
  }
  for (const pred of where ? named(where) : []) {
    const left = pred.childForFieldName('left');
    if (!left) continue;
    const g = out.find((x) => x.name === left.text);
    const bounds = boundList(pred.childForFieldName('bounds'));
    if (g) g.bounds.push(...bounds);
    else out.push({ name: left.text, bounds });
  }
  return out;
}

/** Whether a `type_parameters` node declares type parameters (not lifetimes only). */
export function hasTypeParams(params: Node | null): boolean {
  return !!params && named(params).some((p) => p.type !== 'lifetime' && p.type !== 'lifetime_parameter');
}

/** `Type::Assoc` written in an impl (`Self::Target`, `Self::Item`) replaced by what the impl says it is. */
export function replaceAssoc(text: string, assoc: ReadonlyMap<string, string>): string {
  return text.replace(/\bSelf::([A-Za-z_]\w*)/g, (whole, name: string) => (assoc.has(name) ? `(${assoc.get(name)!})` : whole));
}

/** `t` with each type parameter named in `bound` replaced by its argument. */
export function substituteTy(t: Ty, bound: ReadonlyMap<string, Ty>): Ty {
  if (t.kind === 'adt' && !t.args && bound.has(t.name)) return bound.get(t.name)!;
  return mapTy(t, (x) => substituteTy(x, bound));
}

/** A type alias: `type Link<T> = Option<Box<Node<T>>>;`. */
export interface Alias {
  params: string[];
  ty: Ty;
}

/** std types a program may shadow with an alias of the same name (`type Result<T> = std::result::Result<T, MyError>;`). */
const SHADOWABLE = new Set(['Result', 'Option', 'Box', 'Vec', 'String']);

/** The name an alias is kept under: a shadowing one apart from std's type of that name. */
export const aliasKey = (name: string): string => (SHADOWABLE.has(name) ? `${name}__alias` : name);

/** A written type's text with a bare `Result` (not `std::result::Result`) naming the program's alias of that name. */
export function shadowedByAlias(text: string, aliases: ReadonlyMap<string, Alias>): string {
  for (const name of SHADOWABLE) if (aliases.has(aliasKey(name))) text = text.replace(new RegExp(`(^|[^:\\w])${name}\\b`, 'g'), `$1${aliasKey(name)}`);
  return text;
}

/** `ty` with every alias in it replaced by what it stands for (its arguments put in). */
export function expandAliases(ty: Ty, aliases: ReadonlyMap<string, Alias>, depth = 0): Ty {
  if (!aliases.size) return ty;
  if (depth > 32) throw new Error('a type alias refers to itself');
  const walk = (t: Ty): Ty => {
    if (t.kind === 'adt' && aliases.has(t.name)) {
      const a = aliases.get(t.name)!;
      const args = (t.args ?? []).map(walk);
      if (args.length !== a.params.length) throw new Error(`the type alias ${t.name} takes ${a.params.length} type argument(s), got ${args.length}`);
      return expandAliases(substituteTy(a.ty, new Map(a.params.map((p, i) => [p, args[i]!]))), aliases, depth + 1);
    }
    return mapTy(t, walk);
  };
  return walk(ty);
}

/** `t` with `f` applied to each type directly inside it. */
function mapTy(t: Ty, f: (x: Ty) => Ty): Ty {
  switch (t.kind) {
    case 'adt':
      return t.args ? { ...t, args: t.args.map(f) } : t;
    case 'slice':
    case 'vec':
    case 'array':
      return { ...t, elem: f(t.elem) };
    case 'ref':
    case 'rawptr':
    case 'box':
    case 'rc':
    case 'arc':
      return { ...t, to: f(t.to) };
    case 'option':
      return { ...t, some: f(t.some) };
    case 'result':
      return { ...t, ok: f(t.ok), err: f(t.err) };
    case 'tuple':
      return { ...t, items: t.items.map(f) };
    case 'std':
      return { ...t, args: t.args.map(f) };
    default:
      return t;
  }
}

/** Whether a value of the AST is a written type (the AST's own nodes use `k`, types use `kind`). */
function isTy(x: object): x is Ty {
  return typeof (x as { kind?: unknown }).kind === 'string' && !('k' in x);
}

/**
 * A deep copy of an item's syntax tree (never inferred: templates stay pristine) with every
 * written type's parameters replaced: one instance of a generic fn.
 */
export function instantiateTree<T>(tree: T, bound: ReadonlyMap<string, Ty>): T {
  const copy = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(copy);
    if (!x || typeof x !== 'object') return x;
    if (isTy(x)) return substituteTy(x, bound);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = copy(v);
    return out;
  };
  return copy(tree) as T;
}
