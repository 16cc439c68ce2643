/**
 * From tree-sitter's concrete tree to the interpreter's AST (ast.ts). Every construct outside
 * the course subset stops here with a RustSubsetError naming it and where it is. This module
 * lowers types, blocks, statements, expressions and patterns; items (fns, structs, enums, impls,
 * traits, `use`) are lowered in items.ts and macros in macros.ts, which take this lowering
 * through the interface in lowering.ts.
 */
import type { Node } from 'web-tree-sitter';
import { parseType } from '../../engine/layout/parse';
import type { Ty } from '../../engine/layout/types';
import type { Arm, BinOp, Block, Expr, Pat, Pos, Program, Stmt } from './ast';
import { RustCompileError, RustSubsetError, RustSyntaxError } from '../errors';
import { STD_ROOTS } from './uses';

/** Rust's strict keywords that cannot start an expression. */
const KEYWORDS = new Set(['as', 'const', 'enum', 'extern', 'fn', 'impl', 'in', 'let', 'mod', 'mut', 'pub', 'ref', 'static', 'struct', 'trait', 'type', 'use', 'where', 'dyn', 'move']);
import { type Alias, shadowedByAlias, expandAliases, IMPL_ARG, INFER_NAME, OPAQUE_RETURN, replaceAssoc } from './generics';
import type { Generic } from './ast';
import { fmtTypes } from './std-traits';
import { implFnType, lowerClosure } from './closures';
import { eraseLifetimes } from './lifetimes';
import { program, useItem } from './items';
import { macro } from './macros';
import { UseScope } from './use-scope';
import type { Lowering as LoweringApi, Origin } from './lowering';

const WORDS: Record<string, string> = {
  trait_item: 'traits are not supported yet',
  generic_function: 'generic functions are not supported yet',
  type_parameters: 'generic functions are not supported yet',
  async_block: 'async is not supported',
  await_expression: 'async is not supported',
  unsafe_block: 'unsafe is not supported',
  const_item: 'const items are not supported yet',
  static_item: 'static items are not supported yet',
  mod_item: 'modules are not supported yet',
  macro_definition: 'macro_rules! is not supported',
  type_item: 'type aliases are not supported yet',
  lifetime: 'explicit lifetimes are not supported yet',
  let_chain: 'let chains are not supported',
};

export class Lowering implements LoweringApi {
  origin: Origin = { row: 0, col: 0 };
  /** The type of the impl block being lowered: what `Self` names. */
  selfType: string | undefined;
  /** `type Link<T> = Option<Box<Node<T>>>;`: what each alias stands for. */
  aliases = new Map<string, Alias>();
  /** The program's structs and enums, by name (impls are for these). */
  typeNames = new Set<string>();
  /** Turbofish arguments on the type segment of the path just read (`Vec::<u8>::new`). */
  private ownerArgs: Ty[] | undefined;
  /** `Self` as written in the impl header, with its type arguments (`List<T>`). */
  selfText: string | undefined;
  /** The impl block's type parameters: every method's first generics. */
  implGenerics: Generic[] = [];
  /** The impl's associated types (`type Target = T;`): what `Self::Target` means. */
  assoc = new Map<string, string>();
  /** While a fn's parameters are lowered: the anonymous type parameters `impl Trait` makes. */
  implArgs: Generic[] | undefined;
  /** While a fn's return type is lowered: `impl Trait` there is the body's type. */
  opaqueReturn = false;
  /** Whether `use std::rc::Rc;` brings `Rc` into scope (else only `std::rc::Rc` names it). */
  rcImported = false;
  /** Enum variants imported by `use Enum::{A, B}` / `use Enum::*`: local name → [enum, variant]. */
  variantAliases = new Map<string, [string, string]>();
  /** The program's enums and their variants (what `use Enum::…` may name). */
  enumVariants = new Map<string, string[]>();
  /** Names that refer to std (imported, or the head of a written `std::…` path) → the std path. */
  stdNames = new Map<string, string>();
  /** Type parameters of the fn being lowered that stand for a closure (`F: Fn(i32) -> i32` → `impl Fn(i32) -> i32`). */
  closureParams: Map<string, string> | undefined;
  /** Which std names a block's `use` imports for that block only. */
  readonly useScope = new UseScope();

