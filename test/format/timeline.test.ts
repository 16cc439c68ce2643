import { rustProgram } from '../../src/api/program';
import { decodeTimeline, encodeTimeline } from '../../src/engine/timeline/document';
import { decodeColumn, encodeColumn } from '../../src/format/column-codec';
import { FormatError } from '../../src/format/errors';
import { EVENT_COLUMNS, EVENT_KIND_COUNT, METRIC_COLUMNS } from '../../src/format/events';
import fc from 'fast-check';
import { initRust, runRust } from '../../src/rust';
import { scalarText } from '../../src/views/cells';

beforeAll(() => initRust());

const timeline = rustProgram((rs) => rs.main(() => {
  const s = rs.let_mut('s', rs.String.from('héllo'));
  s.push_str(' wörld');
  const v = rs.let_mut('v', rs.Vec.new('String'));
  v.push(s);
  rs.let('r', rs.Rc.new(rs.Box.new(rs.i64(-3))));
  rs.println('{:?}', v);
}), { title: 'round trip' });

describe('the timeline JSON format', () => {
  test('integer columns round-trip through delta-varint-base64, including large addresses and negatives', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -(2 ** 50), max: 2 ** 50 })), (values) => {
      const out = new Float64Array(values.length);
      expect(decodeColumn(encodeColumn(values), out)).toBe(values.length);
      expect([...out]).toEqual(values);
    }));
    const addresses = [0x7fff_ffff_f000, 0x5555_5560_0000, 0x7fff_ffff_efd8, -1, 0];
    const out = new Float64Array(addresses.length);
    decodeColumn(encodeColumn(addresses), out);
    expect([...out]).toEqual(addresses);
  });

  test('encode → JSON text → decode gives the same events, metrics and snapshots', () => {
    const text = JSON.stringify(encodeTimeline(timeline));
    const back = decodeTimeline(text, 'round-trip.json');
    expect(back.length).toBe(timeline.length);
    expect(back.meta).toEqual(timeline.meta);
    for (const c of EVENT_COLUMNS) expect([...back.events[c]]).toEqual([...timeline.events[c]]);
    for (const c of METRIC_COLUMNS) expect([...back.metrics[c]]).toEqual([...timeline.metrics[c]]);
    for (let step = -1; step < timeline.length; step++) expect(back.snapshot(step)).toEqual(timeline.snapshot(step));
    expect(back.output()).toBe('["héllo wörld"]\n');
  });

  test('floats JSON cannot hold (NaN, inf, -inf) survive the round trip, named as Rust prints them', async () => {
    const run = await runRust([
      'fn main() {',
      '    let nan = f64::NAN;',
      '    let up = f64::INFINITY;',
      '    let down = -f32::INFINITY;',
      '    let tenth = 0.1f32;',
      '    let big = 1e20f64;',
      '    println!("{:?} {:?} {:?} {:?} {:?}", nan, up, down, tenth, big);',
      '}',
    ].join('\n'), { title: 'floats' });
    // The println's step, before the locals die.
    const step = Array.from({ length: run.timeline.length }, (_, i) => i).find((i) => run.timeline.snapshot(i).event?.kind === 'output')!;
    const back = decodeTimeline(JSON.stringify(encodeTimeline(run.timeline)), 'floats.json');
    expect(back.snapshot(step)).toEqual(run.timeline.snapshot(step));
    const locals = back.snapshot(step).frames[0]!.locals;
    const shown = Object.fromEntries(locals.map((l) => [l.name, l.value && scalarText(l.value)]));
    // The diagram shows each as {:?} does (and as the program printed).
    expect(shown).toEqual({ nan: 'NaN', up: 'inf', down: '-inf', tenth: '0.1', big: '1e20' });
    expect(run.stdout).toBe('NaN inf -inf 0.1 1e20\n');
  });

  test('plain integer arrays are accepted as columns too (hand-written documents)', () => {
    const doc = encodeTimeline(timeline) as unknown as { events: { columns: Record<string, unknown> } };
    doc.events.columns.kind = [...timeline.events.kind];
    expect(decodeTimeline(doc).length).toBe(timeline.length);
  });

  const base = (): Record<string, any> => JSON.parse(JSON.stringify(encodeTimeline(timeline)));
  const cases: Array<[string, (d: Record<string, any>) => unknown, RegExp]> = [
    ['not JSON', () => '{"format": "memscope",', /\(root\): expected valid JSON/],
    ['not an object', () => [1, 2], /\(root\): expected a JSON object/],
    ['another format', (d) => ({ ...d, format: 'vega' }), /format: expected "memscope"/],
    ['a newer version', (d) => ({ ...d, version: 7 }), /newer memscope \(version 7\)/],
    ['another kind', (d) => ({ ...d, kind: 'snapshot' }), /kind: expected "timeline"/],
    ['meta without stackTop', (d) => { delete d.meta.stackTop; return d; }, /meta\.stackTop: expected a number/],
    ['a missing column', (d) => { delete d.events.columns.addr; return d; }, /events\.columns\.addr: expected an array of integers/],
    ['a column with the wrong count', (d) => { d.events.columns.line = [1, 2]; return d; }, /events\.columns\.line: expected \d+ values \(found 2\)/],
    ['corrupt base64', (d) => { d.metrics.columns.heapLive.data = '!!!'; return d; }, /metrics\.columns\.heapLive: expected a well-formed encoded column/],
    ['an unknown event kind', (d) => { d.events.columns.kind = Array(d.events.count).fill(99); return d; }, new RegExp(`events\\.columns\\.kind\\[0\\]: expected an event kind below ${EVENT_KIND_COUNT}`)],
    ['a value index out of range', (d) => { d.values = []; return d; }, /events\.columns\.value\[\d+\]: expected -1 or an index below 0/],
    ['an unknown value kind', (d) => { d.values[0] = { k: 'script', v: 'alert(1)' }; return d; }, /values\[0\]\.k: expected a known value kind/],
    ['a malformed pointer', (d) => { d.values.push({ k: 'ptr', to: { region: 'heap' } }); return d; }, /values\[\d+\]\.to\.block: expected an integer/],
  ];
  test.each(cases)('rejects %s with the path and what was expected', (_name, mutate, message) => {
    const input = mutate(base());
    let error: unknown;
    try {
      decodeTimeline(input, 'bad.json');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(FormatError);
    expect((error as Error).message).toMatch(/^bad\.json: /);
    expect((error as Error).message).toMatch(message);
  });

  test('stays compact: well under 40 bytes per event for a long run', () => {
    const long = rustProgram((rs) => rs.main(() => {
      const v = rs.let_mut('v', rs.Vec.new('u64'));
      for (let i = 0; i < 20000; i++) v.push(rs.u64(i));
    }));
    const columnsBytes = JSON.stringify(encodeTimeline(long).events).length + JSON.stringify(encodeTimeline(long).metrics).length;
    expect(columnsBytes / long.length).toBeLessThan(40);
  });
});
