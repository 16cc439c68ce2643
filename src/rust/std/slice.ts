/**
 * Methods of slices, which `Vec<T>`, `[T; N]` and `[T]` all have (a Vec and an array deref to a
 * slice): one entry each, on the three receivers. None of them allocates.
 */
import type { RValue } from '../../engine/memory/rvalue';
import { stringFrom } from '../../engine/std/string';
import { cloneValue } from '../../engine/std/clone';
import { vecFromElements } from '../../engine/std/vec';
import { BOOL, con, isTextTy, refTo, show, STRING, USIZE, type TypeVar } from '../check/types';
import { RustSubsetError } from '../errors';
import { engineTy } from '../run/context';
import { elemLoc, seqLen } from '../run/slices';
import { iterValue, sliceIter } from '../run/iterators';
import { bool, deref, makeRef, num, option, scalar, textOf, USIZE_TY, valueEq } from '../run/values';
import type { MethodRun, Recv, StdMethod } from './table';
import { elemOf } from './table';

const ON: readonly Recv[] = ['Vec', 'Array', 'slice'];

/** The `T` of the receiver's `Vec<T>` / `[T; N]` / `[T]` / `Iter<T>`. */

/** `Some(&element i)` (`&mut` when `mutable`) if i is in bounds, else `None`. */
function maybeElem(x: MethodRun, index: (a: Parameters<MethodRun['place']>[0], len: number) => number, mutable = false): ReturnType<StdMethod['run']> {
  const refTy = engineTy(refTo(elemOf(x), mutable));
  return (a) => {
    const loc = x.place(a);
    const len = seqLen(loc.get());
    const i = index(a, len);
    return option(x.ty, i >= 0 && i < len ? makeRef(refTy, elemLoc(x.rt.m, loc, i, x.line)) : null);
  };
}

export const sliceMethods: StdMethod[] = [
  {
    name: 'len',
    on: ON,
    type: (x) => x.noArgs(USIZE),
    run: (x) => (a) => scalar(USIZE_TY, seqLen(x.place(a).get())),
  },
  {
    name: 'is_empty',
    on: ON,
    type: (x) => x.noArgs(BOOL),
    run: (x) => (a) => bool(seqLen(x.place(a).get()) === 0),
  },
  {
    name: 'contains',
    on: ON,
    type: (x) => x.oneArg(refTo(elemOf(x), false), BOOL),
    run: (x) => {
      const want = x.operand(0);
      return (a) => {
        const w = want(a);
        return bool((deref(x.place(a).get()) as { items: Parameters<typeof valueEq>[0][] }).items.some((i) => valueEq(i, w)));
      };
    },
  },
  // `first`, `last`, `get(i)` and their `_mut` twins (`&mut self`: `Option<&mut T>`).
  ...([false, true] as const).flatMap((mutable): StdMethod[] => {
    const suffix = mutable ? '_mut' : '';
    const elemRef = (x: Parameters<StdMethod['type']>[0]) => con('Option', refTo(elemOf(x), mutable));
    return [
      { name: `first${suffix}`, on: ON, mutates: mutable, type: (x) => x.noArgs(elemRef(x)), run: (x) => maybeElem(x, () => 0, mutable) },
      { name: `last${suffix}`, on: ON, mutates: mutable, type: (x) => x.noArgs(elemRef(x)), run: (x) => maybeElem(x, (_, len) => len - 1, mutable) },
      {
        name: `get${suffix}`,
        on: ON,
        mutates: mutable,
        type: (x) => x.oneArg(USIZE, elemRef(x)),
        run: (x) => {
          const i = x.arg(0);
          return maybeElem(x, (a) => num(i(a)), mutable);
        },
      },
    ];
  }),
  // `v.as_slice()` / `as_mut_slice()`: the Vec seen as `&[T]` (a reference to it, as `&v[..]` is).
  ...(['as_slice', 'as_mut_slice'] as const).map((name): StdMethod => ({
    name,
    on: ['Vec'],
    mutates: name === 'as_mut_slice',
    type: (x) => x.noArgs(refTo(con('slice', elemOf(x)), name === 'as_mut_slice')),
    run: (x) => (a) => makeRef(x.ty, x.place(a)),
  })),
  // `v.iter()` makes an iterator that for loops, `.sum()` and `.enumerate()` take apart.
  {
    name: 'iter',
    on: ON,
    type: (x) => x.noArgs(con('Iter', elemOf(x))),
    // References to the elements, front to back (the adapters and consumers are std/iterators.ts).
    run: (x) => {
      const refTy = engineTy(refTo(elemOf(x), false));
      return (a) => iterValue(x.ty, 'Iter', [], sliceIter(x.rt, x.place(a), refTy, x.line));
    },
  },
];

/** `join(sep)` / `concat()` on a slice of text: one String of exactly the joined length (std's reserved_len). */
function joinMethod(name: 'join' | 'concat'): StdMethod {
  return {
    name,
    on: ON,
    type: (x) => {
      if (!isTextTy(elemOf(x))) throw new RustSubsetError(`\`${name}\` on a slice of ${show(elemOf(x))} is not supported yet (slices of String or &str are)`, x.e.namePos.line, x.e.namePos.col, 'call_expression');
      return name === 'join' ? x.textArg(STRING) : x.noArgs(STRING);
    },
    run: (x) => {
      const sep = name === 'join' ? x.operand(0) : undefined;
      return (a) => {
        const items = (deref(x.place(a).get()) as { items: RValue[] }).items;
        return stringFrom(x.rt.m, items.map(textOf).join(sep ? textOf(sep(a)) : ''));
      };
    },
  };
}

sliceMethods.push(joinMethod('join'), joinMethod('concat'));

sliceMethods.push({
  // `to_vec()`: a new Vec of exactly len elements, each cloned (copied) in order, as `clone` of a Vec.
  name: 'to_vec',
  on: ON,
  type: (x) => x.noArgs(con('Vec', elemOf(x))),
  run: (x) => {
    const elem = engineTy(elemOf(x));
    return (a) => {
      const items = (deref(x.place(a).get()) as { items: RValue[] }).items;
      return vecFromElements(x.rt.m, elem, items.length, (i) => cloneValue(x.rt.m, items[i]!));
    };
  },
});
