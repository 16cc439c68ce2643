import { parseType } from '../engine/layout/parse';
import { parseTypeDecls } from '../engine/layout/parse';
import { registryOf } from '../engine/layout/layout';
import type { AdtDef, Ty } from '../engine/layout/types';
import { AllocError, CapacityOverflowError, OwnershipError, StackOverflowError } from '../engine/memory/errors';
import { Machine, type MachineOptions } from '../engine/memory/machine';
import { cloneValue, isCopy } from '../engine/std/clone';
import { formatToString, inlineLiterals, parseFormat, renderFormat, type FormatSpec } from '../engine/std/fmt';
import type { Local, RValue } from '../engine/memory/rvalue';
import { vecMacro } from '../engine/std/vec';
import type { Timeline } from '../engine/timeline/timeline';
import { RustPanic } from '../rust/errors';
import { LocalLoc, makeRef } from '../rust/run/values';
import {
  ApiUsageError, arrayArg, callText, countArg, floatArg, functionArg, intArg, nameArg, objectArg, textArg, typeArg,
} from './arguments';
import { Binding, type Init, type Program } from './binding';
import { StdCalls } from './std';
import { isOwned, Owned } from './values';

export type { Init };

export interface ProgramOptions extends Omit<MachineOptions, 'registry'> {
  /** `struct`/`enum` declarations in Rust syntax, e.g. `struct Point { x: i32, y: i32 }`. */
  types?: string;
}

/** A program run that stopped with an error keeps the timeline up to that point. */
export class ProgramError extends Error {
  constructor(message: string, readonly timeline: Timeline, readonly error?: unknown) {
    super(message);
    this.name = 'ProgramError';
  }
}

function tyOf(ty: Ty | string, call = 'a type'): Ty {
  return typeArg(call, ty, parseType);
}

const MAX_REPEAT = 8 * 1024 * 1024;

const rsCall = (method: string, args: unknown[]): string => callText('rs', method, args);

/**
 * The notebook API: a Rust program written as TypeScript calls that read like the Rust
 * they model. Every call records what it does to the static data, the stack and the heap.
 *
 *   const timeline = rustProgram((rs) => rs.main(() => {
 *     const s = rs.let_mut('s', rs.String.from('hello'));   // let mut s = String::from("hello");
 *     s.push_str(', world');                                // s.push_str(", world");
 *   }));
 */
export class Rust implements Program {
  /**
   * Temporaries not yet moved anywhere, with the call depth that made them. A statement
   * (let, a mutating method, println, drop, a scope's end) first drops the ones its own frame
   * left behind, as Rust drops temporaries at the end of the statement that made them;
   * expressions (constructors, clone, calls) never do, so nested temporaries survive.
   */
  private pending: Array<{ owned: Owned; depth: number }> = [];
  private readonly adts: Map<string, AdtDef>;
  /** std as the interpreter runs it: every method and associated function below goes through its table. */
  private readonly std: StdCalls;

  constructor(readonly machine: Machine, adts: AdtDef[]) {
    this.adts = new Map(adts.map((d) => [d.name, d]));
    this.std = new StdCalls(this);
  }

  // ---------- statements ----------

  /** `fn main() { body }`: runs it now. */
  main(body: () => void): void {
    functionArg('rs.main(body)', body, 'the body of main as a function: rs.main(() => { … })');
    this.fn('main', [], body)();
  }

  /**
   * `fn name(params) { body }`: returns a function that, when called, evaluates its
   * arguments in the caller, pushes a frame, binds the parameters and runs `body`.
   */
  fn(name: string, params: string[], body: (...args: Binding[]) => Init | void): (...args: Init[]) => Owned | undefined {
    const call = rsCall('fn', [name, params, body]);
    nameArg(call, name, 'the function\'s name');
    arrayArg(call, params, 'its parameters\' names as an array').forEach((p) => nameArg(call, p, 'a parameter name'));
    functionArg(call, body, 'the body as a function of the parameters');
    return (...args: Init[]) => {
      if (args.length !== params.length) {
        throw new OwnershipError(`this function takes ${params.length} argument(s) but ${args.length} were supplied (calling \`${name}\`)`);
      }
      const values = args.map((a) => this.take(a, undefined, `${name}(…)`));
      const m = this.machine;
      m.pushFrame(name);
      const bound = values.map((v, i) => new Binding(this, m.bind(params[i]!, v.ty, v), false));
      const result = body(...bound);
      const returned = result === undefined ? undefined : this.take(result as Init, undefined, `the return value of ${name}`);
      this.begin([]);
      m.popFrame();
      return returned && returned.tag !== 'unit' ? this.temp(returned) : undefined;
    };
  }

