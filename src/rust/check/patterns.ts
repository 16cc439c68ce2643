/**
 * Patterns in inference: binding a pattern's names against the type of the value it matches
 * (with match ergonomics' default binding modes through references), and what a path names as a
 * constructor (`Some`, `Ok`, a struct, `Enum::Variant`) with its fields' types.
 */
import type { Inference } from './inference';
import type { Pat, Pos } from '../syntax/ast';
import { RustSubsetError } from '../errors';
import { orderingUnimported } from '../std/compare';
import { fieldTy, freshAdt } from './generics';
import { expandRest, inferSlicePat, isRest } from './rest-patterns';
import { con, derefTy, isRefTy, prune, refTo, type TypeVar } from './types';

/**
 * Binds a pattern's names against a value of type `ty`. `viaRef` is the default binding mode
 * after matching through references: `true` (ref) through a `&`, `'mut'` (ref mut) through
 * `&mut` only, as rustc's match ergonomics set it.
 */
export function bindPat(inf: Inference, p: Pat, ty: TypeVar, viaRef: boolean | 'mut'): void {
  const t = prune(ty);
  switch (p.k) {
    case 'wild':
    case 'rest':
      return;
    case 'slice':
      return inferSlicePat(inf, p, ty, viaRef, throughRef);
    case 'bind': {
      // `ref mut x` binds `&mut T` (the binding itself is not mutable); through `&mut`, `x` binds `&mut T`.
      const mutRef = p.byRef ? p.mutable : viaRef === 'mut';
      // Through a reference a name binds a reference to its part, even a part that is one (`&&i64`).
      const bt = viaRef || p.byRef ? refTo(t, mutRef) : t;
      p.binding = inf.declare(p.name, bt, p.mutable && !p.byRef, p.pos);
      if (p.sub) bindPat(inf, p.sub, ty, viaRef);
      return;
    }
    case 'lit': {
      const lt = inf.expr(p.value);
      // A string literal pattern has type `&str`: it matches a `&str` (through any further references).
      let target = derefTy(t);
      if (p.value.k === 'str') {
        target = t;
        while (isRefTy(target) && isRefTy((prune(target) as { args: TypeVar[] }).args[0]!)) target = prune((prune(target) as { args: TypeVar[] }).args[0]!);
      }
      inf.unifyAt(p.pos, target, lt);
      return;
    }
    case 'range': {
      inf.unifyAt(p.pos, derefTy(t), inf.expr(p.from));
      inf.unifyAt(p.pos, derefTy(t), inf.expr(p.to));
      return;
    }
    case 'ref': {
      if (!isRefTy(t)) inf.mismatch(p.pos, t, refTo(inf.v(), false));
      bindPat(inf, p.pat, (t as { args: TypeVar[] }).args[0]!, false);
      return;
    }
    case 'or': {
      // All alternatives must bind the same names; the subset allows or-patterns without bindings.
      for (const alt of p.alts) {
        if (patBinds(alt)) throw new RustSubsetError('bindings inside | patterns are not supported yet', alt.pos.line, alt.pos.col, 'or_pattern');
        bindPat(inf, alt, ty, viaRef);
      }
      return;
    }
    case 'tuple': {
      let inner = t;
      let ref = viaRef;
      // Default binding modes look through every reference (`&&Shape` from a filter's closure).
      while (isRefTy(inner)) {
        ref = throughRef(ref, inner);
        inner = prune((inner as { args: TypeVar[] }).args[0]!);
      }
      if (p.items.some(isRest)) {
        if (inner.k !== 'con' || inner.c !== 'tuple') throw new RustSubsetError('`..` in a tuple pattern whose type is not known yet is not supported', p.pos.line, p.pos.col, 'remaining_field_pattern');
        p.items = expandRest(p.items, inner.args.length);
      }
      const items = p.items.map(() => inf.v());
      inf.unifyAt(p.pos, inner, con('tuple', ...items));
      p.items.forEach((q, i) => bindPat(inf, q, items[i]!, ref));
      return;
    }
    case 'variant': {
      let inner = t;
      let ref = viaRef;
      // Default binding modes look through every reference (`&&Shape` from a filter's closure).
      while (isRefTy(inner)) {
        ref = throughRef(ref, inner);
        inner = prune((inner as { args: TypeVar[] }).args[0]!);
      }
      const v = variant(inf, p.segs, p.pos);
      inf.unifyAt(p.pos, inner, v.ty);
      if (p.unit) {
        if (v.fields.length && v.kind !== 'struct') inf.err(p.pos, `expected unit struct, unit variant or constant, found tuple variant \`${p.segs.join('::')}\``, 'E0532');
        return;
      }
      if (p.named) {
        for (const f of p.named) {
          const i = v.names.indexOf(f.name);
          if (i < 0) inf.err(f.pat.pos, `variant \`${p.segs.join('::')}\` does not have a field named \`${f.name}\``, 'E0026');
          bindPat(inf, f.pat, v.fields[i]!, ref);
        }
        return;
      }
      p.items = expandRest(p.items, v.fields.length);
      if (p.items.length !== v.fields.length) inf.err(p.pos, `this pattern has ${p.items.length} field${p.items.length === 1 ? '' : 's'}, but the corresponding tuple variant has ${v.fields.length} field${v.fields.length === 1 ? '' : 's'}`, 'E0023');
      p.items.forEach((q, i) => bindPat(inf, q, v.fields[i]!, ref));
      return;
    }
  }
}

