/**
 * `v.windows(n)` and `v.chunks(n)` on a Vec, an array or a slice: iterators of `&[T]` views into
 * it (run/slices.ts), overlapping windows of n, or consecutive chunks of n (the last shorter).
 * Nothing is allocated; both are TrustedLen and double-ended, as std's are. A size of 0 panics
 * with std's message.
 */
import { con, refTo, USIZE } from '../check/types';
import { engineTy } from '../run/context';
import { iterValue, type RIter } from '../run/iter-value';
import { sliceOf } from '../run/slices';
import { seqLen } from '../run/slices';
import { makeRef, num, TempLoc, type Loc } from '../run/values';
import type { RValue } from '../../engine/memory/rvalue';
import type { Ty } from '../../engine/layout/types';
import type { Machine } from '../../engine/memory/machine';
import { RustPanic } from '../errors';
import { elemOf, type StdMethod } from './table';

/** The `[start, end)` ranges of the views, in order. */
function ranges(name: 'windows' | 'chunks', len: number, n: number): [number, number][] {
  const out: [number, number][] = [];
  if (name === 'windows') for (let i = 0; i + n <= len; i++) out.push([i, i + n]);
  else for (let i = 0; i < len; i += n) out.push([i, Math.min(len, i + n)]);
  return out;
}

function viewsIter(m: Machine, loc: Loc, spans: [number, number][], sliceTy: Ty, refTy: Ty, line: number): RIter {
  let front = 0;
  let end = spans.length;
  const view = (i: number): RValue => makeRef(refTy, new TempLoc(sliceOf(m, loc, spans[i]![0], spans[i]![1], false, sliceTy, line) as unknown as RValue));
  return {
    trusted: true,
    next: () => (front < end ? view(front++) : undefined),
    back: () => (front < end ? view(--end) : undefined),
    hint: () => [end - front, end - front],
  };
}

export const sliceWindowMethods: StdMethod[] = (['windows', 'chunks'] as const).map(
  (name): StdMethod => ({
    name,
    on: ['Vec', 'Array', 'slice'],
    // Windows / Chunks hold the slice (a fat pointer) and the size: 24 bytes.
    type: (x) => x.oneArg(USIZE, con(`iter:${name === 'windows' ? 'Windows' : 'Chunks'}`, refTo(con('slice', elemOf(x)), false), refTo(con('slice', elemOf(x)), false), USIZE)),
    run: (x) => {
      const size = x.arg(0);
      const sliceTy = engineTy(con('slice', elemOf(x)));
      const refTy = engineTy(refTo(con('slice', elemOf(x)), false));
      const line = x.line;
      return (a) => {
        const loc = x.place(a);
        const n = num(size(a));
        if (n === 0) throw new RustPanic(name === 'windows' ? 'window size must be non-zero' : 'chunk size must be non-zero', line);
        const it = viewsIter(x.rt.m, loc, ranges(name, seqLen(loc.get()), n), sliceTy, refTy, line);
        return iterValue(x.ty, name === 'windows' ? 'Windows' : 'Chunks', [], it);
      };
    },
  }),
);
