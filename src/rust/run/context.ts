/**
 * What the parts of code generation share: the activation a closure runs in, the closure types,
 * the run's counters, and the compiler as its parts see it (Codegen). run/compile.ts implements
 * Codegen; operators, control flow, patterns, format! and the std table's runtimes call it.
 */
import type { Ty } from '../../engine/layout/types';
import type { UserFmt } from '../../engine/std/fmt';
import type { Machine } from '../../engine/memory/machine';
import type { FramePlan } from '../../engine/memory/frame';
import type { Local, RValue } from '../../engine/memory/rvalue';
import { MoveCheck } from '../check/moves';
import type { LendCheck } from '../check/lends';
import { type TypeVar, fromTy, prune, toTy } from '../check/types';
import type { LimitWatch } from './limits';
import { type Loc, LocalLoc } from './values';
import type { Expr, Pos, Program } from '../syntax/ast';

/** One activation of a function: its locals by slot, and the temporaries of the running statement. */
export interface Act {
  slots: (Local | null)[];
  temps: RValue[];
  /** A place object per slot, reused while the slot holds the same binding (hot loops make no garbage). */
  locs: (LocalLoc | undefined)[];
  /** In a closure's body: where each capture is reached (run/closures.ts). */
  env?: Loc[];
}

export type Ev = (a: Act) => RValue;
export type LocEv = (a: Act) => Loc;

/**
 * What the compiled program needs while it runs. Its counters are of interpreted statements and
 * loop passes (a "step" is a timeline event across memscope, a different count): together they
 * are held to the statement budget, so an endless loop ends with RustStepLimitError; the same
 * checks look at the clock and the memory now and then (run/limits.ts).
 */
export interface Runtime {
  m: Machine;
  out: string[];
  /** What the program wrote to stderr (eprintln!, dbg!). */
  err: string[];
  /** Statements executed. */
  statements: number;
  /** Loop passes (a loop with an empty body still spends the budget). */
  iterations: number;
  /** Function calls (a recursion with no statement in its body still spends the budget). */
  calls: number;
  /** The count (statements + loop passes + calls) at which `limits` looks next (run/limits.ts). */
  checkAt: number;
  /** Holds the run to its statement budget, time limit and memory limit. */
  limits: LimitWatch;
}

/** One statement against the budget. */
export function statement(rt: Runtime, line: number): void {
  if (++rt.statements + rt.iterations + rt.calls > rt.checkAt) rt.limits.reached(rt, line);
}

/** One loop pass against the budget. */
export function loopPass(rt: Runtime, line: number): void {
  if (++rt.iterations + rt.statements + rt.calls > rt.checkAt) rt.limits.reached(rt, line);
}

/** One function call against the budget. */
export function call(rt: Runtime, line: number): void {
  if (++rt.calls + rt.statements + rt.iterations > rt.checkAt) rt.limits.reached(rt, line);
}

/** break / continue / return unwinding to their loop or function. */
export class Signal {
  constructor(readonly kind: 'break' | 'continue' | 'return', readonly label: string | undefined, readonly value: RValue) {}
}

const tyCache = new Map<string, Ty>();
/** Engine types, shared per spelling so scalars do not each carry a new Ty object. */
export function engineTy(t: TypeVar): Ty {
  const ty = toTy(t);
  const key = JSON.stringify(ty);
  let cached = tyCache.get(key);
  if (!cached) tyCache.set(key, (cached = ty));
  return cached;
}

/** Whether values of this type are copied rather than moved. */
export function isCopyTy(t: TypeVar, prog: Program): boolean {
  const p = prune(t);
  if (p.k === 'var') return true; // a literal variable: an integer or a float
  switch (p.c) {
    case 'ref':
      return !p.mutable;
    case 'tuple':
      return p.args.every((a) => isCopyTy(a, prog));
    case 'String':
    case 'Vec':
    case 'HashMap':
    case 'HashSet':
    case 'VecDeque':
    case 'BTreeMap':
    case 'BTreeSet':
    case 'Box':
    case 'Rc':
    case 'Cell':
    case 'RefCell':
    case 'Ref':
    case 'RefMut':
    case 'Weak':
    case 'Iter':
    case 'Chars':
    case 'Bytes':
    case 'Range':
    case 'Enumerate':
    case 'MapIter':
    case 'Keys':
    case 'Values':
      return false;
    case 'Option':
    case 'Array':
      return isCopyTy(p.args[0]!, prog);
    case 'Result':
      return isCopyTy(p.args[0]!, prog) && isCopyTy(p.args[1]!, prog);
    default:
      // A generic type deriving Copy is Copy when its arguments are (derive's bound).
      if (p.c.startsWith('adt:')) return prog.copyTypes.has(p.c.slice(4)) && p.args.every((a) => isCopyTy(a, prog));
      if (p.c.startsWith('iter:') || /^(impl|dyn) Fn/.test(p.c)) return false;
      return true;
  }
}

