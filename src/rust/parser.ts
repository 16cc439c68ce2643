/**
 * tree-sitter-rust through web-tree-sitter: initialised once (async: the parser is wasm), then
 * parsing is synchronous. Node loads the grammar from the tree-sitter-rust package; a browser
 * passes the wasm's URL or bytes.
 */
import { Language, Parser, type Node, type Tree } from 'web-tree-sitter';
import { RustSyntaxError } from './errors';

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
    const bad = firstError(tree.rootNode);
    if (bad) throw syntaxError(bad, source);
  }
  return tree;
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
