/**
 * `str::parse` as std 1.95 does it for integers (`from_str_radix(s, 10)`) and floats (dec2flt),
 * and the errors it gives: `ParseIntError { kind: IntErrorKind }` and `ParseFloatError { kind }`,
 * whose Display is the kind's fixed description. Parsing never allocates.
 */
import type { IntName } from '../layout/types';

/** std's `IntErrorKind` variants, in declaration order. */
export const INT_ERROR_KINDS = ['Empty', 'InvalidDigit', 'PosOverflow', 'NegOverflow', 'Zero'] as const;
export type IntErrorKind = (typeof INT_ERROR_KINDS)[number];

/** std's private `FloatErrorKind` variants. */
export const FLOAT_ERROR_KINDS = ['Empty', 'Invalid'] as const;
export type FloatErrorKind = (typeof FLOAT_ERROR_KINDS)[number];

/** What `Display` writes for each error (`ParseIntError::description`, dec2flt's). */
const INT_MESSAGES: Record<IntErrorKind, string> = {
  Empty: 'cannot parse integer from empty string',
  InvalidDigit: 'invalid digit found in string',
  PosOverflow: 'number too large to fit in target type',
  NegOverflow: 'number too small to fit in target type',
  Zero: 'number would be zero for non-zero type',
};
const FLOAT_MESSAGES: Record<FloatErrorKind, string> = {
  Empty: 'cannot parse float from empty string',
  Invalid: 'invalid float literal',
};

/** The two std error structs `parse` gives, by name. */
export const PARSE_ERRORS = { ParseIntError: 'IntErrorKind', ParseFloatError: 'FloatErrorKind' } as const;

/** The Display text of a parse error of `name` with kind `kind`, or undefined when it is not one. */
export function parseErrorText(name: string, kind: string): string | undefined {
  if (name === 'ParseIntError') return INT_MESSAGES[kind as IntErrorKind];
  if (name === 'ParseFloatError') return FLOAT_MESSAGES[kind as FloatErrorKind];
  return undefined;
}

/**
 * `i32::from_str(s)` and the other integers: an optional sign (`-` only for signed types; a sign
 * alone is an invalid digit), then ASCII digits, each checked before the value is (so `99x` of a
 * u8 is InvalidDigit, `999` PosOverflow). No whitespace is skipped.
 */
export function parseInt(text: string, name: IntName): { ok: bigint } | { err: IntErrorKind } {
  if (text === '') return { err: 'Empty' };
  const bits = name === 'isize' || name === 'usize' ? 64 : Number(name.slice(1));
  const signed = name[0] === 'i';
  const min = signed ? -(1n << BigInt(bits - 1)) : 0n;
  const max = signed ? (1n << BigInt(bits - 1)) - 1n : (1n << BigInt(bits)) - 1n;
  let digits = text;
  let negative = false;
  if ((text[0] === '+' || text[0] === '-') && text.length === 1) return { err: 'InvalidDigit' };
  if (text[0] === '+') digits = text.slice(1);
  else if (text[0] === '-' && signed) {
    digits = text.slice(1);
    negative = true;
  }
  let value = 0n;
  for (const c of digits) {
    if (c < '0' || c > '9') return { err: 'InvalidDigit' };
    value = value * 10n + (negative ? -1n : 1n) * BigInt(c.charCodeAt(0) - 48);
    if (value > max) return { err: 'PosOverflow' };
    if (value < min) return { err: 'NegOverflow' };
  }
  return { ok: value };
}

/** Rust's float grammar (dec2flt): sign, digits with an optional point, exponent; inf/infinity/nan. */
const FLOAT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;

/** `f64::from_str(s)` / `f32::from_str(s)`: the nearest value, or the error kind. */
export function parseFloat(text: string, f32: boolean): { ok: number } | { err: FloatErrorKind } {
  if (text === '') return { err: 'Empty' };
  if (!FLOAT.test(text)) return { err: 'Invalid' };
  const neg = text[0] === '-';
  const body = text.replace(/^[+-]/, '').toLowerCase();
  let x = body === 'inf' || body === 'infinity' ? Infinity : body === 'nan' ? NaN : Number(body.startsWith('.') ? `0${body}` : body.replace(/\.(?=e|$)/, ''));
  if (neg) x = -x;
  return { ok: f32 ? Math.fround(x) : x };
}