  /** `let name = init;` */
  let(name: string, init: Init, ty?: Ty | string): Binding {
    return this.bindLocal(name, init, ty, false);
  }

  /** `let mut name = init;` */
  let_mut(name: string, init: Init, ty?: Ty | string): Binding {
    return this.bindLocal(name, init, ty, true);
  }

  /** `{ body }`: locals declared inside are dropped at its end, in reverse order. */
  scope(body: () => void): void {
    functionArg('rs.scope(body)', body, 'the block\'s body as a function');
    this.begin([]);
    this.machine.openScope();
    body();
    this.begin([]);
    this.machine.closeScope();
  }

  /** `drop(x)`: moves x into drop, which frees what it owns now. */
  drop(x: Init): void {
    this.begin([x]);
    const value = this.take(x, undefined, rsCall('drop', [x]));
    this.machine.dropValue(value);
  }

  /** `println!("x = {}, v = {:?}", x, v)`: the output is recorded with the timeline. */
  println(template = '', ...args: Init[]): void {
    this.begin(args);
    const { spec, values } = this.formatArgs(template, args, 'println');
    this.machine.print(`${renderFormat(spec, values).join('')}\n`);
  }

  /** `format!(..)`: a new String, grown by std's writes as rustc's build grows it. */
  format(template: string, ...args: Init[]): Owned {
    const { spec, values } = this.formatArgs(template, args, 'format');
    return this.temp(formatToString(this.machine, spec, values));
  }

  /** A JS string or integer stands for a Rust literal, which rustc folds into the template; the rest are read, not moved. */
  private formatArgs(template: string, args: Init[], method: string): { spec: FormatSpec; values: RValue[] } {
    const call = rsCall(method, [template, ...args]);
    textArg(call, template, 'a format string such as "{} and {:?}"');
    const literal = (x: Init | undefined) => (typeof x === 'string' || typeof x === 'bigint' || (typeof x === 'number' && Number.isInteger(x)) ? String(x) : undefined);
    const parsed = parseFormat(template);
    if (args.length !== parsed.holes.length) throw new OwnershipError(`${parsed.holes.length} positional argument(s) in format string, but ${args.length} given`);
    const { spec, kept } = inlineLiterals(parsed, (i) => literal(args[i]));
    return { spec, values: kept.map((i) => this.peek(args[i]!, call)) };
  }

  /** Source line for the following events (to tie them to Rust code shown beside the cell). */
  line(n: number): void {
    this.machine.line = countArg(rsCall('line', [n]), n, 'a source line number');
  }

  /** A label on the timeline, shown by the diagram at this step. */
  note(text: string): void {
    this.machine.note(textArg(rsCall('note', [text]), text, 'the note\'s text'));
  }

  // ---------- values ----------

  i8 = (v: number) => this.int('i8', v);
  i16 = (v: number) => this.int('i16', v);
  i32 = (v: number) => this.int('i32', v);
  i64 = (v: number | bigint) => this.int('i64', v);
  u8 = (v: number) => this.int('u8', v);
  u16 = (v: number) => this.int('u16', v);
  u32 = (v: number) => this.int('u32', v);
  u64 = (v: number | bigint) => this.int('u64', v);
  usize = (v: number) => this.int('usize', v);
  isize = (v: number) => this.int('isize', v);
  f32 = (v: number): Owned => this.temp({ tag: 'scalar', ty: { kind: 'float', name: 'f32' }, v: floatArg(rsCall('f32', [v]), v) });
  f64 = (v: number): Owned => this.temp({ tag: 'scalar', ty: { kind: 'float', name: 'f64' }, v: floatArg(rsCall('f64', [v]), v) });
  char = (v: string): Owned => {
    if (typeof v !== 'string' || [...v].length !== 1) throw new ApiUsageError(rsCall('char', [v]), 'a string of exactly one character (a char)', v);
    return this.temp({ tag: 'scalar', ty: { kind: 'char' }, v });
  };
  /** A string literal: `&'static str` pointing into static data. */
  str = (text: string): Owned => this.temp(this.literal(textArg(rsCall('str', [text]), text)));

  /** `()` */
  unit = (): Owned => this.temp({ tag: 'unit', ty: { kind: 'unit' } });

