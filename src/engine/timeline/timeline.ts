import { EventKind, METRIC_COLUMNS, type MetricColumn } from '../../format/events';
import { EventLog, type TimelineMeta } from './event-log';
import { storeBuffers, type EventStore } from './event-store';
import { valueTableBuffers, type ValueTable } from './value-table';
import { metricBuffers, metricPeak, metricsAt, type MetricSteps } from './metrics';
import type { Snapshot } from '../../format/snapshot';
import { SnapshotIndex } from './snapshot';

export type { EventRecord, TimelineMeta } from './event-log';

/** What a Timeline is made of, as plain data: a worker thread sends this (its buffers moved, not copied). */
export interface TimelineParts {
  meta: TimelineMeta;
  events: EventStore;
  metricSteps: MetricSteps;
  strings: readonly string[];
  values: ValueTable;
}

/**
 * A recorded run: every change to memory in order (columnar), and the metrics after each
 * (the EventLog), with the questions asked of it. Immutable once built. `snapshot(step)` gives the whole state at any step in O(state)
 * time through checkpoints, without replaying from the start.
 */
export class Timeline extends EventLog {
  private index: SnapshotIndex | undefined;

  static fromParts(p: TimelineParts): Timeline {
    return new Timeline(p.meta, p.events, p.metricSteps, p.strings, p.values);
  }

  /** The timeline as plain data and the buffers that can be transferred with it (postMessage). */
  parts(): { parts: TimelineParts; transfer: ArrayBufferLike[] } {
    const parts: TimelineParts = { meta: this.meta, events: this.store, metricSteps: this.metricSteps, strings: this.strings, values: this.valueTable };
    const transfer = [...new Set([...storeBuffers(this.store), ...metricBuffers(this.metricSteps), ...valueTableBuffers(this.valueTable)])];
    return { parts, transfer };
  }

  /** The whole memory state after `step` (0-based; -1 is the empty state before the first event). */
  snapshot(step: number): Snapshot {
    if (step !== -1) this.checkStep(step);
    this.index ??= new SnapshotIndex(this);
    return this.index.snapshot(step);
  }

  /** Text printed by the program up to and including `step` (all of it by default). */
  output(step = this.length - 1): string {
    let text = '';
    const { kind: kinds, name } = this.store.columns;
    for (let i = 0; i <= step && i < this.length; i++) {
      if (kinds[i] === EventKind.Output) text += this.strings[name[i]!];
    }
    return text;
  }

  /** Peak of a metric over the run and the first step where it is reached. */
  peak(name: MetricColumn): { value: number; step: number } {
    return metricPeak(this.metricSteps, name);
  }

  /** The final value of each metric. */
  final(): Record<MetricColumn, number> {
    if (this.length === 0) return Object.fromEntries(METRIC_COLUMNS.map((name) => [name, 0])) as Record<MetricColumn, number>;
    return metricsAt(this.metricSteps, this.length - 1);
  }

  /** Counts of heap operations, as a student would tally them. */
  heapOps(): { allocs: number; reallocs: number; frees: number } {
    let allocs = 0;
    let reallocs = 0;
    let frees = 0;
    const kinds = this.store.columns.kind;
    for (let i = 0; i < this.length; i++) {
      const k = kinds[i];
      if (k === EventKind.HeapAlloc) allocs++;
      else if (k === EventKind.HeapRealloc) reallocs++;
      else if (k === EventKind.HeapFree) frees++;
    }
    return { allocs, reallocs, frees };
  }
}
