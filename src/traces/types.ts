import type { TraceProblem } from '../format/lab-report';

/**
 * One heap operation from a recorded program, as every importer yields it.
 * Blocks are named by the id the trace gives them (a pointer value for mtrace,
 * a block id or address in memscope's own format); `line` is the 1-based line
 * of the source file the event came from, for error messages.
 */
export type TraceEvent =
  | { op: 'alloc'; id: string; size: number; align: number; line: number; site?: number }
  | { op: 'free'; id: string; line: number }
  /** Resize block `id`; the result is named `newId` (equal to `id` when it stayed in place). */
  | { op: 'realloc'; id: string; newId: string; size: number; align: number; line: number; site?: number };
// `site`: the caller, an index into the reader's sites() table; set only when sites are asked for (ReadTraceOptions.sites).

// A trace problem travels in the lab's reports, so its shape is the format's.
export type { TraceProblem, ProblemMode } from '../format/lab-report';

export class TraceError extends Error {
  constructor(readonly problem: TraceProblem) {
    super(`${problem.file}:${problem.line}: ${problem.message}`);
    this.name = 'TraceError';
  }
}
