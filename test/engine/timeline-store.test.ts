import fc from 'fast-check';
import { rustProgram } from '../../src/api/program';
import { EVENT_COLUMNS, EventKind, METRIC_COLUMNS, OwnerKind, type EventColumn, type MetricColumn } from '../../src/format/events';
import { DEFAULT_ADDRESSES } from '../../src/engine/memory/addresses';
import { ESCAPE, EventWriter, eventStoreOf, fieldAt, formatColumn } from '../../src/engine/timeline/event-store';
import { metricAt, metricColumn, metricPeak, metricStepsOf } from '../../src/engine/timeline/metrics';
import { decodeTimeline, encodeTimeline } from '../../src/engine/timeline/document';
import { Timeline } from '../../src/engine/timeline/timeline';
import { ValueTableWriter, valueAt } from '../../src/engine/timeline/value-table';
import type { Value } from '../../src/format/values';

type Row = Record<EventColumn, number>;

/** Values that do not fit the narrow columns, and the escape codes themselves, must come back exactly. */
const awkward = [0, -1, 1, 254, 255, 256, 2 ** 29, 2 ** 31 - 1, 2 ** 31, ESCAPE, ESCAPE + 1, -(2 ** 40), 2 ** 47, 2 ** 53 - 1, 0.5];
const addresses = [0, DEFAULT_ADDRESSES.stackTop, DEFAULT_ADDRESSES.stackTop - 24, DEFAULT_ADDRESSES.heapBase + 16, DEFAULT_ADDRESSES.staticBase, DEFAULT_ADDRESSES.heapBase - 2 ** 31, ...awkward];

const rowArb = fc.record<Row>({
  kind: fc.integer({ min: 0, max: 14 }),
  line: fc.integer({ min: -1, max: 1000 }),
  a: fc.integer({ min: -1, max: 100 }),
  b: fc.integer({ min: -1, max: 100 }),
  name: fc.integer({ min: -1, max: 100 }),
  type: fc.integer({ min: -1, max: 100 }),
  value: fc.integer({ min: -1, max: 100 }),
  addr: fc.constantFrom(...addresses),
  size: fc.oneof(fc.integer({ min: 0, max: 4096 }), fc.constantFrom(...awkward)),
  // align is an int32 column in the format.
  align: fc.oneof(fc.constantFrom(0, 1, 2, 4, 8, 16), fc.constantFrom(...awkward.filter((v) => (v | 0) === v))),
  aux: fc.oneof(fc.integer({ min: -1, max: 100 }), fc.constantFrom(...awkward, DEFAULT_ADDRESSES.heapBase)),
  aux2: fc.oneof(fc.integer({ min: -1, max: 100 }), fc.constantFrom(...awkward)),
  ownerKind: fc.integer({ min: 0, max: 4 }),
  owner1: fc.integer({ min: -1, max: 50 }),
  owner2: fc.integer({ min: -1, max: 50 }),
});

function write(w: EventWriter, r: Row): void {
  w.write(r.kind, r.line, r.a, r.b, r.name, r.type, r.value, r.addr, r.size, r.align, r.aux, r.aux2, r.ownerKind, r.owner1, r.owner2);
}

describe('event store (events kept narrow, every value exact)', () => {
  test('every field reads back as written, across chunks, with values that do not fit kept aside', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), (rows) => {
        const w = new EventWriter(8);
        for (const r of rows) write(w, r);
        const store = w.finish();
        expect(store.length).toBe(rows.length);
        for (const name of EVENT_COLUMNS) {
          const column = formatColumn(store, name);
          rows.forEach((r, step) => {
            expect(fieldAt(store, name, step)).toBe(r[name]);
            // The format's integer columns: a fraction is never recorded (the format rejects it), so only exact integers are compared there.
            if (Number.isInteger(r[name]) || name === 'addr' || name === 'size' || name === 'aux' || name === 'aux2') expect(column[step]).toBe(r[name]);
          });
        }
      }),
      { numRuns: 200 },
    );
  });

  test('owners are kept only where an event has one; a stack event keeps none', () => {
    const w = new EventWriter();
    w.write(EventKind.LocalSet, 3, 0, 1, 0, -1, 0, DEFAULT_ADDRESSES.stackTop - 8, 8, 8, -1, -1, OwnerKind.None, -1, -1);
    w.write(EventKind.HeapAlloc, 4, 0, -1, -1, 0, 1, DEFAULT_ADDRESSES.heapBase, 32, 8, 0, 0, OwnerKind.Local, 0, 1);
    const store = w.finish();
    expect(store.owners.count).toBe(1);
    expect(store.wide.addr.size).toBe(0);
    expect([fieldAt(store, 'ownerKind', 0), fieldAt(store, 'owner1', 0), fieldAt(store, 'owner2', 0)]).toEqual([0, -1, -1]);
    expect([fieldAt(store, 'ownerKind', 1), fieldAt(store, 'owner1', 1), fieldAt(store, 'owner2', 1)]).toEqual([OwnerKind.Local, 0, 1]);
  });

  test('a decoded document keeps its columns exactly', () => {
    fc.assert(
      fc.property(fc.array(rowArb.filter((r) => Number.isInteger(r.size) && Number.isInteger(r.align) && Number.isInteger(r.aux) && Number.isInteger(r.aux2) && Number.isInteger(r.addr)), { maxLength: 30 }), (rows) => {
        const columns = {} as Record<EventColumn, number[]>;
        for (const name of EVENT_COLUMNS) columns[name] = rows.map((r) => r[name]);
        const store = eventStoreOf(columns, rows.length);
        for (const name of EVENT_COLUMNS) expect([...formatColumn(store, name)]).toEqual(columns[name]);
      }),
    );
  });
});

