/**
 * The column reader's mtrace fast path (src/traces/mtrace-columns.ts) against the general
 * parser. Fed one byte per chunk, every line is cut by a chunk's end and so read by
 * MtraceParser alone; fed whole, the fast path takes the common lines. Both must give the same
 * columns, summary, problems and sites.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { type EventColumns, readColumns, type ReadColumnsOptions, type TraceSummary } from '../../src/traces';
import { streamOf } from './helpers';

interface Read {
  columns: Record<string, number[]>;
  summary: TraceSummary;
  sites: readonly string[];
}

async function read(text: string, pieceBytes: number, options: ReadColumnsOptions = {}): Promise<Read> {
  const reader = readColumns(streamOf(text, pieceBytes), { name: 't.mtrace', ...options });
  const columns: Record<string, number[]> = { op: [], block: [], newBlock: [], size: [], alignLog2: [], line: [], site: [] };
  for await (const chunk of reader) {
    for (const key of Object.keys(columns) as Array<keyof EventColumns & string>) {
      const column = chunk[key] as ArrayLike<number> | null;
      if (column !== null) columns[key].push(...Array.from(column).slice(0, chunk.length));
    }
  }
  return { columns, summary: reader.summary(), sites: reader.sites() };
}

/** The same text read by the fast path (whole) and by MtraceParser alone (one byte per chunk). */
async function bothWays(text: string, options: ReadColumnsOptions = {}): Promise<Read> {
  const fast = await read(text, 1 << 16, options);
  const general = await read(text, 1, options);
  expect(fast).toEqual(general);
  return fast;
}

