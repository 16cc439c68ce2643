/**
 * Events the real allocator was asked for, as recorded by the oracle's logging allocator, and the
 * parser of the line format the Rust side writes (see prelude.ts):
 *
 *   memscope-oracle 1
 *   alloc <size> <align> <ptr>
 *   alloc_zeroed <size> <align> <ptr>
 *   realloc <old_size> <new_size> <align> <old_ptr> <new_ptr>
 *   dealloc <size> <align> <ptr>
 *   end <recorded> <dropped>
 */
import { EVENTS_HEADER, EVENT_CAPACITY } from './prelude';

export interface OracleEvent {
  op: 'alloc' | 'realloc' | 'dealloc';
  /** Bytes asked for; for realloc the new size. */
  size: number;
  align: number;
  /** realloc only: the size of the block before. */
  old_size?: number;
  /**
   * Only with `{ blocks: true }`: which block the event concerns, numbered 0, 1, 2… in order of
   * first allocation; a realloc keeps its block's number even if the address moves.
   */
  block?: number;
}

interface RawEvent {
  event: OracleEvent;
  /** Address freed or resized (realloc, dealloc). */
  from?: string;
  /** Address handed out (alloc, realloc). */
  to?: string;
}

export function parseOracleEvents(text: string, opts: { blocks?: boolean; source?: string } = {}): OracleEvent[] {
  const where = opts.source ?? 'oracle event file';
  const lines = text.split('\n');
  if (lines[0] !== EVENTS_HEADER) {
    throw new Error(`${where}:1: expected header "${EVENTS_HEADER}", found ${JSON.stringify(lines[0])}`);
  }
  const raw: RawEvent[] = [];
  let ended = false;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const at = `${where}:${i + 1}`;
    if (ended) throw new Error(`${at}: unexpected line after "end": ${JSON.stringify(line)}`);
    const [op, ...fields] = line.split(' ');
    const num = (k: number, what: string): number => {
      const text = fields[k];
      if (text === undefined || !/^\d+$/.test(text)) {
        throw new Error(`${at}: expected ${what} as a decimal number in ${JSON.stringify(line)}`);
      }
      return Number(text);
    };
    const arity = (n: number) => {
      if (fields.length !== n) throw new Error(`${at}: expected ${n} fields after "${op}", found ${fields.length}`);
    };
    switch (op) {
      case 'alloc':
      case 'alloc_zeroed':
        arity(3);
        raw.push({ event: { op: 'alloc', size: num(0, 'size'), align: num(1, 'align') }, to: fields[2] });
        break;
      case 'realloc':
        arity(5);
        raw.push({
          event: { op: 'realloc', size: num(1, 'new size'), align: num(2, 'align'), old_size: num(0, 'old size') },
          from: fields[3],
          to: fields[4],
        });
        break;
      case 'dealloc':
        arity(3);
        raw.push({ event: { op: 'dealloc', size: num(0, 'size'), align: num(1, 'align') }, from: fields[2] });
        break;
      case 'end': {
        arity(2);
        const recorded = num(0, 'recorded count');
        const dropped = num(1, 'dropped count');
        if (dropped > 0) {
          throw new Error(
            `${at}: the oracle's buffer (${EVENT_CAPACITY} events) overflowed, ${dropped} events were lost; record a smaller region with memscope_oracle::start()/stop()`,
          );
        }
        if (recorded !== raw.length) throw new Error(`${at}: "end" says ${recorded} events, file has ${raw.length}`);
        ended = true;
        break;
      }
      default:
        throw new Error(`${at}: expected alloc, alloc_zeroed, realloc, dealloc or end, found ${JSON.stringify(op)}`);
    }
  }
  if (!ended) throw new Error(`${where}: missing "end" line (the program stopped while writing its events?)`);
  return opts.blocks ? numberBlocks(raw) : raw.map((r) => r.event);
}

/** Replaces addresses by block numbers; a block allocated before recording began gets a fresh number when first seen. */
function numberBlocks(raw: RawEvent[]): OracleEvent[] {
  const live = new Map<string, number>();
  let next = 0;
  const blockAt = (addr: string): number => {
    let id = live.get(addr);
    if (id === undefined) {
      id = next++;
      live.set(addr, id);
    }
    return id;
  };
  return raw.map(({ event, from, to }) => {
    let block: number;
    if (event.op === 'alloc') {
      block = next++;
      live.set(to!, block);
    } else if (event.op === 'realloc') {
      block = blockAt(from!);
      live.delete(from!);
      live.set(to!, block);
    } else {
      block = blockAt(from!);
      live.delete(from!);
    }
    return { ...event, block };
  });
}
