import type { Allocator, AllocatorOptions } from '../allocators/allocator';
import { createAllocator } from '../allocators/index';
import { EventKind, OwnerKind, WriteMode } from '../../format/events';
import type { Value } from '../../format/values';
import type { Layout, Ty, TypeRegistry } from '../layout/types';
import { layoutOf as rustLayoutOf } from '../layout/layout';
import { NO_OWNER, TimelineRecorder, type OwnerRef } from '../timeline/recorder';
import type { Timeline } from '../timeline/timeline';
import { toValue, rcContent, utf8Length } from './to-value';
import type { Block, BTreeNode, Local, MapValue, StaticItem, RValue } from './rvalue';
import { formatType as typeName } from '../layout/format';
import { AllocError, OwnershipError, StackOverflowError } from './errors';
import { FRAME_HEADER_BYTES, type FramePlan } from './frame';
import { DEFAULT_ADDRESSES } from './addresses';

export { FRAME_HEADER_BYTES, FramePlan } from './frame';

/**
 * x86-64 user space ends at 2^47: a block reaching past it cannot exist, so asking for one fails
 * as a real allocation would (and its address could not be recorded exactly in a timeline).
 */
const USER_SPACE_END = 2 ** 47;

function addressable(offset: number, size: number): boolean {
  return DEFAULT_ADDRESSES.heapBase + offset + size <= USER_SPACE_END;
}

export { DEFAULT_ADDRESSES } from './addresses';

/** Rust's main thread gets the process stack: 8 MiB by default on Linux. */
export const DEFAULT_STACK_LIMIT = 8 * 1024 * 1024;

export interface MachineOptions {
  /** Heap policy by name (default 'first-fit'); see POLICIES. */
  policy?: string;
  allocatorOptions?: AllocatorOptions;
  /** A ready allocator instead of a policy name. */
  allocator?: Allocator;
  /** Stack size limit in bytes (default 8 MiB); exceeding it is a stack overflow. */
  stackLimit?: number;
  /**
   * Most bytes the heap may grow to (default: no limit). Past it an allocation fails as a real
   * one does when the system refuses the memory: Rust prints "memory allocation of N bytes
   * failed" and aborts.
   */
  heapLimit?: number;
  /** User-declared structs and enums, for layouts. */
  registry?: TypeRegistry;
  title?: string;
  /** Source text that event line numbers refer to. */
  source?: string;
  /** Set by the Rust interpreter: `source` is the program it runs (TimelineMeta.program). */
  program?: 'rust';
  /** Computes a type's size and alignment (default: rustc's x86_64 layouts). */
  layoutOf?: (ty: Ty, registry?: TypeRegistry) => Layout;
}

interface Scope {
  locals: Local[];
  /** Stack pointer when the scope opened; restored when it closes. */
  sp: number;
}

export interface Frame {
  readonly id: number;
  readonly fn: string;
  /** The recorder's id of the name `fn`. */
  readonly fnId: number;
  /** Highest address of the frame. */
  readonly base: number;
  readonly scopes: Scope[];
  nextSlot: number;
  /** The locals its call reserved (FramePlan), by slot: uninitialised until their `let`. */
  readonly reserved: (Local | undefined)[];
}

/**
 * The three regions of a running program and the recorder that writes every change
 * to them as a timeline event. The std model (String, Vec, Box, Rc, drops) and every
 * way in (API, Rust interpreter) drive memory only through this class.
 */
export class Machine {
  readonly rec = new TimelineRecorder();
  readonly heap: Allocator;
  readonly registry: TypeRegistry;
  readonly stackLimit: number;
  readonly heapLimit: number;
  readonly layoutOf: (ty: Ty) => Layout;
  private readonly frames: Frame[] = [];
  private sp: number = DEFAULT_ADDRESSES.stackTop;
  private nextFrameId = 0;
  private nextBlockId = 0;
  private staticTop: number = DEFAULT_ADDRESSES.staticBase;
  private readonly literals = new Map<string, StaticItem>();
  private readonly statics: StaticItem[] = [];
  private ended: string | undefined;
  private readonly options: MachineOptions;

