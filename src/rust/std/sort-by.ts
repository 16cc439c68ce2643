/**
 * Sorting by a closure: `sort_by`, `sort_by_key` and their `sort_unstable_*` twins (on a Vec, an
 * array or a `&mut [T]`). The closure is user code, so how often and in which order std calls it
 * is visible (a counter, a print, a key that allocates): up to 20 elements both of std 1.95's
 * sorts are `insertion_sort_shift_left`, which this module runs step by step. Past 20, std runs
 * driftsort / ipnsort, whose call order is not modelled: a clear "not supported yet" there.
 */
import type { RValue } from '../../engine/memory/rvalue';
import { refTo, UNIT } from '../check/types';
import { engineTy } from '../run/context';
import { RustSubsetError } from '../errors';
import { seqLen } from '../run/slices';
import { makeRef, TempLoc, UNIT_V } from '../run/values';
import { compareValues, ORDERING_TY, variantIndexOf } from './compare';
import { fnArg } from './iterators';
import { reorder } from './reorder';
import type { MethodRun, Recv, StdMethod } from './table';

const ON: readonly Recv[] = ['Vec', 'Array', 'slice'];

/** std's insertion sort: each tail element sifted left while `isLess(tail, before)`. */
function insertionSort(items: RValue[], isLess: (a: RValue, b: RValue) => boolean): RValue[] {
  const v = [...items];
  for (let tail = 1; tail < v.length; tail++) {
    let sift = tail - 1;
    if (!isLess(v[tail]!, v[sift]!)) continue;
    const tmp = v[tail]!;
    let gap = tail;
    for (;;) {
      v[gap] = v[sift]!;
      gap = sift;
      if (sift === 0) break;
      sift--;
      if (!isLess(tmp, v[sift]!)) break;
    }
    v[gap] = tmp;
  }
  return v;
}

/** One entry: `isLess(call, a, b)` decides with the closure (`call` takes the elements' references). */
function sortBy(name: string, type: StdMethod['type'], lessOf: (x: MethodRun) => (call: (args: RValue[]) => RValue, a: RValue, b: RValue) => boolean): StdMethod {
  return {
    name,
    on: ON,
    mutates: true,
    type,
    run: (x) => {
      const f = fnArg(x, 0);
      const refTy = engineTy(refTo(x.recv.args[0]!, false));
      const less = lessOf(x);
      const ref = (v: RValue) => makeRef(refTy, new TempLoc(v));
      return (a) => {
        const loc = x.place(a);
        const len = seqLen(loc.get());
        const g = f(a);
        if (len > 20) {
          g.done();
          throw new RustSubsetError(`\`${name}\` on more than 20 elements is not supported yet (std's driftsort calls the closure in an order memscope does not model)`, x.e.namePos.line, x.e.namePos.col, 'call_expression');
        }
        reorder(x.rt.m, loc, (items) => insertionSort(items, (p, q) => less((args) => g.call(args.map(ref)), p, q)));
        g.done();
        return UNIT_V;
      };
    },
  };
}

export const sortByMethods: StdMethod[] = (['sort_by', 'sort_unstable_by'] as const)
  .map((name) =>
    sortBy(
      name,
      (x) => (x.argCount(1), x.closureArg(0, [refTo(x.recv.args[0]!, false), refTo(x.recv.args[0]!, false)], ORDERING_TY), UNIT),
      // compare(a, b) == Less
      () => (call, a, b) => (call([a, b]) as { variant: string }).variant === 'Less',
    ),
  )
  .concat(
    (['sort_by_key', 'sort_unstable_by_key'] as const).map((name) =>
      sortBy(
        name,
        (x) => (x.argCount(1), x.closureArg(0, [refTo(x.recv.args[0]!, false)]), UNIT),
        // f(a).lt(&f(b)): a's key first; the keys drop at the end of the expression, b's first.
        (x) => {
          const index = variantIndexOf(x.k.prog);
          return (call, a, b) => {
            const ka = call([a]);
            const kb = call([b]);
            const lt = compareValues(ka, kb, index) < 0;
            x.rt.m.dropValue(kb);
            x.rt.m.dropValue(ka);
            return lt;
          };
        },
      ),
    ),
  );
