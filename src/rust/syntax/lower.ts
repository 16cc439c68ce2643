/**
 * From tree-sitter's concrete tree to the interpreter's AST (ast.ts). Every construct outside
 * the course subset stops here with a RustSubsetError naming it and where it is. Macro
 * arguments (println!, format!, vec!) arrive as token trees: they are parsed again as
 * expressions, with positions mapped back to the snippet.
 */
import type { Node } from 'web-tree-sitter';
import { parseType, parseTypeDecls } from '../../engine/layout/parse';
import { parseSpec } from '../../engine/std/fmt';
import type { EnumDef, StructDef, Ty } from '../../engine/layout/types';
import type { Arm, BinOp, Block, Expr, FmtSpec, FnItem, Param, Pat, Pos, Program, Stmt } from './ast';
import { RustCompileError, RustSubsetError, RustSyntaxError } from '../errors';
import { parseRust } from './parser';
import { readUse, STD_ROOTS } from './uses';
import { addOrdering } from '../std/compare';
import { addParseErrors } from '../std/parse';
import { type Alias, expandAliases, IMPL_ARG, INFER_NAME, OPAQUE_RETURN, replaceAssoc, typeParams } from './generics';
import type { Generic } from './ast';
import { fmtTypes, stdImplName, stdTrait } from './std-traits';
import { closureGenerics, implFnType, lowerClosure } from './closures';
import { eraseLifetimes } from './lifetimes';
import { implementableStd } from './std-impls';
import { iteratorImplError } from './iterator-impl';

/** How a sub-parse's positions map back to the snippet: rows shift, and the first row's columns too. */
interface Origin {
  row: number;
  col: number;
}

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

export class Lowering {
  private origin: Origin = { row: 0, col: 0 };
  /** The type of the impl block being lowered: what `Self` names. */
  private selfType: string | undefined;
  /** `type Link<T> = Option<Box<Node<T>>>;`: what each alias stands for. */
  private aliases = new Map<string, Alias>();
  /** The program's structs and enums, by name (impls are for these). */
  private typeNames = new Set<string>();
  /** Turbofish arguments on the type segment of the path just read (`Vec::<u8>::new`). */
  private ownerArgs: Ty[] | undefined;
  /** `Self` as written in the impl header, with its type arguments (`List<T>`). */
  private selfText: string | undefined;
  /** The impl block's type parameters: every method's first generics. */
  private implGenerics: Generic[] = [];
  /** The impl's associated types (`type Target = T;`): what `Self::Target` means. */
  private assoc = new Map<string, string>();
  /** While a fn's parameters are lowered: the anonymous type parameters `impl Trait` makes. */
  private implArgs: Generic[] | undefined;
  /** While a fn's return type is lowered: `impl Trait` there is the body's type. */
  private opaqueReturn = false;
  /** Whether `use std::rc::Rc;` brings `Rc` into scope (else only `std::rc::Rc` names it). */
  private rcImported = false;
  /** Enum variants imported by `use Enum::{A, B}` / `use Enum::*`: local name → [enum, variant]. */
  private variantAliases = new Map<string, [string, string]>();
  /** The program's enums and their variants (what `use Enum::…` may name). */
  private enumVariants = new Map<string, string[]>();
  /** Names that refer to std (imported, or the head of a written `std::…` path) → the std path. */
  private stdNames = new Map<string, string>();
  /** Type parameters of the fn being lowered that stand for a closure (`F: Fn(i32) -> i32` → `impl Fn(i32) -> i32`). */
  private closureParams: Map<string, string> | undefined;

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

  private text(node: Node): string {
    return node.text;
  }

  private field(node: Node, name: string): Node {
    const c = node.childForFieldName(name);
    if (!c) this.unsupported(node, `expected ${name} here`);
    return c;
  }

  private named(node: Node): Node[] {
    return node.namedChildren.filter((c): c is Node => !!c && c.type !== 'line_comment' && c.type !== 'block_comment');
  }

  // ---------------------------------------------------------------- items

