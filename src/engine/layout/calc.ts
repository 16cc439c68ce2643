/**
 * The layout algorithm for aggregates, following rustc's `LayoutCalculator` (rustc_abi) on a
 * 64-bit target: struct field reordering, tagged enums and niche-filling enums. It works on
 * the layouts of fields only, never on types, so it is testable on its own.
 *
 * Invariants: every size is a multiple of its align; align is a power of two; offsets are
 * multiples of their field's align.
 */
import { available, type Niche, nicheFromScalar, reserve, maxValue } from './niche';
import { LayoutError } from './errors';

/** What the calculator needs to know about a field's type. */
export interface FieldLayout {
  size: number;
  align: number;
  /** The largest niche of the type, if any. */
  niche?: Niche;
  /** No value of this type exists (`!`, an enum without variants). */
  uninhabited: boolean;
}

/** A struct body or an enum variant: the placement of its fields. */
export interface Shape extends FieldLayout {
  /** Offset of each field, in declaration order. */
  offsets: number[];
  /** Field indices by increasing offset. */
  memoryOrder: number[];
}

/**
 * `always`: a sized struct, all fields may be reordered. `maybeUnsized`: a tuple, whose last
 * field stays last so that `(A, B, T)` and `(A, B, dyn X)` agree. `prefixed`: an enum variant
 * placed after a tag of `size` bytes.
 */
export type StructKind =
  | { kind: 'always' }
  | { kind: 'maybeUnsized' }
  | { kind: 'prefixed'; size: number; align: number };

type NicheBias = 'start' | 'end';

const MAX64 = maxValue(8);
const MAX128 = maxValue(16);
/** Sizes are JS numbers; stay where they are exact. */
const MAX_SIZE = Number.MAX_SAFE_INTEGER;

export function alignTo(n: number, align: number): number {
  return Math.ceil(n / align) * align;
}

function trailingZeros(n: number): number {
  let z = 0;
  while (n > 1 && n % 2 === 0) {
    n /= 2;
    z++;
  }
  return z;
}

function nicheAvailable(f: FieldLayout): bigint {
  return f.niche ? available(f.niche) : 0n;
}

export function is1Zst(f: FieldLayout): boolean {
  return f.size === 0 && f.align === 1;
}

