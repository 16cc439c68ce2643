/**
 * std as the interpreter offers it: ONE entry per method and per associated function, holding
 * its type rule (asked by check/infer.ts) and its runtime (asked by run/compile.ts) side by side.
 * Adding a `Vec` method is adding one entry to std/vec.ts. What the entries do to memory is the
 * engine's (engine/std): an entry only connects the checked program to it.
 */
import type { Ty } from '../../engine/layout/types';
import type { TypeVar } from '../check/types';
import type { Codegen, Ev, LocEv, Runtime } from '../run/context';
import type { Expr } from '../syntax/ast';

/** What a method's receiver is, after auto-deref: the key of its entries. */
export type Recv = 'String' | 'str' | 'Vec' | 'Array' | 'slice' | 'HashMap' | 'HashSet' | 'Entry' | 'Option' | 'Result' | 'int' | 'float' | 'char' | 'bool' | 'Box' | 'Rc' | 'Chars' | 'Bytes' | 'Iter' | 'Cell' | 'RefCell' | 'Weak' | 'Iterator' | 'Ordering' | 'VecDeque' | 'BTreeMap' | 'BTreeSet' | 'Ipv4Addr';

/** The element type of a receiver `Vec<T>`, `[T; N]` or `[T]`. */
export const elemOf = (x: { recv: Extract<TypeVar, { k: 'con' }> }): TypeVar => x.recv.args[0]!;

export type MethodExpr = Expr & { k: 'method' };
export type CallExpr = Expr & { k: 'call' };

/** What a method's type rule may ask of inference. */
export interface MethodTyping {
  e: MethodExpr;
  /** The receiver's type after auto-deref (a constructor: `Vec<T>` has `args[0]` = T). */
  recv: Extract<TypeVar, { k: 'con' }>;
  argCount(n: number): void;
  /** No arguments; the method returns `ret`. */
  noArgs(ret: TypeVar): TypeVar;
  /** One argument coerced to `param`; returns `ret`. */
  oneArg(param: TypeVar, ret: TypeVar): TypeVar;
  /** One argument that must be text (`&str`, `&String`); returns `ret`. */
  textArg(ret: TypeVar): TypeVar;
  /** Argument i's type, unified with `expected` (no coercion). */
  unifyArg(i: number, expected: TypeVar): void;
  /** Argument i's type, coerced to `expected` as at a call (`&String` → `&str`, …). */
  coerceArg(i: number, expected: TypeVar): void;
  /**
   * Argument i is a closure (or a variable holding one) called with `params`: its return type,
   * unified with `ret` when given. `kind`: what the method may do with it (FnMut by default).
   */
  closureArg(i: number, params: TypeVar[], ret?: TypeVar, kind?: 'Fn' | 'FnMut' | 'FnOnce'): TypeVar;
  /** A fresh type variable. */
  fresh(): TypeVar;
  /** A check to run once the function is inferred, before literals default (`collect`'s target and item). */
  settle(check: () => void): void;
  /** `t` must be `Ord` (a sort key, what `max` compares): rustc's E0277 once the types settle, e.g. for an f64. */
  requireOrd(t: TypeVar): void;
  /** The method's turbofish types (`collect::<Vec<_>>()`), `_` fresh; empty without one. */
  turbofish(): TypeVar[];
  /** The signature of the program's fn `name` (`Person::from_str` of its `impl FromStr`), if it has one. */
  programFn(name: string): { params: TypeVar[]; ret: TypeVar } | undefined;
}

/** What a method's runtime may ask of the compiler. */
export interface MethodRun {
  rt: Runtime;
  e: MethodExpr;
  /** The receiver's type after auto-deref. */
  recv: Extract<TypeVar, { k: 'con' }>;
  /** The receiver's place (auto-ref'd, no move); absent for entries with `ownRecv`. */
  place: LocEv;
  /** The call's result type as the engine knows it. */
  ty: Ty;
  line: number;
  /** Argument i by value (moved or copied). */
  arg(i: number): Ev;
  /** Argument i borrowed (read without moving). */
  operand(i: number): Ev;
  /** The compiler itself, for the few entries that move out of or re-walk their receiver. */
  k: Codegen;
}

export interface StdMethod {
  name: string;
  on: readonly Recv[];
  /** Takes `&mut self`: the receiver needs `let mut` and is mutably borrowed for the call. */
  mutates?: boolean;
  /** Box/Rc's own clone: the receiver is the pointer, not what it points at. */
  keepPointer?: boolean;
  /** The runtime walks the receiver itself (it is an iterator made by the call before). */
  ownRecv?: boolean;
  type(x: MethodTyping): TypeVar;
  run(x: MethodRun): Ev;
}

/** What an associated function's type rule may ask of inference. */
export interface FnTyping {
  e: CallExpr;
  argCount(n: number): void;
  /** Every argument's type, in order. */
  args(): TypeVar[];
  /** A fresh type variable (an element type a later use settles). */
  fresh(): TypeVar;
  /** Argument i must be text (`&str`, `&String`). */
  textArg(i: number): void;
  /** Unifies argument i's type `found` (from args()) with `expected`, or rustc's E0308 there. */
  unifyAt(i: number, expected: TypeVar, found: TypeVar): void;
  /** rustc's E0308 at argument i. */
  mismatch(i: number, expected: TypeVar | string, found: TypeVar): never;
  /** The call's i-th turbofish type (`size_of::<T>()`'s T), or undefined when not written. */
  typeArg(i: number): TypeVar | undefined;
}

export interface FnRun {
  rt: Runtime;
  e: CallExpr;
  /** The call's result type as the engine knows it. */
  ty: Ty;
  /** The element type of the `Vec<T>` the call returns. */
  elem(): Ty;
  arg(i: number): Ev;
  operand(i: number): Ev;
}

export interface StdFn {
  /** As written: `String::from`, `mem::swap`, `drop`. */
  path: string;
  type(x: FnTyping): TypeVar;
  run(x: FnRun): Ev;
}

/** An associated constant (`Ipv4Addr::LOCALHOST`): its type and its value, made where it is used. */
export interface StdConst {
  path: string;
  type(): TypeVar;
  value(): import('../../engine/memory/rvalue').RValue;
}
