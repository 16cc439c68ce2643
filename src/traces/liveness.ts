import type { TraceEvent } from './types';
import type { ProblemLog } from './problems';

/** A freed id is remembered (to tell a double free from a wild pointer) until this many pile up. */
const DEFAULT_TOMBSTONE_LIMIT = 1 << 20;

/**
 * Tracks which block ids are live so a trace cannot free what it never allocated.
 *
 * One map holds every id seen: a live block maps to its size, a freed one to -1 (a
 * tombstone), so a free costs one lookup and one store. mtrace reuses addresses, which keeps
 * the map as small as the heap; traces with fresh ids per block would grow it without end,
 * so tombstones are swept once there are `tombstoneLimit` of them — after a sweep, a second
 * free of a long-dead id is reported as an unknown pointer rather than a double free.
 */
export class LiveBlocks {
  private readonly ids = new Map<string, number>();
  private tombstones = 0;
  blocks = 0;
  bytes = 0;

  constructor(private readonly problems: ProblemLog, private readonly tombstoneLimit = DEFAULT_TOMBSTONE_LIMIT) {}

  /**
   * Checks one event against the live set and applies it. Returns the event to pass on,
   * or null to drop it (the problem is reported). A realloc of an unknown block becomes an
   * alloc of the new block: the program did get that block, so a replay should see it.
   */
  apply(event: TraceEvent): TraceEvent | null {
    const ids = this.ids;
    switch (event.op) {
      case 'alloc': {
        const old = ids.get(event.id);
        if (old !== undefined && old >= 0) {
          this.problems.report('duplicate-alloc', event.line, `alloc of ${event.id}, which is still live (its free is missing from the trace)`);
          return null;
        }
        if (old !== undefined) this.tombstones--;
        ids.set(event.id, event.size);
        this.blocks++;
        this.bytes += event.size;
        return event;
      }
      case 'free': {
        const old = ids.get(event.id);
        if (old === undefined || old < 0) {
          this.reportDead(old, 'free', event.id, event.line);
          return null;
        }
        this.kill(event.id, old);
        return event;
      }
      case 'realloc': {
        const old = ids.get(event.id);
        if (old === undefined || old < 0) {
          this.reportDead(old, 'realloc', event.id, event.line);
          const alloc: TraceEvent = { op: 'alloc', id: event.newId, size: event.size, align: event.align, line: event.line };
          if (event.site !== undefined) alloc.site = event.site;
          return this.apply(alloc);
        }
        if (event.newId !== event.id) {
          const target = ids.get(event.newId);
          if (target !== undefined && target >= 0) {
            this.problems.report('duplicate-alloc', event.line, `realloc of ${event.id} moved it to ${event.newId}, which is still live (its free is missing from the trace)`);
            return null;
          }
          if (target !== undefined) this.tombstones--;
          this.kill(event.id, old);
          this.blocks++;
        }
        ids.set(event.newId, event.size);
        this.bytes += event.size - (event.newId === event.id ? old : 0);
        return event;
      }
    }
  }

  private kill(id: string, size: number): void {
    this.ids.set(id, -1);
    this.blocks--;
    this.bytes -= size;
    if (++this.tombstones >= this.tombstoneLimit) this.sweep();
  }

  private reportDead(old: number | undefined, what: string, id: string, line: number): void {
    if (old === undefined) this.problems.report('unknown-pointer', line, `${what} of ${id}, which the trace never allocated`);
    else this.problems.report('double-free', line, `${what} of ${id}, which was already freed`);
  }

  private sweep(): void {
    for (const [id, size] of this.ids) if (size < 0) this.ids.delete(id);
    this.tombstones = 0;
  }
}