function compareKeys(a: bigint[], b: bigint[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return 0;
}

function checkSize(size: number): number {
  if (size > MAX_SIZE) throw new LayoutError(`size overflow: ${size} bytes is beyond what this calculator handles (2^53)`);
  return size;
}

/** One placement of the fields, with niches pulled towards the start or the end. */
function univariantBiased(fields: FieldLayout[], reorder: boolean, kind: StructKind, bias: NicheBias): Shape {
  const order = fields.map((_, i) => i);
  const end = kind.kind === 'maybeUnsized' ? fields.length - 1 : fields.length;
  if (reorder && fields.length > 1) {
    const head = fields.slice(0, end);
    const maxFieldAlign = Math.max(1, ...head.map((f) => f.align));
    const largestNiche = head.reduce((m, f) => (nicheAvailable(f) > m ? nicheAvailable(f) : m), 0n);
    // Fields are grouped by alignment; a field whose size is a larger power of two than its
    // alignment ([u8; 4]) may join a larger group, unless that would push a niche away.
    const groupKey = (f: FieldLayout): number => {
      const sizeAsAlign = trailingZeros(Math.max(f.align, f.size));
      if (largestNiche === 0n) return sizeAsAlign;
      if (bias === 'start') return Math.min(trailingZeros(maxFieldAlign), sizeAsAlign);
      return nicheAvailable(f) === largestNiche ? trailingZeros(f.align) : sizeAsAlign;
    };
    const key = (i: number): bigint[] => {
      const f = fields[i]!;
      const n = nicheAvailable(f);
      if (kind.kind === 'prefixed') {
        // Ascending alignment keeps the variant tight after any tag size; the largest niche
        // goes last in its group so that jagged enums can use it.
        return [BigInt(groupKey(f)), n];
      }
      const nicheKey = bias === 'start' ? MAX128 - n : n;
      let offsetKey = 0n;
      if (f.niche) {
        offsetKey = bias === 'start'
          ? BigInt(f.niche.offset)
          : MAX64 - BigInt(f.size - f.niche.bytes - f.niche.offset);
      }
      return [-BigInt(groupKey(f)), nicheKey, offsetKey];
    };
    const keys = new Map(order.slice(0, end).map((i) => [i, key(i)]));
    const sorted = order.slice(0, end).sort((a, b) => compareKeys(keys.get(a)!, keys.get(b)!));
    order.splice(0, end, ...sorted);
  }

  const offsets = new Array<number>(fields.length).fill(0);
  let offset = 0;
  let align = 1;
  let niche: Niche | undefined;
  let nicheAvail = 0n;
  if (kind.kind === 'prefixed') {
    align = Math.max(align, kind.align);
    offset = alignTo(kind.size, kind.align);
  }
  for (const i of order) {
    const f = fields[i]!;
    offset = alignTo(offset, f.align);
    align = Math.max(align, f.align);
    offsets[i] = offset;
    if (f.niche) {
      const avail = available(f.niche);
      const better = bias === 'start' ? avail > nicheAvail : avail >= nicheAvail;
      if (better) {
        nicheAvail = avail;
        niche = { ...f.niche, offset: f.niche.offset + offset };
      }
    }
    offset = checkSize(offset + f.size);
  }
  const shape: Shape = {
    size: checkSize(alignTo(offset, align)),
    align,
    uninhabited: fields.some((f) => f.uninhabited),
    offsets,
    memoryOrder: order,
  };
  if (niche) shape.niche = niche;
  return shape;
}

/**
 * Lays out a struct, tuple or variant body. Like rustc, when the niche lands in the middle
 * a second placement biased to the end is tried, and kept if its niche is nearer an edge:
 * enums can then tuck small variants before or after the niche.
 */
export function univariant(fields: FieldLayout[], reorder: boolean, kind: StructKind): Shape {
  const shape = univariantBiased(fields, reorder, kind, 'start');
  if (kind.kind === 'maybeUnsized' || !shape.niche || fields.length <= 1) return shape;
  const head = shape.niche.offset;
  const tail = shape.size - head - shape.niche.bytes;
  if (head === 0 || tail <= 0) return shape;
  const alt = univariantBiased(fields, reorder, kind, 'end');
  const altHead = alt.niche!.offset;
  return altHead > head && altHead > tail ? alt : shape;
}

// ---- enums ----

/** How the variant of an enum value is found. */
export type EnumEncoding =
  /** No variant can exist: the enum is uninhabited and zero-sized. */
  | { kind: 'empty' }
  /** Only one variant can exist; no tag is stored. */
  | { kind: 'single'; variant: number }
  /** A tag integer at `offset` 0 holds the discriminant. */
  | { kind: 'tag'; offset: number; size: number; signed: boolean }
  /**
   * No tag: variants `nicheVariants[0]..=nicheVariants[1]` (except `untaggedVariant`) are
   * stored as the invalid values `nicheStart + (index - nicheVariants[0])` (wrapping) of the
   * `size`-byte scalar at `offset` inside the untagged variant's data.
   */
  | {
      kind: 'niche';
      offset: number;
      size: number;
      untaggedVariant: number;
      nicheVariants: [number, number];
      nicheStart: bigint;
    };

export interface EnumInput {
  /** Field layouts of each variant. */
  variants: FieldLayout[][];
  /** Discriminant of each variant (explicit, or previous + 1). */
  discriminants: bigint[];
  repr: 'rust' | 'c' | { int: number; signed: boolean };
}

export interface EnumShape extends FieldLayout {
  encoding: EnumEncoding;
  variants: Shape[];
}

/** A variant is absent when it can never exist and takes no room: rustc drops it entirely. */
function absent(fields: FieldLayout[]): boolean {
  return fields.some((f) => f.uninhabited) && fields.every(is1Zst);
}

function fitUnsigned(v: bigint): number {
  for (const bytes of [1, 2, 4, 8]) if (v <= maxValue(bytes)) return bytes;
  return 16;
}

function fitSigned(v: bigint): number {
  for (const bytes of [1, 2, 4, 8]) {
    const half = 1n << BigInt(bytes * 8 - 1);
    if (v >= -half && v < half) return bytes;
  }
  return 16;
}

/** The smallest tag integer (bytes, signedness) holding `min..=max` (rustc's `repr_discr`). */
function discriminantInt(min: bigint, max: bigint, repr: EnumInput['repr']): { bytes: number; signed: boolean } {
  // min > max when the valid range wraps; negative values count as huge unsigned ones.
  const unsignedFit = fitUnsigned(BigInt.asUintN(128, min) > BigInt.asUintN(128, max) ? BigInt.asUintN(128, min) : BigInt.asUintN(128, max));
  const signedFit = Math.max(fitSigned(min), fitSigned(max));
  if (typeof repr === 'object') {
    const fit = repr.signed ? signedFit : unsignedFit;
    if (repr.int < fit) throw new LayoutError(`discriminant range ${min}..=${max} does not fit the enum's repr integer of ${repr.int} byte(s)`);
    return { bytes: repr.int, signed: repr.signed };
  }
  // repr(C) enums are at least a C int.
  const atLeast = repr === 'c' ? 4 : 1;
  return min >= 0n ? { bytes: Math.max(unsignedFit, atLeast), signed: false } : { bytes: Math.max(signedFit, atLeast), signed: true };
}

/** Lays out an enum (also Option and Result): picks tagged or niche-filling as rustc does. */
export function enumLayout(input: EnumInput): EnumShape {
  const { variants, repr } = input;
  const isC = repr === 'c';
  const inhibitOpt = repr !== 'rust';
  const reorder = repr === 'rust';
  const present = variants.map((_, i) => i).filter((i) => isC || !absent(variants[i]!));
  if (present.length === 0) {
    return {
      size: 0, align: 1, uninhabited: true, encoding: { kind: 'empty' },
      variants: variants.map((v) => univariant(v, reorder, { kind: 'always' })),
    };
  }
  if (present.length === 1 && !inhibitOpt) {
    const shapes = variants.map((v) => univariant(v, reorder, { kind: 'always' }));
    const only = shapes[present[0]!]!;
    const result: EnumShape = {
      size: only.size, align: only.align, uninhabited: only.uninhabited,
      encoding: { kind: 'single', variant: present[0]! }, variants: shapes,
    };
    if (only.niche) result.niche = only.niche;
    return result;
  }
  const tagged = taggedLayout(input);
  // Explicit discriminants need no check here: on data-carrying variants they require a
  // repr(int), which already rules out niche filling.
  const niche = inhibitOpt ? undefined : nicheFillingLayout(input);
  if (!niche) return tagged;
  // Smaller wins; on equal size the one leaving the larger niche; else tagged (simpler code).
  if (tagged.size > niche.size) return niche;
  if (tagged.size === niche.size && nicheAvailable(tagged) < nicheAvailable(niche)) return niche;
  return tagged;
}

function nicheFillingLayout(input: EnumInput): EnumShape | undefined {
  const { variants } = input;
  if (variants.length < 2) return undefined;
  const shapes = variants.map((v) => univariant(v, true, { kind: 'always' }));
  const align = Math.max(1, ...shapes.map((s) => s.align));
  // The largest variant keeps its data untouched; ties go to the last one (Rust's max_by_key).
  let largest = 0;
  shapes.forEach((s, i) => {
    if (s.size >= shapes[largest]!.size) largest = i;
  });
  const needsDisc = variants.map((v, i) => i !== largest && !absent(v));
  const first = needsDisc.indexOf(true);
  const last = needsDisc.lastIndexOf(true);
  if (first < 0) return undefined;
  const base = shapes[largest]!.niche;
  if (!base) return undefined;
  const taken = reserve(base, BigInt(last - first + 1));
  if (!taken) return undefined;
  const size = alignTo(shapes[largest]!.size, align);
  for (let i = 0; i < shapes.length; i++) {
    if (i === largest) continue;
    const s = shapes[i]!;
    delete s.niche;
    if (s.size <= base.offset) continue; // fits before the niche
    const shift = alignTo(base.offset + base.bytes, s.align);
    if (shift + s.size > size) return undefined; // fits neither before nor after
    s.offsets = s.offsets.map((o) => o + shift);
    s.size += shift;
  }
  return {
    size, align,
    niche: taken.rest,
    uninhabited: shapes.every((s) => s.uninhabited),
    encoding: {
      kind: 'niche', offset: base.offset, size: base.bytes, untaggedVariant: largest,
      nicheVariants: [first, last], nicheStart: taken.first,
    },
    variants: shapes,
  };
}

/**
 * The valid tag values as one wrapping range `min..=max`: everything but the widest gap
 * between neighbouring discriminants (wrapping past the end counts), so that an enclosing
 * Option can use the gap. Gap widths are measured as rustc 1.95 does, including its quirk
 * for signed reprs: the wrap-around gap is `signed_max - distance` of the discriminant type.
 */
function validDiscriminantRange(input: EnumInput): { min: bigint; max: bigint } {
  const { variants, repr } = input;
  const isC = repr === 'c';
  // Uninhabited variants never need their tag value (repr(C) keeps them all).
  const values = [...new Set(input.discriminants.filter((_, i) => isC || !variants[i]!.some((f) => f.uninhabited)))]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (values.length === 0) return { min: 0n, max: 0n };
  // repr(Rust) and repr(C) discriminants are typed isize.
  const discr = typeof repr === 'object' ? repr : { int: 8, signed: true };
  const bits = BigInt(discr.int * 8);
  const asU128 = (v: bigint): bigint => BigInt.asUintN(128, v);
  let best: { start: bigint; end: bigint; width: bigint } | undefined;
  values.forEach((start, i) => {
    const end = values[(i + 1) % values.length]!;
    let width: bigint;
    if (start > end) {
      const dist = start - end;
      width = discr.signed ? asU128((1n << (bits - 1n)) - 1n - dist) : maxValue(discr.int) - dist;
    } else {
      width = asU128(end - start);
    }
    if (!best || width >= best.width) best = { start, end, width }; // ties: the last, like max_by_key
  });
  // The gap runs from `start` (last valid before it) to `end` (first valid after it).
  return { min: best!.end, max: best!.start };
}

function taggedLayout(input: EnumInput): EnumShape {
  const { variants, repr } = input;
  const isC = repr === 'c';
  const { min: lo, max: hi } = validDiscriminantRange(input);
  const minInt = discriminantInt(lo, hi, repr);
  // repr(C) is a (tag, union) pair: the payload starts where the union's alignment allows.
  let prefixAlign = minInt.bytes;
  if (isC) for (const v of variants) for (const f of v) prefixAlign = Math.max(prefixAlign, f.align);
  const shapes = variants.map((v) =>
    univariant(v, repr === 'rust', { kind: 'prefixed', size: minInt.bytes, align: prefixAlign }),
  );
  let startAlign = 256;
  let size = 0;
  let align = 1;
  shapes.forEach((s, i) => {
    const firstReal = s.memoryOrder.find((j) => !is1Zst(variants[i]![j]!));
    if (firstReal !== undefined) startAlign = Math.min(startAlign, variants[i]![firstReal]!.align);
    size = Math.max(size, s.size);
    align = Math.max(align, s.align);
  });
  size = checkSize(alignTo(size, align));
  // repr(Rust) widens the tag up to the first field's alignment: the padding is there
  // anyway, and a wider tag spares LLVM partial copies.
  let tagBytes = minInt.bytes;
  if (repr === 'rust' && [1, 2, 4, 8, 16].includes(startAlign) && startAlign > minInt.bytes) {
    tagBytes = startAlign;
    for (const s of shapes) {
      s.offsets = s.offsets.map((o) => (o <= minInt.bytes ? tagBytes : o));
      if (s.size <= minInt.bytes) s.size = tagBytes;
    }
  }
  const mask = maxValue(tagBytes);
  const result: EnumShape = {
    size, align,
    uninhabited: shapes.every((s) => s.uninhabited),
    encoding: { kind: 'tag', offset: 0, size: tagBytes, signed: minInt.signed },
    variants: shapes,
  };
  const niche = nicheFromScalar(0, tagBytes, lo & mask, hi & mask);
  if (niche) result.niche = niche;
  return result;
}
