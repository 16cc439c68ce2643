/**
 * `impl Iterator for T` as rustc checks it before anything runs: the impl names its `type Item`
 * and writes `fn next(&mut self)`; missing either is E0046, another receiver E0053.
 */
import type { Node } from 'web-tree-sitter';

/** The first error rustc gives for the members of an Iterator impl, or undefined. */
export function iteratorImplError(members: Node[]): { node?: Node; message: string; code: string } | undefined {
  const named = (m: Node) => m.childForFieldName('name')?.text;
  const missing = ['Item', 'next'].filter((n) => !members.some((m) => named(m) === n && (n === 'Item' ? m.type === 'type_item' : m.type === 'function_item')));
  if (missing.length) return { message: `not all trait items implemented, missing: ${missing.map((n) => `\`${n}\``).join(', ')}`, code: 'E0046' };
  const next = members.find((m) => m.type === 'function_item' && named(m) === 'next')!;
  const self = next.childForFieldName('parameters')?.namedChildren.find((p) => p?.type === 'self_parameter');
  if (!self || self.text.replace(/\s+/g, '') !== '&mutself') return { node: next, message: 'method `next` has an incompatible type for trait (it takes `&mut self`)', code: 'E0053' };
  return undefined;
}
