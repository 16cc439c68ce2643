/**
 * Runtime helpers shared by the compiled closures: scalars, places (Loc) that references
 * point at, copies, equality and Rust's integer semantics (overflow panics). Formatting is
 * std's and lives in the engine (engine/std/fmt.ts); `follow` lets it read through our references.
 */
import type { IntName, Ty } from '../../engine/layout/types';
import type { Machine } from '../../engine/memory/machine';
import { toValue, utf8Length } from '../../engine/memory/to-value';
import { ownerOf, touch } from '../../engine/std/home';
import { vecGet, vecItemChanged, vecItemHome, vecSet } from '../../engine/std/vec';
import type { Home, Local, PlaceRef, RValue, VecValue } from '../../engine/memory/rvalue';
import type { Follow } from '../../engine/std/fmt';
import { RustPanic } from '../errors';

export type Scalar = Extract<RValue, { tag: 'scalar' }>;
export type RefValue = Extract<RValue, { tag: 'ref' }> & { loc: Loc };

export const scalar = (ty: Ty, v: number | bigint | boolean | string): Scalar => ({ tag: 'scalar', ty, v });

export const UNIT_V: RValue = { tag: 'unit', ty: { kind: 'unit' } };
export const BOOL_TY: Ty = { kind: 'bool' };
export const TRUE_V = scalar(BOOL_TY, true);
export const FALSE_V = scalar(BOOL_TY, false);
export const bool = (b: boolean): Scalar => (b ? TRUE_V : FALSE_V);
export const CHAR_TY: Ty = { kind: 'char' };
export const USIZE_TY: Ty = { kind: 'int', name: 'usize' };
export const STR_REF_TY: Ty = { kind: 'ref', mutable: false, to: { kind: 'str' } };

/** `Some(v)` / `None` (v null) of type ty. */
export function option(ty: Ty, v: RValue | null): RValue {
  return v === null
    ? { tag: 'enum', ty, name: 'Option', variant: 'None', fieldNames: [], fields: [] }
    : { tag: 'enum', ty, name: 'Option', variant: 'Some', fieldNames: ['0'], fields: [v] };
}

/** An integer argument as a JS number (sizes, counts, indices). */
export const num = (v: RValue): number => Number((deref(v) as Scalar).v);

/** A place a reference points at, or that a method changes in place. */
export interface Loc {
  get(): RValue;
  set(v: RValue): void;
  /** Re-record the place after its value changed in place. */
  changed(): void;
  home(): Home;
  target(): PlaceRef;
  /** Moves the value out, leaving nothing to drop behind (a part of a temporary given up to a binding). */
  take(): RValue;
}

const GONE: RValue = { tag: 'unit', ty: { kind: 'unit' } };

export class LocalLoc implements Loc {
  private cachedHome: Home | undefined;
  constructor(readonly m: Machine, readonly slot: Local) {}
  get(): RValue {
    return this.m.read(this.slot);
  }
  set(v: RValue): void {
    this.m.assign(this.slot, v);
  }
  changed(): void {
    this.m.touchLocal(this.slot);
  }
  home(): Home {
    return (this.cachedHome ??= { kind: 'local', local: this.slot });
  }
  target(): PlaceRef {
    return { kind: 'local', local: this.slot };
  }
  take(): RValue {
    return this.m.moveOut(this.slot);
  }
}

/** A field of a struct/enum value (or an item of a tuple) at another place. */
export class FieldLoc implements Loc {
  constructor(readonly m: Machine, readonly parent: Loc, readonly index: number) {}
  private container(): RValue & { fields?: RValue[]; items?: RValue[] } {
    return this.parent.get() as RValue & { fields?: RValue[]; items?: RValue[] };
  }
  get(): RValue {
    const c = this.container();
    return (c.fields ?? c.items)![this.index]!;
  }
  set(v: RValue): void {
    const c = this.container();
    const arr = (c.fields ?? c.items)!;
    const old = arr[this.index]!;
    arr[this.index] = v;
    this.m.dropValue(old);
    this.m.adopt(v, ownerOf(this.parent.home()));
    this.parent.changed();
  }
  changed(): void {
    this.parent.changed();
  }
  home(): Home {
    return this.parent.home();
  }
  target(): PlaceRef {
    return this.parent.target();
  }
  take(): RValue {
    const c = this.container();
    const arr = (c.fields ?? c.items)!;
    const v = arr[this.index]!;
    arr[this.index] = GONE;
    return v;
  }
}

