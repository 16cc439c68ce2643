/**
 * From the typed AST to closures: every expression becomes `(act) => RValue`, every local a slot
 * index resolved here, so running a loop walks no tree and looks up no name. The move and borrow
 * checks (check/moves.ts) run as this walks the program, statically and in source order, as
 * rustc's borrow checker would. Operators, control flow, patterns and format! are in their own
 * files and call back through Codegen (context.ts); std's methods come from the std table.
 */
import { compileAsRef } from '../std/as-ref';
import { ownIterExpr } from './own-iter';
import type { Machine } from '../../engine/memory/machine';
import { FramePlan } from '../../engine/memory/frame';
import type { Local, RValue, VecValue } from '../../engine/memory/rvalue';
import { cloneValue } from '../../engine/std/clone';
import { writesOf } from '../../engine/std/fmt';
import { TEMP } from '../../engine/std/string';
import { vecFromItems, vecMacro, vecPush, vecWithCapacity } from '../../engine/std/vec';
import { MoveCheck, exprText } from '../check/moves';
import { type TypeVar, autoDeref, conName, isGuard, prune, show } from '../check/types';
import { RustCompileError, RustPanic, RustSubsetError } from '../errors';
import { type Act, type Codegen, type Ev, type LocEv, type Runtime, Signal, dropTemps, engineTy, fromTyCached, isCopyTy, runFrame, statement, call } from './context';
import { forLoop, ifExpr, ifLet, loop } from './control';
import { structLiteral } from './structs';
import { arrayLiteral, indexPlace } from './slices';
import { format } from './format';
import { strSlice } from './str-slice';
import { assertEqMacro, assertMacro, dbgMacro } from './macros';
import { assign, binary, cast, unary } from './operators';
import { binderFor, fieldNames, match, patTest, scrutinee } from './patterns';
import { BoxLoc, ElemLoc, FieldLoc, type Loc, LocalLoc, type RefValue, STR_REF_TY, TempLoc, UNIT_V, copyOf, follow, intInfo, makeRef, norm, scalar, textOf, valueEq } from './values';
import { recvOf, stdConst, stdFn, stdMethod, takesMutSelf } from '../std/index';
import { compileCompare } from '../std/compare';
import { guardTarget } from '../std/cell';
import { compileInto } from '../std/convert';
import { holds } from '../check/holds';
import { valueUntil } from '../check/reassign';
import { endsInArgs } from '../check/two-phase';
import { argsFree, argValue, reborrows } from './call-borrows';
import type { LendCheck } from '../check/lends';
import { bindTy, callVariable, closureBorrows, closureExpr } from './closures';
import { tryExpr } from './try';
import { rangeExpr } from './iterators';
import type { Binding, Expr, FnItem, Notes, Pos, Program, Stmt } from '../syntax/ast';
import type { Ty } from '../../engine/layout/types';
import type { UserFmt } from '../../engine/std/fmt';
import { currentSink, displayToString, fmtOk, userFmt } from './traits';
import { checkDefault, defaultValue, derivedDefault } from './defaults';
import { dynCall } from './dyn';

export class Compiler implements Codegen {
  /** The move and borrow checks of the function being compiled (check/moves.ts). */
  readonly checks: MoveCheck;

  readonly fns = new Map<string, { call: (rt: Runtime, args: RValue[], line: number) => RValue }>();
  readonly bodies = new Map<string, (args: RValue[], line: number) => RValue>();

  readonly userFmt: UserFmt;

  frame = new FramePlan();

  constructor(readonly prog: Program, readonly rt: Runtime) {
    this.checks = new MoveCheck(prog);
    this.userFmt = userFmt(this);
  }

  /** The fn to run for a value: `fn`, or the instance of a generic impl's fn for the value's type arguments. */
  implFor(fn: FnItem, value: RValue): FnItem {
    return fn.generics ? this.lateInstance(fn, (value.ty as { args?: Ty[] }).args ?? []) : fn;
  }

  get m(): Machine {
    return this.rt.m;
  }

  compileAll(): (line: number) => RValue {
    // Templates of generic fns are not run: their instances are (check/generics.ts).
    const fns = [...this.prog.fns.values()].filter((fn) => !fn.generics);
    for (const fn of fns) this.bodies.set(fn.name, this.placeholder(fn.name));
    for (const fn of fns) this.compileFn(fn);
    for (const type of this.prog.dropTypes) {
      // The engine's drop glue calls the destructor first, then drops the fields.
      const template = this.prog.fns.get(`<${type} as Drop>::drop`)!;
      this.rt.m.dropHooks.set(type, (value) => {
        const fn = this.implFor(template, value);
        this.callFn(fn.name, [makeRef(fn.params[0]!.ty, new TempLoc(value))], this.rt.m.line ?? -1);
      });
    }
    const main = this.prog.fns.get('main')!;
    if (main.params.length) throw new RustCompileError('`main` function has wrong type: it takes no arguments', main.pos.line, main.pos.col, 'E0580');
    return (line) => this.callFn('main', [], line);
  }

  /** Makes (infers) an instance asked for while the program runs: Drop of a generic type. */
  instances?: { lateInstance(template: FnItem, args: Ty[]): FnItem };

