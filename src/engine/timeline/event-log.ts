import { EventKind, EVENT_KIND_NAMES, METRIC_COLUMNS, OwnerKind, regionOf, type MetricColumn } from '../../format/events';
import type { Value } from '../../format/values';
import type { EventRecord } from '../../format/snapshot';
import type { TimelineMeta } from '../../format/timeline';
import type { EventColumns } from './columns';
import { addrAt, alignAt, formatColumns, intAt, ownerRowAt, type EventStore } from './event-store';
import { metricAt, metricColumn, type MetricSteps } from './metrics';
import { valueAt, type ValueTable } from './value-table';

export type { EventRecord } from '../../format/snapshot';
export type { TimelineMeta } from '../../format/timeline';

const OWNER_NAMES = ['none', 'local', 'block', 'static', 'shared'] as const;

/**
 * The recorded events and metrics (columnar) with the readers that resolve one event's
 * fields. Snapshots are rebuilt from this (snapshot.ts); Timeline adds them on top, so the
 * imports run timeline -> snapshot -> event-log.
 */
export class EventLog {
  readonly length: number;

  constructor(
    readonly meta: TimelineMeta,
    /** The events as the engine keeps them (event-store.ts); the readers below resolve them. */
    readonly store: EventStore,
    /** The metrics where they change (metrics.ts); `metric(name, step)` reads them. */
    readonly metricSteps: MetricSteps,
    readonly strings: readonly string[],
    /** The values events index into (value-table.ts). */
    readonly valueTable: ValueTable,
  ) {
    this.length = store.length;
  }

  private formatEvents: EventColumns | undefined;

  /**
   * Each event field as the format's column. Columns stored narrower are built when first read
   * (8 bytes per step for an address); readers inside memscope use the accessors below instead.
   */
  get events(): Readonly<EventColumns> {
    return (this.formatEvents ??= formatColumns(this.store));
  }

  private denseMetrics: Record<MetricColumn, Float64Array> | undefined;

  /**
   * Each metric at every step, as the format's columns. Built when first asked for (8 bytes per
   * step and metric); readers inside memscope use `metric`, `peak` and `final` instead.
   */
  get metrics(): Readonly<Record<MetricColumn, Float64Array>> {
    if (!this.denseMetrics) {
      const dense = {} as Record<MetricColumn, Float64Array>;
      for (const name of METRIC_COLUMNS) dense[name] = metricColumn(this.metricSteps, name, this.length);
      this.denseMetrics = dense;
    }
    return this.denseMetrics;
  }

  private allValues: readonly Value[] | undefined;

  /** The value table of the format (an object per value, made once when first asked for). */
  get values(): readonly Value[] {
    return (this.allValues ??= Array.from({ length: this.valueTable.count }, (_, i) => valueAt(this.valueTable, i)));
  }

  kindAt(step: number): EventKind {
    return this.store.columns.kind[step] as EventKind;
  }

  /** The event's address (addr column). */
  addr(step: number): number {
    return addrAt(this.store, step);
  }

  size(step: number): number {
    return intAt(this.store, 'size', step);
  }

  align(step: number): number {
    return alignAt(this.store, step);
  }

  aux(step: number): number {
    return intAt(this.store, 'aux', step);
  }

  aux2(step: number): number {
    return intAt(this.store, 'aux2', step);
  }

  /** The owner recorded with the event: [ownerKind, owner1, owner2]. */
  owner(step: number): [OwnerKind, number, number] {
    const row = ownerRowAt(this.store, step);
    if (row < 0) return [OwnerKind.None, -1, -1];
    const o = this.store.owners;
    return [o.kind[row]! as OwnerKind, o.o1[row]!, o.o2[row]!];
  }

  string(index: number): string | null {
    return index < 0 ? null : this.strings[index]!;
  }

  value(index: number): Value | null {
    return index < 0 || index >= this.valueTable.count ? null : valueAt(this.valueTable, index);
  }

  event(step: number): EventRecord {
    this.checkStep(step);
    const e = this.store.columns;
    const line = e.line[step]!;
    const [ownerKind, o1, o2] = this.owner(step);
    const owner: EventRecord['owner'] = { kind: OWNER_NAMES[ownerKind] ?? 'none' };
    if (ownerKind === OwnerKind.Local) Object.assign(owner, { frame: o1, slot: o2 });
    if (ownerKind === OwnerKind.Block) owner.block = o1;
    if (ownerKind === OwnerKind.Static) owner.item = o1;
    return {
      step,
      kind: EVENT_KIND_NAMES[e.kind[step]! as EventKind],
      region: regionOf(e.kind[step]! as EventKind),
      line: line < 0 ? null : line,
      a: e.a[step]!,
      b: e.b[step]!,
      name: this.string(e.name[step]!),
      type: this.string(e.type[step]!),
      value: this.eventValue(step),
      addr: this.addr(step),
      size: this.size(step),
      align: this.align(step),
      aux: this.aux(step),
      aux2: this.aux2(step),
      owner,
    };
  }

  /**
   * The value an event records. A String/Vec header set on a local carries its len and cap in
   * the aux/aux2 columns (they change on every push; the rest of the value is shared).
   */
  eventValue(step: number): Value | null {
    const value = this.value(this.store.columns.value[step]!);
    if (value && value.k === 'buf') {
      const kind = this.store.columns.kind[step];
      if (kind === EventKind.LocalNew || kind === EventKind.LocalSet || kind === EventKind.LocalInit) {
        const len = this.aux(step);
        const cap = this.aux2(step);
        if (len >= 0 && cap >= 0) return { ...value, len, cap };
      }
    }
    return value;
  }

  metric(name: MetricColumn, step: number): number {
    this.checkStep(step);
    return metricAt(this.metricSteps, name, step);
  }

  protected checkStep(step: number): void {
    if (!Number.isInteger(step) || step < 0 || step >= this.length) {
      throw new RangeError(`step ${step} is outside this timeline (0..${this.length - 1})`);
    }
  }
}
