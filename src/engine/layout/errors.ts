/**
 * Errors of the layout calculator. Both are user errors (bad type text, a type that has no
 * layout): callers print the message, they never need a stack trace.
 */

/** A type that cannot be laid out: unknown name, unsized by value, infinitely recursive, too big. */
export class LayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LayoutError';
  }
}

/** Malformed Rust type or declaration text; the message names where and what was expected. */
export class TypeSyntaxError extends LayoutError {
  /** 1-based line of the offending token (always 1 for a one-line type). */
  readonly line: number;
  /** 1-based column of the offending token (one past the end for "unexpected end"). */
  readonly column: number;
  /** What the parser wanted there, e.g. "'>' to close 'Vec<'". */
  readonly expected: string;

  constructor(line: number, column: number, expected: string, found: string, multiline: boolean) {
    const where = multiline ? `line ${line}, column ${column}` : `column ${column}`;
    super(`${where}: expected ${expected}, found ${found}`);
    this.name = 'TypeSyntaxError';
    this.line = line;
    this.column = column;
    this.expected = expected;
  }
}
