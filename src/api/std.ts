/**
 * The notebook API's way into std: `m.insert(1, 10)` or `rs.HashMap.new('u64', 'u64')` in a cell
 * runs the SAME entry of the interpreter's std table (src/rust/std) as `m.insert(1, 10)` in a
 * Rust snippet. The entry's type rule settles the argument and result types (a JS number becomes
 * the u64 the map wants); its runtime does to memory what std does. So the API has every std
 * method the interpreter has, and the two cannot drift apart.
 *
 * What the interpreter learns from the source, a cell says in JavaScript: the receiver is a
 * binding or a temporary, the arguments are values (a JS literal, a binding, a temporary), and
 * where Rust writes `&k` the cell may pass `k` (the borrow is made here, as auto-ref would).
 */
import type { Ty } from '../engine/layout/types';
import { OwnershipError } from '../engine/memory/errors';
import type { RValue } from '../engine/memory/rvalue';
import { BOOL, con, defaultLiterals, fresh, fromTy, prune, refTo, show, STR_REF, type TypeVar, UnifyError, unify, unresolved } from '../rust/check/types';
import { type Act, type Codegen, engineTy, type Runtime } from '../rust/run/context';
import type { LimitWatch } from '../rust/run/limits';
import { BoxLoc, LocalLoc, type Loc, makeRef, type RefValue, TempLoc } from '../rust/run/values';
import { guardTarget } from '../rust/std/cell';
import { recvOf, stdFn, stdMethod, type FnTyping, type MethodTyping } from '../rust/std/index';
import type { CallExpr, MethodExpr } from '../rust/std/table';
import { isOrd } from '../rust/std/compare';
import type { Expr } from '../rust/syntax/ast';
import { ApiUsageError } from './arguments';
import { Binding, type Init, type Program } from './binding';
import { isOwned, type Owned } from './values';

/** One argument of a call: what the cell passed, its type (settled by the entry's rule), and whether it is borrowed here. */
interface Slot {
  x: Init;
  t: TypeVar;
  /** Where the entry wants `&T` and the cell passed a T: the reference is made here. */
  autoref?: 'shared' | 'mut';
}

/** The entries that walk Rust syntax or the compiler cannot run without a source: say so, and where to go. */
function needsSource(what: string): never {
  throw new OwnershipError(`${what} needs the Rust source: run it as a snippet with runRust`);
}

export class StdCalls {
  private readonly rt: Runtime;
  private readonly codegen: Codegen;

  constructor(private readonly rs: Program) {
    // The table's runtimes count nothing against a budget here: a cell is JavaScript, not a loop.
    this.rt = { m: rs.machine, out: [], err: [], statements: 0, iterations: 0, calls: 0, checkAt: Infinity, limits: undefined as unknown as LimitWatch };
    const prog = { copyTypes: new Set<string>() };
    this.codegen = new Proxy({} as Codegen, {
      get: (_t, key) => (key === 'prog' ? prog : key === 'rt' ? this.rt : needsSource(`this std method (it asks the compiler for \`${String(key)}\`)`)),
    });
  }

