/**
 * What a run of a Rust program gives back (runRust, runRustSync, and a limit's `partial`), in a
 * module of its own so the errors that carry a run need not import the driver.
 */
import type { Timeline } from '../../engine/timeline/timeline';

/** The limits a run is held to (run/limits.ts has the defaults and the checks). */
export interface RunLimits {
  maxStatements: number;
  timeLimitMs: number;
  memoryLimit: number;
  heapLimit: number;
}

export interface HeapEvent {
  op: 'alloc' | 'realloc' | 'dealloc';
  size: number;
  align: number;
  old_size?: number;
}

export interface RustRun {
  timeline: Timeline;
  /** What the program printed (println!/print!), up to its end or its panic. */
  stdout: string;
  /** What it wrote to stderr (eprintln!/eprint!, dbg!); a panic's message is in `panic`, not here. */
  stderr: string;
  /** Set when the program panicked: Rust's message and the line of the panic. */
  panic?: { message: string; line: number };
  /** Set when the run ended by overflowing its stack. */
  stackOverflow?: { message: string; depth: number };
  /** 1 when `main` returned `Err(e)` (std's Termination then prints `Error: {e:?}` to stderr), or the code given to `std::process::exit`. */
  exitCode?: number;
  /** Set when an allocation failed (past heapLimit): Rust prints the message and aborts (SIGABRT). */
  abort?: { message: string; size: number; line: number };
  /** The limits the run was held to (defaults filled in). */
  limits: RunLimits;
  /** Interpreted statements executed. */
  statements: number;
  /** The older name of `statements` (not a timeline step). */
  steps: number;
  /** Loop passes made (while/loop/for iterations). */
  iterations: number;
  /** The allocator calls in order, in the rustc oracle's terms. */
  heapEvents(): HeapEvent[];
}
