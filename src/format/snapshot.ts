/**
 * The `snapshot` document: the whole memory state after one step, renderable without the engine
 * (`Timeline.snapshot(step)` makes it). Python Tutor's idea: each step drawable on its own, every
 * pointer named by stable ids (block id, static item id, frame id + slot) so a diagram does not
 * jitter between steps.
 */
import { Checker } from './check';
import { openDocument } from './envelope';
import { METRIC_COLUMNS, type MetricColumn, type Region } from './events';
import { checkValue } from './validate-value';
import type { Target, Value } from './values';

/** One event with its fields resolved, for tooltips, tests and the CLI. */
export interface EventRecord {
  step: number;
  kind: string;
  /** The region the event changed: static, stack, heap, or none (output, notes). */
  region: Region;
  line: number | null;
  a: number;
  b: number;
  name: string | null;
  type: string | null;
  value: Value | null;
  addr: number;
  size: number;
  align: number;
  aux: number;
  aux2: number;
  owner: { kind: 'none' | 'local' | 'block' | 'static' | 'shared'; frame?: number; slot?: number; block?: number; item?: number };
}

export interface SnapshotStatic {
  id: number;
  name: string;
  type: string;
  address: number;
  size: number;
  value: Value | null;
}

export interface SnapshotLocal {
  slot: number;
  name: string;
  type: string;
  address: number;
  size: number;
  align: number;
  value: Value | null;
}

export interface SnapshotFrame {
  id: number;
  fn: string;
  line: number | null;
  /** Highest address of the frame (where its header starts). */
  address: number;
  /** Bytes from the frame's base down to its lowest live local (header included). */
  size: number;
  locals: SnapshotLocal[];
}

export type SnapshotOwner =
  | { kind: 'none' }
  | { kind: 'local'; frame: number; slot: number; name?: string }
  | { kind: 'block'; block: number }
  | { kind: 'static'; item: number }
  | { kind: 'shared' };

export interface SnapshotBlock {
  id: number;
  address: number;
  size: number;
  align: number;
  type: string;
  value: Value | null;
  owner: SnapshotOwner;
}

/** An arrow of the diagram: a pointer held somewhere to the place it points at. */
export interface SnapshotPointer {
  from: { region: 'stack'; frame: number; slot: number } | { region: 'heap'; block: number } | { region: 'static'; item: number };
  to: Target;
  /** The target is gone: seen mid-drop, between a block's free and the end of the slot that pointed at it. */
  dangling?: boolean;
}

/** The whole memory state after one step, renderable without the engine. */
export interface Snapshot {
  format: 'memscope';
  /** FORMAT_VERSION when written; a reader takes 1 up to its own. */
  version: number;
  kind: 'snapshot';
  step: number;
  event: EventRecord | null;
  metrics: Record<MetricColumn, number>;
  statics: SnapshotStatic[];
  /** Outermost first. */
  frames: SnapshotFrame[];
  /** In address order. */
  blocks: SnapshotBlock[];
  pointers: SnapshotPointer[];
}

/**
 * Checks one snapshot (as `Timeline.snapshot` makes it) found at `path` of a document, deeply,
 * and returns its step.
 */
