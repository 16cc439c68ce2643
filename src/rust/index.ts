/**
 * Rust snippets in, memory out. The pipeline, one folder per phase:
 *   syntax/  tree-sitter parses the source; lower.ts turns the tree into our AST (subset errors)
 *   check/   infer.ts resolves names and types (std's type rules from std/), exhaustive.ts E0004
 *   run/     compile.ts turns the typed AST into closures once, running check/moves.ts (E0382,
 *            E0499, …) in source order as it goes and std's runtimes from std/; the closures run
 *            on the engine's Machine, here or on a worker thread (thread.ts)
 * so every frame, local, allocation and drop lands in a Timeline tied to its source line.
 *
 *   const run = await runRust('fn main() { let s = String::from("hi"); println!("{s}"); }');
 *   run.stdout;        // "hi\n"
 *   run.heapEvents();  // [{op: 'alloc', size: 2, align: 1}, {op: 'dealloc', size: 2, align: 1}]
 */
import { EventKind } from '../format/events';
import { Machine } from '../engine/memory/machine';
import { AllocError, CapacityOverflowError, OwnershipError, StackOverflowError } from '../engine/memory/errors';
import { Timeline } from '../engine/timeline/timeline';
import { DEFAULT_STACK_LIMIT } from '../engine/memory/machine';
import { runOnThread, threadAvailable, type ThreadBudgetError, type ThreadResult } from './run/thread';
import { LimitWatch, runLimits } from './run/limits';
import type { HeapEvent, RustRun } from './run/result';
import type { AdtDef } from '../engine/layout/types';
import { Compiler } from './run/compile';
import { writesOf } from '../engine/std/fmt';
import { follow } from './run/values';
import type { Runtime } from './run/context';
import { RustBudgetError, RustCompileError, RustExit, RustPanic } from './errors';
import { Inference } from './check/infer';
import { Lowering } from './syntax/lower';
import { initParser, parseRust, parserReady, type ParserInit } from './syntax/parser';

export { RustSourceError, RustSyntaxError, RustSubsetError, RustCompileError, RustBudgetError, RustStepLimitError, RustTimeLimitError, RustMemoryLimitError } from './errors';
export { DEFAULT_LIMITS } from './run/limits';
export type { HeapEvent, RunLimits, RustRun } from './run/result';
export type { ParserInit } from './syntax/parser';

export interface RustRunOptions {
  /** Heap policy (default 'first-fit'). */
  policy?: string;
  /** Stack limit in bytes (default 8 MiB, as Linux gives Rust's main thread). */
  stackLimit?: number;
  /** Statements, loop passes and calls to run before giving up (default 10 000 000; a positive integer): endless loops and recursion end with RustStepLimitError. */
  maxStatements?: number;
  /** The older name of maxStatements (used when maxStatements is not given). */
  maxSteps?: number;
  /** Wall time the run may take, in milliseconds (default 60 000): past it the run ends with RustTimeLimitError. */
  timeLimitMs?: number;
  /**
   * Bytes of memory the interpreter itself may hold, mostly the recorded timeline (default 512 MiB;
   * read where Node is): past it the run ends with RustMemoryLimitError.
   */
  memoryLimit?: number;
  /**
   * Bytes the model's heap may grow to (default 8 GiB): an allocation past it fails as a real one
   * does when the system refuses the memory, "memory allocation of N bytes failed" and an abort (RustRun.abort).
   */
  heapLimit?: number;
  title?: string;
  /**
   * runRust only: run on a worker thread whose stack fits the Rust stack limit, so deep
   * recursion overflows the model's stack rather than the interpreter's (default true where
   * available: Node, compiled build).
   */
  thread?: boolean;
  /**
   * runRust on a worker thread only: aborting stops the run (the worker is ended) and the
   * promise rejects with the signal's reason. In a notebook: `interruptible((signal) => runRust(src, { signal }))`.
   */
  signal?: AbortSignal;
}

/** Loads tree-sitter and the Rust grammar (once). Browsers pass the wasm's URL or bytes. */
export async function initRust(init?: ParserInit): Promise<void> {
  await initParser(init);
}

/**
 * The statement budget the options ask for (see runLimits for every limit). NaN, Infinity,
 * negatives and fractions are refused: every comparison with NaN is false, so a NaN budget would
 * have disabled the limit.
 */
export function statementBudget(options: RustRunOptions): number {
  return runLimits(options).maxStatements;
}

export async function runRust(source: string, options: RustRunOptions = {}): Promise<RustRun> {
  options.signal?.throwIfAborted();
  runLimits(options);
  if (options.thread !== false && threadAvailable()) {
    // The signal stays here: it cannot cross to the worker (and need not).
    const { signal, ...forWorker } = options;
    let r: ThreadResult;
    try {
      r = await runOnThread(source, forWorker, options.stackLimit ?? DEFAULT_STACK_LIMIT, signal);
    } catch (e) {
      const partial = (e as ThreadBudgetError).threadPartial;
      if (e instanceof RustBudgetError && partial) e.partial = resultOf(partial);
      throw e;
    }
    return resultOf(r);
  }
  await initParser();
  return runRustSync(source, options);
}

/** `rust\`fn main() { … }\`` — the same as runRust on the template's text. */
export function rust(strings: TemplateStringsArray, ...values: unknown[]): Promise<RustRun> {
  const source = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  return runRust(source);
}