  /** An array literal `[a, b, c]` of element type `elem`. */
  array(elem: Ty | string, items: Init[]): Owned {
    const call = rsCall('array', [elem, items]);
    const ty = tyOf(elem, call);
    const values = arrayArg(call, items, 'the elements as an array').map((i) => this.take(i as Init, ty, call));
    return this.temp({ tag: 'array', ty: { kind: 'array', elem: ty, len: values.length }, items: values });
  }

  /** `[value; n]` for a Copy value. */
  repeat(elem: Ty | string, value: number | boolean, n: number): Owned {
    const call = rsCall('repeat', [elem, value, n]);
    const ty = tyOf(elem, call);
    if (typeof value !== 'number' && typeof value !== 'boolean' && typeof value !== 'bigint') throw new ApiUsageError(call, 'a number or a boolean to repeat (a Copy value)', value);
    // An array lives on the stack: past the default stack's bytes it cannot exist, and would only exhaust this process.
    if (countArg(call, n, 'how many times to repeat it') > MAX_REPEAT) throw new ApiUsageError(call, `at most ${MAX_REPEAT} elements (an array lives on the stack)`, n);
    const item = this.literalValue(value, ty, call);
    return this.temp({ tag: 'array', ty: { kind: 'array', elem: ty, len: n }, items: Array.from({ length: n }, () => ({ ...item })) });
  }

  /** `&x` */
  ref(x: Binding): Owned {
    bindingArg(rsCall('ref', [x]), x);
    return this.temp(makeRef({ kind: 'ref', mutable: false, to: x.ty }, new LocalLoc(this.machine, x.local)));
  }

  /** `&mut x` */
  ref_mut(x: Binding): Owned {
    bindingArg(rsCall('ref_mut', [x]), x);
    x.requireMut('borrow');
    return this.temp(makeRef({ kind: 'ref', mutable: true, to: x.ty }, new LocalLoc(this.machine, x.local)));
  }

  /** A struct literal: `Point { x: 1, y: 2 }` (declare the struct with the `types` option). */
  struct(name: string, fields: Record<string, Init>): Owned {
    const call = rsCall('struct', [name, fields]);
    textArg(call, name, 'the struct\'s name');
    objectArg(call, fields, 'its fields as an object such as { x: 1, y: 2 }');
    const def = this.adts.get(name);
    if (!def || def.kind !== 'struct') throw new OwnershipError(`cannot find struct \`${name}\`; declare it in the program's \`types\` option`);
    const names = def.fields.map((f) => f.name);
    for (const given of Object.keys(fields)) {
      if (!names.includes(given)) throw new OwnershipError(`struct \`${name}\` has no field named \`${given}\``);
    }
    const values = def.fields.map((f) => {
      if (!(f.name in fields)) throw new OwnershipError(`missing field \`${f.name}\` in initializer of \`${name}\``);
      return this.take(fields[f.name]!, f.ty, `${call} field ${f.name}`);
    });
    return this.temp({ tag: 'struct', ty: { kind: 'adt', name }, name, fieldNames: names, fields: values });
  }

  readonly String = {
    /** `String::new()` */
    new: (): Owned => this.temp(this.std.fn('String::new', [], undefined, rsCall('String.new', []))),
    /** `String::from("..")` */
    from: (text: string | Binding | Owned): Owned => {
      const call = rsCall('String.from', [text]);
      if (typeof text !== 'string') this.textOf(call, text);
      return this.temp(this.std.fn('String::from', [text], undefined, call));
    },
    /** `String::with_capacity(n)` */
    with_capacity: (n: number): Owned => {
      const call = rsCall('String.with_capacity', [n]);
      return this.temp(this.std.fn('String::with_capacity', [countArg(call, n, 'a capacity in bytes')], undefined, call));
    },
  };

  readonly Vec = {
    /** `Vec::<T>::new()` */
    new: (elem: Ty | string): Owned => {
      const call = rsCall('Vec.new', [elem]);
      return this.temp(this.std.fn('Vec::new', [], { kind: 'vec', elem: tyOf(elem, call) }, call));
    },
    /** `Vec::<T>::with_capacity(n)` */
    with_capacity: (elem: Ty | string, n: number): Owned => {
      const call = rsCall('Vec.with_capacity', [elem, n]);
      const ty = tyOf(elem, call);
      return this.temp(this.std.fn('Vec::with_capacity', [countArg(call, n, 'a capacity in elements')], { kind: 'vec', elem: ty }, call));
    },
  };