  constructor(private readonly source: string) {}

  pos(node: Node): Pos {
    const { row, column } = node.startPosition;
    return { line: row + this.origin.row + 1, col: (row === 0 ? column + this.origin.col : column) + 1 };
  }

  unsupported(node: Node, what?: string): never {
    const p = this.pos(node);
    const words = what ?? WORDS[node.type] ?? `${node.type.replace(/_/g, ' ').replace(/ (expression|item|pattern)$/, '')} is not supported yet`;
    throw new RustSubsetError(words, p.line, p.col, node.type);
  }

  text(node: Node): string {
    return node.text;
  }

  field(node: Node, name: string): Node {
    const c = node.childForFieldName(name);
    if (!c) this.unsupported(node, `expected ${name} here`);
    return c;
  }

  named(node: Node): Node[] {
    return node.namedChildren.filter((c): c is Node => !!c && c.type !== 'line_comment' && c.type !== 'block_comment');
  }

  /** The whole program: its items (items.ts). */
  program(root: Node): Program {
    return program(this, root);
  }

  compileError(node: Node, message: string, code: string): RustCompileError {
    const p = this.pos(node);
    return new RustCompileError(message, p.line, p.col, code);
  }

  /** A one-segment path that names an imported enum variant, spelled out in full. */
  private aliased(segs: string[]): string[] {
    const a = segs.length === 1 ? this.variantAliases.get(segs[0]!) : undefined;
    return a ? [...a] : segs;
  }