/** Synchronous run once initRust() has resolved (handy in notebook cells). */
export function runRustSync(source: string, options: RustRunOptions = {}): RustRun {
  if (!parserReady()) throw new Error('the Rust parser is not initialised: await initRust() first');
  const tree = parseRust(source);
  let prog;
  try {
    prog = new Lowering(source).program(tree.rootNode);
  } finally {
    tree.delete();
  }
  const inference = new Inference(prog);
  inference.run();
  const registry = new Map<string, AdtDef>();
  for (const [name, def] of prog.structs) registry.set(name, def);
  for (const [name, def] of prog.enums) registry.set(name, def);
  const limits = runLimits(options);
  const m = new Machine({ policy: options.policy, stackLimit: options.stackLimit, heapLimit: limits.heapLimit, registry, source, title: options.title, program: 'rust' });
  const watch = new LimitWatch(limits);
  const rt: Runtime = { m, out: [], err: [], statements: 0, iterations: 0, calls: -1, checkAt: watch.firstCheck, limits: watch }; // -1: the entry call of main is free
  const compiler = new Compiler(prog, rt);
  compiler.instances = inference;
  const main = compiler.compileAll();
  let panic: RustRun['panic'];
  let stackOverflow: RustRun['stackOverflow'];
  let abort: RustRun['abort'];
  let exitCode: number | undefined;
  const result = (): RustRun => {
    const timeline = m.finish();
    return { timeline, stdout: rt.out.join(''), stderr: rt.err.join(''), panic, stackOverflow, exitCode, abort, limits, statements: rt.statements, steps: rt.statements, iterations: rt.iterations, heapEvents: () => heapEvents(timeline) };
  };
  try {
    const ret = main(prog.fns.get('main')!.pos.line);
    // `fn main() -> Result<(), E>`: an Err exits with status 1 after printing `Error: {:?}` (std's Termination).
    if (ret.tag === 'enum' && ret.name === 'Result' && ret.variant === 'Err') {
      const out: string[] = [];
      writesOf(ret.fields[0]!, true, out, follow);
      const text = `Error: ${out.join('')}`;
      rt.err.push(`${text}\n`);
      exitCode = 1;
      m.note(text);
      m.dropValue(ret);
    }
  } catch (caught) {
    // std's RawVec panics before asking the allocator for more than isize::MAX bytes.
    const e = caught instanceof CapacityOverflowError ? new RustPanic('capacity overflow', m.line ?? 1) : caught;
    if (e instanceof RustPanic) {
      panic = { message: e.panicMessage, line: e.line };
      m.line = e.line;
      m.note(`thread 'main' panicked at line ${e.line}: ${e.panicMessage}`);
      m.end(`panicked at '${e.panicMessage}', line ${e.line}`);
    } else if (e instanceof RustExit) {
      // The process ends here: like a panic's, the timeline stops with everything still live.
      exitCode = e.code;
      m.line = e.line;
      m.end(`std::process::exit(${e.code}) at line ${e.line}`);
    } else if (e instanceof StackOverflowError) {
      stackOverflow = { message: `thread 'main' has overflowed its stack`, depth: e.depth };
    } else if (e instanceof RangeError && /call stack/.test(e.message)) {
      throw new RustCompileError(
        `the interpreter ran out of its own JavaScript stack at call depth ${m.depth}, before the ${rt.m.stackLimit}-byte Rust stack was full; ` +
          `use runRust (it runs on a worker thread with a large stack in Node) or pass a smaller stackLimit to see the overflow`,
        m.line ?? 1,
        1,
      );
    } else if (e instanceof OwnershipError) {
      // The engine caught a misuse the static checks missed: report it at the current line.
      const err = new RustCompileError(e.message, e.line ?? m.line ?? 1, 1);
      (err as RustCompileError & { caughtAtRunTime?: boolean }).caughtAtRunTime = true;
      throw err;
    } else if (e instanceof AllocError) {
      m.end(e.message);
      abort = { message: `memory allocation of ${e.size} bytes failed`, size: e.size, line: m.line ?? 1 };
    } else if (e instanceof RustBudgetError) {
      // The run so far is kept, as after a panic: its timeline ends where the limit was met.
      m.end(e.message);
      e.partial = result();
      throw e;
    } else throw e;
  }
  return result();
}

/** A run as the worker thread sent it back. */
function resultOf(r: ThreadResult): RustRun {
  const timeline = Timeline.fromParts(r.timeline);
  return { timeline, stdout: r.stdout, stderr: r.stderr, panic: r.panic, stackOverflow: r.stackOverflow, exitCode: r.exitCode, abort: r.abort, limits: r.limits, statements: r.statements, steps: r.statements, iterations: r.iterations, heapEvents: () => heapEvents(timeline) };
}

/** The heap events of a timeline in the oracle's vocabulary. */
export function heapEvents(t: Timeline): HeapEvent[] {
  const out: HeapEvent[] = [];
  for (let i = 0; i < t.length; i++) {
    const k = t.kindAt(i);
    if (k === EventKind.HeapAlloc) out.push({ op: 'alloc', size: t.size(i), align: t.align(i) });
    else if (k === EventKind.HeapRealloc) out.push({ op: 'realloc', size: t.size(i), align: t.align(i), old_size: t.aux2(i) });
    else if (k === EventKind.HeapFree) out.push({ op: 'dealloc', size: t.size(i), align: t.align(i) });
  }
  return out;
}
