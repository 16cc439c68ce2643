import type { RValue } from '../../engine/memory/rvalue';
import { fieldTys } from '../check/generics';
import { type TypeVar, conName, prune } from '../check/types';
import { RustPanic } from '../errors';
import { type Act, type Codegen, type Ev, type LocEv, Signal, engineTy, fromTyCached, isCopyTy } from './context';
import { FieldLoc, type Loc, type RefValue, TempLoc, copyOf, deref, makeRef, valueCmp, valueEq } from './values';
import type { Arm, Binding, Expr, Notes, Pat, Pos } from '../syntax/ast';
import { patternHolds } from '../check/holds';
import { sliceBinder, slicePatTest } from './slice-patterns';
import { partialMoveBinder } from './partial-moves';

/** A matched value: a place (no move unless the pattern takes the whole variable) or a temporary. */
interface Scrutinee {
  loc: LocEv;
  isPlace: boolean;
  /** The variable when the scrutinee is one, whole. */
  whole?: Binding;
  pos: Pos;
  expr: Expr;
}

/** The matched value: a place when it is one (no move), else a temporary. */
export function scrutinee(k: Codegen, e: Expr): Scrutinee {
  if (k.isPlace(e)) return { loc: k.place(e, false), isPlace: true, whole: e.k === 'name' ? e.binding : undefined, pos: e.pos, expr: e };
  const v = k.value(e);
  return {
    loc: (a) => {
      const x = v(a);
      a.temps.push(x);
      return new TempLoc(x);
    },
    isPlace: false,
    pos: e.pos,
    expr: e,
  };
}

/**
 * Bindings of a pattern against a scrutinee. Destructuring a whole variable by value
 * (`let (a, b) = pair;`) moves it: allowed when the pattern takes every part that owns
 * something, so nothing is left half-owned in the variable.
 */
export function binderFor(k: Codegen, p: Pat, ty: TypeVar, src: Scrutinee): (a: Act, loc: Loc) => void {
  // A binding that keeps a borrow of the matched value holds it until its last use (check/holds.ts).
  for (const h of patternHolds(k.lendCheck, p, src.expr)) {
    for (const l of h.lends) k.checks.borrow(l.root, l.mutable, src.pos, h.binding.uses[h.binding.uses.length - 1], `\`${h.binding.name}\``, h.binding, l.path && { path: l.path, viaRef: !!l.viaRef });
  }
  const refMut = findRefMut(p);
  if (refMut && src.whole && !src.whole.mutable) {
    k.err(refMut.pos, `cannot borrow \`${src.whole.name}\` as mutable, as it is not declared as mutable (\`ref mut ${refMut.name}\`)`, 'E0596');
  }
  if (src.isPlace && patMoves(k, p, ty)) {
    if (!src.whole) return k.subset(p.pos, 'moving parts out of a field or element in a pattern is not supported yet; match on a reference (&x) instead', 'pattern');
    // A struct or tuple moves field by field (what the pattern leaves stays in the variable).
    const partial = partialMoveBinder(k, p, ty, src.whole, { patMoves, movesAll, fieldTypes, fieldNames, patBinder });
    if (partial) return partial;
    if (!movesAll(k, p, ty)) {
      return k.subset(p.pos, `moving only some parts out of \`${src.whole.name}\` is not supported yet; bind every part that owns heap data, or match on &${src.whole.name}`, 'pattern');
    }
    k.checks.useLocal(src.whole, src.pos, true);
    const inner = patBinder(k, p, ty, false);
    return (a, loc) => inner(a, new TempLoc(loc.take()));
  }
  return patBinder(k, p, ty, src.isPlace);
}

/** A `ref mut` binding in a pattern, if any. */
function findRefMut(p: Pat): (Pat & { k: 'bind' }) | undefined {
  switch (p.k) {
    case 'bind':
      return p.byRef && p.mutable ? p : p.sub && findRefMut(p.sub);
    case 'tuple':
    case 'slice':
      return p.items.map(findRefMut).find(Boolean);
    case 'variant':
      return [...p.items, ...(p.named ?? []).map((f) => f.pat)].map(findRefMut).find(Boolean);
    case 'ref':
      return findRefMut(p.pat);
    default:
      return undefined;
  }
}

/** Whether a pattern binds some non-Copy part by value (a move). */
export function patMoves(k: Codegen, p: Pat, ty: TypeVar): boolean {
  const t = prune(ty);
  switch (p.k) {
    case 'bind':
      return !p.byRef && !isCopyTy(t, k.prog);
    case 'tuple':
    case 'variant': {
      if (conName(t) === 'ref') return false;
      const tys = fieldTypes(k, p, t);
      if (p.k === 'tuple') return p.items.some((q, i) => patMoves(k, q, tys[i]!));
      if (p.named) {
        const names = fieldNames(k, p, t);
        return p.named.some((f) => patMoves(k, f.pat, tys[names.indexOf(f.name)]!));
      }
      return p.items.some((q, i) => patMoves(k, q, tys[i]!));
    }
    default:
      return false;
  }
}