  private lateInstance(template: FnItem, args: Ty[]): FnItem {
    const fn = this.instances!.lateInstance(template, args);
    if (!this.impls.has(fn.name)) {
      const saved = this.checks.ctx;
      this.compileFn(fn);
      this.checks.ctx = saved;
    }
    return fn;
  }

  readonly impls = new Map<string, (args: RValue[], line: number) => RValue>();
  placeholder(name: string) {
    return (args: RValue[], line: number) => this.impls.get(name)!(args, line);
  }
  callFn(name: string, args: RValue[], line: number): RValue {
    return this.impls.get(name)!(args, line);
  }

  err(pos: Pos, message: string, code?: string): never {
    throw new RustCompileError(message, pos.line, pos.col, code);
  }

  subset(pos: Pos, message: string, construct: string): never {
    throw new RustSubsetError(message, pos.line, pos.col, construct);
  }

  // ---------------------------------------------------------------- functions

  compileFn(fn: FnItem): void {
    this.checks.ctx = { fn, moves: new Map(), dead: false, loopDepth: 0, loopOuter: [], borrows: [] };
    const outer = this.frame;
    const plan = (this.frame = new FramePlan());
    let params: { name: string; slot: number; ty: Ty; at: number }[];
    let body: Ev;
    try {
      params = fn.params.map((p) => {
        if (p.pat.k !== 'bind') this.subset(p.pos, 'patterns in parameters are not supported yet', 'parameter');
        const ty = engineTy(p.pat.binding!.ty);
        return { name: p.pat.name, slot: p.pat.binding!.slot, ty, at: plan.add(p.pat.name, ty) };
      });
      body = this.blockBody(fn.body, false);
    } finally {
      this.frame = outer;
    }
    const rt = this.rt;
    const nSlots = fn.slots;
    const endLine = fn.body.endLine;
    const name = fn.name;
    const bind = (act: Act, args: RValue[]): void => {
      for (let i = 0; i < params.length; i++) act.slots[params[i]!.slot] = rt.m.bind(params[i]!.name, bindTy(params[i]!.ty, args[i]!), args[i]!, params[i]!.at);
    };
    // Copied per call (cheaper than filling a new array; and always the same element kind).
    const noSlots: (Local | null)[] = Array.from({ length: nSlots }, () => null);
    const noLocs: (LocalLoc | undefined)[] = Array.from({ length: nSlots }, () => undefined);
    this.impls.set(fn.name, (args, line) => {
      call(rt, line);
      const act: Act = { slots: noSlots.slice(), temps: [], locs: noLocs.slice(), env: undefined };
      return runFrame(rt.m, name, plan, line, endLine, act, bind, args, body);
    });
  }

  // ---------------------------------------------------------------- blocks and statements

  /** A block's statements and tail; `scoped` opens a scope for its locals (not for a function body). */
  blockBody(b: Expr & { k: 'block' }, scoped: boolean): Ev {
    const stmts = b.stmts.map((s) => this.stmt(s));
    const tail = b.tail ? this.value(b.tail) : undefined;
    const hasLets = b.stmts.some((s) => s.k === 'let');
    const m = () => this.rt.m;
    const endLine = b.endLine;
    const n = stmts.length;
    // `{ expr }` (a branch, a fn body that is one expression) is its expression: one call less.
    const run: Ev = n === 0 && tail ? tail : (a: Act): RValue => {
      for (let i = 0; i < n; i++) stmts[i]!(a);
      return tail ? tail(a) : UNIT_V;
    };
    if (!scoped || !hasLets) return run;
    return (a) => {
      const mm = m();
      mm.openScope();
      let v: RValue;
      try {
        v = run(a);
      } catch (e) {
        if (e instanceof Signal) {
          mm.line = endLine;
          mm.closeScope();
        }
        throw e;
      }
      mm.line = endLine;
      mm.closeScope();
      return v;
    };
  }

  stmt(s: Stmt): (a: Act) => void {
    const line = s.pos.line;
    const rt = this.rt;
    const body = s.k === 'let' ? this.letStmt(s) : this.exprStmt(s.e);
    return (a) => {
      statement(rt, line);
      rt.m.line = line;
      const mark = a.temps.length;
      body(a);
      if (a.temps.length > mark) dropTemps(rt.m, a, mark);
    };
  }

  exprStmt(e: Expr): (a: Act) => void {
    const v = this.value(e);
    const t = e.ty!;
    const p = prune(t);
    const needsDrop = !(p.k === 'con' && (p.c === 'unit' || p.c === 'never')) && !isCopyTy(t, this.prog);
    if (!needsDrop) return v;
    const m = () => this.rt.m;
    return (a) => m().dropValue(v(a));
  }

