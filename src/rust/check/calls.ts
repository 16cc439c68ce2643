/**
 * Calls and method calls in inference: a closure, a program's fn (generic ones through their
 * instance), std's functions and methods (the std table's typings), enum variants and tuple
 * structs as constructors, comparison methods, methods of a program's impls and of trait objects,
 * and methods reached through Deref.
 */
import { inferAsRef } from './as-ref';
import type { Inference } from './inference';
import type { Expr, FnItem, Notes, Program } from '../syntax/ast';
import { PARTLY_MODELLED, recvOf, stdFn, stdHasMethod, stdMethod, UNSUPPORTED_METHODS, type FnTyping, type MethodTyping } from '../std/index';
import { RustSubsetError } from '../errors';
import { ownIterator } from './own-iter';
import { COMPARE_METHODS, compareMethodType, isOrd, numericSelf, ORDERING } from '../std/compare';
import { freshAdt } from './generics';
import { dynTrait, STD_DYN, traitMethod } from './dyn';
import { userDeref, wrapInDeref } from './deref';
import { derivedDefault } from '../run/defaults';
import { calleeSig } from './closures';
import { inferInto } from './into';
import { autoDeref, con, conName, derefTy, INT_NAMES, isGuard, prune, show, STR_REF, STRING, unify, type TypeVar } from './types';
import { coerce } from './coerce';
import { variant } from './patterns';
import { displayable, FMT_RESULT } from './format';

export function call(inf: Inference, e: Expr & { k: 'call' }): TypeVar {
  const c = e.callee;
  const segs = c.k === 'name' ? [c.name] : c.k === 'path' ? c.segs : [];
  const name = segs.join('::');
  const args = () => e.args.map((a) => inf.expr(a));
  if (segs.length === 1 && inf.lookup(segs[0]!)) {
    // Calling a closure (or an `impl Fn` / `Box<dyn Fn>` / a reference to one).
    const ft = inf.expr(c);
    const sig = calleeSig(inf, ft);
    if (!sig) inf.err(c.pos, `expected function, found \`${show(ft)}\``, 'E0618');
    inf.argCount(e, sig.params.length, 'closure');
    e.args.forEach((a, i) => coerce(inf, a, inf.exprExpecting(a, sig.params[i]!), sig.params[i]!));
    return sig.ret;
  }
  if (inf.prog.fns.has(name)) {
    const fn = inf.prog.fns.get(name)!;
    const sig = fn.generics ? inf.generic(e, 'instance', fn, e.targs) : inf.fnTypes.get(name)!;
    inf.argCount(e, sig.params.length, 'function');
    e.args.forEach((a, i) => coerce(inf, a, inf.exprExpecting(a, sig.params[i]!), sig.params[i]!, 'mismatched types'));
    return sig.ret;
  }
  const std = stdFn(name, inf.prog.stdNames);
  if (std) {
    const typing: FnTyping = {
      e,
      argCount: (n) => inf.argCount(e, n, 'function'),
      args,
      fresh: () => inf.v(),
      textArg: (i) => inf.coerceTo(e.args[i]!.pos, inf.expr(e.args[i]!), STR_REF),
      unifyAt: (i, expected, found) => inf.unifyAt(e.args[i]!.pos, expected, found),
      mismatch: (i, expected, found) =>
        typeof expected === 'string'
          ? inf.err(e.args[i]!.pos, `mismatched types: expected \`${expected}\`, found \`${show(found)}\``, 'E0308')
          : inf.mismatch(e.args[i]!.pos, expected, found),
      typeArg: (i) => (e.targs?.fn?.[i] ? inf.written(e.targs.fn[i]!, e.pos) : undefined),
    };
    const t = std.type(typing);
    // `Vec::<i64>::new()`: the type's own arguments, written on its path, are the result's.
    const owner = e.targs?.owner;
    const r = prune(t);
    if (owner && r.k === 'con' && r.c === segs[0] && r.args.length === owner.length) owner.forEach((ty, i) => inf.unifyAt(e.pos, r.args[i]!, inf.written(ty, e.pos)));
    return t;
  }
  if (segs.length >= 1) {
    const last = segs[segs.length - 1]!;
    const isVariant = (segs.length === 1 && (last === 'Some' || last === 'Ok' || last === 'Err' || inf.prog.structs.has(last))) || (segs.length === 2 && (inf.prog.enums.has(segs[0]!) || segs[0] === 'Option' || segs[0] === 'Result'));
    if (isVariant) {
      const v = variant(inf, segs, e.pos);
      if (v.kind === 'struct' && v.names[0] !== '0') inf.err(e.pos, `expected function, found struct \`${last}\``, 'E0423');
      inf.argCount(e, v.fields.length, 'enum variant');
      e.args.forEach((a, i) => coerce(inf, a, inf.expr(a), v.fields[i]!));
      return v.ty;
    }
  }
  if (segs.length === 2 && segs[1] === 'default' && derivedDefault(inf.prog, segs[0]!) && inf.prog.structs.has(segs[0]!)) {
    inf.argCount(e, 0, 'function');
    return freshAdt(inf.prog.structs.get(segs[0]!)!, () => inf.v());
  }
  inf.notInSubset(segs[0]!, c.pos, segs.length > 1 ? segs.slice(1).join('::') : undefined);
  if (segs.length === 1) inf.err(c.pos, `cannot find function \`${name}\` in this scope`, 'E0425');
  if (['String', 'Vec', 'Box', 'Rc', 'Option'].includes(segs[0]!)) {
    throw new RustSubsetError(`\`${name}\` is not supported yet`, e.pos.line, e.pos.col, 'call_expression');
  }
  // rustc names a lower-case head a module (`mem::swap` without `use std::mem;`).
  const what = /^[a-z]/.test(segs[0]!) ? 'module or crate' : 'type';
  inf.err(c.pos, `cannot find ${what} \`${segs[0]}\` in this scope`, 'E0433'); // rustc 1.95's words
}

