/**
 * Lowering of macros: `println!`/`format!`/`write!`/`panic!` and their format strings (inline
 * `{name}`, positional and named arguments, width arguments), `vec!`, `assert!`/`assert_eq!`,
 * `unreachable!`/`todo!`, `dbg!`. Their arguments arrive as token trees and are parsed again as
 * expressions, with positions mapped back to the snippet.
 */
import type { Lowering } from './lowering';
import type { Node } from 'web-tree-sitter';
import { parseSpec } from '../../engine/std/fmt';
import type { Expr, FmtSpec, Pos } from './ast';
import { RustCompileError, RustSubsetError, RustSyntaxError } from '../errors';
import { parseRust } from './parser';

export function macro(low: Lowering, node: Node, pos: Pos): Expr {
  const name = low.field(node, 'macro').text;
  const tt = low.named(node).find((c) => c.type === 'token_tree');
  if (!tt) low.unsupported(node);
  const args = (kind: 'args' | 'array') => subParse(low, tt, kind);
  switch (name) {
    case 'println':
    case 'print':
    case 'format':
    case 'panic':
    case 'eprintln':
    case 'eprint': {
      const parts = args('args');
      if (parts.length === 0) {
        if (name === 'println' || name === 'eprintln') return { k: 'format', pos, mac: name, template: '', args: [], debug: [], specs: [] };
        if (name === 'panic') return { k: 'format', pos, mac: name, template: 'explicit panic', args: [], debug: [], specs: [] };
        low.unsupported(node, `${name}! needs a format string`);
      }
      const first = parts[0]!;
      if (first.k !== 'str') low.unsupported(tt, `${name}! needs a string literal first`);
      return formatMacro(name as 'println', first.value, parts.slice(1), pos, first.pos);
    }
    case 'write':
    case 'writeln': {
      // `write!(f, "…", args)` on a Formatter: formatting writes into what f writes to.
      const parts = args('args');
      const target = parts[0];
      if (!target) low.unsupported(node, `${name}! needs a destination`);
      const first = parts[1];
      if (first === undefined && name === 'writeln') return { k: 'format', pos, mac: name, template: '\n', args: [], debug: [], specs: [], target };
      if (!first || first.k !== 'str') low.unsupported(tt, `${name}! needs a string literal after its destination`);
      const f = formatMacro(name as 'println', first.value + (name === 'writeln' ? '\n' : ''), parts.slice(2), pos, first.pos);
      return { ...(f as Expr & { k: 'format' }), mac: name, target };
    }
    case 'matches': {
      // `matches!(e, pat)` is `match e { pat => true, _ => false }` (a guard `pat if c` too).
      const [m] = subParse(low, tt, 'matches');
      if (!m) low.unsupported(node, 'matches! needs an expression and a pattern');
      return m;
    }
    case 'vec': {
      const inner = tt.text.slice(1, -1);
      if (/;/.test(inner) && low.named(tt).length) {
        const [item, count] = subParse(low, tt, 'repeat');
        return { k: 'vecrep', pos, item: item!, count: count! };
      }
      return { k: 'vec', pos, items: args('array') };
    }
    case 'assert': {
      const parts = args('args');
      if (!parts.length) low.unsupported(node, 'assert! needs a condition');
      const text = parts.length > 1 ? '' : tt.text.slice(1, -1).trim().replace(/,$/, '').trim();
      return { k: 'assert', pos, cond: parts[0]!, text, msg: message(low, node, parts.slice(1), pos) };
    }
    case 'assert_eq':
    case 'assert_ne': {
      const parts = args('args');
      if (parts.length < 2) low.unsupported(node, `${name}! needs two values`);
      return { k: 'asserteq', pos, l: parts[0]!, r: parts[1]!, eq: name === 'assert_eq', msg: message(low, node, parts.slice(2), pos) };
    }
    case 'unreachable':
    case 'todo':
    case 'unimplemented': {
      const prefix = name === 'unreachable' ? 'internal error: entered unreachable code' : name === 'todo' ? 'not yet implemented' : 'not implemented';
      const parts = args('args');
      if (!parts.length) return { k: 'format', pos, mac: 'panic', template: prefix, args: [], debug: [], specs: [] };
      const first = parts[0]!;
      if (first.k !== 'str') low.unsupported(tt, `${name}! needs a string literal first`);
      return formatMacro('panic' as 'println', `${prefix}: ${first.value}`, parts.slice(1), pos, first.pos);
    }
    case 'dbg': {
      const items = args('args');
      const texts = macroArgTexts(tt);
      return { k: 'dbg', pos, items, texts };
    }
    default:
      return low.unsupported(node, `the macro ${name}! is not supported yet`);
  }
}

