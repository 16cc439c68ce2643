/**
 * Size, alignment, field offsets and enum encodings of Rust types, as rustc 1.95 lays them
 * out on a 64-bit target (x86_64: u128/i128 are 16-aligned). Verified against the real
 * compiler by test/engine/layout/rustc.test.ts.
 */
import type { AdtDef, EnumDef, Layout, StructDef, Ty, TypeRegistry } from './types';
import { LayoutError } from './errors';
import { formatType } from './format';
import { enumLayout as calcEnum, type EnumEncoding, type EnumInput, type FieldLayout, type Shape, univariant } from './calc';
import { maxValue, type Niche } from './niche';
import { bTreeMapLayout, cellLayout, hashMapLayout, nonZeroLayout, orderingLayout, refCellLayout, refGuardLayout, vecDequeLayout } from './std-types';

const PTR = 8;
const EMPTY_REGISTRY: TypeRegistry = new Map();

/** Full layout of a type: size, align, its largest niche and whether values can exist. */
export type TypeLayout = FieldLayout;

/** A field placed inside a struct, tuple or variant. */
export interface PlacedField {
  name: string;
  offset: number;
  size: number;
  align: number;
}

export interface StructLayout extends Layout {
  /** Fields in declaration order. */
  fields: PlacedField[];
  /** Field names by increasing offset (repr(Rust) reorders to save padding). */
  memoryOrder: string[];
}

export interface VariantLayout {
  name: string;
  /** The declared or implied discriminant. */
  discriminant: bigint;
  /** Extent of this variant's data (including the tag bytes before it in tagged enums). */
  size: number;
  fields: PlacedField[];
  memoryOrder: string[];
}

export interface EnumLayout extends Layout {
  /** Tag, niche, single variant, or empty; variant numbers index `variants`. */
  encoding: EnumEncoding;
  variants: VariantLayout[];
}

interface EnumSource {
  name: string;
  variants: { name: string; fields: { name: string; ty: Ty }[]; discriminant?: bigint }[];
  repr: EnumDef['repr'];
}

const INT_BYTES: Record<string, number> = {
  i8: 1, i16: 2, i32: 4, i64: 8, i128: 16, isize: 8, u8: 1, u16: 2, u32: 4, u64: 8, u128: 16, usize: 8,
};

/**
 * Memoises layouts for one registry, and catches types that contain themselves by value
 * (which have no finite size).
 */
class LayoutCx {
  private readonly cache = new Map<string, TypeLayout>();
  private readonly inProgress = new Set<string>();

  constructor(readonly registry: TypeRegistry) {}

  adt(name: string): AdtDef {
    const def = this.registry.get(name);
    if (!def) {
      const known = [...this.registry.keys()];
      const hint = known.length ? `known types: ${known.join(', ')}` : 'no struct or enum declarations were given';
      throw new LayoutError(`unknown type '${name}' (${hint})`);
    }
    return def;
  }

  /**
   * The declaration of a struct or enum type, with a generic one's parameters replaced by the
   * type's arguments (`Pair<u8>` of `struct Pair<T> { a: T, b: T }` has fields a: u8, b: u8).
   */
  instance(ty: Extract<Ty, { kind: 'adt' }>): AdtDef {
    const def = this.adt(ty.name);
    const params = def.params ?? [];
    const args = ty.args ?? [];
    if (args.length !== params.length) {
      throw new LayoutError(params.length
        ? `'${ty.name}' takes ${params.length} type argument${params.length > 1 ? 's' : ''} (${params.join(', ')}), got ${args.length}: write e.g. ${ty.name}<${params.map(() => 'u8').join(', ')}>`
        : `'${ty.name}' is not generic: write it without type arguments`);
    }
    if (!params.length) return def;
    const bound = new Map(params.map((p, i) => [p, args[i]!]));
    const subst = (t: Ty): Ty => substitute(t, bound);
    if (def.kind === 'struct') return { ...def, fields: def.fields.map((f) => ({ name: f.name, ty: subst(f.ty) })) };
    return { ...def, variants: def.variants.map((v) => ({ ...v, fields: v.fields.map((f) => ({ name: f.name, ty: subst(f.ty) })) })) };
  }

  /** What `&T` needs beside the address: nothing, a length, or a vtable. */
  metadata(ty: Ty, seen = new Set<string>()): 'none' | 'len' | 'vtable' {
    switch (ty.kind) {
      case 'str':
      case 'slice':
        return 'len';
      case 'dyn':
        return 'vtable';
      case 'tuple':
        return ty.items.length ? this.metadata(ty.items[ty.items.length - 1]!, seen) : 'none';
      case 'adt': {
        const def = this.instance(ty); // an unknown name is an error even behind a pointer
        const key = formatType(ty);
        if (def.kind !== 'struct' || def.fields.length === 0 || seen.has(key)) return 'none';
        seen.add(key);
        return this.metadata(def.fields[def.fields.length - 1]!.ty, seen);
      }
      default:
        return 'none';
    }
  }