/** Element i of a Vec. */
export class ElemLoc implements Loc {
  constructor(readonly m: Machine, readonly vec: VecValue, readonly index: number, readonly line: number) {}
  get(): RValue {
    if (this.index >= this.vec.len) throw new RustPanic(`index out of bounds: the len is ${this.vec.len} but the index is ${this.index}`, this.line);
    return vecGet(this.vec, this.index);
  }
  /** This place, after the bounds check `&v[i]` makes. */
  checked(): this {
    if (this.index >= this.vec.len) throw new RustPanic(`index out of bounds: the len is ${this.vec.len} but the index is ${this.index}`, this.line);
    return this;
  }
  set(v: RValue): void {
    if (this.index >= this.vec.len) throw new RustPanic(`index out of bounds: the len is ${this.vec.len} but the index is ${this.index}`, this.line);
    vecSet(this.m, this.vec, this.index, v);
  }
  changed(): void {
    vecItemChanged(this.m, this.vec, this.index);
  }
  home(): Home {
    return vecItemHome(this.vec);
  }
  target(): PlaceRef {
    return this.vec.buf ? { kind: 'block', block: this.vec.buf, offset: this.index * this.vec.elemLayout.size } : NOWHERE;
  }
  take(): RValue {
    const v = this.get();
    this.vec.items[this.index] = GONE;
    return v;
  }
}

/**
 * A place with no address the engine knows (a temporary, an empty Vec's element): references
 * to it display as pointers to nothing rather than to a made-up item.
 */
const NOWHERE = null as unknown as PlaceRef;

/** The value inside a Box (or an Rc's shared value, read-only). */
export class BoxLoc implements Loc {
  constructor(readonly m: Machine, readonly owner: Extract<RValue, { tag: 'box' | 'rc' }>) {}
  get(): RValue {
    return this.owner.tag === 'box' ? this.owner.inner : this.owner.cell.inner;
  }
  set(v: RValue): void {
    if (this.owner.tag !== 'box') throw new Error('cannot assign through an Rc');
    const old = this.owner.inner;
    this.owner.inner = v;
    this.m.dropValue(old);
    if (this.owner.block) {
      this.m.adopt(v, ownerOf(this.home()));
      this.m.setContent(this.owner.block, toValue(v));
    }
  }
  changed(): void {
    touch(this.m, this.home());
  }
  home(): Home {
    const block = this.owner.tag === 'box' ? this.owner.block : this.owner.cell.block;
    return block ? { kind: 'block', block, container: this.owner } : { kind: 'temp' };
  }
  target(): PlaceRef {
    const block = this.owner.tag === 'box' ? this.owner.block : this.owner.cell.block;
    return block ? { kind: 'block', block, offset: this.owner.tag === 'rc' ? 16 : 0 } : NOWHERE;
  }
  take(): RValue {
    const v = this.get();
    if (this.owner.tag === 'box') this.owner.inner = GONE;
    return v;
  }
}

/**
 * A temporary (an rvalue borrowed for one statement). `temps`/`index`: the statement's list of
 * temporaries that drops it at the `;`, kept in step when a value is moved in or out
 * (`mem::replace(&mut s.clone(), ..)` leaves the new value there to drop).
 */
export class TempLoc implements Loc {
  constructor(public value: RValue, readonly temps?: RValue[], readonly index = -1) {}
  get(): RValue {
    return this.value;
  }
  set(v: RValue): void {
    const old = this.value;
    this.value = v;
    if (this.temps && this.temps[this.index] === old) this.temps[this.index] = v;
  }
  changed(): void {}
  home(): Home {
    return { kind: 'temp' };
  }
  target(): PlaceRef {
    return NOWHERE;
  }
  take(): RValue {
    const v = this.value;
    this.value = GONE;
    if (this.temps && this.temps[this.index] === v) this.temps[this.index] = GONE;
    return v;
  }
}

export function makeRef(ty: Ty, loc: Loc): RefValue {
  return { tag: 'ref', ty, target: loc.target(), loc };
}

