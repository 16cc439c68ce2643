/**
 * What a trace says about the program, whatever the allocator: who allocates (sites), what
 * sizes it asks for, how long blocks live, what is still live at exit (leaks). One pass over
 * the events as the reader delivers them (already checked for liveness), O(1) per event;
 * memory grows with the live blocks and the distinct sites, not with the trace.
 *
 * Conventions (as heaptrack's): a realloc is the end of the old block and the birth of a
 * new one at the realloc's site, so it counts as an allocation of its new size there. An
 * event with no caller is put on the site "(no caller)". Lifetimes are measured in events
 * (trace events between birth and death) and in bytes (bytes the program requested after
 * the block's birth, up to its death): a block with a byte lifetime of 0 is "temporary",
 * freed before anything else was allocated.
 *
 * Events come either as TraceEvents (blocks named by id: add) or as the column chunks the
 * lab's replay reads anyway (blocks named by block number: addColumns), so a replay with
 * analyses parses its trace once; one analyser takes one kind.
 */
import { parseCaller } from '../../traces/sites';
import type { TraceEvent } from '../../traces/types';
import { type EventColumns, OP_ALLOC, OP_FREE } from '../../traces/columns';
import type { LifetimeAnalysis, LeakAnalysis, SiteAnalysis, SiteRow, SizeAnalysis, TraceAnalyses } from '../../format/analyses';
import { Log2Histogram } from './bins';

export type { LifetimeAnalysis, LeakAnalysis, SiteAnalysis, SiteRow, SizeAnalysis, TraceAnalyses };

export const NO_CALLER = '(no caller)';

export interface AnalyserOptions {
  /** Granule for the size classes (default 16, the lab's default align). */
  granule?: number;
  /** Rows kept per ranking of sites, and leak rows (default 50). */
  topSites?: number;
  /** Size classes listed (default 30). */
  topClasses?: number;
}

interface Block {
  /** Requested bytes; -1 once dead (see TraceAnalyser.blocks). */
  size: number;
  /** Internal site slot (site index + 1; 0 = no caller). */
  slot: number;
  bornEvent: number;
  /** Byte clock just after the block's birth. */
  bornBytes: number;
}

/** Per-site counters in growable columns, indexed by slot. */
class SiteColumns {
  allocations: number[] = [];
  reallocs: number[] = [];
  bytes: number[] = [];
  live: number[] = [];
  /** Live bytes at the latest global peak; valid once `seen` equals the peak stamp (see touch). */
  atPeak: number[] = [];
  seen: number[] = [];

  ensure(slot: number): void {
    while (this.allocations.length <= slot) {
      this.allocations.push(0);
      this.reallocs.push(0);
      this.bytes.push(0);
      this.live.push(0);
      this.atPeak.push(0);
      this.seen.push(0);
    }
  }
}

/** Dead blocks kept before a sweep. */
const TOMBSTONE_LIMIT = 1 << 16;

export class TraceAnalyser {
  /**
   * Block id → block. Dead blocks stay as tombstones (size -1) and are swept in bulk: V8's
   * Map keeps deleted entries in its bucket chains until a rehash, and mtrace traces free and
   * reuse one address thousands of times, so deleting made lookups crawl (54 s instead of
   * under 2 on the Python trace). The replay's Replayer does the same for the same reason.
   */
  private blocks = new Map<string, Block>();
  private tombstones = 0;
  /** addColumns' blocks, by block number: requested bytes (-1 once dead), site slot, birth event and byte clock. */
  private numbered = { size: new Float64Array(0), slot: new Int32Array(0), bornEvent: new Float64Array(0), bornBytes: new Float64Array(0) };
  private readonly s = new SiteColumns();
  private readonly granule: number;
  private readonly topSites: number;
  private readonly topClasses: number;
  private events = 0;
  private byteClock = 0;
  private live = 0;
  private peakLive = 0;
  private peakEvent = -1;
  /** Bumped at every new peak of live bytes: a site whose `seen` is older has not changed since. */
  private peakStamp = 0;
  private requests = 0;
  private zero = 0;
  private maxRequest = 0;
  private readonly sizeBins = new Log2Histogram();
  private readonly classes = new Map<number, { count: number; bytes: number }>();
  private readonly lifeEvents = new Log2Histogram();
  private readonly lifeBytes = new Log2Histogram();
  private deaths = 0;
  private temporary = 0;

  constructor(options: AnalyserOptions = {}) {
    this.granule = options.granule ?? 16;
    this.topSites = options.topSites ?? 50;
    this.topClasses = options.topClasses ?? 30;
  }

  add(batch: readonly TraceEvent[]): void {
    for (let i = 0; i < batch.length; i++) this.event(batch[i]);
  }

  event(e: TraceEvent): void {
    switch (e.op) {
      case 'alloc':
        this.birth(e.id, e.size, e.site === undefined ? 0 : e.site + 1, false);
        break;
      case 'free':
        this.death(e.id);
        break;
      case 'realloc': {
        const old = this.blocks.get(e.id);
        const slot = e.site !== undefined ? e.site + 1 : (old?.slot ?? 0);
        this.death(e.id);
        this.birth(e.newId, e.size, slot, true);
        break;
      }
    }
    this.tick();
  }