describe('value table (integers kept as themselves)', () => {
  test('every entry reads back as recorded, integers of any size and -0 included', () => {
    const entries: Array<number | Value> = [0, -0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53 - 1, -(2 ** 53 - 1), { k: 'uninit' }, 7, { k: 'text', v: 'ab', len: 2 }];
    const w = new ValueTableWriter();
    const many = Array.from({ length: 3000 }, (_, i) => entries[i % entries.length]!);
    const indices = many.map((e) => (typeof e === 'number' ? w.addInt(e) : w.addValue(e)));
    expect(indices).toEqual(many.map((_, i) => i));
    const table = w.finish();
    many.forEach((e, i) => expect(valueAt(table, i)).toEqual(typeof e === 'number' ? { k: 'int', v: e } : e));
    expect(Object.is((valueAt(table, 1) as { v: number }).v, -0)).toBe(true);
  });
});

describe('metrics kept where they change', () => {
  const denseArb = fc.integer({ min: 0, max: 80 }).chain((n) =>
    fc.record(Object.fromEntries(METRIC_COLUMNS.map((m) => [m, fc.array(fc.constantFrom(0, 0, 0, 1, 5, 2 ** 40), { minLength: n, maxLength: n })])) as Record<MetricColumn, fc.Arbitrary<number[]>>)
      .map((columns) => ({ n, columns })),
  );

  test('the value at every step, the peak and its first step are those of the dense columns', () => {
    fc.assert(
      fc.property(denseArb, ({ n, columns }) => {
        const steps = metricStepsOf(columns, n);
        for (const name of METRIC_COLUMNS) {
          expect([...metricColumn(steps, name, n)]).toEqual(columns[name]);
          for (let step = 0; step < n; step++) expect(metricAt(steps, name, step)).toBe(columns[name][step]);
          let value = 0;
          let at = -1;
          columns[name].forEach((v, i) => {
            if (v > value) [value, at] = [v, i];
          });
          expect(metricPeak(steps, name)).toEqual({ value, step: at });
        }
      }),
    );
  });

  test('a Vec push loop keeps a row only where the heap grows', () => {
    const t = rustProgram((rs) => rs.main(() => {
      const v = rs.let_mut('v', rs.Vec.new('u64'));
      for (let i = 0; i < 1000; i++) v.push(rs.u64(i));
    }));
    expect(t.length).toBeGreaterThan(1000);
    expect(t.metricSteps.count).toBeLessThan(40);
    for (const name of METRIC_COLUMNS) for (let step = 0; step < t.length; step++) expect(t.metrics[name][step]).toBe(t.metric(name, step));
  });
});

describe('a timeline as parts (what a worker thread sends)', () => {
  test('gives the same document, snapshots and figures', () => {
    const t = rustProgram((rs) => rs.main(() => {
      const s = rs.let_mut('s', rs.String.new());
      for (let i = 0; i < 100; i++) s.push_str('ab');
      const b = rs.let('b', rs.Box.new(rs.i64(7)));
      rs.drop(b);
    }));
    const before = encodeTimeline(t);
    const snapshots = Array.from({ length: t.length + 1 }, (_, i) => t.snapshot(i - 1));
    const { parts, transfer } = t.parts();
    const copy = Timeline.fromParts(structuredClone(parts, { transfer }));
    expect(encodeTimeline(copy)).toEqual(before);
    expect(encodeTimeline(decodeTimeline(JSON.stringify(before)))).toEqual(before);
    for (let step = -1; step < copy.length; step += 7) expect(copy.snapshot(step)).toEqual(snapshots[step + 1]);
    expect(copy.final()).toEqual(decodeTimeline(before).final());
    expect(copy.peak('heapLive')).toEqual(decodeTimeline(before).peak('heapLive'));
  });
});