  constructor(options: MachineOptions = {}) {
    this.options = options;
    this.heapLimit = options.heapLimit ?? Infinity;
    const allocatorOptions = options.heapLimit !== undefined && options.allocatorOptions?.limit === undefined ? { ...options.allocatorOptions, limit: options.heapLimit } : options.allocatorOptions;
    this.heap = options.allocator ?? createAllocator(options.policy ?? 'first-fit', allocatorOptions);
    this.registry = options.registry ?? new Map();
    this.stackLimit = options.stackLimit ?? DEFAULT_STACK_LIMIT;
    const layoutOf = options.layoutOf ?? rustLayoutOf;
    const registry = this.registry;
    const cache = new Map<Ty, Layout>();
    this.layoutOf = (ty) => {
      let layout = cache.get(ty);
      if (!layout) {
        layout = layoutOf(ty, registry);
        cache.set(ty, layout);
      }
      return layout;
    };
  }

  /** The source line the following events belong to. */
  set line(line: number | undefined) {
    this.rec.line = line ?? -1;
  }

  get line(): number | undefined {
    return this.rec.line < 0 ? undefined : this.rec.line;
  }

  get depth(): number {
    return this.frames.length;
  }

  get currentFrame(): Frame {
    const frame = this.frames[this.frames.length - 1];
    if (!frame) throw new OwnershipError('no function is running: call main first');
    return frame;
  }

  // ---------- static data ----------

  /** A string literal: placed once in read-only data; the same text is the same place. */
  literal(text: string): StaticItem {
    let item = this.literals.get(text);
    if (!item) {
      item = this.placeStatic(JSON.stringify(text), T_STR, utf8Length(text), 1, { k: 'text', v: text, len: utf8Length(text) }, text);
      this.literals.set(text, item);
    }
    return item;
  }

  /** A `static NAME: T = value;` item. */
  staticItem(name: string, ty: Ty, value: RValue): StaticItem {
    const layout = this.layoutOf(ty);
    return this.placeStatic(name, ty, layout.size, layout.align, toValue(value));
  }

  private placeStatic(name: string, ty: Ty, size: number, align: number, value: Value, text?: string): StaticItem {
    const address = alignUp(this.staticTop, Math.max(align, 1));
    this.staticTop = address + size;
    const item: StaticItem = { id: this.statics.length, name, address, size, text };
    this.statics.push(item);
    this.rec.state.staticBytes = this.staticTop - DEFAULT_ADDRESSES.staticBase;
    const r = this.rec;
    r.record(EventKind.StaticPlace, item.id, -1, r.intern(name), r.intern(typeName(ty)), r.addValue(value), address, size, align);
    return item;
  }

  // ---------- stack ----------

  /**
   * A call: a new frame. With a plan (the Rust interpreter's), the call reserves the whole frame
   * at once, header and every local, as rustc's prologue does with one subtraction from the stack
   * pointer; the locals are recorded uninitialised. Without one (the notebook API, which cannot
   * know a cell's locals in advance) the frame is the header and each `bind` extends it.
   */
  pushFrame(fn: string, plan?: FramePlan): Frame {
    const id = this.nextFrameId++;
    const base = this.sp;
    if (plan && plan.size < 0) plan.layOut(this.layoutOf);
    const size = plan ? plan.size : FRAME_HEADER_BYTES;
    this.reserveStack(base - size, fn);
    const r = this.rec;
    // A plan keeps its function's name id for the recorder that last used it (a call is a hot path).
    let fnId: number;
    if (plan && plan.rec === r && plan.fn === fn) fnId = plan.fnId;
    else {
      fnId = r.intern(fn);
      if (plan) {
        plan.rec = r;
        plan.fn = fn;
        plan.fnId = fnId;
      }
    }
    const frame: Frame = { id, fn, fnId, base, scopes: [{ locals: [], sp: this.sp }], nextSlot: plan ? plan.locals.length : 0, reserved: [] };
    this.frames.push(frame);
    r.state.frames = this.frames.length;
    r.record(EventKind.FramePush, id, -1, fnId, -1, -1, base, size, 16);
    if (plan) {
      const locals = plan.locals;
      for (let slot = 0; slot < locals.length; slot++) {
        const p = locals[slot]!;
        if (p.offset < 0) continue;
        const local: Local = { frameId: id, slot, name: p.name, ty: p.ty, address: base - p.offset, size: p.size, align: p.align, value: null, ended: true };
        frame.reserved[slot] = local;
        if (p.rec !== r) {
          p.rec = r;
          p.nameId = r.intern(p.name);
          p.typeId = r.intern(typeName(p.ty));
        }
        local.nameId = p.nameId;
        r.record(EventKind.LocalNew, id, slot, p.nameId!, p.typeId!, this.uninit(), local.address, p.size, p.align, -1, -1);
      }
    }
    return frame;
  }