/**
 * A call's frame around its body, for functions and closures alike: push the frame (reserving
 * every local of `plan` at once, as rustc's prologue does), bind the
 * arguments (`bind` is made once per function, not per call: calls are a hot path), run the body (a `return` ends it early), then at the closing brace close the body's scopes,
 * drop the tail expression's temporaries after its locals (Rust 2021) and before the
 * parameters, pop, and go back to the caller's line.
 */
export function runFrame(m: Machine, name: string, plan: FramePlan, line: number, endLine: number, act: Act, bind: (act: Act, args: RValue[]) => void, args: RValue[], body: Ev): RValue {
  m.line = line;
  m.pushFrame(name, plan);
  bind(act, args);
  // The body's locals in a scope of their own: they drop, then the tail's temporaries, then the
  // parameters (which live in the fn's outermost scope), as rustc orders a function's end.
  m.openScope();
  let result: RValue;
  try {
    result = body(act);
  } catch (err) {
    if (err instanceof Signal && err.kind === 'return') result = err.value;
    else throw err;
  }
  m.line = endLine;
  const frame = m.currentFrame;
  while (frame.scopes.length > 1) m.closeScope();
  dropTemps(m, act, 0);
  m.closeScope();
  m.popFrame();
  m.line = line;
  return result;
}

/** Drops the temporaries of a statement, newest first, as Rust does at the `;`. */
export function dropTemps(m: Machine, a: Act, mark: number): void {
  while (a.temps.length > mark) m.dropValue(a.temps.pop()!);
}

const fromTyMemo = new Map<Ty, TypeVar>();
export function fromTyCached(ty: Ty): TypeVar {
  let t = fromTyMemo.get(ty);
  if (!t) {
    t = fromTy(ty);
    fromTyMemo.set(ty, t);
  }
  return t;
}

/** The compiler as the other parts of code generation (and std entries) call it. */
export interface Codegen {
  readonly prog: Program;
  readonly rt: Runtime;
  /** The move and borrow checks of the function being compiled. */
  readonly checks: MoveCheck;
  /** What check/lends.ts and check/holds.ts ask of the borrow check. */
  readonly lendCheck: LendCheck;
  /**
   * The frame of the function or closure being compiled: every local it declares gets its slot
   * here (`frame.add`), and a call reserves them all on entry; pass the slot to Machine.bind.
   */
  frame: FramePlan;
  /** An expression used by value (moved or copied); `coerce` derefs through Box/Rc that many times. */
  value(e: Expr, coerce?: number): Ev;
  /** An operand read without moving (comparisons and format arguments borrow). */
  operand(e: Expr): Ev;
  /** A place expression; a non-place is evaluated into a temporary. */
  place(e: Expr, mutate: boolean): LocEv;
  /** The place behind an expression after auto-deref through &, Box and Rc. */
  derefPlace(e: Expr, mutate: boolean): LocEv;
  /** A method receiver's place: through references (and Box/Rc unless `keepPointer`). */
  recvPlace(e: Expr, keepPointer?: boolean): LocEv;
  isPlace(e: Expr): boolean;
  /** Runs the program's own Display/Debug impls when formatting meets their types. */
  readonly userFmt: UserFmt;
  /** Calls the program's fn `name` (an impl's fn by its full name, `T::from`). */
  callFn(name: string, args: RValue[], line: number): RValue;
  err(pos: Pos, message: string, code?: string): never;
  subset(pos: Pos, message: string, construct: string): never;
}
