/**
 * How a closure captures each variable, by rustc's rule: by shared reference unless the body
 * changes it (then by mutable reference) or moves it (then by value); a `move` closure takes every
 * capture by value. Read from the typed body once its function is inferred: a use by value of a
 * Copy type is a copy (a read), not a move. Also whether the body moves or changes a capture,
 * which makes the closure FnOnce or FnMut.
 *
 * Simplified where courses do not go: a capture is the whole variable (rustc 2021 captures the
 * exact field path `p.name`, which only matters to layouts of closures moving one field out).
 */
import type { Binding, Capture, Expr, Notes, Pat, Program } from '../syntax/ast';
import { recvOf, stdMethod } from '../std/index';
import { isCopyTy } from '../run/context';
import { autoDeref, conName, isFnTrait, prune } from './types';
import type { ClosureExpr } from './fn-types';

/** How an expression's value is used: read in place, changed in place, or taken by value. */
type Use = 'read' | 'mut' | 'value' | 'uniq';

/** Methods of Option / Result / iterators that take `self` by value (the rest borrow it). */
const BY_VALUE = new Set(
  'unwrap expect unwrap_or unwrap_or_else unwrap_or_default map and_then ok_or ok_or_else ok err filter is_some_and is_none_or map_err or or_else and xor zip flatten into_iter into_bytes into_boxed_slice sum product count collect fold for_each min max min_by_key max_by_key last rev skip take chain enumerate cloned copied step_by take_while skip_while flat_map filter_map map_while'.split(' '),
);
/** Methods taking `&mut self` that the std table does not mark (iterators advancing). */
const BY_MUT = new Set('next nth find position any all'.split(' '));

