import { EventKind, OwnerKind } from '../../format/events';
import type { Value } from '../../format/values';
import { EventWriter } from './event-store';
import { MetricStepsBuilder } from './metrics';
import { Timeline, type TimelineMeta } from './timeline';
import { ValueTableWriter } from './value-table';

/** Current values of the metrics; the machine updates them, an event records them when one changed (metrics.ts). */
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
 * Appends events to growable typed-array columns (event-store.ts) and the metrics where they
 * change (metrics.ts). The hot path is `record`, which takes positional arguments and writes
 * straight into the columns: no object per event.
 */
export class TimelineRecorder {
  private readonly events: EventWriter;
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  /** Values by index (value-table.ts): an integer is kept as itself. */
  private readonly values = new ValueTableWriter();
  /** Short texts a text edit adds (a literal pushed in a loop), recorded once. */
  private readonly pieceIds = new Map<string, number>();
  /** The source line the next events belong to (-1: none). */
  line = -1;
  readonly state: MetricState = { frames: 0, stackBytes: 0, heapLive: 0, heapBlocks: 0, footprint: 0, staticBytes: 0, allocWork: 0 };
  /** The metrics of the last row recorded, in METRIC_COLUMNS order (all 0 before the first). */
  private readonly seen = new Float64Array(7);
  private readonly metricSteps = new MetricStepsBuilder();

  constructor(chunkSize = 1 << 16) {
    this.events = new EventWriter(chunkSize);
  }

  /** Events recorded so far. */
  get length(): number {
    return this.events.length;
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
    return this.values.addValue(value);
  }

  /**
   * An integer value, kept as the number itself: a loop that assigns integers would otherwise
   * leave an object per event for the garbage collector to copy and keep (most of a `for`
   * loop's run time went to that).
   */
  addInt(v: number): number {
    return this.values.addInt(v);
  }

  /** The `text` value of bytes a text edit adds; short ones are shared, as the same literal is pushed again and again. */
  textPiece(text: string, len: number): number {
    if (text.length > 64) return this.addValue({ k: 'text', v: text, len });
    let id = this.pieceIds.get(text);
    if (id === undefined) {
      id = this.addValue({ k: 'text', v: text, len });
      this.pieceIds.set(text, id);
    }
    return id;
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
    this.events.write(kind, this.line, a, b, name, type, value, addr, size, align, aux, aux2, owner.kind, owner.o1, owner.o2);
    const s = this.state;
    const p = this.seen;
    if (
      s.frames !== p[0] || s.stackBytes !== p[1] || s.heapLive !== p[2] || s.heapBlocks !== p[3] ||
      s.footprint !== p[4] || s.staticBytes !== p[5] || s.allocWork !== p[6]
    ) this.metricsChanged();
    return this.length - 1;
  }

  /** A metric differs from the last row: a new row starts at this event. */
  private metricsChanged(): void {
    const s = this.state;
    const p = this.seen;
    p[0] = s.frames;
    p[1] = s.stackBytes;
    p[2] = s.heapLive;
    p[3] = s.heapBlocks;
    p[4] = s.footprint;
    p[5] = s.staticBytes;
    p[6] = s.allocWork;
    this.metricSteps.add(this.length - 1, p);
  }

  finish(meta: TimelineMeta): Timeline {
    return new Timeline(meta, this.events.finish(), this.metricSteps.done(), this.strings.slice(), this.values.finish());
  }
}