/** `a.eq(&b)`, `a.cmp(&b)`, `a.max(b)`, … on any comparable type (std/compare.ts); undefined for other methods. */
export function compareMethod(inf: Inference, e: Expr & { k: 'method' }, recv: TypeVar): TypeVar | undefined {
  if (!COMPARE_METHODS.has(e.name)) return undefined;
  const self = derefTy(recv);
  if (self.k === 'var' && !self.lit) return undefined;
  if (self.k === 'con' && self.c.startsWith('adt:') && inf.prog.fns.has(`${self.c.slice(4)}::${e.name}`)) return undefined;
  if ((e.name === 'max' || e.name === 'min') && numericSelf(self)) return undefined;
  // An iterator's own `max()` / `min()` / `eq(..)` (std/iterators.ts).
  if (self.k === 'con' && (recvOf(self.c) === 'Iterator' || ['Iter', 'Chars', 'Bytes'].includes(self.c))) return undefined;
  const t = compareMethodType({
    name: e.name,
    self,
    argCount: (n) => inf.argCount(e, n, 'method'),
    arg: (i) => inf.expr(e.args[i]!),
    unify: (i, expected, found) => inf.unifyAt(e.args[i]!.pos, expected, found),
    require: (trait, ty) =>
      inf.deferred.push(() => {
        const p = autoDeref(ty);
        if (p.k === 'con' && p.c.startsWith('adt:') && !derived(inf.prog, trait).has(p.c.slice(4))) {
          inf.err(e.namePos, `the method \`${e.name}\` exists for \`${p.c.slice(4)}\`, but its trait bounds were not satisfied (add #[derive(${trait === 'PartialEq' ? 'PartialEq' : trait === 'PartialOrd' ? 'PartialEq, PartialOrd' : 'PartialEq, Eq, PartialOrd, Ord'})])`, 'E0599');
        }
      }),
  });
  (e as Notes).compare = true;
  return t;
}

/** A call of the method `fnName` of an impl block of the program, on a receiver of type `t`. */
export function userMethod(inf: Inference, e: Expr & { k: 'method' }, t: TypeVar, fnName: string): TypeVar {
  const fn = inf.prog.fns.get(fnName)!;
  const sig = fn.generics ? inf.generic(e, 'userMethod', fn, e.targs) : inf.fnTypes.get(fnName)!;
  // The receiver fixes the impl's type parameters (`Point<i32, f64>` for `impl<X, Y> Point<X, Y>`).
  const selfTy = prune(sig.params[0]!);
  inf.unifyAt(e.recv.pos, selfTy.k === 'con' && selfTy.c === 'ref' ? selfTy.args[0]! : selfTy, t);
  inf.argCount(e, sig.params.length - 1, 'method');
  e.args.forEach((a, i) => coerce(inf, a, inf.expecting(a, sig.params[i + 1]!), sig.params[i + 1]!));
  if (!fn.generics) (e as Notes).userMethod = fnName;
  return sig.ret;
}