/** How engine formatting reads through a reference: our references know their place. */
export const follow: Follow = (r) => (r as RefValue).loc.get();

/** Follows references to the value they reach. */
export function deref(v: RValue): RValue {
  while (v.tag === 'ref') v = (v as RefValue).loc.get();
  return v;
}

/** A bitwise copy of a Copy value (scalars are immutable and shared; aggregates are duplicated). */
export function copyOf(v: RValue): RValue {
  switch (v.tag) {
    case 'tuple':
    case 'array':
      return { ...v, items: v.items.map(copyOf) };
    case 'struct':
    case 'enum':
      return { ...v, fields: v.fields.map(copyOf) };
    default:
      return v;
  }
}

export function textOf(v: RValue): string {
  v = deref(v);
  if (v.tag === 'str' || v.tag === 'string') return v.text;
  if (v.tag === 'box') return textOf(v.inner);
  if (v.tag === 'rc') return textOf(v.cell.inner);
  throw new Error(`expected text, found ${v.tag}`);
}

/** Bytes of a String or &str (what `len()` returns). */
export function textLen(v: RValue): number {
  v = deref(v);
  if (v.tag === 'string') return v.len;
  return utf8Length(textOf(v));
}

/** After a method changed a place in place: a change through a reference or inside a container re-records the owning place. */
export function after(loc: Loc): void {
  if (!(loc instanceof LocalLoc)) loc.changed();
}

export function valueEq(a: RValue, b: RValue): boolean {
  a = deref(a);
  b = deref(b);
  if ((a.tag === 'str' || a.tag === 'string') && (b.tag === 'str' || b.tag === 'string')) return a.text === b.text;
  if (a.tag === 'scalar' && b.tag === 'scalar') return a.v == b.v; // number and bigint compare by value
  if (a.tag === 'unit' && b.tag === 'unit') return true;
  if (a.tag === 'box' && b.tag === 'box') return valueEq(a.inner, b.inner);
  if (a.tag === 'rc' && b.tag === 'rc') return valueEq(a.cell.inner, b.cell.inner);
  // A Vec, an array and a slice compare equal to one another by their elements.
  const seq = (v: RValue) => v.tag === 'vec' || v.tag === 'array';
  if ((seq(a) && seq(b)) || (a.tag === 'tuple' && b.tag === 'tuple')) {
    const x = (a as VecValue).items;
    const y = (b as VecValue).items;
    return x.length === y.length && x.every((item, i) => valueEq(item, y[i]!));
  }
  if ((a.tag === 'struct' || a.tag === 'enum') && (b.tag === 'struct' || b.tag === 'enum')) {
    if (a.tag === 'enum' && b.tag === 'enum' && a.variant !== b.variant) return false;
    return a.fields.every((x, i) => valueEq(x, (b as { fields: RValue[] }).fields[i]!));
  }
  return false;
}

export function valueCmp(a: RValue, b: RValue): number {
  a = deref(a);
  b = deref(b);
  if (a.tag === 'scalar' && b.tag === 'scalar') {
    const x = a.v;
    const y = b.v;
    return x < y ? -1 : x > y ? 1 : x == y ? 0 : NaN;
  }
  if ((a.tag === 'str' || a.tag === 'string') && (b.tag === 'str' || b.tag === 'string')) return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
  return NaN;
}

// ---------------------------------------------------------------- integers

export interface IntInfo {
  name: IntName;
  bits: number;
  signed: boolean;
  min: bigint;
  max: bigint;
  /** The bounds as doubles, clamped to the safely representable range. */
  minN: number;
  maxN: number;
  /** Fits in a double exactly (≤ 32 bits): arithmetic never needs BigInt. */
  small: boolean;
}

export function intInfo(name: IntName): IntInfo {
  const bits = name === 'isize' || name === 'usize' ? 64 : Number(name.slice(1));
  const signed = name[0] === 'i';
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  const clamp = (x: bigint) => Number(x < BigInt(Number.MIN_SAFE_INTEGER) ? BigInt(Number.MIN_SAFE_INTEGER) : x > BigInt(Number.MAX_SAFE_INTEGER) ? BigInt(Number.MAX_SAFE_INTEGER) : x);
  return { name, bits, signed, min, max, minN: clamp(min), maxN: clamp(max), small: bits <= 32 };
}