/** An assertion's custom message (`assert!(c, "x = {}", x)`), or undefined when there is none. */
function message(low: Lowering, node: Node, parts: Expr[], pos: Pos): Expr | undefined {
  if (!parts.length) return undefined;
  const first = parts[0]!;
  if (first.k !== 'str') low.unsupported(node, 'an assertion message must start with a string literal');
  return formatMacro('message' as 'println', first.value, parts.slice(1), pos, first.pos);
}

/** The source text of each top-level argument of a macro (what `dbg!` prints beside the value). */
function macroArgTexts(tt: Node): string[] {
  const texts: string[] = [];
  let depth = 0;
  let current = '';
  const inner = tt.text.slice(1, -1);
  for (const ch of inner) {
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      texts.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) texts.push(current.trim());
  return texts;
}

function formatMacro(mac: 'println', template: string, args: Expr[], pos: Pos, tplPos: Pos): Expr {
  // Inline names `{x}` become arguments; positional holes take the given ones in order.
  const out: Expr[] = [];
  const debug: boolean[] = [];
  const specs: FmtSpec[] = [];
  const widths: (Expr | undefined)[] = [];
  let next = 0;
  // `name = value` arguments come after the positional ones; `{name}` takes them before a variable.
  const named = new Map<string, { value: Expr; used: boolean }>();
  while (args.length) {
    const last = args[args.length - 1]!;
    if (last.k !== 'assign' || last.op !== '=' || last.l.k !== 'name') break;
    named.set(last.l.name, { value: last.r, used: false });
    args = args.slice(0, -1);
  }
  let rebuilt = '';
  for (let i = 0; i < template.length; i++) {
    const c = template[i]!;
    if ((c === '{' || c === '}') && template[i + 1] === c) {
      rebuilt += c + c;
      i++;
      continue;
    }
    if (c === '}') throw new RustCompileError("invalid format string: unmatched `}` found", tplPos.line, tplPos.col);
    if (c !== '{') {
      rebuilt += c;
      continue;
    }
    const close = template.indexOf('}', i);
    if (close < 0) throw new RustCompileError("invalid format string: expected `}` but string was terminated", tplPos.line, tplPos.col);
    const inner = template.slice(i + 1, close);
    const colon = inner.indexOf(':');
    const name = colon < 0 ? inner : inner.slice(0, colon);
    const specText = colon < 0 ? '' : inner.slice(colon + 1);
    const spec = parseSpec(specText);
    if (!spec) throw new RustSubsetError(`the format spec {${inner}} is not supported yet (fill/align, +, 0, width, .precision and ? are)`, tplPos.line, tplPos.col, 'format_spec');
    let arg: Expr;
    if (!name) {
      arg = args[next++]!;
      if (!arg) throw new RustCompileError(`${countHoles(template)} positional arguments in format string, but there are ${args.length} arguments`, tplPos.line, tplPos.col);
    } else if (/^\d+$/.test(name)) {
      arg = args[Number(name)]!;
      if (!arg) throw new RustCompileError(`invalid reference to positional argument ${name}`, tplPos.line, tplPos.col);
      next = Math.max(next, Number(name) + 1);
    } else if (named.has(name)) {
      const n = named.get(name)!;
      n.used = true;
      arg = n.value;
    } else {
      arg = { k: 'name', pos: tplPos, name };
    }
    out.push(arg);
    debug.push(spec.debug);
    specs.push(spec);
    if (spec.widthArg !== undefined) {
      // `{:w$}` / `{:1$}`: the width is an argument too (named, positional or a variable).
      const w = spec.widthArg;
      let width: Expr | undefined;
      if (/^\d+$/.test(w)) {
        width = args[Number(w)];
        next = Math.max(next, Number(w) + 1);
      }
      else if (named.has(w)) {
        named.get(w)!.used = true;
        width = named.get(w)!.value;
      } else width = { k: 'name', pos: tplPos, name: w };
      if (!width) throw new RustCompileError(`invalid reference to positional argument ${w}`, tplPos.line, tplPos.col);
      widths[out.length - 1] = width;
    }
    rebuilt += '{}';
    i = close;
  }
  if (next < args.length) {
    const extra = args[next]!;
    throw new RustCompileError('argument never used', extra.pos.line, extra.pos.col);
  }
  for (const [, n] of named) if (!n.used) throw new RustCompileError('named argument never used', n.value.pos.line, n.value.pos.col);
  return { k: 'format', pos, mac, template: rebuilt, args: out, debug, specs, widths: widths.length ? widths : undefined };
}

