import { EventKind, OwnerKind } from '../../format/events';
import type { Value } from '../../format/values';
import { allocColumns, GrowableColumns, type EventColumns, type IntArray } from './columns';
import { MetricStepsBuilder } from './metrics';
import { Timeline, type TimelineMeta } from './timeline';
import type { RecordedValue } from './event-log';

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
 * Appends events to growable typed-array columns. The hot path is `record`, which takes
 * positional arguments and writes straight into the columns: no object per event.
 */
export class TimelineRecorder {
  /** Columns are written in fixed-size chunks, so growing never copies; finish() joins them once. */
  private events: EventColumns;
  private readonly done: EventColumns[] = [];
  private readonly chunkSize: number;
  /** Index inside the current chunk. */
  private at = 0;
  length = 0;
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  /** Values by index; an integer stands for `{k: 'int', v}` (RecordedValue). */
  private readonly values: RecordedValue[] = [];
  /** Short texts a text edit adds (a literal pushed in a loop), recorded once. */
  private readonly pieceIds = new Map<string, number>();
  /** The source line the next events belong to (-1: none). */
  line = -1;
  readonly state: MetricState = { frames: 0, stackBytes: 0, heapLive: 0, heapBlocks: 0, footprint: 0, staticBytes: 0, allocWork: 0 };
  /** The metrics of the last row recorded, in METRIC_COLUMNS order (all 0 before the first). */
  private readonly seen = new Float64Array(7);
  private readonly metricSteps = new MetricStepsBuilder();

  /** Where the chunks are views of growing buffers; null once they are arrays of their own. */
  private growable: GrowableColumns | null;

  constructor(chunkSize = 1 << 16) {
    this.chunkSize = chunkSize;
    this.growable = GrowableColumns.create(chunkSize);
    const first = this.growable?.next() ?? null;
    if (!first) this.growable = null;
    this.events = first ?? allocColumns(chunkSize);
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

  /**
   * An integer value, kept as the number itself: a loop that assigns integers would otherwise
   * leave an object per event for the garbage collector to copy and keep (most of a `for`
   * loop's run time went to that).
   */
  addInt(v: number): number {
    this.values.push(v);
    return this.values.length - 1;
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
    if (this.at === this.chunkSize) this.nextChunk();
    const i = this.at++;
    this.length++;
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
    const events = this.growable ? this.growable.whole(this.length) : join([...this.done, this.events], this.length, this.chunkSize);
    return new Timeline(meta, this.length, events, this.metricSteps.done(), this.strings.slice(), this.values.slice());
  }

  private nextChunk(): void {
    this.done.push(this.events);
    const next = this.growable?.next() ?? null;
    if (!next) this.growable = null;
    this.events = next ?? allocColumns(this.chunkSize);
    this.at = 0;
  }
}

function join<C extends Record<string, IntArray>>(chunks: C[], length: number, chunkSize: number): C {
  const out = {} as Record<string, IntArray>;
  for (const name of Object.keys(chunks[0]!)) {
    const first = chunks[0]![name]!;
    const whole = new (first.constructor as new (n: number) => IntArray)(length);
    chunks.forEach((chunk, i) => {
      const part = chunk[name]!;
      const take = Math.min(chunkSize, length - i * chunkSize);
      if (take > 0) whole.set(part.subarray(0, take), i * chunkSize);
    });
    out[name] = whole;
  }
  return out as C;
}
