/**
 * Type inference for one program: resolves every name to its binding (with shadowing and
 * scopes), gives every expression a type, checks calls against signatures and methods against
 * what std offers, and defaults integer/float literals as rustc does (i32, f64).
 *
 * Over 800 lines on purpose: one walk over every kind of expression and pattern, whose cases
 * share the scopes, the function's type variables and its deferred checks; std's rules are in
 * std/, exhaustiveness in exhaustive.ts.
 */
import { isAddedParseError } from '../std/parse';
import type { Ty } from '../../engine/layout/types';
import type { Binding, Expr, FnItem, GenericArgs, Notes, Pat, Pos, Program, Stmt } from '../syntax/ast';
import { PARTLY_MODELLED, recvOf, stdFn, stdMethod, UNSUPPORTED_METHODS, type FnTyping, type MethodTyping } from '../std/index';
import { RustCompileError, RustSubsetError } from '../errors';
import { uncovered } from './exhaustive';
import { ownIterator } from './own-iter';
import { COMPARE_METHODS, compareMethodType, numericSelf, ORDERING, textEq } from '../std/compare';
import { conversion } from '../std/convert';
import { fieldTy, freshAdt, instantiate, withBoundsOnly } from './generics';
import { dynTrait, implementsTrait, STD_DYN, stdDynTrait, traitMethod } from './dyn';
import { userDeref, wrapInDeref } from './deref';
import { resolveTraitCall } from './trait-paths';
import { resolveTryInto } from './try-into';
import { checkStdImpls } from './std-impls';
import { fnAsClosure } from './fn-values';
import { fnTraitSig } from '../syntax/fn-traits';
import { derivedDefault } from '../run/defaults';
import { INFER_NAME, OPAQUE_RETURN } from '../syntax/generics';
import { FMT_ERROR_NAME, FORMATTER_NAME } from '../syntax/std-traits';
import { arrayType, indexType, unsizes, type SeqTyping } from './sequences';
import { mapIterElem } from '../run/map-places';
import { calleeSig, captured, coerceClosure, expectedSig, finishClosures, inferClosure } from './closures';
import { inferTry } from './try';
import { inferInto } from './into';
import { discriminants } from './enum-cast';
import { expandRest, inferSlicePat, isRest } from './rest-patterns';
import { isCopyTy } from '../run/context';
import {
  autoDeref, BOOL, compatible, con, conName, defaultLiterals, derefNum, derefTy, fresh, fromTy, INT_NAMES, toTy, withParams, isFloat, isInt, isNever, isRefTy, isStringTy,
  isGuard, isTextTy, NEVER, prune, refTo, show, STR_REF, STRING, unify, UnifyError, UNIT, unresolved, USIZE, type TypeVar,
} from './types';

export interface LoopCtx {
  label?: string;
  /** Type of `break value` for `loop`; undefined for while/for. */
  ty?: TypeVar;
}

export class Inference {
  scopes: Map<string, Binding>[] = [];
  slots = 0;
  ret: TypeVar = UNIT;
  loops: LoopCtx[] = [];
  private readonly fnTypes = new Map<string, { params: TypeVar[]; ret: TypeVar }>();
  /** Every type variable made for this function, defaulted at its end. */
  made: TypeVar[] = [];
  /** Checks that need the function's types settled (format traits, comparisons of user types). */
  deferred: (() => void)[] = [];
  /** Checks std entries ask for once the function is inferred, before literals default. */
  settles: (() => void)[] = [];
  /** The fn being inferred (an instance's name has its type arguments: `first::<i32>`). */
  fnName = '';

  constructor(readonly prog: Program) {
    for (const fn of prog.fns.values()) if (!fn.generics) this.signature(fn);
  }

  private signature(fn: FnItem): void {
    this.fnTypes.set(fn.name, { params: fn.params.map((p) => this.written(p.ty, p.tyPos ?? p.pos)), ret: this.written(fn.ret, fn.retPos ?? fn.pos) });
  }

  /** A written type; `params` names a generic item's type parameters (`_` and a returned `impl Trait` are inferred). */
  written(ty: Ty, pos: Pos, params?: ReadonlyMap<string, TypeVar>): TypeVar {
    const lookup = (name: string) =>
      params?.get(name) ?? (name === INFER_NAME || name === OPAQUE_RETURN ? this.v() : name === FORMATTER_NAME ? con('Formatter') : name === FMT_ERROR_NAME ? con('FmtError') : undefined);
    this.checkKnown(ty, pos, (name) => !!params?.has(name) || [INFER_NAME, OPAQUE_RETURN, FORMATTER_NAME, FMT_ERROR_NAME].includes(name));
    try {
      return withParams(lookup, () => fromTy(ty));
    } catch {
      throw new RustSubsetError(`the type ${ty.kind} is not supported yet`, pos.line, pos.col, 'type');
    }
  }

  private checkKnown(ty: Ty, pos: Pos, param: (name: string) => boolean = () => false): void {
    if (ty.kind === 'dyn' && !this.prog.traits.has(ty.trait.replace(/\s+/g, '')) && !fnTraitSig(ty.trait) && !STD_DYN.has(ty.trait)) throw new RustSubsetError(`\`dyn ${ty.trait}\` is not supported yet (a trait object of a program's own trait is)`, pos.line, pos.col, 'dynamic_type');
    if (ty.kind === 'adt' && !ty.args && param(ty.name)) return;
    if (ty.kind === 'adt' && !this.prog.structs.has(ty.name) && !this.prog.enums.has(ty.name)) {
      this.notInSubset(ty.name, pos);
      throw new RustCompileError(`cannot find type \`${ty.name}\` in this scope`, pos.line, pos.col, 'E0425');
    }
    if (ty.kind === 'adt' && isAddedParseError(this.prog.structs.get(ty.name)) && !this.prog.stdNames.has(ty.name)) {
      throw new RustCompileError(`cannot find type \`${ty.name}\` in this scope (add \`use std::num::${ty.name};\`)`, pos.line, pos.col, 'E0425');
    }
    if (ty.kind === 'adt') {
      const def = this.prog.structs.get(ty.name) ?? this.prog.enums.get(ty.name)!;
      const want = def.params?.length ?? 0;
      const got = ty.args?.length ?? 0;
      if (want !== got) {
        const kind = def.kind === 'struct' ? 'struct' : 'enum';
        if (got === 0) throw new RustCompileError(`missing generics for ${kind} \`${ty.name}\` (write ${ty.name}<${def.params!.join(', ')}>)`, pos.line, pos.col, 'E0107');
        throw new RustCompileError(`${kind} takes ${want} generic argument${want === 1 ? '' : 's'} but ${got} generic argument${got === 1 ? ' was' : 's were'} supplied`, pos.line, pos.col, 'E0107');
      }
      ty.args?.forEach((a) => this.checkKnown(a, pos, param));
      return;
    }
    for (const v of Object.values(ty)) if (v && typeof v === 'object' && 'kind' in v) this.checkKnown(v as Ty, pos, param);
    if (ty.kind === 'tuple') ty.items.forEach((t) => this.checkKnown(t, pos, param));
  }

  /** A std item the program imported or spelled out (`mem::replace`, `HashMap`) that the subset lacks: not a rustc error. */
  private notInSubset(name: string, pos: Pos, member?: string): void {
    if (this.prog.traits.has(name)) throw new RustSubsetError(`calling a trait's function through the trait (\`${name}::${member ?? '…'}\`) is not supported yet; name the type`, pos.line, pos.col, 'path');
    const path = this.prog.stdNames.get(name);
    if (path === undefined) return;
    throw new RustSubsetError(`\`${path}${member ? `::${member}` : ''}\` is not supported yet`, pos.line, pos.col, 'path');
  }

  run(): void {
    checkStdImpls(this.prog);
    for (const [name, c] of this.prog.consts) this.constItem(name, c);
    // A fn returning `impl Trait` first: its callers need the type its body settles.
    const fns = [...this.prog.fns.values()].filter((f) => !f.generics);
    const opaque = (f: FnItem) => JSON.stringify(f.ret).includes(OPAQUE_RETURN);
    for (const fn of [...fns.filter(opaque), ...fns.filter((f) => !opaque(f))]) this.fn(fn);
    for (let fn = this.queue.shift(); fn; fn = this.queue.shift()) this.fn(fn);
    // Each template once more with its parameters as types that have only their bounds (as rustc checks a generic body).
    for (const fn of [...this.prog.fns.values()]) if (fn.generics) withBoundsOnly(this.prog, fn, (body) => this.checkOnly(body));
  }

