import type { Machine } from '../memory/machine';
import { OwnershipError } from '../memory/errors';
import { utf8Length } from '../memory/display';
import type { RValue, StringValue } from '../memory/rvalue';
import { pushStr, stringFrom, stringWithCapacity, TEMP } from './string';

/** Rust's `{}` (Display) and `{:?}` (Debug) for the values the model knows. */
export function formatValue(v: RValue, debug: boolean): string {
  switch (v.tag) {
    case 'scalar':
      if (v.ty.kind === 'float') return formatFloat(Number(v.v), debug);
      if (v.ty.kind === 'char') return debug ? `'${escape(String(v.v), "'")}'` : String(v.v);
      return String(v.v);
    case 'unit':
      return '()';
    case 'str':
    case 'string':
      return debug ? `"${escape(v.text, '"')}"` : v.text;
    case 'vec':
    case 'array':
      if (!debug) throw new OwnershipError(`\`${v.tag === 'vec' ? 'Vec' : 'array'}\` doesn't implement \`std::fmt::Display\`; use {:?}`);
      return `[${v.items.map((i) => formatValue(i, true)).join(', ')}]`;
    case 'tuple':
      if (!debug) throw new OwnershipError('tuples don\'t implement `std::fmt::Display`; use {:?}');
      return `(${v.items.map((i) => formatValue(i, true)).join(', ')}${v.items.length === 1 ? ',' : ''})`;
    case 'box':
      return formatValue(v.inner, debug);
    case 'rc':
      return formatValue(v.cell.inner, debug);
    case 'ref':
      if (v.target.kind === 'local' && v.target.local.value) return formatValue(v.target.local.value, debug);
      throw new OwnershipError('cannot format a reference to a value that is gone');
    case 'struct':
      if (!debug) throw new OwnershipError(`\`${v.name}\` doesn't implement \`std::fmt::Display\``);
      if (v.fieldNames.length && /^\d+$/.test(v.fieldNames[0]!)) return `${v.name}(${v.fields.map((f) => formatValue(f, true)).join(', ')})`;
      return v.fields.length
        ? `${v.name} { ${v.fields.map((f, i) => `${v.fieldNames[i]}: ${formatValue(f, true)}`).join(', ')} }`
        : v.name;
    case 'enum':
      if (!debug) throw new OwnershipError(`\`${v.name}\` doesn't implement \`std::fmt::Display\``);
      if (!v.fields.length) return v.variant;
      if (/^\d+$/.test(v.fieldNames[0]!)) return `${v.variant}(${v.fields.map((f) => formatValue(f, true)).join(', ')})`;
      return `${v.variant} { ${v.fields.map((f, i) => `${v.fieldNames[i]}: ${formatValue(f, true)}`).join(', ')} }`;
  }
}

/** Display of f64 prints `1` for 1.0; Debug prints `1.0`. Both print the shortest round-trip digits. */
function formatFloat(x: number, debug: boolean): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  let text = String(x);
  if (/e/.test(text)) {
    // Rust never uses exponent notation for Display/Debug of f64.
    text = x.toFixed(20).replace(/\.?0+$/, '');
  }
  if (debug && !text.includes('.')) text += '.0';
  return text;
}

function escape(text: string, quote: string): string {
  return text.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`).replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

/** A parsed format string: literal pieces and `{}` / `{:?}` holes between them. */
export interface FormatSpec {
  pieces: string[];
  holes: Array<{ debug: boolean; name?: string }>;
}

export function parseFormat(template: string): FormatSpec {
  const pieces: string[] = [];
  const holes: FormatSpec['holes'] = [];
  let current = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if (c === '{' && template[i + 1] === '{') {
      current += '{';
      i++;
    } else if (c === '}' && template[i + 1] === '}') {
      current += '}';
      i++;
    } else if (c === '{') {
      const close = template.indexOf('}', i);
      if (close < 0) throw new OwnershipError(`invalid format string: expected '}' but string was terminated`);
      const inner = template.slice(i + 1, close);
      const [name, spec] = inner.split(':');
      if (spec !== undefined && spec !== '?' && spec !== '') {
        throw new OwnershipError(`format spec '{${inner}}' is not supported (only {} and {:?})`);
      }
      pieces.push(current);
      current = '';
      holes.push({ debug: spec === '?', name: name || undefined });
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

export function renderFormat(spec: FormatSpec, args: RValue[]): string[] {
  if (args.length !== spec.holes.length) {
    throw new OwnershipError(`${spec.holes.length} positional argument(s) in format string, but ${args.length} given`);
  }
  const parts: string[] = [];
  for (let i = 0; i < spec.pieces.length; i++) {
    if (spec.pieces[i]) parts.push(spec.pieces[i]!);
    if (i < args.length) parts.push(formatValue(args[i]!, spec.holes[i]!.debug));
  }
  return parts;
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
 * `String::with_capacity(estimated_capacity())` and one write per piece and argument,
 * each growing the buffer as `push_str` would.
 */
export function formatToString(m: Machine, template: string, args: RValue[]): StringValue {
  const spec = parseFormat(template);
  if (spec.holes.length === 0) return stringFrom(m, spec.pieces.join(''));
  const s = stringWithCapacity(m, estimatedCapacity(spec.pieces, spec.holes.length));
  for (const part of renderFormat(spec, args)) pushStr(m, s, part, TEMP);
  return s;
}
