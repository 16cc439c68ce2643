/**
 * Lowering of a program's items: the program itself (derives, consts and statics, type aliases,
 * `use`), fns with their parameters and type parameters, structs and enums, inherent impls, and
 * traits with their impls (a trait's signatures checked against each impl as rustc does, its
 * provided methods lowered per impl, `Drop` as the type's destructor, std traits by their names).
 */
/** std::ops traits whose impls must say their `type Output`. */
const OP_TRAIT_NAMES = new Set(['Add', 'Sub', 'Mul', 'Div', 'Rem', 'Neg']);
import type { Lowering } from './lowering';
import type { Node } from 'web-tree-sitter';
import { parseType, parseTypeDecls } from '../../engine/layout/parse';
import type { EnumDef, StructDef, Ty } from '../../engine/layout/types';
import type { FnItem, Param, Program } from './ast';
import { RustCompileError, RustSubsetError } from '../errors';
import { readUse } from './uses';
import { addOrdering } from '../std/compare';
import { addParseErrors } from '../std/parse';
import { addNet } from '../std/net';
import { aliasKey, expandAliases, typeParams } from './generics';
import type { Generic } from './ast';
import { stdImplName, stdTrait } from './std-traits';
import { closureGenerics } from './closures';
import { eraseLifetimes } from './lifetimes';
import { implementableStd } from './std-impls';
import { iteratorImplError } from './iterator-impl';