  letStmt(s: Stmt & { k: 'let' }): (a: Act) => void {
    if (s.pat.k === 'bind' && !s.pat.sub && !s.pat.byRef && !s.else) {
      const b = s.pat.binding!;
      const ty = engineTy(b.ty);
      const name = b.name;
      const slot = b.slot;
      const at = this.frame.add(name, ty);
      const m = () => this.rt.m;
      if (!s.value) {
        this.checks.ctx.moves.set(b, { ...s.pos, uninit: true });
        return (a) => {
          a.slots[slot] = m().bind(name, ty, null, at);
        };
      }
      const v = this.extendedTemp(s.value) ?? argValue(this, s.value, s.ty);
      this.checks.ctx.moves.delete(b);
      // What the value borrows (`&x`, a call's result, a copied reference) stays borrowed while b has it (check/holds.ts, check/reassign.ts).
      const until = valueUntil(this.checks.ctx.fn, b, s.pos);
      // `let a: &mut Vec<i32> = v;` reborrows `*v` for as long as a lives.
      if (reborrows(s.value, s.ty)) this.checks.borrow(s.value.binding, true, s.value.pos, until, `\`${b.name}\``, b, { path: [], viaRef: true });
      for (const l of holds(this.lendCheck, s.value)) this.checks.borrow(l.root, l.mutable, s.value.pos, until, `\`${b.name}\``, b, l.path && { path: l.path, viaRef: !!l.viaRef });
      if (s.value.k === 'closure') closureBorrows(this, s.value, b);
      return (a) => {
        const value = v(a);
        a.slots[slot] = m().bind(name, bindTy(ty, value), value, at);
      };
    }
    if (!s.value) this.subset(s.pos, 'a let without a value must bind a plain name', 'let_declaration');
    // Destructuring `let (a, b) = …;` / `let Point { x, y } = …;`
    const src = scrutinee(this, s.value);
    // let-else: the else block runs when the pattern does not match, and diverges.
    const before = this.checks.snapshot();
    const wasDead = this.checks.ctx.dead;
    const otherwise = s.else ? this.checks.branch(before, () => this.value(s.else!)).result : undefined;
    this.checks.ctx.moves = before;
    this.checks.ctx.dead = wasDead;
    const bind = binderFor(this, s.pat, s.value.ty!, src);
    const test = patTest(this, s.pat);
    return (a) => {
      const loc = src.loc(a);
      if (!test(loc.get())) {
        if (otherwise) otherwise(a);
        throw new RustPanic('refutable pattern in let did not match', s.pos.line);
      }
      bind(a, loc);
    };
  }

  /**
   * `let r = &String::from("x");`: the temporary lives to the end of the block, as a hidden local
   * declared just before `r` (Rust's temporary lifetime extension), not to the end of the statement.
   */
  extendedTemp(e: Expr): Ev | undefined {
    if (e.k !== 'ref' || this.isPlace(e.e) || isCopyTy(e.e.ty!, this.prog) || (e as Notes).coerce) return undefined;
    const inner = this.value(e.e);
    const innerTy = engineTy(e.e.ty!);
    const ty = engineTy(e.ty!);
    const m = () => this.rt.m;
    const at = this.frame.add('(temporary)', innerTy);
    return (a) => {
      const local = m().bind('(temporary)', innerTy, inner(a), at);
      return makeRef(ty, new LocalLoc(m(), local));
    };
  }

  // ---------------------------------------------------------------- moves

  /** Moving a field out of a variable (`self.name`): the variable is partially moved from then on. */
  fieldMove(e: Expr & { k: 'field' }): Ev {
    const holder = conName(autoDeref(e.e.ty!));
    if (holder.startsWith('adt:') && this.prog.dropTypes.has(holder.slice(4))) {
      this.err(e.pos, `cannot move out of type \`${holder.slice(4)}\`, which implements the \`Drop\` trait`, 'E0509');
    }
    const own = this.checks.ownedField(e);
    if (!own) {
      let base = e.e;
      while (base.k === 'field') base = base.e;
      const through = conName(base.ty) === 'ref' || conName(e.e.ty) === 'ref';
      if (through) this.err(e.pos, `cannot move out of \`${exprText(e)}\` which is behind a reference (it does not implement the \`Copy\` trait); borrow it with & or clone it`, 'E0507');
      return this.subset(e.pos, `moving \`${exprText(e)}\` out of a nested place is not supported yet; borrow it with & or clone it`, 'field_expression');
    }
    this.checks.checkField(own.b, e.name, e.pos, true);
    const slot = own.b.slot;
    const index = own.index;
    const boxed = own.boxed;
    const rt = this.rt;
    return (a) => {
      const s = a.slots[slot]!;
      const owner = ownerLoc(rt.m, s, boxed);
      const v = new FieldLoc(rt.m, owner, index).take();
      owner.changed(); // the Box's block (or the local) no longer shows the field
      return v;
    };
  }

  /**
   * An expression used by value: Copy values are copied, others moved out of their place.
   * `coerce` derefs a reference through Box/Rc that many times (`&Box<List>` → `&List`).
   */
  value(e: Expr, coerce?: number): Ev {
    const unsize = (e as Notes).unsizeTo;
    if (unsize) {
      // The same pointer, now fat: the value keeps its own type inside, its pointer the dyn's.
      const inner = this.valueInner(e);
      const ty = engineTy(unsize);
      return (a) => ({ ...inner(a), ty }) as RValue;
    }
    const v = this.valueInner(e);
    if (!coerce) return v;
    const m = () => this.rt.m;
    const ty = engineTy(e.ty!);
    return (a) => {
      let r = v(a) as RefValue;
      for (let i = 0; i < coerce; i++) {
        const inner = r.loc.get();
        // Through a reference (`&&str` → `&str`) the pointer is the referent itself.
        if (inner.tag === 'ref') r = inner as RefValue;
        else if (inner.tag !== 'box' && inner.tag !== 'rc') return inner;
        else r = makeRef(ty, new BoxLoc(m(), inner));
      }
      return r;
    };
  }

