import { promises as fs } from 'node:fs';
import { type Command, UsageError } from '../command';
import { bytesFlag, parseArgs, positiveIntegerFlag, secondsFlag, SWITCH, VALUE, valueOf } from '../args';
import { RustBudgetError, RustSourceError, RustSubsetError, runRust, type RustRun } from '../../rust';
import { decodeSource } from '../utf8';

/**
 * `memscope run FILE.rs`: runs a Rust snippet in the interpreter and prints what it printed,
 * then a short memory summary; `--json` prints the heap calls, stdout and final metrics instead.
 */
const usage = `Usage: memscope run FILE.rs [--json] [--policy NAME] [--stack-limit BYTES] [--max-steps N]
                        [--time-limit SECONDS] [--memory-limit BYTES] [--heap-limit BYTES]

Runs a Rust program (the course subset: fn, let, if/while/loop/for, structs, enums, match,
String, Vec, Box, Rc, references) in memscope's interpreter, recording every change to the
stack and the heap.

Prints the program's stdout, then a summary (allocations, peak heap and stack) on stderr.

Options:
  --json               print {"heap": [{"op", "size", "align", "old_size"?}...], "stdout",
                       "metrics", "panic"?, "stackOverflow"?} on stdout instead
  --policy NAME        heap policy (first-fit, best-fit, next-fit, tlsf, buddy, bump, ...)
  --stack-limit BYTES  stack size; deeper recursion ends with Rust's stack overflow
  --max-steps N        stop after N statements, loop passes and calls (default 10000000)
  --time-limit SECONDS stop after this much wall time (default 60)
  --memory-limit BYTES stop when the interpreter's own memory, mostly the recorded timeline,
                       passes this (default 512M; K, M, G suffixes)
  --heap-limit BYTES   the model heap grows to at most this (default 8G): past it an
                       allocation fails as in a real program ("memory allocation of N bytes
                       failed", abort)
  A run stopped by --max-steps, --time-limit or --memory-limit prints the output and summary
  of the run so far, then why it stopped.

Exit codes: 0 ok; 1 the program is not valid Rust or is outside the subset (printed as
FILE:LINE:COL: message), or a limit stopped it; 2 usage error; 101 the program panicked (as
Rust); 134 stack overflow or a failed allocation (Rust aborts).`;

interface RunArgs {
  file: string;
  json: boolean;
  policy?: string;
  stackLimit?: number;
  maxSteps?: number;
  timeLimitMs?: number;
  memoryLimit?: number;
  heapLimit?: number;
}

const FLAGS = {
  '--json': SWITCH,
  '--policy': valueOf('a policy name'),
  '--stack-limit': VALUE,
  '--max-steps': VALUE,
  '--time-limit': VALUE,
  '--memory-limit': VALUE,
  '--heap-limit': VALUE,
};

function parseRunArgs(args: string[]): RunArgs {
  const { positionals, flags } = parseArgs(args, FLAGS, 'run');
  if (positionals.length === 0) throw new UsageError('missing the Rust file to run, e.g. memscope run hello.rs');
  if (positionals.length > 1) throw new UsageError(`expected one FILE.rs, got a second one: '${positionals[1]}'`);
  return {
    file: positionals[0]!,
    json: flags['--json'] === true,
    policy: flags['--policy'],
    stackLimit: flags['--stack-limit'] === undefined ? undefined : positiveIntegerFlag('--stack-limit', flags['--stack-limit']),
    maxSteps: flags['--max-steps'] === undefined ? undefined : positiveIntegerFlag('--max-steps', flags['--max-steps']),
    timeLimitMs: flags['--time-limit'] === undefined ? undefined : secondsFlag('--time-limit', flags['--time-limit']) * 1000,
    memoryLimit: flags['--memory-limit'] === undefined ? undefined : bytesFlag('--memory-limit', flags['--memory-limit']),
    heapLimit: flags['--heap-limit'] === undefined ? undefined : bytesFlag('--heap-limit', flags['--heap-limit']),
  };
}

function bytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

function summary(run: RustRun): string {
  const heap = run.heapEvents();
  const count = (op: string) => heap.filter((e) => e.op === op).length;
  const t = run.timeline;
  return [
    `memscope: ${count('alloc')} allocations, ${count('realloc')} reallocations, ${count('dealloc')} frees`,
    `memscope: peak heap ${bytes(t.peak('heapLive').value)} in use, footprint ${bytes(t.peak('footprint').value)} (${t.meta.policy}); peak stack ${bytes(t.peak('stackBytes').value)} in ${t.peak('frames').value} frames`,
    `memscope: ${run.steps} statements, ${t.length} events`,
  ].join('\n');
}

/** What `--json` prints for a run. */
function jsonOf(run: RustRun): Record<string, unknown> {
  const doc: Record<string, unknown> = { heap: run.heapEvents(), stdout: run.stdout, metrics: run.timeline.final() };
  if (run.panic) doc.panic = run.panic;
  if (run.stackOverflow) doc.stackOverflow = run.stackOverflow;
  if (run.abort) doc.abort = run.abort;
  return doc;
}

export const runCommand: Command = {
  name: 'run',
  summary: 'Run a Rust snippet in the interpreter and show its memory (heap calls, peaks).',
  usage,
  async run(args, io) {
    const opts = parseRunArgs(args);
    let bytes: Uint8Array;
    try {
      bytes = await fs.readFile(opts.file);
    } catch (e) {
      throw new UsageError(`cannot read ${opts.file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    }
    let source: string;
    try {
      source = decodeSource(opts.file, bytes);
    } catch (e) {
      io.err(`${(e as Error).message}\n`);
      return 1;
    }
    let run: RustRun;
    try {
      const { policy, stackLimit, maxSteps, timeLimitMs, memoryLimit, heapLimit } = opts;
      run = await runRust(source, { policy, stackLimit, maxSteps, timeLimitMs, memoryLimit, heapLimit, title: opts.file });
    } catch (e) {
      if (e instanceof RustSourceError) {
        const construct = e instanceof RustSubsetError ? ` (${e.construct})` : '';
        io.err(`${opts.file}:${e.line}:${e.column}: ${e.reason}${construct}\n`);
        return 1;
      }
      if (e instanceof RustBudgetError) {
        // The run so far: what it printed and its summary, then why it stopped.
        const stopped = { budget: e.budget, message: e.message, line: e.line };
        if (opts.json) io.out(`${JSON.stringify({ ...(e.partial ? jsonOf(e.partial) : {}), stopped })}\n`);
        else if (e.partial) {
          io.out(e.partial.stdout);
          io.err(`${summary(e.partial)}\n`);
        }
        io.err(`${opts.file}:${e.line}:1: ${e.message}\n`);
        return 1;
      }
      if (e instanceof Error && /unknown (heap )?policy|policy/i.test(e.message) && opts.policy) throw new UsageError(e.message);
      throw e;
    }
    if (opts.json) {
      io.out(`${JSON.stringify(jsonOf(run))}\n`);
    } else {
      io.out(run.stdout);
      if (run.panic) io.err(`\nthread 'main' panicked at ${opts.file}:${run.panic.line}:\n${run.panic.message}\n`);
      if (run.stackOverflow) io.err(`\n${run.stackOverflow.message}\nfatal runtime error: stack overflow\n`);
      if (run.abort) {
        // Rust's words, then ours: the model's heap limit, not the machine, refused it.
        io.err(`${run.abort.message}\n`);
        io.err(`memscope: at ${opts.file}:${run.abort.line}: the model heap may grow to ${run.limits.heapLimit} bytes (--heap-limit); a real program aborts (SIGABRT) when the system refuses an allocation\n`);
      }
      io.err(`${summary(run)}\n`);
    }
    return run.panic ? 101 : run.stackOverflow || run.abort ? 134 : 0;
  },
};
