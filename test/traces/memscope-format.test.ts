import { formatCsv, formatJsonl, TRACE_HEADER, TraceEvent } from '../../src/traces';
import { readAll, streamOf } from './helpers';

const EVENTS: TraceEvent[] = [
  { op: 'alloc', id: 'b1', size: 24, align: 8, line: 0 },
  { op: 'alloc', id: 'b2', size: 0, align: 1, line: 0 },
  { op: 'realloc', id: 'b1', newId: 'b3', size: 48, align: 8, line: 0 },
  { op: 'realloc', id: 'b3', newId: 'b3', size: 16, align: 8, line: 0 },
  { op: 'free', id: 'b2', line: 0 },
  { op: 'free', id: 'b3', line: 0 },
];

/** The events as a reader reports them from a file with one header line first. */
const withLines = (offset: number): TraceEvent[] => EVENTS.map((e, i) => ({ ...e, line: i + 1 + offset }));

describe('memscope trace format', () => {
  it('reads JSON lines as written by formatJsonl, header and all', async () => {
    const text = [TRACE_HEADER, ...EVENTS.map(formatJsonl)].join('\n') + '\n';
    const { events, summary } = await readAll(streamOf(text, 7), { mode: 'strict' });
    expect(events).toEqual(withLines(1));
    expect(summary).toMatchObject({ format: 'memscope-jsonl', events: 6, skippedLines: 1, live: { blocks: 0, bytes: 0 } });
  });

  it('reads CSV as written by formatCsv', async () => {
    const text = [TRACE_HEADER, 'op,id,size,align,new_id', ...EVENTS.map(formatCsv)].join('\n');
    const { events, summary } = await readAll(streamOf(text), { mode: 'strict' });
    expect(events).toEqual(withLines(2));
    expect(summary.format).toBe('memscope-csv');
  });

  it('fills in defaults: align 16, new_id = id; numbers as ids; extra keys and comments ignored', async () => {
    const jsonl = [
      '# made by hand',
      '{"op":"alloc","id":7,"size":10,"t":123}',
      '',
      '{"op":"realloc","id":7,"size":20}',
      '  # not a comment: the line must start with #',
    ].join('\n');
    const { events, summary } = await readAll(streamOf(jsonl));
    expect(events).toEqual([
      { op: 'alloc', id: '7', size: 10, align: 16, line: 2 },
      { op: 'realloc', id: '7', newId: '7', size: 20, align: 16, line: 4 },
    ]);
    expect(summary.problems.first[0]).toMatchObject({ line: 5, kind: 'malformed' });

    const csv = ['id,op,size', 'x,alloc,5', 'x,free,'].join('\n'); // header order is free; op first is not required
    await expect(readAll(streamOf(csv), { name: 'c.csv' })).rejects.toThrow(/c\.csv:1: expected a heap trace/);
    const reordered = ['op,size,id', 'alloc,5,x', 'free,,x'].join('\n');
    expect((await readAll(streamOf(reordered), { mode: 'strict' })).events).toEqual([
      { op: 'alloc', id: 'x', size: 5, align: 16, line: 2 },
      { op: 'free', id: 'x', line: 3 },
    ]);
  });

  it('names the line and the field it expected', async () => {
    const jsonl = [
      '{"op":"alloc","id":"a","size":8,"align":8}',
      '{"op":"alloc","id":"b","size":-1}',
      '{"op":"alloc","id":"c","size":8,"align":12}',
      '{"op":"grow","id":"a"}',
      '{"op":"free"}',
      '[1,2]',
      '{"op":"free","id":"a"',
      '{"op":"realloc","id":"a","size":9,"new_id":false}',
    ].join('\n');
    const { events, summary } = await readAll(streamOf(jsonl), { name: 't.jsonl' });
    expect(events).toHaveLength(1);
    expect(summary.problems.first.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '2: expected "size" (bytes, a non-negative integer)',
      '3: expected "align" to be a power of two',
      '4: expected "op" to be alloc, free or realloc',
      '5: expected "id" (a block id: a string or an integer)',
      '6: expected a JSON object ({"op":…})',
      expect.stringMatching(/^7: expected a JSON object \(\{"op":…\}\): /),
      '8: expected "new_id" (a block id: a string or an integer)',
    ]);
    const csv = ['op,id,size,align,new_id', 'alloc,a,8,8,', 'alloc,b,lots,8,', 'free,,,,', 'free,a,,,'].join('\n');
    const fromCsv = await readAll(streamOf(csv), { name: 't.csv' });
    expect(fromCsv.events.map((e) => e.op)).toEqual(['alloc', 'free']);
    expect(fromCsv.summary.problems.first.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      't.csv:3: expected "size" (bytes, a non-negative integer)',
      't.csv:4: expected "id" (a block id: a string or an integer)',
    ]);
  });

  it('checks liveness the same way as for mtrace, and strict mode stops at the first problem', async () => {
    const jsonl = ['{"op":"alloc","id":"a","size":8}', '{"op":"free","id":"a"}', '{"op":"free","id":"a"}', '{"op":"free","id":"zz"}'].join('\n');
    const lenient = await readAll(streamOf(jsonl));
    expect(lenient.summary.problems.byKind).toMatchObject({ 'double-free': 1, 'unknown-pointer': 1 });
    await expect(readAll(streamOf(jsonl), { mode: 'strict', name: 'd.jsonl' })).rejects.toThrow('d.jsonl:3: free of a, which was already freed');
  });

  it('refuses a version it does not know', async () => {
    await expect(readAll(streamOf('#memscope-trace v2\n{"op":"free","id":"a"}\n'), { name: 'v2.jsonl' })).rejects.toThrow(
      "v2.jsonl:1: expected '#memscope-trace v1': this reader knows version 1 only",
    );
  });

});
