/**
 * The interpreter's own syntax tree: the course subset of Rust, lowered from tree-sitter's
 * concrete tree once (lower.ts). Inference (infer.ts) fills `ty` and resolves names; the
 * compiler (compile.ts) turns it into closures.
 */
import type { Ty } from '../../engine/layout/types';
import type { TypeVar } from '../check/types';

export interface Pos {
  line: number;
  col: number;
}

/** A local variable (let binding, parameter, pattern binding), resolved once by inference. */
export interface Binding {
  name: string;
  mutable: boolean;
  /** Index of its slot in the function's activation. */
  slot: number;
  ty: TypeVar;
  pos: Pos;
  /** Where the binding is used, in source order (filled by inference; the borrow check reads it). */
  uses: Pos[];
  /** Inside a closure body: a variable of an enclosing scope, reached through the closure's capture this index names (run/closures.ts). */
  capture?: number;
}

interface Node {
  pos: Pos;
  /** Filled by inference. */
  ty?: TypeVar;
}

export type BinOp = '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '&&' | '||' | '&' | '|' | '^' | '<<' | '>>';

export type Expr =
  | (Node & { k: 'int'; value: bigint; suffix?: string })
  | (Node & { k: 'float'; value: number; suffix?: string })
  | (Node & { k: 'bool'; value: boolean })
  | (Node & { k: 'char'; value: string })
  | (Node & { k: 'str'; value: string })
  | (Node & { k: 'unit' })
  /** A single name: a local, or a unit struct / `None`. */
  | (Node & { k: 'name'; name: string; binding?: Binding })
  /** `A::B` (enum variant, associated fn as callee). */
  | (Node & { k: 'path'; segs: string[]; targs?: GenericArgs })
  | (Node & { k: 'binary'; op: BinOp; l: Expr; r: Expr })
  | (Node & { k: 'unary'; op: '-' | '!' | '*'; e: Expr })
  | (Node & { k: 'ref'; mutable: boolean; e: Expr })
  | (Node & { k: 'assign'; op: '=' | BinOp; l: Expr; r: Expr })
  | (Node & { k: 'call'; callee: Expr; args: Expr[]; targs?: GenericArgs })
  | (Node & { k: 'method'; recv: Expr; name: string; args: Expr[]; namePos: Pos; targs?: Ty[] })
  | (Node & { k: 'field'; e: Expr; name: string })
  | (Node & { k: 'index'; e: Expr; index: Expr })
  /** `base`: struct update syntax `..base` (the fields not written come from it). */
  | (Node & { k: 'struct'; segs: string[]; fields: { name: string; value: Expr; pos: Pos }[]; base?: Expr })
  | (Node & { k: 'tuple'; items: Expr[] })
  | (Node & Block & { k: 'block' })
  | (Node & { k: 'if'; cond: Expr; then: Expr; else?: Expr })
  | (Node & { k: 'iflet'; pat: Pat; value: Expr; then: Expr; else?: Expr })
  | (Node & { k: 'while'; cond: Expr; body: Expr; label?: string })
  | (Node & { k: 'whilelet'; pat: Pat; value: Expr; body: Expr; label?: string })
  | (Node & { k: 'loop'; body: Expr; label?: string })
  | (Node & { k: 'for'; pat: Pat; iter: Expr; body: Expr; label?: string })
  | (Node & { k: 'break'; label?: string; value?: Expr })
  | (Node & { k: 'continue'; label?: string })
  | (Node & { k: 'return'; value?: Expr })
  | (Node & { k: 'match'; value: Expr; arms: Arm[] })
  | (Node & { k: 'cast'; e: Expr; to: Ty })
  | (Node & { k: 'range'; from?: Expr; to?: Expr; inclusive: boolean })
  /** `message`: an assertion's custom message (format_args!, no allocation); `write!`/`writeln!` have a `target` (a Formatter); `widths`: a hole's width argument (`{:w$}`). */
  | (Node & { k: 'format'; mac: 'println' | 'print' | 'format' | 'panic' | 'eprintln' | 'eprint' | 'message' | 'write' | 'writeln'; template: string; args: Expr[]; debug: boolean[]; specs: FmtSpec[]; target?: Expr; widths?: (Expr | undefined)[] })
  | (Node & { k: 'vec'; items: Expr[] })
  /** `[a, b, c]` and `[x; N]` (N a literal): an array on the stack. */
  | (Node & { k: 'array'; items: Expr[] })
  | (Node & { k: 'arrayrep'; item: Expr; count: Expr })
  | (Node & { k: 'vecrep'; item: Expr; count: Expr })
  | (Node & { k: 'assert'; cond: Expr; text: string; msg?: Expr })
  | (Node & { k: 'asserteq'; l: Expr; r: Expr; eq: boolean; msg?: Expr })
  /** `dbg!(a, b)`: each value moved through, written to stderr with its source text (`texts`). */
  | (Node & { k: 'dbg'; items: Expr[]; texts: string[] })
  | (Node & Closure & { k: 'closure' })
  /** `e?` on an Option or a Result (check/try.ts); `boxErr`: the `Box<dyn Error>` its error becomes; `fromErr`: the program's `From` fn converting it. */
  | (Node & { k: 'try'; e: Expr; ret?: TypeVar; boxErr?: TypeVar; fromErr?: string });

