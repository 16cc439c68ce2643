import { holds } from '../check/holds';
import { carriedValues } from '../check/reassign';
import type { Ty } from '../../engine/layout/types';
import type { RValue, VecValue } from '../../engine/memory/rvalue';
import { vecItemChanged } from '../../engine/std/vec';
import { type TypeVar, autoDeref, conName, isNever, prune } from '../check/types';
import { type Act, type Codegen, type Ev, type LocEv, Signal, dropTemps, engineTy, loopPass } from './context';
import { binderFor, patBinder, patTest, scrutinee } from './patterns';
import { type RefValue, TempLoc, UNIT_V, USIZE_TY, deref, intInfo, makeRef, norm, scalar, textOf } from './values';
import { elemLoc, seqLen } from './slices';
import { RustPanic } from '../errors';
import { mapItems, mapIterElem } from './map-places';
import type { MapValue } from '../../engine/memory/rvalue';
import { directFor, iterOf } from './iterators';
import type { Expr } from '../syntax/ast';

/** The label a `while let` uses to end its loop when the pattern stops matching. */
const LET_END = '\u0000while-let';

const COMPARISONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** Names and literals: reading one makes no temporary. */
const leaf = (x: Expr): boolean => x.k === 'int' || x.k === 'bool' || x.k === 'char' || x.k === 'float' || (x.k === 'name' && !!x.binding);

export function condition(k: Codegen, e: Expr): (a: Act) => boolean {
  const c = k.value(e);
  const rt = k.rt;
  // `n < 2`, `x == y`: nothing to drop after the test, so no watch on the temporaries.
  if (e.k === 'binary' && COMPARISONS.has(e.op) && leaf(e.l) && leaf(e.r)) return (a) => (c(a) as { v: boolean }).v;
  return (a) => {
    const mark = a.temps.length;
    const r = (c(a) as { v: boolean }).v;
    if (a.temps.length > mark) dropTemps(rt.m, a, mark);
    return r;
  };
}

export function ifExpr(k: Codegen, e: Expr & { k: 'if' }): Ev {
  const cond = condition(k, e.cond);
  const start = k.checks.snapshot();
  const startDead = k.checks.ctx.dead;
  const t = k.checks.branch(start, () => k.value(e.then));
  const f = e.else ? k.checks.branch(start, () => k.value(e.else!)) : { result: () => UNIT_V, moves: start, dead: false };
  k.checks.merge([t, f]);
  k.checks.ctx.dead ||= startDead;
  const then = t.result;
  const other = f.result;
  return (a) => (cond(a) ? then(a) : other(a));
}

export function ifLet(k: Codegen, e: Expr & { k: 'iflet' }): Ev {
  const rt = k.rt;
  const src = scrutinee(k, e.value);
  const test = patTest(k, e.pat);
  const start = k.checks.snapshot();
  const t = k.checks.branch(start, () => {
    const bind = binderFor(k, e.pat, e.value.ty!, src);
    const body = k.value(e.then);
    return { bind, body };
  });
  const f = e.else ? k.checks.branch(start, () => k.value(e.else!)) : { result: () => UNIT_V, moves: start, dead: false };
  k.checks.merge([t, f]);
  const { bind, body } = t.result;
  const other = f.result;
  return (a) => {
    const loc = src.loc(a);
    if (!test(loc.get())) return other(a);
    rt.m.openScope();
    bind(a, loc);
    let v: RValue;
    try {
      v = body(a);
    } catch (err) {
      if (err instanceof Signal) rt.m.closeScope();
      throw err;
    }
    rt.m.closeScope();
    return v;
  };
}

/** Borrows a reference variable carries from one pass of a loop into the next (check/reassign.ts). */
function carriedBorrows(k: Codegen, e: Expr & { k: 'for' | 'while' | 'whilelet' | 'loop' }): void {
  for (const c of carriedValues(e)) {
    for (const h of holds(k.lendCheck, c.value)) k.checks.borrow(h.root, h.mutable, c.from, c.until, `\`${c.binding.name}\` (from the loop's previous pass)`, undefined, h.path && { path: h.path, viaRef: !!h.viaRef });
  }
}