  /**
   * `recv.name(args)`: the table's entry for the receiver's type after auto-deref (through
   * references, Box, Rc and RefCell guards, as Rust's method call does).
   */
  method(recv: Binding | Owned, name: string, args: Init[], call: string): RValue {
    const line = this.rs.machine.line ?? 1;
    const pos = { line, col: 1 };
    // The receiver's type and place, dereferenced as far as the method's receiver kind wants.
    let t = prune(this.typeOf(recv.ty, call));
    const root: Loc = recv instanceof Binding ? new LocalLoc(this.rs.machine, recv.local) : new TempLoc(recv.value);
    let place = () => root;
    let through: 'none' | 'shared' | 'mut' | 'guard' | 'rc' = 'none';
    const entryFor = (c: TypeVar) => stdMethod(recvOf(conOf(c)), name);
    for (;;) {
      const p = prune(t);
      if (p.k !== 'con') break;
      const prev = place;
      if (p.c === 'ref') {
        // A `&str` is a value of its own (a fat pointer), not a reference to a place.
        if (conOf(p.args[0]!) !== 'str') place = () => refLoc(prev().get(), call);
        if (through === 'none') through = p.mutable ? 'mut' : 'shared';
      } else if (p.c === 'Ref' || p.c === 'RefMut') {
        place = () => guardTarget(prev().get());
        if (through === 'none') through = p.c === 'Ref' ? 'shared' : 'guard';
      } else if ((p.c === 'Box' || p.c === 'Rc') && !entryFor(p)?.keepPointer) {
        place = () => new BoxLoc(this.rs.machine, prev().get() as Extract<RValue, { tag: 'box' | 'rc' }>);
        if (through === 'none' && p.c === 'Rc') through = 'rc';
      } else break;
      t = p.args[0]!;
    }
    const r = prune(t);
    const entry = r.k === 'con' ? entryFor(r) : undefined;
    if (!entry || r.k !== 'con') {
      throw new OwnershipError(`no method named \`${name}\` found for \`${show(this.typeOf(recv.ty, call))}\` in the std table the interpreter runs`, line);
    }
    if (entry.mutates) mutableThrough(recv, through, line);
    if (entry.ownRecv) needsSource(`\`.${name}()\` (it takes the call before it as its receiver)`);

    const slots = args.map((x): Slot => ({ x, t: this.argType(x) }));
    const e = {
      k: 'method', pos, namePos: pos, name, ty: undefined,
      recv: { k: 'name', pos } as unknown as Expr,
      args: slots.map((s) => this.argExpr(s, pos)),
    } as unknown as MethodExpr;
    const settles: Array<() => void> = [];
    const typing: MethodTyping = {
      e,
      recv: r,
      argCount: (n) => argCount(slots, n, call, 'method'),
      noArgs: (ret) => (argCount(slots, 0, call, 'method'), ret),
      oneArg: (param, ret) => (argCount(slots, 1, call, 'method'), this.fit(slots, 0, param, true, call), ret),
      textArg: (ret) => (argCount(slots, 1, call, 'method'), this.fit(slots, 0, STR_REF, true, call), ret),
      unifyArg: (i, expected) => this.fit(slots, i, expected, false, call),
      coerceArg: (i, expected) => this.fit(slots, i, expected, true, call),
      closureArg: () => needsSource(`\`.${name}()\` with a closure`),
      fresh: () => fresh(),
      settle: (check) => settles.push(check),
      requireOrd: (ty) =>
        settles.push(() => {
          if (!isOrd(undefined, ty)) throw new OwnershipError(`\`.${name}()\` needs \`${show(ty)}: Ord\` (a total order; f32 and f64 have none)`, line);
        }),
      turbofish: () => [],
      programFn: () => undefined,
    };
    const ret = entry.type(typing);
    for (const s of settles) s();
    const ty = this.settled(ret, slots, call);
    // A call with nothing to give back is a statement (`v.push(x);`): the ones before it leave their temporaries now.
    if (ty.kind === 'unit') this.rs.begin([recv, ...args]);
    const act: Act = { slots: [], temps: [], locs: [] };
    const ev = entry.run({
      rt: this.rt, e, recv: r, place: () => place(), ty, line,
      arg: (i) => () => this.value(slots, i, call),
      operand: (i) => () => this.operand(slots, i, call),
      k: this.codegen,
    });
    return this.finish(ev(act), act);
  }