  /** Infers a copy of a template whose parameters are bound-only types; its generic calls name no instance. */
  private checkOnly(fn: FnItem): void {
    this.checking = true;
    try {
      this.signature(fn);
      this.fn(fn);
    } finally {
      this.fnTypes.delete(fn.name);
      this.checking = false;
      this.pending = [];
    }
  }

  private checking = false;

  /** Instances made while inferring, inferred after it (each once). */
  private queue: FnItem[] = [];
  /** Calls of generic fns in the fn being inferred: each names its instance once the fn's types settle. */
  private pending: { note: Notes; key: 'instance' | 'userMethod'; template: FnItem; vars: TypeVar[]; pos: Pos }[] = [];

  /**
   * A call of a template: fresh variables for its type parameters (turbofish arguments fix
   * some), its signature under them. The call names its instance when the caller is inferred.
   */
  /** `T::next`'s return type for a receiver of type `self` (check/own-iter.ts). */
  nextRet(note: Expr & Notes, fnName: string, self: TypeVar): TypeVar {
    const fn = this.prog.fns.get(fnName)!;
    const sig = fn.generics ? this.generic(note, 'instance', fn) : this.fnTypes.get(fnName)!;
    if (!fn.generics) note.instance = fnName;
    const selfTy = prune(sig.params[0]!);
    this.unifyAt(note.pos, selfTy.k === 'con' && selfTy.c === 'ref' ? selfTy.args[0]! : selfTy, self);
    return sig.ret;
  }

  private generic(e: Expr & Notes, key: 'instance' | 'userMethod', fn: FnItem, targs?: GenericArgs | Ty[]): { params: TypeVar[]; ret: TypeVar } {
    const gs = fn.generics!;
    const vars = gs.map(() => this.v());
    const params = new Map(gs.map((g, i) => [g.name, vars[i]!]));
    const owner = Array.isArray(targs) ? undefined : targs?.owner;
    const own = Array.isArray(targs) ? targs : targs?.fn;
    const fix = (at: number, tys: Ty[] | undefined) =>
      tys?.forEach((t, i) => {
        if (at + i < vars.length) this.unifyAt(e.pos, vars[at + i]!, this.written(t, e.pos));
      });
    fix(0, owner);
    fix(fn.implParams ?? 0, own);
    this.pending.push({ note: e, key, template: fn, vars, pos: e.pos });
    return { params: fn.params.map((p) => this.written(p.ty, p.tyPos ?? p.pos, params)), ret: this.written(fn.ret, fn.retPos ?? fn.pos, params) };
  }

  /** The caller's types are settled: each generic call names its instance (made and queued once). */
  private settleInstances(): void {
    if (this.checking) return;
    for (const p of this.pending) {
      const args = p.vars.map((v) => {
        if (unresolved(v)) this.err(p.pos, `type annotations needed (cannot infer the type parameters of \`${p.template.name}\`)`, 'E0282');
        return toTy(v);
      });
      const { item, made } = instantiate(this.prog, p.template, args);
      if (made) {
        this.signature(item);
        this.queue.push(item);
      }
      p.note[p.key] = item.name;
    }
    this.pending = [];
  }

  /** An instance of a template asked for after inference (a generic type's `Drop` when a value drops): inferred now. */
  lateInstance(template: FnItem, args: Ty[]): FnItem {
    const { item, made } = instantiate(this.prog, template, args);
    if (made) {
      this.signature(item);
      this.fn(item);
      for (let fn = this.queue.shift(); fn; fn = this.queue.shift()) this.fn(fn);
    }
    return item;
  }

  /** A `const` / `static` item: its value checked against its written type, on its own. */
  private constItem(name: string, c: Program['consts'] extends Map<string, infer V> ? V : never): void {
    this.scopes = [new Map()];
    this.made = [];
    this.ret = UNIT;
    const want = this.written(c.ty, c.tyPos);
    this.coerce(c.value, this.expr(c.value), want, `mismatched types in \`${name}\``);
    for (const t of this.made) defaultLiterals(t);
    for (const check of this.deferred) check();
    this.deferred = [];
    this.declared = [];
  }

  private fn(fn: FnItem): void {
    this.fnName = fn.name;
    this.scopes = [new Map()];
    this.slots = 0;
    this.made = [];
    const sig = this.fnTypes.get(fn.name)!;
    this.ret = sig.ret;
    fn.params.forEach((p, i) => this.bindPat(p.pat, sig.params[i]!, false));
    const body = this.expr(fn.body);
    this.coerce(fn.body.tail ?? fn.body, body, sig.ret, 'mismatched types');
    fn.slots = this.slots;
    for (const check of this.settles) check();
    this.settles = [];
    for (const t of this.made) defaultLiterals(t);
    finishClosures(this);
    this.settleInstances();
    for (const b of this.declared) {
      if (unresolved(b.ty)) this.err(b.pos, `type annotations needed for \`${show(b.ty)}\` (nothing tells the type of \`${b.name}\`; annotate it, e.g. \`let ${b.name}: ${show(b.ty).replace(/_/g, 'i32')}\`)`, 'E0282');
    }
    this.declared = [];
    for (const check of this.deferred) check();
    this.deferred = [];
  }

  /** What check/sequences.ts asks of inference. */
  private readonly seqTyping: SeqTyping = {
    expr: (e) => this.expr(e),
    coerce: (e, found, expected) => this.coerce(e, found, expected),
    unifyAt: (pos, expected, found) => this.unifyAt(pos, expected, found),
    fresh: () => this.v(),
  };

  v(lit?: 'int' | 'float'): TypeVar {
    const t = fresh(lit);
    this.made.push(t);
    return t;
  }

  err(pos: Pos, message: string, code?: string): never {
    throw new RustCompileError(message, pos.line, pos.col, code);
  }

  mismatch(pos: Pos, expected: TypeVar, found: TypeVar, what = 'mismatched types'): never {
    this.err(pos, `${what}: expected \`${show(expected)}\`, found \`${show(found)}\``, 'E0308');
  }

  unifyAt(pos: Pos, expected: TypeVar, found: TypeVar): void {
    try {
      unify(expected, found);
    } catch (e) {
      if (e instanceof UnifyError) this.mismatch(pos, expected, found);
      throw e;
    }
  }

  /**
   * Unify with the coercions Rust applies at a coercion site: `&String` → `&str`,
   * `&Box<T>` / `&Rc<T>` → `&T`, `&mut T` → `&T`.
   */
  coerce(e: Expr, found: TypeVar, expected: TypeVar, what = 'mismatched types'): void {
    if (coerceClosure(this, e, found, expected)) return;
    const f = prune(found);
    const x = prune(expected);
    // Unsizing: `Box<T>` → `Box<dyn Trait>`, `&T` → `&dyn Trait` (check/dyn.ts).
    if (f.k === 'con' && x.k === 'con' && f.c === x.c && (f.c === 'Box' || f.c === 'ref') && (f.c !== 'ref' || f.mutable === x.mutable || !x.mutable)) {
      const trait = dynTrait(x.args[0]!);
      let inner = prune(f.args[0]!);
      // A literal becoming a trait object takes its default type (`Box::new(5)` as `Box<dyn Display>` is an i32).
      if (trait && inner.k === 'var' && inner.lit) inner = (unify(inner, con(inner.lit === 'int' ? 'i32' : 'f64')), prune(inner));
      if (trait && !dynTrait(inner) && !(inner.k === 'var')) {
        const std = stdDynTrait(this.prog, trait, (t) => this.displayable(t), (t) => this.debuggable(t));
        if (std ? !std(inner) : !implementsTrait(this.prog, inner, trait)) this.err(e.pos, `the trait bound \`${show(inner)}: ${trait}\` is not satisfied (required for the cast to \`dyn ${trait}\`)`, 'E0277');
        (e as Notes).unsizeTo = x;
        return;
      }
    }
    if (f.k === 'con' && x.k === 'con' && f.c === 'ref' && x.c === 'ref') {
      if (x.mutable && !f.mutable) this.mismatch(e.pos, x, f, 'types differ in mutability');
      let inner = prune(f.args[0]!);
      const want = prune(x.args[0]!);
      let derefs = 0;
      for (;;) {
        if (this.tryUnify(want, inner)) {
          if (derefs) (e as Notes).coerce = derefs;
          return;
        }
        if (inner.k === 'con' && inner.c === 'String' && want.k === 'con' && want.c === 'str') return;
        const elem = unsizes(want, inner);
        if (elem && this.tryUnify((want as { args: TypeVar[] }).args[0]!, elem)) return;
        // Deref coercion through Box, Rc and references (`&&str` → `&str`).
        if (inner.k === 'con' && (inner.c === 'Box' || inner.c === 'Rc' || inner.c === 'ref')) {
          inner = prune(inner.args[0]!);
          derefs++;
          continue;
        }
        if (!derefs && userDeref(this.prog, inner)) return this.coerce(e, this.viaDeref(e, inner), x, what);
        this.mismatch(e.pos, x, f, what);
      }
    }
    try {
      unify(x, f);
    } catch (err) {
      if (err instanceof UnifyError) this.mismatch(e.pos, x, f, what);
      throw err;
    }
  }

