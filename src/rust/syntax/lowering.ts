/**
 * What the lowering's item and macro modules (items.ts, macros.ts) ask of the lowering of one
 * program: positions and errors, the tree helpers, the lowering of types, expressions, blocks
 * and patterns, and the state items set for what is lowered inside them (the impl's `Self`, its
 * type parameters and associated types, the names `use` brings in). lower.ts implements it; the
 * modules take it as a parameter, so none of them imports lower.ts.
 */
import type { Node } from 'web-tree-sitter';
import type { RustCompileError } from '../errors';
import type { Expr, Generic } from './ast';
import type { ClosureLowering } from './closures';
import type { Alias } from './generics';
import type { UseScope } from './use-scope';

/** How a sub-parse's positions map back to the snippet: rows shift, and the first row's columns too. */
export interface Origin {
  row: number;
  col: number;
}

export interface Lowering extends ClosureLowering {
  text(node: Node): string;
  /** The child in field `name`; a clear error when it is missing. */
  field(node: Node, name: string): Node;
  /** Named children, comments left out. */
  named(node: Node): Node[];
  compileError(node: Node, message: string, code: string): RustCompileError;
  block(node: Node): Expr & { k: 'block' };
  /** Where positions of the tree being lowered are in the snippet (a macro's arguments are a sub-parse). */
  origin: Origin;
  /** The type of the impl block being lowered: what `Self` names. */
  selfType: string | undefined;
  /** `Self` as written in the impl header, with its type arguments (`List<T>`). */
  selfText: string | undefined;
  /** The impl block's type parameters: every method's first generics. */
  implGenerics: Generic[];
  /** The impl's associated types (`type Target = T;`): what `Self::Target` means. */
  assoc: Map<string, string>;
  /** `type Link<T> = Option<Box<Node<T>>>;`: what each alias stands for. */
  readonly aliases: Map<string, Alias>;
  /** The program's structs and enums, by name (impls are for these). */
  readonly typeNames: Set<string>;
  /** While a fn's parameters are lowered: the anonymous type parameters `impl Trait` makes. */
  implArgs: Generic[] | undefined;
  /** While a fn's return type is lowered: `impl Trait` there is the body's type. */
  opaqueReturn: boolean;
  /** Whether `use std::rc::Rc;` brings `Rc` into scope. */
  rcImported: boolean;
  /** Enum variants imported by `use Enum::{A, B}` / `use Enum::*`: local name → [enum, variant]. */
  variantAliases: Map<string, [string, string]>;
  /** The program's enums and their variants (what `use Enum::…` may name). */
  enumVariants: Map<string, string[]>;
  /** Names that refer to std (imported, or the head of a written `std::…` path) → the std path. */
  readonly stdNames: Map<string, string>;
  /** Type parameters of the fn being lowered that stand for a closure (`F: Fn(i32) -> i32`). */
  closureParams: Map<string, string> | undefined;
  /** Which std names a block's `use` imports for that block only. */
  readonly useScope: UseScope;
}