  isPlace(e: Expr): boolean {
    return e.k === 'name' ? !!e.binding : e.k === 'field' || e.k === 'index' || (e.k === 'unary' && e.op === '*');
  }

  /**
   * `-N` for an integer literal N is checked as the one literal -N, as rustc does: `-2147483648`
   * is i32::MIN, though 2147483648 alone does not fit an i32.
   */
  negativeLiteral(e: Expr, lit: Expr & { k: 'int' }): Ev {
    const ty = engineTy(e.ty!);
    if (ty.kind !== 'int') return unary(this, e as Expr & { k: 'unary' });
    const info = intInfo(ty.name);
    if (!info.signed) return unary(this, e as Expr & { k: 'unary' });
    const v = -lit.value;
    if (v < info.min) this.err(lit.pos, `literal out of range for \`${ty.name}\`: the literal \`${lit.value}\` does not fit into the type \`${ty.name}\` whose range is \`${info.min}..=${info.max}\``);
    const value = scalar(ty, norm(v));
    return () => value;
  }

  valueInner(e: Expr): Ev {
    const rt = this.rt;
    const prog = this.prog;
    switch (e.k) {
      case 'int':
      case 'float':
      case 'bool':
      case 'char': {
        const ty = engineTy(e.ty!);
        let v: number | bigint | boolean | string = e.k === 'int' ? norm(e.value) : e.value;
        if (e.k === 'int') {
          if (ty.kind === 'float') v = Number(e.value);
          else if (ty.kind === 'int') {
            const info = intInfo(ty.name);
            if (e.value > info.max) this.err(e.pos, `literal out of range for \`${ty.name}\`: the literal \`${e.value}\` does not fit into the type \`${ty.name}\` whose range is \`${info.min}..=${info.max}\``);
          }
        }
        if (ty.kind === 'float' && ty.name === 'f32') v = Math.fround(Number(v));
        const value = scalar(ty, v);
        return () => value;
      }
      case 'str': {
        const text = e.value;
        let value: RValue | undefined;
        return () => {
          if (!value) {
            const item = rt.m.literal(text);
            value = { tag: 'str', ty: STR_REF_TY, text, target: { kind: 'static', item } };
          }
          return value;
        };
      }
      case 'unit':
        return () => UNIT_V;
      case 'name': {
        const b = e.binding;
        const constant = (e as Notes).constant;
        // A const is its value, made afresh where it is named (rustc inlines it).
        if (constant) return this.constValue(constant, e.pos);
        if (!b) return this.unitVariant(e.pos, [e.name], e.ty!);
        const slot = b.slot;
        if (b.capture !== undefined) {
          // A captured variable, reached through the closure's environment.
          const i = b.capture;
          const copy = isCopyTy(e.ty!, prog);
          this.checks.useLocal(b, e.pos, !copy);
          return copy ? (a) => copyOf(a.env![i]!.get()) : (a) => a.env![i]!.take();
        }
        if (isCopyTy(e.ty!, prog)) {
          this.checks.useLocal(b, e.pos, false);
          const simple = prune(e.ty!).k === 'var' || !['tuple', 'Option', 'Array', 'Result'].includes(conName(e.ty)) && !conName(e.ty).startsWith('adt:');
          if (simple) {
            return (a) => {
              const s = a.slots[slot]!;
              return s.value ?? rt.m.read(s);
            };
          }
          return (a) => copyOf(rt.m.read(a.slots[slot]!));
        }
        this.checks.useLocal(b, e.pos, true);
        return (a) => rt.m.moveOut(a.slots[slot]!);
      }
      case 'path': {
        const [owner, item] = e.segs;
        if (e.segs.length === 2 && /^([iu](8|16|32|64|128|size)|f32|f64)$/.test(owner!)) {
          const ty = engineTy(e.ty!);
          let v: number | bigint;
          if (owner === 'f32' || owner === 'f64') {
            const f32 = owner === 'f32';
            const table: Record<string, number> = {
              MAX: f32 ? 3.4028234663852886e38 : Number.MAX_VALUE, MIN: f32 ? -3.4028234663852886e38 : -Number.MAX_VALUE,
              EPSILON: f32 ? 1.1920928955078125e-7 : Number.EPSILON, INFINITY: Infinity, NEG_INFINITY: -Infinity, NAN: NaN,
              MIN_POSITIVE: f32 ? 1.1754943508222875e-38 : 2.2250738585072014e-308,
            };
            v = table[item!]!;
          } else {
            const info = intInfo(owner as 'i32');
            v = item === 'BITS' ? info.bits : norm(item === 'MAX' ? info.max : info.min);
          }
          const value = scalar(ty, v);
          return () => value;
        }
        const constant = stdConst(e.segs, this.prog.stdNames);
        if (constant) return () => constant.value();
        return this.unitVariant(e.pos, e.segs, e.ty!);
      }
      case 'tuple': {
        const items = e.items.map((i) => this.value(i, (i as Notes).coerce));
        const ty = engineTy(e.ty!);
        if (!items.length) return () => UNIT_V;
        return (a) => ({ tag: 'tuple', ty, items: items.map((f) => f(a)) });
      }
      case 'binary':
        return binary(this, e);
      case 'unary':
        if (e.op === '-' && e.e.k === 'int') return this.negativeLiteral(e, e.e);
        return unary(this, e);
      case 'ref': {
        const ty = engineTy(e.ty!);
        if (e.e.k === 'index' && e.e.index.k === 'range' && conName(e.e.ty) === 'str') return strSlice(this, e.e, e.e.index);
        this.checks.accessPlace(e.e, e.pos, e.mutable ? 'mutborrow' : 'borrow');
        if (e.e.k === 'name' && e.e.binding) {
          const b = e.e.binding;
          this.checks.useLocal(b, e.e.pos, false);
          if (e.mutable && !b.mutable) this.err(e.pos, `cannot borrow \`${b.name}\` as mutable, as it is not declared as mutable`, 'E0596');
          const slot = b.slot;
          return (a) => {
            const s = a.slots[slot]!;
            rt.m.read(s);
            return makeRef(ty, new LocalLoc(rt.m, s));
          };
        }
        if (e.mutable) this.checks.checkMutablePlace(e.e);
        const loc = this.place(e.e, false);
        // `&v[i]` is `&*Index::index(&v, i)`: the bounds check happens when the reference is made.
        if (e.e.k === 'index') {
          return (a) => {
            const l = loc(a);
            return makeRef(ty, l instanceof ElemLoc ? l.checked() : l);
          };
        }
        return (a) => makeRef(ty, loc(a));
      }
      case 'assign':
        return assign(this, e);
      case 'call':
        return this.call(e);
      case 'method':
        return this.method(e);
      case 'field':
      case 'index': {
        if (e.k === 'index' && conName(e.ty) === 'str') this.subset(e.pos, 'a str by value (unsized) is not supported; borrow it: &s[a..b]', 'index_expression');
        if (!isCopyTy(e.ty!, prog)) {
          if (e.k === 'index') this.err(e.pos, `cannot move out of index of \`${show(e.e.ty!)}\` (move occurs because the element has type \`${show(e.ty!)}\`, which does not implement the \`Copy\` trait); borrow it with & or clone it`, 'E0507');
          return this.fieldMove(e);
        }
        const loc = this.place(e, false);
        return (a) => copyOf(loc(a).get());
      }
      case 'struct':
        return structLiteral(this, e);
      case 'block':
        return this.blockBody(e, true);
      case 'if':
        return ifExpr(this, e);
      case 'iflet':
        return ifLet(this, e);
      case 'while':
      case 'whilelet':
      case 'loop':
        return loop(this, e);
      case 'for':
        return forLoop(this, e);
      case 'break':
      case 'continue':
      case 'return': {
        const v = e.k !== 'continue' && e.value ? this.value(e.value, (e.value as Notes).coerce) : undefined;
        const kind = e.k;
        const label = e.k === 'return' ? undefined : e.label;
        this.checks.ctx.dead = true;
        return (a) => {
          throw new Signal(kind, label, v ? v(a) : UNIT_V);
        };
      }
      case 'match':
        return match(this, e);
      case 'cast':
        return cast(this, e);
      case 'range':
        return rangeExpr(this, e);
      case 'closure':
        return closureExpr(this, e);
      case 'try':
        return tryExpr(this, e);
      case 'format':
        return format(this, e);
      case 'array':
      case 'arrayrep':
        return arrayLiteral(this, e);
      case 'vec': {
        const items = e.items.map((i) => this.value(i, (i as Notes).coerce));
        const elem = engineTy((prune(e.ty!) as { args: TypeVar[] }).args[0]!);
        return (a) => vecMacro(rt.m, elem, items.length, (i) => items[i]!(a));
      }
      case 'vecrep': {
        const item = this.value(e.item);
        const count = this.value(e.count);
        const elem = engineTy((prune(e.ty!) as { args: TypeVar[] }).args[0]!);
        const copy = isCopyTy(e.item.ty!, prog);
        return (a) => {
          const x = item(a);
          const n = Number((count(a) as { v: number }).v);
          if (copy) return vecFromItems(rt.m, elem, new Array(n).fill(0).map(() => copyOf(x)));
          // std's from_elem: the buffer, then n-1 clones, then the original moved in last.
          const v = vecWithCapacity(rt.m, elem, n);
          for (let i = 0; i < n; i++) vecPush(rt.m, v, i === n - 1 ? x : cloneValue(rt.m, x), TEMP);
          if (n === 0) rt.m.dropValue(x);
          return v;
        };
      }
      case 'assert':
        return assertMacro(this, e);
      case 'asserteq':
        return assertEqMacro(this, e);
      case 'dbg':
        return dbgMacro(this, e);
    }
  }

