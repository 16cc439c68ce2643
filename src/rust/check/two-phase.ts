/**
 * Two-phase borrows: `v.push(x)` takes `&mut v` only once its arguments are evaluated, so a
 * borrow of v whose holder is last used inside them, in a value that carries no reference
 * (`v.push(*first)`, `v.push(r.len())`), has ended by then: rustc accepts it. An argument that
 * is itself a reference (`v.extend_from_slice(part)`) keeps the borrow alive into the call.
 */
import type { Expr, Pos } from '../syntax/ast';
import { holds } from './holds';
import { carries, type LendCheck } from './lends';
import type { Borrow } from './moves';
import { overlaps, placeOf } from './places';

/** For the receiver's `&mut` access: whether a live borrow ends inside these arguments. */
export function endsInArgs(args: Expr[]): ((br: Borrow) => boolean) | undefined {
  const plain = args.filter((a) => !carries(a.ty!));
  if (!plain.length) return undefined;
  return (br) => !!br.holderBinding && plain.some((a) => usesAt(a, br.holderBinding!, br.until, new Set()));
}

/** Whether the expression tree names binding `b` at `pos`. */
function usesAt(e: unknown, b: object, pos: Pos, seen: Set<object>): boolean {
  if (!e || typeof e !== 'object' || seen.has(e)) return false;
  seen.add(e);
  if (Array.isArray(e)) return e.some((x) => usesAt(x, b, pos, seen));
  const n = e as { k?: string; binding?: object; pos?: Pos };
  if (n.k === 'name' && n.binding === b && n.pos?.line === pos.line && n.pos.col === pos.col) return true;
  for (const [key, v] of Object.entries(n)) {
    if (key === 'ty' || key === 'binding' || key === 'pos' || key === 'captures' || key === 'sig') continue;
    if (v && typeof v === 'object' && usesAt(v, b, pos, seen)) return true;
  }
  return false;
}

/**
 * An argument that itself borrows the receiver (`v.extend_from_slice(&v[..1])`) is still alive
 * when the call takes `&mut v`: rustc's E0502 (E0499 for `v.append(&mut v)`). Returns that
 * argument and whether its borrow is mutable.
 */
export function argHoldingRecv(k: LendCheck, recv: Expr, args: Expr[]): { arg: Expr; mutable: boolean } | undefined {
  const p = placeOf(recv);
  if (!p) return undefined;
  for (const arg of args) {
    if (!carries(arg.ty!)) continue;
    const l = holds(k, arg).find((l) => l.root === p.root && overlaps(l.path ?? [], p.path));
    if (l) return { arg, mutable: l.mutable };
  }
  return undefined;
}