  /** A return: drops what the frame still owns (reverse declaration order) and pops it. */
  popFrame(): void {
    const frame = this.currentFrame;
    while (frame.scopes.length) this.closeScope();
    this.frames.pop();
    this.sp = frame.base;
    const r = this.rec;
    r.state.frames = this.frames.length;
    r.state.stackBytes = DEFAULT_ADDRESSES.stackTop - this.sp;
    r.record(EventKind.FramePop, frame.id, -1, frame.fnId, -1, -1, frame.base, 0, 0);
  }

  openScope(): void {
    this.currentFrame.scopes.push({ locals: [], sp: this.sp });
  }

  /** End of a scope (a Rust `{ }` block): its locals are dropped in reverse declaration order, then their storage ends. */
  closeScope(): void {
    const frame = this.currentFrame;
    const scope = frame.scopes.pop();
    if (!scope) throw new OwnershipError('closeScope without an open scope');
    for (let i = scope.locals.length - 1; i >= 0; i--) {
      const local = scope.locals[i]!;
      const value = local.value;
      if (value) {
        local.value = null;
        this.dropValue(value);
      }
      if (frame.reserved[local.slot] === local) this.deadLocal(local);
      else this.endLocal(local);
    }
    this.sp = scope.sp;
    this.rec.state.stackBytes = DEFAULT_ADDRESSES.stackTop - this.sp;
  }

  /**
   * A new binding in the current scope holding `value` (moved in). A local its call reserved
   * (`slot`, from the frame's plan) is initialised in place: the `let` is an `init` event and
   * moves no stack pointer. Any other is placed below the stack pointer at the type's alignment.
   */
  bind(name: string, ty: Ty, value: RValue | null, slot = -1): Local {
    const frame = this.currentFrame;
    const reserved = slot >= 0 ? frame.reserved[slot] : undefined;
    if (reserved) return this.init(frame, reserved, value);
    const layout = this.layoutOf(ty);
    const address = alignDown(this.sp - layout.size, Math.max(layout.align, 1));
    this.reserveStack(address, frame.fn);
    const local: Local = {
      frameId: frame.id,
      slot: frame.nextSlot++,
      name,
      ty,
      address,
      size: layout.size,
      align: layout.align,
      value,
      ended: false,
    };
    frame.scopes[frame.scopes.length - 1]!.locals.push(local);
    const r = this.rec;
    r.record(
      EventKind.LocalNew, frame.id, local.slot, r.intern(name), r.intern(typeName(ty)),
      value ? this.valueIndex(value) : this.uninit(), address, layout.size, layout.align,
      value && (value.tag === 'string' || value.tag === 'vec') ? value.len : -1,
      value && (value.tag === 'string' || value.tag === 'vec') ? value.cap : -1,
    );
    if (value && value.tag !== 'scalar') this.adopt(value, { kind: OwnerKind.Local, o1: frame.id, o2: local.slot });
    return local;
  }

  /** A `let` of a reserved local: its scope owns it from here, its value is recorded as its initialisation. */
  private init(frame: Frame, local: Local, value: RValue | null): Local {
    local.value = value;
    local.ended = false;
    frame.scopes[frame.scopes.length - 1]!.locals.push(local);
    const r = this.rec;
    const name = (local.nameId ??= r.intern(local.name));
    if (value && (value.tag === 'string' || value.tag === 'vec')) {
      r.record(EventKind.LocalInit, frame.id, local.slot, name, -1, r.addValue(toValue(value)), local.address, local.size, local.align, value.len, value.cap);
      local.bufValue = undefined;
    } else {
      r.record(EventKind.LocalInit, frame.id, local.slot, name, -1, value ? this.valueIndex(value) : this.uninit(), local.address, local.size, local.align, -1, -1);
    }
    if (value && value.tag !== 'scalar') this.adopt(value, { kind: OwnerKind.Local, o1: frame.id, o2: local.slot });
    return local;
  }

  /** Moves the value out of a binding: the local stays but owns nothing (Rust's moved-from state). */
  moveOut(local: Local, what = 'value'): RValue {
    const value = this.read(local, what);
    local.value = null;
    const r = this.rec;
    r.record(EventKind.LocalSet, local.frameId, local.slot, r.intern(local.name), -1, this.moved(), local.address, local.size, local.align, -1, -1);
    return value;
  }

