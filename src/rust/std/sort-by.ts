/**
 * Sorting by a closure: `sort_by`, `sort_by_key` and their `sort_unstable_*` twins (on a Vec, an
 * array or a `&mut [T]`). The closure is user code, so how often and in which order std calls it
 * is visible (a counter, a print, a key that allocates): up to 20 elements both of std 1.95's
 * sorts are `insertion_sort_shift_left`, which this module runs step by step. Past 20, std runs
 * driftsort / ipnsort, whose call order is not modelled: a closure whose calls cannot be seen (it
 * only reads and compares, see `unseen`) sorts to the same order by any stable sort, with the
 * stable sort's scratch buffer as std allocates it (engine/std/vec.ts); any other is "not
 * supported yet" there. (A comparator that is not a total order may end differently; std
 * promises only some permutation then.)
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
import { sortScratch } from '../../engine/std/vec';
import type { Expr } from '../syntax/ast';
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
      const arg = x.e.args[0]!;
      const pure = arg.k === 'closure' && unseen(arg.body);
      const ref = (v: RValue) => makeRef(refTy, new TempLoc(v));
      return (a) => {
        const loc = x.place(a);
        const len = seqLen(loc.get());
        const g = f(a);
        const isLess = (p: RValue, q: RValue) => less((args) => g.call(args.map(ref)), p, q);
        if (len <= 20) {
          reorder(x.rt.m, loc, (items) => insertionSort(items, isLess));
          g.done();
          return UNIT_V;
        }
        if (!pure) {
          g.done();
          throw new RustSubsetError(`\`${name}\` on more than 20 elements with a closure that does more than read and compare is not supported yet (std's driftsort calls it in an order memscope does not model)`, x.e.namePos.line, x.e.namePos.col, 'call_expression');
        }
        const m = x.rt.m;
        const layout = m.layoutOf(engineTy(x.recv.args[0]!));
        const scratch = name.startsWith('sort_unstable') ? 0 : sortScratch(len, layout);
        const block = scratch ? m.alloc(scratch * layout.size, layout.align, 'sort scratch', { k: 'uninit' }) : null;
        // JavaScript's sort is stable; the order of equal elements is std's stable order.
        reorder(m, loc, (items) => [...items].sort((p, q) => (isLess(p, q) ? -1 : isLess(q, p) ? 1 : 0)));
        g.done();
        if (block) m.free(block);
        return UNIT_V;
      };
    },
  };
}

/** Methods a comparator may call whose calls cannot be seen (no allocation, no output, no state). */
const READS = new Set(['cmp', 'partial_cmp', 'total_cmp', 'unwrap', 'reverse', 'then', 'len', 'is_empty', 'abs', 'as_str', 'is_some', 'is_none', 'lt', 'le', 'gt', 'ge', 'eq', 'ne']);

/** Whether evaluating `e` only reads and computes: how often it runs cannot be seen. */
function unseen(e: Expr): boolean {
  switch (e.k) {
    case 'int':
    case 'float':
    case 'bool':
    case 'char':
    case 'str':
    case 'unit':
    case 'name':
    case 'path':
      return true;
    case 'binary':
      return unseen(e.l) && unseen(e.r);
    case 'unary':
    case 'ref':
    case 'field':
    case 'cast':
      return unseen(e.e);
    case 'index':
      return unseen(e.e) && unseen(e.index);
    case 'tuple':
      return e.items.every(unseen);
    case 'method':
      return READS.has(e.name) && unseen(e.recv) && e.args.every(unseen);
    case 'block':
      return e.stmts.length === 0 && !!e.tail && unseen(e.tail);
    case 'if':
      return unseen(e.cond) && unseen(e.then) && (!e.else || unseen(e.else));
    default:
      return false;
  }
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
        (x) => (x.argCount(1), x.requireOrd(x.closureArg(0, [refTo(x.recv.args[0]!, false)])), UNIT),
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