/** Whether a pattern takes every part of the value that is not Copy. */
export function movesAll(k: Codegen, p: Pat, ty: TypeVar): boolean {
  const t = prune(ty);
  switch (p.k) {
    case 'bind':
      return !p.byRef || isCopyTy(t, k.prog);
    case 'tuple':
    case 'variant': {
      const tys = fieldTypes(k, p, t);
      if (p.k === 'tuple') return p.items.every((q, i) => movesAll(k, q, tys[i]!));
      if (p.named) {
        const names = fieldNames(k, p, t);
        return names.every((n, i) => {
          const f = p.named!.find((x) => x.name === n);
          return f ? movesAll(k, f.pat, tys[i]!) : isCopyTy(tys[i]!, k.prog);
        });
      }
      return p.items.every((q, i) => movesAll(k, q, tys[i]!));
    }
    default:
      return isCopyTy(t, k.prog);
  }
}

export function match(k: Codegen, e: Expr & { k: 'match' }): Ev {
  const rt = k.rt;
  const src = scrutinee(k, e.value);
  const start = k.checks.snapshot();
  const arms = e.arms.map((arm) => k.checks.branch(start, () => compileArm(k, arm, e.value.ty!, src)));
  k.checks.merge(arms);
  if (!arms.length) k.checks.ctx.dead = true;
  const compiled = arms.map((x) => x.result);
  const line = e.pos.line;
  return (a) => {
    const loc = src.loc(a);
    const v = loc.get();
    for (const arm of compiled) {
      if (!arm.test(v)) continue;
      rt.m.openScope();
      arm.bind(a, loc);
      let out: RValue;
      try {
        if (arm.guard && !(arm.guard(a) as { v: boolean }).v) {
          rt.m.closeScope();
          continue;
        }
        out = arm.body(a);
      } catch (err) {
        if (err instanceof Signal) rt.m.closeScope();
        throw err;
      }
      rt.m.closeScope();
      return out;
    }
    throw new RustPanic('no match arm matched (non-exhaustive match)', line);
  };
}

export function compileArm(k: Codegen, arm: Arm, ty: TypeVar, src: Scrutinee) {
  const test = patTest(k, arm.pat);
  const bind = binderFor(k, arm.pat, ty, src);
  const guard = arm.guard ? k.value(arm.guard) : undefined;
  const body = k.value(arm.body, (arm.body as Notes).coerce);
  return { test, bind, guard, body };
}

/** Whether a value matches a pattern (no bindings made). */
export function patTest(k: Codegen, p: Pat): (v: RValue) => boolean {
  switch (p.k) {
    case 'wild':
      return () => true;
    case 'bind':
      return p.sub ? patTest(k, p.sub) : () => true;
    case 'lit': {
      const lit = k.value(p.value);
      const dummy: Act = { slots: [], temps: [], locs: [] };
      let want: RValue | undefined;
      return (v) => valueEq(v, (want ??= lit(dummy)));
    }
    case 'range': {
      const dummy: Act = { slots: [], temps: [], locs: [] };
      const from = k.value(p.from);
      const to = k.value(p.to);
      const inclusive = p.inclusive;
      return (v) => {
        const c1 = valueCmp(v, from(dummy));
        const c2 = valueCmp(v, to(dummy));
        return c1 >= 0 && (inclusive ? c2 <= 0 : c2 < 0);
      };
    }
    case 'ref':
      return patTest(k, p.pat);
    case 'rest':
      return () => true;
    case 'slice':
      return slicePatTest(p, (q) => patTest(k, q));
    case 'or': {
      const alts = p.alts.map((q) => patTest(k, q));
      return (v) => alts.some((t) => t(v));
    }
    case 'tuple': {
      const items = p.items.map((q) => patTest(k, q));
      return (v) => {
        const t = deref(v) as Extract<RValue, { tag: 'tuple' }>;
        return items.every((f, i) => f(t.items[i]!));
      };
    }
    case 'variant': {
      const variant = p.segs[p.segs.length - 1]!;
      const isStruct = k.prog.structs.has(p.segs[0]!) && p.segs.length === 1;
      const subs = p.named
        ? p.named.map((f) => ({ name: f.name, test: patTest(k, f.pat) }))
        : p.items.map((q, i) => ({ name: String(i), test: patTest(k, q) }));
      return (v) => {
        const x = deref(v) as Extract<RValue, { tag: 'enum' | 'struct' }>;
        if (!isStruct && (x as { variant?: string }).variant !== variant) return false;
        return subs.every((s) => s.test(x.fields[x.fieldNames.indexOf(s.name)]!));
      };
    }
  }
}