  private constsCompiling = new Set<string>();
  private constValue(name: string, pos: Pos): Ev {
    if (this.constsCompiling.has(name)) this.err(pos, `cycle detected when evaluating the constant \`${name}\``, 'E0391');
    this.constsCompiling.add(name);
    try {
      const value = this.prog.consts.get(name)!.value;
      return this.value(value, (value as Notes).coerce);
    } finally {
      this.constsCompiling.delete(name);
    }
  }

  unitVariant(pos: Pos, segs: string[], t: TypeVar): Ev {
    const ty = engineTy(t);
    const last = segs[segs.length - 1]!;
    if (last === 'None') {
      const v: RValue = { tag: 'enum', ty, name: 'Option', variant: 'None', fieldNames: [], fields: [] };
      return () => ({ ...v, fields: [] });
    }
    if (segs.length === 1) {
      const def = this.prog.structs.get(last);
      if (!def) this.err(pos, `cannot find value \`${last}\` in this scope`, 'E0425');
      return () => ({ tag: 'struct', ty, name: last, fieldNames: [], fields: [] });
    }
    const name = segs[0]!;
    return () => ({ tag: 'enum', ty, name, variant: last, fieldNames: [], fields: [] });
  }

  /** An operand read without moving (comparisons and format arguments borrow). */
  operand(e: Expr): Ev {
    if (this.isPlace(e)) {
      if (e.k === 'name' && e.binding!.capture !== undefined) {
        this.checks.useLocal(e.binding!, e.pos, false);
        const i = e.binding!.capture;
        return (a) => a.env![i]!.get();
      }
      if (e.k === 'name') {
        this.checks.useLocal(e.binding!, e.pos, false);
        const slot = e.binding!.slot;
        const rt = this.rt;
        return (a) => rt.m.read(a.slots[slot]!);
      }
      const loc = this.place(e, false);
      return (a) => loc(a).get();
    }
    const v = this.value(e);
    if (isCopyTy(e.ty!, this.prog)) return v;
    // A temporary: dropped at the end of the statement.
    return (a) => {
      const x = v(a);
      a.temps.push(x);
      return x;
    };
  }