  /**
   * `vec![a, b, c]` with element type `elem`. rustc allocates the buffer before it evaluates
   * the elements: pass an element as a function (`() => rs.String.from('a')`) to have it
   * evaluated after the allocation, in that order; plain values were evaluated already.
   */
  vec(elem: Ty | string, items: Array<Init | (() => Init)>): Owned {
    const call = rsCall('vec', [elem, items]);
    const ty = tyOf(elem, call);
    arrayArg(call, items, 'the elements as an array');
    return this.temp(vecMacro(this.machine, ty, items.length, (i) => {
      const item = items[i]!;
      return this.take(typeof item === 'function' ? item() : item, ty, call);
    }));
  }

  readonly Box = {
    /** `Box::new(x)` */
    new: (x: Init): Owned => this.temp(this.std.fn('Box::new', [x], undefined, rsCall('Box.new', [x]))),
  };

  readonly Rc = {
    /** `Rc::new(x)` */
    new: (x: Init): Owned => this.temp(this.std.fn('Rc::new', [x], undefined, rsCall('Rc.new', [x]))),
    /** `Rc::clone(&rc)` */
    clone: (rc: Binding): Owned => {
      const call = rsCall('Rc.clone', [rc]);
      return this.temp(this.std.fn('Rc::clone', [this.ref(bindingArg(call, rc))], undefined, call));
    },
    /** `Rc::strong_count(&rc)` */
    strong_count: (rc: Binding): number => {
      const call = rsCall('Rc.strong_count', [rc]);
      return countOf(this.std.fn('Rc::strong_count', [this.ref(bindingArg(call, rc))], undefined, call));
    },
    /** `Rc::weak_count(&rc)` */
    weak_count: (rc: Binding): number => {
      const call = rsCall('Rc.weak_count', [rc]);
      return countOf(this.std.fn('Rc::weak_count', [this.ref(bindingArg(call, rc))], undefined, call));
    },
    /** `Rc::downgrade(&rc)`: a `Weak` (the weak count goes up; the value stays until the last strong owner goes). */
    downgrade: (rc: Binding): Owned => {
      const call = rsCall('Rc.downgrade', [rc]);
      return this.temp(this.std.fn('Rc::downgrade', [this.ref(bindingArg(call, rc))], undefined, call));
    },
  };

  readonly Weak = {
    /** `Weak::<T>::new()`: no value behind it; `upgrade()` gives None. */
    new: (elem: Ty | string): Owned => {
      const call = rsCall('Weak.new', [elem]);
      return this.temp(this.std.fn('Weak::new', [], { kind: 'std', name: 'Weak', args: [tyOf(elem, call)] }, call));
    },
  };

  readonly Cell = {
    /** `Cell::new(x)` */
    new: (x: Init): Owned => this.temp(this.std.fn('Cell::new', [x], undefined, rsCall('Cell.new', [x]))),
  };

  readonly RefCell = {
    /** `RefCell::new(x)`: the value with its borrow flag beside it (0: not borrowed). */
    new: (x: Init): Owned => this.temp(this.std.fn('RefCell::new', [x], undefined, rsCall('RefCell.new', [x]))),
  };

  readonly HashMap = {
    /** `HashMap::<K, V>::new()`: no table until the first insert. */
    new: (key: Ty | string, value: Ty | string): Owned => {
      const call = rsCall('HashMap.new', [key, value]);
      return this.temp(this.std.fn('HashMap::new', [], mapTy('HashMap', [tyOf(key, call), tyOf(value, call)]), call));
    },
    /** `HashMap::<K, V>::with_capacity(n)` */
    with_capacity: (key: Ty | string, value: Ty | string, n: number): Owned => {
      const call = rsCall('HashMap.with_capacity', [key, value, n]);
      return this.temp(this.std.fn('HashMap::with_capacity', [countArg(call, n, 'a capacity in entries')], mapTy('HashMap', [tyOf(key, call), tyOf(value, call)]), call));
    },
  };

  readonly HashSet = {
    /** `HashSet::<T>::new()` */
    new: (elem: Ty | string): Owned => {
      const call = rsCall('HashSet.new', [elem]);
      return this.temp(this.std.fn('HashSet::new', [], mapTy('HashSet', [tyOf(elem, call)]), call));
    },
    /** `HashSet::<T>::with_capacity(n)` */
    with_capacity: (elem: Ty | string, n: number): Owned => {
      const call = rsCall('HashSet.with_capacity', [elem, n]);
      return this.temp(this.std.fn('HashSet::with_capacity', [countArg(call, n, 'a capacity in entries')], mapTy('HashSet', [tyOf(elem, call)]), call));
    },
  };

