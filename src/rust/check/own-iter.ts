/**
 * A program's own Iterator (`impl Iterator for Fibonacci`) where std's provided methods want an
 * iterator by value (`fib.take(5)`, `Counter::new().sum()`, `for x in fib`): the receiver is
 * wrapped in a node of its own (`Notes.ownIter`), of type `iter:Own<Item, T>`, whose item is what
 * the impl's `next` gives in `Some`. At run time (run/own-iter.ts) it is an iterator like std's,
 * each `next` a call of the program's. The default `size_hint` (0, None) is std's; an impl that
 * writes its own is not supported yet.
 */
import { RustSubsetError } from '../errors';
import type { Expr, Notes, Program } from '../syntax/ast';
import { con, prune, type TypeVar } from './types';

export interface OwnIterInference {
  readonly prog: Program;
  /**
   * `T::next`'s return type for a receiver of type `self` (an instance of a generic impl: its
   * name noted on `note.instance`, as for a generic call).
   */
  nextRet(note: Expr & Notes, fnName: string, self: TypeVar): TypeVar;
}

/** The wrapped receiver when `t` (the receiver's type, not a reference) is a program's own iterator; else undefined. */
export function ownIterator(inf: OwnIterInference, recv: Expr, t: TypeVar): (Expr & Notes) | undefined {
  const p = prune(t);
  if (p.k !== 'con' || !p.c.startsWith('adt:')) return undefined;
  const name = p.c.slice(4);
  if (!inf.prog.impls.get(name)?.has('Iterator')) return undefined;
  const fnName = `${name}::next`;
  if (!inf.prog.fns.has(fnName)) return undefined;
  if (inf.prog.fns.has(`${name}::size_hint`)) throw new RustSubsetError(`an Iterator impl with its own size_hint is not supported yet`, recv.pos.line, recv.pos.col, 'impl_item');
  const node: Expr & Notes = { k: 'method', pos: recv.pos, recv, name: 'into_iter', args: [], namePos: recv.pos };
  const ret = prune(inf.nextRet(node, fnName, p));
  if (ret.k !== 'con' || ret.c !== 'Option') return undefined;
  node.ownIter = true;
  node.ty = con('iter:Own', ret.args[0]!, p);
  return node;
}