  // ---------------------------------------------------------------- places

  /**
   * A place expression (local, field, element, `*r`); a non-place is evaluated into a
   * temporary. `mutate` marks places about to change (for `let mut` checks).
   */
  place(e: Expr, mutate: boolean): LocEv {
    const rt = this.rt;
    switch (e.k) {
      case 'name': {
        const b = e.binding;
        if (b && b.capture !== undefined) {
          this.checks.useLocal(b, e.pos, false);
          const i = b.capture;
          return (a) => a.env![i]!;
        }
        if (b) {
          this.checks.useLocal(b, e.pos, false);
          const slot = b.slot;
          return (a) => {
            const s = a.slots[slot]!;
            const cached = a.locs[slot];
            if (cached && cached.slot === s) return cached;
            return (a.locs[slot] = new LocalLoc(rt.m, s));
          };
        }
        break;
      }
      case 'field': {
        this.checks.readPlace(e);
        const own = this.checks.ownedField(e);
        if (own) {
          // A field of a variable that owns it: moves of other fields do not matter here.
          this.checks.checkField(own.b, e.name, e.pos, false);
          const slot = own.b.slot;
          const index = own.index;
          const boxed = own.boxed;
          return (a) => new FieldLoc(rt.m, ownerLoc(rt.m, a.slots[slot]!, boxed), index);
        }
        const base = this.derefPlace(e.e, mutate);
        const t = autoDeref(e.e.ty!);
        let index: number;
        if (conName(t) === 'tuple') index = Number(e.name);
        else index = this.prog.structs.get(conName(t).slice(4))!.fields.findIndex((f) => f.name === e.name);
        return (a) => new FieldLoc(rt.m, base(a), index);
      }
      case 'index': {
        if (e.index.k === 'range' && conName(e.ty) === 'str') {
          // `s[a..].len()`: the receiver is the slice, a &str made here.
          const slice = strSlice(this, e, e.index);
          return (a) => new TempLoc(slice(a));
        }
        this.checks.readPlace(e);
        return indexPlace(this, e, mutate);
      }
      case 'unary':
        if (e.op === '*') {
          this.checks.readPlace(e);
          const inner = e.e;
          const t = prune(inner.ty!);
          if (conName(t) === 'ref') {
            if (mutate && !(t as { mutable?: boolean }).mutable) {
              this.err(e.pos, `cannot assign to \`*${exprText(inner)}\`, which is behind a \`&\` reference`, 'E0594');
            }
            const r = this.operand(inner);
            return (a) => (r(a) as RefValue).loc;
          }
          if (conName(t) === 'Box' || conName(t) === 'Rc') {
            const base = this.place(inner, mutate);
            return (a) => new BoxLoc(rt.m, base(a).get() as Extract<RValue, { tag: 'box' | 'rc' }>);
          }
          if (isGuard(t)) {
            if (mutate && conName(t) === 'Ref') this.err(e.pos, `cannot assign to data in dereference of \`Ref<'_, ${show((t as { args: TypeVar[] }).args[0]!)}>\``, 'E0594');
            const base = this.place(inner, false);
            return (a) => guardTarget(base(a).get());
          }
        }
        break;
      default:
        break;
    }
    const v = this.value(e);
    return (a) => {
      const x = v(a);
      a.temps.push(x);
      return new TempLoc(x, a.temps, a.temps.length - 1);
    };
  }