export function checkSnapshot(x: unknown, path: string, source = 'payload'): number {
  const c = new Checker(source);
  const fail = (p: string, expected: string): never => c.fail(p, expected);
  const obj = (v: unknown, p: string): Record<string, unknown> => c.obj(v, p);
  const arr = (v: unknown, p: string): unknown[] => c.arr(v, p);
  const int = (v: unknown, p: string): number => c.int(v, p);
  const num = (v: unknown, p: string): number => c.num(v, p);
  const str = (v: unknown, p: string): string => c.str(v, p);
  const value = (v: unknown, p: string): void => {
    if (v !== null) checkValue(v, p, source);
  };
  // At the root of a snapshot document the paths start with the field names.
  const pre = path === '' ? '' : `${path}.`;
  const s = obj(x, path === '' ? '(root)' : path);
  if (s.kind !== 'snapshot') fail(`${pre}kind`, '"snapshot"');
  const step = int(s.step, `${pre}step`);
  if (s.event !== null) {
    const e = obj(s.event, `${pre}event`);
    if (e.step !== step) fail(`${pre}event.step`, `${step}, the snapshot's step`);
    str(e.kind, `${pre}event.kind`);
    if (e.line !== null) int(e.line, `${pre}event.line`);
    if (e.name !== null) str(e.name, `${pre}event.name`);
    if (e.type !== null) str(e.type, `${pre}event.type`);
    value(e.value, `${pre}event.value`);
  }
  if (s.omittedFrames !== undefined) {
    const o = obj(s.omittedFrames, `${pre}omittedFrames`);
    if (int(o.after, `${pre}omittedFrames.after`) < 0) fail(`${pre}omittedFrames.after`, 'an integer >= 0');
    if (int(o.count, `${pre}omittedFrames.count`) < 1) fail(`${pre}omittedFrames.count`, 'an integer >= 1');
  }
  if (s.omittedBlocks !== undefined && int(s.omittedBlocks, `${pre}omittedBlocks`) < 1) fail(`${pre}omittedBlocks`, 'an integer >= 1');
  const metrics = obj(s.metrics, `${pre}metrics`);
  for (const m of METRIC_COLUMNS) num(metrics[m], `${pre}metrics.${m}`);
  arr(s.statics, `${pre}statics`).forEach((v, i) => {
    const p = `${pre}statics[${i}]`;
    const st = obj(v, p);
    int(st.id, `${p}.id`);
    str(st.name, `${p}.name`);
    str(st.type, `${p}.type`);
    num(st.address, `${p}.address`);
    int(st.size, `${p}.size`);
    value(st.value, `${p}.value`);
  });
  arr(s.frames, `${pre}frames`).forEach((v, i) => {
    const p = `${pre}frames[${i}]`;
    const f = obj(v, p);
    int(f.id, `${p}.id`);
    str(f.fn, `${p}.fn`);
    if (f.line !== null) int(f.line, `${p}.line`);
    num(f.address, `${p}.address`);
    int(f.size, `${p}.size`);
    arr(f.locals, `${p}.locals`).forEach((w, j) => {
      const q = `${p}.locals[${j}]`;
      const l = obj(w, q);
      int(l.slot, `${q}.slot`);
      str(l.name, `${q}.name`);
      str(l.type, `${q}.type`);
      num(l.address, `${q}.address`);
      int(l.size, `${q}.size`);
      value(l.value, `${q}.value`);
    });
  });
  arr(s.blocks, `${pre}blocks`).forEach((v, i) => {
    const p = `${pre}blocks[${i}]`;
    const b = obj(v, p);
    int(b.id, `${p}.id`);
    num(b.address, `${p}.address`);
    int(b.size, `${p}.size`);
    str(b.type, `${p}.type`);
    value(b.value, `${p}.value`);
    const owner = obj(b.owner, `${p}.owner`);
    if (!['none', 'local', 'block', 'static', 'shared'].includes(owner.kind as string)) {
      fail(`${p}.owner.kind`, "'none', 'local', 'block', 'static' or 'shared'");
    }
  });
  arr(s.pointers, `${pre}pointers`).forEach((v, i) => {
    const p = `${pre}pointers[${i}]`;
    const ptr = obj(v, p);
    const from = obj(ptr.from, `${p}.from`);
    if (from.region === 'stack') {
      int(from.frame, `${p}.from.frame`);
      int(from.slot, `${p}.from.slot`);
    } else if (from.region === 'heap') int(from.block, `${p}.from.block`);
    else if (from.region === 'static') int(from.item, `${p}.from.item`);
    else fail(`${p}.from.region`, "'stack', 'heap' or 'static'");
    // A target is checked as a pointer value's target is.
    checkValue({ k: 'ptr', to: ptr.to }, p, source);
    if (ptr.to === null) fail(`${p}.to`, 'a target object');
    if (ptr.dangling !== undefined && typeof ptr.dangling !== 'boolean') fail(`${p}.dangling`, 'true or false');
  });
  return step;
}

/** Reads a whole `snapshot` document (JSON text or parsed), envelope included. */
export function readSnapshot(input: unknown, source = 'payload'): Snapshot {
  const doc = openDocument(input, 'snapshot', source);
  checkSnapshot(doc, '', source);
  return doc as unknown as Snapshot;
}