export function loop(k: Codegen, e: Expr & { k: 'while' | 'whilelet' | 'loop' }): Ev {
  carriedBorrows(k, e);
  const rt = k.rt;
  const label = e.label;
  const isLoop = e.k === 'loop';
  const startDead = k.checks.ctx.dead;
  const parts = k.checks.loopBody(() => {
    if (e.k === 'while') return { cond: condition(k, e.cond), body: k.value(e.body) };
    if (e.k === 'whilelet') {
      const src = scrutinee(k, e.value);
      const test = patTest(k, e.pat);
      const bind = binderFor(k, e.pat, e.value.ty!, src);
      const body = k.value(e.body);
      return {
        cond: undefined,
        body: ((a: Act) => {
          const loc = src.loc(a);
          if (!test(loc.get())) throw new Signal('break', LET_END, UNIT_V);
          rt.m.openScope();
          bind(a, loc);
          try {
            body(a);
          } finally {
            rt.m.closeScope();
          }
          return UNIT_V;
        }) as Ev,
      };
    }
    return { cond: undefined, body: k.value(e.body) };
  });
  // `loop` without break never ends normally.
  k.checks.ctx.dead = startDead || (isLoop && isNever(e.ty!));
  const { cond, body } = parts;
  const line = e.pos.line;
  return (a) => {
    for (;;) {
      // Each pass counts against the budget, so even an empty endless loop meets it.
      loopPass(rt, line);
      if (cond && !cond(a)) return UNIT_V;
      try {
        body(a);
      } catch (err) {
        if (!(err instanceof Signal) || err.kind === 'return' || (err.label !== undefined && err.label !== label && err.label !== LET_END)) throw err;
        if (err.kind === 'break') return err.value;
      }
    }
  };
}