  /** `Path::name(args)`: the table's associated function; `result` fixes what the call's types leave open (`HashMap::<u64, u64>::new()`). */
  fn(path: string, args: Init[], result: Ty | undefined, call: string): RValue {
    const entry = stdFn(path);
    if (!entry) throw new OwnershipError(`\`${path}\` is not in the std table the interpreter runs`);
    const line = this.rs.machine.line ?? 1;
    const pos = { line, col: 1 };
    const slots = args.map((x): Slot => ({ x, t: this.argType(x) }));
    const e = { k: 'call', pos, callee: { k: 'path', segs: path.split('::'), pos }, args: slots.map((s) => this.argExpr(s, pos)) } as unknown as CallExpr;
    const typing: FnTyping = {
      e,
      argCount: (n) => argCount(slots, n, call, 'function'),
      args: () => slots.map((s) => s.t),
      fresh: () => fresh(),
      textArg: (i) => this.fit(slots, i, STR_REF, true, call),
      unifyAt: (i, expected) => this.fit(slots, i, expected, false, call),
      // A turbofish (`size_of::<T>()`) has no spelling in a cell yet: rules fall back as for an unwritten one.
      typeArg: () => undefined,
      mismatch: (i, expected, found) => {
        throw new OwnershipError(`mismatched types: \`${call}\` expected \`${typeof expected === 'string' ? expected : show(expected)}\` as argument ${i + 1}, found \`${show(found)}\``, line);
      },
    };
    const ret = entry.type(typing);
    if (result) {
      try {
        unify(ret, fromTy(result));
      } catch {
        throw new ApiUsageError(call, `a type ${show(ret)} can be`, formatTyText(result));
      }
    }
    const ty = this.settled(ret, slots, call);
    const act: Act = { slots: [], temps: [], locs: [] };
    const ev = entry.run({
      rt: this.rt, e, ty,
      elem: () => engineTy((prune(ret) as { args: TypeVar[] }).args[0]!),
      arg: (i) => () => this.value(slots, i, call),
      operand: (i) => () => this.operand(slots, i, call),
    });
    return this.finish(ev(act), act);
  }

  private typeOf(ty: Ty, call: string): TypeVar {
    try {
      return fromTy(ty);
    } catch {
      throw new ApiUsageError(call, 'a receiver whose type the std table knows', formatTyText(ty));
    }
  }

  /** A JS literal is a literal of Rust's (`{integer}` until the entry's rule settles it); bindings and temporaries have their type. */
  private argType(x: Init): TypeVar {
    if (x instanceof Binding || isOwned(x)) return this.typeOf(x.ty, 'an argument');
    if (typeof x === 'bigint' || (typeof x === 'number' && Number.isInteger(x))) return fresh('int');
    if (typeof x === 'number') return fresh('float');
    if (typeof x === 'boolean') return BOOL;
    if (typeof x === 'string') return STR_REF;
    return fresh(); // taking it refuses it, naming the call
  }

  /** What the table's rules read of an argument's syntax: whether it is a reference or an array. */
  private argExpr(s: Slot, pos: { line: number; col: number }): Expr {
    const arr = (x: Init) => (x instanceof Binding ? x.read() : isOwned(x) ? x.value : undefined);
    const v = arr(s.x);
    return { get k() { return s.autoref || conOf(s.t) === 'ref' ? 'ref' : v?.tag === 'array' ? 'array' : 'name'; }, items: v?.tag === 'array' ? v.items : [], pos } as unknown as Expr;
  }

  /** Argument i must be `expected` (`coerce`: as at a call, `&String` → `&str`, `&mut T` → `&T`); a T where `&T` is wanted is borrowed here. */
  private fit(slots: Slot[], i: number, expected: TypeVar, coerce: boolean, call: string): void {
    const s = slots[i];
    if (!s) return;
    const want = prune(expected);
    const have = prune(s.t);
    const known = !(have.k === 'var' && !have.lit); // an unknown JS value is refused when taken, not borrowed
    if (want.k === 'con' && want.c === 'ref' && known && !(have.k === 'con' && have.c === 'ref')) {
      s.autoref = want.mutable ? 'mut' : 'shared';
      s.t = refTo(s.t, !!want.mutable);
    }
    try {
      unify(s.t, expected);
      return;
    } catch (err) {
      if (!(err instanceof UnifyError)) throw err;
    }
    if (coerce && coerces(s.t, expected)) return;
    if (s.x instanceof Binding || isOwned(s.x)) throw new OwnershipError(`mismatched types: expected \`${show(expected)}\`, found \`${show(s.t)}\` (${describeArg(s.x)} in \`${call}\`)`, this.rs.machine.line);
    throw new ApiUsageError(call, `argument ${i + 1} of type \`${show(expected)}\``, s.x);
  }

  /** The call's result type once its literals default as rustc's do (to i32 and f64). */
  private settled(ret: TypeVar, slots: Slot[], call: string): Ty {
    for (const s of slots) defaultLiterals(s.t);
    defaultLiterals(ret);
    if (unresolved(ret)) throw new ApiUsageError(call, `the type of its result (${show(ret)}): pass the type, as Rust would need an annotation`, 'none');
    return engineTy(ret);
  }

