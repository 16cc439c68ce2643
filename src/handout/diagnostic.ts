/**
 * A failed run as rustc prints it: the message, an arrow to line:column, the line itself and a
 * caret under the column, so a student reads the same shape of error as from cargo.
 *
 *   error[E0382]: borrow of moved value: `s`
 *    --> src/main.rs:4:20
 *     |
 *   4 |     println!("{}", s);
 *     |                    ^
 */
import type { RunFailure } from './protocol';

export function rustcMessage(failure: RunFailure, source: string): string {
  const head = failure.kind === 'compile' && /^error(\[|:)/.test(failure.message)
    ? failure.message
    : `${failure.kind === 'internal' ? 'internal error' : 'error'}: ${failure.message}`;
  if (failure.line === null) return head;
  const text = source.split('\n')[failure.line - 1];
  if (text === undefined) return `${head}\n --> src/main.rs:${failure.line}`;
  const number = String(failure.line);
  const pad = ' '.repeat(number.length);
  const column = failure.column ?? null;
  const lines = [head, `${pad}--> src/main.rs:${number}${column !== null ? `:${column}` : ''}`, `${pad} |`, `${number} | ${text}`];
  if (column !== null && column >= 1) lines.push(`${pad} | ${' '.repeat(Math.min(column - 1, text.length))}^`);
  return lines.join('\n');
}
