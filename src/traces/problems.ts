import { ProblemMode, TraceError, TraceProblem } from './types';

export type TraceProblemKind = TraceProblem['kind'];

/** What went wrong in a trace, as a reader reports it at the end (and live while reading). */
export interface ProblemSummary {
  /** Problems found, all kinds together. */
  total: number;
  byKind: Record<TraceProblemKind, number>;
  /** The first problems in file order (at most `maxProblems` of them), with file:line and message. */
  first: TraceProblem[];
}

/**
 * Collects problems: strict mode throws at the first one, lenient mode counts every one
 * and keeps the first few, so a 10^7-line trace with a systematic fault stays small.
 */
export class ProblemLog {
  private readonly summary: ProblemSummary = {
    total: 0,
    byKind: { malformed: 0, 'unknown-pointer': 0, 'double-free': 0, 'duplicate-alloc': 0, unsupported: 0 },
    first: [],
  };

  constructor(
    readonly file: string,
    private readonly mode: ProblemMode,
    private readonly maxProblems: number,
  ) {}

  report(kind: TraceProblemKind, line: number, message: string): void {
    const problem: TraceProblem = { file: this.file, line, kind, message };
    if (this.mode === 'strict') throw new TraceError(problem);
    this.summary.total++;
    this.summary.byKind[kind]++;
    if (this.summary.first.length < this.maxProblems) this.summary.first.push(problem);
  }

  snapshot(): ProblemSummary {
    return { total: this.summary.total, byKind: { ...this.summary.byKind }, first: [...this.summary.first] };
  }
}
