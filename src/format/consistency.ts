/**
 * The meaning of a timeline, checked by replaying it: `readTimeline` checks shape (every column
 * present, every index inside its table); this checks that the events make sense in order — a
 * block is freed only while live, a return pops a frame that is on the stack, a local is set only
 * while its frame and slot live — and that the metrics after each event agree with the state the
 * events built (stack depth, live blocks and bytes, nothing negative, allocator work never
 * decreasing). The first inconsistent event is a FormatError naming its JSON path. Linear time,
 * memory in the live state only; needs nothing of the engine.
 */
import { Checker } from './check';
import { EventKind, EVENT_KIND_NAMES, METRIC_COLUMNS, type EventColumn, type MetricColumn } from './events';

/** The decoded columns of a timeline (readTimeline's TimelineColumns has this shape). */
export interface TimelineEvents {
  count: number;
  events: Record<EventColumn, ArrayLike<number>>;
  metrics: Record<MetricColumn, ArrayLike<number>>;
}

interface LiveBlock {
  address: number;
  size: number;
}

export function checkConsistency(timeline: TimelineEvents, source = 'payload'): void {
  const c = new Checker(source);
  const e = timeline.events;
  const m = timeline.metrics;
  /** Frame ids on the stack, innermost last, and the live slots of each. */
  const stack: number[] = [];
  const slots = new Map<number, Set<number>>();
  const blocks = new Map<number, LiveBlock>();
  let heapLive = 0;

  for (let i = 0; i < timeline.count; i++) {
    const kind = e.kind[i] as EventKind;
    const a = e.a[i]!;
    const b = e.b[i]!;
    const what = `event ${i} (${EVENT_KIND_NAMES[kind] ?? kind})`;
    const at = (column: string): string => `events.columns.${column}[${i}]`;
    const liveBlock = (): LiveBlock => {
      const block = blocks.get(a);
      if (!block) c.fail(at('a'), `the id of a live heap block: ${what} names block ${a}, which is not allocated (never, or freed already)`);
      return block!;
    };
    const liveFrame = (): Set<number> => {
      const frame = slots.get(a);
      if (!frame) c.fail(at('a'), `the id of a frame on the stack: ${what} names frame ${a}, which is not on it`);
      return frame!;
    };
    const size = e.size[i]!;
    if (size < 0 && kind !== EventKind.StackOverflow) c.fail(at('size'), `a size >= 0 (${what} has ${size})`);

    switch (kind) {
      case EventKind.FramePush:
        if (slots.has(a)) c.fail(at('a'), `a frame id not already on the stack (${what} pushes frame ${a} twice)`);
        stack.push(a);
        slots.set(a, new Set());
        break;
      case EventKind.FramePop: {
        if (stack.length === 0) c.fail(at('a'), `a frame to return from: ${what} returns from frame ${a} but the stack is empty`);
        const top = stack[stack.length - 1]!;
        if (top !== a) c.fail(at('a'), `the innermost frame ${top}: ${what} returns from frame ${a}`);
        stack.pop();
        slots.delete(a);
        break;
      }
      case EventKind.LocalNew: {
        const frame = liveFrame();
        if (frame.has(b)) c.fail(at('b'), `a slot not already live in frame ${a} (${what} makes slot ${b} twice)`);
        frame.add(b);
        break;
      }
      case EventKind.LocalSet:
      case EventKind.LocalInit:
      case EventKind.LocalEnd: {
        const frame = liveFrame();
        if (!frame.has(b)) c.fail(at('b'), `a live slot of frame ${a}: ${what} names slot ${b}, which is not live`);
        if (kind === EventKind.LocalEnd) frame.delete(b);
        break;
      }
      case EventKind.HeapAlloc:
        if (blocks.has(a)) c.fail(at('a'), `a block id not already live (${what} allocates block ${a} twice)`);
        blocks.set(a, { address: e.addr[i]!, size });
        heapLive += size;
        break;
      case EventKind.HeapRealloc: {
        const block = liveBlock();
        if (e.aux2[i] !== block.size) c.fail(at('aux2'), `the block's size before the realloc, ${block.size} (${what} says ${e.aux2[i]})`);
        heapLive += size - block.size;
        blocks.set(a, { address: e.addr[i]!, size });
        break;
      }
      case EventKind.HeapFree: {
        const block = liveBlock();
        if (size !== block.size) c.fail(at('size'), `the freed block's size, ${block.size} (${what} says ${size})`);
        heapLive -= block.size;
        blocks.delete(a);
        break;
      }
      case EventKind.HeapSet:
      case EventKind.HeapOwner:
        liveBlock();
        break;
      default:
        break;
    }

    for (const name of METRIC_COLUMNS) {
      if (m[name][i]! < 0) c.fail(`metrics.columns.${name}[${i}]`, `a value >= 0 (after ${what}: ${m[name][i]})`);
    }
    if (m.frames[i] !== stack.length) c.fail(`metrics.columns.frames[${i}]`, `${stack.length}, the frames on the stack after ${what} (found ${m.frames[i]})`);
    if (m.heapBlocks[i] !== blocks.size) c.fail(`metrics.columns.heapBlocks[${i}]`, `${blocks.size}, the live blocks after ${what} (found ${m.heapBlocks[i]})`);
    if (m.heapLive[i] !== heapLive) c.fail(`metrics.columns.heapLive[${i}]`, `${heapLive}, the live blocks' bytes after ${what} (found ${m.heapLive[i]})`);
    if (i > 0 && m.allocWork[i]! < m.allocWork[i - 1]!) c.fail(`metrics.columns.allocWork[${i}]`, `at least ${m.allocWork[i - 1]} (allocator work is cumulative; found ${m.allocWork[i]})`);
  }
}