describe('mtrace fast path of the column reader', () => {
  it('reads the common lines as MtraceParser does: caller or none, zero size, realloc in place and moved', async () => {
    const text = [
      '= Start',
      '@ ./prog:[0x4005d6] + 0x1e3b2a0 0x64',
      '@ /usr/bin/perl:(Perl_safesyscalloc+1b)[0xf7d8b] + 0x1e3b310 0x18',
      '@ [0x7f12aa] < 0x1e3b2a0',
      '@ [0x7f12aa] > 0x1e3b6c0 0x3e8',
      '+ 0x1e3b700 0',
      '@ ./my prog:(main-0x10)[0x4005e1] < 0x1e3b310',
      '@ ./my prog:(main-0x10)[0x4005e1] > 0x1e3b310 0x20',
      '@ ./prog:[0x4005f0] - 0x1e3b6c0',
      '@ ./prog:[0x4005f0] - 0x1e3b310',
      '- 0x1e3b700',
      '= End',
    ].join('\n');
    const { columns, summary } = await bothWays(text, { sites: true });
    expect(columns.op).toEqual([0, 0, 2, 0, 2, 1, 1, 1]);
    expect(columns.size).toEqual([100, 24, 1000, 0, 32, 0, 0, 0]);
    expect(columns.line).toEqual([2, 3, 4, 6, 7, 9, 10, 11]);
    expect(summary.problems.total).toBe(0);
  });

  it('leaves unusual lines to MtraceParser: upper-case hex, a leading zero, 14 digits, (nil), a failed realloc, trailing text', async () => {
    const text = [
      '+ 0xA0 0x10', // upper-case address: a text id, not the same block as 0xa0
      '- 0xa0', // so this is an unknown pointer
      '- 0xA0',
      '+ 0x0b0 0x10', // leading zero: text too
      '- 0xb0',
      '- 0x0b0',
      '+ 0x12345678901234 0x8', // 14 digits: past the exact-number rule, a text id
      '- 0x12345678901234',
      '+ 0x1234567890123 0x8', // 13 digits: still a number
      '- 0x1234567890123',
      '+ (nil) 0x10', // malloc failed
      '- (nil)',
      '+ 0xc0 0xABC', // upper-case size: fine, same value
      '! 0xc0 0x20', // failed realloc
      '- 0xc0 trailing',
      '- 0xc0',
      '+ 0xd0 0x20000000000001', // past 2^53
      '- 0xd0',
    ].join('\n');
    const { columns, summary } = await bothWays(text);
    expect(columns.op).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    expect(columns.size).toEqual([16, 0, 16, 0, 8, 0, 8, 0, 0xabc, 0]);
    expect(summary.problems.first.map((p) => [p.line, p.kind])).toEqual([
      [2, 'unknown-pointer'], [5, 'unknown-pointer'], [15, 'malformed'], [17, 'malformed'],
    ]);
    expect(summary.skippedLines).toBe(3);
  });

  it('gives the same result whatever the chunk boundaries, with CRLF, and when a line is cut inside the fast path', async () => {
    const lines: string[] = ['= Start'];
    for (let i = 0; i < 300; i++) {
      const a = (0x5596_3d95_a000 + (i % 37) * 0x40).toString(16);
      lines.push(i % 3 === 2 ? `@ ./p:[0x4005d6] - 0x${a}` : `@ ./p:(f+1a)[0x4005d6] + 0x${a} 0x${(i * 7).toString(16)}`);
      if (i % 11 === 0) lines.push(`@ [0x1] < 0x${a}`, `@ [0x1] > 0x${(0x7f00_0000 + i * 16).toString(16)} 0x40`);
    }
    const text = lines.join('\n');
    const reference = await bothWays(text, { sites: true, chunkEvents: 64 });
    for (const piece of [7, 13, 100, 4096]) expect(await read(text, piece, { sites: true, chunkEvents: 64 })).toEqual(reference);
    const crlf = await bothWays(text.replace(/\n/g, '\r\n'), { sites: true, chunkEvents: 64 });
    expect(crlf.columns).toEqual(reference.columns);
  });

  it('reports realloc pairing faults as MtraceParser does', async () => {
    const text = ['+ 0x10 0x10', '> 0x20 0x10', '< 0x10', '+ 0x30 0x10', '< 0x30', '< 0x10', '> 0x40 0x8', '- 0x40', '- 0x30', '< 0x50', '> 0x60 0x8', '< 0x60'].join('\n');
    const { summary } = await bothWays(text);
    expect(summary.problems.first.map((p) => [p.line, p.kind])).toEqual([
      [2, 'malformed'], [3, 'malformed'], [5, 'malformed'], [10, 'unknown-pointer'], [12, 'malformed'],
    ]);
  });

  it('strict mode stops at the same line', async () => {
    const text = ['+ 0x10 0x10', '- 0x10', '- 0x10', '+ 0x20 0x10'].join('\n');
    await expect(read(text, 1 << 16, { mode: 'strict' })).rejects.toThrow('t.mtrace:3: free of 0x10, which was already freed');
  });

  it('keeps heap-like and hostile address patterns apart (the address table hashes by KiB, and scatters if that piles up)', async () => {
    const lines: string[] = [];
    for (let i = 1; i <= 3000; i++) lines.push(`+ 0x${(0x10000 + i).toString(16)} 0x1`); // 1 byte apart: no malloc does this
    for (let i = 1; i <= 3000; i++) lines.push(`+ 0x${(i * 0x100000).toString(16)} 0x1`); // 1 MiB apart
    for (let i = 1; i <= 3000; i++) lines.push(`- 0x${(0x10000 + i).toString(16)}`, `- 0x${(i * 0x100000).toString(16)}`);
    const { summary } = await read(lines.join('\n'), 1 << 16);
    expect(summary).toMatchObject({ events: 12000, allocs: 6000, frees: 6000, live: { blocks: 0, bytes: 0 } });
    expect(summary.problems.total).toBe(0);
  });

  it('reads a plain file of many read buffers (one buffer reused) as the same bytes from a stream', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 40_000; i++) {
      const a = (0x5596_3d95_a000 + (i % 501) * 0x30).toString(16);
      lines.push(i % 2 ? `@ /usr/lib/x86_64-linux-gnu/libstdc++.so.6:(_Znwm+1c)[0x15dbc8c] - 0x${a}` : `@ /usr/lib/x86_64-linux-gnu/libstdc++.so.6:(_Znwm+1c)[0x15dbc8c] + 0x${a} 0x${(i % 999).toString(16)}`);
    }
    const text = lines.join('\n');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-columns-'));
    try {
      const file = path.join(dir, 'big.mtrace');
      fs.writeFileSync(file, text);
      expect(fs.statSync(file).size).toBeGreaterThan(3 * (1 << 18));
      const fromFile = readColumns(file, { name: 't.mtrace' });
      const columns: number[] = [];
      for await (const chunk of fromFile) columns.push(...Array.from(chunk.block.subarray(0, chunk.length)));
      const fromStream = await read(text, 1 << 16);
      expect(columns).toEqual(fromStream.columns.block);
      expect({ ...fromFile.summary(), bytesRead: 0 }).toEqual({ ...fromStream.summary, bytesRead: 0 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fills a chunk again when its reader gives it back (reuse), with the same events as fresh chunks', async () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => (i % 3 === 2 ? `@ ./p:[0x1] - 0x${(0x1000 + (i - 1) * 16).toString(16)}` : `@ ./p:[0x1] + 0x${(0x1000 + i * 16).toString(16)} 0x${(i % 99).toString(16)}`));
    const text = lines.join('\n');
    const fresh = await read(text, 1 << 12, { chunkEvents: 256 });
    // Give every chunk back as soon as it has been read: the reader then needs two objects at most.
    const spare: EventColumns[] = [];
    const objects = new Set<EventColumns>();
    const block: number[] = [];
    const reader = readColumns(streamOf(text, 1 << 12), { name: 't.mtrace', chunkEvents: 256, reuse: () => spare.pop() });
    for await (const chunk of reader) {
      objects.add(chunk);
      block.push(...Array.from(chunk.block.subarray(0, chunk.length)));
      spare.push(chunk);
    }
    expect(block).toEqual(fresh.columns.block);
    expect(block.length).toBeGreaterThan(10 * 256);
    expect(objects.size).toBeLessThanOrEqual(2);
    expect(reader.summary()).toEqual(fresh.summary);
  });
});