export function program(low: Lowering, root: Node): Program {
  const prog: Program = {
    fns: new Map(), copyTypes: new Set(), cloneTypes: new Set(), debugTypes: new Set(), eqTypes: new Set(), ordTypes: new Set(), totalOrdTypes: new Set(), defaultTypes: new Set(), structs: new Map(), enums: new Map(),
    stdNames: low.stdNames,
    traits: new Set(),
    dropTypes: new Set(),
    impls: new Map(),
    consts: new Map(),
  };
  let derives: string[] = [];
  for (const item of low.named(root)) if (item.type === 'struct_item' || item.type === 'enum_item') low.typeNames.add(low.field(item, 'name').text);
  imports(low, root);
  low.useScope.collect(root, low.stdNames);
  // Type aliases first: any written type may name one declared below it.
  for (const item of low.named(root)) {
    if (item.type !== 'type_item') continue;
    const params = typeParams(item.childForFieldName('type_parameters'), null).map((g) => g.name);
    low.aliases.set(aliasKey(low.field(item, 'name').text), { params, ty: low.type(low.field(item, 'type')) });
  }
  const traits = new Map<string, Node>();
  for (const item of low.named(root)) if (item.type === 'trait_item') traits.set(low.field(item, 'name').text, item);
  for (const item of low.named(root)) {
    switch (item.type) {
      case 'attribute_item': {
        const m = /^#\[derive\(([^)]*)\)\]$/.exec(item.text.replace(/\s+/g, ''));
        if (m) derives.push(...m[1]!.split(','));
        else if (!/^#\[allow\(/.test(item.text)) low.unsupported(item, `attribute ${item.text} is not supported`);
        continue;
      }
      case 'inner_attribute_item':
        continue;
      case 'use_declaration':
        continue; // read by imports() before the items
      case 'type_item':
        continue; // read before the items
      case 'trait_item':
        traitItem(low, item, prog);
        break;
      case 'const_item':
      case 'static_item': {
        if (low.named(item).some((c) => c.type === 'mutable_specifier')) low.unsupported(item, '`static mut` is not supported (it needs unsafe)');
        const name = low.field(item, 'name').text;
        const tyNode = low.field(item, 'type');
        if (prog.consts.has(name)) throw low.compileError(item, `the name \`${name}\` is defined multiple times`, 'E0428');
        prog.consts.set(name, { ty: low.type(tyNode), tyPos: low.pos(tyNode), value: low.expr(low.field(item, 'value')) });
        break;
      }

      case 'function_item': {
        const fn = fnItem(low, item);
        if (prog.fns.has(fn.name)) throw new RustCompileError(`the name \`${fn.name}\` is defined multiple times`, fn.pos.line, fn.pos.col, 'E0428');
        prog.fns.set(fn.name, fn);
        break;
      }
      case 'impl_item': {
        if (item.childForFieldName('trait')) {
          traitImpl(low, item, prog, traits);
          break;
        }
        const typeNode = implHeader(low, item);
        if (!typeNode) low.unsupported(low.field(item, 'type'), 'impl blocks for this kind of type are not supported yet');
        try {
          for (const member of low.named(low.field(item, 'body'))) {
            if (member.type === 'attribute_item') continue;
            if (member.type !== 'function_item') low.unsupported(member, `${member.type.replace(/_/g, ' ')} in impl blocks is not supported yet`);
            const fn = fnItem(low, member);
            fn.name = `${typeNode.text}::${fn.name}`;
            if (prog.fns.has(fn.name)) throw new RustCompileError(`duplicate definitions with name \`${fn.name}\``, fn.pos.line, fn.pos.col, 'E0592');
            prog.fns.set(fn.name, fn);
          }
        } finally {
          leaveImpl(low, );
        }
        break;
      }
      case 'struct_item':
      case 'enum_item': {
        let defs;
        try {
          defs = parseTypeDecls(item.text);
        } catch (e) {
          const p = low.pos(item);
          throw new RustSubsetError(`cannot read this declaration: ${(e as Error).message}`, p.line, p.col, item.type);
        }
        for (const d of defs) {
          // A field's type may name an alias (`CarArrived(Floor)` with `type Floor = i32;`).
          for (const fs of d.kind === 'struct' ? [d.fields] : d.variants.map((v) => v.fields)) {
            for (const f of fs) f.ty = expandAliases(f.ty, low.aliases);
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
        low.unsupported(item);
    }
    derives = [];
  }
  for (const t of prog.dropTypes) {
    if (prog.copyTypes.has(t)) throw new RustCompileError(`the trait \`Copy\` cannot be implemented for type \`${t}\`; it has a destructor (impl Drop)`, 1, 1, 'E0184');
  }
  if (!prog.fns.has('main')) throw new RustCompileError('`main` function not found in crate', 1, 1, 'E0601');
  addOrdering(prog);
  addParseErrors(prog);
  addNet(prog);
  return prog;
}

/** `trait T { fn required(&self); fn provided(&self) { … } }`: checked here, its default bodies lowered per impl. */
function traitItem(low: Lowering, item: Node, prog: Program): void {
  const tp = item.childForFieldName('type_parameters');
  if (tp) low.unsupported(tp, 'generic traits are not supported yet');
  const bounds = item.childForFieldName('bounds');
  if (bounds) low.unsupported(bounds, 'supertraits are not supported yet');
  for (const member of low.named(low.field(item, 'body'))) {
    if (member.type !== 'function_signature_item' && member.type !== 'function_item') low.unsupported(member, `${member.type.replace(/_/g, ' ')} in traits is not supported yet`);
  }
  prog.traits.add(low.field(item, 'name').text);
}

/** `impl Trait for Type`: a user trait's methods (and its defaults) become Type's; `Drop` becomes Type's destructor. */
function traitImpl(low: Lowering, item: Node, prog: Program, traits: Map<string, Node>): void {
  const traitNode = low.field(item, 'trait');
  const trait = traitNode.text;
  const userTrait = traits.get(trait);
  const std = userTrait ? undefined : stdTrait(trait);
  // `fmt::Display` names the module `fmt`: it needs its `use std::fmt;` (rustc's E0433 without).
  const head = trait.split('::')[0]!;
  if (std && trait.includes('::') && head !== 'std' && head !== 'core' && !low.stdNames.has(head)) {
    throw low.compileError(traitNode, `cannot find module or crate \`${head}\` in this scope`, 'E0433');
  }
  // Reported at the impl block: the block is the construct the subset lacks.
  if (trait !== 'Drop' && !userTrait && !std) low.unsupported(item, `impls of the std trait \`${trait}\` are not supported yet`);
  const nameNode = implHeader(low, item, !!userTrait);
  if (!nameNode) {
    const typeNode = low.field(item, 'type');
    low.unsupported(typeNode, `impls of a trait for \`${typeNode.text}\` (not a struct or enum of the program) are not supported yet`);
  }
  const type = nameNode.text;
  if (!low.typeNames.has(type) && prog.impls.get(type)?.has(trait)) low.unsupported(item, `a second impl of \`${trait}\` for another \`${type}\` is not supported yet`);
  const members = low.named(low.field(item, 'body')).filter((m) => m.type !== 'attribute_item' && m.type !== 'type_item');
  const iterErr = std === 'Iterator' ? iteratorImplError(low.named(low.field(item, 'body'))) : undefined;
  if (iterErr) throw low.compileError(iterErr.node ?? item, iterErr.message, iterErr.code);
  if (!prog.impls.has(type)) prog.impls.set(type, new Set());
  prog.impls.get(type)!.add(std ?? trait);
  (prog.implPos ??= new Map()).set(`${type} as ${std ?? trait}`, low.pos(item));
  // `impl Add for T` names the trait: it needs its `use std::ops::Add;` (rustc's E0405 without).
  if (std && (OP_TRAIT_NAMES.has(std) || std === 'FromStr') && !trait.includes('::') && !low.stdNames.has(std.replace(/<.*/, ''))) {
    throw low.compileError(traitNode, `cannot find trait \`${std}\` in this scope`, 'E0405');
  }
  // std::ops traits declare `type Output`: an impl without it is rustc's E0046.
  if (std && OP_TRAIT_NAMES.has(std) && !low.named(low.field(item, 'body')).some((m) => m.type === 'type_item' && low.field(m, 'name').text === 'Output')) {
    throw low.compileError(item, 'not all trait items implemented, missing: `Output`', 'E0046');
  }
  try {
    const given = new Set<string>();
    for (const member of members) {
      if (member.type !== 'function_item') low.unsupported(member, `${member.type.replace(/_/g, ' ')} in impl blocks is not supported yet`);
      const fn = fnItem(low, member);
      if (std) {
        fn.name = stdImplName(type, std, fn.name);
      } else if (trait === 'Drop') {
        if (fn.name !== 'drop') throw low.compileError(member, `method \`${fn.name}\` is not a member of trait \`Drop\``, 'E0407');
        const self = fn.params[0]?.pat;
        if (!self || self.k !== 'bind' || self.name !== 'self') throw low.compileError(member, 'method `drop` has a `&mut self` declaration in the trait, but not in the impl', 'E0186');
        if (fn.params.length !== 1) throw low.compileError(member, `method \`drop\` has ${fn.params.length} parameters but the declaration in trait \`Drop::drop\` has 1`, 'E0050');
        const selfTy = fn.params[0]!.ty;
        if (selfTy.kind !== 'ref' || !selfTy.mutable || fn.ret.kind !== 'unit') throw low.compileError(member, 'method `drop` has an incompatible type for trait `Drop` (it takes `&mut self`)', 'E0053');
        fn.name = `<${type} as Drop>::drop`;
        prog.dropTypes.add(type);
      } else {
        const declared = low.named(low.field(userTrait!, 'body')).find((m) => low.field(m, 'name').text === fn.name);
        if (!declared) throw low.compileError(member, `method \`${fn.name}\` is not a member of trait \`${trait}\``, 'E0407');
        sameSignature(low, declared, member, (low.selfText ?? type).replace(/\s+/g, ''), trait);
        given.add(fn.name);
        fn.name = `${type}::${fn.name}`;
      }
      if (prog.fns.has(fn.name)) low.unsupported(member, `a trait method named like an inherent method of \`${type}\` is not supported yet`);
      prog.fns.set(fn.name, fn);
    }
    if (trait === 'Drop' && !given.size && !prog.dropTypes.has(type)) throw low.compileError(item, 'not all trait items implemented, missing: `drop`', 'E0046');
    if (userTrait) {
      const missing: string[] = [];
      for (const m of low.named(low.field(userTrait, 'body'))) {
        const name = low.field(m, 'name').text;
        if (given.has(name)) continue;
        if (m.type === 'function_signature_item') {
          missing.push(name);
          continue;
        }
        // A provided method: its body, with Self as this type.
        const fn = fnItem(low, m);
        fn.name = `${type}::${name}`;
        if (prog.fns.has(fn.name)) low.unsupported(m, `a trait method named like an inherent method of \`${type}\` is not supported yet`);
        prog.fns.set(fn.name, fn);
      }
      if (missing.length) throw low.compileError(item, `not all trait items implemented, missing: ${missing.map((n) => `\`${n}\``).join(', ')}`, 'E0046');
    }
  } finally {
    leaveImpl(low, );
  }
}

/**
 * An impl's header: its type parameters, `Self` (a program's type, possibly with arguments:
 * `List<T>`, `Point<f32, f32>`) and its associated types. The type's name node, or undefined
 * when the impl is for a type that is not a program's struct or enum.
 */
function implHeader(low: Lowering, item: Node, stdTypeOk = false): Node | undefined {
  const typeNode = low.field(item, 'type');
  const nameNode = typeNode.type === 'generic_type' ? typeNode.childForFieldName('type') : typeNode;
  if (!nameNode || !(low.typeNames.has(nameNode.text) || (stdTypeOk && implementableStd(nameNode)))) return undefined;
  low.implGenerics = typeParams(item.childForFieldName('type_parameters'), low.named(item).find((c) => c.type === 'where_clause') ?? null);
  low.selfType = nameNode.text;
  low.selfText = eraseLifetimes(typeNode.text);
  low.assoc = new Map();
  for (const m of low.named(low.field(item, 'body'))) {
    if (m.type !== 'type_item') continue;
    low.assoc.set(low.field(m, 'name').text, low.field(m, 'type').text);
  }
  return nameNode;
}

function leaveImpl(low: Lowering, ): void {
  low.selfType = undefined;
  low.selfText = undefined;
  low.implGenerics = [];
  low.assoc = new Map();
}

/** An impl's method must have the trait's signature (rustc's E0185/E0186/E0050/E0053). */
function sameSignature(low: Lowering, decl: Node, impl: Node, type: string, trait: string): void {
  const name = low.field(impl, 'name').text;
  const sig = (fn: Node) => {
    const norm = (t: string) => eraseLifetimes(t).replace(/\s+/g, '').replace(/\bSelf\b/g, type);
    const params = low.named(low.field(fn, 'parameters'));
    const self = params.find((p) => p.type === 'self_parameter');
    return {
      self: self ? norm(self.text).replace(/^mut(?=self)/, '') : undefined,
      params: params.filter((p) => p.type !== 'self_parameter').map((p) => norm(low.field(p, 'type').text)),
      ret: norm(fn.childForFieldName('return_type')?.text ?? '()'),
    };
  };
  const want = sig(decl);
  const got = sig(impl);
  if (want.self && !got.self) throw low.compileError(impl, `method \`${name}\` has a \`${want.self}\` declaration in the trait, but not in the impl`, 'E0186');
  if (!want.self && got.self) throw low.compileError(impl, `method \`${name}\` has a \`${got.self}\` declaration in the impl, but not in the trait`, 'E0185');
  if (want.params.length !== got.params.length) {
    throw low.compileError(impl, `method \`${name}\` has ${got.params.length + (got.self ? 1 : 0)} parameters but the declaration in trait \`${trait}::${name}\` has ${want.params.length + (want.self ? 1 : 0)}`, 'E0050');
  }
  if (want.self !== got.self || want.ret !== got.ret || want.params.some((p, i) => p !== got.params[i])) {
    throw low.compileError(impl, `method \`${name}\` has an incompatible type for trait \`${trait}\``, 'E0053');
  }
}

/** Reads every `use` first: items may use a name imported below them. */
function imports(low: Lowering, root: Node): void {
  const enums = new Map<string, string[]>();
  for (const item of low.named(root)) {
    if (item.type !== 'enum_item') continue;
    const body = item.childForFieldName('body');
    const variants = body ? low.named(body).filter((v) => v.type === 'enum_variant').map((v) => low.field(v, 'name').text) : [];
    enums.set(low.field(item, 'name').text, variants);
  }
  low.enumVariants = enums;
  for (const item of low.named(root)) if (item.type === 'use_declaration') useItem(low, item);
}

/** One `use` (at the top or inside a fn body): std names, or an enum's variants as aliases. */
export function useItem(low: Lowering, item: Node): void {
  const imported = readUse(item.text, low.enumVariants, low.stdNames, low.variantAliases);
  if (imported.rc) low.rcImported = true;
  if (imported.missing) throw low.compileError(item, imported.missing, 'E0432');
  if (imported.unsupported) low.unsupported(item, imported.unsupported);
}

function fnItem(low: Lowering, node: Node): FnItem {
  low.closureParams = closureGenerics(node);
  try {
    return fnItemInner(low, node);
  } finally {
    low.closureParams = undefined;
  }
}

function fnItemInner(low: Lowering, node: Node): FnItem {
  for (const c of low.named(node)) {
    if (c.type === 'function_modifiers') low.unsupported(c, `\`${c.text}\` functions are not supported`);
  }
  // Lifetime parameters (`fn longest<'a>(…)`) change nothing at run time; type parameters make a template.
  const own = low.closureParams ? [] : typeParams(node.childForFieldName('type_parameters'), low.named(node).find((c) => c.type === 'where_clause') ?? null);
  const implArgs: Generic[] = [];
  low.implArgs = implArgs;
  const name = low.text(low.field(node, 'name'));
  const params: Param[] = [];
  for (const p of low.named(low.field(node, 'parameters'))) {
    if (p.type === 'self_parameter') {
      if (!low.selfType) low.unsupported(p, '`self` parameter outside an impl block');
      const text = p.text.replace(/\s+/g, ' ').trim();
      if (/:/.test(text) || /'/.test(text)) low.unsupported(p, 'explicit self types are not supported yet');
      const self: Ty = low.selfText ? parseType(low.selfText) : { kind: 'adt', name: low.selfType };
      const ty: Ty = text.startsWith('&') ? { kind: 'ref', mutable: /&\s*mut/.test(text), to: self } : self;
      params.push({ pat: { k: 'bind', pos: low.pos(p), name: 'self', mutable: text === 'mut self', byRef: false }, ty, pos: low.pos(p) });
      continue;
    }
    // `self: Box<Self>` parses as a plain parameter named self.
    if (p.type === 'parameter' && low.text(low.field(p, 'pattern')) === 'self') low.unsupported(p, `explicit self types (\`${p.text.replace(/\s+/g, ' ')}\`) are not supported yet`);
    if (p.type !== 'parameter') low.unsupported(p);
    const tyNode = low.field(p, 'type');
    let pat = low.pattern(low.field(p, 'pattern'));
    // `fn f(mut v: Vec<i32>)`: the grammar puts `mut` beside the pattern, not in it.
    if (low.named(p).some((c) => c.type === 'mutable_specifier')) {
      if (pat.k !== 'bind') low.unsupported(p);
      pat = { ...pat, mutable: true };
    }
    params.push({ pat, ty: low.type(tyNode), pos: low.pos(p), tyPos: low.pos(tyNode) });
  }
  low.implArgs = undefined;
  const retNode = node.childForFieldName('return_type');
  low.opaqueReturn = true;
  let ret: Ty;
  try {
    ret = retNode ? low.type(retNode) : { kind: 'unit' };
  } finally {
    low.opaqueReturn = false;
  }
  const body = low.block(low.field(node, 'body'));
  const generics = [...low.implGenerics, ...own, ...implArgs];
  const fn: FnItem = { name, pos: low.pos(node), params, ret, retPos: retNode ? low.pos(retNode) : undefined, body, slots: 0 };
  if (generics.length) {
    fn.generics = generics;
    fn.implParams = low.implGenerics.length;
  }
  return fn;
}
