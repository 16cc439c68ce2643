import { formatType } from '../engine/layout/format';
import type { Ty } from '../engine/layout/types';
import { OwnershipError } from '../engine/memory/errors';
import type { Local, RValue, VecValue } from '../engine/memory/rvalue';
import { vecGet, vecSet } from '../engine/std/vec';
import type { Machine } from '../engine/memory/machine';
import { ApiUsageError, callText, countArg, nameArg } from './arguments';
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
  /** `recv.name(args)` through the interpreter's std table (api/std.ts); `call` names it in errors. */
  method(recv: Binding | Owned, name: string, args: Init[], call: string): RValue;
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

  private vec(method: string): VecValue {
    const v = this.read();
    if (v.tag !== 'vec') throw new OwnershipError(`no method named \`${method}\` found for \`${this.typeName}\` (it is a Vec method)`);
    return v;
  }

  /** This call as the cell wrote it, for error messages. */
  private call_text(method: string, args: unknown[]): string {
    return callText(this.name, method, args);
  }

  // ---------- std methods: the interpreter's std table (src/rust/std), by their Rust names ----------

  /**
   * `x.name(args)`: any method the interpreter's std table has for this binding's type (after
   * auto-deref through references, Box, Rc and RefCell guards), e.g. `m.call('contains_key', 1)`,
   * `v.call('sort')`. The result is a temporary (undefined for `()`). Where Rust writes `&k` a
   * cell may pass `k`. A method that changes the value needs `let_mut`, as in Rust.
   */
  call(name: string, ...args: Init[]): Owned | undefined {
    nameArg(this.call_text('call', [name, ...args]), name, 'a method name');
    return this.result(this.std(name, args));
  }

  /** The table's entry for `name`, run on this binding. */
  private std(name: string, args: Init[]): RValue {
    return this.rs.method(this, name, args, this.call_text(name, args));
  }

  /** A result as the cell gets it: `()` is nothing, anything else a temporary. */
  private result(v: RValue): Owned | undefined {
    return v.tag === 'unit' ? undefined : this.rs.temp(v);
  }

  /** A usize or bool result as JavaScript's number or boolean. */
  private scalar(v: RValue): number & boolean {
    return (v.tag === 'scalar' ? (typeof v.v === 'bigint' ? Number(v.v) : v.v) : undefined) as number & boolean;
  }

  /** `x.len()`: bytes of a String or &str, elements of a Vec, array or map. */
  len(): number {
    return this.scalar(this.std('len', []));
  }

  /** `x.capacity()` */
  capacity(): number {
    return this.scalar(this.std('capacity', []));
  }

  /** `x.is_empty()` */
  is_empty(): boolean {
    return this.scalar(this.std('is_empty', []));
  }

  /** `x.clone()`: a deep copy (new heap buffers sized to the length); `Rc`'s clone adds an owner. */
  clone(): Owned {
    const v = this.read();
    if (v.tag === 'struct' || v.tag === 'enum' || v.tag === 'tuple' || v.tag === 'array') {
      // The program's own types (and tuples, arrays) clone field by field, as derive(Clone) does.
      if (v.tag !== 'enum' || (v.name !== 'Option' && v.name !== 'Result')) return this.rs.cloneOf(v);
    }
    return this.result(this.std('clone', []))!;
  }

  /** `x.reserve(n)` */
  reserve(additional: number): void {
    countArg(this.call_text('reserve', [additional]), additional, 'how many more to make room for');
    this.std('reserve', [additional]);
  }

  /** `x.reserve_exact(n)` */
  reserve_exact(additional: number): void {
    countArg(this.call_text('reserve_exact', [additional]), additional, 'how many more to make room for');
    this.std('reserve_exact', [additional]);
  }

  /** `x.shrink_to_fit()` */
  shrink_to_fit(): void {
    this.std('shrink_to_fit', []);
  }

  /** `x.clear()` */
  clear(): void {
    this.std('clear', []);
  }

  // ---------- String ----------

  /** `s.push_str("..")` */
  push_str(text: string | Binding | Owned): void {
    const call = this.call_text('push_str', [text]);
    if (typeof text !== 'string') this.rs.textOf(call, text);
    this.std('push_str', [text]);
  }

  /** `s.as_str()`: a `&str` into this String's buffer. */
  as_str(): Owned {
    return this.result(this.std('as_str', []))!;
  }

  // ---------- Vec (and String::push / pop) ----------

  /** `v.push(x)` for a Vec; `s.push('c')` for a String. */
  push(item: Init): void {
    if (this.read().tag === 'string') {
      if (typeof item !== 'string' || [...item].length !== 1) throw new ApiUsageError(this.call_text('push', [item]), 'one char (a string of one character)', item);
      this.std('push', [this.rs.temp({ tag: 'scalar', ty: { kind: 'char' }, v: item })]);
      return;
    }
    this.std('push', [item]);
  }

  /** `v.pop()`: the last element as a temporary (a String's last char as a string), or undefined for None. */
  pop(): Owned | string | undefined {
    const v = this.std('pop', []) as Extract<RValue, { tag: 'enum' }>;
    const some = v.variant === 'Some' ? v.fields[0]! : undefined;
    if (!some) return undefined;
    if (some.tag === 'scalar' && some.ty.kind === 'char') return String(some.v);
    return this.rs.temp(some);
  }

  /** `v[i]` read for a Vec: the element's JavaScript value. On a map or a Cell, the std method `get`: a temporary. */
  get(index: Init): unknown {
    if (this.read().tag !== 'vec') return this.result(this.std('get', [index]));
    return jsValue(vecGet(this.vec('index'), countArg(this.call_text('get', [index]), index, 'an index')));
  }

  /** `v[i] = x`; on a `Cell`, `c.set(x)`. */
  set(value: Init): void;
  set(index: number, item: Init): void;
  set(index: Init, item?: Init): void {
    if (item === undefined && this.read().tag === 'struct') {
      this.std('set', [index]);
      return;
    }
    const call = this.call_text('set', [index, item]);
    countArg(call, index, 'an index');
    this.rs.begin([item]);
    this.requireMut('borrow');
    const vec = this.vec('index');
    const value = this.rs.take(item as Init, vec.elem, call);
    checkElem(vec, value);
    vecSet(this.rs.machine, vec, index as number, value);
  }

  /** `v.insert(i, x)` for a Vec; `m.insert(k, v)` for a HashMap (the old value, as an Option); `s.insert(x)` for a HashSet. */
  insert(index: Init, item?: Init): Owned | undefined {
    const args = item === undefined ? [index] : [index, item];
    if (this.read().tag === 'vec') countArg(this.call_text('insert', args), index, 'an index');
    return this.result(this.std('insert', args));
  }

  /** `v.remove(i)` for a Vec (the element); `m.remove(k)` for a HashMap (an Option) or HashSet (a bool). */
  remove(index: Init): Owned {
    if (this.read().tag === 'vec') countArg(this.call_text('remove', [index]), index, 'an index');
    return this.result(this.std('remove', [index]))!;
  }

  /** `v.truncate(n)` */
  truncate(len: number): void {
    countArg(this.call_text('truncate', [len]), len, 'a length');
    this.std('truncate', [len]);
  }

  /** `x.contains(&y)`: on a Vec, slice or HashSet; `s.contains("..")` on text. */
  contains(item: Init): boolean {
    return this.scalar(this.std('contains', [item]));
  }

  // ---------- HashMap / HashSet ----------

  /** `m.contains_key(&k)` */
  contains_key(key: Init): boolean {
    return this.scalar(this.std('contains_key', [key]));
  }

  // ---------- Cell, RefCell, Weak ----------

  /** `c.borrow()`: a `Ref` guard; the RefCell's borrow flag counts it until it is dropped. */
  borrow(): Owned {
    return this.result(this.std('borrow', []))!;
  }

  /** `c.borrow_mut()`: a `RefMut` guard (flag -1); a second borrow while it lives panics, as std's does. */
  borrow_mut(): Owned {
    return this.result(this.std('borrow_mut', []))!;
  }

  /** `w.upgrade()`: `Some(Rc)` while a strong owner is left, else `None`. */
  upgrade(): Owned {
    return this.result(this.std('upgrade', []))!;
  }

  // ---------- scalars ----------

  /** `x = value` (the old value is dropped). */
  assign(value: Init): void {
    this.rs.begin([value]);
    this.requireMut('assign twice to immutable variable');
    const current = this.local.value;
    const next = this.rs.take(value, this.local.ty, this.call_text('assign', [value]));
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