  /** The place behind an expression after auto-deref (field access and indexing look through &, Box, Rc). */
  derefPlace(e: Expr, mutate: boolean): LocEv {
    const rt = this.rt;
    let loc = this.place(e, mutate);
    let t = prune(e.ty!);
    while (t.k === 'con' && (t.c === 'ref' || t.c === 'Box' || t.c === 'Rc' || isGuard(t))) {
      const prev = loc;
      if (t.c === 'ref') {
        if (mutate && !t.mutable) this.err(e.pos, `cannot assign through \`${exprText(e)}\`, which is a \`&\` reference`, 'E0594');
        loc = (a) => (prev(a).get() as RefValue).loc;
      } else if (isGuard(t)) loc = (a) => guardTarget(prev(a).get());
      else loc = (a) => new BoxLoc(rt.m, prev(a).get() as Extract<RValue, { tag: 'box' | 'rc' }>);
      t = prune(t.args[0]!);
    }
    return loc;
  }

  call(e: Expr & { k: 'call' }): Ev {
    const rt = this.rt;
    const c = e.callee;
    const segs = c.k === 'name' ? [c.name] : c.k === 'path' ? c.segs : [];
    const name = (e as Notes).instance ?? segs.join('::');
    const line = e.pos.line;
    if (c.k === 'name' && c.binding) return callVariable(this, e);
    if (this.prog.fns.has(name)) {
      const params = this.prog.fns.get(name)!.params;
      const args = e.args.map((x, i) => argValue(this, x, params[i]?.ty));
      const n = args.length;
      // The callee is looked up at the first call (every fn is compiled by then), not at each.
      let callee: ((args: RValue[], line: number) => RValue) | undefined;
      return (a) => {
        const vals: RValue[] = new Array(n);
        for (let i = 0; i < n; i++) vals[i] = args[i]!(a);
        return (callee ??= this.impls.get(name)!)(vals, line);
      };
    }
    const std = stdFn(name, this.prog.stdNames);
    if (std) {
      return std.run({
        rt,
        e,
        ty: engineTy(e.ty!),
        elem: () => engineTy((prune(e.ty!) as { args: TypeVar[] }).args[0]!),
        arg: (i) => this.value(e.args[i]!, (e.args[i] as Notes).coerce),
        operand: (i) => this.operand(e.args[i]!),
      });
    }
    if (segs.length === 2 && segs[1] === 'default' && derivedDefault(this.prog, segs[0]!)) {
      const ty = engineTy(e.ty!);
      checkDefault(this.prog, ty, e.pos);
      return () => defaultValue(this, ty, line);
    }
    // A tuple struct, tuple variant or Some(..).
    const ty = engineTy(e.ty!);
    const args = e.args.map((x) => this.value(x, (x as Notes).coerce));
    const last = segs[segs.length - 1]!;
    const names = e.args.map((_, i) => String(i));
    if (segs.length === 1 && this.prog.structs.has(last)) {
      return (a) => ({ tag: 'struct', ty, name: last, fieldNames: names, fields: args.map((f) => f(a)) });
    }
    const enumName = last === 'Some' ? 'Option' : last === 'Ok' || last === 'Err' ? 'Result' : segs[0]!;
    return (a) => ({ tag: 'enum', ty, name: enumName, variant: last, fieldNames: names, fields: args.map((f) => f(a)) });
  }

  method(e: Expr & { k: 'method' }): Ev {
    const rt = this.rt;
    // Receiver type after auto-deref; Box/Rc keep their own clone.
    let t = prune(e.recv.ty!);
    while (t.k === 'con' && (t.c === 'ref' || isGuard(t) || ((t.c === 'Box' || t.c === 'Rc') && e.name !== 'clone'))) t = prune(t.args[0]!);
    const c = conName(t);
    const name = e.name;
    const user = (e as Notes).userMethod;
    if (user) return this.userMethod(e, user);
    if ((e as Notes).dynMethod) return dynCall(this, e);
    if ((e as Notes).ownIter) return ownIterExpr(this, e);
    if ((e as Notes).compare) return compileCompare(this, e);
    if ((e as Notes).into) return compileInto(this, e);
    const asRef = (e as Notes).asRef;
    if (asRef) return compileAsRef(this, e, asRef);
    if ((e as Notes).viaDisplay) {
      const loc = this.recvPlace(e.recv);
      return (a) => displayToString(rt, this.userFmt, loc(a).get());
    }
    if (c === 'Formatter' && name === 'write_str') {
      const text = this.operand(e.args[0]!);
      return (a) => {
        currentSink(rt).push(textOf(text(a)));
        return fmtOk();
      };
    }
    if (c.startsWith('adt:') && name === 'clone') {
      const loc = this.recvPlace(e.recv);
      return (a) => cloneValue(rt.m, loc(a).get());
    }
    const std = stdMethod(recvOf(c), name);
    if (!std) return this.err(e.namePos, `no method named \`${name}\` found for \`${show(t)}\``, 'E0599');
    if (std.mutates) {
      this.checks.checkMutableRecv(e.recv);
      this.checks.accessPlace(e.recv, e.recv.pos, 'mutborrow', endsInArgs(e.args));
    } else if (!std.ownRecv) this.sharedRecv(e.recv);
    const place = std.ownRecv ? undefined : this.recvPlace(e.recv, std.keepPointer);
    const run = () => std.run({
      rt,
      e,
      recv: t as Extract<TypeVar, { k: 'con' }>,
      place: place!,
      ty: engineTy(e.ty!),
      line: e.pos.line,
      arg: (i) => this.value(e.args[i]!, (e.args[i] as Notes).coerce),
      operand: (i) => this.operand(e.args[i]!),
      k: this,
    });
    if (!std.mutates) return run();
    const ev = this.checks.reserved(e.recv, run);
    argsFree(this, e);
    return ev;
  }

