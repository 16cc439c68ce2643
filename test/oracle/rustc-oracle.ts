/**
 * The rustc oracle: compiles a Rust program with a logging global allocator (prelude.ts), runs it,
 * and returns what the real allocator was asked to do, plus the program's stdout exactly.
 *
 *   const { events, stdout } = await runRustOracle('fn main() { let s = String::from("hi"); }');
 *   // events: [{ op: 'alloc', size: 2, align: 1 }, { op: 'dealloc', size: 2, align: 1 }]
 *
 * Recording covers the whole body of `main` (drops at its end included) unless the program calls
 * `memscope_oracle::start()` / `memscope_oracle::stop()` to bracket a region, or ends it with
 * `process::exit(` (redirected so the events are written first). std's own lazy
 * stdout buffer is created before recording starts (see `warm_up` in prelude.ts).
 *
 * Binaries are cached under os.tmpdir() keyed by the instrumented source, the flags and
 * `rustc -vV`, so reruns only execute. At most COMPILE_CONCURRENCY rustc processes run at once.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseOracleEvents, type OracleEvent } from './oracle-events';
import { EVENTS_FILE_ENV, instrument } from './prelude';

export type { OracleEvent } from './oracle-events';

export interface OracleOptions {
  /**
   * rustc's -C opt-level. Default 0: it matches what a student's `cargo run` does and keeps the
   * program's calls as written (the sequences measured here were the same at 3; see README.md).
   */
  optLevel?: 0 | 1 | 2 | 3 | 's' | 'z';
  /** Number allocations so deallocs can be matched to their block (adds `block` to each event). */
  blocks?: boolean;
  /**
   * Create stdout's 1024-byte LineWriter buffer before recording starts (default true). Only
   * turn off to see std's own lazy allocation on the first println!.
   */
  warmUp?: boolean;
  /** Names the source in rustc's errors and ours, e.g. "07-vec-growth.rs". */
  fileName?: string;
  /** Where binaries are cached; default $MEMSCOPE_ORACLE_CACHE, else `<os.tmpdir()>/memscope-rustc-oracle`. */
  cacheDir?: string;
  /** The rustc to use; default `rustc` on PATH. */
  rustc?: string;
  /** Kill the program after this long; default 60 s (the programs run in milliseconds: this only ends a hang, and a loaded CI machine took over 10 s for a hello world). */
  timeoutMs?: number;
}

export interface OracleRun {
  events: OracleEvent[];
  stdout: string;
}

/**
 * A program that compiled but failed when run (panic, non-zero exit, timeout). After a panic,
 * `events` holds what was recorded before it: recording stops when the panic starts, so neither
 * std's panic machinery nor the drops during unwinding are in it.
 */
export class OracleRunError extends Error {
  constructor(
    message: string,
    readonly stdout: string,
    readonly stderr: string,
    readonly exitCode: number | null,
    readonly events?: OracleEvent[],
  ) {
    super(message);
    this.name = 'OracleRunError';
  }
}

export const COMPILE_CONCURRENCY = 2;
/** Part of the cache key: bump when the way binaries are built changes beyond `args` (e.g. the path remap). */
const BUILD_RECIPE = 2;
const RUSTC_MISSING = 'rustc not found: the oracle needs rustc on PATH (install the Rust toolchain)';

export async function runRustOracle(source: string, opts: OracleOptions = {}): Promise<OracleRun> {
  const fileName = opts.fileName ?? 'main.rs';
  const binary = await compile(instrument(source, { fileName, warmUp: opts.warmUp }), fileName, opts);
  return execute(binary, fileName, opts);
}

// ---------------------------------------------------------------- compiling

interface Output {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: Buffer;
  timedOut: boolean;
}

function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Output> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err), timedOut });
    });
  });
}

function isMissing(e: unknown): boolean {
  return (e as NodeJS.ErrnoException)?.code === 'ENOENT';
}

const versions = new Map<string, Promise<string>>();

/** `rustc -vV` (release, commit, host, LLVM), part of the cache key. */
function rustcVersion(rustc: string): Promise<string> {
  let v = versions.get(rustc);
  if (!v) {
    v = run(rustc, ['-vV'], { timeoutMs: 30_000 }).then(
      (o) => {
        if (o.code !== 0) throw new Error(`${rustc} -vV failed:\n${o.stderr.toString()}`);
        return o.stdout.toString();
      },
      (e) => {
        throw isMissing(e) ? new Error(RUSTC_MISSING) : e;
      },
    );
    versions.set(rustc, v);
    v.catch(() => versions.delete(rustc)); // let a later call retry, e.g. after installing rustc
  }
  return v;
}

