/**
 * Type inference for one program: resolves every name to its binding (with shadowing and
 * scopes), gives every expression a type, checks calls against signatures and methods against
 * what std offers, and defaults integer/float literals as rustc does (i32, f64).
 *
 * The walk over statements and expressions, the scopes and the instances of generic fns live
 * here; the rules it applies have modules of their own: patterns.ts, operators.ts, calls.ts
 * (functions and methods), coerce.ts, format.ts, closures.ts, sequences.ts, exhaustive.ts, and
 * std's typings in std/. They take this inference through the interface in inference.ts.
 */
import { stdConst } from '../std/index';
import { checkSized } from './sized';
import { overloadedNeg } from './op-traits';
import { isAddedParseError } from '../std/parse';
import type { Ty } from '../../engine/layout/types';
import type { Binding, Expr, FnItem, GenericArgs, Notes, Pat, Pos, Program, Stmt } from '../syntax/ast';
import { RustCompileError, RustSubsetError } from '../errors';
import { uncovered } from './exhaustive';
import { ownIterator } from './own-iter';
import { orderingUnimported, textEq } from '../std/compare';
import { fieldTy, inferFromAsRefBounds, instantiate, unmetBound, withBoundsOnly } from './generics';
import { STD_DYN } from './dyn';
import { userDeref, wrapInDeref } from './deref';
import { resolveTraitCall } from './trait-paths';
import { resolveTryInto } from './try-into';
import { checkStdImpls } from './std-impls';
import { fnAsClosure } from './fn-values';
import { fnTraitSig } from '../syntax/fn-traits';
import { INFER_NAME, OPAQUE_RETURN } from '../syntax/generics';
import { FMT_ERROR_NAME, FORMATTER_NAME } from '../syntax/std-traits';
import { arrayType, indexType, type SeqTyping } from './sequences';
import { mapIterElem } from '../run/map-places';
import { captured, expectedSig, finishClosures, inferClosure } from './closures';
import { inferTry } from './try';
import { discriminants } from './enum-cast';
import { isCopyTy } from '../run/context';
import { autoDeref, BOOL, compatible, con, defaultLiterals, fresh, fromTy, INT_NAMES, toTy, withParams, isFloat, isInt, isNever, isGuard, isTextTy, NEVER, prune, refTo, show, STR_REF, unify, UnifyError, UNIT, unresolved, USIZE, type TypeVar } from './types';
import { coerce } from './coerce';
import { bindPat, variant } from './patterns';
import { call, method } from './calls';
import { arith, binary } from './operators';
import { inferDbg, inferFormat } from './format';
import type { Inference as InferenceApi } from './inference';

export interface LoopCtx {
  label?: string;
  /** Type of `break value` for `loop`; undefined for while/for. */
  ty?: TypeVar;
}