  /** A call of a method from an impl block: `self` by reference (auto-ref) or by value (a move). */
  userMethod(e: Expr & { k: 'method' }, fnName: string): Ev {
    const fn = this.prog.fns.get(fnName)!;
    const selfTy = fn.params[0]!.ty;
    const line = e.pos.line;
    let self: Ev;
    if (selfTy.kind === 'ref') {
      if (selfTy.mutable) {
        this.checks.checkMutableRecv(e.recv);
        this.checks.accessPlace(e.recv, e.recv.pos, 'mutborrow', endsInArgs(e.args));
      } else this.sharedRecv(e.recv);
      const loc = this.recvPlace(e.recv);
      self = (a) => makeRef(selfTy, loc(a));
    } else if (conName(e.recv.ty) === selfTy.kind || conName(e.recv.ty) === `adt:${(selfTy as { name: string }).name}` || fnName.startsWith(`${conName(e.recv.ty)}::`)) {
      self = this.value(e.recv);
    } else {
      if (!isCopyTy(fromTyCached(selfTy), this.prog)) {
        this.err(e.recv.pos, `cannot move out of \`${exprText(e.recv)}\` which is behind a reference (\`${fnName}\` takes \`self\` by value)`, 'E0507');
      }
      const loc = this.recvPlace(e.recv);
      self = (a) => copyOf(loc(a).get());
    }
    // The receiver is evaluated first; a `&mut self` one stays reserved while the arguments are (check/two-phase.ts).
    const compileArgs = () => e.args.map((x, i) => argValue(this, x, fn.params[i + 1]?.ty));
    const args = selfTy.kind === 'ref' && selfTy.mutable ? this.checks.reserved(e.recv, compileArgs) : compileArgs();
    if (selfTy.kind === 'ref' && selfTy.mutable) argsFree(this, e);
    let callee: ((args: RValue[], line: number) => RValue) | undefined;
    return (a) => {
      const vals: RValue[] = [self(a)];
      for (const f of args) vals.push(f(a));
      return (callee ??= this.impls.get(fnName)!)(vals, line);
    };
  }

  /** What check/lends.ts and check/holds.ts ask of the borrow check. */
  get lendCheck(): LendCheck {
    return { mutSelf: (m) => takesMutSelf(this.prog, m), heldBy: (x, at) => this.checks.heldBy(x, at) };
  }

  /** A `&self` method's receiver is borrowed shared (E0502 against a live `&mut`, not E0503). */
  sharedRecv(recv: Expr): void {
    this.checks.accessPlace(recv, recv.pos, 'borrow');
  }

  /** The receiver of a method: auto-ref'd place (no move), through references and Box. */
  recvPlace(e: Expr, keepPointer = false): LocEv {
    const rt = this.rt;
    let loc = this.place(e, false);
    let t = prune(e.ty!);
    // A `&str` is a value of its own (a fat pointer), not a reference to a place.
    while (t.k === 'con' && t.c === 'ref' && conName(t.args[0]) !== 'str') {
      const prev = loc;
      loc = (a) => (prev(a).get() as RefValue).loc;
      t = prune(t.args[0]!);
    }
    while (t.k === 'con' && (((t.c === 'Box' || t.c === 'Rc') && !keepPointer) || isGuard(t))) {
      const prev = loc;
      loc = isGuard(t) ? (a) => guardTarget(prev(a).get()) : (a) => new BoxLoc(rt.m, prev(a).get() as Extract<RValue, { tag: 'box' | 'rc' }>);
      t = prune(t.args[0]!);
      while (t.k === 'con' && t.c === 'ref' && conName(t.args[0]) !== 'str') {
        const p2 = loc;
        loc = (a) => (p2(a).get() as RefValue).loc;
        t = prune(t.args[0]!);
      }
    }
    return loc;
  }

}

/** The struct a local owns: the local itself, or what its Box points at. */
function ownerLoc(m: Machine, s: Local, boxed: boolean): Loc {
  const local = new LocalLoc(m, s);
  return boxed ? new BoxLoc(m, local.get() as Extract<RValue, { tag: 'box' }>) : local;
}
