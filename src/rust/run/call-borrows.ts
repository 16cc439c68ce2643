/**
 * The borrow side of calls: a `&mut` local passed for a `&mut` parameter (or bound by an
 * annotated `let a: &mut T = v;`) is reborrowed, not moved; a `&mut self` call whose argument
 * borrows its own receiver is rustc's E0502 / E0499 (check/two-phase.ts).
 */
import type { Ty } from '../../engine/layout/types';
import { exprText } from '../check/moves';
import { argHoldingRecv } from '../check/two-phase';
import { prune } from '../check/types';
import type { Binding, Expr, Notes } from '../syntax/ast';
import type { Codegen, Ev } from './context';

/** A `&mut` local given where a `&mut` type is declared (a parameter, an annotated let): a reborrow `&mut *v`, not a move. */
export function reborrows(x: Expr, declared: Ty | undefined): x is Expr & { k: 'name'; binding: Binding } {
  const t = prune(x.ty!);
  return declared?.kind === 'ref' && declared.mutable && x.k === 'name' && !!x.binding && x.binding.capture === undefined && t.k === 'con' && t.c === 'ref' && !!t.mutable;
}

/**
 * An argument for a parameter declared `param`. A `&mut` local passed for a `&mut` parameter is
 * reborrowed (`&mut *v`), not moved, so it can be used again after the call, as rustc does.
 */
export function argValue(k: Codegen, x: Expr, param: Ty | undefined): Ev {
  if (!reborrows(x, param)) return k.value(x, (x as Notes).coerce);
  const b = x.binding;
  k.checks.access(b, x.pos, 'mutborrow', { path: [], viaRef: true });
  k.checks.useLocal(b, x.pos, false);
  const slot = b.slot;
  const rt = k.rt;
  return (a) => rt.m.read(a.slots[slot]!);
}

/** A `&mut self` call whose argument borrows the receiver (`v.extend_from_slice(&v[..1])`): E0502, or E0499 for a `&mut` one. */
export function argsFree(k: Codegen, e: Expr & { k: 'method' }): void {
  const held = argHoldingRecv(k.lendCheck, e.recv, e.args);
  if (!held) return;
  const why = `the argument at line ${held.arg.pos.line}, column ${held.arg.pos.col} borrows it for the call`;
  if (held.mutable) k.err(e.recv.pos, `cannot borrow \`${exprText(e.recv)}\` as mutable more than once at a time (${why})`, 'E0499');
  k.err(e.recv.pos, `cannot borrow \`${exprText(e.recv)}\` as mutable because it is also borrowed as immutable (${why})`, 'E0502');
}
