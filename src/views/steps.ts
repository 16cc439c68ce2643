/**
 * Which step to show: the default step of a run, and stepping by source line over the steps a
 * view carries. Pure functions over event kinds and lines, shared by the kernel's `show`, the
 * view payload and the renderer's controls.
 */
import { EventKind } from '../format/events';

/** What `defaultStep` reads: a timeline or anything with the same per-step columns. */
export interface StepColumns {
  length: number;
  kindAt(step: number): EventKind;
  metric(name: 'frames', step: number): number;
  event(step: number): { line: number | null };
}

/** Events a scope's end produces: the frees and slot ends of drop glue, the owner and value updates they make. */
const DROP_KINDS = new Set<EventKind>([EventKind.LocalEnd, EventKind.HeapFree, EventKind.HeapOwner, EventKind.HeapSet, EventKind.LocalSet, EventKind.FramePop]);

/**
 * The step a diagram shows when none is asked for: the end of `main` before its drops, where
 * everything the program built is still alive and bound (the last event is usually main's
 * return, with nothing left to draw). Found by walking back from the return of the outermost
 * frame over the drop events on its closing line. A run that never returned from main (a stack
 * overflow, a trace) shows its last step.
 *
 *   fn main() { let s = String::from("hi"); println!("{}", s); }   // → the println, s still bound
 */
export function defaultStep(t: StepColumns): number {
  const n = t.length;
  if (n === 0) return -1;
  let pop = -1;
  for (let step = n - 1; step >= 0; step--) {
    if (t.kindAt(step) === EventKind.FramePop && t.metric('frames', step) === 0) {
      pop = step;
      break;
    }
  }
  if (pop < 0) return n - 1;
  const closing = t.event(pop).line;
  let step = pop;
  while (step > 0 && DROP_KINDS.has(t.kindAt(step)) && t.event(step).line === closing && t.metric('frames', step) <= 1) step--;
  // Everything from the start was drop-like (an empty main): show the state after the call.
  return Math.max(0, step);
}

/** A step's line for stepping by line: the snapshots' own event lines (null: no line). */
export interface LineStep {
  step: number;
  line: number | null;
}

/**
 * The index to move to when stepping by source line from `index` in direction `dir` (+1 or -1):
 * the next step whose line differs from the current one, then (forward) the last step of that
 * line's run, so one press runs one whole line, as a debugger's "step over" would. Returns
 * `index` when there is nowhere to go.
 */
export function lineStep(steps: readonly LineStep[], index: number, dir: 1 | -1): number {
  if (steps.length === 0) return index;
  const at = Math.min(Math.max(0, index), steps.length - 1);
  const line = steps[at]!.line;
  let i = at + dir;
  while (i >= 0 && i < steps.length && steps[i]!.line === line) i += dir;
  if (i < 0 || i >= steps.length) return at;
  // Land at the end of that line's run (forward) or its end too going back: the state after the line ran.
  const target = steps[i]!.line;
  if (dir === 1) {
    while (i + 1 < steps.length && steps[i + 1]!.line === target) i++;
  }
  return i;
}
