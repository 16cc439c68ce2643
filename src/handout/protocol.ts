/**
 * Messages between a handout page and its Rust worker. The page sends a program; the worker
 * answers with the run's view document (src/format/view.ts), the same document a notebook output
 * carries, or with an error placed on a source line. Plain data only (structured clone).
 */
import type { ViewDocument } from '../format/view';

export interface RunRequest {
  id: number;
  source: string;
  /** The settings of the run the output came from (policy, stack limit), and a step budget. */
  options: { policy?: string; stackLimit?: number; maxSteps: number; title?: string };
}

/** Where and why a program did not run: rustc-style (`error[E0382]: … --> line:column`). */
export interface RunFailure {
  /**
   * syntax / subset (not in the course subset) / compile (rustc would reject) / steps (a
   * limit met: statements, time or memory) / stack (the page's own stack) / timeout (the worker was ended) / cancelled (another
   * Run on the page took the worker) / internal (our bug).
   */
  kind: 'syntax' | 'subset' | 'compile' | 'steps' | 'stack' | 'timeout' | 'cancelled' | 'internal';
  message: string;
  line: number | null;
  column: number | null;
}

export type RunReply =
  | { id: number; ok: true; view: ViewDocument; stdout: string; ms: number }
  | { id: number; ok: false; failure: RunFailure; ms: number };
