import { parseCaller } from '../../src/traces';
import { readAll, streamOf } from './helpers';

describe('call sites', () => {
  it('splits mtrace callers into module, symbol, offset and address', () => {
    expect(parseCaller('/usr/bin/perl:(Perl_safesysmalloc+26)[0xf6f96]')).toEqual({ module: '/usr/bin/perl', symbol: 'Perl_safesysmalloc', offset: 0x26, address: '0xf6f96' });
    expect(parseCaller('/usr/bin/python3:[0x11f9c4]')).toEqual({ module: '/usr/bin/python3', symbol: null, offset: null, address: '0x11f9c4' });
    expect(parseCaller('[0x7f12aa00]')).toEqual({ module: null, symbol: null, offset: null, address: '0x7f12aa00' });
    expect(parseCaller('./a b:(f-10)[0x10]')).toEqual({ module: './a b', symbol: 'f', offset: -16, address: '0x10' });
    expect(parseCaller('main.rs:12')).toBeNull();
  });

  it('mtrace: allocations carry their caller when asked, reallocs the caller of their < line', async () => {
    const text = [
      '= Start',
      '@ ./prog:(main+1a)[0x4005d6] + 0x10 0x20',
      '+ 0x40 0x8',
      '@ ./prog:[0x4005e1] < 0x10',
      '@ ./prog:[0x4005e1] > 0x80 0x30',
      '@ ./prog:(main+1a)[0x4005d6] + 0x90 0x20',
      '@ [0x7f00] - 0x80',
      '= End',
    ].join('\n');
    const reader = (await import('../../src/traces')).readTrace(streamOf(text), { sites: true });
    const events = [];
    for await (const b of reader) events.push(...b);
    const sites = reader.sites();
    expect(sites).toEqual(['./prog:(main+1a)[0x4005d6]', './prog:[0x4005e1]', '[0x7f00]']);
    expect(events.map((e) => ('site' in e ? e.site : undefined))).toEqual([0, undefined, 1, 0, undefined]);
    // Off by default: no site on any event.
    const plain = await readAll(streamOf(text));
    expect(plain.events.some((e) => 'site' in e)).toBe(false);
  });

  it('JSONL: the site key is interned; a site that is not a string is a malformed line', async () => {
    const text = [
      '{"op":"alloc","id":"a","size":8,"site":"main.rs:3"}',
      '{"op":"alloc","id":"b","size":8,"site":"main.rs:3"}',
      '{"op":"realloc","id":"a","new_id":"c","size":16,"site":"lib.rs:9"}',
      '{"op":"alloc","id":"d","size":8,"site":7}',
    ].join('\n');
    const { events, summary } = await readAll(streamOf(text), { sites: true });
    expect(events.map((e) => ('site' in e ? e.site : undefined))).toEqual([0, 0, 1]);
    expect(summary.problems.total).toBe(1);
    expect(summary.problems.first[0].message).toMatch(/"site"/);
  });
});