  /** The value in a binding; a moved-from binding is an error, as rustc's E0382. */
  read(local: Local, what = 'value'): RValue {
    if (local.ended) throw new OwnershipError(`\`${local.name}\` is out of scope`, this.line);
    if (!local.value) throw new OwnershipError(`use of moved ${what}: \`${local.name}\` (value used here after move)`, this.line);
    return local.value;
  }

  /** Assignment `x = value`: the old value is dropped, then the new one takes its place. */
  assign(local: Local, value: RValue): void {
    const old = local.value;
    local.value = value;
    if (old) this.dropValue(old);
    this.adopt(value, { kind: OwnerKind.Local, o1: local.frameId, o2: local.slot });
    this.touchLocal(local);
  }

  /**
   * Re-records a binding's value after it changed in place (len, cap, a field).
   * Hot path for String/Vec headers: the `{k:'buf', to}` value is shared and the event's
   * aux/aux2 columns carry len and cap (format rule, see docs/FORMAT.md), so a push costs
   * no new object.
   */
  touchLocal(local: Local): void {
    const r = this.rec;
    const name = (local.nameId ??= r.intern(local.name));
    const v = local.value;
    if (v && (v.tag === 'string' || v.tag === 'vec')) {
      let shared = local.bufValue;
      if (!shared || shared.block !== v.buf) {
        shared = { index: r.addValue(toValue(v)), block: v.buf };
        local.bufValue = shared;
      }
      r.record(EventKind.LocalSet, local.frameId, local.slot, name, -1, shared.index, local.address, local.size, local.align, v.len, v.cap);
      return;
    }
    r.record(
      EventKind.LocalSet, local.frameId, local.slot, name, -1,
      v ? this.valueIndex(v) : this.moved(), local.address, local.size, local.align, -1, -1,
    );
  }

  /**
   * The value of every uninitialised (or dead) local and of every moved-from one, recorded once
   * per run and shared by index, as values are immutable: a call records each local's
   * uninitialised state twice, and a loop's locals die every pass.
   */
  private uninitIndex = -1;
  private movedIndex = -1;

  private uninit(): number {
    if (this.uninitIndex < 0) this.uninitIndex = this.rec.addValue(UNINIT);
    return this.uninitIndex;
  }

  private moved(): number {
    if (this.movedIndex < 0) this.movedIndex = this.rec.addValue(MOVED);
    return this.movedIndex;
  }

  /** Records a local's value: an integer as itself (the recorder's hot path), anything else as its format Value. */
  private valueIndex(v: RValue): number {
    if (v.tag === 'scalar' && v.ty.kind === 'int' && typeof v.v === 'number') return this.rec.addInt(v.v);
    return this.rec.addValue(toValue(v));
  }

  /** A reserved local's scope ends (rustc's StorageDead): no value any more, its bytes stay in the frame until the return. */
  private deadLocal(local: Local): void {
    local.ended = true;
    const r = this.rec;
    r.record(EventKind.LocalSet, local.frameId, local.slot, (local.nameId ??= r.intern(local.name)), -1, this.uninit(), local.address, local.size, local.align, -1, -1);
  }

  private endLocal(local: Local): void {
    local.ended = true;
    const r = this.rec;
    r.record(EventKind.LocalEnd, local.frameId, local.slot, r.intern(local.name), -1, -1, local.address, local.size, local.align);
  }

  private reserveStack(newSp: number, fn: string): void {
    const used = DEFAULT_ADDRESSES.stackTop - newSp;
    if (used > this.stackLimit) {
      const r = this.rec;
      this.ended = "thread 'main' has overflowed its stack";
      r.record(EventKind.StackOverflow, this.nextFrameId - 1, -1, r.intern(fn), -1, -1, newSp, used - this.stackLimit, 0);
      throw new StackOverflowError(fn, this.frames.length, this.stackLimit);
    }
    this.sp = newSp;
    this.rec.state.stackBytes = used;
  }

  // ---------- heap ----------

  /** Asks the allocator for a block; Rust aborts when that fails, so do we. */
  alloc(size: number, align: number, ty: string, content: Value, owner: OwnerRef = NO_OWNER): Block {
    const offset = size > this.heapLimit ? null : this.heap.alloc(size, align);
    if (offset === null || !addressable(offset, size)) this.allocFailed(size, align);
    const block: Block = { id: this.nextBlockId++, address: DEFAULT_ADDRESSES.heapBase + offset, size, align, typeName: ty, owner, live: true };
    const s = this.rec.state;
    s.heapLive += size;
    s.heapBlocks++;
    this.heapStats();
    const r = this.rec;
    r.record(EventKind.HeapAlloc, block.id, -1, -1, r.intern(ty), r.addValue(content), block.address, size, align, 0, 0, owner);
    return block;
  }