export function forLoop(k: Codegen, e: Expr & { k: 'for' }): Ev {
  carriedBorrows(k, e);
  const rt = k.rt;
  const label = e.label;
  let iter = e.iter;
  let it = prune(iter.ty!);
  const pat = e.pat;
  const elemTy = forElemTy(it);
  const bindTy = engineTy(elemTy);
  // `.enumerate()` pairs each item with its index: iterate the inner iterator, count alongside.
  let enumerate = false;
  if (conName(it) === 'Enumerate') {
    enumerate = true;
    iter = (iter as Expr & { k: 'method' }).recv;
    it = prune(iter.ty!);
  }
  const startDead = k.checks.ctx.dead;
  const bindName = pat.k === 'bind' && !pat.sub ? pat : undefined;
  if (bindName?.binding) k.checks.ctx.moves.delete(bindName.binding);
  if (pat.k !== 'bind' && pat.k !== 'wild' && pat.k !== 'tuple' && pat.k !== 'ref') k.subset(pat.pos, 'this pattern in a for loop is not supported yet (bind a name, a tuple or &pattern)', 'pattern');
  if (pat.k === 'bind' && pat.sub) k.subset(pat.pos, '@ patterns in for loops are not supported yet', 'pattern');
  const destructure = pat.k === 'tuple' || pat.k === 'ref' ? patBinder(k, pat, elemTy, false) : undefined;

  // The loop variable's slot in the frame, before the body's locals (declaration order).
  const at = bindName?.binding ? k.frame.add(bindName.name, bindTy) : -1;
  // Runs one iteration with `value` bound; returns the break value to stop.
  const makeIteration = (body: Ev, _ty: Ty) => {
    const slot = bindName?.binding?.slot ?? -1;
    const name = bindName?.name ?? '_';
    const line = e.pos.line;
    const scoped = slot >= 0 || !!destructure;
    return (a: Act, item: RValue, index: number): RValue | undefined => {
      const m = rt.m;
      m.line = line;
      const value: RValue = enumerate ? { tag: 'tuple', ty: bindTy, items: [scalar(USIZE_TY, index), item] } : item;
      if (slot >= 0) {
        m.openScope();
        a.slots[slot] = m.bind(name, bindTy, value, at);
      } else if (destructure) {
        m.openScope();
        destructure(a, new TempLoc(value));
      } else m.dropValue(value);
      try {
        body(a);
      } catch (err) {
        if (scoped) m.closeScope();
        if (!(err instanceof Signal) || err.kind === 'return' || (err.label !== undefined && err.label !== label)) throw err;
        if (err.kind === 'break') return err.value;
        return undefined;
      }
      if (scoped) {
        m.line = e.body.k === 'block' ? e.body.endLine : line;
        m.closeScope();
      }
      return undefined;
    };
  };

  if (!directFor(e.iter)) {
    // Any other iterator: advanced item by item, then dropped with what it still holds.
    const src = k.value(e.iter);
    const body = k.checks.loopBody(() => k.value(e.body), e.pat);
    k.checks.ctx.dead = startDead;
    enumerate = false;
    const iterate = makeIteration(body, bindTy);
    const line = e.pos.line;
    return (a) => {
      const v = src(a);
      const items = iterOf(v);
      let i = 0;
      for (let x = items.next(); x !== undefined; x = items.next()) {
        loopPass(rt, line);
        if (iterate(a, x, i++) !== undefined) break;
      }
      rt.m.line = line;
      rt.m.dropValue(v);
      return UNIT_V;
    };
  }

  if (conName(it) === 'Range') {
    if (iter.k !== 'range') k.subset(iter.pos, 'only literal ranges a..b can be iterated', 'range_expression');
    const from = k.value(iter.from!);
    const ty = engineTy((it as { args: TypeVar[] }).args[0]!);
    // `a..` runs to the type's largest value, which RangeFrom cannot step past (overflow panics).
    const max = intInfo((ty as { name: 'i32' }).name).max;
    const to = iter.to ? k.value(iter.to) : () => scalar(ty, norm(max));
    const inclusive = iter.inclusive || !iter.to;
    const overflows = !iter.to;
    const body = k.checks.loopBody(() => k.value(e.body), e.pat);
    k.checks.ctx.dead = startDead;
    const iterate = makeIteration(body, ty);
    return (a) => {
      const lo = (from(a) as { v: number | bigint }).v;
      const hi = (to(a) as { v: number | bigint }).v;
      if (typeof lo === 'number' && typeof hi === 'number') {
        const end = inclusive ? hi : hi - 1;
        for (let i = lo; i <= end; i++) {
          rt.m.line = e.pos.line;
          loopPass(rt, e.pos.line);
          if (overflows && i === end) throw new RustPanic('attempt to add with overflow', e.pos.line);
          if (iterate(a, scalar(ty, i), i - lo) !== undefined) return UNIT_V;
        }
        return UNIT_V;
      }
      const end = BigInt(hi) - (inclusive ? 0n : 1n);
      for (let i = BigInt(lo); i <= end; i++) {
        loopPass(rt, e.pos.line);
        if (iterate(a, scalar(ty, norm(i)), Number(i - BigInt(lo))) !== undefined) return UNIT_V;
      }
      return UNIT_V;
    };
  }

  if (conName(it) === 'Chars' || conName(it) === 'Bytes') {
    // `for c in s.chars()` / `s.bytes()`: the String is borrowed for the loop, items are copies.
    const m = iter as Expr & { k: 'method' };
    const text = k.operand(m.recv);
    k.checks.borrowPlace(m.recv, false, iter.pos, { line: e.body.k === 'block' ? e.body.endLine : e.pos.line, col: Number.MAX_SAFE_INTEGER }, 'the for loop');
    const ty = engineTy(forElemTy(it));
    const body = k.checks.loopBody(() => k.value(e.body), e.pat);
    k.checks.ctx.dead = startDead;
    const iterate = makeIteration(body, ty);
    const bytes = conName(it) === 'Bytes';
    const line = e.pos.line;
    return (a) => {
      const t = textOf(text(a));
      const items = bytes ? [...new TextEncoder().encode(t)] : [...t];
      for (let k = 0; k < items.length; k++) {
        loopPass(rt, line);
        if (iterate(a, scalar(ty, items[k]!), k) !== undefined) break;
      }
      return UNIT_V;
    };
  }

  const mapWalk = mapIterElem(it);
  if (mapWalk) {
    // Over a HashMap / HashSet (in the table's order; a real run's follows RandomState).
    const owned = mapWalk.walk === 'owned';
    if (owned && conName(it).startsWith('BTree')) k.subset(iter.pos, 'a for loop consuming a BTreeMap or BTreeSet (IntoIter) is not supported yet; loop over &map', 'for_expression');
    const srcExpr = iter.k === 'method' ? iter.recv : iter.k === 'ref' ? iter.e : iter;
    const mutable = (iter.k === 'ref' && iter.mutable) || (iter.k === 'method' && iter.name === 'values_mut');
    if (mutable) k.checks.checkMutablePlace(srcExpr);
    const v = owned ? k.value(iter) : undefined;
    const src: LocEv = v ? (a) => new TempLoc(v(a)) : k.derefPlace(srcExpr, mutable);
    if (!owned) k.checks.borrowPlace(srcExpr, mutable, iter.pos, { line: e.body.k === 'block' ? e.body.endLine : e.pos.line, col: Number.MAX_SAFE_INTEGER }, 'the for loop');
    const body = k.checks.loopBody(() => k.value(e.body), e.pat);
    k.checks.ctx.dead = startDead;
    const iterate = makeIteration(body, bindTy);
    const line = e.pos.line;
    return (a) => {
      const map = deref(src(a).get()) as MapValue;
      const items = mapItems(rt.m, map, mapWalk.walk, bindTy);
      let i = 0;
      for (; i < items.length; i++) {
        loopPass(rt, line);
        if (iterate(a, items[i]!, i) !== undefined) {
          i++;
          break;
        }
      }
      if (owned) {
        rt.m.line = line;
        for (let j = i; j < items.length; j++) rt.m.dropValue(items[j]!);
        rt.m.dropValue(map);
      }
      return UNIT_V;
    };
  }

  // Over a Vec: by reference (`&v`, `v.iter()`, `&mut v`) or by value (`v`, consuming it).
  const byValue = ['Vec', 'Array', 'VecDeque'].includes(conName(it));
  let vecLoc: LocEv;
  if (conName(it) === 'Iter') {
    if (iter.k !== 'method') k.subset(iter.pos, 'iterators other than v.iter() are not supported yet', 'for_expression');
    vecLoc = k.derefPlace(iter.recv, false);
  } else if (byValue) {
    const v = k.value(iter);
    vecLoc = (a) => new TempLoc(v(a));
  } else {
    if (iter.k !== 'ref') {
      const r = k.value(iter);
      vecLoc = (a) => (r(a) as RefValue).loc;
    } else {
      if (iter.mutable) k.checks.checkMutablePlace(iter.e);
      vecLoc = k.derefPlace(iter.e, iter.mutable);
    }
  }
  const refTy = engineTy(forElemTy(it));
  const iterPlace = iter.k === 'ref' ? iter.e : iter.k === 'method' ? iter.recv : undefined;
  const bodyEnd = { line: e.body.k === 'block' ? e.body.endLine : e.pos.line, col: Number.MAX_SAFE_INTEGER };
  if (iterPlace) k.checks.borrowPlace(iterPlace, iter.k === 'ref' && iter.mutable, iter.pos, bodyEnd, 'the for loop');
  const body = k.checks.loopBody(() => k.value(e.body), e.pat);
  k.checks.ctx.dead = startDead;
  const iterate = makeIteration(body, refTy);
  const line = e.pos.line;
  return (a) => {
    const seqLoc = vecLoc(a);
    const seq = deref(seqLoc.get());
    if (byValue && seq.tag === 'array') {
      // An array by value: its elements move (or are copied) out in order; the rest drop at the end.
      const items = seq.items;
      let i = 0;
      for (; i < items.length; i++) {
        loopPass(rt, line);
        const item = items[i]!;
        items[i] = UNIT_V;
        if (iterate(a, item, i) !== undefined) {
          i++;
          break;
        }
      }
      rt.m.line = line;
      for (let j = i; j < items.length; j++) rt.m.dropValue(items[j]!);
      return UNIT_V;
    }
    const vec = seq as VecValue;
    if (byValue) {
      // IntoIter: elements move out one by one; the rest and the buffer are freed at the end.
      let i = 0;
      let stopped = false;
      for (; i < vec.items.length; i++) {
        loopPass(rt, line);
        const item = vec.items[i]!;
        vec.items[i] = UNIT_V;
        vecItemChanged(rt.m, vec, i); // the slot in the buffer no longer owns it
        if (iterate(a, item, i) !== undefined) {
          stopped = true;
          i++;
          break;
        }
      }
      void stopped;
      rt.m.line = line;
      for (let j = i; j < vec.items.length; j++) rt.m.dropValue(vec.items[j]!);
      vec.items = [];
      if (vec.buf) rt.m.free(vec.buf);
      vec.buf = null;
      return UNIT_V;
    }
    const n = seqLen(vec);
    for (let i = 0; i < n; i++) {
      loopPass(rt, line);
      if (iterate(a, makeRef(refTy, elemLoc(rt.m, seqLoc, i, line)), i) !== undefined) break;
    }
    return UNIT_V;
  };
}

// ---------------------------------------------------------------- match and patterns

function forElemTy(it: TypeVar): TypeVar {
  const map = mapIterElem(it);
  if (map) return map.elem;
  const p = prune(it) as Extract<TypeVar, { k: 'con' }>;
  if (p.c === 'Range' || p.c === 'Vec' || p.c === 'Array' || p.c === 'VecDeque' || p.c.startsWith('iter:')) return p.args[0]!;
  if (p.c === 'Enumerate') return { k: 'con', c: 'tuple', args: [{ k: 'con', c: 'usize', args: [] }, forElemTy(p.args[0]!)] };
  if (p.c === 'Chars') return { k: 'con', c: 'char', args: [] };
  if (p.c === 'Bytes') return { k: 'con', c: 'u8', args: [] };
  if (p.c === 'Iter') return { k: 'con', c: 'ref', args: [p.args[0]!], mutable: false };
  const inner = autoDeref(p) as Extract<TypeVar, { k: 'con' }>;
  return { k: 'con', c: 'ref', args: [inner.args[0]!], mutable: !!p.mutable };
}