  /** A chunk of columns (read with sites for the site analyses), as add() takes the same events. */
  addColumns(c: EventColumns): void {
    this.ensureNumbers(c.blockNumbers);
    const op = c.op;
    const block = c.block;
    const newBlock = c.newBlock;
    const size = c.size;
    const site = c.site;
    for (let i = 0; i < c.length; i++) {
      const o = op[i];
      if (o === OP_ALLOC) this.birthOf(block[i], size[i], site === null || site[i] < 0 ? 0 : site[i] + 1, false);
      else if (o === OP_FREE) this.deathOf(block[i]);
      else {
        const old = block[i];
        const slot = site !== null && site[i] >= 0 ? site[i] + 1 : this.numbered.slot[old];
        this.deathOf(old);
        this.birthOf(newBlock[i], size[i], slot, true);
      }
      this.tick();
    }
  }

  /** After each event: a new peak of live bytes? */
  private tick(): void {
    if (this.live > this.peakLive) {
      this.peakLive = this.live;
      this.peakEvent = this.events;
      this.peakStamp++;
    }
    this.events++;
  }

  private ensureNumbers(n: number): void {
    const b = this.numbered;
    if (n <= b.size.length) return;
    let length = Math.max(1024, b.size.length);
    while (length < n) length *= 2;
    const grow = <T extends Float64Array | Int32Array>(old: T, make: new (n: number) => T): T => {
      const grown = new make(length);
      grown.set(old);
      return grown;
    };
    const size = grow(b.size, Float64Array);
    size.fill(-1, b.size.length);
    this.numbered = { size, slot: grow(b.slot, Int32Array), bornEvent: grow(b.bornEvent, Float64Array), bornBytes: grow(b.bornBytes, Float64Array) };
  }

  private birthOf(block: number, size: number, slot: number, realloc: boolean): void {
    this.born(size, slot, realloc);
    const b = this.numbered;
    b.size[block] = size;
    b.slot[block] = slot;
    b.bornEvent[block] = this.events;
    b.bornBytes[block] = this.byteClock;
  }

  private deathOf(block: number): void {
    const b = this.numbered;
    const size = b.size[block];
    if (size < 0) return; // as death(): the reader lets no such event through
    b.size[block] = -1;
    this.died(size, b.slot[block], b.bornEvent[block], b.bornBytes[block]);
  }

  /** Before a site's live bytes change: if a peak came since its last change, its live bytes then were these. */
  private touch(slot: number): void {
    const s = this.s;
    if (s.seen[slot] !== this.peakStamp) {
      s.atPeak[slot] = s.live[slot];
      s.seen[slot] = this.peakStamp;
    }
  }

  private birth(id: string, size: number, slot: number, realloc: boolean): void {
    this.born(size, slot, realloc);
    const b = this.blocks.get(id);
    if (b === undefined) this.blocks.set(id, { size, slot, bornEvent: this.events, bornBytes: this.byteClock });
    else {
      if (b.size < 0) this.tombstones--;
      b.size = size;
      b.slot = slot;
      b.bornEvent = this.events;
      b.bornBytes = this.byteClock;
    }
  }

  /** A block of `size` bytes is born at site `slot`: everything but where the block is kept. */
  private born(size: number, slot: number, realloc: boolean): void {
    const s = this.s;
    s.ensure(slot);
    this.touch(slot);
    s.allocations[slot]++;
    if (realloc) s.reallocs[slot]++;
    s.bytes[slot] += size;
    s.live[slot] += size;
    this.live += size;
    this.byteClock += size;
    this.requests++;
    if (size === 0) this.zero++;
    if (size > this.maxRequest) this.maxRequest = size;
    this.sizeBins.add(size, size);
    const cls = Math.ceil(size / this.granule) * this.granule;
    const c = this.classes.get(cls);
    if (c === undefined) this.classes.set(cls, { count: 1, bytes: size });
    else {
      c.count++;
      c.bytes += size;
    }
  }

  private death(id: string): void {
    const b = this.blocks.get(id);
    if (b === undefined || b.size < 0) return; // the reader's checks let no such event through; a hand-fed stream may
    const size = b.size;
    b.size = -1;
    if (++this.tombstones >= TOMBSTONE_LIMIT) this.sweep();
    this.died(size, b.slot, b.bornEvent, b.bornBytes);
  }

  /** A block dies: everything but where it was kept. */
  private died(size: number, slot: number, bornEvent: number, bornBytes: number): void {
    this.touch(slot);
    this.s.live[slot] -= size;
    this.live -= size;
    this.deaths++;
    const inBytes = this.byteClock - bornBytes;
    if (inBytes === 0) this.temporary++;
    this.lifeEvents.add(this.events - bornEvent, size);
    this.lifeBytes.add(inBytes, size);
  }

