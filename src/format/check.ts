import { FormatError } from './errors';

/** The one shape test every reader shares: a JSON object (not null, not an array). */
export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * The checks every document reader makes, bound to the document's source (a file name, or
 * "payload"), so each reader states only what it expects where: `c.int(x, 'meta.steps', 0)`.
 * Every failure is a FormatError naming the JSON path and what was expected.
 */
export class Checker {
  constructor(readonly source: string) {}

  fail(path: string, expected: string): never {
    throw new FormatError(path, expected, this.source);
  }

  obj(x: unknown, path: string, what = 'an object'): Record<string, unknown> {
    if (!isObject(x)) this.fail(path, what);
    return x;
  }

  arr(x: unknown, path: string, what = 'an array'): unknown[] {
    if (!Array.isArray(x)) this.fail(path, what);
    return x;
  }

  num(x: unknown, path: string, what = 'a finite number'): number {
    if (typeof x !== 'number' || !Number.isFinite(x)) this.fail(path, what);
    return x;
  }

  /** An integer; with `min`, at least that. */
  int(x: unknown, path: string, min = -Infinity): number {
    if (typeof x !== 'number' || !Number.isInteger(x) || x < min) this.fail(path, min === -Infinity ? 'an integer' : `an integer >= ${min}`);
    return x;
  }

  str(x: unknown, path: string): string {
    if (typeof x !== 'string') this.fail(path, 'a string');
    return x;
  }

  bool(x: unknown, path: string): boolean {
    if (typeof x !== 'boolean') this.fail(path, 'true or false');
    return x;
  }

  optStr(x: unknown, path: string): void {
    if (x !== undefined) this.str(x, path);
  }

  oneOf<T extends string>(x: unknown, path: string, choices: readonly T[]): T {
    if (!choices.includes(x as T)) this.fail(path, choices.map((c) => `'${c}'`).join(', ').replace(/, ([^,]*)$/, ' or $1'));
    return x as T;
  }
}
