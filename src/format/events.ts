/**
 * Event kinds of a timeline. Each event is one change to memory; its fields live in
 * columns (see COLUMNS). The numbers are part of the format: append, never renumber (version 2 added LocalInit).
 */
export enum EventKind {
  /** A static item (literal or `static`) placed once: a=item id, name, type, addr, size, align, value. */
  StaticPlace = 0,
  /**
   * A call: a=frame id, name=function, addr=frame base (highest address), size=the bytes the call
   * reserves. A Rust program's call reserves its whole frame (header and every local, recorded
   * next as uninitialised `LocalNew`s); before version 2, and in the notebook API, size is the
   * 16-byte header and each `LocalNew` extends the frame.
   */
  FramePush = 1,
  /** A return: a=frame id. */
  FramePop = 2,
  /** A local's storage in its frame: a=frame id, b=slot, name, type, addr, size, align, value (`uninit` when its call reserved it). */
  LocalNew = 3,
  /** A local's value changes (assignment, len/cap update, move-out; `uninit` again when a reserved local's scope ends): a=frame id, b=slot, value. */
  LocalSet = 4,
  /** A local's storage ends at its scope's end: a=frame id, b=slot. */
  LocalEnd = 5,
  /** A heap block is allocated: a=block id, addr, size, align, type, value, owner. */
  HeapAlloc = 6,
  /** A block is resized: a=block id, addr=new address, size=new size, aux=old address, aux2=old size. */
  HeapRealloc = 7,
  /** A block is freed: a=block id, addr, size. */
  HeapFree = 8,
  /** A block's contents change: a=block id, value; aux2 says how the value applies (WriteMode), aux is a text edit's kept bytes. */
  HeapSet = 9,
  /** A block changes owner (its owning value moved): a=block id, owner. */
  HeapOwner = 10,
  /** Program output (println!): name=text. */
  Output = 11,
  /** The stack limit was hit: a=frame id being pushed, size=bytes that did not fit. */
  StackOverflow = 12,
  /** A label the author put on the timeline: name=text. */
  Note = 13,
  /** A `let` initialises a local its call reserved: a=frame id, b=slot, name, value (format version 2). */
  LocalInit = 14,
}

export const EVENT_KIND_NAMES: Record<EventKind, string> = {
  [EventKind.StaticPlace]: 'static',
  [EventKind.FramePush]: 'call',
  [EventKind.FramePop]: 'return',
  [EventKind.LocalNew]: 'let',
  [EventKind.LocalSet]: 'set',
  [EventKind.LocalEnd]: 'end',
  [EventKind.HeapAlloc]: 'alloc',
  [EventKind.HeapRealloc]: 'realloc',
  [EventKind.HeapFree]: 'free',
  [EventKind.HeapSet]: 'write',
  [EventKind.HeapOwner]: 'owner',
  [EventKind.Output]: 'output',
  [EventKind.StackOverflow]: 'overflow',
  [EventKind.Note]: 'note',
  [EventKind.LocalInit]: 'init',
};

export const EVENT_KIND_COUNT = 15;

export type Region = 'static' | 'stack' | 'heap' | 'none';

export function regionOf(kind: EventKind): Region {
  switch (kind) {
    case EventKind.StaticPlace:
      return 'static';
    case EventKind.FramePush:
    case EventKind.FramePop:
    case EventKind.LocalNew:
    case EventKind.LocalSet:
    case EventKind.LocalEnd:
    case EventKind.LocalInit:
    case EventKind.StackOverflow:
      return 'stack';
    case EventKind.HeapAlloc:
    case EventKind.HeapRealloc:
    case EventKind.HeapFree:
    case EventKind.HeapSet:
    case EventKind.HeapOwner:
      return 'heap';
    default:
      return 'none';
  }
}

/**
 * How a `write` event's value applies to its block (the aux2 column). A String that grows by
 * push_str would otherwise be recorded whole after every push, storage growing with the square of
 * the pushes; an edit records only the end that changed.
 */
export enum WriteMode {
  /** The value replaces the block's contents (every write of older documents: aux2 was 0). */
  Replace = 0,
  /** The block holds text: its first `aux` bytes stay, then the value's text (a `text` value) follows. */
  TextEdit = 1,
}

/** Who owns a heap block. */
export enum OwnerKind {
  None = 0,
  /** A local: o1=frame id, o2=slot. */
  Local = 1,
  /** Another heap block (a String inside a Vec's buffer): o1=block id. */
  Block = 2,
  /** A static item: o1=item id. */
  Static = 3,
  /** Shared ownership (Rc/Arc): the counters in the block say how many. */
  Shared = 4,
}

/** Event columns: name → integer kind. All values are integers (addresses fit in 2^53). */
export const EVENT_COLUMNS = [
  'kind', 'line', 'a', 'b', 'name', 'type', 'value', 'addr', 'size', 'align', 'aux', 'aux2', 'ownerKind', 'owner1', 'owner2',
] as const;
export type EventColumn = (typeof EVENT_COLUMNS)[number];

/** Metrics after each event. */
export const METRIC_COLUMNS = [
  'frames', 'stackBytes', 'heapLive', 'heapBlocks', 'footprint', 'staticBytes', 'allocWork',
] as const;
export type MetricColumn = (typeof METRIC_COLUMNS)[number];

export const METRIC_LABELS: Record<MetricColumn, string> = {
  frames: 'stack depth (frames)',
  stackBytes: 'stack depth (bytes)',
  heapLive: 'heap live bytes',
  heapBlocks: 'live heap blocks',
  footprint: 'heap footprint (bytes)',
  staticBytes: 'static data (bytes)',
  allocWork: 'allocator work (blocks examined, cumulative)',
};