  layout(ty: Ty): TypeLayout {
    const key = JSON.stringify(ty);
    const hit = this.cache.get(key);
    if (hit) return hit;
    if (this.inProgress.has(key)) {
      throw new LayoutError(`recursive type '${formatType(ty)}' has infinite size (put the recursive field behind a Box, Rc or reference)`);
    }
    this.inProgress.add(key);
    try {
      const l = this.compute(ty);
      this.cache.set(key, l);
      return l;
    } finally {
      this.inProgress.delete(key);
    }
  }

  private sized(ty: Ty, context: string): void {
    if (this.metadata(ty) !== 'none') {
      throw new LayoutError(`'${formatType(ty)}' is unsized and cannot be used by value in ${context}; put it behind a pointer such as &, Box or Rc`);
    }
  }

  private compute(ty: Ty): TypeLayout {
    switch (ty.kind) {
      case 'int': {
        const n = INT_BYTES[ty.name]!;
        return { size: n, align: n, uninhabited: false };
      }
      case 'float': {
        const n = ty.name === 'f32' ? 4 : 8;
        return { size: n, align: n, uninhabited: false };
      }
      case 'bool':
        return { size: 1, align: 1, uninhabited: false, niche: scalarNiche(0, 1, 0n, 1n) };
      case 'char':
        // Unicode scalar values stop at 0x10FFFF; everything above is free.
        return { size: 4, align: 4, uninhabited: false, niche: scalarNiche(0, 4, 0n, 0x10ffffn) };
      case 'unit':
        return { size: 0, align: 1, uninhabited: false };
      case 'never':
        return { size: 0, align: 1, uninhabited: true };
      case 'str':
      case 'slice':
      case 'dyn':
        throw new LayoutError(`'${formatType(ty)}' is unsized: it has no layout by value; use it behind a pointer such as &${formatType(ty)} or Box<${formatType(ty)}>`);
      case 'ref':
      case 'box':
      case 'rc':
      case 'arc':
        // Box, Rc and Arc hold a NonNull: like references, never null.
        return pointer(this.metadata(ty.to), true);
      case 'rawptr':
        return pointer(this.metadata(ty.to), false);
      case 'fnptr':
        return pointer('none', true);
      case 'std':
        return this.stdLayout(ty);
      case 'string':
        return vecLayout();
      case 'vec':
        this.sized(ty.elem, `'${formatType(ty)}'`);
        return vecLayout();
      case 'option':
        return strip(this.enumShape(optionSource(ty.some)));
      case 'result':
        return strip(this.enumShape(resultSource(ty.ok, ty.err)));
      case 'tuple': {
        if (ty.items.length === 0) return { size: 0, align: 1, uninhabited: false };
        ty.items.forEach((t) => this.sized(t, `the tuple '${formatType(ty)}'`));
        const shape = univariant(ty.items.map((t) => this.layout(t)), true, { kind: 'maybeUnsized' });
        return strip(shape);
      }
      case 'array': {
        this.sized(ty.elem, `the array '${formatType(ty)}'`);
        const elem = this.layout(ty.elem);
        const size = elem.size * ty.len;
        if (!Number.isSafeInteger(size)) throw new LayoutError(`size overflow: '${formatType(ty)}' is beyond what this calculator handles (2^53 bytes)`);
        const l: TypeLayout = { size, align: elem.align, uninhabited: elem.uninhabited && ty.len > 0 };
        if (elem.niche && ty.len > 0) l.niche = elem.niche;
        return l;
      }
      case 'adt': {
        const def = this.instance(ty);
        return strip(def.kind === 'struct' ? this.structShape(def) : this.enumShape(enumSource(def)));
      }
    }
  }