/** `|a, b| body` / `move |x| body`: what lowering reads and inference fills (check/closures.ts). */
export interface Closure {
  params: { pat: Pat; ty?: Ty; pos: Pos }[];
  ret?: Ty;
  body: Expr;
  move: boolean;
  /** The closure's type name, `{closure@L:C}` (its capture struct in the program's structs). */
  name?: string;
  /** Slots of the closure body's own activation (set by inference). */
  slots?: number;
  /** Its signature (set by inference). */
  sig?: { params: TypeVar[]; ret: TypeVar };
  /** Fn, FnMut or FnOnce: the most a caller may do with it, from how its body uses its captures. */
  kind?: FnKind;
  /** The variables it captures, in order of first use: the outer binding and how it is held. */
  captures?: Capture[];
}

export type FnKind = 'Fn' | 'FnMut' | 'FnOnce';

export interface Capture {
  /** The captured variable, as the enclosing code names it. */
  outer: Binding;
  /** The stand-in binding the closure body uses. */
  inner: Binding;
  /** By shared reference, by mutable reference or by value (moved or copied in), as rustc infers. */
  mode: 'ref' | 'mut' | 'value';
  /** The body moves the captured value out (so the closure is FnOnce). */
  movedInBody: boolean;
  /** The body changes it (so the closure is at least FnMut). */
  mutatedInBody: boolean;
  /** The body changes it in place (not through a reference it holds): captured by `&mut`. */
  wantsMut?: boolean;
}

/** One `{…}` hole of a format string (std's, so the engine formats it). */
export type { FmtSpec } from '../../engine/std/fmt';
import type { FmtSpec } from '../../engine/std/fmt';

export interface Block {
  /** Line of the closing brace: where the block's locals are dropped. */
  endLine: number;
  stmts: Stmt[];
  tail?: Expr;
}

export type Stmt =
  /** `else`: the diverging block of `let PAT = value else { … };`. */
  | { k: 'let'; pos: Pos; pat: Pat; ty?: Ty; tyPos?: Pos; value?: Expr; else?: Expr & { k: 'block' } }
  | { k: 'expr'; pos: Pos; e: Expr; semi: boolean };

export interface Arm {
  pat: Pat;
  guard?: Expr;
  body: Expr;
  pos: Pos;
}

export type Pat =
  | { k: 'wild'; pos: Pos }
  | { k: 'bind'; pos: Pos; name: string; mutable: boolean; byRef: boolean; binding?: Binding; sub?: Pat }
  | { k: 'lit'; pos: Pos; value: Expr }
  | { k: 'range'; pos: Pos; from: Expr; to: Expr; inclusive: boolean }
  /** `Enum::Variant(..)`, `Some(..)`, `Tuple(..)` and unit `Enum::Variant` / `None`. */
  | { k: 'variant'; pos: Pos; segs: string[]; items: Pat[]; named?: { name: string; pat: Pat }[]; unit: boolean }
  | { k: 'tuple'; pos: Pos; items: Pat[] }
  | { k: 'or'; pos: Pos; alts: Pat[] }
  | { k: 'ref'; pos: Pos; pat: Pat }
  /** `[a, b]`, `[first, .., last]`, `[head, tail @ ..]` on an array or slice: at most one item is `..` (check/rest-patterns.ts). */
  | { k: 'slice'; pos: Pos; items: Pat[] }
  /**
   * `..` among a tuple's, a tuple variant's or a slice's items (as `tail @ ..`, the `sub` of a
   * binding). Inference replaces it in tuples and variants by the wildcards it stands for.
   */
  | { k: 'rest'; pos: Pos };

export interface Param {
  pat: Pat;
  ty: Ty;
  pos: Pos;
  /** Where the type is written (errors about the type point there). */
  tyPos?: Pos;
}

