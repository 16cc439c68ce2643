/**
 * `Vec::retain` / `retain_mut`: the closure sees each element in order (`&T` / `&mut T`); an
 * element it rejects is dropped there and then, as std's retain does (engine/std/vec.ts vecRetain).
 */
import type { VecValue } from '../../engine/memory/rvalue';
import { vecRetain } from '../../engine/std/vec';
import { BOOL, refTo, UNIT } from '../check/types';
import { invoke } from '../run/closures';
import { engineTy } from '../run/context';
import { after, deref, makeRef, TempLoc, UNIT_V } from '../run/values';
import { elemOf, type StdMethod } from './table';

export const vecRetainMethods: StdMethod[] = (['retain', 'retain_mut'] as const).map((name) => ({
  name,
  on: ['Vec'],
  mutates: true,
  type: (x) => (x.closureArg(0, [refTo(elemOf(x), name === 'retain_mut')], BOOL), UNIT),
  run: (x) => {
    const f = x.arg(0);
    const refTy = engineTy(refTo(elemOf(x), name === 'retain_mut'));
    return (a) => {
      const loc = x.place(a);
      const fn = new TempLoc(f(a));
      vecRetain(x.rt.m, deref(loc.get()) as VecValue, (item) => {
        const cell = new TempLoc(item);
        const yes = (invoke(x.rt, fn, [makeRef(refTy, cell)], x.line) as { v: boolean }).v;
        return [yes, cell.get()];
      }, loc.home());
      x.rt.m.dropValue(fn.take());
      after(loc);
      return UNIT_V;
    };
  },
}));
