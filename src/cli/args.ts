/**
 * The one argument parser of every `memscope` command, and the flag validators they share.
 * A command declares its flags (a switch, or a flag with a value, possibly repeated) and gets
 * the positionals and the values; every mistake is a UsageError naming the flag and what was
 * expected: `unknown option '--bogus' (see memscope layout --help)`, `--jobs expects an integer
 * >= 1, got 'two'`.
 *
 * Accepted: `--name value`, `--name=value`, switches, `-` (stdin) as a positional, and `--`
 * after which everything is a positional.
 */
import { UsageError } from './command';

export interface FlagSpec {
  /** A switch takes no value; a value flag takes the next argument (or `=value`). */
  readonly value: boolean;
  /** May be given several times (the values are collected in order). */
  readonly repeated?: boolean;
  /** What the value is, for "--flag needs …": default "a value". */
  readonly needs?: string;
}

export type FlagSpecs = Record<string, FlagSpec>;

/** Switches parse to booleans, value flags to a string (or a list when repeated), absent flags to undefined. */
export type FlagValues<S extends FlagSpecs> = {
  [K in keyof S]?: S[K]['value'] extends true ? (S[K]['repeated'] extends true ? string[] : string) : boolean;
};

export interface Parsed<S extends FlagSpecs> {
  positionals: string[];
  flags: FlagValues<S>;
}

/** The specs, by shorthand: `{ '--json': SWITCH, '--out': VALUE, '--decl': repeated('the declarations') }`. */
export const SWITCH = { value: false } as const;
export const VALUE = { value: true } as const;
/** A value flag whose message says what the value is: `--policy needs a policy name`. */
export function valueOf(needs: string) {
  return { value: true, needs } as const;
}
export function repeated(needs?: string) {
  return { value: true, repeated: true, needs } as const;
}

/** Parses `args` of `memscope COMMAND` against the command's flags. */
export function parseArgs<S extends FlagSpecs>(args: readonly string[], specs: S, command: string): Parsed<S> {
  const positionals: string[] = [];
  const flags: Record<string, string | string[] | boolean> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = name === arg ? undefined : arg.slice(eq + 1);
    const spec = Object.prototype.hasOwnProperty.call(specs, name) ? specs[name]! : undefined;
    if (!spec) throw new UsageError(`unknown option '${name}' (see memscope ${command} --help)`);
    if (!spec.value) {
      if (inline !== undefined) throw new UsageError(`${name} takes no value, got '${arg}'`);
      flags[name] = true;
      continue;
    }
    // A value that looks like another flag is a forgotten value, except a negative-looking text after '='.
    const value = inline ?? args[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`${name} needs ${spec.needs ?? 'a value'}`);
    }
    if (inline === undefined) i++;
    if (spec.repeated) flags[name] = [...((flags[name] as string[] | undefined) ?? []), value];
    else flags[name] = value;
  }
  return { positionals, flags: flags as FlagValues<S> };
}

/** A whole number, at least `min`: `--jobs expects an integer >= 1, got 'two'`. */
export function integerFlag(flag: string, text: string, min = 0): number {
  const n = Number(text);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`${flag} expects an integer >= ${min}, got '${text}'`);
  return n;
}

/** A whole number above zero: `--stack-limit expects a positive integer, got 'lots'`. */
export function positiveIntegerFlag(flag: string, text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n <= 0) throw new UsageError(`${flag} expects a positive integer, got '${text}'`);
  return n;
}

/** A positive number of seconds, fractions allowed: `--time-limit expects a positive number of seconds, got 'NaN'`. */
export function secondsFlag(flag: string, text: string): number {
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} expects a positive number of seconds, got '${text}'`);
  return n;
}

const BYTE_UNITS: Record<string, number> = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 };

/** A positive whole number of bytes, with an optional K, M, G or T (binary: 512M is 512 MiB). */
export function bytesFlag(flag: string, text: string): number {
  const m = /^(\d+)([kmgt]?)(i?b)?$/i.exec(text);
  const n = m ? Number(m[1]) * BYTE_UNITS[m[2]!.toLowerCase()]! : NaN;
  if (!m || !Number.isSafeInteger(n) || n <= 0) throw new UsageError(`${flag} expects a positive number of bytes such as 1048576, 512M or 8G, got '${text}'`);
  return n;
}

/** A whole number, zero or more: `--step expects a non-negative integer, got '-1'`. */
export function nonNegativeIntegerFlag(flag: string, text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n)) throw new UsageError(`${flag} expects a non-negative integer, got '${text}'`);
  return n;
}

/** A power of two (alignments, granules). */
export function powerOfTwoFlag(flag: string, text: string): number {
  const n = integerFlag(flag, text, 1);
  if ((n & (n - 1)) !== 0) throw new UsageError(`${flag} expects a power of two, got ${n}`);
  return n;
}

/** Bytes with an optional binary suffix: 4096, 512K, 64M, 2G (also KiB, MB, …). */
export function byteCountFlag(flag: string, text: string): number {
  const m = /^(\d+)([KMG]i?B?)?$/i.exec(text);
  if (!m) throw new UsageError(`${flag} expects bytes such as 1048576, 512K or 64M, got '${text}'`);
  const scale = m[2] === undefined ? 1 : 1024 ** ('KMG'.indexOf(m[2][0]!.toUpperCase()) + 1);
  return Number(m[1]) * scale;
}

/** Flags that may not be given together: `--strict and --lenient exclude each other`. */
export function exclusive(flags: Record<string, unknown>, ...names: string[]): void {
  const given = names.filter((n) => flags[n] !== undefined && flags[n] !== false);
  if (given.length > 1) throw new UsageError(`${given.join(' and ')} exclude each other`);
}