  type(node: Node): Ty {
    const closure = node.type === 'abstract_type' ? implFnType(this, node) : this.closureParams?.get(node.text);
    if (closure !== undefined) return typeof closure === 'string' ? { kind: 'dyn', trait: closure } : closure;
    if (node.type === 'reference_type' && this.closureParams?.has(node.childForFieldName('type')?.text ?? '')) {
      return { kind: 'ref', mutable: /^&\s*mut\b/.test(node.text.replace(/'[A-Za-z_]\w*\s*/, '')), to: { kind: 'dyn', trait: this.closureParams.get(node.childForFieldName('type')!.text)! } };
    }
    if (node.type === 'function_type' || node.type === 'dynamic_type') this.unsupported(node);
    const unscoped = this.useScope.outOfScopeInType(node.text);
    if (unscoped) throw this.compileError(node, `cannot find type \`${unscoped}\` in this scope (its \`use\` is inside another block)`, 'E0425');
    try {
      // Lifetimes (`&'a str`, `&'static str`) are erased: they only matter to the borrow checker.
      let text = eraseLifetimes(this.typeText(node));
      text = replaceAssoc(text, this.assoc).replace(/(^|[^\w:])_(?!\w)/g, `$1${INFER_NAME}`);
      // Before fmt::Result becomes std's Result<(), fmt::Error>: a program's `Result` alias is not that one.
      text = fmtTypes(shadowedByAlias(text, this.aliases), this.stdNames);
      // `std::num::ParseIntError` spelled out names the std item as a `use` would (as paths do, pathSegs).
      for (const m of text.matchAll(/\b(?:std|core|alloc)::(?:\w+::)*(\w+)/g)) if (!this.stdNames.has(m[1]!)) this.stdNames.set(m[1]!, m[0]);
      if (!this.rcImported && /(^|[^:\w])Rc\s*</.test(text)) {
        const p = this.pos(node);
        throw new RustCompileError('cannot find type `Rc` in this scope (add `use std::rc::Rc;`)', p.line, p.col + text.search(/Rc\s*</), 'E0425');
      }
      if (this.selfType) text = text.replace(/\bSelf\b/g, this.selfText ?? this.selfType);
      return expandAliases(parseType(text), this.aliases);
    } catch (e) {
      const p = this.pos(node);
      const std = (node.text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).find((w) => this.stdNames.has(w));
      if (std) throw new RustSubsetError(`\`${this.stdNames.get(std)}\` is not supported yet`, p.line, p.col, node.type);
      if (e instanceof RustSubsetError) throw e;
      throw new RustSubsetError(`cannot read the type \`${node.text}\`: ${(e as Error).message}`, p.line, p.col, node.type);
    }
  }

  /**
   * A type's text with each `impl Trait` in it replaced: in parameters by an anonymous type
   * parameter of the fn, in the return type by the body's type; elsewhere it is unsupported.
   */
  private typeText(node: Node): string {
    const found: Node[] = [];
    const walk = (n: Node) => {
      // `impl A + B` is a bounded_type around `impl A`: the whole is the one anonymous parameter.
      if (n.type === 'abstract_type' || (n.type === 'bounded_type' && this.named(n)[0]?.type === 'abstract_type')) found.push(n);
      else for (const c of this.named(n)) walk(c);
    };
    walk(node);
    let text = node.text;
    for (const a of found.reverse()) {
      const abstract = a.type === 'bounded_type' ? this.named(a)[0]! : a;
      const trait = abstract.childForFieldName('trait');
      if (!trait || /^(Fn|FnMut|FnOnce)\b/.test(trait.text)) this.unsupported(a, 'abstract type is not supported yet');
      const more = a === abstract ? '' : a.text.slice(abstract.endIndex - a.startIndex);
      let name: string;
      if (this.implArgs) {
        name = `${IMPL_ARG}${this.implArgs.length}`;
        this.implArgs.push({ name, bounds: (trait.text + more).split('+').map((b) => b.replace(/\s+/g, '')).filter((b) => b && !b.startsWith("'")) });
      } else if (this.opaqueReturn) name = OPAQUE_RETURN;
      else this.unsupported(a, 'abstract type is not supported yet');
      text = text.slice(0, a.startIndex - node.startIndex) + name + text.slice(a.endIndex - node.startIndex);
    }
    return text;
  }

  // ---------------------------------------------------------------- blocks and statements

  block(node: Node): Expr & { k: 'block' } {
    if (node.type !== 'block') this.unsupported(node, `expected a block, found ${node.type}`);
    const children = this.named(node);
    // A `use` in a block names variants and std items for that block only (std names: use-scope.ts).
    const uses = children.filter((c) => c.type === 'use_declaration');
    if (uses.length) {
      const outer = new Map(this.variantAliases);
      try {
        for (const c of uses) useItem(this, c);
        return this.useScope.within(uses, () => this.blockBody(node, children));
      } finally {
        this.variantAliases = outer;
      }
    }
    return this.blockBody(node, children);
  }

  private blockBody(node: Node, children: Node[]): Expr & { k: 'block' } {
    const out: Block = { stmts: [], endLine: node.endPosition.row + this.origin.row + 1 };
    for (let i = 0; i < children.length; i++) {
      const c = children[i]!;
      const last = i === children.length - 1;
      switch (c.type) {
        case 'let_declaration':
          out.stmts.push(this.letStmt(c));
          break;
        case 'expression_statement': {
          const inner = this.named(c)[0];
          if (!inner) continue;
          const semi = c.text.trimEnd().endsWith(';');
          const e = this.expr(inner);
          if (last && !semi) out.tail = e;
          else out.stmts.push({ k: 'expr', pos: this.pos(c), e, semi });
          break;
        }
        case 'empty_statement':
        case 'use_declaration':
          break;
        case 'label':
          this.unsupported(c, 'block labels are not supported yet');
          break;
        default:
          if (/_item$/.test(c.type)) this.unsupported(c, `items inside functions (${c.type.replace(/_item$/, '')}) are not supported yet`);
          if (!last) this.unsupported(c);
          out.tail = this.expr(c);
      }
    }
    return { k: 'block', pos: this.pos(node), ...out };
  }

  private letStmt(node: Node): Stmt {
    let pat = this.pattern(this.field(node, 'pattern'));
    if (node.namedChildren.some((c) => c?.type === 'mutable_specifier') && pat.k === 'bind') pat = { ...pat, mutable: true };
    const tyNode = node.childForFieldName('type');
    const valueNode = node.childForFieldName('value');
    const elseNode = node.childForFieldName('alternative');
    return {
      k: 'let',
      pos: this.pos(node),
      pat,
      ty: tyNode ? this.type(tyNode) : undefined,
      tyPos: tyNode ? this.pos(tyNode) : undefined,
      value: valueNode ? this.expr(valueNode) : undefined,
      else: elseNode ? this.block(elseNode) : undefined,
    };
  }

  // ---------------------------------------------------------------- expressions

  expr(node: Node): Expr {
    const pos = this.pos(node);
    switch (node.type) {
      case 'integer_literal': {
        const m = /^(.*?)(i8|i16|i32|i64|i128|isize|u8|u16|u32|u64|u128|usize)?$/.exec(node.text.replace(/_/g, ''))!;
        let digits = m[1]!;
        let suffix = m[2];
        if (/^0x/i.test(digits) === false && /[eE]/.test(digits)) this.unsupported(node);
        if (!/^(0x[0-9a-f]+|0o[0-7]+|0b[01]+|\d+)$/i.test(digits)) {
          // 1f64 style suffixes
          const f = /^(\d+)(f32|f64)$/.exec(node.text);
          if (f) return { k: 'float', pos, value: Number(f[1]), suffix: f[2] };
          this.unsupported(node, `cannot read the number ${node.text}`);
        }
        if (suffix === undefined && /^0[box]/i.test(digits) === false) digits = digits.replace(/^0+(?=\d)/, '');
        return { k: 'int', pos, value: BigInt(digits), suffix };
      }
      case 'float_literal': {
        const m = /^(.*?)(f32|f64)?$/.exec(node.text.replace(/_/g, ''))!;
        return { k: 'float', pos, value: Number(m[1]), suffix: m[2] };
      }
      case 'boolean_literal':
        return { k: 'bool', pos, value: node.text === 'true' };
      case 'char_literal':
        // `b'a'` is the u8 97.
        if (node.text.startsWith('b')) return { k: 'int', pos, value: BigInt(unescape(node.text.slice(2, -1)).charCodeAt(0)), suffix: 'u8' };
        return { k: 'char', pos, value: unescape(node.text.slice(1, -1)) };
      case 'string_literal':
        if (node.text.startsWith('b')) return this.byteString(node, pos);
        if (node.text.startsWith('c')) this.unsupported(node, 'C string literals (c"…") are not supported');
        return { k: 'str', pos, value: unescape(node.text.slice(1, -1)) };
      case 'raw_string_literal': {
        const m = /^r(#*)"([\s\S]*)"\1$/.exec(node.text);
        return { k: 'str', pos, value: m ? m[2]! : node.text };
      }
      case 'unit_expression':
        return { k: 'unit', pos };
      case 'identifier':
        // tree-sitter recovers `let a = mut v;` with `mut` as a name: rustc's syntax error.
        if (KEYWORDS.has(node.text)) throw new RustSyntaxError(`syntax error: expected expression, found keyword \`${node.text}\``, pos.line, pos.col);
        if (this.variantAliases.has(node.text)) return { k: 'path', pos, segs: this.aliased([node.text]) };
        if (node.text === 'Self' && this.selfType) return { k: 'path', pos, segs: [this.selfType] };
        return { k: 'name', pos, name: node.text };
      case 'self':
        if (!this.selfType) this.unsupported(node, '`self` outside a method');
        return { k: 'name', pos, name: 'self' };
      case 'scoped_identifier':
        return { k: 'path', pos, segs: this.pathSegs(node) };
      case 'parenthesized_expression':
        return this.expr(this.named(node)[0]!);
      case 'tuple_expression':
        return { k: 'tuple', pos, items: this.named(node).map((c) => this.expr(c)) };
      case 'binary_expression':
        return { k: 'binary', pos, op: this.field(node, 'operator').type as BinOp, l: this.expr(this.field(node, 'left')), r: this.expr(this.field(node, 'right')) };
      case 'unary_expression': {
        const op = node.child(0)!.type as '-' | '!' | '*';
        return { k: 'unary', pos, op, e: this.expr(this.named(node)[0]!) };
      }
      case 'reference_expression':
        return { k: 'ref', pos, mutable: node.namedChildren.some((c) => c?.type === 'mutable_specifier'), e: this.expr(this.field(node, 'value')) };
      case 'assignment_expression':
        return { k: 'assign', pos, op: '=', l: this.expr(this.field(node, 'left')), r: this.expr(this.field(node, 'right')) };
      case 'compound_assignment_expr': {
        const op = this.field(node, 'operator').type.slice(0, -1) as BinOp;
        return { k: 'assign', pos, op, l: this.expr(this.field(node, 'left')), r: this.expr(this.field(node, 'right')) };
      }
      case 'call_expression':
        return this.call(node, pos);
      case 'field_expression': {
        const f = this.field(node, 'field');
        return { k: 'field', pos, e: this.expr(this.field(node, 'value')), name: f.text };
      }
      case 'index_expression': {
        const [e, i] = this.named(node);
        return { k: 'index', pos, e: this.expr(e!), index: this.expr(i!) };
      }
      case 'struct_expression': {
        const nameNode = this.field(node, 'name');
        const segs = this.pathSegs(nameNode);
        const fields: { name: string; value: Expr; pos: Pos }[] = [];
        let base: Expr | undefined;
        for (const f of this.named(this.field(node, 'body'))) {
          if (f.type === 'shorthand_field_initializer') {
            const id = this.named(f)[0]!;
            fields.push({ name: id.text, value: { k: 'name', pos: this.pos(id), name: id.text }, pos: this.pos(f) });
          } else if (f.type === 'field_initializer') {
            fields.push({ name: this.field(f, 'field').text, value: this.expr(this.field(f, 'value')), pos: this.pos(f) });
          } else if (f.type === 'base_field_initializer') base = this.expr(this.named(f)[0]!);
          else this.unsupported(f);
        }
        return { k: 'struct', pos, segs, fields, base };
      }
      case 'block':
        return this.block(node);
      case 'if_expression':
        return this.ifExpr(node, pos);
      case 'while_expression': {
        const label = this.label(node);
        const cond = this.field(node, 'condition');
        if (cond.type === 'let_condition') {
          return { k: 'whilelet', pos, pat: this.pattern(this.field(cond, 'pattern')), value: this.expr(this.field(cond, 'value')), body: this.block(this.field(node, 'body')), label };
        }
        return { k: 'while', pos, cond: this.expr(cond), body: this.block(this.field(node, 'body')), label };
      }
      case 'loop_expression':
        return { k: 'loop', pos, body: this.block(this.field(node, 'body')), label: this.label(node) };
      case 'for_expression':
        return { k: 'for', pos, pat: this.pattern(this.field(node, 'pattern')), iter: this.expr(this.field(node, 'value')), body: this.block(this.field(node, 'body')), label: this.label(node) };
      case 'break_expression': {
        const kids = this.named(node);
        const label = kids.find((c) => c.type === 'label');
        const value = kids.find((c) => c.type !== 'label');
        return { k: 'break', pos, label: label?.text.slice(1), value: value ? this.expr(value) : undefined };
      }
      case 'continue_expression': {
        const label = this.named(node).find((c) => c.type === 'label');
        return { k: 'continue', pos, label: label?.text.slice(1) };
      }
      case 'return_expression': {
        const v = this.named(node)[0];
        return { k: 'return', pos, value: v ? this.expr(v) : undefined };
      }
      case 'match_expression': {
        const arms: Arm[] = [];
        for (const arm of this.named(this.field(node, 'body'))) {
          if (arm.type !== 'match_arm') this.unsupported(arm);
          const mp = this.field(arm, 'pattern');
          const patNode = this.named(mp).find((c) => c !== mp.childForFieldName('condition'));
          const guard = mp.childForFieldName('condition');
          if (guard && guard.type === 'let_condition') this.unsupported(guard, 'if let guards are not supported');
          arms.push({
            pat: patNode ? this.pattern(patNode) : { k: 'wild', pos: this.pos(mp) },
            guard: guard ? this.expr(guard) : undefined,
            body: this.expr(this.field(arm, 'value')),
            pos: this.pos(arm),
          });
        }
        return { k: 'match', pos, value: this.expr(this.field(node, 'value')), arms };
      }
      case 'type_cast_expression':
        return { k: 'cast', pos, e: this.expr(this.field(node, 'value')), to: this.type(this.field(node, 'type')) };
      case 'range_expression': {
        const kids = this.named(node);
        const inclusive = node.children.some((c) => c?.type === '..=');
        const opIndex = node.children.findIndex((c) => c?.type === '..' || c?.type === '..=');
        const from = kids.find((c) => c.startIndex < node.children[opIndex]!.startIndex);
        const to = kids.find((c) => c.startIndex > node.children[opIndex]!.startIndex);
        return { k: 'range', pos, from: from ? this.expr(from) : undefined, to: to ? this.expr(to) : undefined, inclusive };
      }
      case 'macro_invocation':
        return macro(this, node, pos);
      case 'array_expression': {
        const length = node.childForFieldName('length');
        const items = this.named(node).filter((c) => c.type !== 'attribute_item' && c.startIndex !== length?.startIndex);
        if (length) return { k: 'arrayrep', pos, item: this.expr(items[0]!), count: this.expr(length) };
        return { k: 'array', pos, items: items.map((c) => this.expr(c)) };
      }
      case 'closure_expression':
        return lowerClosure(this, node, pos);
      case 'try_expression':
        return { k: 'try', pos, e: this.expr(this.named(node)[0]!) };
      default:
        return this.unsupported(node);
    }
  }

  /** `b"hi"`: a `&[u8; 2]` of the bytes (escapes `\xNN` are bytes, not chars). */
  private byteString(node: Node, pos: Pos): Expr {
    const raw = /^br(#*)"/.test(node.text);
    const body = raw ? node.text.replace(/^br(#*)"([\s\S]*)"\1$/, '$2') : node.text.slice(2, -1);
    const text = raw ? body : unescape(body);
    const bytes: number[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp > 0xff) this.unsupported(node, 'a non-ASCII character in a byte string');
      bytes.push(cp);
    }
    if (!bytes.length) this.unsupported(node, 'an empty byte string b"" is not supported yet');
    return { k: 'ref', pos, mutable: false, e: { k: 'array', pos, items: bytes.map((b) => ({ k: 'int', pos, value: BigInt(b), suffix: 'u8' })) } };
  }

  private label(node: Node): string | undefined {
    const l = this.named(node).find((c) => c.type === 'label');
    return l ? l.text.slice(1) : undefined;
  }

  private pathSegs(node: Node, raw = false): string[] {
    if (node.type === 'identifier' || node.type === 'type_identifier') {
      const seg = [node.text === 'Self' && this.selfType ? this.selfType : node.text];
      return raw ? seg : this.aliased(seg);
    }
    if (node.type === 'generic_type' && raw) {
      // `Vec::<u8>::new`, `Wrapper::<u32>::new`: the owner's arguments go with the call.
      this.ownerArgs = this.typeArgs(this.field(node, 'type_arguments'));
      return this.pathSegs(this.field(node, 'type'), raw);
    }
    if (node.type === 'generic_type' || node.type === 'generic_function') this.unsupported(node, 'explicit generic arguments (turbofish) are not supported yet; annotate the variable instead');
    if (node.type !== 'scoped_identifier' && node.type !== 'scoped_type_identifier') this.unsupported(node);
    const path = node.childForFieldName('path');
    const name = this.field(node, 'name');
    const full = [...(path ? this.pathSegs(path, true) : []), name.text].map((seg) => (seg === 'Self' && this.selfType ? this.selfType : seg));
    if (!raw && this.useScope.outOfScope(full[0]!)) throw this.compileError(node, `failed to resolve: use of undeclared type \`${full[0]}\` (its \`use\` is inside another block)`, 'E0433');
    if (!raw && full[0] === 'Rc' && !this.rcImported) {
      const p = this.pos(node);
      throw new RustCompileError('failed to resolve: use of undeclared type `Rc` (add `use std::rc::Rc;`)', p.line, p.col, 'E0433');
    }
    // `std::rc::Rc::new` and `Rc::new` name the same thing: keep the type and the item.
    if (!raw && STD_ROOTS.has(full[0]!)) {
      const short = full.slice(-2);
      if (short.length === 2 && !this.stdNames.has(short[0]!)) this.stdNames.set(short[0]!, full.slice(0, -1).join('::'));
      return short;
    }
    return raw ? full : this.aliased(full);
  }

  private call(node: Node, pos: Pos): Expr {
    const fn = this.field(node, 'function');
    const args = this.named(this.field(node, 'arguments')).map((a) => this.expr(a));
    if (fn.type === 'field_expression') {
      const name = this.field(fn, 'field');
      return { k: 'method', pos, recv: this.expr(this.field(fn, 'value')), name: name.text, args, namePos: this.pos(name) };
    }
    if (fn.type === 'generic_function') {
      const inner = this.field(fn, 'function');
      const targs = this.typeArgs(this.field(fn, 'type_arguments'));
      if (inner.type === 'field_expression') {
        const name = this.field(inner, 'field');
        return { k: 'method', pos, recv: this.expr(this.field(inner, 'value')), name: name.text, args, namePos: this.pos(name), targs };
      }
      this.ownerArgs = undefined;
      const segs = this.pathSegs(inner);
      const owner = this.ownerArgs;
      this.ownerArgs = undefined;
      return { k: 'call', pos, callee: { k: 'path', pos: this.pos(fn), segs }, args, targs: { owner, fn: targs } };
    }
    if (fn.type !== 'identifier' && fn.type !== 'scoped_identifier') this.unsupported(fn, `calling ${fn.type.replace(/_/g, ' ')} is not supported`);
    this.ownerArgs = undefined;
    const callee = this.expr(fn);
    const owner = this.ownerArgs;
    this.ownerArgs = undefined;
    return owner ? { k: 'call', pos, callee, args, targs: { owner } } : { k: 'call', pos, callee, args };
  }

  /** The types of a turbofish `::<A, B>` (lifetimes left out). */
  private typeArgs(node: Node): Ty[] {
    return this.named(node).filter((c) => c.type !== 'lifetime').map((c) => this.type(c));
  }

  private ifExpr(node: Node, pos: Pos): Expr {
    const cond = this.field(node, 'condition');
    const then = this.block(this.field(node, 'consequence'));
    const alt = node.childForFieldName('alternative');
    let elseExpr: Expr | undefined;
    if (alt) {
      const inner = this.named(alt)[0]!;
      elseExpr = inner.type === 'if_expression' ? this.ifExpr(inner, this.pos(inner)) : this.block(inner);
    }
    if (cond.type === 'let_condition') {
      return { k: 'iflet', pos, pat: this.pattern(this.field(cond, 'pattern')), value: this.expr(this.field(cond, 'value')), then, else: elseExpr };
    }
    if (cond.type === 'let_chain') this.unsupported(cond);
    return { k: 'if', pos, cond: this.expr(cond), then, else: elseExpr };
  }


  // ---------------------------------------------------------------- patterns

  /** Sub-patterns of a tuple(-struct) pattern, including `_` (an anonymous node in the grammar). */
  private patternItems(node: Node): Node[] {
    return node.children.filter((c): c is Node => !!c && (c.isNamed ? c.type !== 'line_comment' && c.type !== 'block_comment' : c.type === '_' || c.type === '..'));
  }

  pattern(node: Node): Pat {
    const pos = this.pos(node);
    switch (node.type) {
      case '..':
      case 'remaining_field_pattern':
        return { k: 'rest', pos };
      case 'slice_pattern':
        return { k: 'slice', pos, items: this.patternItems(node).map((c) => this.pattern(c)) };
      case '_':
        return { k: 'wild', pos };
      case 'identifier':
        if (this.variantAliases.has(node.text)) return { k: 'variant', pos, segs: this.aliased([node.text]), items: [], unit: true };
        if (/^[A-Z]/.test(node.text) && node.text !== node.text.toUpperCase()) return { k: 'variant', pos, segs: [node.text], items: [], unit: true };
        return { k: 'bind', pos, name: node.text, mutable: false, byRef: false };
      case 'mut_pattern': {
        const inner = this.pattern(this.named(node).find((c) => c.type !== 'mutable_specifier')!);
        if (inner.k !== 'bind') this.unsupported(node);
        return { ...inner, mutable: true };
      }
      case 'ref_pattern': {
        const inner = this.pattern(this.named(node)[0]!);
        if (inner.k !== 'bind') this.unsupported(node);
        return { ...inner, byRef: true };
      }
      case 'reference_pattern':
        return { k: 'ref', pos, pat: this.pattern(this.named(node).find((c) => c.type !== 'mutable_specifier')!) };
      case 'integer_literal':
      case 'float_literal':
      case 'boolean_literal':
      case 'char_literal':
      case 'string_literal':
        return { k: 'lit', pos, value: this.expr(node) };
      case 'negative_literal': {
        const e = this.expr(this.named(node)[0]!);
        if (e.k === 'int') e.value = -e.value;
        else if (e.k === 'float') e.value = -e.value;
        return { k: 'lit', pos, value: e };
      }
      case 'range_pattern': {
        const kids = this.named(node);
        const lit = (n: Node): Expr => {
          const p = this.pattern(n);
          if (p.k !== 'lit') this.unsupported(n);
          return p.value;
        };
        if (kids.length !== 2) this.unsupported(node, 'half-open range patterns are not supported');
        return { k: 'range', pos, from: lit(kids[0]!), to: lit(kids[1]!), inclusive: node.text.includes('..=') };
      }
      case 'scoped_identifier':
        return { k: 'variant', pos, segs: this.pathSegs(node), items: [], unit: true };
      case 'tuple_struct_pattern': {
        const t = this.field(node, 'type');
        const items = this.patternItems(node).filter((c) => c.startIndex !== t.startIndex).map((c) => this.pattern(c));
        return { k: 'variant', pos, segs: this.pathSegs(t), items, unit: false };
      }
      case 'struct_pattern': {
        const t = this.field(node, 'type');
        const named: { name: string; pat: Pat }[] = [];
        for (const f of this.named(node)) {
          if (f.startIndex === t.startIndex) continue;
          if (f.type === 'remaining_field_pattern') continue;
          if (f.type !== 'field_pattern') this.unsupported(f);
          const nameNode = f.childForFieldName('name');
          const patNode = f.childForFieldName('pattern');
          const shorthand = this.named(f).find((c) => c.type === 'shorthand_field_identifier' || c.type === 'identifier');
          if (patNode && nameNode) named.push({ name: nameNode.text, pat: this.pattern(patNode) });
          else if (shorthand || nameNode) {
            const n = (shorthand ?? nameNode)!;
            const mutable = this.named(f).some((c) => c.type === 'mutable_specifier');
            named.push({ name: n.text, pat: { k: 'bind', pos: this.pos(n), name: n.text, mutable, byRef: f.text.trim().startsWith('ref ') } });
          } else this.unsupported(f);
        }
        return { k: 'variant', pos, segs: this.pathSegs(t), items: [], named, unit: false };
      }
      case 'tuple_pattern':
        return { k: 'tuple', pos, items: this.patternItems(node).map((c) => this.pattern(c)) };
      case 'or_pattern':
        return { k: 'or', pos, alts: this.named(node).map((c) => this.pattern(c)) };
      case 'captured_pattern': {
        const [id, sub] = this.named(node);
        return { k: 'bind', pos, name: id!.text, mutable: false, byRef: false, sub: this.pattern(sub!) };
      }
      default:
        if (node.text === '_') return { k: 'wild', pos };
        return this.unsupported(node);
    }
  }
}

/** Rust's escapes in string and char literals (including `\` + newline continuation). */
export function unescape(text: string): string {
  return text.replace(/\\(u\{([0-9a-fA-F_]+)\}|x([0-9a-fA-F]{2})|\n\s*|.)/g, (_, esc: string, uni?: string, hex?: string) => {
    if (uni) return String.fromCodePoint(parseInt(uni.replace(/_/g, ''), 16));
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    switch (esc[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case '0':
        return '\0';
      case '\n':
        return '';
      default:
        return esc;
    }
  });
}
