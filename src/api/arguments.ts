/**
 * The notebook API's checks of what a cell hands it. JavaScript lets a cell pass anything
 * (`truncate(-1)`, `String.from(12345)`, `u8(300)`, `undefined`); Rust's compiler would refuse
 * each, so we do too, before anything is recorded: an ApiUsageError naming the call, what it
 * expected and what it got, e.g. `v.truncate(-1): expected a length (a whole number >= 0), got -1`.
 */
import type { Ty } from '../engine/layout/types';

/** A notebook API call given an argument it cannot take. Its message is the whole story: the stack is left out of it. */
export class ApiUsageError extends TypeError {
  constructor(readonly call: string, readonly expected: string, got: unknown) {
    super(`${call}: expected ${expected}, got ${describe(got)}`);
    this.name = 'ApiUsageError';
    // What a notebook prints is the stack: for a wrong argument, the message says all there is.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** What a value looks like in an error message. */
export function describe(x: unknown): string {
  if (x === undefined) return 'undefined';
  if (x === null) return 'null';
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  if (typeof x === 'bigint') return `${x}n`;
  if (typeof x === 'function') return 'a function';
  if (Array.isArray(x)) return `an array of ${x.length}`;
  const named = (x as { constructor?: { name?: string } }).constructor?.name;
  if (named === 'Binding') return `the binding \`${(x as { name: string }).name}\``;
  if (named === 'Owned') return 'a temporary value';
  return 'an object';
}

/** Integer types' ranges, as rustc's x86_64 target has them (isize/usize are 64-bit). */
const INT_BITS: Record<string, number> = { i8: 8, i16: 16, i32: 32, i64: 64, i128: 128, isize: 64, u8: 8, u16: 16, u32: 32, u64: 64, u128: 128, usize: 64 };

export function intRange(name: string): [bigint, bigint] {
  const bits = BigInt(INT_BITS[name] ?? 64);
  return name.startsWith('u') ? [0n, (1n << bits) - 1n] : [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n];
}

/** A number or bigint that fits the integer type `name`. */
export function intArg(call: string, x: unknown, name: string): number | bigint {
  const [lo, hi] = intRange(name);
  const expected = `an integer in ${lo}..=${hi} (${name})`;
  if (typeof x === 'number') {
    if (!Number.isInteger(x)) throw new ApiUsageError(call, expected, x);
    if (!Number.isSafeInteger(x)) throw new ApiUsageError(call, `${expected}; past 2^53 pass a bigint such as ${BigInt(x)}n, a number is not exact there`, x);
  } else if (typeof x !== 'bigint') {
    throw new ApiUsageError(call, expected, x);
  }
  const big = BigInt(x);
  if (big < lo || big > hi) throw new ApiUsageError(call, expected, x);
  return x;
}

/** A usize used as a count, length, capacity or index. */
export function countArg(call: string, x: unknown, what: string): number {
  if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < 0) throw new ApiUsageError(call, `${what} (a whole number >= 0)`, x);
  return x;
}

/** A float the format can hold: JSON has no NaN or infinity. */
export function floatArg(call: string, x: unknown): number {
  if (typeof x !== 'number') throw new ApiUsageError(call, 'a number', x);
  if (!Number.isFinite(x)) throw new ApiUsageError(call, 'a finite number (a timeline cannot hold NaN or infinity)', x);
  return x;
}

export function textArg(call: string, x: unknown, what = 'a string'): string {
  if (typeof x !== 'string') throw new ApiUsageError(call, what, x);
  return x;
}

/** A Rust identifier: a local's, a function's or a parameter's name. */
export function nameArg(call: string, x: unknown, what = 'a name'): string {
  if (typeof x !== 'string' || !/^[\p{L}_][\p{L}\p{N}_]*$/u.test(x)) throw new ApiUsageError(call, `${what} (a Rust identifier such as "s" or "total")`, x);
  return x;
}

export function functionArg(call: string, x: unknown, what = 'a function'): void {
  if (typeof x !== 'function') throw new ApiUsageError(call, what, x);
}

export function arrayArg(call: string, x: unknown, what = 'an array'): unknown[] {
  if (!Array.isArray(x)) throw new ApiUsageError(call, what, x);
  return x;
}

export function objectArg(call: string, x: unknown, what: string): Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new ApiUsageError(call, what, x);
  return x as Record<string, unknown>;
}

/** A type given as Rust text or as a parsed Ty. */
export function typeArg(call: string, x: unknown, parse: (text: string) => Ty): Ty {
  if (typeof x === 'string') {
    try {
      return parse(x);
    } catch (err) {
      throw new ApiUsageError(call, `a Rust type such as "u64" or "Vec<String>" (${(err as Error).message})`, x);
    }
  }
  if (typeof x === 'object' && x !== null && typeof (x as { kind?: unknown }).kind === 'string') return x as Ty;
  throw new ApiUsageError(call, 'a Rust type such as "u64" or "Vec<String>"', x);
}

/** The call as a cell wrote it, for messages: `v.truncate(-1)`, `rs.String.from(12345)`. */
export function callText(target: string, method: string, args: unknown[]): string {
  const short = (x: unknown): string => {
    const named = typeof x === 'object' && x !== null ? (x as { constructor?: { name?: string } }).constructor?.name : undefined;
    if (named === 'Binding') return (x as { name: string }).name;
    if (named === 'Owned') return '…';
    return describe(x);
  };
  return `${target}.${method}(${args.map(short).join(', ')})`;
}
