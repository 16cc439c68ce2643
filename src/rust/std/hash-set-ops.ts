/**
 * `HashSet::union`, `intersection`, `difference`, `symmetric_difference`: lazy iterators of
 * references into the sets, as hashbrown builds them (so collect pre-sizes from the same hints):
 * union walks the larger set then the other's elements not in it (Chain<Iter, Difference>);
 * intersection walks the smaller set keeping those in the other; difference walks self keeping
 * those not in other; symmetric_difference chains the two differences. A filtering part hints
 * (0, what its walk has left); none is TrustedLen. The walk order is the sets' own (RandomState
 * in Rust, so the course compares such programs' heap calls as multisets and sorts their output).
 */
import type { MapValue, RValue } from '../../engine/memory/rvalue';
import { keyIdentity } from '../../engine/std/hash-map';
import { con, refTo } from '../check/types';
import { engineTy } from '../run/context';
import { iterValue } from '../run/iter-value';
import type { RIter } from '../run/iterators';
import { mapItems, mapIterElem } from '../run/map-places';
import { deref, follow } from '../run/values';
import type { MethodRun, StdMethod } from './table';

type SetOp = 'union' | 'intersection' | 'difference' | 'symmetric_difference';

/** One walk over a set's elements, keeping those `keep` accepts. */
interface Walk {
  items: RValue[];
  at: number;
  keep: (r: RValue) => boolean;
  /** Its own hint: exact for a plain walk, (0, left) for a filtering one. */
  exact: boolean;
}

function chain(walks: Walk[]): RIter {
  let i = 0;
  return {
    trusted: false,
    next: () => {
      for (; i < walks.length; i++) {
        const w = walks[i]!;
        while (w.at < w.items.length) {
          const r = w.items[w.at++]!;
          if (w.keep(r)) return r;
        }
      }
      return undefined;
    },
    hint: () => {
      let lo = 0;
      let hi = 0;
      for (let j = i; j < walks.length; j++) {
        const w = walks[j]!;
        const left = w.items.length - w.at;
        if (w.exact) lo += left;
        hi += left;
      }
      return [lo, hi];
    },
  };
}

function opIter(x: MethodRun, op: SetOp, self: MapValue, other: MapValue): RIter {
  const k = x.recv.args[0]!;
  const walk = mapIterElem(con('Keys', k))!;
  const elem = engineTy(walk.elem);
  const items = (s: MapValue) => mapItems(x.rt.m, s, walk.walk, elem);
  const has = (s: MapValue) => (r: RValue) => s.entries.has(keyIdentity(deref(r), follow));
  const not = (s: MapValue) => (r: RValue) => !s.entries.has(keyIdentity(deref(r), follow));
  const all = () => true;
  const size = (s: MapValue) => s.entries.size;
  switch (op) {
    case 'union': {
      const [big, small] = size(self) >= size(other) ? [self, other] : [other, self];
      return chain([
        { items: items(big), at: 0, keep: all, exact: true },
        { items: items(small), at: 0, keep: not(big), exact: false },
      ]);
    }
    case 'intersection': {
      const [small, big] = size(self) <= size(other) ? [self, other] : [other, self];
      return chain([{ items: items(small), at: 0, keep: has(big), exact: false }]);
    }
    case 'difference':
      return chain([{ items: items(self), at: 0, keep: not(other), exact: false }]);
    case 'symmetric_difference':
      return chain([
        { items: items(self), at: 0, keep: not(other), exact: false },
        { items: items(other), at: 0, keep: not(self), exact: false },
      ]);
  }
}

const NAMES: Record<SetOp, string> = { union: 'Union', intersection: 'Intersection', difference: 'Difference', symmetric_difference: 'SymmetricDifference' };

export const hashSetOpMethods: StdMethod[] = (Object.keys(NAMES) as SetOp[]).map((op) => ({
  name: op,
  on: ['HashSet'],
  type: (x) => {
    const k = x.recv.args[0]!;
    x.oneArg(refTo(con('HashSet', k), false), k);
    // Its parts for the layout: the two walks and the other set.
    return con(`iter:${NAMES[op]}`, refTo(k, false), con('Keys', k), con('Keys', k), refTo(con('HashSet', k), false));
  },
  run: (x) => {
    const other = x.operand(0);
    return (a) => {
      const self = deref(x.place(a).get()) as MapValue;
      const o = deref(other(a)) as MapValue;
      return iterValue(x.ty, NAMES[op], [], opIter(x, op, self, o));
    };
  },
}));
