/**
 * std's formatting as it touches memory: `format!`, `println!` and `{:?}` (to-string.ts uses it). std
 * writes one formatted value in several writes (an integer's sign apart from its digits, a
 * Debug string's quotes apart from its text, padding one fill character at a time), and a String
 * being formatted into grows at each write, so the write sequence decides its reallocations.
 * This is the one copy of those writes: the Rust interpreter and the notebook API both call it.
 */
import type { Machine } from '../memory/machine';
import { OwnershipError } from '../memory/errors';
import { utf8Length } from '../memory/to-value';
import type { RValue, StringValue } from '../memory/rvalue';
import { pushStr, stringFrom, stringWithCapacity, TEMP } from './string';
import { debugView } from './cell';
import { parseErrorText } from './parse';
import { addrParseErrorText, ipv4Writes } from './net';
import { floatText } from '../memory/float-text';

export { floatText };

/** One `{…}` hole of a format string: `{:>8}`, `{:.2}`, `{:+}`, `{:05}`, `{:?}`. */
export interface FmtSpec {
  debug: boolean;
  /** `#`: pretty Debug (`{:#?}`), one field or item per line; `0x`/`0o`/`0b` before `{:#x}`-style digits. */
  alternate?: boolean;
  /** `{:x}`, `{:X}`, `{:o}`, `{:b}`: an integer in that radix (two's complement for negatives). */
  radix?: 'x' | 'X' | 'o' | 'b';
  /** `{:w$}` / `{:1$}`: the width is that argument's value (resolved by the caller into `width`). */
  widthArg?: string;
  fill: string;
  align?: '<' | '>' | '^';
  plus: boolean;
  zero: boolean;
  width?: number;
  precision?: number;
}

/** `{}`: Display with no width, precision or sign. */
export const PLAIN: FmtSpec = { debug: false, fill: ' ', plus: false, zero: false };

/** Reads the value a reference points at. The interpreter passes its own (its references know their place). */
export type Follow = (ref: Extract<RValue, { tag: 'ref' }>) => RValue;

/**
 * A program's own `impl Display` / `impl Debug` (the Rust interpreter runs it): makes its writes
 * into `out` and returns true, or returns false for a value with no such impl.
 */
export type UserFmt = (v: RValue, debug: boolean, out: string[]) => boolean;

/** The engine's references: to a local slot whose value is still there. */
export const followTarget: Follow = (r) => {
  if (r.target?.kind === 'local' && r.target.local.value) return r.target.local.value;
  throw new OwnershipError('cannot format a reference to a value that is gone');
};

