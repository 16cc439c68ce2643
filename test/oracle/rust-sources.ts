/**
 * Loads a folder of small Rust programs (`NN-name.rs`), each opening with `//` comment lines that
 * say what it teaches. Used for the engine scenarios and the interpreter's course snippets.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface RustProgram {
  /** File name without `.rs`, e.g. "06-vec-i32-push-growth". */
  name: string;
  file: string;
  source: string;
  /** The header comment, without the `//` markers. */
  teaches: string;
}

export function loadRustPrograms(dir: string): RustProgram[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.rs'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const source = fs.readFileSync(file, 'utf8');
      return { name: f.slice(0, -3), file, source, teaches: headerComment(source) };
    });
}

function headerComment(source: string): string {
  const lines: string[] = [];
  for (const line of source.split('\n')) {
    const m = /^\s*\/\/+\s?(.*)$/.exec(line);
    if (!m) break;
    lines.push(m[1]);
  }
  return lines.join('\n').trim();
}