  private stdLayout(ty: Extract<Ty, { kind: 'std' }>): TypeLayout {
    const [a] = ty.args;
    const sizedArg = () => {
      this.sized(a!, `'${formatType(ty)}'`);
      return this.layout(a!);
    };
    switch (ty.name) {
      case 'Cell':
        return cellLayout(sizedArg());
      case 'RefCell':
        return refCellLayout(sizedArg());
      case 'Ref':
      case 'RefMut':
        return refGuardLayout(pointer(this.metadata(a!), true));
      case 'Weak':
        // Rc's Weak holds a NonNull to the RcBox (dangling, never null, for Weak::new()).
        return pointer(this.metadata(a!), true);
      case 'HashMap':
      case 'HashSet':
        ty.args.forEach((t) => this.sized(t, `'${formatType(ty)}'`));
        return hashMapLayout();
      case 'BTreeMap':
      case 'BTreeSet':
        ty.args.forEach((t) => this.sized(t, `'${formatType(ty)}'`));
        return bTreeMapLayout();
      case 'VecDeque':
        this.sized(a!, `'${formatType(ty)}'`);
        return vecDequeLayout();
      case 'NonZero':
        if (a!.kind !== 'int') throw new LayoutError(`'${formatType(ty)}': NonZero takes an integer type`);
        return nonZeroLayout(INT_BYTES[a!.name]!);
      case 'Ordering':
        return orderingLayout();
    }
  }

  structShape(def: StructDef): Shape {
    def.fields.forEach((f) => this.sized(f.ty, `field '${f.name}' of struct '${def.name}'`));
    const fields = def.fields.map((f) => this.layout(f.ty));
    // A struct whose last field is sized is laid out as always-sized: every field may move.
    return univariant(fields, def.repr === 'rust', { kind: 'always' });
  }

  enumShape(src: EnumSource): ReturnType<typeof calcEnum> {
    for (const v of src.variants) {
      for (const f of v.fields) this.sized(f.ty, `variant '${v.name}' of enum '${src.name}'`);
    }
    let next = 0n;
    const discriminants = src.variants.map((v) => {
      const d = v.discriminant ?? next;
      next = d + 1n;
      return d;
    });
    const repr: EnumInput['repr'] = src.repr === 'rust' || src.repr === 'c'
      ? src.repr
      : { int: INT_BYTES[src.repr]!, signed: src.repr.startsWith('i') };
    return calcEnum({
      variants: src.variants.map((v) => v.fields.map((f) => this.layout(f.ty))),
      discriminants,
      repr,
    });
  }
}

/** `t` with each type parameter named in `bound` replaced by its argument. */
function substitute(t: Ty, bound: ReadonlyMap<string, Ty>): Ty {
  const s = (x: Ty) => substitute(x, bound);
  switch (t.kind) {
    case 'adt':
      if (!t.args && bound.has(t.name)) return bound.get(t.name)!;
      return t.args ? { ...t, args: t.args.map(s) } : t;
    case 'slice':
    case 'vec':
    case 'array':
      return { ...t, elem: s(t.elem) };
    case 'ref':
    case 'rawptr':
    case 'box':
    case 'rc':
    case 'arc':
      return { ...t, to: s(t.to) };
    case 'option':
      return { ...t, some: s(t.some) };
    case 'result':
      return { ...t, ok: s(t.ok), err: s(t.err) };
    case 'tuple':
      return { ...t, items: t.items.map(s) };
    case 'std':
      return { ...t, args: t.args.map(s) };
    default:
      return t;
  }
}

function scalarNiche(offset: number, bytes: number, start: bigint, end: bigint): Niche {
  return { offset, bytes, start, end };
}

const NON_NULL = (offset: number): Niche => scalarNiche(offset, PTR, 1n, maxValue(PTR));

/**
 * Thin or fat pointer. A fat pointer is (data, metadata); its largest niche is the data
 * pointer's, or the vtable pointer's when the data pointer is raw (rustc keeps the first of
 * equal niches).
 */
function pointer(meta: 'none' | 'len' | 'vtable', nonNull: boolean): TypeLayout {
  if (meta === 'none') {
    const l: TypeLayout = { size: PTR, align: PTR, uninhabited: false };
    if (nonNull) l.niche = NON_NULL(0);
    return l;
  }
  const l: TypeLayout = { size: 2 * PTR, align: PTR, uninhabited: false };
  if (nonNull) l.niche = NON_NULL(0);
  else if (meta === 'vtable') l.niche = NON_NULL(PTR);
  return l;
}

/**
 * Vec<T> and String: { cap, ptr, len } in that memory order. The capacity is a `Cap(usize)`
 * valid only up to isize::MAX, the largest niche, and rustc sorts it first, so
 * `Option<Vec<T>>` is 24 bytes with None stored as cap = 2^63.
 */
function vecLayout(): TypeLayout {
  return { size: 3 * PTR, align: PTR, uninhabited: false, niche: scalarNiche(0, PTR, 0n, (1n << 63n) - 1n) };
}

function strip(shape: FieldLayout): TypeLayout {
  const l: TypeLayout = { size: shape.size, align: shape.align, uninhabited: shape.uninhabited };
  if (shape.niche) l.niche = shape.niche;
  return l;
}

