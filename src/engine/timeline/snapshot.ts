import { FORMAT_VERSION } from '../../format/errors';
import { EventKind, OwnerKind, WriteMode } from '../../format/events';
import { editText, type Target, type Value } from '../../format/values';
import type {
  EventRecord, Snapshot, SnapshotBlock, SnapshotFrame, SnapshotLocal, SnapshotOwner, SnapshotPointer, SnapshotStatic,
} from '../../format/snapshot';
import type { EventLog } from './event-log';
import { metricsAt } from './metrics';

export type { Snapshot } from '../../format/snapshot';

interface FrameState {
  id: number;
  fn: string;
  line: number;
  address: number;
  /** Bytes the call reserved (the header only in version 1 timelines, where locals extend the frame). */
  reserved: number;
  locals: SnapshotLocal[];
}

/** Mutable replay state. Records are replaced, never mutated, so a checkpoint may share them. */
class State {
  statics: SnapshotStatic[] = [];
  frames: FrameState[] = [];
  blocks = new Map<number, SnapshotBlock>();

  size(): number {
    let n = this.statics.length + this.blocks.size;
    for (const f of this.frames) n += 1 + f.locals.length;
    return n;
  }

  clone(): State {
    const copy = new State();
    copy.statics = this.statics.slice();
    copy.frames = this.frames.map((f) => ({ ...f, locals: f.locals.slice() }));
    copy.blocks = new Map(this.blocks);
    return copy;
  }
}

/** Checkpoints spaced by state size keep both memory (amortised O(1) per event) and snapshot time (O(state)) bounded. */
const MIN_INTERVAL = 1024;

export class SnapshotIndex {
  private readonly checkpoints: Array<{ step: number; state: State }> = [];

  /** `minInterval: Infinity` keeps only the empty checkpoint: every snapshot replays from the start (the reference the tests compare with). */
  constructor(private readonly timeline: EventLog, options: { minInterval?: number } = {}) {
    const minInterval = options.minInterval ?? MIN_INTERVAL;
    const state = new State();
    this.checkpoints.push({ step: -1, state: state.clone() });
    let since = 0;
    for (let step = 0; step < timeline.length; step++) {
      this.apply(state, step);
      since++;
      if (since >= minInterval && since >= 2 * state.size()) {
        this.checkpoints.push({ step, state: state.clone() });
        since = 0;
      }
    }
  }

  get checkpointCount(): number {
    return this.checkpoints.length;
  }

  snapshot(step: number): Snapshot {
    // Binary search for the last checkpoint at or before step.
    let lo = 0;
    let hi = this.checkpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.checkpoints[mid]!.step <= step) lo = mid;
      else hi = mid - 1;
    }
    const checkpoint = this.checkpoints[lo]!;
    const state = checkpoint.state.clone();
    for (let s = checkpoint.step + 1; s <= step; s++) this.apply(state, s);
    return this.render(state, step);
  }

  private apply(state: State, step: number): void {
    const t = this.timeline;
    const e = t.store.columns;
    const kind = e.kind[step] as EventKind;
    const a = e.a[step]!;
    switch (kind) {
      case EventKind.StaticPlace:
        state.statics.push({
          id: a,
          name: t.string(e.name[step]!) ?? '',
          type: t.string(e.type[step]!) ?? '',
          address: t.addr(step),
          size: t.size(step),
          value: t.value(e.value[step]!),
        });
        break;
      case EventKind.FramePush:
        state.frames.push({
          id: a,
          fn: t.string(e.name[step]!) ?? '?',
          line: e.line[step]!,
          address: t.addr(step),
          reserved: t.size(step),
          locals: [],
        });
        break;
      case EventKind.FramePop: {
        const at = findFrame(state, a);
        if (at >= 0) state.frames.splice(at, 1);
        break;
      }
      case EventKind.LocalNew: {
        const frame = state.frames[findFrame(state, a)];
        frame?.locals.push({
          slot: e.b[step]!,
          name: t.string(e.name[step]!) ?? '',
          type: t.string(e.type[step]!) ?? '',
          address: t.addr(step),
          size: t.size(step),
          align: t.align(step),
          value: t.eventValue(step),
        });
        break;
      }
      case EventKind.LocalSet:
      case EventKind.LocalInit: {
        const frame = state.frames[findFrame(state, a)];
        if (!frame) break;
        const at = findLocal(frame, e.b[step]!);
        if (at >= 0) frame.locals[at] = { ...frame.locals[at]!, value: t.eventValue(step) };
        break;
      }
      case EventKind.LocalEnd: {
        const frame = state.frames[findFrame(state, a)];
        if (!frame) break;
        const at = findLocal(frame, e.b[step]!);
        if (at >= 0) frame.locals.splice(at, 1);
        break;
      }
      case EventKind.HeapAlloc:
        state.blocks.set(a, {
          id: a,
          address: t.addr(step),
          size: t.size(step),
          align: t.align(step),
          type: t.string(e.type[step]!) ?? '',
          value: t.value(e.value[step]!),
          owner: ownerAt(t, step),
        });
        break;
      case EventKind.HeapRealloc: {
        const block = state.blocks.get(a);
        if (block) state.blocks.set(a, { ...block, address: t.addr(step), size: t.size(step) });
        break;
      }
      case EventKind.HeapFree:
        state.blocks.delete(a);
        break;
      case EventKind.HeapSet: {
        const block = state.blocks.get(a);
        if (!block) break;
        const value = t.value(e.value[step]!);
        if (t.aux2(step) !== WriteMode.TextEdit) state.blocks.set(a, { ...block, value });
        else if (block.value?.k === 'text' && value?.k === 'text') state.blocks.set(a, { ...block, value: editText(block.value, t.aux(step), value) });
        break;
      }
      case EventKind.HeapOwner: {
        const block = state.blocks.get(a);
        if (block) state.blocks.set(a, { ...block, owner: ownerAt(t, step) });
        break;
      }
      default:
        break;
    }
  }

  private render(state: State, step: number): Snapshot {
    const t = this.timeline;
    const metrics = metricsAt(t.metricSteps, step);
    const frames: SnapshotFrame[] = state.frames.map((f) => {
      let lowest = f.address - f.reserved;
      for (const local of f.locals) lowest = Math.min(lowest, local.address);
      return { id: f.id, fn: f.fn, line: f.line < 0 ? null : f.line, address: f.address, size: f.address - lowest, locals: f.locals.slice() };
    });
    const names = new Map<string, string>();
    for (const f of frames) for (const l of f.locals) names.set(`${f.id}:${l.slot}`, l.name);
    const blocks = [...state.blocks.values()]
      .map((b) => (b.owner.kind === 'local' ? { ...b, owner: { ...b.owner, name: names.get(`${b.owner.frame}:${b.owner.slot}`) } } : b))
      .sort((x, y) => x.address - y.address);
    const pointers: SnapshotPointer[] = [];
    for (const s of state.statics) collectPointers(s.value, { region: 'static', item: s.id }, pointers);
    for (const f of frames) for (const l of f.locals) collectPointers(l.value, { region: 'stack', frame: f.id, slot: l.slot }, pointers);
    for (const b of blocks) collectPointers(b.value, { region: 'heap', block: b.id }, pointers);
    for (const p of pointers) if (p.to.region === 'heap' && !state.blocks.has(p.to.block)) p.dangling = true;
    const lengths = new Map<number, number>();
    for (const f of frames) for (const l of f.locals) collectLengths(l.value, lengths);
    for (const b of blocks) collectLengths(b.value, lengths);
    return {
      format: 'memscope',
      version: FORMAT_VERSION,
      kind: 'snapshot',
      step,
      event: step < 0 ? null : t.event(step),
      metrics,
      statics: state.statics.slice(),
      frames,
      blocks: withBufferLengths(blocks, lengths),
      pointers,
    };
  }
}