/** A variant or struct named by a path: its type and its fields' types. */
export function variant(inf: Inference, segs: string[], pos: Pos): { ty: TypeVar; fields: TypeVar[]; names: string[]; kind: 'enum' | 'struct' | 'option' } {
  const last = segs[segs.length - 1]!;
  if (segs.length === 1 && (last === 'Some' || last === 'None')) {
    const inner = inf.v();
    return { ty: con('Option', inner), fields: last === 'Some' ? [inner] : [], names: last === 'Some' ? ['0'] : [], kind: 'option' };
  }
  if (segs.length === 2 && segs[0] === 'Option' && (last === 'Some' || last === 'None')) return variant(inf, [last], pos);
  if (segs.length === 1 && (last === 'Ok' || last === 'Err')) {
    const ok = inf.v();
    const err = inf.v();
    return { ty: con('Result', ok, err), fields: [last === 'Ok' ? ok : err], names: ['0'], kind: 'option' };
  }
  if (segs.length === 2 && segs[0] === 'Result' && (last === 'Ok' || last === 'Err')) return variant(inf, [last], pos);
  if (segs.length === 1 && inf.prog.structs.has(last)) {
    const s = inf.prog.structs.get(last)!;
    const ty = freshAdt(s, () => inf.v());
    return { ty, fields: s.fields.map((f) => fieldTy(inf.prog, ty, f.ty)), names: s.fields.map((f) => f.name), kind: 'struct' };
  }
  if (segs.length === 2 && orderingUnimported(inf.prog, segs[0]!)) inf.err(pos, 'failed to resolve: use of undeclared type `Ordering` (add `use std::cmp::Ordering;`)', 'E0433');
  if (segs.length === 2 && inf.prog.enums.has(segs[0]!)) {
    const e = inf.prog.enums.get(segs[0]!)!;
    const v = e.variants.find((x) => x.name === last);
    if (!v) inf.err(pos, `no variant named \`${last}\` found for enum \`${segs[0]}\``, 'E0599');
    const ty = freshAdt(e, () => inf.v());
    return { ty, fields: v.fields.map((f) => fieldTy(inf.prog, ty, f.ty)), names: v.fields.map((f) => f.name), kind: 'enum' };
  }
  inf.notInSubset(segs[0]!, pos);
  if (segs.length === 1) inf.err(pos, `cannot find \`${last}\` in this scope`, 'E0425');
  inf.err(pos, `failed to resolve: \`${segs.slice(0, -1).join('::')}\` is not a known enum or type`, 'E0433');
}

/** The binding mode after matching through the reference `r`: `ref` stays `ref`; `&mut` gives `ref mut` otherwise. */
function throughRef(mode: boolean | 'mut', r: TypeVar): boolean | 'mut' {
  if (mode === true) return true;
  return (prune(r) as { mutable?: boolean }).mutable ? 'mut' : true;
}

function patBinds(p: Pat): boolean {
  switch (p.k) {
    case 'bind':
      return true;
    case 'variant':
      return p.items.some(patBinds) || (p.named ?? []).some((f) => patBinds(f.pat));
    case 'tuple':
    case 'slice':
      return p.items.some(patBinds);
    case 'or':
      return p.alts.some(patBinds);
    case 'ref':
      return patBinds(p.pat);
    default:
      return false;
  }
}

