import { EventKind, OwnerKind } from '../../format/events';
import type { Value } from '../../format/values';
import { allocColumns, growColumns, trimColumns, type EventColumns, type MetricColumns } from './columns';
import { Timeline, type TimelineMeta } from './timeline';

/** Current values of the metrics; the machine updates them, every recorded event copies them. */
export interface MetricState {
  frames: number;
  stackBytes: number;
  heapLive: number;
  heapBlocks: number;
  footprint: number;
  staticBytes: number;
  allocWork: number;
}

/** A heap block's owner as recorded with an event. */
export interface OwnerRef {
  kind: OwnerKind;
  o1: number;
  o2: number;
}

export const NO_OWNER: OwnerRef = { kind: OwnerKind.None, o1: -1, o2: -1 };

/**
 * Appends events to growable typed-array columns. The hot path is `record`, which takes
 * positional arguments and writes straight into the columns: no object per event.
 */
export class TimelineRecorder {
  private events: EventColumns;
  private metrics: MetricColumns;
  private capacity: number;
  length = 0;
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  private readonly values: Value[] = [];
  /** The source line the next events belong to (-1: none). */
  line = -1;
  readonly state: MetricState = { frames: 0, stackBytes: 0, heapLive: 0, heapBlocks: 0, footprint: 0, staticBytes: 0, allocWork: 0 };

  constructor(initialCapacity = 1024) {
    this.capacity = initialCapacity;
    ({ events: this.events, metrics: this.metrics } = allocColumns(initialCapacity));
  }

  intern(text: string): number {
    let id = this.stringIds.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.stringIds.set(text, id);
    }
    return id;
  }

  /** Values are immutable once recorded; the same object may be recorded again cheaply. */
  addValue(value: Value): number {
    this.values.push(value);
    return this.values.length - 1;
  }

  record(
    kind: EventKind,
    a: number,
    b: number,
    name: number,
    type: number,
    value: number,
    addr: number,
    size: number,
    align: number,
    aux = 0,
    aux2 = 0,
    owner: OwnerRef = NO_OWNER,
  ): number {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    const e = this.events;
    e.kind[i] = kind;
    e.line[i] = this.line;
    e.a[i] = a;
    e.b[i] = b;
    e.name[i] = name;
    e.type[i] = type;
    e.value[i] = value;
    e.addr[i] = addr;
    e.size[i] = size;
    e.align[i] = align;
    e.aux[i] = aux;
    e.aux2[i] = aux2;
    e.ownerKind[i] = owner.kind;
    e.owner1[i] = owner.o1;
    e.owner2[i] = owner.o2;
    const m = this.metrics;
    const s = this.state;
    m.frames[i] = s.frames;
    m.stackBytes[i] = s.stackBytes;
    m.heapLive[i] = s.heapLive;
    m.heapBlocks[i] = s.heapBlocks;
    m.footprint[i] = s.footprint;
    m.staticBytes[i] = s.staticBytes;
    m.allocWork[i] = s.allocWork;
    return i;
  }

  finish(meta: TimelineMeta): Timeline {
    return new Timeline(
      meta,
      this.length,
      trimColumns(this.events, this.length),
      trimColumns(this.metrics, this.length),
      this.strings.slice(),
      this.values.slice(),
    );
  }

  private grow(): void {
    this.capacity *= 2;
    this.events = growColumns(this.events, this.capacity);
    this.metrics = growColumns(this.metrics, this.capacity);
  }
}