  private sweep(): void {
    const kept = new Map<string, Block>();
    for (const [id, b] of this.blocks) if (b.size >= 0) kept.set(id, b);
    this.blocks = kept;
    this.tombstones = 0;
  }

  /** The analyses so far; `siteNames` is the reader's site table (event.site indexes it). */
  finish(trace: string, siteNames: readonly string[]): TraceAnalyses {
    const s = this.s;
    const slots = s.allocations.length;
    const leakedBlocks = new Array<number>(slots).fill(0);
    const leakedBytes = new Array<number>(slots).fill(0);
    for (const b of this.blocks.values()) {
      if (b.size < 0) continue;
      leakedBlocks[b.slot]++;
      leakedBytes[b.slot] += b.size;
    }
    const n = this.numbered;
    for (let block = 0; block < n.size.length; block++) {
      if (n.size[block] < 0) continue;
      leakedBlocks[n.slot[block]]++;
      leakedBytes[n.slot[block]] += n.size[block];
    }
    const name = (slot: number) => (slot === 0 ? NO_CALLER : siteNames[slot - 1] ?? `site ${slot - 1}`);
    const used: number[] = [];
    for (let slot = 0; slot < slots; slot++) {
      if (s.allocations[slot] === 0) continue;
      used.push(slot);
    }
    const atPeak = (slot: number) => (s.seen[slot] === this.peakStamp ? s.atPeak[slot] : s.live[slot]);
    const row = (slot: number): SiteRow => {
      const symbol = symbolOf(name(slot));
      return {
        site: name(slot),
        symbol,
        symbolSource: symbol === null ? null : 'trace',
        allocations: s.allocations[slot],
        reallocs: s.reallocs[slot],
        bytes: s.bytes[slot],
        peakBytes: atPeak(slot),
        leakedBlocks: leakedBlocks[slot],
        leakedBytes: leakedBytes[slot],
      };
    };
    const top = (key: (slot: number) => number) =>
      used.filter((slot) => key(slot) > 0).sort((a, b) => key(b) - key(a) || a - b).slice(0, this.topSites);
    const kept = new Set([
      ...top((slot) => s.allocations[slot]),
      ...top((slot) => s.bytes[slot]),
      ...top(atPeak),
      ...top((slot) => leakedBytes[slot]),
    ]);
    const rows = [...kept].map(row).sort((a, b) => b.bytes - a.bytes || b.allocations - a.allocations);
    const others = { sites: 0, allocations: 0, reallocs: 0, bytes: 0, peakBytes: 0, leakedBlocks: 0, leakedBytes: 0 };
    for (const slot of used) {
      if (kept.has(slot)) continue;
      others.sites++;
      others.allocations += s.allocations[slot];
      others.reallocs += s.reallocs[slot];
      others.bytes += s.bytes[slot];
      others.peakBytes += atPeak(slot);
      others.leakedBlocks += leakedBlocks[slot];
      others.leakedBytes += leakedBytes[slot];
    }

    const classes = [...this.classes.entries()]
      .map(([size, c]) => ({ size, count: c.count, bytes: c.bytes }))
      .sort((a, b) => b.count - a.count || a.size - b.size);
    const listed = classes.slice(0, this.topClasses);
    const rest = classes.slice(this.topClasses);

    const leakSlots = used.filter((slot) => leakedBlocks[slot] > 0).sort((a, b) => leakedBytes[b] - leakedBytes[a] || a - b);
    let leakBlocks = 0;
    let leakBytes = 0;
    for (const slot of leakSlots) {
      leakBlocks += leakedBlocks[slot];
      leakBytes += leakedBytes[slot];
    }
    return {
      trace,
      events: this.events,
      peakLive: this.peakLive,
      peakEvent: this.peakEvent,
      sites: { distinct: used.length, rows, others },
      sizes: {
        requests: this.requests,
        bytes: this.byteClock,
        zero: this.zero,
        max: this.maxRequest,
        histogram: this.sizeBins.bins(),
        granule: this.granule,
        classes: listed,
        otherClasses: {
          classes: rest.length,
          count: rest.reduce((n, c) => n + c.count, 0),
          bytes: rest.reduce((n, c) => n + c.bytes, 0),
        },
      },
      lifetimes: { blocks: this.deaths, events: this.lifeEvents.bins(), bytes: this.lifeBytes.bins(), temporary: this.temporary },
      leaks: {
        blocks: leakBlocks,
        bytes: leakBytes,
        bySite: leakSlots.slice(0, this.topSites).map((slot) => ({ site: name(slot), symbol: symbolOf(name(slot)), blocks: leakedBlocks[slot], bytes: leakedBytes[slot] })),
      },
    };
  }
}

/** The symbol an mtrace caller names, `…:(xmalloc+1c)[…]` → `xmalloc`; null when it names none. */
function symbolOf(site: string): string | null {
  return parseCaller(site)?.symbol ?? null;
}
