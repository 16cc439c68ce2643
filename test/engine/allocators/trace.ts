import fc from 'fast-check';
import { Allocator, AllocatorOptions, HeapError } from '../../../src/engine/allocators/allocator';

/** One step of a random heap trace; `pick` chooses a live block (modulo their count). */
export type Op =
  | { op: 'alloc'; size: number; align: number }
  | { op: 'free'; pick: number }
  | { op: 'realloc'; pick: number; size: number; align: number };

const size = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 64 }) },
  { weight: 3, arbitrary: fc.integer({ min: 65, max: 1024 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1025, max: 20000 }) },
  // Clusters a few granules apart, so size classes wider than a granule see near misses.
  { weight: 2, arbitrary: fc.constantFrom(1000, 2000, 4000, 9000).chain((base) => fc.integer({ min: base, max: base + 300 })) },
);
const align = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(1, 2, 4, 8, 16) }, { weight: 2, arbitrary: fc.constantFrom(32, 64, 256, 4096) });
const pick = fc.nat({ max: 1000 });

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('alloc' as const), size, align }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('free' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('realloc' as const), pick, size, align }) },
);
export const traceArb = fc.array(opArb, { maxLength: 120 });

export const optionsArb: fc.Arbitrary<AllocatorOptions> = fc.record(
  {
    align: fc.constantFrom(8, 16, 32),
    header: fc.constantFrom(0, 8, 16),
    minBlock: fc.constantFrom(0, 32, 64),
    splitThreshold: fc.constantFrom(0, 48, 128),
    limit: fc.integer({ min: 2048, max: 200000 }),
  },
  { requiredKeys: [] },
);

export interface LiveBlock {
  address: number;
  size: number;
}

export interface Replay {
  /** What each op returned: an address, null (limit), or 'free'. */
  results: Array<number | null | 'free'>;
  live: LiveBlock[];
  /** Successful alloc requests, for the reuse check. */
  requests: Array<{ size: number; align: number }>;
  nulls: number;
  freed: number[];
}

function expectHeapError(fn: () => unknown, code: HeapError['code']): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  if (!(caught instanceof HeapError) || caught.code !== code) throw new Error(`expected HeapError ${code}, got ${String(caught)}`);
}

/**
 * Replays ops on heap and checks, after every step: alignment to max(granule, align),
 * blockSize >= requested, no overlap of live blocks (header included), blocks below the
 * top, stats consistency, null only under a limit (each counted as a failure), and that
 * a freed address is refused as a double free.
 */
export function replay(heap: Allocator, ops: Op[], options: AllocatorOptions = {}): Replay {
  const granule = options.align ?? 16;
  const header = options.header ?? 0;
  const live: LiveBlock[] = [];
  const out: Replay = { results: [], live, requests: [], nulls: 0, freed: [] };
  const check = (address: number, size: number, align: number): void => {
    const a = Math.max(granule, align);
    if (address % a !== 0) throw new Error(`${heap.policy}: address ${address} not aligned to ${a}`);
    const reserved = heap.blockSize(address);
    if (reserved < size) throw new Error(`${heap.policy}: block at ${address} reserves ${reserved} < ${size}`);
  };
  const onNull = (): void => {
    if (options.limit === undefined) throw new Error(`${heap.policy}: null without a limit`);
    out.nulls++;
    if (heap.stats().failures !== out.nulls) throw new Error(`${heap.policy}: failures ${heap.stats().failures} != ${out.nulls}`);
  };
  for (const step of ops) {
    if (step.op === 'alloc') {
      const address = heap.alloc(step.size, step.align);
      out.results.push(address);
      if (address === null) onNull();
      else {
        check(address, step.size, step.align);
        live.push({ address, size: step.size });
        out.requests.push({ size: step.size, align: step.align });
      }
    } else if (live.length === 0) {
      continue;
    } else if (step.op === 'free') {
      const [victim] = live.splice(step.pick % live.length, 1);
      heap.free(victim.address);
      out.results.push('free');
      out.freed.push(victim.address);
      expectHeapError(() => heap.free(victim.address), 'double-free');
    } else {
      const i = step.pick % live.length;
      const old = live[i];
      const reservedBefore = heap.blockSize(old.address);
      const address = heap.realloc(old.address, step.size, step.align);
      out.results.push(address);
      if (address === null) {
        onNull();
        if (heap.blockSize(old.address) !== reservedBefore) throw new Error(`${heap.policy}: failed realloc changed the old block`);
      } else {
        check(address, step.size, step.align);
        if (address !== old.address) {
          expectHeapError(() => heap.blockSize(old.address), 'double-free');
          out.freed.push(old.address);
        }
        live[i] = { address, size: step.size };
      }
    }
    checkLayout(heap, live, header);
  }
  return out;
}

/** No two live blocks overlap, all lie below the top, and the stats add up. */
export function checkLayout(heap: Allocator, live: LiveBlock[], header: number): void {
  const s = heap.stats();
  const spans = live.map((b) => ({ start: b.address - header, end: b.address + heap.blockSize(b.address) })).sort((x, y) => x.start - y.start);
  let reserved = 0;
  for (let i = 0; i < spans.length; i++) {
    reserved += spans[i].end - spans[i].start;
    if (i > 0 && spans[i].start < spans[i - 1].end) throw new Error(`${heap.policy}: blocks [${spans[i - 1].start}, ${spans[i - 1].end}) and [${spans[i].start}, ${spans[i].end}) overlap`);
    if (spans[i].start < 0 || spans[i].end > s.top) throw new Error(`${heap.policy}: block [${spans[i].start}, ${spans[i].end}) outside [0, ${s.top})`);
  }
  if (s.usedBytes + s.freeBytes > s.top) throw new Error(`${heap.policy}: used ${s.usedBytes} + free ${s.freeBytes} > top ${s.top}`);
  if (s.peakTop < s.top || s.top < reserved || s.usedBytes < reserved) throw new Error(`${heap.policy}: peakTop ${s.peakTop}, top ${s.top}, used ${s.usedBytes}, live ${reserved}`);
  if (s.largestFree > s.freeBytes || (s.freeBlocks === 0) !== (s.freeBytes === 0)) throw new Error(`${heap.policy}: free stats ${JSON.stringify(s)}`);
}
