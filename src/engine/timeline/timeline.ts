import { EventKind, type MetricColumn } from '../../format/events';
import { EventLog } from './event-log';
import type { Snapshot } from '../../format/snapshot';
import { SnapshotIndex } from './snapshot';

export type { EventRecord, TimelineMeta } from './event-log';

/**
 * A recorded run: every change to memory in order (columnar), and the metrics after each
 * (the EventLog), with the questions asked of it. Immutable once built. `snapshot(step)` gives the whole state at any step in O(state)
 * time through checkpoints, without replaying from the start.
 */
export class Timeline extends EventLog {
  private index: SnapshotIndex | undefined;

  /** The whole memory state after `step` (0-based; -1 is the empty state before the first event). */
  snapshot(step: number): Snapshot {
    if (step !== -1) this.checkStep(step);
    this.index ??= new SnapshotIndex(this);
    return this.index.snapshot(step);
  }

  /** Text printed by the program up to and including `step` (all of it by default). */
  output(step = this.length - 1): string {
    let text = '';
    const kinds = this.events.kind;
    for (let i = 0; i <= step && i < this.length; i++) {
      if (kinds[i] === EventKind.Output) text += this.strings[this.events.name[i]!];
    }
    return text;
  }

  /** Peak of a metric over the run and the first step where it is reached. */
  peak(name: MetricColumn): { value: number; step: number } {
    const column = this.metrics[name];
    let value = 0;
    let step = -1;
    for (let i = 0; i < this.length; i++) {
      if (column[i]! > value) {
        value = column[i]!;
        step = i;
      }
    }
    return { value, step };
  }

  /** The final value of each metric. */
  final(): Record<MetricColumn, number> {
    const out = {} as Record<MetricColumn, number>;
    for (const [name, column] of Object.entries(this.metrics) as Array<[MetricColumn, ArrayLike<number>]>) {
      out[name] = this.length === 0 ? 0 : column[this.length - 1]!;
    }
    return out;
  }

  /** Counts of heap operations, as a student would tally them. */
  heapOps(): { allocs: number; reallocs: number; frees: number } {
    let allocs = 0;
    let reallocs = 0;
    let frees = 0;
    const kinds = this.events.kind;
    for (let i = 0; i < this.length; i++) {
      const k = kinds[i];
      if (k === EventKind.HeapAlloc) allocs++;
      else if (k === EventKind.HeapRealloc) reallocs++;
      else if (k === EventKind.HeapFree) frees++;
    }
    return { allocs, reallocs, frees };
  }
}