  tryUnify(a: TypeVar, b: TypeVar): boolean {
    // Unify only if it cannot fail half-way: check on copies first by a dry structural test.
    if (!compatible(a, b)) return false;
    unify(a, b);
    return true;
  }

  // ---------------------------------------------------------------- names

  private lookup(name: string, pos: Pos = { line: 0, col: 0 }): Binding | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const b = this.scopes[i]!.get(name);
      if (b) return captured(this, b, i, pos);
    }
    return undefined;
  }

  /** Argument i is a closure called with `params` (or a variable holding one): its return type. */
  closureArg(e: Expr & { args: Expr[] }, i: number, params: TypeVar[], ret: TypeVar = this.v(), kind: 'Fn' | 'FnMut' | 'FnOnce' = 'FnMut'): TypeVar {
    const a = e.args[i]!;
    const want = con(`impl ${kind}`, ret, ...params);
    this.coerce(a, this.exprExpecting(a, want), want);
    return ret;
  }

  /** A declared field's type; one of a kind inference lacks is "not supported yet" where it is used. */
  private fieldTy(ty: Ty, pos: Pos): TypeVar {
    try {
      return fromTy(ty);
    } catch (e) {
      if (e instanceof UnifyError) throw new RustSubsetError(`the type ${ty.kind === 'std' ? ty.name : ty.kind} is not supported yet`, pos.line, pos.col, 'type');
      throw e;
    }
  }

  isCopy(t: TypeVar): boolean {
    return isCopyTy(t, this.prog);
  }

  /** An expression written where `expected` is wanted: a closure there takes its parameter types from it. */
  exprExpecting(e: Expr, expected: TypeVar): TypeVar {
    fnAsClosure(this.prog, e, (name) => !!this.lookup(name));
    const sig = expectedSig(expected);
    if (sig && e.k === 'closure') return (e.ty = inferClosure(this, e, sig));
    if (sig && e.k === 'call' && e.callee.k === 'path' && e.callee.segs.join('::') === 'Box::new' && e.args[0]?.k === 'closure') {
      const c = e.args[0];
      c.ty = inferClosure(this, c, sig);
    }
    return this.expecting(e, expected);
  }

  /** Bindings of the function being inferred, checked for fully known types at its end. */
  private declared: Binding[] = [];

  private declare(name: string, ty: TypeVar, mutable: boolean, pos: Pos): Binding {
    const b: Binding = { name, ty, mutable, slot: this.slots++, pos, uses: [] };
    this.declared.push(b);
    this.scopes[this.scopes.length - 1]!.set(name, b);
    return b;
  }

  /**
   * Binds a pattern's names against a value of type `ty`. `viaRef` is the default binding mode
   * after matching through references: `true` (ref) through a `&`, `'mut'` (ref mut) through
   * `&mut` only, as rustc's match ergonomics set it.
   */
  bindPat(p: Pat, ty: TypeVar, viaRef: boolean | 'mut'): void {
    const t = prune(ty);
    switch (p.k) {
      case 'wild':
      case 'rest':
        return;
      case 'slice':
        return inferSlicePat(this, p, ty, viaRef, throughRef);
      case 'bind': {
        // `ref mut x` binds `&mut T` (the binding itself is not mutable); through `&mut`, `x` binds `&mut T`.
        const mutRef = p.byRef ? p.mutable : viaRef === 'mut';
        const bt = viaRef || p.byRef ? (isRefTy(t) && !p.byRef ? t : refTo(t, mutRef)) : t;
        p.binding = this.declare(p.name, bt, p.mutable && !p.byRef, p.pos);
        if (p.sub) this.bindPat(p.sub, ty, viaRef);
        return;
      }
      case 'lit': {
        const lt = this.expr(p.value);
        // A string literal pattern has type `&str`: it matches a `&str` (through any further references).
        let target = derefTy(t);
        if (p.value.k === 'str') {
          target = t;
          while (isRefTy(target) && isRefTy((prune(target) as { args: TypeVar[] }).args[0]!)) target = prune((prune(target) as { args: TypeVar[] }).args[0]!);
        }
        this.unifyAt(p.pos, target, lt);
        return;
      }
      case 'range': {
        this.unifyAt(p.pos, derefTy(t), this.expr(p.from));
        this.unifyAt(p.pos, derefTy(t), this.expr(p.to));
        return;
      }
      case 'ref': {
        if (!isRefTy(t)) this.mismatch(p.pos, t, refTo(this.v(), false));
        this.bindPat(p.pat, (t as { args: TypeVar[] }).args[0]!, false);
        return;
      }
      case 'or': {
        // All alternatives must bind the same names; the subset allows or-patterns without bindings.
        for (const alt of p.alts) {
          if (patBinds(alt)) throw new RustSubsetError('bindings inside | patterns are not supported yet', alt.pos.line, alt.pos.col, 'or_pattern');
          this.bindPat(alt, ty, viaRef);
        }
        return;
      }
      case 'tuple': {
        let inner = t;
        let ref = viaRef;
        if (isRefTy(inner)) {
          ref = throughRef(viaRef, inner);
          inner = prune((inner as { args: TypeVar[] }).args[0]!);
        }
        if (p.items.some(isRest)) {
          if (inner.k !== 'con' || inner.c !== 'tuple') throw new RustSubsetError('`..` in a tuple pattern whose type is not known yet is not supported', p.pos.line, p.pos.col, 'remaining_field_pattern');
          p.items = expandRest(p.items, inner.args.length);
        }
        const items = p.items.map(() => this.v());
        this.unifyAt(p.pos, inner, con('tuple', ...items));
        p.items.forEach((q, i) => this.bindPat(q, items[i]!, ref));
        return;
      }
      case 'variant': {
        let inner = t;
        let ref = viaRef;
        if (isRefTy(inner)) {
          ref = throughRef(viaRef, inner);
          inner = prune((inner as { args: TypeVar[] }).args[0]!);
        }
        const v = this.variant(p.segs, p.pos);
        this.unifyAt(p.pos, inner, v.ty);
        if (p.unit) {
          if (v.fields.length && v.kind !== 'struct') this.err(p.pos, `expected unit struct, unit variant or constant, found tuple variant \`${p.segs.join('::')}\``, 'E0532');
          return;
        }
        if (p.named) {
          for (const f of p.named) {
            const i = v.names.indexOf(f.name);
            if (i < 0) this.err(f.pat.pos, `variant \`${p.segs.join('::')}\` does not have a field named \`${f.name}\``, 'E0026');
            this.bindPat(f.pat, v.fields[i]!, ref);
          }
          return;
        }
        p.items = expandRest(p.items, v.fields.length);
        if (p.items.length !== v.fields.length) this.err(p.pos, `this pattern has ${p.items.length} field${p.items.length === 1 ? '' : 's'}, but the corresponding tuple variant has ${v.fields.length} field${v.fields.length === 1 ? '' : 's'}`, 'E0023');
        p.items.forEach((q, i) => this.bindPat(q, v.fields[i]!, ref));
        return;
      }
    }
  }

  /** A variant or struct named by a path: its type and its fields' types. */
  variant(segs: string[], pos: Pos): { ty: TypeVar; fields: TypeVar[]; names: string[]; kind: 'enum' | 'struct' | 'option' } {
    const last = segs[segs.length - 1]!;
    if (segs.length === 1 && (last === 'Some' || last === 'None')) {
      const inner = this.v();
      return { ty: con('Option', inner), fields: last === 'Some' ? [inner] : [], names: last === 'Some' ? ['0'] : [], kind: 'option' };
    }
    if (segs.length === 2 && segs[0] === 'Option' && (last === 'Some' || last === 'None')) return this.variant([last], pos);
    if (segs.length === 1 && (last === 'Ok' || last === 'Err')) {
      const ok = this.v();
      const err = this.v();
      return { ty: con('Result', ok, err), fields: [last === 'Ok' ? ok : err], names: ['0'], kind: 'option' };
    }
    if (segs.length === 2 && segs[0] === 'Result' && (last === 'Ok' || last === 'Err')) return this.variant([last], pos);
    if (segs.length === 1 && this.prog.structs.has(last)) {
      const s = this.prog.structs.get(last)!;
      const ty = freshAdt(s, () => this.v());
      return { ty, fields: s.fields.map((f) => fieldTy(this.prog, ty, f.ty)), names: s.fields.map((f) => f.name), kind: 'struct' };
    }
    if (segs.length === 2 && this.prog.enums.has(segs[0]!)) {
      const e = this.prog.enums.get(segs[0]!)!;
      const v = e.variants.find((x) => x.name === last);
      if (!v) this.err(pos, `no variant named \`${last}\` found for enum \`${segs[0]}\``, 'E0599');
      const ty = freshAdt(e, () => this.v());
      return { ty, fields: v.fields.map((f) => fieldTy(this.prog, ty, f.ty)), names: v.fields.map((f) => f.name), kind: 'enum' };
    }
    this.notInSubset(segs[0]!, pos);
    if (segs.length === 1) this.err(pos, `cannot find \`${last}\` in this scope`, 'E0425');
    this.err(pos, `failed to resolve: \`${segs.slice(0, -1).join('::')}\` is not a known enum or type`, 'E0433');
  }

  // ---------------------------------------------------------------- statements and blocks

  private block(b: Expr & { k: 'block' }, scoped = true): TypeVar {
    if (scoped) this.scopes.push(new Map());
    let diverges = false;
    for (const s of b.stmts) {
      const t = this.stmt(s);
      if (t && isNever(t)) diverges = true;
    }
    const t = b.tail ? this.expr(b.tail) : diverges ? NEVER : UNIT;
    if (scoped) this.scopes.pop();
    b.ty = t;
    return t;
  }

  private stmt(s: Stmt): TypeVar | undefined {
    if (s.k === 'let') {
      let t: TypeVar;
      if (s.ty) {
        t = this.written(s.ty, s.tyPos!);
        if (s.value) {
          this.hint = t;
          this.coerce(s.value, this.exprExpecting(s.value, t), t);
        }
      } else t = s.value ? this.expr(s.value) : this.v();
      if (!s.value && s.pat.k !== 'bind') throw new RustSubsetError('a let without a value must bind a plain name', s.pos.line, s.pos.col, 'let_declaration');
      // let-else: the else block sees none of the pattern's bindings and must not finish.
      if (s.else && !isNever(this.expr(s.else))) this.err(s.else.pos, '`else` clause of `let...else` does not diverge (it must return, break, continue or panic)', 'E0308');
      this.bindPat(s.pat, t, false);
      return undefined;
    }
    const t = this.expr(s.e);
    if (!s.semi && !isNever(t)) {
      // A block-like expression statement (if/match/loop without `;`) must be unit.
      const p = prune(t);
      if (!(p.k === 'con' && (p.c === 'unit' || p.c === 'never'))) this.unifyAt(s.e.pos, UNIT, t);
    }
    return t;
  }

  // ---------------------------------------------------------------- expressions

  expr(e: Expr): TypeVar {
    if (this.reused.has(e)) return e.ty!;
    const hint = this.hint;
    this.hint = undefined;
    const t = this.exprInner(e, hint);
    e.ty = t;
    return t;
  }

  /** Expressions a rewrite moved under a new node (check/deref.ts): already inferred. */
  private readonly reused = new WeakSet<Expr>();

  /** `e` (of type `t`, a program's type with its own Deref) becomes `e.deref()`: its type. */
  private viaDeref(e: Expr, t: TypeVar): TypeVar {
    this.moved(e, wrapInDeref(this.prog, e, t));
    return this.expr(e);
  }

  /** `e`'s inferred content now lives in `inner` (a rewrite put a node in its place): inferred, and the owner of e's pending instance. */
  private moved(e: Expr, inner: Expr): void {
    this.reused.add(inner);
    for (const p of this.pending) if (p.note === (e as Notes)) p.note = inner as Notes;
  }

  /** Whether `t` is a program's type with its own impl of the std trait `trait`. */
  private userImpl(t: TypeVar, trait: string): boolean {
    const p = prune(t);
    return p.k === 'con' && p.c.startsWith('adt:') && !!this.prog.impls.get(p.c.slice(4))?.has(trait);
  }

  /** An expression at a coercion site that expects `t` (a `vec!` there takes its element type). */
  private expecting(e: Expr, t: TypeVar): TypeVar {
    this.hint = t;
    return this.expr(e);
  }

  /** The type a `let` annotation expects of the value about to be inferred (vec! items coerce to its element). */
  private hint: TypeVar | undefined;

  private exprInner(e: Expr, hint?: TypeVar): TypeVar {
    switch (e.k) {
      case 'int':
        return e.suffix ? con(e.suffix) : this.v('int');
      case 'float':
        return e.suffix ? con(e.suffix) : this.v('float');
      case 'bool':
        return BOOL;
      case 'char':
        return con('char');
      case 'str':
        return STR_REF;
      case 'unit':
        return UNIT;
      case 'closure':
        // Inferred once (an expected signature may have done it already).
        return e.sig ? con(`adt:${e.name}`) : inferClosure(this, e);
      case 'try':
        return inferTry(this, e);
      case 'name': {
        const b = this.lookup(e.name, e.pos);
        if (b) {
          e.binding = b;
          b.uses.push(e.pos);
          return b.ty;
        }
        const constant = this.prog.consts.get(e.name);
        if (constant) {
          (e as Notes).constant = e.name;
          return this.written(constant.ty, e.pos);
        }
        if (e.name === 'None' || this.prog.structs.has(e.name)) {
          const v = this.variant([e.name], e.pos);
          if (v.fields.length) this.err(e.pos, `expected value, found struct \`${e.name}\``, 'E0423');
          return v.ty;
        }
        if (fnAsClosure(this.prog, e, () => false)) return this.exprInner(e);
        if (STD_MACROS.has(e.name)) this.err(e.pos, `expected value, found macro \`${e.name}\``, 'E0423');
        this.err(e.pos, `cannot find value \`${e.name}\` in this scope`, 'E0425');
      }
      // falls through (unreachable)
      case 'path': {
        const [owner, item] = e.segs;
        if (e.segs.length === 2 && (INT_NAMES.has(owner!) || owner === 'f32' || owner === 'f64')) {
          const ok = INT_NAMES.has(owner!) ? ['MAX', 'MIN', 'BITS'].includes(item!) : ['MAX', 'MIN', 'EPSILON', 'INFINITY', 'NEG_INFINITY', 'NAN', 'MIN_POSITIVE'].includes(item!);
          if (!ok) this.err(e.pos, `no associated item named \`${item}\` found for \`${owner}\``, 'E0599');
          return item === 'BITS' ? con('u32') : con(owner!);
        }
        const v = this.variant(e.segs, e.pos);
        if (v.fields.length) throw new RustSubsetError('enum variants as functions are not supported; call them: Variant(..)', e.pos.line, e.pos.col, 'scoped_identifier');
        return v.ty;
      }
      case 'tuple': {
        const items = e.items.map((i) => this.expr(i));
        return items.length ? con('tuple', ...items) : UNIT;
      }
      case 'binary':
        return this.binary(e);
      case 'unary': {
        const t = this.expr(e.e);
        if (e.op === '*') {
          const p = prune(t);
          if (p.k === 'con' && (p.c === 'ref' || p.c === 'Box' || p.c === 'Rc' || isGuard(p))) return p.args[0]!;
          if (userDeref(this.prog, p)) return (prune(this.viaDeref(e.e, p)) as { args: TypeVar[] }).args[0]!;
          this.err(e.pos, `type \`${show(t)}\` cannot be dereferenced`, 'E0614');
        }
        if (e.op === '-') {
          const p = prune(t);
          if (!isInt(p) && !isFloat(p)) this.err(e.pos, `cannot apply unary operator \`-\` to type \`${show(t)}\``, 'E0600');
          if (p.k === 'con' && p.c.startsWith('u')) this.err(e.pos, `cannot apply unary operator \`-\` to type \`${p.c}\``, 'E0600');
          return t;
        }
        const p = prune(t);
        if (!isInt(p) && !(p.k === 'con' && p.c === 'bool')) this.err(e.pos, `cannot apply unary operator \`!\` to type \`${show(t)}\``, 'E0600');
        return t;
      }
      case 'ref':
        return refTo(this.expr(e.e), e.mutable);
      case 'assign': {
        const lt = this.expr(e.l);
        const rt = this.expr(e.r);
        if (e.op === '=') this.coerce(e.r, rt, lt);
        else this.arith(e.pos, e.op, lt, rt);
        return UNIT;
      }
      case 'call':
        resolveTraitCall(this.prog, e, hint);
        return this.call(e);
      case 'method':
        resolveTryInto(this.prog, e, hint);
        return (e as Expr).k === 'call' ? this.call(e as unknown as Expr & { k: 'call' }) : this.method(e);
      case 'field': {
        const t = autoDeref(this.expr(e.e));
        if (t.k === 'con' && t.c === 'tuple' && /^\d+$/.test(e.name)) {
          const item = t.args[Number(e.name)];
          if (!item) this.err(e.pos, `no field \`${e.name}\` on type \`${show(t)}\``, 'E0609');
          return item;
        }
        if (t.k !== 'con' || !t.c.startsWith('adt:') || !this.prog.structs.has(t.c.slice(4))) {
          if (t.k === 'var') this.err(e.pos, 'type annotations needed', 'E0282');
          this.err(e.pos, `no field \`${e.name}\` on type \`${show(t)}\``, 'E0609');
        }
        const s = this.prog.structs.get(t.c.slice(4))!;
        const f = s.fields.find((x) => x.name === e.name);
        if (!f) this.err(e.pos, `no field \`${e.name}\` on type \`${s.name}\``, 'E0609');
        return fieldTy(this.prog, t, f.ty);
      }
      case 'index': {
        const t = autoDeref(this.expr(e.e));
        if (t.k === 'con' && (t.c === 'String' || t.c === 'str') && e.index.k === 'range') {
          // `s[a..b]`, `s[..b]`, `s[a..]`, `s[..]`: a str (borrowed with &).
          const r = e.index;
          for (const bound of [r.from, r.to]) if (bound) this.unifyAt(bound.pos, USIZE, this.expr(bound));
          r.ty = con('Range', USIZE);
          return con('str');
        }
        const seq = indexType(this.seqTyping, e, t);
        if (seq) return seq;
        if (t.k === 'var') this.err(e.pos, 'type annotations needed', 'E0282');
        this.err(e.pos, `cannot index into a value of type \`${show(t)}\``, 'E0608');
      }
      // falls through (unreachable)
      case 'struct': {
        const v = this.variant(e.segs, e.pos);
        if (v.kind === 'option') this.err(e.pos, 'expected struct, found enum variant', 'E0574');
        const seen = new Set<string>();
        for (const f of e.fields) {
          const i = v.names.indexOf(f.name);
          if (i < 0) this.err(f.pos, `struct \`${e.segs.join('::')}\` has no field named \`${f.name}\``, 'E0560');
          seen.add(f.name);
          this.coerce(f.value, this.expecting(f.value, v.fields[i]!), v.fields[i]!);
        }
        if (e.base) this.unifyAt(e.base.pos, v.ty, this.expr(e.base));
        const missing = v.names.filter((n) => !seen.has(n));
        if (missing.length && !e.base) this.err(e.pos, `missing field${missing.length > 1 ? 's' : ''} ${missing.map((n) => `\`${n}\``).join(', ')} in initializer of \`${e.segs.join('::')}\``, 'E0063');
        return v.ty;
      }
      case 'block':
        return this.block(e);
      case 'if': {
        this.unifyAt(e.cond.pos, BOOL, this.expr(e.cond));
        const a = this.expr(e.then);
        if (!e.else) {
          if (!isNever(a) && !compatible(UNIT, a)) this.err(e.pos, `\`if\` may be missing an \`else\` clause: expected \`()\`, found \`${show(a)}\``, 'E0317');
          if (!isNever(a)) unify(UNIT, a);
          return UNIT;
        }
        const b = this.expr(e.else);
        return this.join(e.else.pos, a, b, '`if` and `else` have incompatible types');
      }
      case 'iflet': {
        const vt = this.expr(e.value);
        this.scopes.push(new Map());
        this.bindPat(e.pat, vt, false);
        const a = this.expr(e.then);
        this.scopes.pop();
        if (!e.else) return UNIT;
        const b = this.expr(e.else);
        return this.join(e.else.pos, a, b, '`if` and `else` have incompatible types');
      }
      case 'while': {
        this.unifyAt(e.cond.pos, BOOL, this.expr(e.cond));
        this.loops.push({ label: e.label });
        this.expr(e.body);
        this.loops.pop();
        return UNIT;
      }
      case 'whilelet': {
        const vt = this.expr(e.value);
        this.scopes.push(new Map());
        this.bindPat(e.pat, vt, false);
        this.loops.push({ label: e.label });
        this.expr(e.body);
        this.loops.pop();
        this.scopes.pop();
        return UNIT;
      }
      case 'loop': {
        const ctx: LoopCtx = { label: e.label, ty: undefined };
        this.loops.push(ctx);
        this.expr(e.body);
        this.loops.pop();
        return ctx.ty ?? NEVER;
      }
      case 'for': {
        // `for i in 0..`: a RangeFrom counts up without end (only as a loop's iterator here).
        const open = e.iter.k === 'range' && e.iter.from && !e.iter.to && !e.iter.inclusive;
        const it = open ? this.openRange(e.iter as Expr & { k: 'range' }) : this.expr(e.iter);
        const own = ownIterator(this, e.iter, it);
        if (own) e.iter = own;
        const elem = this.iterElem(e.iter, own?.ty ?? it);
        this.scopes.push(new Map());
        this.bindPat(e.pat, elem, false);
        this.loops.push({ label: e.label });
        this.expr(e.body);
        this.loops.pop();
        this.scopes.pop();
        return UNIT;
      }
      case 'break': {
        const ctx = this.loopFor(e.pos, e.label, 'break');
        if (e.value) {
          if (!('ty' in ctx) || ctx.ty === undefined && !isLoopCtx(ctx)) this.err(e.pos, "`break` with value from a `while` or `for` loop", 'E0571');
          const t = this.expr(e.value);
          if (ctx.ty) this.unifyAt(e.value.pos, ctx.ty, t);
          else ctx.ty = t;
        } else if (isLoopCtx(ctx)) {
          if (ctx.ty) this.unifyAt(e.pos, ctx.ty, UNIT);
          else ctx.ty = UNIT;
        }
        return NEVER;
      }
      case 'continue':
        this.loopFor(e.pos, e.label, 'continue');
        return NEVER;
      case 'return':
        if (e.value) this.coerce(e.value, this.expr(e.value), this.ret);
        else this.unifyAt(e.pos, this.ret, UNIT);
        return NEVER;
      case 'match': {
        const vt = this.expr(e.value);
        let result: TypeVar | undefined;
        for (const arm of e.arms) {
          this.scopes.push(new Map());
          this.bindPat(arm.pat, vt, false);
          if (arm.guard) this.unifyAt(arm.guard.pos, BOOL, this.expr(arm.guard));
          const t = this.expr(arm.body);
          this.scopes.pop();
          result = result ? this.join(arm.body.pos, result, t, '`match` arms have incompatible types') : t;
        }
        const arms = e.arms;
        this.deferred.push(() => {
          const missing = uncovered(this.prog, arms.filter((a) => !a.guard).map((a) => a.pat), vt);
          if (missing) this.err(e.value.pos, `non-exhaustive patterns: ${missing} not covered (add the missing arms or a \`_\` arm)`, 'E0004');
        });
        return result ?? NEVER;
      }
      case 'cast': {
        const from = prune(this.expr(e.e));
        const to = this.written(e.to, e.pos);
        const numeric = (t: TypeVar) => isInt(t) || isFloat(t);
        const toP = prune(to);
        const ok =
          (numeric(from) && numeric(toP)) ||
          (from.k === 'con' && (from.c === 'bool' || from.c === 'char') && isInt(toP)) ||
          (from.k === 'con' && from.c === 'u8' && toP.k === 'con' && toP.c === 'char') ||
          (from.k === 'var' && from.lit === 'int' && toP.k === 'con' && toP.c === 'char') ||
          (isInt(toP) && !!discriminants(this.prog, from));
        // rustc resolves a cast's source type on the spot: one still unknown needs an annotation.
        if (!ok && from.k === 'var' && !from.lit) this.err(e.e.pos, `type annotations needed: the type of \`${show(from)}\` is not known at this cast`, 'E0282');
        if (!ok) this.err(e.pos, `non-primitive cast: \`${show(from)}\` as \`${show(to)}\``, 'E0605');
        if (from.k === 'var' && from.lit === 'int' && toP.k === 'con' && toP.c === 'char') unify(from, con('u8'));
        // rustc types an unsuffixed literal cast to an integer type as that type (`300 as u8` is out of range).
        else if (e.e.k === 'int' && from.k === 'var' && from.lit === 'int' && isInt(toP)) unify(from, toP);
        return to;
      }
      case 'range': {
        if (!e.from) throw new RustSubsetError('ranges without a start are not supported yet', e.pos.line, e.pos.col, 'range_expression');
        if (!e.to) {
          // `a..`: counts up without end.
          const a = this.expr(e.from);
          if (!isInt(a)) this.err(e.pos, `the range start must be an integer, found \`${show(a)}\``, 'E0277');
          return con('iter:RangeFrom', a, a);
        }
        const a = this.expr(e.from);
        this.unifyAt(e.to.pos, a, this.expr(e.to));
        if (!isInt(a)) this.err(e.pos, `the range bounds must be integers, found \`${show(a)}\``, 'E0277');
        return con('Range', a);
      }
      case 'format': {
        e.args.forEach((a, i) => {
          const t = this.expr(a);
          const debug = e.debug[i]!;
          const radix = e.specs[i]!.radix;
          this.deferred.push(() => {
            if (radix) {
              if (!isInt(autoDeref(t))) this.err(a.pos, `the trait bound \`${show(autoDeref(t))}: ${({ x: 'LowerHex', X: 'UpperHex', o: 'Octal', b: 'Binary' } as const)[radix]}\` is not satisfied`, 'E0277');
              return;
            }
            if (debug ? this.debuggable(t) : this.displayable(t)) return;
            const name = show(autoDeref(t));
            this.err(a.pos, debug ? `\`${name}\` doesn't implement \`Debug\` (add #[derive(Debug)] to its declaration)` : `\`${name}\` doesn't implement \`std::fmt::Display\` (print it with {:?})`, 'E0277');
          });
        });
        for (const w of e.widths ?? []) if (w) this.unifyAt(w.pos, USIZE, derefNum(this.expr(w)));
        if (e.target) {
          const f = autoDeref(this.expr(e.target));
          if (!(f.k === 'con' && f.c === 'Formatter')) throw new RustSubsetError(`${e.mac}! to a \`${show(f)}\` is not supported yet (to a Formatter, in a Display or Debug impl, it is)`, e.target.pos.line, e.target.pos.col, 'macro_invocation');
          return FMT_RESULT;
        }
        return e.mac === 'format' ? STRING : e.mac === 'panic' ? NEVER : e.mac === 'message' ? STR_REF : UNIT;
      }
      case 'array':
      case 'arrayrep':
        return arrayType(this.seqTyping, e);
      case 'vec': {
        // The element type a `let` annotation gives (`Vec<Box<dyn T>>`) is where items coerce to.
        const hinted = hint && prune(hint).k === 'con' && (prune(hint) as { c: string }).c === 'Vec' ? (prune(hint) as { args: TypeVar[] }).args[0] : undefined;
        const elem = hinted ?? this.v();
        for (const i of e.items) this.coerce(i, this.expr(i), elem);
        return con('Vec', elem);
      }
      case 'vecrep': {
        const elem = this.expr(e.item);
        this.unifyAt(e.count.pos, USIZE, this.expr(e.count));
        return con('Vec', elem);
      }
      case 'assert':
        this.unifyAt(e.cond.pos, BOOL, this.expr(e.cond));
        if (e.msg) this.expr(e.msg);
        return UNIT;
      case 'dbg': {
        // Each value is formatted with {:#?}: it must be Debug.
        const items = e.items.map((i) => this.expr(i));
        e.items.forEach((a, i) =>
          this.deferred.push(() => {
            if (!this.debuggable(items[i]!)) this.err(a.pos, `\`${show(autoDeref(items[i]!))}\` doesn't implement \`Debug\` (add #[derive(Debug)] to its declaration)`, 'E0277');
          }),
        );
        return items.length === 0 ? UNIT : items.length === 1 ? items[0]! : con('tuple', ...items);
      }
      case 'asserteq': {
        const a = this.expr(e.l);
        const b = this.expr(e.r);
        if (!textEq(a, b)) this.unifyAt(e.r.pos, a, b);
        if (e.msg) this.expr(e.msg);
        return UNIT;
      }
    }
  }

  private openRange(e: Expr & { k: 'range' }): TypeVar {
    const a = this.expr(e.from!);
    if (!isInt(a)) this.err(e.pos, `the range bounds must be integers, found \`${show(a)}\``, 'E0277');
    e.ty = con('Range', a);
    return e.ty;
  }

  private displayable(t: TypeVar): boolean {
    const p = autoDeref(t);
    if (p.k === 'var') return true; // a literal (Display) or unknown (reported as E0282 instead)
    if (p.c.startsWith('adt:')) return !!this.prog.impls.get(p.c.slice(4))?.has('Display');
    if (p.c === 'iter:ToUppercase' || p.c === 'iter:ToLowercase') return true;
    if (p.c === 'dyn:Display' || p.c === 'dyn:Error') return true;
    return INT_NAMES.has(p.c) || ['f32', 'f64', 'bool', 'char', 'str', 'String'].includes(p.c);
  }

  private debuggable(t: TypeVar): boolean {
    const p = autoDeref(t);
    if (p.k === 'var') return true;
    if (p.c.startsWith('adt:')) return this.prog.debugTypes.has(p.c.slice(4)) || !!this.prog.impls.get(p.c.slice(4))?.has('Debug');
    if (p.c === 'unit' || p.c === 'dyn:Debug' || p.c === 'dyn:Error') return true;
    return p.args.every((a) => this.debuggable(a));
  }

  private loopFor(pos: Pos, label: string | undefined, what: string): LoopCtx {
    for (let i = this.loops.length - 1; i >= 0; i--) {
      const l = this.loops[i]!;
      if (!label || l.label === label) return l;
    }
    if (label) this.err(pos, `use of undeclared label \`'${label}\``, 'E0426');
    this.err(pos, `\`${what}\` outside of a loop`, 'E0268');
  }

  private join(pos: Pos, a: TypeVar, b: TypeVar, what: string): TypeVar {
    if (isNever(a)) return b;
    if (isNever(b)) return a;
    try {
      unify(a, b);
    } catch (e) {
      if (e instanceof UnifyError) this.err(pos, `${what}: expected \`${show(a)}\`, found \`${show(b)}\``, 'E0308');
      throw e;
    }
    return a;
  }

  private iterElem(e: Expr, t: TypeVar): TypeVar {
    const map = mapIterElem(t);
    if (map) return map.elem;
    const p = prune(t);
    if (p.k === 'con') {
      if (p.c === 'Range') return p.args[0]!;
      if (p.c === 'Enumerate') return con('tuple', USIZE, this.iterElem(e, p.args[0]!));
      if (p.c === 'Chars') return con('char');
      if (p.c === 'Bytes') return con('u8');
      if (p.c === 'Iter') return refTo(p.args[0]!, false);
      if (p.c === 'Vec' || p.c === 'Array' || p.c === 'VecDeque') return p.args[0]!;
      if (p.c.startsWith('iter:')) return p.args[0]!;
      if (p.c === 'ref') {
        const inner = autoDeref(p);
        if (inner.k === 'con' && ['Vec', 'Array', 'slice', 'VecDeque'].includes(inner.c)) return refTo(inner.args[0]!, !!p.mutable);
      }
    }
    if (p.k === 'var') this.err(e.pos, 'type annotations needed', 'E0282');
    if (this.userImpl(p, 'Iterator')) throw new RustSubsetError('a `for` loop over a program\'s own Iterator is not supported yet (call next() in a while let)', e.pos.line, e.pos.col, 'for_expression');
    this.err(e.pos, `\`${show(t)}\` is not an iterator`, 'E0277');
  }

  private binary(e: Expr & { k: 'binary' }): TypeVar {
    const l = this.expr(e.l);
    const r = this.expr(e.r);
    switch (e.op) {
      case '&&':
      case '||':
        this.unifyAt(e.l.pos, BOOL, l);
        this.unifyAt(e.r.pos, BOOL, r);
        return BOOL;
      case '==':
      case '!=':
      case '<':
      case '<=':
      case '>':
      case '>=': {
        // String == &str and &str == String compare by text, as std's PartialEq impls allow.
        const lp = prune(l);
        const rp = prune(r);
        if ((e.op === '==' || e.op === '!=') && textEq(lp, rp)) return BOOL;
        if (isTextTy(lp) && isTextTy(rp) && e.op !== '==' && e.op !== '!=') return BOOL;
        this.deferred.push(() => {
          const t = autoDeref(l);
          if (t.k !== 'con' || !t.c.startsWith('adt:')) return;
          const name = t.c.slice(4);
          const eq = e.op === '==' || e.op === '!=';
          if (eq && this.prog.impls.get(name)?.has('PartialEq')) throw new RustSubsetError('`==` through a program\'s own PartialEq impl is not supported yet', e.pos.line, e.pos.col, 'binary_expression');
          if (!(eq ? this.prog.eqTypes : this.prog.ordTypes).has(name)) {
            this.err(e.pos, `binary operation \`${e.op}\` cannot be applied to type \`${name}\` (add #[derive(${eq ? 'PartialEq' : 'PartialEq, PartialOrd'})])`, 'E0369');
          }
        });
        try {
          unify(l, r);
        } catch (err) {
          if (err instanceof UnifyError) this.mismatch(e.r.pos, l, r);
          throw err;
        }
        return BOOL;
      }
      default:
        return this.arith(e.pos, e.op, l, r, e.r.pos);
    }
  }

  private arith(pos: Pos, op: string, l: TypeVar, r: TypeVar, rightPos: Pos = pos): TypeVar {
    if (op === '+' && isStringTy(l)) {
      this.coerceTo(pos, r, STR_REF);
      return STRING;
    }
    // std implements arithmetic on references to numbers too (`&i32 + i32`).
    l = derefNum(l);
    r = derefNum(r);
    const lp = prune(l);
    if (op === '<<' || op === '>>') {
      if (!isInt(lp) || !isInt(r)) this.err(pos, `no implementation for \`${show(l)} ${op} ${show(r)}\``, 'E0369');
      return l;
    }
    const numeric = isInt(lp) || isFloat(lp) || lp.k === 'var';
    const bitwise = op === '&' || op === '|' || op === '^';
    if (bitwise && lp.k === 'con' && lp.c === 'bool') {
      this.unifyAt(pos, l, r);
      return BOOL;
    }
    if (!numeric) this.err(pos, `cannot apply \`${op}\` to type \`${show(l)}\``, 'E0369');
    try {
      unify(l, r);
    } catch (err) {
      if (err instanceof UnifyError) this.err(rightPos, `mismatched types: expected \`${show(l)}\`, found \`${show(r)}\` (no implementation for \`${show(l)} ${op} ${show(r)}\`)`, 'E0308');
      throw err;
    }
    return l;
  }

  private coerceTo(pos: Pos, found: TypeVar, expected: TypeVar): void {
    const f = prune(found);
    if (f.k === 'con' && f.c === 'ref' && isTextTy(prune(f.args[0]!))) return;
    this.unifyAt(pos, expected, found);
  }

  argCount(e: Expr & { args: Expr[] }, want: number, what: string): void {
    if (e.args.length !== want) {
      this.err(e.pos, `this ${what} takes ${want} argument${want === 1 ? '' : 's'} but ${e.args.length} argument${e.args.length === 1 ? ' was' : 's were'} supplied`, 'E0061');
    }
  }

  private call(e: Expr & { k: 'call' }): TypeVar {
    const c = e.callee;
    const segs = c.k === 'name' ? [c.name] : c.k === 'path' ? c.segs : [];
    const name = segs.join('::');
    const args = () => e.args.map((a) => this.expr(a));
    if (segs.length === 1 && this.lookup(segs[0]!)) {
      // Calling a closure (or an `impl Fn` / `Box<dyn Fn>` / a reference to one).
      const ft = this.expr(c);
      const sig = calleeSig(this, ft);
      if (!sig) this.err(c.pos, `expected function, found \`${show(ft)}\``, 'E0618');
      this.argCount(e, sig.params.length, 'closure');
      e.args.forEach((a, i) => this.coerce(a, this.exprExpecting(a, sig.params[i]!), sig.params[i]!));
      return sig.ret;
    }
    if (this.prog.fns.has(name)) {
      const fn = this.prog.fns.get(name)!;
      const sig = fn.generics ? this.generic(e, 'instance', fn, e.targs) : this.fnTypes.get(name)!;
      this.argCount(e, sig.params.length, 'function');
      e.args.forEach((a, i) => this.coerce(a, this.exprExpecting(a, sig.params[i]!), sig.params[i]!, 'mismatched types'));
      return sig.ret;
    }
    const std = stdFn(name, this.prog.stdNames);
    if (std) {
      const typing: FnTyping = {
        e,
        argCount: (n) => this.argCount(e, n, 'function'),
        args,
        fresh: () => this.v(),
        textArg: (i) => this.coerceTo(e.args[i]!.pos, this.expr(e.args[i]!), STR_REF),
        unifyAt: (i, expected, found) => this.unifyAt(e.args[i]!.pos, expected, found),
        mismatch: (i, expected, found) =>
          typeof expected === 'string'
            ? this.err(e.args[i]!.pos, `mismatched types: expected \`${expected}\`, found \`${show(found)}\``, 'E0308')
            : this.mismatch(e.args[i]!.pos, expected, found),
        typeArg: (i) => (e.targs?.fn?.[i] ? this.written(e.targs.fn[i]!, e.pos) : undefined),
      };
      return std.type(typing);
    }
    if (segs.length >= 1) {
      const last = segs[segs.length - 1]!;
      const isVariant = (segs.length === 1 && (last === 'Some' || last === 'Ok' || last === 'Err' || this.prog.structs.has(last))) || (segs.length === 2 && (this.prog.enums.has(segs[0]!) || segs[0] === 'Option' || segs[0] === 'Result'));
      if (isVariant) {
        const v = this.variant(segs, e.pos);
        if (v.kind === 'struct' && v.names[0] !== '0') this.err(e.pos, `expected function, found struct \`${last}\``, 'E0423');
        this.argCount(e, v.fields.length, 'enum variant');
        e.args.forEach((a, i) => this.coerce(a, this.expr(a), v.fields[i]!));
        return v.ty;
      }
    }
    if (segs.length === 2 && segs[1] === 'default' && derivedDefault(this.prog, segs[0]!) && this.prog.structs.has(segs[0]!)) {
      this.argCount(e, 0, 'function');
      return freshAdt(this.prog.structs.get(segs[0]!)!, () => this.v());
    }
    this.notInSubset(segs[0]!, c.pos, segs.length > 1 ? segs.slice(1).join('::') : undefined);
    if (segs.length === 1) this.err(c.pos, `cannot find function \`${name}\` in this scope`, 'E0425');
    if (['String', 'Vec', 'Box', 'Rc', 'Option'].includes(segs[0]!)) {
      throw new RustSubsetError(`\`${name}\` is not supported yet`, e.pos.line, e.pos.col, 'call_expression');
    }
    // rustc names a lower-case head a module (`mem::swap` without `use std::mem;`).
    const what = /^[a-z]/.test(segs[0]!) ? 'module or crate' : 'type';
    this.err(c.pos, `cannot find ${what} \`${segs[0]}\` in this scope`, 'E0433'); // rustc 1.95's words
  }

  /** `a.eq(&b)`, `a.cmp(&b)`, `a.max(b)`, … on any comparable type (std/compare.ts); undefined for other methods. */
  private compareMethod(e: Expr & { k: 'method' }, recv: TypeVar): TypeVar | undefined {
    if (!COMPARE_METHODS.has(e.name)) return undefined;
    const self = derefTy(recv);
    if (self.k === 'var' && !self.lit) return undefined;
    if (self.k === 'con' && self.c.startsWith('adt:') && this.prog.fns.has(`${self.c.slice(4)}::${e.name}`)) return undefined;
    if ((e.name === 'max' || e.name === 'min') && numericSelf(self)) return undefined;
    // An iterator's own `max()` / `min()` / `eq(..)` (std/iterators.ts).
    if (self.k === 'con' && (recvOf(self.c) === 'Iterator' || ['Iter', 'Chars', 'Bytes'].includes(self.c))) return undefined;
    const t = compareMethodType({
      name: e.name,
      self,
      argCount: (n) => this.argCount(e, n, 'method'),
      arg: (i) => this.expr(e.args[i]!),
      unify: (i, expected, found) => this.unifyAt(e.args[i]!.pos, expected, found),
      require: (trait, ty) =>
        this.deferred.push(() => {
          const p = autoDeref(ty);
          if (p.k === 'con' && p.c.startsWith('adt:') && !derived(this.prog, trait).has(p.c.slice(4))) {
            this.err(e.namePos, `the method \`${e.name}\` exists for \`${p.c.slice(4)}\`, but its trait bounds were not satisfied (add #[derive(${trait === 'PartialEq' ? 'PartialEq' : trait === 'PartialOrd' ? 'PartialEq, PartialOrd' : 'PartialEq, Eq, PartialOrd, Ord'})])`, 'E0599');
          }
        }),
    });
    (e as Notes).compare = true;
    return t;
  }

  /** A call of the method `fnName` of an impl block of the program, on a receiver of type `t`. */
  private userMethod(e: Expr & { k: 'method' }, t: TypeVar, fnName: string): TypeVar {
    const fn = this.prog.fns.get(fnName)!;
    const sig = fn.generics ? this.generic(e, 'userMethod', fn, e.targs) : this.fnTypes.get(fnName)!;
    // The receiver fixes the impl's type parameters (`Point<i32, f64>` for `impl<X, Y> Point<X, Y>`).
    const selfTy = prune(sig.params[0]!);
    this.unifyAt(e.recv.pos, selfTy.k === 'con' && selfTy.c === 'ref' ? selfTy.args[0]! : selfTy, t);
    this.argCount(e, sig.params.length - 1, 'method');
    e.args.forEach((a, i) => this.coerce(a, this.expecting(a, sig.params[i + 1]!), sig.params[i + 1]!));
    if (!fn.generics) (e as Notes).userMethod = fnName;
    return sig.ret;
  }

  private method(e: Expr & { k: 'method' }): TypeVar {
    const recv = this.expr(e.recv);
    const compared = this.compareMethod(e, recv);
    if (compared) return compared;
    if (e.name === 'into' && !(autoDeref(recv).k === 'con' && this.prog.fns.has(`${conName(autoDeref(recv)).slice(4)}::into`))) {
      this.argCount(e, 0, 'method');
      return inferInto(this, e, recv, (name) => this.fnTypes.get(name));
    }
    let t = prune(recv);
    const args = () => e.args.map((a) => this.expr(a));
    const noArgs = (ret: TypeVar) => {
      this.argCount(e, 0, 'method');
      return ret;
    };
    const oneArg = (param: TypeVar, ret: TypeVar) => {
      this.argCount(e, 1, 'method');
      this.coerce(e.args[0]!, this.exprExpecting(e.args[0]!, param), param);
      return ret;
    };
    // `clone` on a reference-free Box/Rc clones the pointer; elsewhere methods look through pointers.
    for (let hops = 0; hops < 8; hops++) {
      if (t.k === 'var' && t.lit) break;
      if (t.k === 'var') this.err(e.pos, `type annotations needed (the type of the receiver of \`${e.name}\` must be known here)`, 'E0282');
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
      if (userDeref(this.prog, t)) {
        const recv = e.recv;
        this.moved(recv, wrapInDeref(this.prog, recv, t));
        return this.method(e);
      }
      if (c0.startsWith('adt:') && this.prog.impls.get(c0.slice(4))?.has('Iterator')) {
        throw new RustSubsetError(`Iterator's provided methods (\`${e.name}\`) on a program's own iterator are not supported yet`, e.namePos.line, e.namePos.col, 'call_expression');
      }
      if (!c0.startsWith('adt:') && (UNSUPPORTED_METHODS.has(e.name) || PARTLY_MODELLED.has(c0))) {
        throw new RustSubsetError(`the method \`${e.name}\` is not supported yet`, e.namePos.line, e.namePos.col, 'call_expression');
      }
      return this.err(e.namePos, `no method named \`${e.name}\` found for ${describeTy(t)} in the current scope`, 'E0599');
    };
    if (t.k === 'con' && t.c === 'Formatter' && e.name === 'write_str') {
      this.argCount(e, 1, 'method');
      this.coerceTo(e.args[0]!.pos, this.expr(e.args[0]!), STR_REF);
      return FMT_RESULT;
    }
    if (t.k === 'var') {
      if (t.lit === 'int') unify(t, con('i32'));
      else if (t.lit === 'float') unify(t, con('f64'));
      t = prune(t);
      if (t.k === 'var') return unknown();
    }
    // A program's own Iterator given to std's by-value iterator methods (check/own-iter.ts).
    const own = prune(e.recv.ty!) === t && !this.prog.fns.has(`${t.c.slice(4)}::${e.name}`) && stdMethod('Iterator', e.name)?.ownRecv ? ownIterator(this, e.recv, t) : undefined;
    if (own) (e as { recv: Expr }).recv = own;
    if (own) t = prune(own.ty!) as typeof t;
    const c = t.c;
    if (c === 'never') this.err(e.recv.pos, 'type annotations needed (the receiver is a binding whose value diverges)', 'E0282');
    const trait = dynTrait(t);
    if (trait) {
      if (STD_DYN.has(trait)) throw new RustSubsetError(`calling \`${e.name}\` on a \`dyn ${trait}\` is not supported yet (formatting it is)`, e.namePos.line, e.namePos.col, 'call_expression');
      const fn = traitMethod(this.prog, trait, e.name);
      if (!fn || fn.params[0]?.pat.k !== 'bind' || (fn.params[0].pat as { name: string }).name !== 'self') return unknown();
      if (fn.params[0].ty.kind !== 'ref') throw new RustSubsetError(`calling \`${e.name}\` (it takes self by value) on a \`dyn ${trait}\` is not supported yet`, e.namePos.line, e.namePos.col, 'call_expression');
      const sig = this.fnTypes.get(fn.name)!;
      this.argCount(e, sig.params.length - 1, 'method');
      e.args.forEach((a, i) => this.coerce(a, this.expecting(a, sig.params[i + 1]!), sig.params[i + 1]!));
      (e as Notes).dynMethod = e.name;
      return sig.ret;
    }
    // `Ordering` is std's unless the program declares its own.
    const kind = c === 'adt:Ordering' && this.prog.enums.get('Ordering') !== ORDERING ? undefined : recvOf(c);
    // A program's trait implemented for this std type (syntax/std-impls.ts); std's inherent methods come first, as in rustc.
    if (this.prog.impls.has(c) && isSelfMethod(this.prog.fns.get(`${c}::${e.name}`)) && !stdMethod(kind, e.name)) return this.userMethod(e, t, `${c}::${e.name}`);
    if (kind) {
      const std = stdMethod(kind, e.name);
      if (std) {
        const typing: MethodTyping = {
          e,
          recv: t,
          argCount: (n) => this.argCount(e, n, 'method'),
          noArgs,
          oneArg,
          textArg: (ret) => {
            this.argCount(e, 1, 'method');
            this.coerceTo(e.args[0]!.pos, args()[0]!, STR_REF);
            return ret;
          },
          unifyArg: (i, expected) => this.unifyAt(e.args[i]!.pos, expected, this.expr(e.args[i]!)),
          coerceArg: (i, expected) => this.coerce(e.args[i]!, this.exprExpecting(e.args[i]!, expected), expected),
          closureArg: (i, params, ret, kind) => this.closureArg(e, i, params, ret, kind),
          fresh: () => this.v(),
          settle: (check) => this.settles.push(check),
          turbofish: () => (e.targs ?? []).map((ty) => this.written(ty, e.namePos)),
        };
        return std.type(typing);
      }
      if (kind === 'Chars' || kind === 'Bytes' || kind === 'Iter') {
        throw new RustSubsetError(`iterator adapters (.${e.name}()) are not supported yet; use a for loop`, e.namePos.line, e.namePos.col, 'call_expression');
      }
      return unknown();
    }
    if (c.startsWith('adt:')) {
      if (e.name === 'drop' && this.prog.dropTypes.has(c.slice(4))) this.err(e.namePos, 'explicit use of destructor method (use drop(x) instead)', 'E0040');
      const fnName = `${c.slice(4)}::${e.name}`;
      const fn = this.prog.fns.get(fnName);
      const first = fn?.params[0]?.pat;
      if (fn && first?.k === 'bind' && first.name === 'self') return this.userMethod(e, t, fnName);
      if (fn) this.err(e.namePos, `no method named \`${e.name}\` found for \`${c.slice(4)}\`; \`${fnName}\` is an associated function, call it as ${fnName}(…)`, 'E0599');
      if (e.name === 'to_string' && this.displayable(t)) {
        (e as Notes).viaDisplay = true;
        return noArgs(STRING);
      }
      if (e.name === 'clone') {
        if (!this.prog.cloneTypes.has(c.slice(4))) this.err(e.namePos, `no method named \`clone\` found for \`${c.slice(4)}\` (add #[derive(Clone)] to its declaration)`, 'E0599');
        return noArgs(t);
      }
    }
    return unknown();
  }
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

/** fmt::Result: what write! and a Display impl's fmt give. */
const FMT_RESULT = con('Result', UNIT, con('FmtError'));

/** Names of std's macros: used as values they are rustc's E0423, not an unknown name. */
const STD_MACROS = new Set(
  'line column file module_path vec format print println eprint eprintln panic assert assert_eq assert_ne debug_assert todo unimplemented unreachable concat stringify env option_env include include_str include_bytes dbg write writeln matches cfg compile_error format_args'.split(' '),
);

function isLoopCtx(ctx: LoopCtx): boolean {
  return 'ty' in ctx;
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