/** Vec buffers record their first items only; the element count shown comes from the header that points at them. */
function withBufferLengths(blocks: SnapshotBlock[], lengths: Map<number, number>): SnapshotBlock[] {
  return blocks.map((b) => {
    const len = lengths.get(b.id);
    if (len === undefined || !b.value || b.value.k !== 'array' || b.value.len === len) return b;
    return { ...b, value: { ...b.value, len } };
  });
}

function findFrame(state: State, id: number): number {
  for (let i = state.frames.length - 1; i >= 0; i--) if (state.frames[i]!.id === id) return i;
  return -1;
}

function findLocal(frame: FrameState, slot: number): number {
  for (let i = frame.locals.length - 1; i >= 0; i--) if (frame.locals[i]!.slot === slot) return i;
  return -1;
}

function ownerAt(t: EventLog, step: number): SnapshotOwner {
  const [kind, o1, o2] = t.owner(step);
  switch (kind) {
    case OwnerKind.Local:
      return { kind: 'local', frame: o1, slot: o2 };
    case OwnerKind.Block:
      return { kind: 'block', block: o1 };
    case OwnerKind.Static:
      return { kind: 'static', item: o1 };
    case OwnerKind.Shared:
      return { kind: 'shared' };
    default:
      return { kind: 'none' };
  }
}

function collectLengths(value: Value | null, out: Map<number, number>): void {
  if (!value) return;
  if (value.k === 'buf') {
    if (value.to && value.to.region === 'heap') out.set(value.to.block, value.len);
  } else if (value.k === 'struct' || value.k === 'enum') {
    for (const [, v] of value.fields ?? []) collectLengths(v, out);
  } else if (value.k === 'tuple' || value.k === 'array') {
    for (const v of value.items) collectLengths(v, out);
  } else if (value.k === 'rcbox') {
    collectLengths(value.value, out);
  }
}

function collectPointers(value: Value | null, from: SnapshotPointer['from'], out: SnapshotPointer[]): void {
  if (!value) return;
  switch (value.k) {
    case 'ptr':
    case 'buf':
      if (value.to) out.push({ from, to: value.to });
      return;
    case 'struct':
    case 'enum':
      for (const [, v] of value.fields ?? []) collectPointers(v, from, out);
      return;
    case 'tuple':
    case 'array':
      for (const v of value.items) collectPointers(v, from, out);
      return;
    case 'rcbox':
      collectPointers(value.value, from, out);
      return;
    default:
      return;
  }
}