export function analyseCaptures(prog: Program, closure: ClosureExpr): void {
  const caps = closure.captures!;
  const byInner = new Map<Binding, Capture>(caps.map((c) => [c.inner, c]));
  const copy = (e: Expr) => isCopyTy(e.ty!, prog);

  const note = (b: Binding | undefined, use: Use) => {
    const c = b && byInner.get(b);
    if (!c) return;
    if (use === 'mut' || use === 'uniq') c.mutatedInBody = true;
    if (use === 'mut') c.wantsMut = true;
    if (use === 'value') c.movedInBody = true;
  };

  const walk = (e: Expr | undefined, use: Use): void => {
    if (!e) return;
    switch (e.k) {
      case 'name':
        note(e.binding, use === 'value' && copy(e) ? 'read' : use);
        return;
      case 'field':
      case 'index': {
        if (e.k === 'index') walk(e.index, 'value');
        const through = conName(e.e.ty) === 'ref' || conName(e.e.ty) === 'Rc';
        if (through) return place(e.e, use === 'mut' || use === 'uniq' ? 'uniq' : 'read');
        walk(e.e, use === 'value' ? (copy(e) ? 'read' : 'value') : use);
        return;
      }
      case 'unary':
        if (e.op === '*') {
          const c = conName(e.e.ty);
          if (c === 'ref' || c === 'Rc') return place(e.e, use === 'mut' || use === 'uniq' ? 'uniq' : 'read');
          return walk(e.e, use === 'value' ? (copy(e) ? 'read' : 'value') : use);
        }
        return walk(e.e, 'value');
      case 'ref':
        return walk(e.e, e.mutable ? 'mut' : 'read');
      case 'assign':
        walk(e.r, 'value');
        return walk(e.l, 'mut');
      case 'method': {
        e.args.forEach((a) => walk(a, 'value'));
        return walk(e.recv, recvUse(e));
      }
      case 'call': {
        e.args.forEach((a) => walk(a, 'value'));
        if (e.callee.k === 'name' && e.callee.binding) {
          const kind = calleeKind(prog, e.callee.ty!);
          if (kind) return walk(e.callee, kind === 'Fn' ? 'read' : kind === 'FnMut' ? 'mut' : 'value');
        }
        return;
      }
      case 'closure':
        // An inner closure uses ours as it captures them (analysed before us).
        for (const c of e.captures ?? []) {
          const u: Use = c.mode === 'ref' ? 'read' : c.mode === 'mut' ? 'mut' : isCopyTy(c.outer.ty, prog) ? 'read' : 'value';
          note(c.outer, u);
        }
        return;
      case 'binary': {
        const cmp = ['==', '!=', '<', '<=', '>', '>='].includes(e.op);
        walk(e.l, cmp ? 'read' : 'value');
        return walk(e.r, cmp ? 'read' : 'value');
      }
      case 'format':
        return e.args.forEach((a) => walk(a, 'read'));
      case 'asserteq':
        walk(e.l, 'read');
        return walk(e.r, 'read');
      case 'assert':
        return walk(e.cond, 'value');
      case 'tuple':
      case 'vec':
        return e.items.forEach((i) => walk(i, 'value'));
      case 'vecrep':
        walk(e.item, 'value');
        return walk(e.count, 'value');
      case 'struct':
        return e.fields.forEach((f) => walk(f.value, 'value'));
      case 'block':
        for (const s of e.stmts) {
          if (s.k === 'let') walk(s.value, 'value');
          else walk(s.e, 'value');
        }
        return walk(e.tail, 'value');
      case 'if':
        walk(e.cond, 'value');
        walk(e.then, 'value');
        return walk(e.else, 'value');
      case 'iflet':
      case 'whilelet':
        walk(e.value, scrutineeUse(e.pat, e.value));
        if (e.k === 'iflet') {
          walk(e.then, 'value');
          return walk(e.else, 'value');
        }
        return walk(e.body, 'value');
      case 'match':
        walk(e.value, e.arms.some((a) => movesOut(a.pat, e.value)) ? 'value' : 'read');
        for (const a of e.arms) {
          walk(a.guard, 'value');
          walk(a.body, 'value');
        }
        return;
      case 'while':
        walk(e.cond, 'value');
        return walk(e.body, 'value');
      case 'loop':
        return walk(e.body, 'value');
      case 'for':
        walk(e.iter, 'value');
        return walk(e.body, 'value');
      case 'break':
      case 'return':
        return walk(e.value, 'value');
      case 'cast':
      case 'try':
        return walk(e.e, 'value');
      case 'range':
        walk(e.from, 'value');
        return walk(e.to, 'value');
      default:
        return;
    }
  };

  /** A place used through a reference it holds: the reference itself is only read. */
  const place = (e: Expr, use: 'read' | 'uniq') => {
    let base = e;
    while (base.k === 'field' || base.k === 'index' || (base.k === 'unary' && base.op === '*')) base = base.e;
    if (base.k === 'name') note(base.binding, use);
    else walk(base, 'value');
  };

  const recvUse = (e: Expr & { k: 'method' }): Use => {
    const user = (e as Notes).userMethod;
    let t = prune(e.recv.ty!);
    const viaRef = conName(t) === 'ref';
    let use: Use;
    if (user) {
      const self = prog.fns.get(user)!.params[0]!.ty;
      use = self.kind === 'ref' ? (self.mutable ? 'mut' : 'read') : 'value';
    } else {
      t = autoDeref(t);
      const entry = stdMethod(recvOf(conName(t)), e.name);
      use = entry?.mutates || BY_MUT.has(e.name) ? 'mut' : BY_VALUE.has(e.name) ? 'value' : 'read';
    }
    if (viaRef) return use === 'mut' ? 'uniq' : 'read';
    if (use === 'value' && isCopyTy(e.recv.ty!, prog)) return 'read';
    return use;
  };

  const scrutineeUse = (p: Pat, value: Expr): Use => (movesOut(p, value) ? 'value' : 'read');
  const movesOut = (p: Pat, value: Expr): boolean => conName(value.ty) !== 'ref' && !isCopyTy(value.ty!, prog) && bindsByValue(p);

  walk(closure.body, 'value');
  for (const c of caps) {
    // A by-value use of a reference-typed, a `place` of `uniq`, …: decided above; the mode follows.
    c.mode = closure.move || c.movedInBody ? 'value' : c.wantsMut ? 'mut' : 'ref';
  }
}

function bindsByValue(p: Pat): boolean {
  switch (p.k) {
    case 'bind':
      return !p.byRef;
    case 'variant':
      return p.items.some(bindsByValue) || (p.named ?? []).some((f) => bindsByValue(f.pat));
    case 'tuple':
    case 'slice':
      return p.items.some(bindsByValue);
    case 'or':
      return p.alts.some(bindsByValue);
    default:
      return false;
  }
}

/** What calling a value of this type asks of it: Fn reads it, FnMut changes it, FnOnce consumes it. */
function calleeKind(prog: Program, t: import('./types').TypeVar): 'Fn' | 'FnMut' | 'FnOnce' | undefined {
  const p = prune(t);
  if (p.k !== 'con') return undefined;
  if (p.c === 'ref' || p.c === 'Box') return 'Fn';
  if (p.c.startsWith('adt:{closure@')) return prog.closures?.get(p.c.slice(4))?.kind;
  if (isFnTrait(p.c)) return p.c.replace(/^(impl|dyn) /, '') as 'Fn';
  return undefined;
}