  realloc(block: Block, size: number): void {
    this.checkLive(block);
    const offset = size > this.heapLimit ? null : this.heap.realloc(block.address - DEFAULT_ADDRESSES.heapBase, size, block.align);
    if (offset === null || !addressable(offset, size)) this.allocFailed(size, block.align);
    const oldAddress = block.address;
    const oldSize = block.size;
    block.address = DEFAULT_ADDRESSES.heapBase + offset;
    block.size = size;
    this.rec.state.heapLive += size - oldSize;
    this.heapStats();
    const r = this.rec;
    r.record(EventKind.HeapRealloc, block.id, -1, -1, r.intern(block.typeName), -1, block.address, size, block.align, oldAddress, oldSize, block.owner);
  }

  /** Rust's handle_alloc_error: the message, then the abort (the run ends here). */
  private allocFailed(size: number, align: number): never {
    const limit = Number.isFinite(this.heapLimit) ? ` (the model heap is limited to ${this.heapLimit} bytes)` : '';
    this.ended = `memory allocation of ${size} bytes failed${limit}`;
    throw new AllocError(size, align);
  }

  free(block: Block): void {
    this.checkLive(block);
    this.heap.free(block.address - DEFAULT_ADDRESSES.heapBase);
    block.live = false;
    const s = this.rec.state;
    s.heapLive -= block.size;
    s.heapBlocks--;
    this.heapStats();
    const r = this.rec;
    r.record(EventKind.HeapFree, block.id, -1, -1, r.intern(block.typeName), -1, block.address, block.size, block.align, 0, 0, block.owner);
  }

  /** Re-records what a block holds after a write into it. */
  setContent(block: Block, content: Value): void {
    const r = this.rec;
    r.record(EventKind.HeapSet, block.id, -1, -1, -1, r.addValue(content), block.address, block.size, block.align, 0, 0, block.owner);
  }

  /**
   * Records a change at the end of a block's text (push_str, pop, clear): its first `keep` bytes
   * stay and `added` follows. Only the change is stored (the format's text edit), so a String
   * grown by n pushes costs O(n) to record, not O(n²).
   */
  editText(block: Block, keep: number, added: string, addedLen: number): void {
    const r = this.rec;
    r.record(EventKind.HeapSet, block.id, -1, -1, -1, r.textPiece(added, addedLen), block.address, block.size, block.align, keep, WriteMode.TextEdit, block.owner);
  }

  setOwner(block: Block, owner: OwnerRef): void {
    if (block.owner.kind === owner.kind && block.owner.o1 === owner.o1 && block.owner.o2 === owner.o2) return;
    block.owner = owner;
    const r = this.rec;
    r.record(EventKind.HeapOwner, block.id, -1, -1, -1, -1, block.address, block.size, block.align, 0, 0, owner);
  }

  private checkLive(block: Block): void {
    if (!block.live) throw new OwnershipError(`double free of heap block #${block.id} (${block.typeName})`, this.line);
  }

  /** After every heap operation: only the counters, not stats()' free-block figures. */
  private heapStats(): void {
    const stats = this.heap.counters();
    const s = this.rec.state;
    s.footprint = stats.peakTop;
    s.allocWork = stats.work;
  }

  // ---------- ownership of values ----------

  /**
   * Makes `owner` the owner of the heap blocks a value holds directly (a String's buffer,
   * a Box's block). Blocks nested deeper belong to the block that holds them.
   */
  adopt(value: RValue, owner: OwnerRef): void {
    switch (value.tag) {
      case 'string':
      case 'vec':
        if (value.buf) this.setOwner(value.buf, owner);
        return;
      case 'box':
        if (value.block) this.setOwner(value.block, owner);
        return;
      case 'struct':
      case 'enum':
        for (const f of value.fields) this.adopt(f, owner);
        return;
      case 'tuple':
      case 'array':
        for (const item of value.items) this.adopt(item, owner);
        return;
      case 'map':
        if (value.block) this.setOwner(value.block, owner);
        return;
      default:
        return;
    }
  }

