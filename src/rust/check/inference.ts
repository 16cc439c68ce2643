/**
 * What inference's rule modules (patterns.ts, operators.ts, calls.ts, coerce.ts, format.ts) ask
 * of the inference of one function: its scopes and pending checks, its signatures, and the
 * walk itself. check/infer.ts implements it; the modules take it as a parameter, so none of
 * them imports infer.ts.
 */
import type { Ty } from '../../engine/layout/types';
import type { Binding, Expr, FnItem, GenericArgs, Notes, Pos } from '../syntax/ast';
import type { Inference as ClosureInference } from './closures';
import type { OwnIterInference } from './own-iter';
import type { TypeVar } from './types';

export interface Inference extends ClosureInference, OwnIterInference {
  v(lit?: 'int' | 'float'): TypeVar;
  written(ty: Ty, pos: Pos, params?: ReadonlyMap<string, TypeVar>): TypeVar;
  mismatch(pos: Pos, expected: TypeVar, found: TypeVar, what?: string): never;
  coerce(e: Expr, found: TypeVar, expected: TypeVar, what?: string): void;
  /** Unifies only if it cannot fail half-way. */
  tryUnify(a: TypeVar, b: TypeVar): boolean;
  /** A `&str` (or `&String`) wanted: any reference to text is accepted. */
  coerceTo(pos: Pos, found: TypeVar, expected: TypeVar): void;
  argCount(e: Expr & { args: Expr[] }, want: number, what: string): void;
  /** An expression written where `expected` is wanted (a closure there takes its signature). */
  exprExpecting(e: Expr, expected: TypeVar): TypeVar;
  /** An expression at a coercion site that expects `t` (a `vec!` there takes its element type). */
  expecting(e: Expr, t: TypeVar): TypeVar;
  /** Argument i is a closure called with `params`: its return type. */
  closureArg(e: Expr & { args: Expr[] }, i: number, params: TypeVar[], ret?: TypeVar, kind?: 'Fn' | 'FnMut' | 'FnOnce'): TypeVar;
  lookup(name: string, pos?: Pos): Binding | undefined;
  declare(name: string, ty: TypeVar, mutable: boolean, pos: Pos): Binding;
  /** A std item the program names that the subset lacks: "not supported yet", not a rustc error. */
  notInSubset(name: string, pos: Pos, member?: string): void;
  /** Signatures of the program's non-generic fns, by name. */
  readonly fnTypes: ReadonlyMap<string, { params: TypeVar[]; ret: TypeVar }>;
  /** A call of a generic fn: its signature under fresh type variables; the call names its instance later. */
  generic(e: Expr & Notes, key: 'instance' | 'userMethod', fn: FnItem, targs?: GenericArgs | Ty[]): { params: TypeVar[]; ret: TypeVar };
  /** `e`, of a type with its own Deref, becomes `e.deref()`: its type. */
  viaDeref(e: Expr, t: TypeVar): TypeVar;
  /** `e`'s inferred content now lives in `inner` (a rewrite put a node in its place). */
  moved(e: Expr, inner: Expr): void;
}