/** Re-parses a macro's token tree as call arguments, array items or `item; count`. */
function subParse(low: Lowering, tt: Node, kind: 'args' | 'array' | 'repeat' | 'matches'): Expr[] {
  let inner = tt.text.slice(1, -1);
  if (kind === 'matches') {
    // The top-level comma becomes the match's `{` (one character: the columns stay the source's).
    const comma = topLevelComma(inner);
    if (comma < 0) return [];
    inner = `${inner.slice(0, comma)}{${inner.slice(comma + 1).replace(/,\s*$/, '')} => true, _ => false }`;
  }
  const prefix = kind === 'args' ? 'fn m(){f(' : kind === 'matches' ? 'fn m(){match ' : 'fn m(){[';
  const suffix = kind === 'args' ? ');}' : kind === 'matches' ? ';}' : '];}';
  const start = tt.startPosition;
  const saved = low.origin;
  // Column of the first inner character in the snippet, minus the prefix the sub-parse added.
  const base = { row: start.row + saved.row, col: (start.row === 0 ? saved.col : 0) + start.column + 1 - prefix.length };
  let tree;
  try {
    tree = parseRust(prefix + inner + suffix);
  } catch (e) {
    if (!(e instanceof RustSyntaxError)) throw e;
    // Back to the snippet's coordinates.
    const row = e.line - 1;
    const column = e.column - 1;
    throw new RustSyntaxError(e.reason, row + base.row + 1, (row === 0 ? column + base.col : column) + 1);
  }
  low.origin = base;
  try {
    const fnBody = tree.rootNode.namedChildren[0]!.childForFieldName('body')!;
    const stmt = low.named(fnBody)[0]!;
    const e = stmt.type === 'expression_statement' ? low.named(stmt)[0]! : stmt;
    if (kind === 'args') return low.named(low.field(e, 'arguments')).map((a) => low.expr(a));
    if (kind === 'array') return low.named(e).map((a) => low.expr(a));
    if (kind === 'matches') return [low.expr(e)];
    const [item, count] = low.named(e);
    return [low.expr(item!), low.expr(count!)];
  } finally {
    low.origin = saved;
    tree.delete();
  }
}

/** Where the first comma outside brackets is in a macro's text, or -1. */
function topLevelComma(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) return i;
  }
  return -1;
}

function countHoles(template: string): number {
  return (template.replace(/\{\{|\}\}/g, '').match(/\{[^}]*\}/g) ?? []).length;
}
