import { formatType } from '../engine/layout/format';
import { utf8Length } from '../engine/memory/to-value';
import type { Ty } from '../engine/layout/types';
import { OwnershipError } from '../engine/memory/errors';
import type { Home, Local, RValue, StringValue, VecValue } from '../engine/memory/rvalue';
import {
  pushChar, pushStr, stringClear, stringPop, stringReserve, stringReserveExact, stringShrinkToFit,
} from '../engine/std/string';
import {
  vecClear, vecGet, vecInsert, vecPop, vecPush, vecRemove, vecReserve, vecReserveExact, vecSet, vecShrinkToFit, vecTruncate,
} from '../engine/std/vec';
import type { Machine } from '../engine/memory/machine';
import { ApiUsageError, callText, countArg } from './arguments';
import { jsValue, type Owned } from './values';

/** What a cell can hand to `let`, a call or a push: a temporary, a binding (moved or copied), or a JS literal. */
export type Init = Owned | Binding | number | bigint | boolean | string;

/**
 * The part of a running notebook program that a binding's methods call: statements begin
 * (dropping stale temporaries), arguments are taken or peeked, results become temporaries.
 * `Rust` (program.ts) implements it; binding.ts names only this, so the import runs one way.
 */
export interface Program {
  readonly machine: Machine;
  begin(using: unknown[]): void;
  /** `call` names the call in an error about the argument: `v.push(300)`. */
  take(x: Init, ty?: Ty, call?: string): RValue;
  peek(x: Init, call?: string): RValue;
  /** The text of a string, `&str` or String argument; anything else is an ApiUsageError naming `call`. */
  textOf(call: string, x: unknown): string;
  temp(value: RValue): Owned;
  cloneOf(value: RValue): Owned;
}

/**
 * A `let` binding in a notebook program: a local of the running frame, with a name. Its methods are the
 * std methods a course uses, named as in Rust (`push_str`, `shrink_to_fit`), so a cell
 * reads like the Rust it models.
 */
export class Binding {
  constructor(
    private readonly rs: Program,
    /** @internal */ readonly local: Local,
    private readonly mutable: boolean,
  ) {}

  get name(): string {
    return this.local.name;
  }

  get ty(): Ty {
    return this.local.ty;
  }

  get typeName(): string {
    return formatType(this.local.ty);
  }

  /** Stack address of the local. */
  get address(): number {
    return this.local.address;
  }

  /** The value as JavaScript sees it (number, string, array…). */
  get value(): unknown {
    return jsValue(this.read());
  }

  /** @internal */
  read(): RValue {
    return this.rs.machine.read(this.local);
  }

  /** @internal rustc's E0596 for a mutation through a binding declared without `mut`. */
  requireMut(action: string): void {
    if (!this.mutable) {
      throw new OwnershipError(`cannot ${action} \`${this.name}\` as mutable, as it is not declared as mutable (use let_mut)`, this.rs.machine.line);
    }
  }

  private get home(): Home {
    return { kind: 'local', local: this.local };
  }

  private string(method: string): StringValue {
    const v = this.read();
    if (v.tag !== 'string') throw new OwnershipError(`no method named \`${method}\` found for \`${this.typeName}\` (it is a String method)`);
    return v;
  }

  private vec(method: string): VecValue {
    const v = this.read();
    if (v.tag !== 'vec') throw new OwnershipError(`no method named \`${method}\` found for \`${this.typeName}\` (it is a Vec method)`);
    return v;
  }

  /** This call as the cell wrote it, for error messages. */
  private call(method: string, args: unknown[]): string {
    return callText(this.name, method, args);
  }

  /** A mutating method starts a statement and needs `let_mut`. */
  private mutate(): void {
    this.rs.begin([]);
    this.requireMut('borrow');
  }

  // ---------- shared by String and Vec ----------

  /** `x.len()`: bytes of a String, elements of a Vec. */
  len(): number {
    const v = this.read();
    if (v.tag === 'string' || v.tag === 'vec') return v.len;
    if (v.tag === 'str') return utf8Length(v.text);
    if (v.tag === 'array') return v.items.length;
    throw new OwnershipError(`no method named \`len\` found for \`${this.typeName}\``);
  }

  /** `x.capacity()` */
  capacity(): number {
    const v = this.read();
    if (v.tag === 'string' || v.tag === 'vec') return v.cap;
    throw new OwnershipError(`no method named \`capacity\` found for \`${this.typeName}\``);
  }

  /** `x.is_empty()` */
  is_empty(): boolean {
    return this.len() === 0;
  }

  /** `x.clone()`: a deep copy (new heap buffers sized to the length). */
  clone(): Owned {
    return this.rs.cloneOf(this.read());
  }

  /** `x.reserve(n)` */
  reserve(additional: number): void {
    countArg(this.call('reserve', [additional]), additional, 'how many more to make room for');
    this.mutate();
    const v = this.read();
    if (v.tag === 'string') stringReserve(this.rs.machine, v, additional, this.home);
    else vecReserve(this.rs.machine, this.vec('reserve'), additional, this.home);
  }