/** A type parameter of a generic fn or impl (`T: Display + PartialOrd`), its bounds as written. */
export interface Generic {
  name: string;
  bounds: string[];
}

/**
 * Turbofish arguments of a path (`Vec::<u8>::new`, `largest::<i32>`): `owner` on the type
 * segment, `fn` on the last one.
 */
export interface GenericArgs {
  owner?: Ty[];
  fn?: Ty[];
}

export interface FnItem {
  name: string;
  /** Type parameters (an impl's first, then the fn's own): a template, run once per instantiation. */
  generics?: Generic[];
  /** How many of `generics` are the impl block's (a turbofish on the fn binds the ones after). */
  implParams?: number;
  /** An instance's type arguments with their template's bounds (`String` with `AsRef<str>`): method resolution through a bound. */
  instanceBounds?: { ty: Ty; bounds: string[] }[];
  pos: Pos;
  params: Param[];
  ret: Ty;
  retPos?: Pos;
  body: Expr & { k: 'block' };
  /** Slots used by the activation (set by inference). */
  slots: number;
}

export interface Program {
  fns: Map<string, FnItem>;
  /** Names of user types deriving Copy. */
  copyTypes: Set<string>;
  /** Names of user types deriving Clone. */
  cloneTypes: Set<string>;
  /** Names of user types deriving Debug (printable with {:?}). */
  debugTypes: Set<string>;
  /** Names of user types deriving PartialEq / PartialOrd (comparable with == / <). */
  eqTypes: Set<string>;
  ordTypes: Set<string>;
  /** Names of user types deriving Ord (`cmp`, `max`, `min`) and Default (`T::default()`). */
  totalOrdTypes: Set<string>;
  defaultTypes: Set<string>;
  structs: Map<string, import('../../engine/layout/types').StructDef>;
  enums: Map<string, import('../../engine/layout/types').EnumDef>;
  /** Names that refer to std items (`use std::collections::HashMap;` → HashMap): a use the subset cannot run is "not supported yet", not rustc's E0425/E0433. */
  stdNames: Map<string, string>;
  /** The program's traits (impls make their methods the types' own: static dispatch only). */
  traits: Set<string>;
  /** Types with `impl Drop`: their destructor is the fn `<T as Drop>::drop`. */
  dropTypes: Set<string>;
  /** The traits each type implements (a program's and std's by short name: `Display`, `Deref`). */
  impls: Map<string, Set<string>>;
  /** Where each `impl Trait for Type` is written, by `Type as Trait` (errors about an impl point there). */
  implPos?: Map<string, Pos>;
  /** `const` items and immutable `static`s: a name for a value, inlined where it is used. */
  consts: Map<string, { ty: Ty; tyPos: Pos; value: Expr }>;
  /** The closures of the program by type name (`{closure@L:C}`), filled by inference. */
  closures?: Map<string, Expr & { k: 'closure' }>;
}

/** Extra facts inference leaves on nodes for the compiler. */
export interface Notes {
  /** Auto-derefs through Box/Rc an argument needs to fit its parameter (`&Box<List>` → `&List`). */
  coerce?: number;
  /** A method call resolved to a method of an impl block: its function's name (`Point::dist`). */
  userMethod?: string;
  /** A comparison method (`eq`, `cmp`, `max`, …) of std/compare.ts. */
  compare?: boolean;
  /** `x.into()` (std/convert.ts). */
  into?: boolean;
  /** `x.as_ref()` / `x.as_mut()` through a bound `T: AsRef<X>` (check/as-ref.ts): the receiver's type (references looked through) and X. */
  asRef?: { recv: TypeVar; target: TypeVar; mutable: boolean };
  /** An operator on a program's type through its std::ops impl (check/op-traits.ts): the fn it calls (`Point::add`). */
  opFn?: string;
  /** `x.into()` through the program's own `impl From<X> for T`: the fn to call (`T::from`). */
  userInto?: string;
  /** A pointer becoming a `Box<dyn T>` / `&dyn T` here: the type it becomes. */
  unsizeTo?: TypeVar;
  /** A method called on a `dyn Trait`: dispatched on the value's type when it runs. */
  dynMethod?: string;
  /** `x.to_string()` through the program's `impl Display` of x's type. */
  viaDisplay?: boolean;
  /** A call of a generic fn: the name of its instance (`largest::<i32>`); for `ownIter`, the `next` it calls. */
  instance?: string;
  /** A program's own Iterator wrapped for std's iterator methods (check/own-iter.ts). */
  ownIter?: boolean;
  /** A name that is a `const` item: its value is compiled in place. */
  constant?: string;
}