/** A counting semaphore: rustc is CPU-heavy and the machine has two cores. */
let compiling = 0;
const waiting: (() => void)[] = [];
async function withCompileSlot<T>(work: () => Promise<T>): Promise<T> {
  if (compiling >= COMPILE_CONCURRENCY) await new Promise<void>((r) => waiting.push(r));
  else compiling++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else compiling--;
  }
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

async function compile(program: string, fileName: string, opts: OracleOptions): Promise<string> {
  const rustc = opts.rustc ?? 'rustc';
  const optLevel = String(opts.optLevel ?? 0);
  // strip=debuginfo only drops std's debug info from the binary (4.4 MB → 0.5 MB per cache entry);
  // code generation, and so the allocation sequence, is unchanged.
  const args = ['--edition', '2021', '-C', `opt-level=${optLevel}`, '-C', 'strip=debuginfo', '--crate-name', 'oracle', '--crate-type', 'bin'];
  const version = await rustcVersion(rustc);
  const key = createHash('sha256')
    .update(JSON.stringify({ recipe: BUILD_RECIPE, version, args, fileName, program }))
    .digest('hex')
    .slice(0, 24);
  const cacheDir = opts.cacheDir ?? process.env.MEMSCOPE_ORACLE_CACHE ?? path.join(os.tmpdir(), 'memscope-rustc-oracle');
  const entry = path.join(cacheDir, key);
  const binary = path.join(entry, 'oracle');
  if (await exists(binary)) return binary;

  return withCompileSlot(async () => {
    if (await exists(binary)) return binary; // compiled by another caller while we waited
    await fs.mkdir(cacheDir, { recursive: true });
    // Build in a private directory and rename it into place, so a reader never sees a half-written binary.
    const scratch = await fs.mkdtemp(path.join(cacheDir, `${key}.tmp-`));
    try {
      const src = path.join(scratch, path.basename(fileName));
      await fs.writeFile(src, program);
      let out: Output;
      try {
        // Remapping the scratch folder away makes rustc's errors and the program's panic locations
        // read `main.rs:4:21` instead of a temporary path.
        const remap = `--remap-path-prefix=${scratch}${path.sep}=`;
        out = await run(rustc, [...args, remap, src, '-o', path.join(scratch, 'oracle')], { timeoutMs: 180_000 });
      } catch (e) {
        throw isMissing(e) ? new Error(RUSTC_MISSING) : e;
      }
      if (out.code !== 0) {
        const why = out.timedOut ? 'timed out' : `exit ${out.code ?? out.signal}`;
        throw new Error(`rustc rejected ${fileName} (${why}):\n${out.stderr.toString()}`);
      }
      try {
        await fs.rename(scratch, entry);
      } catch (e) {
        if (!(await exists(binary))) throw e; // someone else's identical build won the race: use theirs
      }
      return binary;
    } finally {
      await fs.rm(scratch, { recursive: true, force: true });
    }
  });
}

// ---------------------------------------------------------------- running

async function execute(binary: string, fileName: string, opts: OracleOptions): Promise<OracleRun> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'memscope-oracle-run-'));
  const eventsFile = path.join(dir, 'events.txt');
  try {
    const env = { ...process.env, [EVENTS_FILE_ENV]: eventsFile };
    const out = await run(binary, [], { env, timeoutMs: opts.timeoutMs ?? 60_000 });
    const stdout = out.stdout.toString('utf8');
    const stderr = out.stderr.toString('utf8');
    if (out.timedOut || out.code !== 0) {
      const why = out.timedOut
        ? `was killed after ${opts.timeoutMs ?? 60_000} ms`
        : `exited with ${out.code ?? out.signal}`;
      const text = await fs.readFile(eventsFile, 'utf8').catch(() => undefined);
      let events: OracleEvent[] | undefined;
      try {
        events = text === undefined ? undefined : parseOracleEvents(text, { blocks: opts.blocks, source: `${fileName} events` });
      } catch {
        events = undefined; // the run's failure is the error to report, not a damaged event file
      }
      throw new OracleRunError(`${fileName} ${why}:\n${stderr}`, stdout, stderr, out.code, events);
    }
    const text = await fs.readFile(eventsFile, 'utf8').catch(() => {
      throw new OracleRunError(
        `${fileName}: the program exited without writing its events (a bare exit( imported from std::process is not redirected: call it as process::exit( )`,
        stdout,
        stderr,
        out.code,
      );
    });
    return { events: parseOracleEvents(text, { blocks: opts.blocks, source: `${fileName} events` }), stdout };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