/**
 * Makes a pattern's bindings from the matched place. Through a reference (or `ref`), names bind
 * references into the value; by value, Copy parts are copied and others moved out (only from
 * a temporary: moving parts out of a variable is not supported yet).
 */
export function patBinder(k: Codegen, p: Pat, ty: TypeVar, fromPlace: boolean, viaRef = false): (a: Act, loc: Loc) => void {
  const rt = k.rt;
  const prog = k.prog;
  const t = prune(ty);
  switch (p.k) {
    case 'wild':
    case 'lit':
    case 'range':
    case 'or':
    case 'rest':
      return () => {};
    case 'slice':
      return sliceBinder(k, p, ty, fromPlace, viaRef, patBinder);
    case 'bind': {
      const b = p.binding!;
      k.checks.ctx.moves.delete(b); // a fresh binding each time the pattern runs
      const bty = engineTy(b.ty);
      const slot = b.slot;
      const name = b.name;
      const at = k.frame.add(name, bty);
      const sub = p.sub ? patBinder(k, p.sub, ty, fromPlace, viaRef) : undefined;
      if (viaRef || p.byRef) {
        return (a, loc) => {
          a.slots[slot] = rt.m.bind(name, bty, makeRef(bty, loc), at);
          sub?.(a, loc);
        };
      }
      if (isCopyTy(t, prog)) {
        return (a, loc) => {
          a.slots[slot] = rt.m.bind(name, bty, copyOf(loc.get()), at);
          sub?.(a, loc);
        };
      }
      if (fromPlace) return k.subset(p.pos, `moving out of a variable in a pattern is not supported yet; match on a reference (&x) instead`, 'pattern');
      // The temporary gives this part up; its other parts are dropped with it.
      return (a, loc) => {
        a.slots[slot] = rt.m.bind(name, bty, loc.take(), at);
      };
    }
    case 'ref': {
      const inner = patBinder(k, p.pat, (t as { args: TypeVar[] }).args[0]!, true, false);
      return (a, loc) => inner(a, (loc.get() as RefValue).loc);
    }
    case 'tuple':
    case 'variant': {
      let inner = t;
      // Through every reference (`&&Shape`), as check/patterns.ts binds.
      let derefs = 0;
      while (conName(inner) === 'ref') {
        inner = prune((inner as { args: TypeVar[] }).args[0]!);
        derefs++;
      }
      const fieldTys = fieldTypes(k, p, inner);
      const by = viaRef || derefs > 0;
      const subs: { index: number; bind: (a: Act, loc: Loc) => void }[] = [];
      if (p.k === 'tuple') p.items.forEach((q, i) => subs.push({ index: i, bind: patBinder(k, q, fieldTys[i]!, fromPlace, by) }));
      else if (p.named) {
        const names = fieldNames(k, p, inner);
        p.named.forEach((f) => {
          const i = names.indexOf(f.name);
          subs.push({ index: i, bind: patBinder(k, f.pat, fieldTys[i]!, fromPlace, by) });
        });
      } else p.items.forEach((q, i) => subs.push({ index: i, bind: patBinder(k, q, fieldTys[i]!, fromPlace, by) }));
      const m = () => rt.m;
      return (a, loc) => {
        let base = loc;
        for (let i = 0; i < derefs; i++) base = (base.get() as RefValue).loc;
        for (const s of subs) s.bind(a, new FieldLoc(m(), base, s.index));
      };
    }
  }
}

export function fieldNames(k: Codegen, p: Pat & { k: 'variant' }, t: TypeVar): string[] {
  const c = conName(t);
  if (c === 'Option' || c === 'Result') return ['0'];
  if (p.segs.length === 1) return k.prog.structs.get(p.segs[0]!)!.fields.map((f) => f.name);
  return k.prog.enums.get(c.slice(4))!.variants.find((v) => v.name === p.segs[1])!.fields.map((f) => f.name);
}

/** Types of a pattern's parts (the fields' own types). */
export function fieldTypes(k: Codegen, p: Pat, t: TypeVar): TypeVar[] {
  const c = conName(t);
  let tys: TypeVar[];
  if (c === 'tuple') tys = (t as { args: TypeVar[] }).args;
  else if (c === 'Option') tys = [(t as { args: TypeVar[] }).args[0]!];
  else if (c === 'Result') tys = [(t as { args: TypeVar[] }).args[p.k === 'variant' && p.segs[p.segs.length - 1] === 'Err' ? 1 : 0]!];
  else if (p.k === 'variant' && p.segs.length === 1 && k.prog.structs.has(p.segs[0]!)) tys = fieldTys(k.prog, t);
  else if (p.k === 'variant') tys = fieldTys(k.prog, t, p.segs[p.segs.length - 1]);
  else tys = [];
  return tys;
}

// ---------------------------------------------------------------- calls
