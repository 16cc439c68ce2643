import { EventKind } from '../../src/format/events';
import type { Timeline } from '../../src/engine/timeline/timeline';

export interface HeapOp {
  op: 'alloc' | 'realloc' | 'dealloc';
  size: number;
  align: number;
  old_size?: number;
}

/** The heap operations of a timeline (or of its steps from..to, exclusive) in the oracle's shape, to compare with real Rust. */
export function heapOps(t: Timeline, from = 0, to = t.length): HeapOp[] {
  const ops: HeapOp[] = [];
  for (let i = from; i < to; i++) {
    const k = t.kindAt(i);
    const size = t.events.size[i]!;
    const align = t.events.align[i]!;
    if (k === EventKind.HeapAlloc) ops.push({ op: 'alloc', size, align });
    else if (k === EventKind.HeapRealloc) ops.push({ op: 'realloc', size, align, old_size: t.events.aux2[i]! });
    else if (k === EventKind.HeapFree) ops.push({ op: 'dealloc', size, align });
  }
  return ops;
}

/** Capacities seen after each event that changed a binding named `name`. */
export function capacities(t: Timeline, name: string): number[] {
  const caps: number[] = [];
  for (let i = 0; i < t.length; i++) {
    const k = t.kindAt(i);
    if ((k === EventKind.LocalNew || k === EventKind.LocalSet) && t.string(t.events.name[i]!) === name) {
      const v = t.eventValue(i);
      if (v && v.k === 'buf' && caps[caps.length - 1] !== v.cap) caps.push(v.cap);
    }
  }
  return caps;
}
