/**
 * `VecDeque<T>` (std::collections): associated functions and methods, one entry each. What it
 * allocates is engine/std/vec-deque.ts (a Vec's growth); `len`, `is_empty`, `contains`, `get` and
 * `iter` are the slice entries' runtimes, as a deque's items are kept front to back.
 */
import type { VecValue } from '../../engine/memory/rvalue';
import {
  vecDequeNew, vecDequePopBack, vecDequePopFront, vecDequePushBack, vecDequePushFront, vecDequeWithCapacity,
} from '../../engine/std/vec-deque';
import { vecClear } from '../../engine/std/vec';
import { con, refTo, UNIT, USIZE } from '../check/types';
import { after, deref, makeRef, num, option, scalar, UNIT_V, USIZE_TY, type Loc } from '../run/values';
import { engineTy } from '../run/context';
import { elemLoc } from '../run/slices';
import { sliceMethods } from './slice';
import { bufferFns, pushEntry } from './vec';
import type { MethodRun, StdFn, StdMethod } from './table';
import { elemOf } from './table';

export const vecDequeFns: StdFn[] = bufferFns('VecDeque', vecDequeNew, vecDequeWithCapacity);

const deque = (loc: Loc) => deref(loc.get()) as VecValue;

function pop(name: 'pop_front' | 'pop_back'): StdMethod {
  const take = name === 'pop_front' ? vecDequePopFront : vecDequePopBack;
  return {
    name,
    on: ['VecDeque'],
    mutates: true,
    type: (x) => x.noArgs(con('Option', elemOf(x))),
    run: (x) => (a) => {
      const loc = x.place(a);
      const item = take(x.rt.m, deque(loc), loc.home());
      after(loc);
      return option(x.ty, item);
    },
  };
}

/** `front()` / `back()`: `Some(&element)`, or `None` when empty. */
function end(name: 'front' | 'back'): StdMethod {
  return {
    name,
    on: ['VecDeque'],
    type: (x) => x.noArgs(con('Option', refTo(elemOf(x), false))),
    run: (x: MethodRun) => {
      const refTy = engineTy(refTo(elemOf(x), false));
      return (a) => {
        const loc = x.place(a);
        const len = deque(loc).len;
        return option(x.ty, len ? makeRef(refTy, elemLoc(x.rt.m, loc, name === 'front' ? 0 : len - 1, x.line)) : null);
      };
    },
  };
}

/** The slice entries a deque shares (the same runtime: its items are in order). */
const shared = ['len', 'is_empty', 'contains', 'get', 'iter'].map((name): StdMethod => ({ ...sliceMethods.find((m) => m.name === name)!, on: ['VecDeque'] }));

export const vecDequeMethods: StdMethod[] = [
  pushEntry('push_back', 'VecDeque', vecDequePushBack),
  pushEntry('push_front', 'VecDeque', vecDequePushFront),
  pop('pop_front'),
  pop('pop_back'),
  end('front'),
  end('back'),
  ...shared,
  {
    name: 'capacity',
    on: ['VecDeque'],
    type: (x) => x.noArgs(USIZE),
    run: (x) => (a) => scalar(USIZE_TY, deque(x.place(a)).cap),
  },
  {
    name: 'clear',
    on: ['VecDeque'],
    mutates: true,
    type: (x) => x.noArgs(UNIT),
    run: (x) => (a) => {
      const loc = x.place(a);
      vecClear(x.rt.m, deque(loc), loc.home());
      after(loc);
      return UNIT_V;
    },
  },
];
