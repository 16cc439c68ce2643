/**
 * Lowering of closures and of the types that name them: `|x| x + 1`, `move || …`, `impl Fn(i32) -> i32`,
 * `Box<dyn Fn(&str) -> String>` and generic parameters bounded by a closure trait (`F: FnMut()`).
 * A parameter `f: F` with `F: Fn(i32) -> i32` is read as `impl Fn(i32) -> i32`: each call site
 * passes one closure type, as rustc monomorphises it.
 */
import type { Node } from 'web-tree-sitter';
import type { Ty } from '../../engine/layout/types';
import type { Expr, Pat, Pos } from './ast';

/** What closures need of the lowering (lower.ts). */
export interface ClosureLowering {
  pos(node: Node): Pos;
  expr(node: Node): Expr;
  pattern(node: Node): Pat;
  type(node: Node): Ty;
  unsupported(node: Node, what?: string): never;
}

const FN_TRAIT = /^(Fn|FnMut|FnOnce)\s*\(/;

const kids = (node: Node): Node[] => node.namedChildren.filter((c): c is Node => !!c && c.type !== 'line_comment' && c.type !== 'block_comment');

export function lowerClosure(low: ClosureLowering, node: Node, pos: Pos): Expr {
  const paramsNode = node.childForFieldName('parameters');
  const params: { pat: Pat; ty?: Ty; pos: Pos }[] = [];
  for (const p of paramsNode ? kids(paramsNode) : []) {
    if (p.type === 'parameter') {
      const tyNode = p.childForFieldName('type');
      params.push({ pat: low.pattern(p.childForFieldName('pattern')!), ty: tyNode ? low.type(tyNode) : undefined, pos: low.pos(p) });
    } else params.push({ pat: low.pattern(p), pos: low.pos(p) });
  }
  const retNode = node.childForFieldName('return_type');
  const body = node.childForFieldName('body');
  if (!body) low.unsupported(node, 'expected a closure body');
  const move = node.children.some((c) => c?.type === 'move');
  return { k: 'closure', pos, params, ret: retNode ? low.type(retNode) : undefined, body: low.expr(body), move };
}

/**
 * `impl Fn(A) -> R` as a type: kept as the `dyn` type the engine knows, marked `impl`, so inference
 * reads its signature (check/closures.ts) and a local of it takes its value's own layout.
 * Undefined for `impl` of any other trait.
 */
export function implFnType(low: ClosureLowering, node: Node): Ty | undefined {
  const trait = node.childForFieldName('trait') ?? kids(node)[0];
  if (!trait || trait.type !== 'function_type' || !FN_TRAIT.test(trait.text)) return undefined;
  // The signature is read again from the text by check/closures.ts; lifetimes erased as lower.type does.
  return { kind: 'dyn', trait: `impl ${trait.text.replace(/'[A-Za-z_][A-Za-z0-9_]*\s*/g, '').replace(/\s+/g, ' ')}` };
}

/**
 * Type parameters that are all closures (`<F: Fn(i32) -> i32>`, `where F: FnOnce()`): each name
 * with the `impl …` text that stands for it. Undefined when some parameter is not a closure trait
 * (a generic function of another kind).
 */
export function closureGenerics(node: Node): Map<string, string> | undefined {
  const out = new Map<string, string>();
  const tp = kids(node).find((c) => c.type === 'type_parameters');
  const where = kids(node).find((c) => c.type === 'where_clause');
  const bound = (name: string, bounds: Node | null) => {
    const b = bounds ? kids(bounds) : [];
    if (b.length !== 1 || b[0]!.type !== 'function_type' || !FN_TRAIT.test(b[0]!.text)) return false;
    out.set(name, `impl ${b[0]!.text}`);
    return true;
  };
  const names: string[] = [];
  for (const p of tp ? kids(tp) : []) {
    if (p.type === 'lifetime' || p.type === 'lifetime_parameter') continue;
    const name = p.childForFieldName('name')?.text ?? (p.type === 'type_identifier' ? p.text : undefined);
    if (!name) return undefined;
    names.push(name);
    const bounds = p.childForFieldName('bounds');
    if (bounds && !bound(name, bounds)) return undefined;
  }
  for (const pred of where ? kids(where) : []) {
    const left = pred.childForFieldName('left');
    if (!left || !names.includes(left.text) || !bound(left.text, pred.childForFieldName('bounds'))) return undefined;
  }
  if (!names.length || names.some((n) => !out.has(n))) return undefined;
  return out;
}
