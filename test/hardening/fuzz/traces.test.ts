/**
 * Issue 12 item 4: property-based fuzzing of the trace readers (mtrace, memscope JSONL and CSV,
 * each plain or gzip), fed in random chunks as a stream delivers them. A valid trace must read
 * back as exactly the events written (anything else is a silent wrong result); damaged or
 * foreign input may only be reported as problems (lenient) or a TraceError (strict).
 */
import fc from 'fast-check';
import * as zlib from 'zlib';
import { readColumns, readTrace } from '../../../src/traces/read-trace';
import { formatCsv, formatJsonl, CSV_COLUMNS, TRACE_HEADER } from '../../../src/traces/memscope-format';
import { MTRACE_ALIGN } from '../../../src/traces/mtrace';
import { TraceError, type TraceEvent } from '../../../src/traces/types';
import { fuzz, refusedWith, WrongResult, type Outcome } from './fuzz';

type Format = 'mtrace' | 'jsonl' | 'csv';

/** A valid event sequence: frees and reallocs only of live blocks, fresh ids for new ones. */
const events = fc.array(fc.record({ op: fc.nat({ max: 9 }), pick: fc.nat(), size: fc.integer({ min: 1, max: 1 << 20 }), align: fc.constantFrom(8, 16, 32, 64), move: fc.boolean() }), { maxLength: 120 })
  .map((steps) => {
    const out: TraceEvent[] = [];
    const live: string[] = [];
    let next = 0x1000;
    const fresh = (): string => `0x${(next += 0x40).toString(16)}`;
    for (const s of steps) {
      if (live.length === 0 || s.op < 5) {
        const id = fresh();
        live.push(id);
        out.push({ op: 'alloc', id, size: s.size, align: s.align, line: 0 });
      } else if (s.op < 8) {
        const [id] = live.splice(s.pick % live.length, 1);
        out.push({ op: 'free', id: id!, line: 0 });
      } else {
        const at = s.pick % live.length;
        const id = live[at]!;
        const newId = s.move ? fresh() : id;
        live[at] = newId;
        out.push({ op: 'realloc', id, newId, size: s.size, align: s.align, line: 0 });
      }
    }
    return out;
  });

function text(format: Format, list: TraceEvent[]): string {
  const caller = '@ ./prog:(main+0x1a)[0x4005d6]';
  switch (format) {
    case 'jsonl':
      return [TRACE_HEADER, ...list.map(formatJsonl)].join('\n') + '\n';
    case 'csv':
      return [TRACE_HEADER, CSV_COLUMNS.join(','), ...list.map(formatCsv)].join('\n') + '\n';
    case 'mtrace':
      return ['= Start', ...list.flatMap((e) => {
        if (e.op === 'alloc') return [`${caller} + ${e.id} 0x${e.size.toString(16)}`];
        if (e.op === 'free') return [`${caller} - ${e.id}`];
        return [`${caller} < ${e.id}`, `${caller} > ${e.newId} 0x${e.size.toString(16)}`];
      }), '= End'].join('\n') + '\n';
  }
}

/** The bytes as a stream delivers them: cut at the given points (a multi-byte character or a gzip block may be split). */
async function* chunks(bytes: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let last = 0;
  for (const c of at) {
    yield bytes.subarray(last, c);
    last = c;
  }
  yield bytes.subarray(last);
}

const shape = (e: TraceEvent, format: Format): string => {
  const align = format === 'mtrace' ? MTRACE_ALIGN : 'align' in e ? e.align : 0;
  if (e.op === 'alloc') return `alloc ${e.id} ${e.size} ${align}`;
  if (e.op === 'free') return `free ${e.id}`;
  return `realloc ${e.id} ${e.newId} ${e.size} ${align}`;
};

describe('trace readers under fuzzing', () => {
  test('valid traces in every format, plain or gzip, in random chunks: read back exactly', async () => {
    const input = fc.record({ list: events, format: fc.constantFrom<Format>('mtrace', 'jsonl', 'csv'), gzip: fc.boolean(), cuts: fc.array(fc.nat(), { maxLength: 6 }) });
    await fuzz('trace readers: valid traces round trip', input, 60, async ({ list, format, gzip, cuts }): Promise<Outcome> => {
      const plain = Buffer.from(text(format, list));
      const bytes = gzip ? zlib.gzipSync(plain) : plain;
      const reader = readTrace(chunks(bytes, cuts), { mode: 'strict', name: `fuzz.${format}` });
      const read: TraceEvent[] = [];
      for await (const batch of reader) read.push(...batch);
      const want = list.map((e) => shape(e, format));
      const got = read.map((e) => shape(e, format));
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        throw new WrongResult(`${format}${gzip ? '.gz' : ''}: read ${got.length} events, wrote ${want.length}; first difference at ${got.findIndex((g, i) => g !== want[i])}`);
      }
      const s = reader.summary();
      if (s.gzip !== gzip || s.events !== list.length || s.problems.total !== 0) throw new WrongResult(`summary disagrees: ${JSON.stringify(s)}`);
      // The column reader gives the same counts.
      const columns = readColumns(chunks(bytes, cuts), { mode: 'strict' });
      let n = 0;
      for await (const c of columns) n += c.length;
      if (n !== list.length) throw new WrongResult(`readColumns read ${n} events, wrote ${list.length}`);
      return 'accepted';
    });
  });

  test('damaged and foreign input: problems or a TraceError, never a crash or a hang', async () => {
    const line = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.uint8Array({ maxLength: 80 }).map((b) => Buffer.from(b).toString('latin1')),
      fc.constantFrom('= Start', '= End', '@ ./p:[0x1] + 0x10 0x20', '@ [0x1] - 0x10', '@ ./p:[0x1] < 0x10', '@ ./p:[0x1] > 0x20 0x8', '@ [0x7f] ! 0x10 0x8',
        '+ 0x10 (nil)', '- 0x99', TRACE_HEADER, '#memscope-trace v2', 'op,id,size,align,new_id', 'alloc,a,16,16,', 'free,a,,,', 'realloc,a,32,16,b',
        '{"op":"alloc","id":"a","size":16,"align":16}', '{"op":"free","id":"a"}', '{"op":"alloc","id":"a","size":1e300}', '{"op":"alloc","id":"b","size":-1}',
        '{"op":"realloc","id":"a","new_id":"a","size":9007199254740993,"align":3}', '\uFEFF{"op":"free","id":"z"}', 'x'.repeat(5000)),
    );
    const input = fc.record({ lines: fc.array(line, { maxLength: 60 }), gzip: fc.boolean(), strict: fc.boolean(), cuts: fc.array(fc.nat(), { maxLength: 4 }) });
    await fuzz('trace readers: damaged input', input, 80, async ({ lines, gzip, strict, cuts }): Promise<Outcome> => {
      const plain = Buffer.from(lines.join('\n'), 'latin1');
      const bytes = gzip ? zlib.gzipSync(plain) : plain;
      const reader = readTrace(chunks(bytes, cuts), { mode: strict ? 'strict' : 'lenient', name: 'fuzz' });
      let n = 0;
      try {
        for await (const batch of reader) n += batch.length;
      } catch (err) {
        return refusedWith(err, TraceError);
      }
      const s = reader.summary();
      if (s.events !== n || s.allocs + s.frees + s.reallocs !== n) throw new WrongResult(`summary counts ${s.events} events (${s.allocs}+${s.frees}+${s.reallocs}), delivered ${n}`);
      return 'accepted';
    });
  });
});
