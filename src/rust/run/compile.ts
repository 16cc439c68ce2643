/**
 * From the typed AST to closures: every expression becomes `(act) => RValue`, every local a slot
 * index resolved here, so running a loop walks no tree and looks up no name. Moves are checked
 * here too (rustc's E0382), statically and in source order, as the borrow checker would.
 */
import type { Ty } from '../../engine/layout/types';
import type { Machine } from '../../engine/memory/machine';
import { cloneValue } from '../../engine/std/clone';
import { toValue, utf8Length } from '../../engine/memory/to-value';
import { formatString, writesOf, writesWithSpec } from '../../engine/std/fmt';
import { toStringOf } from '../../engine/std/to-string';
import { ownerOf } from '../../engine/std/home';
import { boxNew, rcClone, rcNew } from '../../engine/std/pointers';
import type { Local, RValue, StringValue, VecValue } from '../../engine/memory/rvalue';
import {
  pushStr, stringClear, stringFrom, stringNew, stringPop, stringReserve, stringReserveExact, stringShrinkToFit, stringWithCapacity, TEMP,
} from '../../engine/std/string';
import {
  vecClear, vecFromItems, vecInsert, vecItemChanged, vecNew, vecPop, vecPush, vecRemove, vecReserve, vecReserveExact, vecShrinkToFit, vecTruncate, vecWithCapacity,
} from '../../engine/std/vec';
import type { Arm, Binding, Expr, FmtSpec, FnItem, Pat, Pos, Program, Stmt } from '../syntax/ast';
import { RustCompileError, RustPanic, RustStepLimitError, RustSubsetError } from '../errors';
import { autoDeref, isNever, type Notes } from '../check/infer';
import { prune, show, toTy, type TypeVar } from '../check/types';
import {
  BoxLoc, copyOf, deref, ElemLoc, FieldLoc, floatToInt, follow, intCast, intInfo, intOp, LocalLoc, makeRef, scalar, TempLoc, textOf,
  valueCmp, valueEq, type Loc, type RefValue,
} from './values';

/** One activation of a function: its locals by slot, and the temporaries of the running statement. */
export interface Act {
  slots: (Local | null)[];
  temps: RValue[];
  /** A place object per slot, reused while the slot holds the same binding (hot loops make no garbage). */
  locs: (LocalLoc | undefined)[];
}

type Ev = (a: Act) => RValue;
type LocEv = (a: Act) => Loc;

/** What the compiled program needs while it runs. */
export interface Runtime {
  m: Machine;
  out: string[];
  /** Statements executed. */
  steps: number;
  /** Loop passes (a loop with an empty body still costs steps against maxSteps). */
  iterations: number;
  /** Budget for statements + loop passes. */
  maxSteps: number;
}

/** break / continue / return unwinding to their loop or function. */
class Signal {
  constructor(readonly kind: 'break' | 'continue' | 'return', readonly label: string | undefined, readonly value: RValue) {}
}

const UNIT_V: RValue = { tag: 'unit', ty: { kind: 'unit' } };
const BOOL_TY: Ty = { kind: 'bool' };
const TRUE_V = scalar(BOOL_TY, true);
const FALSE_V = scalar(BOOL_TY, false);
const CHAR_TY: Ty = { kind: 'char' };
const USIZE_TY: Ty = { kind: 'int', name: 'usize' };
const STR_REF_TY: Ty = { kind: 'ref', mutable: false, to: { kind: 'str' } };

const tyCache = new Map<string, Ty>();
/** Engine types, shared per spelling so scalars do not each carry a new Ty object. */
function engineTy(t: TypeVar): Ty {
  const ty = toTy(t);
  const key = JSON.stringify(ty);
  let cached = tyCache.get(key);
  if (!cached) tyCache.set(key, (cached = ty));
  return cached;
}

function con(t: TypeVar | undefined): string {
  const p = prune(t!);
  return p.k === 'con' ? p.c : '?';
}

/** Whether values of this type are copied rather than moved. */
function isCopyTy(t: TypeVar, prog: Program): boolean {
  const p = prune(t);
  if (p.k === 'var') return true; // a literal variable: an integer or a float
  switch (p.c) {
    case 'ref':
      return !p.mutable;
    case 'tuple':
      return p.args.every((a) => isCopyTy(a, prog));
    case 'String':
    case 'Vec':
    case 'Box':
    case 'Rc':
      return false;
    case 'Option':
      return isCopyTy(p.args[0]!, prog);
    default:
      if (p.c.startsWith('adt:')) return prog.copyTypes.has(p.c.slice(4));
      return true;
  }
}

/** Move state of the function being compiled: which bindings are moved (or not yet initialised), and where. */
type Moves = Map<Binding, Pos & { uninit?: boolean }>;

interface FnCtx {
  fn: FnItem;
  moves: Moves;
  /** Whether the code being compiled can no longer be reached (after return/break). */
  dead: boolean;
  loopDepth: number;
  /** Bindings declared inside each open loop, to tell "moved in a previous iteration". */
  loopOuter: Set<Binding>[];
  /** Live borrows of locals held by `let r = &x` bindings and for loops, for the borrow check. */
  borrows: Borrow[];
}

/** `&x` / `&mut x` kept alive: from `from` until `until` (the holder's last use, or a loop's end). */
interface Borrow {
  root: Binding;
  mutable: boolean;
  from: Pos;
  until: Pos;
  holder: string;
}

/** A matched value: a place (no move unless the pattern takes the whole variable) or a temporary. */
interface Scrutinee {
  loc: LocEv;
  isPlace: boolean;
  /** The variable when the scrutinee is one, whole. */
  whole?: Binding;
  pos: Pos;
}

type Access = 'read' | 'mutborrow' | 'write' | 'move';

function before(a: Pos, b: Pos): boolean {
  return a.line < b.line || (a.line === b.line && a.col < b.col);
}

export class Compiler {
  private ctx!: FnCtx;
  readonly fns = new Map<string, { call: (rt: Runtime, args: RValue[], line: number) => RValue }>();
  private readonly bodies = new Map<string, (args: RValue[], line: number) => RValue>();

  constructor(readonly prog: Program, readonly rt: Runtime) {}

  private get m(): Machine {
    return this.rt.m;
  }

  compileAll(): (line: number) => RValue {
    for (const fn of this.prog.fns.values()) this.bodies.set(fn.name, this.placeholder(fn.name));
    for (const fn of this.prog.fns.values()) this.compileFn(fn);
    const main = this.prog.fns.get('main')!;
    if (main.params.length) throw new RustCompileError('`main` function has wrong type: it takes no arguments', main.pos.line, main.pos.col, 'E0580');
    return (line) => this.callFn('main', [], line);
  }

  private readonly impls = new Map<string, (args: RValue[], line: number) => RValue>();
  private placeholder(name: string) {
    return (args: RValue[], line: number) => this.impls.get(name)!(args, line);
  }
  callFn(name: string, args: RValue[], line: number): RValue {
    return this.impls.get(name)!(args, line);
  }

  private err(pos: Pos, message: string, code?: string): never {
    throw new RustCompileError(message, pos.line, pos.col, code);
  }

  private subset(pos: Pos, message: string, construct: string): never {
    throw new RustSubsetError(message, pos.line, pos.col, construct);
  }

  // ---------------------------------------------------------------- functions

  private compileFn(fn: FnItem): void {
    this.ctx = { fn, moves: new Map(), dead: false, loopDepth: 0, loopOuter: [], borrows: [] };
    const params = fn.params.map((p) => {
      if (p.pat.k !== 'bind') this.subset(p.pos, 'patterns in parameters are not supported yet', 'parameter');
      return { name: p.pat.name, slot: p.pat.binding!.slot, ty: engineTy(p.pat.binding!.ty) };
    });
    const body = this.blockBody(fn.body, false);
    const rt = this.rt;
    const nSlots = fn.slots;
    const endLine = fn.body.endLine;
    const name = fn.name;
    this.impls.set(fn.name, (args, line) => {
      const m = rt.m;
      m.line = line;
      m.pushFrame(name);
      const act: Act = { slots: new Array(nSlots).fill(null), temps: [], locs: new Array(nSlots) };
      for (let i = 0; i < params.length; i++) act.slots[params[i]!.slot] = m.bind(params[i]!.name, params[i]!.ty, args[i]!);
      let result: RValue;
      try {
        result = body(act);
      } catch (e) {
        if (e instanceof Signal && e.kind === 'return') result = e.value;
        else throw e;
      }
      m.line = endLine;
      // Rust 2021: temporaries of the tail expression are dropped after the function's locals.
      const frame = m.currentFrame;
      while (frame.scopes.length) m.closeScope();
      dropTemps(m, act, 0);
      m.popFrame();
      m.line = line;
      return result;
    });
  }

  // ---------------------------------------------------------------- blocks and statements