/** The text after `:` in a hole (`>8`, `.2`, `?`), or null when std accepts it but we do not model it. */
export function parseSpec(text: string): FmtSpec | null {
  const m = /^(?:(.)?([<>^]))?(\+)?(#)?(0)?(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*|\d+)\$)?(?:\.(\d+))?(\?|[xXob])?$/u.exec(text);
  if (!m) return null;
  const type = m[9];
  // `#` alters Debug and the radix forms only (`{:#}` on Display is not modelled).
  if (m[4] && !type) return null;
  const spec: FmtSpec = {
    debug: type === '?',
    fill: m[1] ?? ' ',
    align: m[2] as FmtSpec['align'],
    plus: !!m[3],
    zero: !!m[5],
    width: m[6] !== undefined ? Number(m[6]) : undefined,
    precision: m[8] !== undefined ? Number(m[8]) : undefined,
  };
  if (m[4]) spec.alternate = true;
  if (m[7] !== undefined) spec.widthArg = m[7];
  if (type && type !== '?') spec.radix = type as FmtSpec['radix'];
  return spec;
}

export function isPlain(spec: FmtSpec): boolean {
  return !spec.debug && spec.width === undefined && spec.precision === undefined && !spec.plus && !spec.radix && !spec.widthArg;
}

const RADIX = { x: [16, '0x'], X: [16, '0x'], o: [8, '0o'], b: [2, '0b'] } as const;

/** An integer's digits in a radix, as std's `{:x}` writes them: two's complement of its width for negatives. */
function radixDigits(v: number | bigint, ty: { name: string }, radix: NonNullable<FmtSpec['radix']>): string {
  let n = BigInt(v);
  if (n < 0n) {
    const bits = ty.name === 'isize' || ty.name === 'usize' ? 64 : Number(ty.name.slice(1));
    n = BigInt.asUintN(bits, n);
  }
  const text = n.toString(RADIX[radix][0]);
  return radix === 'X' ? text.toUpperCase() : text;
}

// ---------------------------------------------------------------- one value in writes

/** `char::is_printable`: std escapes the categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs (but not ' '). */
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const GRAPHEME_EXTEND = /\p{Grapheme_Extend}/u;

/** `char::escape_debug_ext`: one char's Debug text (itself when nothing is escaped). */
export function escapeDebugChar(ch: string, quote: "'" | '"'): string {
  switch (ch) {
    case '\0':
      return '\\0';
    case '\t':
      return '\\t';
    case '\r':
      return '\\r';
    case '\n':
      return '\\n';
    case '\\':
      return '\\\\';
  }
  if (ch === quote) return '\\' + quote;
  if (ch !== ' ' && (GRAPHEME_EXTEND.test(ch) || NOT_PRINTABLE.test(ch))) return `\\u{${ch.codePointAt(0)!.toString(16)}}`;
  return ch;
}

/**
 * `<str as Debug>::fmt`'s writes between the quotes: each run of chars shown as they are, then
 * each escape as a write of its own.
 */
function strDebugWrites(text: string, out: string[]): void {
  let run = '';
  for (const ch of text) {
    const esc = escapeDebugChar(ch, '"');
    if (esc === ch) {
      run += ch;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(esc);
  }
  if (run) out.push(run);
}

/** A number's text as std writes it: sign, integer part, point, fraction, each a write. */
function numberWrites(text: string, out: string[]): void {
  const m = /^(-?)([^.]*)(\.?)(.*)$/.exec(text)!;
  if (m[1]) out.push('-');
  if (m[2]) out.push(m[2]);
  if (m[3]) out.push('.');
  if (m[4]) out.push(m[4]);
}

/**
 * The separate writes std makes to format one value (`{}` or `{:?}`): an integer's sign apart
 * from its digits, a float's integer part, point and fraction, a Debug string's quotes.
 */
export function writesOf(v: RValue, debug: boolean, out: string[], follow: Follow = followTarget, pretty = false, user?: UserFmt): void {
  if (inherited && (v.tag === 'scalar' || v.tag === 'str' || v.tag === 'string')) {
    // A leaf of `{:.1?}` on a compound value: formatted with the spec the Formatter carries.
    const spec = inherited;
    inherited = undefined;
    try {
      return writesWithSpec(v, spec, out, follow);
    } finally {
      inherited = spec;
    }
  }
  if (user && (v.tag === 'struct' || v.tag === 'enum') && userWrites(v, debug, out, user)) return;
  switch (v.tag) {
    case 'scalar': {
      const ty = v.ty;
      if (ty.kind === 'float') return numberWrites(floatText(Number(v.v), debug, ty.name === 'f32'), out);
      if (ty.kind === 'char') {
        if (debug) out.push("'", escapeDebugChar(String(v.v), "'"), "'");
        else out.push(String(v.v));
        return;
      }
      if (ty.kind === 'int') {
        const text = String(v.v);
        if (text[0] === '-') out.push('-', text.slice(1));
        else out.push(text);
        return;
      }
      out.push(String(v.v));
      return;
    }
    case 'unit':
      out.push('()');
      return;
    case 'str':
    case 'string':
      if (debug) {
        out.push('"');
        strDebugWrites(v.text, out);
        out.push('"');
      } else if (v.text) out.push(v.text);
      return;
    case 'ref':
      return writesOf(follow(v), debug, out, follow, pretty, user);
    case 'box':
      return writesOf(v.inner, debug, out, follow, pretty, user);
    case 'rc':
      return writesOf(v.cell.inner, debug, out, follow, pretty, user);
    case 'weak':
      if (!debug) throw new OwnershipError("`Weak` doesn't implement `std::fmt::Display`; use {:?}");
      out.push('(Weak)');
      return;
    case 'vec':
    case 'array':
    case 'tuple': {
      if (!debug) throw new OwnershipError(`\`${v.tag === 'vec' ? 'Vec' : v.tag === 'array' ? 'array' : 'tuple'}\` doesn't implement \`std::fmt::Display\`; use {:?}`);
      if (v.tag === 'tuple') return tupleWrites('', v.items, out, follow, pretty, user);
      out.push('[');
      v.items.forEach((item, i) => {
        if (pretty) {
          if (!i) out.push('\n');
          padded(out, (inner) => {
            writesOf(item, true, inner, follow, true, user);
            inner.push(',\n');
          });
        } else {
          if (i) out.push(', ');
          writesOf(item, true, out, follow, false, user);
        }
      });
      out.push(']');
      return;
    }
    case 'struct':
    case 'enum': {
      const view = debugView(v);
      if (view) return writesOf(view.show, debug, out, follow, pretty);
      const std = stdDisplay(v, debug);
      if (std) {
        out.push(...std.writes);
        return;
      }
      if (!debug) throw new OwnershipError(`\`${v.name}\` doesn't implement \`std::fmt::Display\`; use {:?}`);
      const name = v.tag === 'enum' ? v.variant : v.name;
      if (!v.fields.length) {
        out.push(name);
        return;
      }
      if (/^\d+$/.test(v.fieldNames[0]!)) return tupleWrites(name, v.fields, out, follow, pretty, user);
      out.push(name);
      v.fields.forEach((f, i) => {
        if (pretty) {
          if (!i) out.push(' {\n');
          padded(out, (inner) => {
            inner.push(v.fieldNames[i]!, ': ');
            writesOf(f, true, inner, follow, true, user);
            inner.push(',\n');
          });
        } else {
          out.push(i ? ', ' : ' { ', v.fieldNames[i]!, ': ');
          writesOf(f, true, out, follow, false, user);
        }
      });
      out.push(pretty ? '}' : ' }');
      return;
    }
    case 'map': {
      // HashMap / HashSet: `{k: v, …}` / `{x, …}` (debug_map / debug_set), in the table's order.
      if (!debug) throw new OwnershipError(`\`${v.set ? 'HashSet' : 'HashMap'}\` doesn't implement \`std::fmt::Display\`; use {:?}`);
      out.push('{');
      let i = 0;
      for (const e of v.entries.values()) {
        const entry = (o: string[], p: boolean) => {
          writesOf(e.key, true, o, follow, p);
          if (!v.set) {
            o.push(': ');
            writesOf(e.value, true, o, follow, p);
          }
        };
        if (pretty) {
          if (!i) out.push('\n');
          padded(out, (inner) => {
            entry(inner, true);
            inner.push(',\n');
          });
        } else {
          if (i) out.push(', ');
          entry(out, false);
        }
        i++;
      }
      out.push('}');
      return;
    }
  }
}

/**
 * The spec of a `{:5?}` / `{:.1?}` being applied to a compound value: std's derived and container
 * Debug impls hand their Formatter (width, precision, sign) on to each field and element.
 */
let inherited: FmtSpec | undefined;

/** A program's own impl gets a fresh Formatter: its `write!`s carry their own specs. */
function userWrites(v: RValue, debug: boolean, out: string[], user: UserFmt): boolean {
  const spec = inherited;
  inherited = undefined;
  try {
    return user(v, debug, out);
  } finally {
    inherited = spec;
  }
}

/** std's `debug_tuple` (tuples, tuple structs and variants, `Some(..)`): `Name(a, b)`; a 1-tuple `(a,)`. */
function tupleWrites(name: string, items: readonly RValue[], out: string[], follow: Follow, pretty: boolean, user?: UserFmt): void {
  if (name) out.push(name);
  items.forEach((item, i) => {
    if (pretty) {
      if (!i) out.push('(\n');
      padded(out, (inner) => {
        writesOf(item, true, inner, follow, true, user);
        inner.push(',\n');
      });
    } else {
      out.push(i ? ', ' : '(');
      writesOf(item, true, out, follow, false, user);
    }
  });
  if (items.length === 1 && !name && !pretty) out.push(',');
  out.push(')');
}

/**
 * std's PadAdapter (pretty Debug): what `write` writes goes out with four spaces before each
 * line, each line (up to and with its newline) a write of its own.
 */
function padded(out: string[], write: (inner: string[]) => void): void {
  const inner: string[] = [];
  write(inner);
  let onNewline = true;
  for (const w of inner) {
    for (const line of w.split(/(?<=\n)/)) {
      if (!line) continue;
      if (onNewline) out.push('    ');
      onNewline = line.endsWith('\n');
      out.push(line);
    }
  }
}

/**
 * std's own Display of the std values the interpreter makes as structs: a parse error writes its
 * description through `f.pad` (so it pads as a str does); `ToUppercase` / `ToLowercase` write
 * their chars one by one (no padding); an `Ipv4Addr` writes its parts, or pads them joined when
 * a width or precision is given (its Debug is its Display). Undefined for any other value.
 */
function stdDisplay(v: RValue, debug = false): { writes: string[]; pads: boolean } | undefined {
  if (v.tag !== 'struct') return undefined;
  if (v.name === 'Ipv4Addr' && v.ty.kind === 'adt' && v.fieldNames[0] === 'octets' && v.fields[0]!.tag === 'array') {
    return { writes: ipv4Writes(v.fields[0].items.map((o) => Number((o as { v: number }).v))), pads: true };
  }
  if (debug) return undefined;
  if (v.name === 'AddrParseError' && v.ty.kind === 'adt' && v.fields[0]?.tag === 'enum') {
    const text = addrParseErrorText(v.fields[0].variant);
    return text === undefined ? undefined : { writes: [text], pads: true };
  }
  if (v.ty.kind === 'adt' && v.fieldNames[0] === 'kind' && v.fields[0]!.tag === 'enum') {
    const text = parseErrorText(v.name, (v.fields[0] as { variant: string }).variant);
    return text === undefined ? undefined : { writes: [text], pads: true };
  }
  const it = (v as { it?: { snapshot?: () => RValue[] } }).it;
  if ((v.name === 'ToUppercase' || v.name === 'ToLowercase') && it?.snapshot) return { writes: it.snapshot().map((c) => String((c as { v: string }).v)), pads: false };
  return undefined;
}

/** `{:.p}` of a float: the exact decimal value rounded half to even, as Rust's flt2dec does. */
export function fixedText(x: number, p: number): string {
  if (!Number.isFinite(x)) return floatText(x, false, false);
  const neg = x < 0 || Object.is(x, -0);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const mant = expBits === 0 ? frac : frac | (1n << 52n);
  const e2 = expBits === 0 ? -1074 : expBits - 1075;
  let num = mant * 10n ** BigInt(p);
  let den = 1n;
  if (e2 >= 0) num <<= BigInt(e2);
  else den <<= BigInt(-e2);
  let q = num / den;
  const twice = 2n * (num % den);
  if (twice > den || (twice === den && (q & 1n) === 1n)) q += 1n;
  const digits = q.toString().padStart(p + 1, '0');
  const int = digits.slice(0, digits.length - p);
  return (neg ? '-' : '') + int + (p ? '.' + digits.slice(digits.length - p) : '');
}

/**
 * A value formatted with a spec, as the writes std makes: fill characters one by one (std's
 * padding writes each), the sign apart, then the value's own writes.
 */
export function writesWithSpec(v: RValue, spec: FmtSpec, out: string[], follow: Follow = followTarget, user?: UserFmt): void {
  if (spec.width === undefined && spec.precision === undefined && !spec.plus && !spec.radix) return writesOf(v, spec.debug, out, follow, !!spec.alternate, user);
  let d = v;
  // Through references and smart pointers (a `Box<dyn Display>` formats what it holds).
  for (;;) {
    if (d.tag === 'ref') d = follow(d);
    else if (d.tag === 'box') d = d.inner;
    else if (d.tag === 'rc') d = d.cell.inner;
    else break;
  }
  // A program's impl writes what it writes: width and precision reach it only through the
  // Formatter (`f.pad`), which the subset does not model.
  if (user && (d.tag === 'struct' || d.tag === 'enum') && user(d, spec.debug, out)) return;
  // std's errors display their description through `f.pad`, as a str does.
  const std = stdDisplay(d, spec.debug);
  if (std && !std.pads) return void out.push(...std.writes);
  if (std) {
    // f.pad of the text (an Ipv4Addr's Debug is its Display: no quotes).
    d = { tag: 'str', ty: { kind: 'ref', mutable: false, to: { kind: 'str' } }, text: std.writes.join(''), target: null };
    spec = { ...spec, debug: false };
  }
  const inner: string[] = [];
  const numeric = d.tag === 'scalar' && (d.ty.kind === 'int' || d.ty.kind === 'float');
  if (spec.radix && d.tag === 'scalar' && d.ty.kind === 'int') {
    // pad_integral: the sign, the prefix, then the digits, each a write.
    if (spec.plus) inner.push('+');
    if (spec.alternate) inner.push(RADIX[spec.radix][1]);
    inner.push(radixDigits(d.v as number | bigint, d.ty, spec.radix));
    return padWrites(inner, spec, true, out);
  }
  // Debug of char and str writes straight through, ignoring width and precision.
  if (spec.debug && !numeric && (d.tag === 'scalar' || d.tag === 'str' || d.tag === 'string')) return writesOf(d, true, out, follow);
  if (spec.debug && !numeric) {
    const outer = inherited;
    inherited = { ...spec, alternate: undefined };
    try {
      return writesOf(d, true, out, follow, !!spec.alternate, user);
    } finally {
      inherited = outer;
    }
  }
  if (spec.precision !== undefined && d.tag === 'scalar' && d.ty.kind === 'float') numberWrites(fixedText(Number(d.v), spec.precision), inner);
  else if (spec.precision !== undefined && (d.tag === 'str' || d.tag === 'string') && !spec.debug) inner.push([...d.text].slice(0, spec.precision).join(''));
  else writesOf(d, spec.debug, inner, follow);
  if (spec.plus && numeric && inner[0] !== '-') inner.unshift('+');
  padWrites(inner, spec, numeric, out);
}

/** A value's writes padded to the spec's width: fill characters one by one, or zeros after the sign and prefix. */
function padWrites(inner: string[], spec: FmtSpec, numeric: boolean, out: string[]): void {
  const len = [...inner.join('')].length;
  if (spec.width === undefined || len >= spec.width) {
    out.push(...inner.filter((w) => w !== ''));
    return;
  }
  const pad = spec.width - len;
  if (spec.zero && numeric) {
    if (inner[0] === '-' || inner[0] === '+') out.push(inner.shift()!);
    if (/^0[xob]$/.test(inner[0] ?? '') && inner.length > 1) out.push(inner.shift()!);
    for (let i = 0; i < pad; i++) out.push('0');
    out.push(...inner);
    return;
  }
  const align = spec.align ?? (numeric ? '>' : '<');
  const pre = align === '<' ? 0 : align === '>' ? pad : Math.floor(pad / 2);
  for (let i = 0; i < pre; i++) out.push(spec.fill);
  out.push(...inner.filter((w) => w !== ''));
  for (let i = 0; i < pad - pre; i++) out.push(spec.fill);
}

/** Rust's `{}` (Display) or `{:?}` (Debug) of one value, as text. */
export function formatValue(v: RValue, debug: boolean, follow: Follow = followTarget): string {
  const out: string[] = [];
  writesOf(v, debug, out, follow);
  return out.join('');
}

// ---------------------------------------------------------------- format strings

/** A parsed format string: literal pieces and the holes between them (`pieces.length === holes.length + 1`). */
export interface FormatSpec {
  pieces: string[];
  holes: Array<FmtSpec & { name?: string }>;
}

/** Splits a template into pieces and holes; `{{`/`}}` are literal braces. */
export function parseFormat(template: string): FormatSpec {
  const pieces: string[] = [];
  const holes: FormatSpec['holes'] = [];
  let current = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if ((c === '{' || c === '}') && template[i + 1] === c) {
      current += c;
      i++;
    } else if (c === '{') {
      const close = template.indexOf('}', i);
      if (close < 0) throw new OwnershipError(`invalid format string: expected '}' but string was terminated`);
      const inner = template.slice(i + 1, close);
      const colon = inner.indexOf(':');
      const name = colon < 0 ? inner : inner.slice(0, colon);
      const spec = parseSpec(colon < 0 ? '' : inner.slice(colon + 1));
      if (!spec) throw new OwnershipError(`format spec '{${inner}}' is not supported (fill/align, +, 0, width, .precision and ? are)`);
      pieces.push(current);
      current = '';
      holes.push({ ...spec, name: name || undefined });
      i = close;
    } else if (c === '}') {
      throw new OwnershipError(`invalid format string: unmatched '}' found`);
    } else {
      current += c;
    }
  }
  pieces.push(current);
  return { pieces, holes };
}

/**
 * rustc's format_args flattening: a string or integer literal given to a plain `{}` is folded
 * into the pieces, so it neither counts as an argument nor adds a write of its own.
 * `literalText(i)` is argument i's text when it is such a literal.
 */
export function inlineLiterals(spec: FormatSpec, literalText: (i: number) => string | undefined): { spec: FormatSpec; kept: number[] } {
  const pieces = [spec.pieces[0]!];
  const holes: FormatSpec['holes'] = [];
  const kept: number[] = [];
  spec.holes.forEach((hole, i) => {
    const text = isPlain(hole) ? literalText(i) : undefined;
    if (text === undefined) {
      holes.push(hole);
      kept.push(i);
      pieces.push(spec.pieces[i + 1]!);
    } else pieces[pieces.length - 1] += text + spec.pieces[i + 1]!;
  });
  return { spec: { pieces, holes }, kept };
}

/** Every write of a whole format string: the non-empty literal pieces and each argument's writes. */
export function renderFormat(spec: FormatSpec, args: readonly RValue[], follow: Follow = followTarget): string[] {
  if (args.length !== spec.holes.length) {
    throw new OwnershipError(`${spec.holes.length} positional argument(s) in format string, but ${args.length} given`);
  }
  const writes: string[] = [];
  for (let i = 0; i < spec.pieces.length; i++) {
    if (spec.pieces[i]) writes.push(spec.pieces[i]!);
    if (i < args.length) writesWithSpec(args[i]!, spec.holes[i]!, writes, follow);
  }
  return writes;
}

/**
 * std's `Arguments::estimated_capacity`: the literal bytes when there is no argument; 0 when
 * the template starts with an argument and has under 16 literal bytes; else twice them.
 */
export function estimatedCapacity(pieces: readonly string[], argCount: number): number {
  const piecesLength = pieces.reduce((n, p) => n + utf8Length(p), 0);
  if (argCount === 0) return piecesLength;
  return pieces[0] === '' && piecesLength < 16 ? 0 : piecesLength * 2;
}

/**
 * `format!(..)` as std runs it: a literal-only string is copied exactly; otherwise
 * `String::with_capacity(estimated_capacity())` and one `push_str` per write. `writes` runs
 * after the allocation (the interpreter evaluates its arguments there).
 */
export function formatString(m: Machine, pieces: readonly string[], argCount: number, writes: (out: string[]) => void): StringValue {
  if (argCount === 0) return stringFrom(m, pieces.join(''));
  const s = stringWithCapacity(m, estimatedCapacity(pieces, argCount));
  writes(streamInto(m, s));
  return s;
}

/**
 * An `out` whose every write goes into the String at once, as std's writes do: a program's
 * `impl Display` run in between (which may allocate) sees the String as it is at that point.
 */
export function streamInto(m: Machine, s: StringValue): string[] {
  const out: string[] = [];
  out.push = (...writes: string[]) => {
    for (const w of writes) pushStr(m, s, w, TEMP);
    return 0;
  };
  return out;
}

/** `format!(template, args..)` with the arguments as given (fold literals first with inlineLiterals, as rustc does). */
export function formatToString(m: Machine, template: string | FormatSpec, args: readonly RValue[], follow: Follow = followTarget): StringValue {
  const spec = typeof template === 'string' ? parseFormat(template) : template;
  return formatString(m, spec.pieces, spec.holes.length, (out) => out.push(...renderFormat(spec, args, follow)));
}