/** A BigInt result back to a number when it is exact. */
export function norm(x: bigint): number | bigint {
  return x >= -9007199254740991n && x <= 9007199254740991n ? Number(x) : x;
}

export type IntOp = (x: number | bigint, y: number | bigint) => number | bigint;

const OVERFLOW: Record<string, string> = { '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide', '%': 'calculate the remainder', '<<': 'shift left', '>>': 'shift right' };

/** Checked integer arithmetic as a debug build runs it: overflow and division by zero panic. */
export function intOp(op: string, t: IntInfo, line: () => number): IntOp {
  const over = (): never => {
    throw new RustPanic(`attempt to ${OVERFLOW[op]} with overflow`, line());
  };
  const big = (r: bigint): number | bigint => {
    if (r < t.min || r > t.max) over();
    return norm(r);
  };
  const { minN, maxN } = t;
  switch (op) {
    case '+':
      return (x, y) => {
        if (typeof x === 'number' && typeof y === 'number') {
          const r = x + y;
          if (r >= minN && r <= maxN) return r;
          if (t.small) over();
        }
        return big(BigInt(x) + BigInt(y));
      };
    case '-':
      return (x, y) => {
        if (typeof x === 'number' && typeof y === 'number') {
          const r = x - y;
          if (r >= minN && r <= maxN) return r;
          if (t.small) over();
        }
        return big(BigInt(x) - BigInt(y));
      };
    case '*':
      return (x, y) => {
        if (typeof x === 'number' && typeof y === 'number') {
          const r = x * y;
          if (r >= minN && r <= maxN && Number.isSafeInteger(r)) return r;
          if (t.small) over();
        }
        return big(BigInt(x) * BigInt(y));
      };
    case '/':
    case '%': {
      const div = op === '/';
      const zero = div ? 'attempt to divide by zero' : 'attempt to calculate the remainder with a divisor of zero';
      const minX = Number(t.min); // a number operand is a safe integer, so equal only where min is one (≤ 32 bits)
      return (x, y) => {
        if (typeof x === 'number' && typeof y === 'number') {
          if (y === 0) throw new RustPanic(zero, line());
          if (t.signed && y === -1 && x === minX) over();
          if (x >= -2147483648 && x <= 2147483648) return div ? Math.trunc(x / y) : x % y;
          // Exact in doubles below 2^53 too (as BigInt would give it, and so without its -0).
          return (div ? Math.trunc(x / y) : x % y) + 0;
        }
        if (y == 0) throw new RustPanic(zero, line());
        if (t.signed && y == -1 && x == t.min) over();
        return norm(div ? BigInt(x) / BigInt(y) : BigInt(x) % BigInt(y));
      };
    }
    case '&':
    case '|':
    case '^':
      return (x, y) => {
        const a = BigInt(x);
        const b = BigInt(y);
        const r = op === '&' ? a & b : op === '|' ? a | b : a ^ b;
        return norm(t.signed ? BigInt.asIntN(t.bits, r) : BigInt.asUintN(t.bits, r));
      };
    case '<<':
    case '>>':
      return (x, y) => {
        if (y < 0 || y >= t.bits) over();
        const a = BigInt(x);
        const r = op === '<<' ? a << BigInt(y) : a >> BigInt(y);
        return norm(t.signed ? BigInt.asIntN(t.bits, r) : BigInt.asUintN(t.bits, r));
      };
  }
  throw new Error(`unknown integer operator ${op}`);
}

/** `x as T` between integers: truncation to T's width (two's complement). */
export function intCast(x: number | bigint, t: IntInfo): number | bigint {
  if (typeof x === 'number' && x >= t.minN && x <= t.maxN) return x;
  const b = BigInt(x);
  return norm(t.signed ? BigInt.asIntN(t.bits, b) : BigInt.asUintN(t.bits, b));
}

/** `f as T`: saturating, NaN → 0, truncated toward zero. */
export function floatToInt(f: number, t: IntInfo): number | bigint {
  if (Number.isNaN(f)) return 0;
  const x = Math.trunc(f);
  if (x <= Number(t.min)) return norm(t.min);
  if (x >= Number(t.max)) return norm(t.max);
  return Number.isSafeInteger(x) ? x : norm(BigInt(x));
}

