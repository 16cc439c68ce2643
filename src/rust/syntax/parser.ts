/**
 * tree-sitter-rust through web-tree-sitter: initialised once (async: the parser is wasm), then
 * parsing is synchronous. Node loads the grammar from the tree-sitter-rust package; a browser
 * passes the wasm's URL or bytes.
 */
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';
import { RustSyntaxError } from '../errors';

export interface ParserInit {
  /** tree-sitter-rust.wasm as a URL/path or its bytes (default: the tree-sitter-rust package in Node). */
  grammarWasm?: string | Uint8Array;
  /** Where web-tree-sitter finds its own tree-sitter.wasm (browser builds); passed to Parser.init. */
  locateFile?: (name: string, scriptDirectory: string) => string;
}

let ready: Promise<Parser> | undefined;
let parser: Parser | undefined;

/** Loads the parser once; later calls return the same promise. */
export function initParser(init: ParserInit = {}): Promise<Parser> {
  ready ??= (async () => {
    await Parser.init(init.locateFile ? ({ locateFile: init.locateFile } as object) : undefined);
    const wasm = init.grammarWasm ?? defaultGrammarPath();
    const language = await Language.load(wasm);
    const p = new Parser();
    p.setLanguage(language);
    parser = p;
    return p;
  })();
  ready.catch(() => (ready = undefined));
  return ready;
}

/** The grammar's bytes from the tree-sitter-rust package (Node); read here rather than by path so
 * that web-tree-sitter needs no dynamic import (which jest's VM and some bundlers refuse). */
function defaultGrammarPath(): Uint8Array {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const fs = require('node:fs') as typeof import('node:fs');
  return fs.readFileSync(require.resolve('tree-sitter-rust/tree-sitter-rust.wasm'));
}

export function parserReady(): boolean {
  return parser !== undefined;
}

/** Parses source text; syntax errors become RustSyntaxError with the first error's position. */
export function parseRust(source: string): Tree {
  if (!parser) throw new Error('the Rust parser is not initialised: await initRust() first');
  const tree = parser.parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  if (tree.rootNode.hasError) {
    tree.delete();
    // Unbalanced delimiters and unterminated literals first: tree-sitter's recovery reports them
    // far from where they are, as an error over the whole rest of the file.
    const delimiters = delimiterError(source);
    if (delimiters) throw delimiters;
    const again = parser.parse(source)!;
    try {
      const bad = firstError(again.rootNode);
      if (bad) throw syntaxError(bad, source);
    } finally {
      again.delete();
    }
  }
  return tree;
}

const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** The first unbalanced bracket or unterminated string/char/comment, as a student would want it. */
export function delimiterError(source: string): RustSyntaxError | null {
  const open: { ch: string; line: number; col: number }[] = [];
  let line = 1;
  let col = 1;
  let i = 0;
  const advance = (n = 1) => {
    for (let k = 0; k < n && i < source.length; k++, i++) {
      if (source[i] === '\n') {
        line++;
        col = 1;
      } else col++;
    }
  };
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') advance();
      continue;
    }
    if (c === '/' && next === '*') {
      const at = { line, col };
      advance(2);
      let depth = 1;
      while (i < source.length && depth > 0) {
        if (source[i] === '/' && source[i + 1] === '*') (depth++, advance(2));
        else if (source[i] === '*' && source[i + 1] === '/') (depth--, advance(2));
        else advance();
      }
      if (depth > 0) return new RustSyntaxError('syntax error: unterminated block comment', at.line, at.col);
      continue;
    }
    if (c === '"' || (c === 'b' && next === '"')) {
      const at = { line, col };
      advance(c === 'b' ? 2 : 1);
      while (i < source.length && source[i] !== '"') advance(source[i] === '\\' ? 2 : 1);
      if (i >= source.length) return new RustSyntaxError('syntax error: unterminated double quote string (a `"` is missing)', at.line, at.col);
      advance();
      continue;
    }
    if (c === 'r' && (next === '"' || next === '#') && !/[A-Za-z0-9_]/.test(source[i - 1] ?? '')) {
      const m = /^r(#*)"/.exec(source.slice(i));
      if (m) {
        const at = { line, col };
        const end = source.indexOf(`"${m[1]}`, i + m[0].length);
        if (end < 0) return new RustSyntaxError('syntax error: unterminated raw string', at.line, at.col);
        advance(end + 1 + m[1]!.length - i);
        continue;
      }
    }
    if (c === "'") {
      // A char literal ('a', '\n', '\u{..}') or a lifetime ('a): only literals are skipped.
      const m = /^'(\\u\{[0-9a-fA-F_]+\}|\\.|[^\\'])'/u.exec(source.slice(i));
      if (m) {
        advance(m[0].length);
        continue;
      }
      advance();
      continue;
    }
    if (c in CLOSER) open.push({ ch: c, line, col });
    else if (c === ')' || c === ']' || c === '}') {
      const top = open.pop();
      if (!top) return new RustSyntaxError(`syntax error: unexpected closing delimiter \`${c}\` (nothing is open here)`, line, col);
      if (CLOSER[top.ch] !== c) {
        // rustc points at the delimiter left open, naming the closer that does not match it.
        return new RustSyntaxError(`syntax error: unclosed delimiter \`${top.ch}\`: the \`${c}\` at line ${line}, column ${col} does not close it (expected \`${CLOSER[top.ch]}\`)`, top.line, top.col);
      }
    }
    advance();
  }
  const top = open.pop();
  if (top) return new RustSyntaxError(`syntax error: this \`${top.ch}\` is never closed (expected \`${CLOSER[top.ch]}\` before the end of the file)`, top.line, top.col);
  return null;
}

function firstError(node: Node): Node | null {
  if (node.isMissing || node.isError) return node;
  for (const child of node.children) {
    if (child && child.hasError) {
      const found = firstError(child);
      if (found) return found;
    }
    if (child && (child.isMissing || child.isError)) return child;
  }
  return null;
}

function syntaxError(node: Node, source: string): RustSyntaxError {
  const { row, column } = node.startPosition;
  if (node.isMissing) return new RustSyntaxError(`syntax error: expected \`${node.type}\``, row + 1, column + 1);
  const text = source.slice(node.startIndex, node.endIndex).split('\n')[0]!.slice(0, 30);
  const after = node.firstChild && !node.firstChild.isError ? node.firstChild.type : '';
  const what = text.trim() ? `unexpected \`${text.trim()}\`` : 'unexpected end of input';
  return new RustSyntaxError(`syntax error: ${what}${after && after !== text.trim() ? ` after \`${after}\`` : ''}`, row + 1, column + 1);
}