  private value(slots: Slot[], i: number, call: string): RValue {
    const s = slots[i]!;
    if (s.autoref) return this.borrowed(s, call);
    return this.rs.take(s.x, engineTy(s.t), call);
  }

  private operand(slots: Slot[], i: number, call: string): RValue {
    const s = slots[i]!;
    if (s.autoref) return this.borrowed(s, call);
    if (typeof s.x === 'number' || typeof s.x === 'bigint' || typeof s.x === 'boolean') return this.rs.take(s.x, engineTy(s.t), call);
    return this.rs.peek(s.x, call);
  }

  /** `&x` / `&mut x` of what the cell passed: a binding in place, anything else as a temporary of the statement. */
  private borrowed(s: Slot, call: string): RValue {
    const ty = engineTy(s.t);
    if (s.x instanceof Binding) {
      if (s.autoref === 'mut') s.x.requireMut('borrow');
      return makeRef(ty, new LocalLoc(this.rs.machine, s.x.local));
    }
    const inner = (ty as { to: Ty }).to;
    const v = isOwned(s.x) ? this.rs.peek(s.x, call) : this.rs.take(s.x, inner, call);
    return makeRef(ty, new TempLoc(v));
  }

  /** What the entry's statement left to drop becomes the cell's temporaries (dropped at the next statement). */
  private finish(v: RValue, act: Act): RValue {
    for (const t of act.temps) this.rs.temp(t);
    return v;
  }
}

function conOf(t: TypeVar): string {
  const p = prune(t);
  return p.k === 'con' ? p.c : '_';
}

/** The place a reference reaches: ours know it; a reference the engine made for the API names a local. */
function refLoc(v: RValue, call: string): Loc {
  const r = v as RefValue;
  if (r.loc) return r.loc;
  throw new ApiUsageError(call, 'a reference made by rs.ref / rs.ref_mut or by a std method', 'a reference with no place');
}

/** rustc's E0596 for a `&mut self` method through a binding without `mut`, a `&` reference, a Ref or an Rc. */
function mutableThrough(recv: Binding | Owned, through: 'none' | 'shared' | 'mut' | 'guard' | 'rc', line: number): void {
  if (through === 'mut') return;
  const name = recv instanceof Binding ? recv.name : 'the temporary';
  if (through === 'shared') throw new OwnershipError(`cannot borrow \`*${name}\` as mutable, as it is behind a \`&\` reference`, line);
  if (through === 'rc') throw new OwnershipError(`cannot borrow data in an \`Rc\` as mutable`, line);
  if (recv instanceof Binding) recv.requireMut('borrow');
}

function argCount(slots: Slot[], n: number, call: string, what: string): void {
  if (slots.length !== n) throw new ApiUsageError(call, `${n} argument(s), as this ${what} takes`, `${slots.length}`);
}

/** The coercions a call makes: `&String` → `&str`, `&Vec<T>` / `&[T; N]` → `&[T]`, `&Box<T>` → `&T`, `&mut T` → `&T`. */
function coerces(have: TypeVar, want: TypeVar): boolean {
  const h = prune(have);
  const w = prune(want);
  if (!(h.k === 'con' && h.c === 'ref' && w.k === 'con' && w.c === 'ref') || (w.mutable && !h.mutable)) return false;
  const attempt = (a: TypeVar, b: TypeVar) => {
    try {
      unify(a, b);
      return true;
    } catch {
      return false;
    }
  };
  if (attempt(h.args[0]!, w.args[0]!)) return true;
  const inner = prune(h.args[0]!);
  if (inner.k !== 'con') return false;
  if (inner.c === 'String') return attempt(con('str'), w.args[0]!);
  if (inner.c === 'Vec' || inner.c === 'Array') return attempt(con('slice', inner.args[0]!), w.args[0]!);
  if (inner.c === 'Box') return attempt(inner.args[0]!, w.args[0]!);
  return false;
}

function describeArg(x: Binding | Owned): string {
  return x instanceof Binding ? `the binding \`${x.name}\`` : 'a temporary value';
}

function formatTyText(ty: Ty): string {
  return show(fromTyOr(ty));
}

function fromTyOr(ty: Ty): TypeVar {
  try {
    return fromTy(ty);
  } catch {
    return con(ty.kind);
  }
}