  /** `x.reserve_exact(n)` */
  reserve_exact(additional: number): void {
    countArg(this.call('reserve_exact', [additional]), additional, 'how many more to make room for');
    this.mutate();
    const v = this.read();
    if (v.tag === 'string') stringReserveExact(this.rs.machine, v, additional, this.home);
    else vecReserveExact(this.rs.machine, this.vec('reserve_exact'), additional, this.home);
  }

  /** `x.shrink_to_fit()` */
  shrink_to_fit(): void {
    this.mutate();
    const v = this.read();
    if (v.tag === 'string') stringShrinkToFit(this.rs.machine, v, this.home);
    else vecShrinkToFit(this.rs.machine, this.vec('shrink_to_fit'), this.home);
  }

  /** `x.clear()` */
  clear(): void {
    this.mutate();
    const v = this.read();
    if (v.tag === 'string') stringClear(this.rs.machine, v, this.home);
    else vecClear(this.rs.machine, this.vec('clear'), this.home);
  }

  // ---------- String ----------

  /** `s.push_str("..")` */
  push_str(text: string | Binding | Owned): void {
    const call = this.call('push_str', [text]);
    const add = typeof text === 'string' ? text : this.rs.textOf(call, text);
    this.mutate();
    const s = this.string('push_str');
    if (typeof text === 'string') this.rs.machine.literal(text);
    pushStr(this.rs.machine, s, add, this.home);
  }

  /** `s.as_str()`: a `&str` into this String's buffer. */
  as_str(): Owned {
    const s = this.string('as_str');
    return this.rs.temp({
      tag: 'str', ty: { kind: 'ref', mutable: false, to: { kind: 'str' } }, text: s.text,
      target: s.buf ? { kind: 'block', block: s.buf, offset: 0 } : null,
    });
  }

  // ---------- Vec (and String::push / pop) ----------

  /** `v.push(x)` for a Vec; `s.push('c')` for a String. */
  push(item: Init): void {
    this.rs.begin([item]);
    this.requireMut('borrow');
    const v = this.read();
    if (v.tag === 'string') {
      if (typeof item !== 'string' || [...item].length !== 1) throw new ApiUsageError(this.call('push', [item]), 'one char (a string of one character)', item);
      pushChar(this.rs.machine, v, item, this.home);
      return;
    }
    const vec = this.vec('push');
    const value = this.rs.take(item, vec.elem, this.call('push', [item]));
    checkElem(vec, value);
    vecPush(this.rs.machine, vec, value, this.home);
  }

  /** `v.pop()`: the last element as a temporary (or undefined for None). An expression: it drops no temporaries. */
  pop(): Owned | string | undefined {
    this.requireMut('borrow');
    const v = this.read();
    if (v.tag === 'string') return stringPop(this.rs.machine, v, this.home) ?? undefined;
    const item = vecPop(this.rs.machine, this.vec('pop'), this.home);
    return item ? this.rs.temp(item) : undefined;
  }

  /** `v[i]` read: the element's JavaScript value. */
  get(index: number): unknown {
    return jsValue(vecGet(this.vec('index'), countArg(this.call('get', [index]), index, 'an index')));
  }

  /** `v[i] = x` */
  set(index: number, item: Init): void {
    const call = this.call('set', [index, item]);
    countArg(call, index, 'an index');
    this.rs.begin([item]);
    this.requireMut('borrow');
    const vec = this.vec('index');
    const value = this.rs.take(item, vec.elem, call);
    checkElem(vec, value);
    vecSet(this.rs.machine, vec, index, value);
  }

  /** `v.insert(i, x)` */
  insert(index: number, item: Init): void {
    const call = this.call('insert', [index, item]);
    countArg(call, index, 'an index');
    this.rs.begin([item]);
    this.requireMut('borrow');
    const vec = this.vec('insert');
    const value = this.rs.take(item, vec.elem, call);
    checkElem(vec, value);
    vecInsert(this.rs.machine, vec, index, value, this.home);
  }

  /** `v.remove(i)` */
  remove(index: number): Owned {
    countArg(this.call('remove', [index]), index, 'an index');
    this.requireMut('borrow');
    return this.rs.temp(vecRemove(this.rs.machine, this.vec('remove'), index, this.home));
  }

  /** `v.truncate(n)` */
  truncate(len: number): void {
    countArg(this.call('truncate', [len]), len, 'a length');
    this.mutate();
    vecTruncate(this.rs.machine, this.vec('truncate'), len, this.home);
  }

  // ---------- scalars ----------

  /** `x = value` (the old value is dropped). */
  assign(value: Init): void {
    this.rs.begin([value]);
    this.requireMut('assign twice to immutable variable');
    const current = this.local.value;
    const next = this.rs.take(value, this.local.ty, this.call('assign', [value]));
    if (current && formatType(current.ty) !== formatType(next.ty)) {
      throw new OwnershipError(`mismatched types: expected \`${formatType(current.ty)}\`, found \`${formatType(next.ty)}\``);
    }
    this.rs.machine.assign(this.local, next);
  }
}

function checkElem(vec: VecValue, value: RValue): void {
  const expected = formatType(vec.elem);
  const found = formatType(value.ty);
  if (expected !== found) throw new OwnershipError(`mismatched types: expected \`${expected}\`, found \`${found}\``);
}