export function method(inf: Inference, e: Expr & { k: 'method' }): TypeVar {
  const recv = inf.expr(e.recv);
  const compared = compareMethod(inf, e, recv);
  if (compared) return compared;
  if (e.name === 'into' && !(autoDeref(recv).k === 'con' && inf.prog.fns.has(`${conName(autoDeref(recv)).slice(4)}::into`))) {
    inf.argCount(e, 0, 'method');
    return inferInto(inf, e, recv, (name) => inf.fnTypes.get(name));
  }
  const viaBound = inferAsRef(inf, e, recv);
  if (viaBound) return viaBound;
  let t = prune(recv);
  const args = () => e.args.map((a) => inf.expr(a));
  const noArgs = (ret: TypeVar) => {
    inf.argCount(e, 0, 'method');
    return ret;
  };
  const oneArg = (param: TypeVar, ret: TypeVar) => {
    inf.argCount(e, 1, 'method');
    coerce(inf, e.args[0]!, inf.exprExpecting(e.args[0]!, param), param);
    return ret;
  };
  // `clone` on a reference-free Box/Rc clones the pointer; elsewhere methods look through pointers.
  for (let hops = 0; hops < 8; hops++) {
    if (t.k === 'var' && t.lit) break;
    if (t.k === 'var') inf.err(e.pos, `type annotations needed (the type of the receiver of \`${e.name}\` must be known here)`, 'E0282');
    const c = t.c;
    if (INT_NAMES.has(c) || (t.k === 'con' && false)) break;
    if (c === 'ref' || isGuard(t) || ((c === 'Box' || c === 'Rc') && e.name !== 'clone')) {
      t = prune(t.args[0]!);
      continue;
    }
    break;
  }
  const unknown = (): TypeVar => {
    const c0 = t.k === 'con' ? t.c : '';
    if (userDeref(inf.prog, t)) {
      const recv = e.recv;
      inf.moved(recv, wrapInDeref(inf.prog, recv, t));
      return method(inf, e);
    }
    if (c0.startsWith('adt:') && inf.prog.impls.get(c0.slice(4))?.has('Iterator')) {
      throw new RustSubsetError(`Iterator's provided methods (\`${e.name}\`) on a program's own iterator are not supported yet`, e.namePos.line, e.namePos.col, 'call_expression');
    }
    if (!c0.startsWith('adt:') && (UNSUPPORTED_METHODS.has(e.name) || PARTLY_MODELLED.has(c0) || stdHasMethod(c0, e.name))) {
      throw new RustSubsetError(`the method \`${e.name}\` is not supported yet`, e.namePos.line, e.namePos.col, 'call_expression');
    }
    return inf.err(e.namePos, `no method named \`${e.name}\` found for ${describeTy(t)} in the current scope`, 'E0599');
  };
  if (t.k === 'con' && t.c === 'Formatter' && e.name === 'write_str') {
    inf.argCount(e, 1, 'method');
    inf.coerceTo(e.args[0]!.pos, inf.expr(e.args[0]!), STR_REF);
    return FMT_RESULT;
  }
  if (t.k === 'var') {
    if (t.lit === 'int') unify(t, con('i32'));
    else if (t.lit === 'float') unify(t, con('f64'));
    t = prune(t);
    if (t.k === 'var') return unknown();
  }
  // A program's own Iterator given to std's by-value iterator methods (check/own-iter.ts).
  const own = prune(e.recv.ty!) === t && !inf.prog.fns.has(`${t.c.slice(4)}::${e.name}`) && stdMethod('Iterator', e.name)?.ownRecv ? ownIterator(inf, e.recv, t) : undefined;
  if (own) (e as { recv: Expr }).recv = own;
  if (own) t = prune(own.ty!) as typeof t;
  const c = t.c;
  if (c === 'never') inf.err(e.recv.pos, 'type annotations needed (the receiver is a binding whose value diverges)', 'E0282');
  const trait = dynTrait(t);
  if (trait) {
    if (STD_DYN.has(trait)) throw new RustSubsetError(`calling \`${e.name}\` on a \`dyn ${trait}\` is not supported yet (formatting it is)`, e.namePos.line, e.namePos.col, 'call_expression');
    const fn = traitMethod(inf.prog, trait, e.name);
    if (!fn || fn.params[0]?.pat.k !== 'bind' || (fn.params[0].pat as { name: string }).name !== 'self') return unknown();
    if (fn.params[0].ty.kind !== 'ref') throw new RustSubsetError(`calling \`${e.name}\` (it takes self by value) on a \`dyn ${trait}\` is not supported yet`, e.namePos.line, e.namePos.col, 'call_expression');
    const sig = inf.fnTypes.get(fn.name)!;
    inf.argCount(e, sig.params.length - 1, 'method');
    e.args.forEach((a, i) => coerce(inf, a, inf.expecting(a, sig.params[i + 1]!), sig.params[i + 1]!));
    (e as Notes).dynMethod = e.name;
    return sig.ret;
  }
  // `Ordering` is std's unless the program declares its own.
  const kind = c === 'adt:Ordering' && inf.prog.enums.get('Ordering') !== ORDERING ? undefined : recvOf(c);
  // A program's trait implemented for this std type (syntax/std-impls.ts); std's inherent methods come first, as in rustc.
  if (inf.prog.impls.has(c) && isSelfMethod(inf.prog.fns.get(`${c}::${e.name}`)) && !stdMethod(kind, e.name)) return userMethod(inf, e, t, `${c}::${e.name}`);
  // A std struct added to the program (Ipv4Addr, Ordering) has the table's methods and, past them, a struct's (clone, to_string).
  if (kind && (stdMethod(kind, e.name) || !c.startsWith('adt:'))) {
    const std = stdMethod(kind, e.name);
    if (std) {
      const typing: MethodTyping = {
        e,
        recv: t,
        argCount: (n) => inf.argCount(e, n, 'method'),
        noArgs,
        oneArg,
        textArg: (ret) => {
          inf.argCount(e, 1, 'method');
          inf.coerceTo(e.args[0]!.pos, args()[0]!, STR_REF);
          return ret;
        },
        unifyArg: (i, expected) => inf.unifyAt(e.args[i]!.pos, expected, inf.expr(e.args[i]!)),
        coerceArg: (i, expected) => coerce(inf, e.args[i]!, inf.exprExpecting(e.args[i]!, expected), expected),
        closureArg: (i, params, ret, kind) => inf.closureArg(e, i, params, ret, kind),
        fresh: () => inf.v(),
        settle: (check) => inf.settles.push(check),
        requireOrd: (ty) =>
          inf.settles.push(() => {
            if (!isOrd(inf.prog, ty)) inf.err(e.namePos, `the trait bound \`${show(ty)}: Ord\` is not satisfied (\`${e.name}\` needs a total order; f32 and f64 have none)`, 'E0277');
          }),
        turbofish: () => (e.targs ?? []).map((ty) => inf.written(ty, e.namePos)),
        programFn: (name) => inf.fnTypes.get(name),
      };
      return std.type(typing);
    }
    if (kind === 'Chars' || kind === 'Bytes' || kind === 'Iter') {
      throw new RustSubsetError(`iterator adapters (.${e.name}()) are not supported yet; use a for loop`, e.namePos.line, e.namePos.col, 'call_expression');
    }
    return unknown();
  }
  if (c.startsWith('adt:')) {
    if (e.name === 'drop' && inf.prog.dropTypes.has(c.slice(4))) inf.err(e.namePos, 'explicit use of destructor method (use drop(x) instead)', 'E0040');
    const fnName = `${c.slice(4)}::${e.name}`;
    const fn = inf.prog.fns.get(fnName);
    const first = fn?.params[0]?.pat;
    if (fn && first?.k === 'bind' && first.name === 'self') return userMethod(inf, e, t, fnName);
    if (fn) inf.err(e.namePos, `no method named \`${e.name}\` found for \`${c.slice(4)}\`; \`${fnName}\` is an associated function, call it as ${fnName}(…)`, 'E0599');
    if (e.name === 'to_string' && displayable(inf.prog, t)) {
      (e as Notes).viaDisplay = true;
      return noArgs(STRING);
    }
    if (e.name === 'clone') {
      if (!inf.prog.cloneTypes.has(c.slice(4))) inf.err(e.namePos, `no method named \`clone\` found for \`${c.slice(4)}\` (add #[derive(Clone)] to its declaration)`, 'E0599');
      return noArgs(t);
    }
  }
  return unknown();
}

/** Whether `fn` is a method (its first parameter is `self`). */
function isSelfMethod(fn: FnItem | undefined): boolean {
  const first = fn?.params[0]?.pat;
  return first?.k === 'bind' && first.name === 'self';
}

/** The trait sets of the program's derives, by trait name. */
function derived(prog: Program, trait: 'PartialEq' | 'PartialOrd' | 'Ord'): Set<string> {
  return trait === 'PartialEq' ? prog.eqTypes : trait === 'PartialOrd' ? prog.ordTypes : prog.totalOrdTypes;
}

function describeTy(t: TypeVar): string {
  const p = prune(t);
  if (p.k === 'con' && p.c.startsWith('adt:')) return `\`${p.c.slice(4)}\``;
  if (p.k === 'con' && p.c === 'Vec') return `struct \`${show(p)}\``;
  return `type \`${show(p)}\``;
}