  readonly mem = {
    /** `std::mem::swap(&mut a, &mut b)` */
    swap: (a: Init, b: Init): void => {
      this.begin([a, b]);
      this.std.fn('mem::swap', [a, b], undefined, rsCall('mem.swap', [a, b]));
    },
    /** `std::mem::replace(&mut dest, value)`: the old value. */
    replace: (dest: Init, value: Init): Owned => this.temp(this.std.fn('mem::replace', [dest, value], undefined, rsCall('mem.replace', [dest, value]))),
    /** `std::mem::take(&mut dest)`: the old value, leaving the type's default. */
    take: (dest: Init): Owned => this.temp(this.std.fn('mem::take', [dest], undefined, rsCall('mem.take', [dest]))),
  };

  /**
   * `Path::name(args)` for any associated function of the interpreter's std table (`"Rc::new"`,
   * `"String::from"`, `"mem::replace"`, …); `type` fixes what the call's types leave open (the
   * result's type, e.g. `"HashMap<u64, String>"`). The result is a temporary (undefined for `()`).
   */
  call(path: string, args: Init[] = [], type?: Ty | string): Owned | undefined {
    const call = rsCall('call', [path, args, ...(type === undefined ? [] : [type])]);
    textArg(call, path, 'a std path such as "Rc::new"');
    arrayArg(call, args, 'the arguments as an array');
    const v = this.std.fn(path, args, type === undefined ? undefined : tyOf(type, call), call);
    return v.tag === 'unit' ? undefined : this.temp(v);
  }

  // ---------- plumbing used by Binding ----------

  /** @internal */
  temp(value: RValue): Owned {
    const owned = new Owned(value);
    this.pending.push({ owned, depth: this.machine.depth });
    return owned;
  }

  /** @internal A statement starts: drop this frame's leftover temporaries, except those the statement uses. */
  begin(using: unknown[]): void {
    if (!this.pending.length) return;
    const depth = this.machine.depth;
    const keep: typeof this.pending = [];
    const stale: Owned[] = [];
    for (const p of this.pending) {
      if (p.owned.consumed) continue;
      if (p.depth === depth && !using.includes(p.owned)) stale.push(p.owned);
      else keep.push(p);
    }
    this.pending = keep;
    for (let i = stale.length - 1; i >= 0; i--) {
      stale[i]!.consumed = true;
      this.machine.dropValue(stale[i]!.value);
    }
  }

  /** @internal Takes ownership of an argument: a temporary is consumed, a binding moved (or copied when Copy). */
  take(x: Init, ty?: Ty, call = 'a value'): RValue {
    if (isOwned(x)) {
      if (x.consumed) throw new OwnershipError('this temporary value was already moved');
      x.consumed = true;
      this.pending = this.pending.filter((p) => p.owned !== x);
      return x.value;
    }
    if (x instanceof Binding) {
      const v = x.read();
      if (isCopy(v)) return { ...v };
      return this.machine.moveOut(x.local);
    }
    return this.literalValue(x, ty, call);
  }

  /** @internal Reads an argument without taking it (for formatting). */
  peek(x: Init | Binding | Owned, call = 'a value'): RValue {
    if (isOwned(x)) return x.value;
    if (x instanceof Binding) return x.read();
    return this.literalValue(x, undefined, call);
  }

  /** @internal The text of a `&str` or String argument (String::from, push_str). */
  textOf(call: string, x: unknown): string {
    const v = isOwned(x) || x instanceof Binding ? this.peek(x, call) : undefined;
    if (!v || (v.tag !== 'str' && v.tag !== 'string')) throw new ApiUsageError(call, 'text: a string, a &str or a String', x);
    return v.text;
  }

  /** @internal */
  cloneOf(v: RValue): Owned {
    return this.temp(cloneValue(this.machine, v));
  }

  /** @internal */
  method(recv: Binding | Owned, name: string, args: Init[], call: string): RValue {
    return this.std.method(recv, name, args, call);
  }

