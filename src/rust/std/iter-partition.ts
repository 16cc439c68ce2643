/**
 * `it.partition(|x| ..)` into two Vecs: std's body is `fold` with `extend_one` (a `push`) into
 * `Default::default()` collections, so each side grows push by push (no pre-sizing from the hint),
 * the test seeing each item by reference first. Other targets than Vec are "not supported yet".
 */
import { vecNew, vecPush } from '../../engine/std/vec';
import { TEMP } from '../../engine/std/string';
import { BOOL, con, prune, refTo, unify, whenKnown } from '../check/types';
import { engineTy } from '../run/context';
import { makeRef, TempLoc } from '../run/values';
import { RustSubsetError } from '../errors';
import { consumer, fnArg, iterItem } from './iterators';
import type { StdMethod } from './table';

export const partitionMethods: StdMethod[] = [
  consumer(
    'partition',
    (x) => {
      const item = iterItem(x.recv)!;
      x.closureArg(0, [refTo(item, false)], BOOL);
      const side = x.turbofish()[0] ?? x.fresh();
      const check = () => {
        const p = prune(side);
        if (p.k === 'var') return;
        if (p.c !== 'Vec') throw new RustSubsetError(`partition into \`${p.c}\` is not supported yet (into Vec it is)`, x.e.namePos.line, x.e.namePos.col, 'call_expression');
        unify(p.args[0]!, item);
      };
      whenKnown(side, check);
      x.settle(check);
      const out = con('tuple', side, side);
      return out;
    },
    (x) => {
      const f = fnArg(x, 0);
      const item = iterItem(prune(x.e.recv.ty!))!;
      const elem = engineTy(item);
      const refTy = engineTy(refTo(item, false));
      const ty = x.ty;
      return (a, it) => {
        const g = f(a);
        const left = vecNew(x.rt.m, elem);
        const right = vecNew(x.rt.m, elem);
        for (let v = it.next(); v !== undefined; v = it.next()) {
          const yes = (g.call([makeRef(refTy, new TempLoc(v))]) as { v: boolean }).v;
          vecPush(x.rt.m, yes ? left : right, v, TEMP);
        }
        g.done();
        return { tag: 'tuple', ty, items: [left, right] };
      };
    },
  ),
];
