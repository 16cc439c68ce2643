/** Checks on a whole-main recording (with `blocks: true`) that hold for any program without leaks. */
import type { OracleEvent } from './oracle-events';

/**
 * Returns a description of each inconsistency: a block freed or resized with a size other than
 * its current one, freed twice, or still live at the end. Empty when the sequence is balanced.
 */
export function heapBalanceProblems(events: OracleEvent[]): string[] {
  const live = new Map<number, number>();
  const problems: string[] = [];
  events.forEach((e, i) => {
    if (e.block === undefined) throw new Error(`event ${i} has no block number: record with { blocks: true }`);
    const size = live.get(e.block);
    if (e.op === 'alloc') {
      live.set(e.block, e.size);
      return;
    }
    const before = e.op === 'realloc' ? e.old_size : e.size;
    if (size === undefined) problems.push(`event ${i}: ${e.op} of block ${e.block}, which is not live`);
    else if (size !== before) problems.push(`event ${i}: ${e.op} of block ${e.block} says ${before} bytes, block has ${size}`);
    if (e.op === 'realloc') live.set(e.block, e.size);
    else live.delete(e.block);
  });
  for (const [block, size] of live) problems.push(`block ${block} (${size} bytes) is still live at the end`);
  return problems;
}