  /** A JavaScript literal as the Rust value it stands for; anything else is refused, naming the call. */
  private literalValue(x: unknown, ty: Ty | undefined, call: string): RValue {
    if (typeof x === 'boolean') return { tag: 'scalar', ty: { kind: 'bool' }, v: x };
    if (typeof x === 'string') return this.literal(x);
    if (typeof x !== 'number' && typeof x !== 'bigint') {
      throw new ApiUsageError(call, 'a value: a temporary (rs.String.from(…), …), a binding, a number, a bigint, a boolean or a string', x);
    }
    if (ty && ty.kind === 'float') return { tag: 'scalar', ty, v: floatArg(call, Number(x)) };
    if (ty && ty.kind === 'int') return { tag: 'scalar', ty, v: intArg(call, x, ty.name) };
    if (typeof x === 'number' && !Number.isInteger(x)) return { tag: 'scalar', ty: { kind: 'float', name: 'f64' }, v: floatArg(call, x) };
    return { tag: 'scalar', ty: { kind: 'int', name: 'i32' }, v: intArg(call, x, 'i32') };
  }

  private literal(text: string): RValue {
    const item = this.machine.literal(text);
    return { tag: 'str', ty: { kind: 'ref', mutable: false, to: { kind: 'str' } }, text, target: { kind: 'static', item } };
  }

  private useLiteral(text: string): string {
    this.machine.literal(text);
    return text;
  }

  private int(name: string, v: number | bigint): Owned {
    return this.temp({ tag: 'scalar', ty: parseType(name), v: intArg(rsCall(name, [v]), v, name) });
  }

  private bindLocal(name: string, init: Init, ty: Ty | string | undefined, mutable: boolean): Binding {
    const call = rsCall(mutable ? 'let_mut' : 'let', ty === undefined ? [name, init] : [name, init, ty]);
    nameArg(call, name, 'the local\'s name');
    this.begin([init]);
    const declared = ty === undefined ? undefined : tyOf(ty, call);
    const value = this.take(init, declared, call);
    const local: Local = this.machine.bind(name, declared ?? value.ty, value);
    return new Binding(this, local, mutable);
  }
}

/**
 * Runs a program written with the notebook API and returns its timeline. A stack
 * overflow or failed allocation ends the run the way Rust's would and is kept in the
 * timeline (`meta.ended`); a modelling error (use after move, …) throws a
 * ProgramError that carries the timeline recorded so far.
 */
export function rustProgram(body: (rs: Rust) => void, options: ProgramOptions = {}): Timeline {
  functionArg('rustProgram(body)', body, 'the program as a function: rustProgram((rs) => rs.main(() => { … }))');
  checkOptions(objectArg('rustProgram(body, options)', options, 'an options object'));
  const adts = options.types ? parseTypeDecls(options.types) : [];
  const machine = new Machine({ ...options, registry: registryOf(adts) });
  const rs = new Rust(machine, adts);
  try {
    body(rs);
    rs.begin([]);
  } catch (err) {
    if (err instanceof StackOverflowError || err instanceof AllocError) {
      machine.end(err.message.split('\n')[0]!);
      return machine.finish();
    }
    // std panicked (a RefCell borrowed twice, a map's missing key): the run ends there, as the interpreter's does.
    const panic = err instanceof CapacityOverflowError ? new RustPanic('capacity overflow', machine.line ?? 1) : err;
    if (panic instanceof RustPanic) {
      machine.line = panic.line;
      machine.note(`thread 'main' panicked at line ${panic.line}: ${panic.panicMessage}`);
      machine.end(`panicked at '${panic.panicMessage}', line ${panic.line}`);
      return machine.finish();
    }
    const message = err instanceof Error ? err.message : String(err);
    const failed = new ProgramError(message, machine.finish(), err);
    if (err instanceof ApiUsageError) failed.stack = `${failed.name}: ${message}`;
    throw failed;
  }
  return machine.finish();
}

/** A usize the table returned, as a JavaScript number. */
function countOf(v: RValue): number {
  return Number((v as { v: number | bigint }).v);
}

function mapTy(name: 'HashMap' | 'HashSet', args: Ty[]): Ty {
  return { kind: 'std', name, args };
}

function bindingArg(call: string, x: unknown): Binding {
  if (!(x instanceof Binding)) throw new ApiUsageError(call, 'a binding (what rs.let or rs.let_mut returned)', x);
  return x;
}

/** The options a program is configured with; the machine would take a bad one silently. */
function checkOptions(options: ProgramOptions): void {
  const call = 'rustProgram(body, options)';
  if (options.stackLimit !== undefined) countArg(call, options.stackLimit, 'options.stackLimit in bytes');
  for (const key of ['policy', 'title', 'source', 'types'] as const) {
    if (options[key] !== undefined) textArg(call, options[key], `options.${key} as a string`);
  }
}
