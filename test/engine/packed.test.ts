/**
 * A Vec of scalars keeps its elements unboxed until `items` is read (src/engine/std/packed.ts).
 * Packed or not, the recorded timeline and the elements read back must be the same.
 */
import { Machine } from '../../src/engine/memory/machine';
import type { Local, RValue, VecValue } from '../../src/engine/memory/rvalue';
import { vecGet, vecNew, vecPop, vecPush, vecSet, vecTruncate } from '../../src/engine/std/vec';
import { encodeTimeline } from '../../src/engine/timeline/document';
import type { Ty } from '../../src/engine/layout/types';

const U64: Ty = { kind: 'int', name: 'u64' };
const u64 = (v: number): RValue => ({ tag: 'scalar', ty: { kind: 'int', name: 'u64' }, v });

/** Pushes, pops, truncates, indexes and sets; `unpackFirst` reads `items` at once so the Vec never runs packed. */
function run(unpackFirst: boolean): { json: string; items: unknown[]; wasPacked: boolean } {
  const m = new Machine();
  m.pushFrame('main');
  const v = vecNew(m, U64);
  const wasPacked = v.packed !== undefined;
  if (unpackFirst) void v.items;
  const local: Local = m.bind('v', { kind: 'vec', elem: U64 }, v);
  const home = { kind: 'local' as const, local };
  for (let i = 0; i < 40; i++) vecPush(m, v, u64(i * 3), home);
  vecPop(m, v, home);
  vecTruncate(m, v, 30, home);
  for (let i = 0; i < 5; i++) vecPush(m, v, u64(1000 + i), home);
  const seen = [vecGet(v, 2), vecGet(v, 33)].map((x) => (x as { v: number }).v);
  vecSet(m, v, 1, u64(7));
  const items = [...seen, ...v.items.map((x) => (x as { v: number }).v)];
  m.popFrame();
  return { json: JSON.stringify(encodeTimeline(m.finish())), items, wasPacked };
}

describe('packed Vec of scalars', () => {
  test('records the same timeline and reads back the same elements as an unpacked one', () => {
    const packed = run(false);
    const plain = run(true);
    expect(packed.wasPacked).toBe(true);
    expect(packed.json).toBe(plain.json);
    expect(packed.items).toEqual(plain.items);
    expect(packed.items.slice(0, 4)).toEqual([6, 1000 + 3, 0, 7]);
    expect(packed.items).toHaveLength(2 + 35);
  });

  test('reading items unpacks once: the elements are RValues of the element type, and later pushes keep them', () => {
    const m = new Machine();
    const v: VecValue = vecNew(m, U64);
    for (let i = 0; i < 3; i++) vecPush(m, v, u64(i), { kind: 'temp' });
    expect(v.packed?.values).toEqual([0, 1, 2]);
    const items = v.items;
    expect(items).toEqual([0, 1, 2].map((i) => ({ tag: 'scalar', ty: U64, v: i })));
    expect(v.packed).toBeUndefined();
    vecPush(m, v, u64(3), { kind: 'temp' });
    expect(v.items).toBe(items);
    expect(items).toHaveLength(4);
  });

  test('an element of another type, and a Vec of non-scalars, are kept as RValues', () => {
    const m = new Machine();
    const v = vecNew(m, U64);
    vecPush(m, v, { tag: 'scalar', ty: { kind: 'int', name: 'i32' }, v: -1 }, { kind: 'temp' });
    expect(v.packed).toBeUndefined();
    expect((v.items[0] as { ty: Ty }).ty).toEqual({ kind: 'int', name: 'i32' });
    expect(vecNew(m, { kind: 'string' }).packed).toBeUndefined();
  });
});