function optionSource(some: Ty): EnumSource {
  return {
    name: 'Option', repr: 'rust',
    variants: [{ name: 'None', fields: [] }, { name: 'Some', fields: [{ name: '0', ty: some }] }],
  };
}

function resultSource(ok: Ty, err: Ty): EnumSource {
  return {
    name: 'Result', repr: 'rust',
    variants: [{ name: 'Ok', fields: [{ name: '0', ty: ok }] }, { name: 'Err', fields: [{ name: '0', ty: err }] }],
  };
}

function enumSource(def: EnumDef): EnumSource {
  return {
    name: def.name,
    repr: def.repr,
    variants: def.variants.map((v) => {
      const out: EnumSource['variants'][number] = { name: v.name, fields: v.fields };
      if (v.discriminant !== undefined) out.discriminant = BigInt(v.discriminant);
      return out;
    }),
  };
}

function placed(names: string[], shape: Shape, fields: FieldLayout[]): { fields: PlacedField[]; memoryOrder: string[] } {
  return {
    fields: names.map((name, i) => ({ name, offset: shape.offsets[i]!, size: fields[i]!.size, align: fields[i]!.align })),
    memoryOrder: shape.memoryOrder.map((i) => names[i]!),
  };
}

// ---- public API ----

/** Full layout (size, align, niche, inhabitedness) of a sized type. */
export function typeLayout(ty: Ty, registry: TypeRegistry = EMPTY_REGISTRY): TypeLayout {
  return new LayoutCx(registry).layout(ty);
}

/** Size and alignment of a sized type, e.g. `layoutOf(T.option(T.string))` → {size: 24, align: 8}. */
export function layoutOf(ty: Ty, registry: TypeRegistry = EMPTY_REGISTRY): Layout {
  const l = typeLayout(ty, registry);
  return { size: l.size, align: l.align };
}

/** Field offsets of a struct (`{kind:'adt'}` naming a struct) or a tuple. */
export function structLayout(ty: Ty, registry: TypeRegistry = EMPTY_REGISTRY): StructLayout {
  const cx = new LayoutCx(registry);
  let names: string[];
  let fieldTys: Ty[];
  let shape: Shape;
  if (ty.kind === 'tuple') {
    const whole = cx.layout(ty);
    names = ty.items.map((_, i) => String(i));
    fieldTys = ty.items;
    shape = ty.items.length
      ? univariant(ty.items.map((t) => cx.layout(t)), true, { kind: 'maybeUnsized' })
      : { ...whole, offsets: [], memoryOrder: [] };
  } else if (ty.kind === 'adt' && cx.instance(ty).kind === 'struct') {
    const def = cx.instance(ty) as StructDef;
    cx.layout(ty); // reports recursion and unsized fields first
    names = def.fields.map((f) => f.name);
    fieldTys = def.fields.map((f) => f.ty);
    shape = cx.structShape(def);
  } else {
    throw new LayoutError(`'${formatType(ty)}' is not a struct or tuple; structLayout needs one (use enumLayout for enums)`);
  }
  const fields = fieldTys.map((t) => cx.layout(t));
  return { size: shape.size, align: shape.align, ...placed(names, shape, fields) };
}

/** Encoding and variant layouts of an enum (`{kind:'adt'}` naming an enum), Option or Result. */
export function enumLayout(ty: Ty, registry: TypeRegistry = EMPTY_REGISTRY): EnumLayout {
  const cx = new LayoutCx(registry);
  let src: EnumSource;
  if (ty.kind === 'option') src = optionSource(ty.some);
  else if (ty.kind === 'result') src = resultSource(ty.ok, ty.err);
  else if (ty.kind === 'adt' && cx.instance(ty).kind === 'enum') src = enumSource(cx.instance(ty) as EnumDef);
  else throw new LayoutError(`'${formatType(ty)}' is not an enum, Option or Result; enumLayout needs one`);
  cx.layout(ty);
  const shape = cx.enumShape(src);
  let next = 0n;
  const variants = src.variants.map((v, i) => {
    const discriminant = v.discriminant ?? next;
    next = discriminant + 1n;
    const fields = v.fields.map((f) => cx.layout(f.ty));
    const s = shape.variants[i]!;
    return { name: v.name, discriminant, size: s.size, ...placed(v.fields.map((f) => f.name), s, fields) };
  });
  return { size: shape.size, align: shape.align, encoding: shape.encoding, variants };
}

/** Builds a registry from declarations, rejecting duplicate names. */
export function registryOf(defs: readonly AdtDef[]): TypeRegistry {
  const map = new Map<string, AdtDef>();
  for (const d of defs) {
    if (map.has(d.name)) throw new LayoutError(`type '${d.name}' is declared twice`);
    map.set(d.name, d);
  }
  return map;
}
