/**
 * Slice methods that reorder or reshape elements in place: `swap`, `reverse`, `sort`,
 * `sort_unstable` (on a Vec, an array or a `&mut [T]`) and the Vec-only `dedup`. Nothing is
 * allocated except the scratch buffer std's stable sort takes for long slices (engine/std/vec.ts).
 */
import type { Machine } from '../../engine/memory/machine';
import type { RValue, VecValue } from '../../engine/memory/rvalue';
import { sortScratch, vecDedup, vecReordered } from '../../engine/std/vec';
import { UNIT, USIZE } from '../check/types';
import { engineTy } from '../run/context';
import { RustPanic } from '../errors';
import { isView, seqLen } from '../run/slices';
import { after, deref, num, UNIT_V, valueEq, type Loc } from '../run/values';
import { compareValues, variantIndexOf } from './compare';
import type { Recv, StdMethod } from './table';

const ON: readonly Recv[] = ['Vec', 'Array', 'slice'];

/** Puts the sequence at `loc` in the order `order` returns (given its current elements). */
export function reorder(m: Machine, loc: Loc, order: (items: RValue[]) => RValue[]): void {
  const v = deref(loc.get());
  if (isView(v)) {
    const next = order(v.items);
    for (let i = 0; i < next.length; i++) v.at(i).take();
    for (let i = 0; i < next.length; i++) v.at(i).set(next[i]!);
    return;
  }
  if (v.tag === 'vec') {
    vecReordered(m, v, order(v.items), loc.home());
    after(loc);
    return;
  }
  const items = (v as { items: RValue[] }).items;
  const next = order(items);
  for (let i = 0; i < next.length; i++) items[i] = next[i]!;
  loc.changed();
}

function sortMethod(name: 'sort' | 'sort_unstable'): StdMethod {
  return {
    name,
    on: ON,
    mutates: true,
    type: (x) => (x.requireOrd(x.recv.args[0]!), x.noArgs(UNIT)),
    run: (x) => {
      const elem = x.recv.args[0]!;
      // Ord as derived or std's: numbers, text by bytes, sequences and structs lexicographically, enums by variant.
      const index = variantIndexOf(x.k.prog);
      const ord = (p: RValue, q: RValue) => compareValues(p, q, index);
      return (a) => {
        const loc = x.place(a);
        const m = x.rt.m;
        const len = seqLen(loc.get());
        const layout = m.layoutOf(engineTy(elem));
        const scratch = name === 'sort' ? sortScratch(len, layout) : 0;
        const block = scratch ? m.alloc(scratch * layout.size, layout.align, 'sort scratch', { k: 'uninit' }) : null;
        // JavaScript's sort is stable: `sort` as std's; equal elements are indistinguishable for `sort_unstable`.
        reorder(m, loc, (items) => [...items].sort(ord));
        if (block) m.free(block);
        return UNIT_V;
      };
    },
  };
}

export const reorderMethods: StdMethod[] = [
  {
    name: 'swap',
    on: ON,
    mutates: true,
    type: (x) => {
      x.argCount(2);
      x.unifyArg(0, USIZE);
      x.unifyArg(1, USIZE);
      return UNIT;
    },
    run: (x) => {
      const i = x.arg(0);
      const j = x.arg(1);
      return (a) => {
        const loc = x.place(a);
        const p = num(i(a));
        const q = num(j(a));
        const len = seqLen(loc.get());
        for (const k of [p, q]) if (k >= len) throw new RustPanic(`index out of bounds: the len is ${len} but the index is ${k}`, x.line);
        reorder(x.rt.m, loc, (items) => {
          const next = [...items];
          next[p] = items[q]!;
          next[q] = items[p]!;
          return next;
        });
        return UNIT_V;
      };
    },
  },
  {
    name: 'reverse',
    on: ON,
    mutates: true,
    type: (x) => x.noArgs(UNIT),
    run: (x) => (a) => {
      reorder(x.rt.m, x.place(a), (items) => [...items].reverse());
      return UNIT_V;
    },
  },
  sortMethod('sort'),
  sortMethod('sort_unstable'),
  {
    name: 'dedup',
    on: ['Vec'],
    mutates: true,
    type: (x) => x.noArgs(UNIT),
    run: (x) => (a) => {
      const loc = x.place(a);
      vecDedup(x.rt.m, deref(loc.get()) as VecValue, valueEq, loc.home());
      after(loc);
      return UNIT_V;
    },
  },
];
