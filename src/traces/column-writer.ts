import { allocColumns, type EventColumns, OP_ALLOC, OP_FREE, OP_REALLOC } from './columns';
import type { EventSink } from './line-parser';
import { type BlockId, DROPPED, type LiveBlocks } from './liveness';

/** Counts of events passed on, by op. */
export interface Counts {
  events: number;
  allocs: number;
  frees: number;
  reallocs: number;
}

/** The column reader's sink: events into typed-array chunks, blocks named by the block numbers LiveBlocks gives. */
export class ColumnWriter implements EventSink {
  readonly numericIds = true;
  readonly ready: EventColumns[] = [];
  current: EventColumns;
  private first = 0;

  constructor(
    readonly live: LiveBlocks,
    readonly counts: Counts,
    private readonly shared: boolean,
    readonly capacity: number,
    private readonly sites: boolean,
    /** A chunk handed out earlier that its readers are done with, to fill again (see ReadColumnsOptions.reuse). */
    private readonly reuse: () => EventColumns | undefined = () => undefined,
  ) {
    this.current = allocColumns(capacity, shared, sites);
  }

  alloc(id: BlockId, size: number, align: number, line: number, site: number): void {
    const block = this.live.alloc(id, size, line);
    if (block === DROPPED) return;
    this.put(OP_ALLOC, block, block, size, align, line, site);
    this.counts.allocs++;
  }

  free(id: BlockId, line: number): void {
    const block = this.live.free(id, line);
    if (block === DROPPED) return;
    this.put(OP_FREE, block, block, 0, 1, line, -1);
    this.counts.frees++;
  }

  realloc(id: BlockId, newId: BlockId, size: number, align: number, line: number, site: number): void {
    const live = this.live;
    const block = live.realloc(id, newId, size, line);
    if (block === DROPPED) return;
    if (live.oldBlock === DROPPED) {
      this.put(OP_ALLOC, block, block, size, align, line, site);
      this.counts.allocs++;
    } else {
      this.put(OP_REALLOC, live.oldBlock, block, size, align, line, site);
      this.counts.reallocs++;
    }
  }

  rejected(id: BlockId): void {
    this.live.rejected(id);
  }

  /** The chunk being filled, handed over (a fresh one takes its place). */
  take(): EventColumns {
    const full = this.current;
    full.blockNumbers = this.live.blockNumbers;
    this.first += full.length;
    const again = this.reuse();
    if (again !== undefined) {
      again.length = 0;
      again.blockNumbers = 0;
    }
    this.current = again ?? allocColumns(this.capacity, this.shared, this.sites);
    this.current.first = this.first;
    return full;
  }

  /** Hands over the full chunk being filled; returns the fresh one. */
  spill(): EventColumns {
    this.ready.push(this.take());
    return this.current;
  }

  private put(op: number, block: number, newBlock: number, size: number, align: number, line: number, site: number): void {
    let c = this.current;
    if (c.length === this.capacity) {
      this.ready.push(this.take());
      c = this.current;
    }
    const i = c.length++;
    c.op[i] = op;
    c.block[i] = block;
    c.newBlock[i] = newBlock;
    c.size[i] = size;
    c.alignLog2[i] = align < 0x80000000 ? 31 - Math.clz32(align) : Math.log2(align);
    c.line[i] = line;
    if (c.site !== null) c.site[i] = site;
    this.counts.events++;
  }
}