  program(root: Node): Program {
    const prog: Program = {
      fns: new Map(), copyTypes: new Set(), cloneTypes: new Set(), debugTypes: new Set(), eqTypes: new Set(), ordTypes: new Set(), totalOrdTypes: new Set(), defaultTypes: new Set(), structs: new Map(), enums: new Map(),
      stdNames: this.stdNames,
      traits: new Set(),
      dropTypes: new Set(),
      impls: new Map(),
      consts: new Map(),
    };
    let derives: string[] = [];
    for (const item of this.named(root)) if (item.type === 'struct_item' || item.type === 'enum_item') this.typeNames.add(this.field(item, 'name').text);
    this.imports(root);
    // Type aliases first: any written type may name one declared below it.
    for (const item of this.named(root)) {
      if (item.type !== 'type_item') continue;
      const params = typeParams(item.childForFieldName('type_parameters'), null).map((g) => g.name);
      this.aliases.set(this.field(item, 'name').text, { params, ty: this.type(this.field(item, 'type')) });
    }
    const traits = new Map<string, Node>();
    for (const item of this.named(root)) if (item.type === 'trait_item') traits.set(this.field(item, 'name').text, item);
    for (const item of this.named(root)) {
      switch (item.type) {
        case 'attribute_item': {
          const m = /^#\[derive\(([^)]*)\)\]$/.exec(item.text.replace(/\s+/g, ''));
          if (m) derives.push(...m[1]!.split(','));
          else if (!/^#\[allow\(/.test(item.text)) this.unsupported(item, `attribute ${item.text} is not supported`);
          continue;
        }
        case 'inner_attribute_item':
          continue;
        case 'use_declaration':
          continue; // read by imports() before the items
        case 'type_item':
          continue; // read before the items
        case 'trait_item':
          this.traitItem(item, prog);
          break;
        case 'const_item':
        case 'static_item': {
          if (this.named(item).some((c) => c.type === 'mutable_specifier')) this.unsupported(item, '`static mut` is not supported (it needs unsafe)');
          const name = this.field(item, 'name').text;
          const tyNode = this.field(item, 'type');
          if (prog.consts.has(name)) throw this.compileError(item, `the name \`${name}\` is defined multiple times`, 'E0428');
          prog.consts.set(name, { ty: this.type(tyNode), tyPos: this.pos(tyNode), value: this.expr(this.field(item, 'value')) });
          break;
        }

        case 'function_item': {
          const fn = this.fnItem(item);
          if (prog.fns.has(fn.name)) throw new RustCompileError(`the name \`${fn.name}\` is defined multiple times`, fn.pos.line, fn.pos.col, 'E0428');
          prog.fns.set(fn.name, fn);
          break;
        }
        case 'impl_item': {
          if (item.childForFieldName('trait')) {
            this.traitImpl(item, prog, traits);
            break;
          }
          const typeNode = this.implHeader(item);
          if (!typeNode) this.unsupported(this.field(item, 'type'), 'impl blocks for this kind of type are not supported yet');
          try {
            for (const member of this.named(this.field(item, 'body'))) {
              if (member.type === 'attribute_item') continue;
              if (member.type !== 'function_item') this.unsupported(member, `${member.type.replace(/_/g, ' ')} in impl blocks is not supported yet`);
              const fn = this.fnItem(member);
              fn.name = `${typeNode.text}::${fn.name}`;
              if (prog.fns.has(fn.name)) throw new RustCompileError(`duplicate definitions with name \`${fn.name}\``, fn.pos.line, fn.pos.col, 'E0592');
              prog.fns.set(fn.name, fn);
            }
          } finally {
            this.leaveImpl();
          }
          break;
        }
        case 'struct_item':
        case 'enum_item': {
          let defs;
          try {
            defs = parseTypeDecls(item.text);
          } catch (e) {
            const p = this.pos(item);
            throw new RustSubsetError(`cannot read this declaration: ${(e as Error).message}`, p.line, p.col, item.type);
          }
          for (const d of defs) {
            // A field's type may name an alias (`CarArrived(Floor)` with `type Floor = i32;`).
            for (const fs of d.kind === 'struct' ? [d.fields] : d.variants.map((v) => v.fields)) {
              for (const f of fs) f.ty = expandAliases(f.ty, this.aliases);
            }
            if (d.kind === 'struct') prog.structs.set(d.name, d as StructDef);
            else prog.enums.set(d.name, d as EnumDef);
            if (derives.includes('Copy')) prog.copyTypes.add(d.name);
            if (derives.includes('Clone')) prog.cloneTypes.add(d.name);
            if (derives.includes('Debug')) prog.debugTypes.add(d.name);
            if (derives.includes('PartialEq')) prog.eqTypes.add(d.name);
            if (derives.includes('PartialOrd')) prog.ordTypes.add(d.name);
            if (derives.includes('Ord')) prog.totalOrdTypes.add(d.name);
            if (derives.includes('Default')) prog.defaultTypes.add(d.name);
          }
          break;
        }
        default:
          this.unsupported(item);
      }
      derives = [];
    }
    for (const t of prog.dropTypes) {
      if (prog.copyTypes.has(t)) throw new RustCompileError(`the trait \`Copy\` cannot be implemented for type \`${t}\`; it has a destructor (impl Drop)`, 1, 1, 'E0184');
    }
    if (!prog.fns.has('main')) throw new RustCompileError('`main` function not found in crate', 1, 1, 'E0601');
    addOrdering(prog);
    addParseErrors(prog);
    return prog;
  }

  /** `trait T { fn required(&self); fn provided(&self) { … } }`: checked here, its default bodies lowered per impl. */
  private traitItem(item: Node, prog: Program): void {
    const tp = item.childForFieldName('type_parameters');
    if (tp) this.unsupported(tp, 'generic traits are not supported yet');
    const bounds = item.childForFieldName('bounds');
    if (bounds) this.unsupported(bounds, 'supertraits are not supported yet');
    for (const member of this.named(this.field(item, 'body'))) {
      if (member.type !== 'function_signature_item' && member.type !== 'function_item') this.unsupported(member, `${member.type.replace(/_/g, ' ')} in traits is not supported yet`);
    }
    prog.traits.add(this.field(item, 'name').text);
  }

  /** `impl Trait for Type`: a user trait's methods (and its defaults) become Type's; `Drop` becomes Type's destructor. */
  private traitImpl(item: Node, prog: Program, traits: Map<string, Node>): void {
    const traitNode = this.field(item, 'trait');
    const trait = traitNode.text;
    const userTrait = traits.get(trait);
    const std = userTrait ? undefined : stdTrait(trait);
    // `fmt::Display` names the module `fmt`: it needs its `use std::fmt;` (rustc's E0433 without).
    const head = trait.split('::')[0]!;
    if (std && trait.includes('::') && head !== 'std' && head !== 'core' && !this.stdNames.has(head)) {
      throw this.compileError(traitNode, `cannot find module or crate \`${head}\` in this scope`, 'E0433');
    }
    // Reported at the impl block: the block is the construct the subset lacks.
    if (trait !== 'Drop' && !userTrait && !std) this.unsupported(item, `impls of the std trait \`${trait}\` are not supported yet`);
    const nameNode = this.implHeader(item, !!userTrait);
    if (!nameNode) {
      const typeNode = this.field(item, 'type');
      this.unsupported(typeNode, `impls of a trait for \`${typeNode.text}\` (not a struct or enum of the program) are not supported yet`);
    }
    const type = nameNode.text;
    if (!this.typeNames.has(type) && prog.impls.get(type)?.has(trait)) this.unsupported(item, `a second impl of \`${trait}\` for another \`${type}\` is not supported yet`);
    const members = this.named(this.field(item, 'body')).filter((m) => m.type !== 'attribute_item' && m.type !== 'type_item');
    const iterErr = std === 'Iterator' ? iteratorImplError(this.named(this.field(item, 'body'))) : undefined;
    if (iterErr) throw this.compileError(iterErr.node ?? item, iterErr.message, iterErr.code);
    if (!prog.impls.has(type)) prog.impls.set(type, new Set());
    prog.impls.get(type)!.add(std ?? trait);
    (prog.implPos ??= new Map()).set(`${type} as ${std ?? trait}`, this.pos(item));
    try {
      const given = new Set<string>();
      for (const member of members) {
        if (member.type !== 'function_item') this.unsupported(member, `${member.type.replace(/_/g, ' ')} in impl blocks is not supported yet`);
        const fn = this.fnItem(member);
        if (std) {
          fn.name = stdImplName(type, std, fn.name);
        } else if (trait === 'Drop') {
          if (fn.name !== 'drop') throw this.compileError(member, `method \`${fn.name}\` is not a member of trait \`Drop\``, 'E0407');
          const self = fn.params[0]?.pat;
          if (!self || self.k !== 'bind' || self.name !== 'self') throw this.compileError(member, 'method `drop` has a `&mut self` declaration in the trait, but not in the impl', 'E0186');
          if (fn.params.length !== 1) throw this.compileError(member, `method \`drop\` has ${fn.params.length} parameters but the declaration in trait \`Drop::drop\` has 1`, 'E0050');
          const selfTy = fn.params[0]!.ty;
          if (selfTy.kind !== 'ref' || !selfTy.mutable || fn.ret.kind !== 'unit') throw this.compileError(member, 'method `drop` has an incompatible type for trait `Drop` (it takes `&mut self`)', 'E0053');
          fn.name = `<${type} as Drop>::drop`;
          prog.dropTypes.add(type);
        } else {
          const declared = this.named(this.field(userTrait!, 'body')).find((m) => this.field(m, 'name').text === fn.name);
          if (!declared) throw this.compileError(member, `method \`${fn.name}\` is not a member of trait \`${trait}\``, 'E0407');
          this.sameSignature(declared, member, (this.selfText ?? type).replace(/\s+/g, ''), trait);
          given.add(fn.name);
          fn.name = `${type}::${fn.name}`;
        }
        if (prog.fns.has(fn.name)) this.unsupported(member, `a trait method named like an inherent method of \`${type}\` is not supported yet`);
        prog.fns.set(fn.name, fn);
      }
      if (trait === 'Drop' && !given.size && !prog.dropTypes.has(type)) throw this.compileError(item, 'not all trait items implemented, missing: `drop`', 'E0046');
      if (userTrait) {
        const missing: string[] = [];
        for (const m of this.named(this.field(userTrait, 'body'))) {
          const name = this.field(m, 'name').text;
          if (given.has(name)) continue;
          if (m.type === 'function_signature_item') {
            missing.push(name);
            continue;
          }
          // A provided method: its body, with Self as this type.
          const fn = this.fnItem(m);
          fn.name = `${type}::${name}`;
          if (prog.fns.has(fn.name)) this.unsupported(m, `a trait method named like an inherent method of \`${type}\` is not supported yet`);
          prog.fns.set(fn.name, fn);
        }
        if (missing.length) throw this.compileError(item, `not all trait items implemented, missing: ${missing.map((n) => `\`${n}\``).join(', ')}`, 'E0046');
      }
    } finally {
      this.leaveImpl();
    }
  }

  /**
   * An impl's header: its type parameters, `Self` (a program's type, possibly with arguments:
   * `List<T>`, `Point<f32, f32>`) and its associated types. The type's name node, or undefined
   * when the impl is for a type that is not a program's struct or enum.
   */
  private implHeader(item: Node, stdTypeOk = false): Node | undefined {
    const typeNode = this.field(item, 'type');
    const nameNode = typeNode.type === 'generic_type' ? typeNode.childForFieldName('type') : typeNode;
    if (!nameNode || !(this.typeNames.has(nameNode.text) || (stdTypeOk && implementableStd(nameNode)))) return undefined;
    this.implGenerics = typeParams(item.childForFieldName('type_parameters'), this.named(item).find((c) => c.type === 'where_clause') ?? null);
    this.selfType = nameNode.text;
    this.selfText = eraseLifetimes(typeNode.text);
    this.assoc = new Map();
    for (const m of this.named(this.field(item, 'body'))) {
      if (m.type !== 'type_item') continue;
      this.assoc.set(this.field(m, 'name').text, this.field(m, 'type').text);
    }
    return nameNode;
  }

  private leaveImpl(): void {
    this.selfType = undefined;
    this.selfText = undefined;
    this.implGenerics = [];
    this.assoc = new Map();
  }

  /** An impl's method must have the trait's signature (rustc's E0185/E0186/E0050/E0053). */
  private sameSignature(decl: Node, impl: Node, type: string, trait: string): void {
    const name = this.field(impl, 'name').text;
    const sig = (fn: Node) => {
      const norm = (t: string) => eraseLifetimes(t).replace(/\s+/g, '').replace(/\bSelf\b/g, type);
      const params = this.named(this.field(fn, 'parameters'));
      const self = params.find((p) => p.type === 'self_parameter');
      return {
        self: self ? norm(self.text).replace(/^mut(?=self)/, '') : undefined,
        params: params.filter((p) => p.type !== 'self_parameter').map((p) => norm(this.field(p, 'type').text)),
        ret: norm(fn.childForFieldName('return_type')?.text ?? '()'),
      };
    };
    const want = sig(decl);
    const got = sig(impl);
    if (want.self && !got.self) throw this.compileError(impl, `method \`${name}\` has a \`${want.self}\` declaration in the trait, but not in the impl`, 'E0186');
    if (!want.self && got.self) throw this.compileError(impl, `method \`${name}\` has a \`${got.self}\` declaration in the impl, but not in the trait`, 'E0185');
    if (want.params.length !== got.params.length) {
      throw this.compileError(impl, `method \`${name}\` has ${got.params.length + (got.self ? 1 : 0)} parameters but the declaration in trait \`${trait}::${name}\` has ${want.params.length + (want.self ? 1 : 0)}`, 'E0050');
    }
    if (want.self !== got.self || want.ret !== got.ret || want.params.some((p, i) => p !== got.params[i])) {
      throw this.compileError(impl, `method \`${name}\` has an incompatible type for trait \`${trait}\``, 'E0053');
    }
  }

  /** Reads every `use` first: items may use a name imported below them. */
  private imports(root: Node): void {
    const enums = new Map<string, string[]>();
    for (const item of this.named(root)) {
      if (item.type !== 'enum_item') continue;
      const body = item.childForFieldName('body');
      const variants = body ? this.named(body).filter((v) => v.type === 'enum_variant').map((v) => this.field(v, 'name').text) : [];
      enums.set(this.field(item, 'name').text, variants);
    }
    this.enumVariants = enums;
    for (const item of this.named(root)) if (item.type === 'use_declaration') this.useItem(item);
  }

  /** One `use` (at the top or inside a fn body): std names, or an enum's variants as aliases. */
  private useItem(item: Node): void {
    const imported = readUse(item.text, this.enumVariants, this.stdNames, this.variantAliases);
    if (imported.rc) this.rcImported = true;
    if (imported.missing) throw this.compileError(item, imported.missing, 'E0432');
    if (imported.unsupported) this.unsupported(item, imported.unsupported);
  }

  private compileError(node: Node, message: string, code: string): RustCompileError {
    const p = this.pos(node);
    return new RustCompileError(message, p.line, p.col, code);
  }

  /** A one-segment path that names an imported enum variant, spelled out in full. */
  private aliased(segs: string[]): string[] {
    const a = segs.length === 1 ? this.variantAliases.get(segs[0]!) : undefined;
    return a ? [...a] : segs;
  }

  private fnItem(node: Node): FnItem {
    this.closureParams = closureGenerics(node);
    try {
      return this.fnItemInner(node);
    } finally {
      this.closureParams = undefined;
    }
  }

  private fnItemInner(node: Node): FnItem {
    for (const c of this.named(node)) {
      if (c.type === 'function_modifiers') this.unsupported(c, `\`${c.text}\` functions are not supported`);
    }
    // Lifetime parameters (`fn longest<'a>(…)`) change nothing at run time; type parameters make a template.
    const own = this.closureParams ? [] : typeParams(node.childForFieldName('type_parameters'), this.named(node).find((c) => c.type === 'where_clause') ?? null);
    const implArgs: Generic[] = [];
    this.implArgs = implArgs;
    const name = this.text(this.field(node, 'name'));
    const params: Param[] = [];
    for (const p of this.named(this.field(node, 'parameters'))) {
      if (p.type === 'self_parameter') {
        if (!this.selfType) this.unsupported(p, '`self` parameter outside an impl block');
        const text = p.text.replace(/\s+/g, ' ').trim();
        if (/:/.test(text) || /'/.test(text)) this.unsupported(p, 'explicit self types are not supported yet');
        const self: Ty = this.selfText ? parseType(this.selfText) : { kind: 'adt', name: this.selfType };
        const ty: Ty = text.startsWith('&') ? { kind: 'ref', mutable: /&\s*mut/.test(text), to: self } : self;
        params.push({ pat: { k: 'bind', pos: this.pos(p), name: 'self', mutable: text === 'mut self', byRef: false }, ty, pos: this.pos(p) });
        continue;
      }
      if (p.type !== 'parameter') this.unsupported(p);
      const tyNode = this.field(p, 'type');
      let pat = this.pattern(this.field(p, 'pattern'));
      // `fn f(mut v: Vec<i32>)`: the grammar puts `mut` beside the pattern, not in it.
      if (this.named(p).some((c) => c.type === 'mutable_specifier')) {
        if (pat.k !== 'bind') this.unsupported(p);
        pat = { ...pat, mutable: true };
      }
      params.push({ pat, ty: this.type(tyNode), pos: this.pos(p), tyPos: this.pos(tyNode) });
    }
    this.implArgs = undefined;
    const retNode = node.childForFieldName('return_type');
    this.opaqueReturn = true;
    let ret: Ty;
    try {
      ret = retNode ? this.type(retNode) : { kind: 'unit' };
    } finally {
      this.opaqueReturn = false;
    }
    const body = this.block(this.field(node, 'body'));
    const generics = [...this.implGenerics, ...own, ...implArgs];
    const fn: FnItem = { name, pos: this.pos(node), params, ret, retPos: retNode ? this.pos(retNode) : undefined, body, slots: 0 };
    if (generics.length) {
      fn.generics = generics;
      fn.implParams = this.implGenerics.length;
    }
    return fn;
  }

  type(node: Node): Ty {
    const closure = node.type === 'abstract_type' ? implFnType(this, node) : this.closureParams?.get(node.text);
    if (closure !== undefined) return typeof closure === 'string' ? { kind: 'dyn', trait: closure } : closure;
    if (node.type === 'reference_type' && this.closureParams?.has(node.childForFieldName('type')?.text ?? '')) {
      return { kind: 'ref', mutable: /^&\s*mut\b/.test(node.text.replace(/'[A-Za-z_]\w*\s*/, '')), to: { kind: 'dyn', trait: this.closureParams.get(node.childForFieldName('type')!.text)! } };
    }
    if (node.type === 'function_type' || node.type === 'dynamic_type') this.unsupported(node);
    try {
      // Lifetimes (`&'a str`, `&'static str`) are erased: they only matter to the borrow checker.
      let text = eraseLifetimes(this.typeText(node));
      text = replaceAssoc(text, this.assoc).replace(/(^|[^\w:])_(?!\w)/g, `$1${INFER_NAME}`);
      text = fmtTypes(text, this.stdNames);
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
      if (n.type === 'abstract_type') found.push(n);
      else for (const c of this.named(n)) walk(c);
    };
    walk(node);
    let text = node.text;
    for (const a of found.reverse()) {
      const trait = a.childForFieldName('trait');
      if (!trait || /^(Fn|FnMut|FnOnce)\b/.test(trait.text)) this.unsupported(a, 'abstract type is not supported yet');
      let name: string;
      if (this.implArgs) {
        name = `${IMPL_ARG}${this.implArgs.length}`;
        this.implArgs.push({ name, bounds: trait.text.split('+').map((b) => b.replace(/\s+/g, '')) });
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
    // A `use` in a block names variants for that block only (std names stay, as rustc's would be unresolved elsewhere).
    if (children.some((c) => c.type === 'use_declaration')) {
      const outer = new Map(this.variantAliases);
      try {
        for (const c of children) if (c.type === 'use_declaration') this.useItem(c);
        return this.blockBody(node, children);
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
        return this.macro(node, pos);
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

  // ---------------------------------------------------------------- macros

  private macro(node: Node, pos: Pos): Expr {
    const name = this.field(node, 'macro').text;
    const tt = this.named(node).find((c) => c.type === 'token_tree');
    if (!tt) this.unsupported(node);
    const args = (kind: 'args' | 'array') => this.subParse(tt, kind);
    switch (name) {
      case 'println':
      case 'print':
      case 'format':
      case 'panic':
      case 'eprintln':
      case 'eprint': {
        const parts = args('args');
        if (parts.length === 0) {
          if (name === 'println' || name === 'eprintln') return { k: 'format', pos, mac: name, template: '', args: [], debug: [], specs: [] };
          if (name === 'panic') return { k: 'format', pos, mac: name, template: 'explicit panic', args: [], debug: [], specs: [] };
          this.unsupported(node, `${name}! needs a format string`);
        }
        const first = parts[0]!;
        if (first.k !== 'str') this.unsupported(tt, `${name}! needs a string literal first`);
        return this.formatMacro(name as 'println', first.value, parts.slice(1), pos, first.pos);
      }
      case 'write':
      case 'writeln': {
        // `write!(f, "…", args)` on a Formatter: formatting writes into what f writes to.
        const parts = args('args');
        const target = parts[0];
        if (!target) this.unsupported(node, `${name}! needs a destination`);
        const first = parts[1];
        if (first === undefined && name === 'writeln') return { k: 'format', pos, mac: name, template: '\n', args: [], debug: [], specs: [], target };
        if (!first || first.k !== 'str') this.unsupported(tt, `${name}! needs a string literal after its destination`);
        const f = this.formatMacro(name as 'println', first.value + (name === 'writeln' ? '\n' : ''), parts.slice(2), pos, first.pos);
        return { ...(f as Expr & { k: 'format' }), mac: name, target };
      }
      case 'vec': {
        const inner = tt.text.slice(1, -1);
        if (/;/.test(inner) && this.named(tt).length) {
          const [item, count] = this.subParse(tt, 'repeat');
          return { k: 'vecrep', pos, item: item!, count: count! };
        }
        return { k: 'vec', pos, items: args('array') };
      }
      case 'assert': {
        const parts = args('args');
        if (!parts.length) this.unsupported(node, 'assert! needs a condition');
        const text = parts.length > 1 ? '' : tt.text.slice(1, -1).trim().replace(/,$/, '').trim();
        return { k: 'assert', pos, cond: parts[0]!, text, msg: this.message(node, parts.slice(1), pos) };
      }
      case 'assert_eq':
      case 'assert_ne': {
        const parts = args('args');
        if (parts.length < 2) this.unsupported(node, `${name}! needs two values`);
        return { k: 'asserteq', pos, l: parts[0]!, r: parts[1]!, eq: name === 'assert_eq', msg: this.message(node, parts.slice(2), pos) };
      }
      case 'unreachable':
      case 'todo':
      case 'unimplemented': {
        const prefix = name === 'unreachable' ? 'internal error: entered unreachable code' : name === 'todo' ? 'not yet implemented' : 'not implemented';
        const parts = args('args');
        if (!parts.length) return { k: 'format', pos, mac: 'panic', template: prefix, args: [], debug: [], specs: [] };
        const first = parts[0]!;
        if (first.k !== 'str') this.unsupported(tt, `${name}! needs a string literal first`);
        return this.formatMacro('panic' as 'println', `${prefix}: ${first.value}`, parts.slice(1), pos, first.pos);
      }
      case 'dbg': {
        const items = args('args');
        const texts = this.macroArgTexts(tt);
        return { k: 'dbg', pos, items, texts };
      }
      default:
        return this.unsupported(node, `the macro ${name}! is not supported yet`);
    }
  }

  /** An assertion's custom message (`assert!(c, "x = {}", x)`), or undefined when there is none. */
  private message(node: Node, parts: Expr[], pos: Pos): Expr | undefined {
    if (!parts.length) return undefined;
    const first = parts[0]!;
    if (first.k !== 'str') this.unsupported(node, 'an assertion message must start with a string literal');
    return this.formatMacro('message' as 'println', first.value, parts.slice(1), pos, first.pos);
  }

  /** The source text of each top-level argument of a macro (what `dbg!` prints beside the value). */
  private macroArgTexts(tt: Node): string[] {
    const texts: string[] = [];
    let depth = 0;
    let current = '';
    const inner = tt.text.slice(1, -1);
    for (const ch of inner) {
      if ('([{'.includes(ch)) depth++;
      if (')]}'.includes(ch)) depth--;
      if (ch === ',' && depth === 0) {
        texts.push(current.trim());
        current = '';
      } else current += ch;
    }
    if (current.trim()) texts.push(current.trim());
    return texts;
  }

  private formatMacro(mac: 'println', template: string, args: Expr[], pos: Pos, tplPos: Pos): Expr {
    // Inline names `{x}` become arguments; positional holes take the given ones in order.
    const out: Expr[] = [];
    const debug: boolean[] = [];
    const specs: FmtSpec[] = [];
    const widths: (Expr | undefined)[] = [];
    let next = 0;
    // `name = value` arguments come after the positional ones; `{name}` takes them before a variable.
    const named = new Map<string, { value: Expr; used: boolean }>();
    while (args.length) {
      const last = args[args.length - 1]!;
      if (last.k !== 'assign' || last.op !== '=' || last.l.k !== 'name') break;
      named.set(last.l.name, { value: last.r, used: false });
      args = args.slice(0, -1);
    }
    let rebuilt = '';
    for (let i = 0; i < template.length; i++) {
      const c = template[i]!;
      if ((c === '{' || c === '}') && template[i + 1] === c) {
        rebuilt += c + c;
        i++;
        continue;
      }
      if (c === '}') throw new RustCompileError("invalid format string: unmatched `}` found", tplPos.line, tplPos.col);
      if (c !== '{') {
        rebuilt += c;
        continue;
      }
      const close = template.indexOf('}', i);
      if (close < 0) throw new RustCompileError("invalid format string: expected `}` but string was terminated", tplPos.line, tplPos.col);
      const inner = template.slice(i + 1, close);
      const colon = inner.indexOf(':');
      const name = colon < 0 ? inner : inner.slice(0, colon);
      const specText = colon < 0 ? '' : inner.slice(colon + 1);
      const spec = parseSpec(specText);
      if (!spec) throw new RustSubsetError(`the format spec {${inner}} is not supported yet (fill/align, +, 0, width, .precision and ? are)`, tplPos.line, tplPos.col, 'format_spec');
      let arg: Expr;
      if (!name) {
        arg = args[next++]!;
        if (!arg) throw new RustCompileError(`${countHoles(template)} positional arguments in format string, but there are ${args.length} arguments`, tplPos.line, tplPos.col);
      } else if (/^\d+$/.test(name)) {
        arg = args[Number(name)]!;
        if (!arg) throw new RustCompileError(`invalid reference to positional argument ${name}`, tplPos.line, tplPos.col);
        next = Math.max(next, Number(name) + 1);
      } else if (named.has(name)) {
        const n = named.get(name)!;
        n.used = true;
        arg = n.value;
      } else {
        arg = { k: 'name', pos: tplPos, name };
      }
      out.push(arg);
      debug.push(spec.debug);
      specs.push(spec);
      if (spec.widthArg !== undefined) {
        // `{:w$}` / `{:1$}`: the width is an argument too (named, positional or a variable).
        const w = spec.widthArg;
        let width: Expr | undefined;
        if (/^\d+$/.test(w)) {
          width = args[Number(w)];
          next = Math.max(next, Number(w) + 1);
        }
        else if (named.has(w)) {
          named.get(w)!.used = true;
          width = named.get(w)!.value;
        } else width = { k: 'name', pos: tplPos, name: w };
        if (!width) throw new RustCompileError(`invalid reference to positional argument ${w}`, tplPos.line, tplPos.col);
        widths[out.length - 1] = width;
      }
      rebuilt += '{}';
      i = close;
    }
    if (next < args.length) {
      const extra = args[next]!;
      throw new RustCompileError('argument never used', extra.pos.line, extra.pos.col);
    }
    for (const [, n] of named) if (!n.used) throw new RustCompileError('named argument never used', n.value.pos.line, n.value.pos.col);
    return { k: 'format', pos, mac, template: rebuilt, args: out, debug, specs, widths: widths.length ? widths : undefined };
  }

  /** Re-parses a macro's token tree as call arguments, array items or `item; count`. */
  private subParse(tt: Node, kind: 'args' | 'array' | 'repeat'): Expr[] {
    const inner = tt.text.slice(1, -1);
    const prefix = kind === 'args' ? 'fn m(){f(' : kind === 'array' ? 'fn m(){[' : 'fn m(){[';
    const suffix = kind === 'args' ? ');}' : '];}';
    const start = tt.startPosition;
    const saved = this.origin;
    // Column of the first inner character in the snippet, minus the prefix the sub-parse added.
    const base = { row: start.row + saved.row, col: (start.row === 0 ? saved.col : 0) + start.column + 1 - prefix.length };
    let tree;
    try {
      tree = parseRust(prefix + inner + suffix);
    } catch (e) {
      if (!(e instanceof RustSyntaxError)) throw e;
      // Back to the snippet's coordinates.
      const row = e.line - 1;
      const column = e.column - 1;
      throw new RustSyntaxError(e.reason, row + base.row + 1, (row === 0 ? column + base.col : column) + 1);
    }
    this.origin = base;
    try {
      const fnBody = tree.rootNode.namedChildren[0]!.childForFieldName('body')!;
      const stmt = this.named(fnBody)[0]!;
      const e = stmt.type === 'expression_statement' ? this.named(stmt)[0]! : stmt;
      if (kind === 'args') return this.named(this.field(e, 'arguments')).map((a) => this.expr(a));
      if (kind === 'array') return this.named(e).map((a) => this.expr(a));
      const [item, count] = this.named(e);
      return [this.expr(item!), this.expr(count!)];
    } finally {
      this.origin = saved;
      tree.delete();
    }
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

function countHoles(template: string): number {
  return (template.replace(/\{\{|\}\}/g, '').match(/\{[^}]*\}/g) ?? []).length;
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