  /** A block's statements and tail; `scoped` opens a scope for its locals (not for a function body). */
  private blockBody(b: Expr & { k: 'block' }, scoped: boolean): Ev {
    const stmts = b.stmts.map((s) => this.stmt(s));
    const tail = b.tail ? this.value(b.tail) : undefined;
    const hasLets = b.stmts.some((s) => s.k === 'let');
    const m = () => this.rt.m;
    const endLine = b.endLine;
    const n = stmts.length;
    const run = (a: Act): RValue => {
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

  private stmt(s: Stmt): (a: Act) => void {
    const line = s.pos.line;
    const rt = this.rt;
    const body = s.k === 'let' ? this.letStmt(s) : this.exprStmt(s.e);
    return (a) => {
      if (++rt.steps + rt.iterations > rt.maxSteps) throw new RustStepLimitError(rt.maxSteps, line);
      rt.m.line = line;
      const mark = a.temps.length;
      body(a);
      if (a.temps.length > mark) dropTemps(rt.m, a, mark);
    };
  }

  private exprStmt(e: Expr): (a: Act) => void {
    const v = this.value(e);
    const t = e.ty!;
    const p = prune(t);
    const needsDrop = !(p.k === 'con' && (p.c === 'unit' || p.c === 'never')) && !isCopyTy(t, this.prog);
    if (!needsDrop) return v;
    const m = () => this.rt.m;
    return (a) => m().dropValue(v(a));
  }

  private letStmt(s: Stmt & { k: 'let' }): (a: Act) => void {
    if (s.pat.k === 'bind' && !s.pat.sub) {
      const b = s.pat.binding!;
      const ty = engineTy(b.ty);
      const name = b.name;
      const slot = b.slot;
      const m = () => this.rt.m;
      if (!s.value) {
        this.ctx.moves.set(b, { ...s.pos, uninit: true });
        return (a) => {
          a.slots[slot] = m().bind(name, ty, null);
        };
      }
      const v = this.value(s.value, (s.value as Notes).coerce);
      this.ctx.moves.delete(b);
      if (s.value.k === 'ref') this.borrow(this.rootOf(s.value.e), s.value.mutable, s.value.pos, b.uses[b.uses.length - 1], `\`${b.name}\``);
      else if ((s.value.k === 'call' || s.value.k === 'method') && holdsRef(b.ty)) {
        // A reference returned by a call borrows from what the call was given by reference
        // (lifetime elision: the receiver of a method, else the reference arguments).
        const mutable = holdsRef(b.ty, true);
        const until = b.uses[b.uses.length - 1];
        for (const root of this.borrowedBy(s.value)) this.borrow(root, mutable, s.value.pos, until, `\`${b.name}\``);
      }
      return (a) => {
        const value = v(a);
        a.slots[slot] = m().bind(name, ty, value);
      };
    }
    if (!s.value) this.subset(s.pos, 'a let without a value must bind a plain name', 'let_declaration');
    // Destructuring `let (a, b) = …;` / `let Point { x, y } = …;`
    const src = this.scrutinee(s.value);
    const bind = this.binderFor(s.pat, s.value.ty!, src);
    const test = this.patTest(s.pat);
    return (a) => {
      const loc = src.loc(a);
      if (!test(loc.get())) throw new RustPanic('refutable pattern in let did not match', s.pos.line);
      bind(a, loc);
    };
  }

  // ---------------------------------------------------------------- moves

  /**
   * The borrow check, simplified to what course snippets do: a `let r = &x` borrow lives until r's
   * last use (as NLL computes it for straight-line code); touching x meanwhile in a conflicting way
   * is rustc's E0499 / E0502 / E0503 / E0505 / E0506.
   */
  private access(b: Binding, pos: Pos, kind: Access): void {
    for (const br of this.ctx.borrows) {
      if (br.root !== b || !before(br.from, pos) || !before(pos, br.until)) continue;
      if (!br.mutable && kind === 'read') continue;
      const held = `${br.holder} borrows it at line ${br.from.line} and is used later, at line ${br.until.line}`;
      const x = b.name;
      if (kind === 'mutborrow') {
        if (br.mutable) this.err(pos, `cannot borrow \`${x}\` as mutable more than once at a time (${held})`, 'E0499');
        this.err(pos, `cannot borrow \`${x}\` as mutable because it is also borrowed as immutable (${held})`, 'E0502');
      }
      if (kind === 'read') this.err(pos, `cannot use \`${x}\` because it was mutably borrowed (${held})`, 'E0503');
      if (kind === 'write') this.err(pos, `cannot assign to \`${x}\` because it is borrowed (${held})`, 'E0506');
      this.err(pos, `cannot move out of \`${x}\` because it is borrowed (${held})`, 'E0505');
    }
  }

  /** The local a place expression is part of (not through a reference). */
  private rootOf(e: Expr): Binding | undefined {
    if (e.k === 'name') return e.binding;
    if (e.k === 'field' || e.k === 'index') {
      const c = con(e.e.ty);
      if (c === 'ref' || c === 'Rc') return undefined;
      return this.rootOf(e.e);
    }
    return undefined;
  }

  /** Locals a call lends out by reference: an auto-ref'd receiver, or `&x` / `&mut x` arguments. */
  private borrowedBy(e: Expr & { k: 'call' | 'method' }): Binding[] {
    const roots: Binding[] = [];
    if (e.k === 'method' && con(e.recv.ty) !== 'ref') {
      const root = this.rootOf(e.recv);
      if (root) roots.push(root);
      if (roots.length) return roots;
    }
    for (const arg of e.args) {
      if (arg.k === 'ref') {
        const root = this.rootOf(arg.e);
        if (root) roots.push(root);
      }
    }
    return roots;
  }

  private borrow(root: Binding | undefined, mutable: boolean, from: Pos, until: Pos | undefined, holder: string): void {
    if (root && until && before(from, until)) this.ctx.borrows.push({ root, mutable, from, until, holder });
  }

  private useLocal(b: Binding, pos: Pos, move: boolean): void {
    this.access(b, pos, move ? 'move' : 'read');
    const partial = this.fieldKeys.get(b)?.get('*');
    const partly = partial && this.ctx.moves.get(partial);
    if (partly && !this.ctx.moves.get(b)) {
      this.err(pos, `${move ? 'use' : 'borrow'} of partially moved value: \`${b.name}\` (a field was moved out at line ${partly.line})`, 'E0382');
    }
    const moved = this.ctx.moves.get(b);
    if (moved?.uninit) this.err(pos, `used binding \`${b.name}\` isn't initialized (declared at line ${b.pos.line}, possibly not assigned on every path)`, 'E0381');
    if (moved) {
      const again = moved.line === pos.line && moved.col === pos.col;
      const where = again ? 'in a previous iteration of the loop' : `at line ${moved.line}`;
      this.err(pos, `${move ? 'use' : 'borrow'} of moved value: \`${b.name}\` (value moved ${where}, ${move ? 'used' : 'borrowed'} here after the move)`, 'E0382');
    }
    if (move && !this.ctx.dead) this.ctx.moves.set(b, pos);
  }

  /** `x.f` where x is a local that owns its struct (not through a reference or pointer). */
  private ownedField(e: Expr & { k: 'field' }): { b: Binding; index: number } | undefined {
    if (e.e.k !== 'name' || !e.e.binding) return undefined;
    const t = prune(e.e.ty!);
    const c = con(t);
    let index: number;
    if (c === 'tuple') index = Number(e.name);
    else if (c.startsWith('adt:') && this.prog.structs.has(c.slice(4))) index = this.prog.structs.get(c.slice(4))!.fields.findIndex((f) => f.name === e.name);
    else return undefined;
    return { b: e.e.binding, index };
  }

  private readonly fieldKeys = new Map<Binding, Map<string, Binding>>();
  /** Stand-in bindings for `x.f` and for "some field of x", so partial moves merge like moves. */
  private fieldKey(b: Binding, field: string): Binding {
    let m = this.fieldKeys.get(b);
    if (!m) this.fieldKeys.set(b, (m = new Map()));
    let k = m.get(field);
    if (!k) m.set(field, (k = { ...b, name: field === '*' ? b.name : `${b.name}.${field}`, uses: [] }));
    return k;
  }

  private checkField(b: Binding, field: string, pos: Pos, move: boolean): void {
    const whole = this.ctx.moves.get(b);
    if (whole) this.useLocal(b, pos, false); // reports the move of the whole variable
    this.access(b, pos, move ? 'move' : 'read');
    const key = this.fieldKey(b, field);
    const moved = this.ctx.moves.get(key);
    if (moved) this.err(pos, `${move ? 'use' : 'borrow'} of moved value: \`${key.name}\` (value moved at line ${moved.line}, ${move ? 'used' : 'borrowed'} here after the move)`, 'E0382');
    if (move && !this.ctx.dead) {
      this.ctx.moves.set(key, pos);
      this.ctx.moves.set(this.fieldKey(b, '*'), pos);
    }
  }

  /** Moving a field out of a variable (`self.name`): the variable is partially moved from then on. */
  private fieldMove(e: Expr & { k: 'field' }): Ev {
    const own = this.ownedField(e);
    if (!own) {
      let base = e.e;
      while (base.k === 'field') base = base.e;
      const through = con(base.ty) === 'ref' || con(e.e.ty) === 'ref';
      if (through) this.err(e.pos, `cannot move out of \`${exprText(e)}\` which is behind a reference (it does not implement the \`Copy\` trait); borrow it with & or clone it`, 'E0507');
      return this.subset(e.pos, `moving \`${exprText(e)}\` out of a nested place is not supported yet; borrow it with & or clone it`, 'field_expression');
    }
    this.checkField(own.b, e.name, e.pos, true);
    const slot = own.b.slot;
    const index = own.index;
    const rt = this.rt;
    return (a) => {
      const s = a.slots[slot]!;
      const v = new FieldLoc(rt.m, new LocalLoc(rt.m, s), index).take();
      rt.m.touchLocal(s);
      return v;
    };
  }

  private snapshot(): Moves {
    return new Map(this.ctx.moves);
  }

  /** After branches: a value moved in any branch that can fall through is (maybe) moved. */
  private merge(states: { moves: Moves; dead: boolean }[]): void {
    const live = states.filter((s) => !s.dead);
    const merged: Moves = new Map();
    for (const s of live) for (const [b, p] of s.moves) if (!merged.has(b)) merged.set(b, p);
    this.ctx.moves = merged;
    this.ctx.dead = live.length === 0;
  }

  private branch<T>(start: Moves, f: () => T): { result: T; moves: Moves; dead: boolean } {
    this.ctx.moves = new Map(start);
    this.ctx.dead = false;
    const result = f();
    return { result, moves: this.ctx.moves, dead: this.ctx.dead };
  }

  /**
   * A loop body runs again: compile it once, then check it a second time with the moves of the
   * first pass, so a value moved in one iteration and used in the next is caught.
   */
  private loopBody<T>(compile: () => T): T {
    const before = this.snapshot();
    this.ctx.loopDepth++;
    const result = compile();
    const after = this.ctx.moves;
    const newMoves = [...after].filter(([b]) => !before.has(b));
    if (newMoves.length && !this.ctx.dead) {
      this.ctx.moves = after;
      // Moves of bindings declared inside the loop are fresh each iteration.
      const saved = this.ctx.moves;
      compile();
      this.ctx.moves = saved;
    }
    this.ctx.loopDepth--;
    this.ctx.dead = false;
    return result;
  }

  // ---------------------------------------------------------------- values

  /**
   * An expression used by value: Copy values are copied, others moved out of their place.
   * `coerce` derefs a reference through Box/Rc that many times (`&Box<List>` → `&List`).
   */
  value(e: Expr, coerce?: number): Ev {
    const v = this.valueInner(e);
    if (!coerce) return v;
    const m = () => this.rt.m;
    const ty = engineTy(e.ty!);
    return (a) => {
      let r = v(a) as RefValue;
      for (let i = 0; i < coerce; i++) {
        const inner = r.loc.get() as Extract<RValue, { tag: 'box' | 'rc' }>;
        r = makeRef(ty, new BoxLoc(m(), inner));
      }
      return r;
    };
  }

  private isPlace(e: Expr): boolean {
    return e.k === 'name' ? !!e.binding : e.k === 'field' || e.k === 'index' || (e.k === 'unary' && e.op === '*');
  }

  private valueInner(e: Expr): Ev {
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
        if (!b) return this.unitVariant(e.pos, [e.name], e.ty!);
        const slot = b.slot;
        if (isCopyTy(e.ty!, prog)) {
          this.useLocal(b, e.pos, false);
          const simple = prune(e.ty!).k === 'var' || !['tuple', 'Option'].includes(con(e.ty)) && !con(e.ty).startsWith('adt:');
          if (simple) {
            return (a) => {
              const s = a.slots[slot]!;
              return s.value ?? rt.m.read(s);
            };
          }
          return (a) => copyOf(rt.m.read(a.slots[slot]!));
        }
        this.useLocal(b, e.pos, true);
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
        return this.unitVariant(e.pos, e.segs, e.ty!);
      }
      case 'tuple': {
        const items = e.items.map((i) => this.value(i, (i as Notes).coerce));
        const ty = engineTy(e.ty!);
        if (!items.length) return () => UNIT_V;
        return (a) => ({ tag: 'tuple', ty, items: items.map((f) => f(a)) });
      }
      case 'binary':
        return this.binary(e);
      case 'unary':
        return this.unary(e);
      case 'ref': {
        const ty = engineTy(e.ty!);
        const root = this.rootOf(e.e);
        if (root) this.access(root, e.pos, e.mutable ? 'mutborrow' : 'read');
        if (e.e.k === 'name' && e.e.binding) {
          const b = e.e.binding;
          this.useLocal(b, e.e.pos, false);
          if (e.mutable && !b.mutable) this.err(e.pos, `cannot borrow \`${b.name}\` as mutable, as it is not declared as mutable`, 'E0596');
          const slot = b.slot;
          return (a) => {
            const s = a.slots[slot]!;
            rt.m.read(s);
            return makeRef(ty, new LocalLoc(rt.m, s));
          };
        }
        if (e.mutable) this.checkMutablePlace(e.e);
        const loc = this.place(e.e, false);
        return (a) => makeRef(ty, loc(a));
      }
      case 'assign':
        return this.assign(e);
      case 'call':
        return this.call(e);
      case 'method':
        return this.method(e);
      case 'field':
      case 'index': {
        if (!isCopyTy(e.ty!, prog)) {
          if (e.k === 'index') this.err(e.pos, `cannot move out of index of \`${show(e.e.ty!)}\` (move occurs because the element has type \`${show(e.ty!)}\`, which does not implement the \`Copy\` trait); borrow it with & or clone it`, 'E0507');
          return this.fieldMove(e);
        }
        const loc = this.place(e, false);
        return (a) => copyOf(loc(a).get());
      }
      case 'struct': {
        const ty = engineTy(e.ty!);
        const segs = e.segs;
        const isEnum = segs.length === 2;
        const def = isEnum ? prog.enums.get(segs[0]!)!.variants.find((v) => v.name === segs[1])! : prog.structs.get(segs[0]!)!;
        const names = def.fields.map((f) => f.name);
        // Fields are evaluated in the order written, then placed in declaration order.
        const inits = e.fields.map((f) => ({ index: names.indexOf(f.name), v: this.value(f.value, (f.value as Notes).coerce) }));
        const name = isEnum ? segs[0]! : segs[0]!;
        return (a) => {
          const fields: RValue[] = new Array(names.length);
          for (const init of inits) fields[init.index] = init.v(a);
          return isEnum
            ? { tag: 'enum', ty, name, variant: segs[1]!, fieldNames: names, fields }
            : { tag: 'struct', ty, name, fieldNames: names, fields };
        };
      }
      case 'block':
        return this.blockBody(e, true);
      case 'if':
        return this.ifExpr(e);
      case 'iflet':
        return this.ifLet(e);
      case 'while':
      case 'whilelet':
      case 'loop':
        return this.loop(e);
      case 'for':
        return this.forLoop(e);
      case 'break':
      case 'continue':
      case 'return': {
        const v = e.k !== 'continue' && e.value ? this.value(e.value, (e.value as Notes).coerce) : undefined;
        const kind = e.k;
        const label = e.k === 'return' ? undefined : e.label;
        this.ctx.dead = true;
        return (a) => {
          throw new Signal(kind, label, v ? v(a) : UNIT_V);
        };
      }
      case 'match':
        return this.match(e);
      case 'cast':
        return this.cast(e);
      case 'range':
        return this.subset(e.pos, 'ranges are supported only in for loops', 'range_expression');
      case 'format':
        return this.format(e);
      case 'vec': {
        const items = e.items.map((i) => this.value(i, (i as Notes).coerce));
        const elem = engineTy((prune(e.ty!) as { args: TypeVar[] }).args[0]!);
        if (!items.length) return () => vecNew(rt.m, elem);
        // vec![a, b] boxes an array through box_new: the buffer is allocated before the items are evaluated.
        return (a) => {
          const v = vecWithCapacity(rt.m, elem, items.length);
          for (const item of items) vecPush(rt.m, v, item(a), TEMP);
          return v;
        };
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
      case 'assert': {
        const cond = this.value(e.cond);
        const text = e.text;
        const line = e.pos.line;
        return (a) => {
          if (!(cond(a) as { v: boolean }).v) throw new RustPanic(`assertion failed: ${text}`, line);
          return UNIT_V;
        };
      }
      case 'asserteq': {
        const l = this.operand(e.l);
        const r = this.operand(e.r);
        const eq = e.eq;
        const line = e.pos.line;
        return (a) => {
          const x = l(a);
          const y = r(a);
          if (valueEq(x, y) !== eq) {
            const show = (v: RValue) => {
              const out: string[] = [];
              writesOf(v, true, out, follow);
              return out.join('');
            };
            throw new RustPanic(`assertion \`left ${eq ? '==' : '!='} right\` failed\n  left: ${show(x)}\n right: ${show(y)}`, line);
          }
          return UNIT_V;
        };
      }
    }
  }

  private unitVariant(pos: Pos, segs: string[], t: TypeVar): Ev {
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
  private operand(e: Expr): Ev {
    if (this.isPlace(e)) {
      if (e.k === 'name') {
        this.useLocal(e.binding!, e.pos, false);
        const slot = e.binding!.slot;
        const m = () => this.rt.m;
        return (a) => m().read(a.slots[slot]!);
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
        if (b) {
          this.useLocal(b, e.pos, false);
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
        const own = this.ownedField(e);
        if (own) {
          // A field of a variable that owns it: moves of other fields do not matter here.
          this.checkField(own.b, e.name, e.pos, false);
          const slot = own.b.slot;
          const index = own.index;
          return (a) => new FieldLoc(rt.m, new LocalLoc(rt.m, a.slots[slot]!), index);
        }
        const base = this.derefPlace(e.e, mutate);
        const t = autoDeref(e.e.ty!);
        let index: number;
        if (con(t) === 'tuple') index = Number(e.name);
        else index = this.prog.structs.get(con(t).slice(4))!.fields.findIndex((f) => f.name === e.name);
        return (a) => new FieldLoc(rt.m, base(a), index);
      }
      case 'index': {
        const base = this.derefPlace(e.e, mutate);
        const index = this.value(e.index);
        const line = e.pos.line;
        return (a) => {
          const vec = base(a).get() as VecValue;
          const i = Number((index(a) as { v: number }).v);
          return new ElemLoc(rt.m, vec, i, line);
        };
      }
      case 'unary':
        if (e.op === '*') {
          const inner = e.e;
          const t = prune(inner.ty!);
          if (con(t) === 'ref') {
            if (mutate && !(t as { mutable?: boolean }).mutable) {
              this.err(e.pos, `cannot assign to \`*${exprText(inner)}\`, which is behind a \`&\` reference`, 'E0594');
            }
            const r = this.operand(inner);
            return (a) => (r(a) as RefValue).loc;
          }
          if (con(t) === 'Box' || con(t) === 'Rc') {
            const base = this.place(inner, mutate);
            return (a) => new BoxLoc(rt.m, base(a).get() as Extract<RValue, { tag: 'box' | 'rc' }>);
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
      return new TempLoc(x);
    };
  }

  /** The place behind an expression after auto-deref (field access and indexing look through &, Box, Rc). */
  private derefPlace(e: Expr, mutate: boolean): LocEv {
    const rt = this.rt;
    let loc = this.place(e, mutate);
    let t = prune(e.ty!);
    while (t.k === 'con' && (t.c === 'ref' || t.c === 'Box' || t.c === 'Rc')) {
      const prev = loc;
      if (t.c === 'ref') {
        if (mutate && !t.mutable) this.err(e.pos, `cannot assign through \`${exprText(e)}\`, which is a \`&\` reference`, 'E0594');
        loc = (a) => (prev(a).get() as RefValue).loc;
      } else loc = (a) => new BoxLoc(rt.m, prev(a).get() as Extract<RValue, { tag: 'box' | 'rc' }>);
      t = prune(t.args[0]!);
    }
    return loc;
  }

  /** `x = …`, `x.f = …`, `v[i] = …` need `let mut x` (E0384 / E0594 / E0596). */
  private checkMutablePlace(e: Expr): void {
    let base = e;
    while (base.k === 'field' || base.k === 'index') {
      const t = prune(base.e.ty!);
      if (con(t) === 'ref') {
        if (!(t as { mutable?: boolean }).mutable) this.err(e.pos, `cannot borrow \`${exprText(e)}\` as mutable, as it is behind a \`&\` reference`, 'E0596');
        return;
      }
      base = base.e;
    }
    if (base.k === 'name' && base.binding && !base.binding.mutable) {
      this.err(e.pos, `cannot borrow \`${exprText(e)}\` as mutable, as \`${base.binding.name}\` is not declared as mutable`, 'E0596');
    }
  }

  // ---------------------------------------------------------------- operators

  private binary(e: Expr & { k: 'binary' }): Ev {
    const rt = this.rt;
    if (e.op === '&&' || e.op === '||') {
      const l = this.value(e.l);
      const r = this.value(e.r);
      return e.op === '&&' ? (a) => ((l(a) as { v: boolean }).v ? r(a) : FALSE_V) : (a) => ((l(a) as { v: boolean }).v ? TRUE_V : r(a));
    }
    const lt = autoDeref(e.l.ty!);
    if (['==', '!=', '<', '<=', '>', '>='].includes(e.op)) {
      const l = this.operand(e.l);
      const r = this.operand(e.r);
      const scalarCmp = isScalarTy(lt) && con(e.l.ty) !== 'ref';
      switch (e.op) {
        case '==':
          return scalarCmp ? (a) => ((l(a) as { v: number }).v == (r(a) as { v: number }).v ? TRUE_V : FALSE_V) : (a) => (valueEq(l(a), r(a)) ? TRUE_V : FALSE_V);
        case '!=':
          return scalarCmp ? (a) => ((l(a) as { v: number }).v != (r(a) as { v: number }).v ? TRUE_V : FALSE_V) : (a) => (valueEq(l(a), r(a)) ? FALSE_V : TRUE_V);
        case '<':
          return scalarCmp ? (a) => ((l(a) as { v: number }).v < (r(a) as { v: number }).v ? TRUE_V : FALSE_V) : (a) => (valueCmp(l(a), r(a)) < 0 ? TRUE_V : FALSE_V);
        case '<=':
          return scalarCmp ? (a) => ((l(a) as { v: number }).v <= (r(a) as { v: number }).v ? TRUE_V : FALSE_V) : (a) => (valueCmp(l(a), r(a)) <= 0 ? TRUE_V : FALSE_V);
        case '>':
          return scalarCmp ? (a) => ((l(a) as { v: number }).v > (r(a) as { v: number }).v ? TRUE_V : FALSE_V) : (a) => (valueCmp(l(a), r(a)) > 0 ? TRUE_V : FALSE_V);
        default:
          return scalarCmp ? (a) => ((l(a) as { v: number }).v >= (r(a) as { v: number }).v ? TRUE_V : FALSE_V) : (a) => (valueCmp(l(a), r(a)) >= 0 ? TRUE_V : FALSE_V);
      }
    }
    if (e.op === '+' && con(e.l.ty) === 'String') {
      // String + &str: push_str into the left String, which moves through.
      const l = this.value(e.l);
      const r = this.operand(e.r);
      return (a) => {
        const s = l(a) as StringValue;
        pushStr(rt.m, s, textOf(r(a)), TEMP);
        return s;
      };
    }
    const op = this.arith(e.op, e.ty!, e.pos);
    const l = this.numOperand(e.l);
    const r = this.numOperand(e.r);
    return (a) => op(l(a), r(a));
  }

  /** A number operand: references to numbers are read through. */
  private numOperand(e: Expr): (a: Act) => Extract<RValue, { tag: 'scalar' }> {
    const v = this.value(e);
    if (con(e.ty) === 'ref') return (a) => deref(v(a)) as Extract<RValue, { tag: 'scalar' }>;
    return v as (a: Act) => Extract<RValue, { tag: 'scalar' }>;
  }

  /** The arithmetic of one operator at one type, producing a scalar of that type. */
  private arith(op: string, t: TypeVar, pos: Pos): (x: Extract<RValue, { tag: 'scalar' }>, y: Extract<RValue, { tag: 'scalar' }>) => RValue {
    const ty = engineTy(autoDeref(t));
    const rt = this.rt;
    if (ty.kind === 'int') {
      const f = intOp(op, intInfo(ty.name), () => pos.line);
      void rt;
      return (x, y) => scalar(ty, f(x.v as number, y.v as number));
    }
    if (ty.kind === 'float') {
      const f32 = ty.name === 'f32';
      const r = f32 ? Math.fround : (x: number) => x;
      switch (op) {
        case '+':
          return (x, y) => scalar(ty, r((x.v as number) + (y.v as number)));
        case '-':
          return (x, y) => scalar(ty, r((x.v as number) - (y.v as number)));
        case '*':
          return (x, y) => scalar(ty, r((x.v as number) * (y.v as number)));
        case '/':
          return (x, y) => scalar(ty, r((x.v as number) / (y.v as number)));
        case '%':
          return (x, y) => scalar(ty, r((x.v as number) % (y.v as number)));
      }
    }
    if (ty.kind === 'bool') {
      switch (op) {
        case '&':
          return (x, y) => (x.v && y.v ? TRUE_V : FALSE_V);
        case '|':
          return (x, y) => (x.v || y.v ? TRUE_V : FALSE_V);
        case '^':
          return (x, y) => (x.v !== y.v ? TRUE_V : FALSE_V);
      }
    }
    return this.err(pos, `cannot apply \`${op}\` to \`${show(t)}\``, 'E0369');
  }

  private unary(e: Expr & { k: 'unary' }): Ev {
    const rt = this.rt;
    if (e.op === '*') {
      if (!isCopyTy(e.ty!, this.prog)) {
        const t = prune(e.e.ty!);
        if (con(t) === 'ref') this.err(e.pos, `cannot move out of \`*${exprText(e.e)}\` which is behind a ${(t as { mutable?: boolean }).mutable ? 'mutable' : 'shared'} reference`, 'E0507');
        return this.subset(e.pos, 'moving a value out of a Box with * is not supported yet', 'unary_expression');
      }
      const loc = this.place(e, false);
      return (a) => copyOf(loc(a).get());
    }
    const v = this.numOperand(e.e);
    const ty = engineTy(e.ty!);
    if (e.op === '!') {
      if (ty.kind === 'bool') return (a) => (v(a).v ? FALSE_V : TRUE_V);
      const info = intInfo((ty as { name: 'i32' }).name);
      return (a) => scalar(ty, intCast(~BigInt(v(a).v as number) as bigint, info));
    }
    if (ty.kind === 'float') return (a) => scalar(ty, -(v(a).v as number));
    const info = intInfo((ty as { name: 'i32' }).name);
    const line = e.pos.line;
    return (a) => {
      const x = v(a).v as number | bigint;
      if (x == info.min) throw new RustPanic('attempt to negate with overflow', line);
      return scalar(ty, typeof x === 'number' ? (x === 0 ? 0 : -x) : norm(-x));
    };
  }

  private assign(e: Expr & { k: 'assign' }): Ev {
    const rt = this.rt;
    const l = e.l;
    if (l.k === 'name' && l.binding) {
      const b = l.binding;
      this.access(b, e.pos, 'write');
      const state = this.ctx.moves.get(b);
      if (!b.mutable && !(state?.uninit && e.op === '=')) {
        this.err(e.pos, `cannot assign twice to immutable variable \`${b.name}\` (declared at line ${b.pos.line}; make it \`let mut ${b.name}\`)`, 'E0384');
      }
      const slot = b.slot;
      if (e.op === '=') {
        const r = this.value(e.r, (e.r as Notes).coerce);
        if (!this.ctx.dead) this.ctx.moves.delete(b); // assignment re-initialises
        return (a) => {
          const v = r(a);
          const s = a.slots[slot]!;
          if (s.value === null) {
            // Re-initialising a moved-from (or declared-only) binding: nothing to drop.
            s.value = v;
            rt.m.adopt(v, ownerOf({ kind: 'local', local: s }));
            rt.m.touchLocal(s);
          } else rt.m.assign(s, v);
          return UNIT_V;
        };
      }
      this.useLocal(b, l.pos, false);
      if (con(l.ty) === 'String') {
        const r = this.operand(e.r);
        return (a) => {
          const s = a.slots[slot]!;
          pushStr(rt.m, rt.m.read(s) as StringValue, textOf(r(a)), { kind: 'local', local: s });
          return UNIT_V;
        };
      }
      const op = this.arith(e.op, l.ty!, e.pos);
      const r = this.numOperand(e.r);
      return (a) => {
        const s = a.slots[slot]!;
        const y = r(a);
        // A number owns nothing: no drop or ownership change, just the new value re-recorded.
        s.value = op(rt.m.read(s) as Extract<RValue, { tag: 'scalar' }>, y);
        rt.m.touchLocal(s);
        return UNIT_V;
      };
    }
    this.checkAssignable(l);
    if (l.k === 'field' && e.op === '=') {
      const own = this.ownedField(l);
      if (own) this.ctx.moves.delete(this.fieldKey(own.b, l.name)); // a moved-out field may be given a new value
    }
    const root = this.rootOf(l);
    if (root) this.access(root, e.pos, 'write');
    const loc = this.place(l, true);
    if (e.op === '=') {
      const r = this.value(e.r, (e.r as Notes).coerce);
      return (a) => {
        const v = r(a);
        loc(a).set(v);
        return UNIT_V;
      };
    }
    if (con(l.ty) === 'String') {
      const r = this.operand(e.r);
      return (a) => {
        const p = loc(a);
        pushStr(rt.m, p.get() as StringValue, textOf(r(a)), p.home());
        p.changed();
        return UNIT_V;
      };
    }
    const op = this.arith(e.op, l.ty!, e.pos);
    const r = this.numOperand(e.r);
    return (a) => {
      const y = r(a);
      const p = loc(a);
      p.set(op(p.get() as Extract<RValue, { tag: 'scalar' }>, y));
      return UNIT_V;
    };
  }

  private checkAssignable(l: Expr): void {
    let base = l;
    while (base.k === 'field' || base.k === 'index') {
      const t = prune(base.e.ty!);
      if (con(t) === 'ref') {
        if (!(t as { mutable?: boolean }).mutable) this.err(l.pos, `cannot assign to \`${exprText(l)}\`, which is behind a \`&\` reference`, 'E0594');
        return;
      }
      if (con(t) === 'Rc') this.err(l.pos, `cannot assign to data in an \`Rc\``, 'E0594');
      base = base.e;
    }
    if (base.k === 'name' && base.binding && !base.binding.mutable) {
      this.err(l.pos, `cannot assign to \`${exprText(l)}\`, as \`${base.binding.name}\` is not declared as mutable`, 'E0594');
    }
  }

  private cast(e: Expr & { k: 'cast' }): Ev {
    const v = this.numOperand(e.e);
    const from = engineTy(e.e.ty!);
    const to = engineTy(e.ty!);
    if (to.kind === 'int') {
      const info = intInfo(to.name);
      if (from.kind === 'float') return (a) => scalar(to, floatToInt(v(a).v as number, info));
      if (from.kind === 'char') return (a) => scalar(to, intCast((v(a).v as string).codePointAt(0)!, info));
      if (from.kind === 'bool') return (a) => scalar(to, v(a).v ? 1 : 0);
      return (a) => scalar(to, intCast(v(a).v as number, info));
    }
    if (to.kind === 'float') {
      const f32 = to.name === 'f32';
      return (a) => scalar(to, f32 ? Math.fround(Number(v(a).v)) : Number(v(a).v));
    }
    if (to.kind === 'char') return (a) => scalar(to, String.fromCodePoint(Number(v(a).v)));
    return this.err(e.pos, `non-primitive cast to \`${show(e.ty!)}\``, 'E0605');
  }

  // ---------------------------------------------------------------- control flow

  private cond(e: Expr): (a: Act) => boolean {
    const c = this.value(e);
    const rt = this.rt;
    return (a) => {
      const mark = a.temps.length;
      const r = (c(a) as { v: boolean }).v;
      if (a.temps.length > mark) dropTemps(rt.m, a, mark);
      return r;
    };
  }

  private ifExpr(e: Expr & { k: 'if' }): Ev {
    const cond = this.cond(e.cond);
    const start = this.snapshot();
    const startDead = this.ctx.dead;
    const t = this.branch(start, () => this.value(e.then));
    const f = e.else ? this.branch(start, () => this.value(e.else!)) : { result: () => UNIT_V, moves: start, dead: false };
    this.merge([t, f]);
    this.ctx.dead ||= startDead;
    const then = t.result;
    const other = f.result;
    return (a) => (cond(a) ? then(a) : other(a));
  }

  private ifLet(e: Expr & { k: 'iflet' }): Ev {
    const rt = this.rt;
    const src = this.scrutinee(e.value);
    const test = this.patTest(e.pat);
    const start = this.snapshot();
    const t = this.branch(start, () => {
      const bind = this.binderFor(e.pat, e.value.ty!, src);
      const body = this.value(e.then);
      return { bind, body };
    });
    const f = e.else ? this.branch(start, () => this.value(e.else!)) : { result: () => UNIT_V, moves: start, dead: false };
    this.merge([t, f]);
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

  private loop(e: Expr & { k: 'while' | 'whilelet' | 'loop' }): Ev {
    const rt = this.rt;
    const label = e.label;
    const isLoop = e.k === 'loop';
    const startDead = this.ctx.dead;
    const parts = this.loopBody(() => {
      if (e.k === 'while') return { cond: this.cond(e.cond), body: this.value(e.body) };
      if (e.k === 'whilelet') {
        const src = this.scrutinee(e.value);
        const test = this.patTest(e.pat);
        const bind = this.binderFor(e.pat, e.value.ty!, src);
        const body = this.value(e.body);
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
      return { cond: undefined, body: this.value(e.body) };
    });
    // `loop` without break never ends normally.
    this.ctx.dead = startDead || (isLoop && isNever(e.ty!));
    const { cond, body } = parts;
    const line = e.pos.line;
    return (a) => {
      for (;;) {
        // Each pass counts as a step, so even an empty endless loop meets maxSteps.
        if (++rt.iterations + rt.steps > rt.maxSteps) throw new RustStepLimitError(rt.maxSteps, line);
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

  private forLoop(e: Expr & { k: 'for' }): Ev {
    const rt = this.rt;
    const label = e.label;
    let iter = e.iter;
    let it = prune(iter.ty!);
    const pat = e.pat;
    const elemTy = forElemTy(it);
    const bindTy = engineTy(elemTy);
    // `.enumerate()` pairs each item with its index: iterate the inner iterator, count alongside.
    let enumerate = false;
    if (con(it) === 'Enumerate') {
      enumerate = true;
      iter = (iter as Expr & { k: 'method' }).recv;
      it = prune(iter.ty!);
    }
    const startDead = this.ctx.dead;
    const bindName = pat.k === 'bind' && !pat.sub ? pat : undefined;
    if (bindName?.binding) this.ctx.moves.delete(bindName.binding);
    if (pat.k !== 'bind' && pat.k !== 'wild' && pat.k !== 'tuple' && pat.k !== 'ref') this.subset(pat.pos, 'this pattern in a for loop is not supported yet (bind a name, a tuple or &pattern)', 'pattern');
    if (pat.k === 'bind' && pat.sub) this.subset(pat.pos, '@ patterns in for loops are not supported yet', 'pattern');
    const destructure = pat.k === 'tuple' || pat.k === 'ref' ? this.patBinder(pat, elemTy, false) : undefined;

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
          a.slots[slot] = m.bind(name, bindTy, value);
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

    if (con(it) === 'Range') {
      if (iter.k !== 'range') this.subset(iter.pos, 'only literal ranges a..b can be iterated', 'range_expression');
      const from = this.value(iter.from!);
      const to = this.value(iter.to!);
      const inclusive = iter.inclusive;
      const ty = engineTy((it as { args: TypeVar[] }).args[0]!);
      const body = this.loopBody(() => this.value(e.body));
      this.ctx.dead = startDead;
      const step = makeIteration(body, ty);
      return (a) => {
        const lo = (from(a) as { v: number | bigint }).v;
        const hi = (to(a) as { v: number | bigint }).v;
        if (typeof lo === 'number' && typeof hi === 'number') {
          const end = inclusive ? hi : hi - 1;
          for (let i = lo; i <= end; i++) {
            rt.m.line = e.pos.line;
            if (++rt.iterations + rt.steps > rt.maxSteps) throw new RustStepLimitError(rt.maxSteps, e.pos.line);
            if (step(a, scalar(ty, i), i - lo) !== undefined) return UNIT_V;
          }
          return UNIT_V;
        }
        const end = BigInt(hi) - (inclusive ? 0n : 1n);
        for (let i = BigInt(lo); i <= end; i++) {
          if (++rt.iterations + rt.steps > rt.maxSteps) throw new RustStepLimitError(rt.maxSteps, e.pos.line);
          if (step(a, scalar(ty, norm(i)), Number(i - BigInt(lo))) !== undefined) return UNIT_V;
        }
        return UNIT_V;
      };
    }

    if (con(it) === 'Chars' || con(it) === 'Bytes') {
      // `for c in s.chars()` / `s.bytes()`: the String is borrowed for the loop, items are copies.
      const m = iter as Expr & { k: 'method' };
      const text = this.operand(m.recv);
      const root = this.rootOf(m.recv);
      this.borrow(root, false, iter.pos, { line: e.body.k === 'block' ? e.body.endLine : e.pos.line, col: Number.MAX_SAFE_INTEGER }, 'the for loop');
      const ty = engineTy(forElemTy(it));
      const body = this.loopBody(() => this.value(e.body));
      this.ctx.dead = startDead;
      const step = makeIteration(body, ty);
      const bytes = con(it) === 'Bytes';
      const line = e.pos.line;
      return (a) => {
        const t = textOf(text(a));
        const items = bytes ? [...new TextEncoder().encode(t)] : [...t];
        for (let k = 0; k < items.length; k++) {
          if (++rt.iterations + rt.steps > rt.maxSteps) throw new RustStepLimitError(rt.maxSteps, line);
          if (step(a, scalar(ty, items[k]!), k) !== undefined) break;
        }
        return UNIT_V;
      };
    }

    // Over a Vec: by reference (`&v`, `v.iter()`, `&mut v`) or by value (`v`, consuming it).
    const byValue = con(it) === 'Vec';
    let vecLoc: LocEv;
    if (con(it) === 'Iter') {
      if (iter.k !== 'method') this.subset(iter.pos, 'iterators other than v.iter() are not supported yet', 'for_expression');
      vecLoc = this.derefPlace(iter.recv, false);
    } else if (byValue) {
      const v = this.value(iter);
      vecLoc = (a) => new TempLoc(v(a));
    } else {
      if (iter.k !== 'ref') {
        const r = this.value(iter);
        vecLoc = (a) => (r(a) as RefValue).loc;
      } else {
        if (iter.mutable) this.checkMutablePlace(iter.e);
        vecLoc = this.derefPlace(iter.e, iter.mutable);
      }
    }
    const refTy = engineTy(forElemTy(it));
    const iterRoot = iter.k === 'ref' ? this.rootOf(iter.e) : iter.k === 'method' ? this.rootOf(iter.recv) : undefined;
    const bodyEnd = { line: e.body.k === 'block' ? e.body.endLine : e.pos.line, col: Number.MAX_SAFE_INTEGER };
    this.borrow(iterRoot, iter.k === 'ref' && iter.mutable, iter.pos, bodyEnd, 'the for loop');
    const body = this.loopBody(() => this.value(e.body));
    this.ctx.dead = startDead;
    const step = makeIteration(body, refTy);
    const line = e.pos.line;
    return (a) => {
      const vec = vecLoc(a).get() as VecValue;
      if (byValue) {
        // IntoIter: elements move out one by one; the rest and the buffer are freed at the end.
        let i = 0;
        let stopped = false;
        for (; i < vec.items.length; i++) {
          if (++rt.iterations + rt.steps > rt.maxSteps) throw new RustStepLimitError(rt.maxSteps, line);
          const item = vec.items[i]!;
          vec.items[i] = UNIT_V;
          vecItemChanged(rt.m, vec, i); // the slot in the buffer no longer owns it
          if (step(a, item, i) !== undefined) {
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
      for (let i = 0; i < vec.len; i++) {
        if (++rt.iterations + rt.steps > rt.maxSteps) throw new RustStepLimitError(rt.maxSteps, line);
        if (step(a, makeRef(refTy, new ElemLoc(rt.m, vec, i, line)), i) !== undefined) break;
      }
      return UNIT_V;
    };
  }

  // ---------------------------------------------------------------- match and patterns

  /** The matched value: a place when it is one (no move), else a temporary. */
  private scrutinee(e: Expr): Scrutinee {
    if (this.isPlace(e)) return { loc: this.place(e, false), isPlace: true, whole: e.k === 'name' ? e.binding : undefined, pos: e.pos };
    const v = this.value(e);
    return {
      loc: (a) => {
        const x = v(a);
        a.temps.push(x);
        return new TempLoc(x);
      },
      isPlace: false,
      pos: e.pos,
    };
  }

  /**
   * Bindings of a pattern against a scrutinee. Destructuring a whole variable by value
   * (`let (a, b) = pair;`) moves it: allowed when the pattern takes every part that owns
   * something, so nothing is left half-owned in the variable.
   */
  private binderFor(p: Pat, ty: TypeVar, src: Scrutinee): (a: Act, loc: Loc) => void {
    if (src.isPlace && this.patMoves(p, ty)) {
      if (!src.whole) return this.subset(p.pos, 'moving parts out of a field or element in a pattern is not supported yet; match on a reference (&x) instead', 'pattern');
      if (!this.movesAll(p, ty)) return this.subset(p.pos, `moving only some parts out of \`${src.whole.name}\` is not supported yet; bind every part that owns heap data, or match on &${src.whole.name}`, 'pattern');
      this.useLocal(src.whole, src.pos, true);
      const inner = this.patBinder(p, ty, false);
      return (a, loc) => inner(a, new TempLoc(loc.take()));
    }
    return this.patBinder(p, ty, src.isPlace);
  }

  /** Whether a pattern binds some non-Copy part by value (a move). */
  private patMoves(p: Pat, ty: TypeVar): boolean {
    const t = prune(ty);
    switch (p.k) {
      case 'bind':
        return !p.byRef && !isCopyTy(t, this.prog);
      case 'tuple':
      case 'variant': {
        if (con(t) === 'ref') return false;
        const tys = this.fieldTypes(p, t);
        if (p.k === 'tuple') return p.items.some((q, i) => this.patMoves(q, tys[i]!));
        if (p.named) {
          const names = this.fieldNames(p, t);
          return p.named.some((f) => this.patMoves(f.pat, tys[names.indexOf(f.name)]!));
        }
        return p.items.some((q, i) => this.patMoves(q, tys[i]!));
      }
      default:
        return false;
    }
  }

  /** Whether a pattern takes every part of the value that is not Copy. */
  private movesAll(p: Pat, ty: TypeVar): boolean {
    const t = prune(ty);
    switch (p.k) {
      case 'bind':
        return !p.byRef || isCopyTy(t, this.prog);
      case 'tuple':
      case 'variant': {
        const tys = this.fieldTypes(p, t);
        if (p.k === 'tuple') return p.items.every((q, i) => this.movesAll(q, tys[i]!));
        if (p.named) {
          const names = this.fieldNames(p, t);
          return names.every((n, i) => {
            const f = p.named!.find((x) => x.name === n);
            return f ? this.movesAll(f.pat, tys[i]!) : isCopyTy(tys[i]!, this.prog);
          });
        }
        return p.items.every((q, i) => this.movesAll(q, tys[i]!));
      }
      default:
        return isCopyTy(t, this.prog);
    }
  }

  private match(e: Expr & { k: 'match' }): Ev {
    const rt = this.rt;
    const src = this.scrutinee(e.value);
    const start = this.snapshot();
    const arms = e.arms.map((arm) => this.branch(start, () => this.arm(arm, e.value.ty!, src)));
    this.merge(arms);
    if (!arms.length) this.ctx.dead = true;
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

  private arm(arm: Arm, ty: TypeVar, src: Scrutinee) {
    const test = this.patTest(arm.pat);
    const bind = this.binderFor(arm.pat, ty, src);
    const guard = arm.guard ? this.value(arm.guard) : undefined;
    const body = this.value(arm.body, (arm.body as Notes).coerce);
    return { test, bind, guard, body };
  }

  /** Whether a value matches a pattern (no bindings made). */
  patTest(p: Pat): (v: RValue) => boolean {
    switch (p.k) {
      case 'wild':
        return () => true;
      case 'bind':
        return p.sub ? this.patTest(p.sub) : () => true;
      case 'lit': {
        const lit = this.value(p.value);
        const dummy: Act = { slots: [], temps: [], locs: [] };
        let want: RValue | undefined;
        return (v) => valueEq(v, (want ??= lit(dummy)));
      }
      case 'range': {
        const dummy: Act = { slots: [], temps: [], locs: [] };
        const from = this.value(p.from);
        const to = this.value(p.to);
        const inclusive = p.inclusive;
        return (v) => {
          const c1 = valueCmp(v, from(dummy));
          const c2 = valueCmp(v, to(dummy));
          return c1 >= 0 && (inclusive ? c2 <= 0 : c2 < 0);
        };
      }
      case 'ref':
        return this.patTest(p.pat);
      case 'or': {
        const alts = p.alts.map((q) => this.patTest(q));
        return (v) => alts.some((t) => t(v));
      }
      case 'tuple': {
        const items = p.items.map((q) => this.patTest(q));
        return (v) => {
          const t = deref(v) as Extract<RValue, { tag: 'tuple' }>;
          return items.every((f, i) => f(t.items[i]!));
        };
      }
      case 'variant': {
        const variant = p.segs[p.segs.length - 1]!;
        const isStruct = this.prog.structs.has(p.segs[0]!) && p.segs.length === 1;
        const subs = p.named
          ? p.named.map((f) => ({ name: f.name, test: this.patTest(f.pat) }))
          : p.items.map((q, i) => ({ name: String(i), test: this.patTest(q) }));
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
  patBinder(p: Pat, ty: TypeVar, fromPlace: boolean, viaRef = false): (a: Act, loc: Loc) => void {
    const rt = this.rt;
    const prog = this.prog;
    const t = prune(ty);
    switch (p.k) {
      case 'wild':
      case 'lit':
      case 'range':
      case 'or':
        return () => {};
      case 'bind': {
        const b = p.binding!;
        this.ctx.moves.delete(b); // a fresh binding each time the pattern runs
        const bty = engineTy(b.ty);
        const slot = b.slot;
        const name = b.name;
        const sub = p.sub ? this.patBinder(p.sub, ty, fromPlace, viaRef) : undefined;
        if (viaRef || p.byRef) {
          return (a, loc) => {
            a.slots[slot] = rt.m.bind(name, bty, makeRef(bty, loc));
            sub?.(a, loc);
          };
        }
        if (isCopyTy(t, prog)) {
          return (a, loc) => {
            a.slots[slot] = rt.m.bind(name, bty, copyOf(loc.get()));
            sub?.(a, loc);
          };
        }
        if (fromPlace) return this.subset(p.pos, `moving out of a variable in a pattern is not supported yet; match on a reference (&x) instead`, 'pattern');
        // The temporary gives this part up; its other parts are dropped with it.
        return (a, loc) => {
          a.slots[slot] = rt.m.bind(name, bty, loc.take());
        };
      }
      case 'ref': {
        const inner = this.patBinder(p.pat, (t as { args: TypeVar[] }).args[0]!, true, false);
        return (a, loc) => inner(a, (loc.get() as RefValue).loc);
      }
      case 'tuple':
      case 'variant': {
        let inner = t;
        let derefs = false;
        if (con(inner) === 'ref') {
          inner = prune((inner as { args: TypeVar[] }).args[0]!);
          derefs = true;
        }
        const fieldTys = this.fieldTypes(p, inner);
        const by = viaRef || derefs;
        const subs: { index: number; bind: (a: Act, loc: Loc) => void }[] = [];
        if (p.k === 'tuple') p.items.forEach((q, i) => subs.push({ index: i, bind: this.patBinder(q, fieldTys[i]!, fromPlace, by) }));
        else if (p.named) {
          const names = this.fieldNames(p, inner);
          p.named.forEach((f) => {
            const i = names.indexOf(f.name);
            subs.push({ index: i, bind: this.patBinder(f.pat, fieldTys[i]!, fromPlace, by) });
          });
        } else p.items.forEach((q, i) => subs.push({ index: i, bind: this.patBinder(q, fieldTys[i]!, fromPlace, by) }));
        const m = () => rt.m;
        return (a, loc) => {
          const base = derefs ? (loc.get() as RefValue).loc : loc;
          for (const s of subs) s.bind(a, new FieldLoc(m(), base, s.index));
        };
      }
    }
  }

  private fieldNames(p: Pat & { k: 'variant' }, t: TypeVar): string[] {
    const c = con(t);
    if (c === 'Option') return ['0'];
    if (p.segs.length === 1) return this.prog.structs.get(p.segs[0]!)!.fields.map((f) => f.name);
    return this.prog.enums.get(c.slice(4))!.variants.find((v) => v.name === p.segs[1])!.fields.map((f) => f.name);
  }

  /** Types of a pattern's parts (the fields' own types). */
  private fieldTypes(p: Pat, t: TypeVar): TypeVar[] {
    const c = con(t);
    let tys: TypeVar[];
    if (c === 'tuple') tys = (t as { args: TypeVar[] }).args;
    else if (c === 'Option') tys = [(t as { args: TypeVar[] }).args[0]!];
    else if (p.k === 'variant' && p.segs.length === 1 && this.prog.structs.has(p.segs[0]!)) tys = this.prog.structs.get(p.segs[0]!)!.fields.map((f) => fromTyCached(f.ty));
    else if (p.k === 'variant') tys = this.prog.enums.get(c.slice(4))!.variants.find((v) => v.name === p.segs[p.segs.length - 1])!.fields.map((f) => fromTyCached(f.ty));
    else tys = [];
    return tys;
  }

  // ---------------------------------------------------------------- calls

  private call(e: Expr & { k: 'call' }): Ev {
    const rt = this.rt;
    const c = e.callee;
    const segs = c.k === 'name' ? [c.name] : c.k === 'path' ? c.segs : [];
    const name = segs.join('::');
    const line = e.pos.line;
    if (this.prog.fns.has(name)) {
      const args = e.args.map((x) => this.value(x, (x as Notes).coerce));
      const n = args.length;
      return (a) => {
        const vals: RValue[] = new Array(n);
        for (let i = 0; i < n; i++) vals[i] = args[i]!(a);
        return this.callFn(name, vals, line);
      };
    }
    const arg = (i: number) => this.value(e.args[i]!, (e.args[i] as Notes).coerce);
    switch (name) {
      case 'String::new':
        return () => stringNew();
      case 'String::from': {
        const x = this.operand(e.args[0]!);
        return (a) => stringFrom(rt.m, textOf(x(a)));
      }
      case 'String::with_capacity': {
        const n = arg(0);
        return (a) => stringWithCapacity(rt.m, Number((n(a) as { v: number }).v));
      }
      case 'Vec::new': {
        const elem = engineTy((prune(e.ty!) as { args: TypeVar[] }).args[0]!);
        return () => vecNew(rt.m, elem);
      }
      case 'Vec::with_capacity': {
        const elem = engineTy((prune(e.ty!) as { args: TypeVar[] }).args[0]!);
        const n = arg(0);
        return (a) => vecWithCapacity(rt.m, elem, Number((n(a) as { v: number }).v));
      }
      case 'Box::new': {
        const x = arg(0);
        return (a) => boxNew(rt.m, x(a));
      }
      case 'Rc::new': {
        const x = arg(0);
        return (a) => rcNew(rt.m, x(a));
      }
      case 'Rc::clone': {
        const x = this.operand(e.args[0]!);
        return (a) => rcClone(rt.m, deref(x(a)) as Extract<RValue, { tag: 'rc' }>);
      }
      case 'Rc::strong_count': {
        const x = this.operand(e.args[0]!);
        return (a) => scalar(USIZE_TY, (deref(x(a)) as Extract<RValue, { tag: 'rc' }>).cell.strong);
      }
      case 'mem::swap': {
        const x = this.value(e.args[0]!);
        const y = this.value(e.args[1]!);
        return (a) => {
          const la = (x(a) as RefValue).loc;
          const lb = (y(a) as RefValue).loc;
          const va = la.take();
          const vb = lb.take();
          la.set(vb);
          lb.set(va);
          return UNIT_V;
        };
      }
      case 'drop':
      case 'mem::drop': {
        const x = arg(0);
        return (a) => {
          rt.m.dropValue(x(a));
          return UNIT_V;
        };
      }
    }
    // A tuple struct, tuple variant or Some(..).
    const ty = engineTy(e.ty!);
    const args = e.args.map((x) => this.value(x, (x as Notes).coerce));
    const last = segs[segs.length - 1]!;
    const names = e.args.map((_, i) => String(i));
    if (segs.length === 1 && this.prog.structs.has(last)) {
      return (a) => ({ tag: 'struct', ty, name: last, fieldNames: names, fields: args.map((f) => f(a)) });
    }
    const enumName = last === 'Some' ? 'Option' : segs[0]!;
    return (a) => ({ tag: 'enum', ty, name: enumName, variant: last, fieldNames: names, fields: args.map((f) => f(a)) });
  }

  private method(e: Expr & { k: 'method' }): Ev {
    const rt = this.rt;
    // Receiver type after auto-deref; Box/Rc keep their own clone.
    let t = prune(e.recv.ty!);
    while (t.k === 'con' && (t.c === 'ref' || ((t.c === 'Box' || t.c === 'Rc') && e.name !== 'clone'))) t = prune(t.args[0]!);
    const c = con(t);
    const name = e.name;
    const line = e.pos.line;
    const user = (e as Notes).userMethod;
    if (user) return this.userMethod(e, user);
    if (c.startsWith('adt:') && name === 'clone') {
      const loc = this.recvPlace(e.recv);
      return (a) => cloneValue(rt.m, loc(a).get());
    }
    const mutating = new Set(['push_str', 'push', 'pop', 'clear', 'shrink_to_fit', 'reserve', 'reserve_exact', 'truncate', 'insert', 'remove']);
    const needsMut = (c === 'String' || c === 'Vec') && mutating.has(name);
    if (needsMut) {
      this.checkMutableRecv(e.recv);
      const root = this.rootOf(e.recv);
      if (root) this.access(root, e.recv.pos, 'mutborrow');
    }
    if ((c === 'Chars' || c === 'Bytes') && name === 'count') {
      const inner = e.recv as Expr & { k: 'method' };
      const text = this.operand(inner.recv);
      const bytes = c === 'Bytes';
      return (a) => {
        const t = textOf(text(a));
        return scalar(USIZE_TY, bytes ? utf8Length(t) : [...t].length);
      };
    }
    if (c === 'Iter' && name === 'sum') {
      const inner = e.recv as Expr & { k: 'method' };
      const vecLoc = this.derefPlace(inner.recv, false);
      const sumTy = engineTy(e.ty!);
      const add = this.arith('+', e.ty!, e.pos);
      const zero = scalar(sumTy, sumTy.kind === 'float' ? 0 : 0);
      return (a) => {
        const v = vecLoc(a).get() as VecValue;
        let acc = zero as Extract<RValue, { tag: 'scalar' }>;
        for (const item of v.items) acc = add(acc, deref(item) as Extract<RValue, { tag: 'scalar' }>) as Extract<RValue, { tag: 'scalar' }>;
        return acc;
      };
    }
    const recv = this.recvPlace(e.recv, name === 'clone' && (c === 'Box' || c === 'Rc'));
    const arg = (i: number) => this.value(e.args[i]!, (e.args[i] as Notes).coerce);
    const num = (v: RValue) => Number((deref(v) as { v: number }).v);
    const ty = engineTy(e.ty!);

    if (c === 'String' || c === 'str') {
      switch (name) {
        case 'len':
          return (a) => scalar(USIZE_TY, textLen(recv(a).get()));
        case 'capacity':
          return (a) => scalar(USIZE_TY, (recv(a).get() as StringValue).cap);
        case 'is_empty':
          return (a) => (textLen(recv(a).get()) === 0 ? TRUE_V : FALSE_V);
        case 'to_string':
        case 'to_owned':
          return (a) => stringFrom(rt.m, textOf(recv(a).get()));
        case 'clone':
          if (c === 'String') return (a) => stringFrom(rt.m, textOf(recv(a).get()));
          return (a) => recv(a).get();
        case 'as_str':
          return (a) => {
            const loc = recv(a);
            const s = loc.get() as StringValue;
            return { tag: 'str', ty: STR_REF_TY, text: s.text, target: s.buf ? { kind: 'block', block: s.buf, offset: 0 } : null };
          };
        case 'push_str': {
          const x = this.operand(e.args[0]!);
          return (a) => {
            const loc = recv(a);
            const text = textOf(x(a));
            pushStr(rt.m, loc.get() as StringValue, text, loc.home());
            after(loc);
            return UNIT_V;
          };
        }
        case 'push': {
          const x = arg(0);
          return (a) => {
            const loc = recv(a);
            pushStr(rt.m, loc.get() as StringValue, (x(a) as { v: string }).v, loc.home());
            after(loc);
            return UNIT_V;
          };
        }
        case 'clear':
          return (a) => {
            const loc = recv(a);
            stringClear(rt.m, loc.get() as StringValue, loc.home());
            after(loc);
            return UNIT_V;
          };
        case 'shrink_to_fit':
          return (a) => {
            const loc = recv(a);
            stringShrinkToFit(rt.m, loc.get() as StringValue, loc.home());
            after(loc);
            return UNIT_V;
          };
        case 'reserve':
        case 'reserve_exact': {
          const x = arg(0);
          const f = name === 'reserve' ? stringReserve : stringReserveExact;
          return (a) => {
            const loc = recv(a);
            f(rt.m, loc.get() as StringValue, num(x(a)), loc.home());
            after(loc);
            return UNIT_V;
          };
        }
        case 'pop':
          return (a) => {
            const loc = recv(a);
            const ch = stringPop(rt.m, loc.get() as StringValue, loc.home());
            after(loc);
            return option(ty, ch === null ? null : scalar(CHAR_TY, ch));
          };
        case 'chars':
        case 'bytes':
          return this.subset(e.pos, `.${name}() is supported in for loops and as .${name}().count()`, 'call_expression');
        case 'contains':
        case 'starts_with':
        case 'ends_with': {
          const x = this.operand(e.args[0]!);
          return (a) => {
            const s = textOf(recv(a).get());
            const p = textOf(x(a));
            const r = name === 'contains' ? s.includes(p) : name === 'starts_with' ? s.startsWith(p) : s.endsWith(p);
            return r ? TRUE_V : FALSE_V;
          };
        }
      }
    }
    if (c === 'Vec') {
      const vec = (loc: Loc) => deref(loc.get()) as VecValue;
      switch (name) {
        case 'len':
          return (a) => scalar(USIZE_TY, vec(recv(a)).len);
        case 'capacity':
          return (a) => scalar(USIZE_TY, vec(recv(a)).cap);
        case 'is_empty':
          return (a) => (vec(recv(a)).len === 0 ? TRUE_V : FALSE_V);
        case 'push': {
          const x = arg(0);
          return (a) => {
            const loc = recv(a);
            const item = x(a);
            vecPush(rt.m, vec(loc), item, loc.home());
            after(loc);
            return UNIT_V;
          };
        }
        case 'pop':
          return (a) => {
            const loc = recv(a);
            const item = vecPop(rt.m, vec(loc), loc.home());
            after(loc);
            return option(ty, item);
          };
        case 'clear':
          return (a) => {
            const loc = recv(a);
            vecClear(rt.m, vec(loc), loc.home());
            after(loc);
            return UNIT_V;
          };
        case 'shrink_to_fit':
          return (a) => {
            const loc = recv(a);
            vecShrinkToFit(rt.m, vec(loc), loc.home());
            after(loc);
            return UNIT_V;
          };
        case 'reserve':
        case 'reserve_exact':
        case 'truncate': {
          const x = arg(0);
          const f = name === 'reserve' ? vecReserve : name === 'reserve_exact' ? vecReserveExact : vecTruncate;
          return (a) => {
            const loc = recv(a);
            f(rt.m, vec(loc), num(x(a)), loc.home());
            after(loc);
            return UNIT_V;
          };
        }
        case 'insert': {
          const i = arg(0);
          const x = arg(1);
          return (a) => {
            const loc = recv(a);
            const index = num(i(a));
            const v = vec(loc);
            if (index > v.len) throw new RustPanic(`insertion index (is ${index}) should be <= len (is ${v.len})`, line);
            vecInsert(rt.m, v, index, x(a), loc.home());
            after(loc);
            return UNIT_V;
          };
        }
        case 'remove': {
          const i = arg(0);
          return (a) => {
            const loc = recv(a);
            const index = num(i(a));
            const v = vec(loc);
            if (index >= v.len) throw new RustPanic(`removal index (is ${index}) should be < len (is ${v.len})`, line);
            const item = vecRemove(rt.m, v, index, loc.home());
            after(loc);
            return item;
          };
        }
        case 'clone':
          return (a) => cloneValue(rt.m, vec(recv(a)));
        case 'contains': {
          const x = this.operand(e.args[0]!);
          return (a) => {
            const want = x(a);
            return vec(recv(a)).items.some((i) => valueEq(i, want)) ? TRUE_V : FALSE_V;
          };
        }
        case 'iter':
          return this.subset(e.pos, '.iter() is supported in for loops and as .iter().sum()', 'call_expression');
      }
    }
    if ((c === 'Box' || c === 'Rc') && name === 'clone') {
      return (a) => cloneValue(rt.m, deref(recv(a).get()));
    }
    if (c === 'Option') {
      const opt = (loc: Loc) => deref(loc.get()) as Extract<RValue, { tag: 'enum' }>;
      const copy = isCopyTy(e.ty!, this.prog);
      const take = (a: Act, loc: Loc, msg: string): RValue => {
        const o = opt(loc);
        if (o.variant === 'None') throw new RustPanic(msg, line);
        if (copy) return copyOf(o.fields[0]!);
        if (!this.isPlace(e.recv)) {
          const v = o.fields[0]!;
          o.fields[0] = UNIT_V;
          return v;
        }
        return this.subset(e.pos, 'unwrap moving out of a variable is not supported yet', 'call_expression');
      };
      if (!isCopyTy(e.ty!, this.prog) && (name === 'unwrap' || name === 'expect' || name === 'unwrap_or') && this.isPlace(e.recv)) {
        if (e.recv.k === 'name' && e.recv.binding) this.useLocal(e.recv.binding, e.recv.pos, true);
        else this.subset(e.pos, `${name} moving out of a field is not supported yet`, 'call_expression');
        const slot = (e.recv as { binding: Binding }).binding.slot;
        return (a) => {
          const o = rt.m.moveOut(a.slots[slot]!) as Extract<RValue, { tag: 'enum' }>;
          if (o.variant === 'None') throw new RustPanic(name === 'unwrap' ? 'called `Option::unwrap()` on a `None` value' : 'Option::expect failed', line);
          return o.fields[0]!;
        };
      }
      switch (name) {
        case 'unwrap':
          return (a) => take(a, recv(a), 'called `Option::unwrap()` on a `None` value');
        case 'expect': {
          const msg = this.operand(e.args[0]!);
          return (a) => {
            const loc = recv(a);
            return take(a, loc, textOf(msg(a)));
          };
        }
        case 'unwrap_or': {
          const d = arg(0);
          return (a) => {
            const loc = recv(a);
            const dv = d(a);
            if (opt(loc).variant === 'None') return dv;
            rt.m.dropValue(dv);
            return take(a, loc, '');
          };
        }
        case 'is_some':
          return (a) => (opt(recv(a)).variant === 'Some' ? TRUE_V : FALSE_V);
        case 'is_none':
          return (a) => (opt(recv(a)).variant === 'None' ? TRUE_V : FALSE_V);
      }
    }
    if (c === 'char' || c === 'bool' || c.startsWith('i') || c.startsWith('u') || c.startsWith('f')) {
      const info = ty.kind === 'int' ? intInfo(ty.name) : undefined;
      const self = (a: Act) => deref(recv(a).get()) as Extract<RValue, { tag: 'scalar' }>;
      switch (name) {
        case 'to_string':
          return (a) => toStringOf(rt.m, self(a));
        case 'clone':
          return (a) => self(a);
        case 'abs':
          return (a) => {
            const x = self(a);
            if (x.ty.kind === 'float') return scalar(x.ty, Math.abs(x.v as number));
            const i = intInfo((x.ty as { name: 'i32' }).name);
            if (x.v == i.min && i.signed) throw new RustPanic('attempt to negate with overflow', line);
            return scalar(x.ty, (x.v as number) < 0 ? (typeof x.v === 'number' ? -x.v : norm(-(x.v as bigint))) : x.v);
          };
        case 'pow': {
          const n = arg(0);
          const mul = intOp('*', info!, () => line);
          return (a) => {
            const x = self(a);
            let r: number | bigint = 1;
            const k = num(n(a));
            for (let i = 0; i < k; i++) r = mul(r, x.v as number);
            return scalar(ty, r);
          };
        }
        case 'min':
        case 'max': {
          const y = arg(0);
          return (a) => {
            const x = self(a);
            const o = deref(y(a));
            const less = valueCmp(x, o) < 0;
            return name === 'min' ? (less ? x : o) : less ? o : x;
          };
        }
        case 'sqrt':
        case 'floor':
        case 'ceil':
        case 'round': {
          const f = name === 'round' ? (x: number) => (x < 0 ? -Math.round(-x) : Math.round(x)) : Math[name];
          return (a) => scalar(ty, f(self(a).v as number));
        }
        case 'powi': {
          const n = arg(0);
          return (a) => scalar(ty, Math.pow(self(a).v as number, num(n(a))));
        }
        case 'wrapping_add':
        case 'wrapping_sub':
        case 'wrapping_mul':
        case 'saturating_add':
        case 'saturating_sub':
        case 'saturating_mul':
        case 'checked_add':
        case 'checked_sub':
        case 'checked_mul':
        case 'checked_div': {
          const y = arg(0);
          const [mode, opName] = name.split('_') as ['wrapping' | 'saturating' | 'checked', string];
          const selfInfo = intInfo((engineTy(autoDeref(e.recv.ty!)) as { name: 'i32' }).name);
          const selfTy = engineTy(autoDeref(e.recv.ty!));
          const exact = (p: bigint, q: bigint): bigint | null => (opName === 'add' ? p + q : opName === 'sub' ? p - q : opName === 'mul' ? p * q : q === 0n ? null : p / q);
          return (a) => {
            const p = BigInt(self(a).v as number);
            const q = BigInt((deref(y(a)) as Extract<RValue, { tag: 'scalar' }>).v as number);
            const r = exact(p, q);
            const fits = r !== null && r >= selfInfo.min && r <= selfInfo.max;
            if (mode === 'checked') return option(ty, fits ? scalar(selfTy, norm(r!)) : null);
            if (mode === 'saturating') return scalar(ty, norm(fits ? r! : r! < selfInfo.min ? selfInfo.min : selfInfo.max));
            return scalar(ty, intCast(r!, selfInfo));
          };
        }
      }
      if (c === 'char') {
        const tests: Record<string, (ch: string) => boolean> = {
          is_alphabetic: (ch) => /\p{Alphabetic}/u.test(ch),
          is_numeric: (ch) => /\p{N}/u.test(ch),
          is_alphanumeric: (ch) => /[\p{Alphabetic}\p{N}]/u.test(ch),
          is_whitespace: (ch) => /\s/u.test(ch),
          is_uppercase: (ch) => /\p{Uppercase}/u.test(ch),
          is_lowercase: (ch) => /\p{Lowercase}/u.test(ch),
          is_ascii_digit: (ch) => /^[0-9]$/.test(ch),
          is_ascii_alphabetic: (ch) => /^[A-Za-z]$/.test(ch),
        };
        const f = tests[name];
        if (f) return (a) => (f(self(a).v as string) ? TRUE_V : FALSE_V);
      }
    }
    return this.err(e.namePos, `no method named \`${name}\` found for \`${show(t)}\``, 'E0599');

    function after(loc: Loc): void {
      // A change through a reference or inside a container re-records the owning place.
      if (!(loc instanceof LocalLoc)) loc.changed();
    }
  }

  /** A call of a method from an impl block: `self` by reference (auto-ref) or by value (a move). */
  private userMethod(e: Expr & { k: 'method' }, fnName: string): Ev {
    const fn = this.prog.fns.get(fnName)!;
    const selfTy = fn.params[0]!.ty;
    const line = e.pos.line;
    const args = e.args.map((x) => this.value(x, (x as Notes).coerce));
    let self: Ev;
    if (selfTy.kind === 'ref') {
      if (selfTy.mutable) {
        this.checkMutableRecv(e.recv);
        const root = this.rootOf(e.recv);
        if (root) this.access(root, e.recv.pos, 'mutborrow');
      }
      const loc = this.recvPlace(e.recv);
      self = (a) => makeRef(selfTy, loc(a));
    } else if (con(e.recv.ty) === selfTy.kind || con(e.recv.ty) === `adt:${(selfTy as { name: string }).name}`) {
      self = this.value(e.recv);
    } else {
      if (!isCopyTy(fromTyCached(selfTy), this.prog)) {
        this.err(e.recv.pos, `cannot move out of \`${exprText(e.recv)}\` which is behind a reference (\`${fnName}\` takes \`self\` by value)`, 'E0507');
      }
      const loc = this.recvPlace(e.recv);
      self = (a) => copyOf(loc(a).get());
    }
    return (a) => {
      const vals: RValue[] = [self(a)];
      for (const f of args) vals.push(f(a));
      return this.callFn(fnName, vals, line);
    };
  }

  /** The receiver of a method: auto-ref'd place (no move), through references and Box. */
  private recvPlace(e: Expr, keepPointer = false): LocEv {
    const rt = this.rt;
    let loc = this.place(e, false);
    let t = prune(e.ty!);
    // A `&str` is a value of its own (a fat pointer), not a reference to a place.
    while (t.k === 'con' && t.c === 'ref' && con(t.args[0]) !== 'str') {
      const prev = loc;
      loc = (a) => (prev(a).get() as RefValue).loc;
      t = prune(t.args[0]!);
    }
    while (t.k === 'con' && (t.c === 'Box' || t.c === 'Rc') && !keepPointer) {
      const prev = loc;
      loc = (a) => new BoxLoc(rt.m, prev(a).get() as Extract<RValue, { tag: 'box' | 'rc' }>);
      t = prune(t.args[0]!);
      while (t.k === 'con' && t.c === 'ref' && con(t.args[0]) !== 'str') {
        const p2 = loc;
        loc = (a) => (p2(a).get() as RefValue).loc;
        t = prune(t.args[0]!);
      }
    }
    return loc;
  }

  private checkMutableRecv(e: Expr): void {
    const t = prune(e.ty!);
    if (con(t) === 'ref') {
      if (!(t as { mutable?: boolean }).mutable) this.err(e.pos, `cannot borrow \`*${exprText(e)}\` as mutable, as it is behind a \`&\` reference`, 'E0596');
      return;
    }
    if (con(t) === 'Rc') this.err(e.pos, `cannot borrow data in an \`Rc\` as mutable`, 'E0596');
    this.checkMutablePlace(e);
  }

  // ---------------------------------------------------------------- formatting

  private format(e: Expr & { k: 'format' }): Ev {
    const rt = this.rt;
    // rustc inlines string and integer literals given to `{}` into the template (format_args flattening).
    let template = '';
    const args: Ev[] = [];
    const specs: FmtSpec[] = [];
    let argIndex = 0;
    const pieces = e.template.split(/(\{\{|\}\}|\{\})/);
    for (const piece of pieces) {
      if (piece === '{}') {
        const arg = e.args[argIndex]!;
        const spec = e.specs[argIndex]!;
        argIndex++;
        const plain = !spec.debug && spec.width === undefined && spec.precision === undefined && !spec.plus;
        if (plain && (arg.k === 'str' || arg.k === 'int')) {
          const text = arg.k === 'str' ? arg.value : String(arg.value);
          template += text.replace(/\{/g, '{{').replace(/\}/g, '}}');
          if (arg.k === 'int') this.value(arg); // range check of the literal
          continue;
        }
        template += '{}';
        if (spec.debug && (spec.width !== undefined || spec.precision !== undefined || spec.plus)) {
          const t = autoDeref(arg.ty!);
          const simple = t.k === 'var' || ['char', 'str', 'String', 'f32', 'f64', 'bool'].includes(t.c) || /^[iu](8|16|32|64|128|size)$/.test(t.c);
          if (!simple) this.subset(arg.pos, 'width, precision or + with {:?} on a compound value is not supported yet', 'format_spec');
        }
        args.push(this.operand(arg));
        specs.push(spec);
      } else template += piece;
    }
    const literal: string[] = [];
    for (const piece of template.split(/(\{\{|\}\}|\{\})/)) {
      if (piece === '{}') literal.push('\u0000');
      else literal.push(piece === '{{' ? '{' : piece === '}}' ? '}' : piece);
    }
    const parts = literal.join('').split('\u0000');
    const n = args.length;
    const render = (a: Act): string[] => {
      const writes: string[] = [];
      for (let i = 0; i < parts.length; i++) {
        if (parts[i]) writes.push(parts[i]!);
        if (i < n) writesWithSpec(args[i]!(a), specs[i]!, writes, follow);
      }
      return writes;
    };
    const line = e.pos.line;
    switch (e.mac) {
      case 'println':
      case 'print': {
        const nl = e.mac === 'println' ? '\n' : '';
        return (a) => {
          const text = render(a).join('') + nl;
          rt.out.push(text);
          rt.m.print(text);
          return UNIT_V;
        };
      }
      case 'eprintln':
      case 'eprint':
        return (a) => {
          render(a);
          return UNIT_V;
        };
      case 'panic':
        return (a) => {
          throw new RustPanic(render(a).join(''), line);
        };
      case 'format':
        // std's capacity estimate, then one write per piece; the arguments are read after the allocation.
        return (a) => formatString(rt.m, parts, n, () => render(a));
    }
  }
}

const LET_END = '\u0000while-let';

function textLen(v: RValue): number {
  v = deref(v);
  if (v.tag === 'string') return v.len;
  return utf8Length(textOf(v));
}

function option(ty: Ty, v: RValue | null): RValue {
  return v === null
    ? { tag: 'enum', ty, name: 'Option', variant: 'None', fieldNames: [], fields: [] }
    : { tag: 'enum', ty, name: 'Option', variant: 'Some', fieldNames: ['0'], fields: [v] };
}

function isScalarTy(t: TypeVar): boolean {
  const p = prune(t);
  if (p.k === 'var') return true;
  return ['i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'f32', 'f64', 'bool', 'char'].includes(p.c);
}

function forElemTy(it: TypeVar): TypeVar {
  const p = prune(it) as Extract<TypeVar, { k: 'con' }>;
  if (p.c === 'Range' || p.c === 'Vec') return p.args[0]!;
  if (p.c === 'Enumerate') return { k: 'con', c: 'tuple', args: [{ k: 'con', c: 'usize', args: [] }, forElemTy(p.args[0]!)] };
  if (p.c === 'Chars') return { k: 'con', c: 'char', args: [] };
  if (p.c === 'Bytes') return { k: 'con', c: 'u8', args: [] };
  if (p.c === 'Iter') return { k: 'con', c: 'ref', args: [p.args[0]!], mutable: false };
  const inner = autoDeref(p) as Extract<TypeVar, { k: 'con' }>;
  return { k: 'con', c: 'ref', args: [inner.args[0]!], mutable: !!p.mutable };
}

function norm(x: bigint): number | bigint {
  return x >= -9007199254740991n && x <= 9007199254740991n ? Number(x) : x;
}

/** Source-like text of a simple place expression, for messages. */
function exprText(e: Expr): string {
  switch (e.k) {
    case 'name':
      return e.name;
    case 'field':
      return `${exprText(e.e)}.${e.name}`;
    case 'index':
      return `${exprText(e.e)}[..]`;
    case 'unary':
      return `${e.op}${exprText(e.e)}`;
    default:
      return 'value';
  }
}

/** Whether a type holds a reference (`&T`, `Option<&T>`, `(&T, u8)`); `mutable`: a `&mut` one. */
function holdsRef(t: TypeVar, mutable = false): boolean {
  const p = prune(t);
  if (p.k !== 'con') return false;
  if (p.c === 'ref') return !mutable || !!p.mutable;
  return p.args.some((a) => holdsRef(a, mutable));
}

/** Drops the temporaries of a statement, newest first, as Rust does at the `;`. */
export function dropTemps(m: Machine, a: Act, mark: number): void {
  while (a.temps.length > mark) m.dropValue(a.temps.pop()!);
}

const fromTyMemo = new Map<Ty, TypeVar>();
function fromTyCached(ty: Ty): TypeVar {
  let t = fromTyMemo.get(ty);
  if (!t) {
    t = fromTyImport(ty);
    fromTyMemo.set(ty, t);
  }
  return t;
}
import { fromTy as fromTyImport } from '../check/types';
void toValue;