  /** User destructors (`impl Drop`) by type name: run before the type's fields are dropped. */
  readonly dropHooks = new Map<string, (value: RValue) => void>();

  /** Drop glue, as Rust runs it: fields and elements in order, then the memory that held them. */
  dropValue(value: RValue): void {
    switch (value.tag) {
      case 'string':
        if (value.buf) this.free(value.buf);
        value.buf = null;
        return;
      case 'vec': {
        // Scalars have no drop glue: a packed Vec's elements need no visit (nor unpacking).
        if (!value.packed) for (const item of value.items) this.dropValue(item);
        if (value.buf) this.free(value.buf);
        value.buf = null;
        return;
      }
      case 'box':
        this.dropValue(value.inner);
        if (value.block) this.free(value.block);
        value.block = null;
        return;
      case 'rc': {
        const cell = value.cell;
        cell.strong--;
        if (cell.strong > 0) {
          if (cell.block) this.setContent(cell.block, rcContent(cell));
          return;
        }
        this.dropValue(cell.inner);
        cell.weak--; // the weak reference all strong ones hold together
        if (cell.weak === 0 && cell.block) this.free(cell.block);
        else if (cell.block) this.setContent(cell.block, rcContent(cell));
        return;
      }
      case 'weak': {
        // The RcBox's memory goes with the last Weak once no strong one is left.
        const cell = value.cell;
        cell.weak--;
        if (cell.weak === 0 && cell.strong === 0 && cell.block) this.free(cell.block);
        else if (cell.block && cell.block.live) this.setContent(cell.block, rcContent(cell));
        return;
      }
      case 'struct':
      case 'enum':
        if (this.dropHooks.size) this.dropHooks.get(value.name)?.(value);
        for (const f of value.fields) this.dropValue(f);
        return;
      case 'tuple':
      case 'array':
        for (const item of value.items) this.dropValue(item);
        return;
      case 'map':
        if (value.tree) return this.dropTree(value);
        // Entries (key, then value), then the table: hashbrown's drop. The order of entries is
        // RandomState's in a real run; here it is insertion order.
        for (const e of value.entries.values()) {
          this.dropValue(e.key);
          this.dropValue(e.value);
        }
        value.entries.clear();
        if (value.block) this.free(value.block);
        value.block = null;
        return;
      default:
        return;
    }
  }

  /**
   * A BTreeMap's drop (std's IntoIter walk): keys in order, each key then its value, each node
   * freed right after its last key and its subtrees; then the map is empty (no root).
   */
  private dropTree(map: MapValue): void {
    const walk = (node: BTreeNode) => {
      node.ids.forEach((id, i) => {
        if (node.edges) walk(node.edges[i]!);
        const e = map.entries.get(id)!;
        this.dropValue(e.key);
        this.dropValue(e.value);
      });
      if (node.edges) walk(node.edges[node.ids.length]!);
      if (node.block) this.free(node.block);
      node.block = null;
    };
    if (map.tree!.root) walk(map.tree!.root);
    map.tree!.root = null;
    map.entries = new Map();
    map.block = null;
  }

  // ---------- output and labels ----------

  print(text: string): void {
    const r = this.rec;
    r.record(EventKind.Output, -1, -1, r.intern(text), -1, -1, 0, 0, 0);
  }

  note(text: string): void {
    const r = this.rec;
    r.record(EventKind.Note, -1, -1, r.intern(text), -1, -1, 0, 0, 0);
  }

  /** Marks the run as ended early (panic, overflow); kept in the timeline's meta. */
  end(reason: string): void {
    this.ended ??= reason;
  }

  finish(): Timeline {
    return this.rec.finish({
      title: this.options.title,
      policy: this.heap.policy,
      staticBase: DEFAULT_ADDRESSES.staticBase,
      heapBase: DEFAULT_ADDRESSES.heapBase,
      stackTop: DEFAULT_ADDRESSES.stackTop,
      stackLimit: this.stackLimit,
      source: this.options.source,
      ...(this.options.program ? { program: this.options.program } : {}),
      ended: this.ended,
    });
  }
}

const T_STR: Ty = { kind: 'str' };
const MOVED: Value = { k: 'moved' };
const UNINIT: Value = { k: 'uninit' };

export function alignUp(n: number, align: number): number {
  return Math.ceil(n / align) * align;
}

export function alignDown(n: number, align: number): number {
  return Math.floor(n / align) * align;
}