export class Inference implements InferenceApi {
  scopes: Map<string, Binding>[] = [];
  slots = 0;
  ret: TypeVar = UNIT;
  loops: LoopCtx[] = [];
  readonly fnTypes = new Map<string, { params: TypeVar[]; ret: TypeVar }>();
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
    checkSized(ty, pos);
    if (ty.kind === 'dyn' && !this.prog.traits.has(ty.trait.replace(/\s+/g, '')) && !fnTraitSig(ty.trait) && !STD_DYN.has(ty.trait)) throw new RustSubsetError(`\`dyn ${ty.trait}\` is not supported yet (a trait object of a program's own trait is)`, pos.line, pos.col, 'dynamic_type');
    if (ty.kind === 'adt' && !ty.args && param(ty.name)) return;
    if (ty.kind === 'adt' && !this.prog.structs.has(ty.name) && !this.prog.enums.has(ty.name)) {
      this.notInSubset(ty.name, pos);
      throw new RustCompileError(`cannot find type \`${ty.name}\` in this scope`, pos.line, pos.col, 'E0425');
    }
    if ((ty.kind === 'adt' || ty.kind === 'std') && orderingUnimported(this.prog, ty.name)) throw new RustCompileError('cannot find type `Ordering` in this scope (add `use std::cmp::Ordering;`)', pos.line, pos.col, 'E0425');
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
  notInSubset(name: string, pos: Pos, member?: string): void {
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

  generic(e: Expr & Notes, key: 'instance' | 'userMethod', fn: FnItem, targs?: GenericArgs | Ty[]): { params: TypeVar[]; ret: TypeVar } {
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
      const args = inferFromAsRefBounds(p.template, p.vars).map((v) => {
        if (unresolved(v)) this.err(p.pos, `type annotations needed (cannot infer the type parameters of \`${p.template.name}\`)`, 'E0282');
        return toTy(v);
      });
      const unmet = unmetBound(this.prog, p.template, args);
      if (unmet) this.err(p.pos, `the trait bound \`${unmet}\` is not satisfied`, 'E0277');
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
   * Unify with the coercions Rust applies at a coercion site (check/coerce.ts).
   */
  coerce(e: Expr, found: TypeVar, expected: TypeVar, what = 'mismatched types'): void {
    coerce(this, e, found, expected, what);
  }

  tryUnify(a: TypeVar, b: TypeVar): boolean {
    // Unify only if it cannot fail half-way: check on copies first by a dry structural test.
    if (!compatible(a, b)) return false;
    unify(a, b);
    return true;
  }

  // ---------------------------------------------------------------- names

  lookup(name: string, pos: Pos = { line: 0, col: 0 }): Binding | undefined {
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

  declare(name: string, ty: TypeVar, mutable: boolean, pos: Pos): Binding {
    const b: Binding = { name, ty, mutable, slot: this.slots++, pos, uses: [] };
    this.declared.push(b);
    this.scopes[this.scopes.length - 1]!.set(name, b);
    return b;
  }

  /** Binds a pattern's names against a value of type `ty` (check/patterns.ts). */
  bindPat(p: Pat, ty: TypeVar, viaRef: boolean | 'mut'): void {
    bindPat(this, p, ty, viaRef);
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
  viaDeref(e: Expr, t: TypeVar): TypeVar {
    this.moved(e, wrapInDeref(this.prog, e, t));
    return this.expr(e);
  }

  /** `e`'s inferred content now lives in `inner` (a rewrite put a node in its place): inferred, and the owner of e's pending instance. */
  moved(e: Expr, inner: Expr): void {
    this.reused.add(inner);
    for (const p of this.pending) if (p.note === (e as Notes)) p.note = inner as Notes;
  }

  /** Whether `t` is a program's type with its own impl of the std trait `trait`. */
  private userImpl(t: TypeVar, trait: string): boolean {
    const p = prune(t);
    return p.k === 'con' && p.c.startsWith('adt:') && !!this.prog.impls.get(p.c.slice(4))?.has(trait);
  }

  /** An expression at a coercion site that expects `t` (a `vec!` there takes its element type). */
  expecting(e: Expr, t: TypeVar): TypeVar {
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
          const v = variant(this, [e.name], e.pos);
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
        const constant = stdConst(e.segs, this.prog.stdNames);
        if (constant) return constant.type();
        const v = variant(this, e.segs, e.pos);
        if (v.fields.length) throw new RustSubsetError('enum variants as functions are not supported; call them: Variant(..)', e.pos.line, e.pos.col, 'scoped_identifier');
        return v.ty;
      }
      case 'tuple': {
        const items = e.items.map((i) => this.expr(i));
        return items.length ? con('tuple', ...items) : UNIT;
      }
      case 'binary':
        return binary(this, e);
      case 'unary': {
        const t = this.expr(e.e);
        if (e.op === '*') {
          const p = prune(t);
          if (p.k === 'con' && (p.c === 'ref' || p.c === 'Box' || p.c === 'Rc' || isGuard(p))) return p.args[0]!;
          if (userDeref(this.prog, p)) return (prune(this.viaDeref(e.e, p)) as { args: TypeVar[] }).args[0]!;
          this.err(e.pos, `type \`${show(t)}\` cannot be dereferenced`, 'E0614');
        }
        if (e.op === '-') {
          const neg = overloadedNeg(this, e, t);
          if (neg) return neg;
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
        else arith(this, e.pos, e.op, lt, rt);
        return UNIT;
      }
      case 'call':
        resolveTraitCall(this.prog, e, hint);
        return call(this, e);
      case 'method':
        resolveTryInto(this.prog, e, hint);
        return (e as Expr).k === 'call' ? call(this, e as unknown as Expr & { k: 'call' }) : method(this, e);
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
        const v = variant(this, e.segs, e.pos);
        if (v.kind === 'option') this.err(e.pos, 'expected struct, found enum variant', 'E0574');
        const seen = new Set<string>();
        for (const f of e.fields) {
          const i = v.names.indexOf(f.name);
          if (i < 0) this.err(f.pos, `struct \`${e.segs.join('::')}\` has no field named \`${f.name}\``, 'E0560');
          seen.add(f.name);
          this.coerce(f.value, this.expecting(f.value, v.fields[i]!), v.fields[i]!);
        }
        if (e.base) this.unifyAt(e.base.pos, v.ty, this.expecting(e.base, v.ty));
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
      case 'format':
        return inferFormat(this, e);
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
      case 'dbg':
        return inferDbg(this, e);
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

  coerceTo(pos: Pos, found: TypeVar, expected: TypeVar): void {
    const f = prune(found);
    if (f.k === 'con' && f.c === 'ref' && isTextTy(prune(f.args[0]!))) return;
    this.unifyAt(pos, expected, found);
  }

  argCount(e: Expr & { args: Expr[] }, want: number, what: string): void {
    if (e.args.length !== want) {
      this.err(e.pos, `this ${what} takes ${want} argument${want === 1 ? '' : 's'} but ${e.args.length} argument${e.args.length === 1 ? ' was' : 's were'} supplied`, 'E0061');
    }
  }
}

/** Names of std's macros: used as values they are rustc's E0423, not an unknown name. */
const STD_MACROS = new Set(
  'line column file module_path vec format print println eprint eprintln panic assert assert_eq assert_ne debug_assert todo unimplemented unreachable concat stringify env option_env include include_str include_bytes dbg write writeln matches cfg compile_error format_args'.split(' '),
);

function isLoopCtx(ctx: LoopCtx): boolean {
  return 'ty' in ctx;
}
