/**
 * Issue 12 item 9: inputs that used to give misleading errors, cascades or no end.
 */
import { Readable } from 'stream';
import { readColumns, readTrace, TraceError } from '../../src/traces';
import { readAll, streamOf } from './helpers';

describe('sizes past 2^53', () => {
  const cases: Array<[string, string]> = [
    ['mtrace', ['= Start', '@ ./p:[0x1] + 0x10 0x20000000000001', '@ ./p:[0x1] + 0x20 0x10', '@ ./p:[0x2] - 0x10', '@ ./p:[0x2] - 0x20', '= End'].join('\n')],
    ['JSONL', ['#memscope-trace v1', '{"op":"alloc","id":"a","size":9007199254740993}', '{"op":"alloc","id":"b","size":16}', '{"op":"free","id":"a"}', '{"op":"free","id":"b"}'].join('\n')],
    ['CSV', ['op,id,size,align,new_id', 'alloc,a,9007199254740993,16,', 'alloc,b,16,16,', 'free,a,,,', 'free,b,,,'].join('\n')],
  ];

  it.each(cases)('%s: one clear problem on the line, and the block is not a cascade of unknown pointers', async (_, text) => {
    const { events, summary } = await readAll(streamOf(text), { name: 'big.trace' });
    expect(summary.problems.total).toBe(1);
    expect(summary.problems.first[0]).toMatchObject({ line: 2, kind: 'malformed' });
    expect(summary.problems.first[0].message).toMatch(/below 2\^53/);
    expect(events.map((e) => e.op)).toEqual(['alloc', 'free']);
    // the column reader sees the same
    const reader = readColumns(streamOf(text));
    let n = 0;
    for await (const c of reader) n += c.length;
    expect(n).toBe(2);
    expect(reader.summary().problems.total).toBe(1);
  });

  it('a realloc to 2^53 bytes: the old block is gone, the new one is not a later unknown pointer', async () => {
    const text = ['@ [0x1] + 0x10 0x10', '@ [0x1] < 0x10', '@ [0x1] > 0x30 0x20000000000000', '@ [0x1] - 0x30'].join('\n');
    const { events, summary } = await readAll(streamOf(text));
    expect(summary.problems.total).toBe(1);
    expect(events.map((e) => e.op)).toEqual(['alloc', 'free']);
    expect(summary.live).toEqual({ blocks: 0, bytes: 0 });
  });
});

describe('text a heap trace may start with', () => {
  it('skips a UTF-8 byte order mark', async () => {
    for (const text of ['\ufeff= Start\n@ [0x1] + 0x10 0x8\n', '\ufeff{"op":"alloc","id":"a","size":8}\n', '\ufeffop,id,size,align,new_id\nalloc,a,8,16,\n']) {
      const { events, summary } = await readAll(streamOf(text), { mode: 'strict' });
      expect(events).toHaveLength(1);
      expect(summary.problems.total).toBe(0);
    }
  });
});

describe('input without line breaks ends with an error, not a read forever', () => {
  it('/dev/zero', async () => {
    const started = Date.now();
    const read = async () => {
      for await (const _ of readTrace('/dev/zero')) void _;
    };
    await expect(read()).rejects.toThrow(/\/dev\/zero:1: expected a heap trace.*no line break in the first 1048576 bytes/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('an endless line after a good start', async () => {
    function* endless() {
      yield Buffer.from('= Start\n@ [0x1] + 0x10 0x8\n');
      for (;;) yield Buffer.alloc(1 << 20, 0x41);
    }
    const read = async () => {
      for await (const _ of readTrace(Readable.from(endless()), { name: 'endless' })) void _;
    };
    await expect(read()).rejects.toThrow(TraceError);
    await expect((async () => { for await (const _ of readTrace(Readable.from(endless()), { name: 'endless' })) void _; })()).rejects.toThrow(/endless:3: expected a line break within/);
  });
});
