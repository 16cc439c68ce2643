import type { RustRun } from './run/result';

/**
 * What can go wrong with a snippet, each with the source position a student needs:
 * - RustSyntaxError: tree-sitter could not parse it (ERROR / MISSING nodes);
 * - RustSubsetError: valid Rust, but a construct the interpreter does not run yet;
 * - RustCompileError: rustc would reject it (use after move, mismatched types, …), with rustc's code.
 * A panic is not an error of ours: the run ends like Rust's and the result says so (RustRun.panic).
 */
export class RustSourceError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(`${message} (line ${line}, column ${column})`);
    this.name = 'RustSourceError';
  }
  /** The message without the position suffix. */
  get reason(): string {
    return this.message.replace(/ \(line \d+, column \d+(: [a-z_]+)?\)$/, '');
  }
}

export class RustSyntaxError extends RustSourceError {
  constructor(message: string, line: number, column: number) {
    super(message, line, column);
    this.name = 'RustSyntaxError';
  }
}

export class RustSubsetError extends RustSourceError {
  constructor(message: string, line: number, column: number, readonly construct: string) {
    super(message, line, column);
    this.message = `${message} (line ${line}, column ${column}: ${construct})`;
    this.name = 'RustSubsetError';
  }
}

export class RustCompileError extends RustSourceError {
  /** rustc's error code, e.g. "E0382"; undefined for our own rejections. */
  constructor(message: string, line: number, column: number, readonly code?: string) {
    super(code ? `error[${code}]: ${message}` : message, line, column);
    this.name = 'RustCompileError';
  }
}

/** Thrown inside the interpreter when the program panics; turned into RustRun.panic. */
export class RustPanic extends Error {
  constructor(readonly panicMessage: string, readonly line: number) {
    super(`panicked at '${panicMessage}', line ${line}`);
    this.name = 'RustPanic';
  }
}

/** Thrown by `std::process::exit`: the run ends with this status, running no destructors (RustRun.exitCode). */
export class RustExit extends Error {
  constructor(readonly code: number, readonly line: number) {
    super(`process::exit(${code}) at line ${line}`);
    this.name = 'RustExit';
  }
}

/**
 * The run reached one of its limits (run/limits.ts): statements, wall time or the interpreter's
 * memory. `partial` is the run up to that point (its timeline's meta.ended says why), like the
 * lab's partial results after a Ctrl-C; absent only where no run was kept.
 */
export class RustBudgetError extends Error {
  partial?: RustRun;
  constructor(message: string, readonly budget: 'statements' | 'time' | 'memory', readonly line: number) {
    super(message);
    this.name = 'RustBudgetError';
  }
}

/**
 * The run spent its budget of statements, loop passes and calls (maxStatements, or maxSteps as it
 * was first called): an endless loop or recursion, most likely. `steps` is that budget (the name is kept for callers).
 */
export class RustStepLimitError extends RustBudgetError {
  constructor(readonly steps: number, line: number) {
    super(`stopped after ${steps} statements and loop passes (maxStatements; calls count too) at line ${line}: is there an endless loop or recursion?`, 'statements', line);
    this.name = 'RustStepLimitError';
  }
}

/** The run took longer than its time limit (timeLimitMs; `memscope run --time-limit`). */
export class RustTimeLimitError extends RustBudgetError {
  constructor(readonly limitMs: number, line: number) {
    super(`stopped at line ${line} after its time limit of ${limitMs / 1000} s (timeLimitMs; memscope run --time-limit SECONDS): is there an endless loop or recursion?`, 'time', line);
    this.name = 'RustTimeLimitError';
  }
}

/** The interpreter's own memory (the recorded timeline, mostly) passed its limit (memoryLimit; `memscope run --memory-limit`). */
export class RustMemoryLimitError extends RustBudgetError {
  constructor(readonly limit: number, readonly used: number, line: number) {
    super(
      `stopped at line ${line}: the interpreter's memory (${mib(used)}, mostly the recorded timeline) passed its limit of ${mib(limit)} ` +
        `(memoryLimit; memscope run --memory-limit BYTES): a run this long records too much to show; is there an endless loop or recursion?`,
      'memory',
      line,
    );
    this.name = 'RustMemoryLimitError';
  }
}

function mib(bytes: number): string {
  return `${Math.round(bytes / 2 ** 20)} MiB`;
}
