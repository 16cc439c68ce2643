/**
 * Iterators at run time: each iterator value is a struct of what the Rust one holds (the Vec an
 * `IntoIter` owns, the closure a `Map` calls, the iterator it adapts), so moving and dropping it
 * work as for any value, plus the `it` that advances it lazily, as std's do: an adapter asks its
 * inner iterator for one item at a time, so closures run interleaved exactly as in Rust. The size
 * hints are std's (collect pre-sizes from them, engine/std/collect.ts).
 */
import type { Ty } from '../../engine/layout/types';
import type { RValue, VecValue } from '../../engine/memory/rvalue';
import { utf8Length } from '../../engine/memory/to-value';
import { vecItemChanged } from '../../engine/std/vec';
import { type IterValue, type RIter, iterValue } from './iter-value';
import { elemLoc, seqLen } from './slices';
import { type Codegen, type Ev, type Runtime, engineTy } from './context';
import { type TypeVar, conName, prune } from '../check/types';
import type { Expr } from '../syntax/ast';
import { RustSubsetError } from '../errors';
import { invoke } from './closures';
import { ElemLoc, FieldLoc, type Loc, type Scalar, TempLoc, UNIT_V, deref, makeRef, scalar } from './values';

export { type IterValue, type RIter, iterValue, listIter } from './iter-value';

/** The iterator a value is (or a `&mut` reference leads to). */
export function iterOf(v: RValue): RIter {
  const x = deref(v) as Partial<IterValue>;
  if (!x.it) throw new Error(`not an iterator: ${v.tag}`);
  return x.it;
}

const sat = (a: number, b: number) => Math.max(0, a - b);

/** `v.iter()` / `v.iter_mut()`: references to the elements of the Vec at `loc`, front or back. */
export function sliceIter(rt: Runtime, loc: Loc, refTy: Ty, line: number, front = 0, end = -1): RIter {
  // A Vec, an array or a slice view: their elements' places (run/slices.ts).
  const len = () => (end < 0 ? (end = seqLen(loc.get())) : end);
  return {
    trusted: true,
    next: () => (front < len() ? makeRef(refTy, elemLoc(rt.m, loc, front++, line)) : undefined),
    back: () => (front < len() ? makeRef(refTy, elemLoc(rt.m, loc, --end, line)) : undefined),
    hint: () => [len() - front, len() - front],
    fork: () => sliceIter(rt, loc, refTy, line, front, end),
  };
}

/** `v.into_iter()`: the items move out one by one; what is left drops with the iterator (its Vec field). */
export function vecIntoIter(rt: Runtime, vec: VecValue): RIter {
  let front = 0;
  let end = vec.len;
  const take = (i: number) => {
    const item = vec.items[i]!;
    vec.items[i] = UNIT_V;
    vecItemChanged(rt.m, vec, i);
    return item;
  };
  const it: RIter = {
    trusted: true,
    next: () => (front < end ? take(front++) : undefined),
    back: () => (front < end ? take(--end) : undefined),
    hint: () => [end - front, end - front],
  };
  it.source = {
    vec,
    root: it,
    advanced: () => front > 0,
    takeRest: () => {
      const rest: RValue[] = [];
      while (front < end) rest.push(take(front++));
      return rest;
    },
  };
  return it;
}

/** `a..b`, `a..=b`, `a..`: integers of type ty. */
export function rangeIter(ty: Ty, lo: number | bigint, hi: number | bigint | undefined, inclusive: boolean): RIter {
  let a = BigInt(lo);
  let b = hi === undefined ? undefined : BigInt(hi) + (inclusive ? 1n : 0n);
  const mk = (x: bigint) => scalar(ty, Number.isSafeInteger(Number(x)) ? Number(x) : x);
  const left = () => (b === undefined ? Number.MAX_SAFE_INTEGER : Math.max(0, Number(b - a)));
  return {
    trusted: true,
    next: () => (b === undefined || a < b ? mk(a++) : undefined),
    back: () => (b !== undefined && a < b ? mk(--b) : undefined),
    hint: () => (b === undefined ? [Number.MAX_SAFE_INTEGER, undefined] : [left(), left()]),
    fork: () => rangeIter(ty, a, b, false),
  };
}

/** `s.chars()` / `s.bytes()` over a text. */
export function textIter(text: string, bytes: boolean, ty: Ty): RIter & { remaining(): [number, number] } {
  const items: (string | number)[] = bytes ? [...new TextEncoder().encode(text)] : [...text];
  // A char's UTF-8 width from its code point: an encoder per char cost ~1 µs a char.
  const width = (c: string | number) => (typeof c === 'number' ? 1 : utf8Length(c));
  let front = 0;
  let end = items.length;
  let rest = bytes ? items.length : utf8Length(text);
  const take = (i: number) => {
    rest -= width(items[i]!);
    return scalar(ty, items[i]!);
  };
  return {
    trusted: bytes,
    remaining: () => [front, end],
    next: () => (front < end ? take(front++) : undefined),
    back: () => (front < end ? take(--end) : undefined),
    // Chars: each char is 1 to 4 bytes.
    hint: () => (bytes ? [rest, rest] : [(rest + 3) >> 2, rest]),
  };
}

/** Calls the closure held in field `index` of an adapter value. */
function caller(rt: Runtime, self: () => IterValue, index: number, line: number) {
  return (args: RValue[]) => invoke(rt, new FieldLoc(rt.m, new TempLoc(self()), index), args, line);
}

/** The adapters, each over the inner iterator `inner` (and the closure at field 1 where it has one). */
export function adapter(rt: Runtime, name: string, inner: RIter, self: () => IterValue, line: number, opts: { n?: number; refTy?: Ty; other?: RIter; pairTy?: Ty; tupleTy?: Ty; clone?: (v: RValue) => RValue } = {}): RIter {
  const f = caller(rt, self, 1, line);
  const dropSome = (v: RValue | undefined) => {
    if (v !== undefined) rt.m.dropValue(v);
  };
  const ref = (v: RValue) => makeRef(opts.refTy!, new TempLoc(v));
  const test = (v: RValue) => (f([ref(v)]) as { v: boolean }).v;
  switch (name) {
    case 'Map':
      return { trusted: inner.trusted, source: inner.source, hint: () => inner.hint(), next: () => mapped(inner.next()), back: inner.back && (() => mapped(inner.back!())) };
    case 'Filter': {
      const pick = (from: () => RValue | undefined) => {
        for (let x = from(); x !== undefined; x = from()) {
          if (test(x)) return x;
          rt.m.dropValue(x);
        }
        return undefined;
      };
      return { trusted: false, source: inner.source, hint: () => [0, inner.hint()[1]], next: () => pick(() => inner.next()), back: inner.back && (() => pick(() => inner.back!())) };
    }
    case 'FilterMap': {
      // The closure owns each item: a None has already dropped it.
      const pick = (from: () => RValue | undefined) => {
        for (let x = from(); x !== undefined; x = from()) {
          const r = f([x]) as RValue & { variant: string; fields: RValue[] };
          if (r.variant === 'Some') return r.fields[0];
        }
        return undefined;
      };
      return { trusted: false, source: inner.source, hint: () => [0, inner.hint()[1]], next: () => pick(() => inner.next()), back: inner.back && (() => pick(() => inner.back!())) };
    }
    case 'Enumerate': {
      let count = 0;
      const pair = (i: number, x: RValue): RValue => ({ tag: 'tuple', ty: opts.tupleTy!, items: [scalar({ kind: 'int', name: 'usize' }, i), x] });
      return {
        trusted: inner.trusted,
        hint: () => inner.hint(),
        next: () => {
          const x = inner.next();
          return x === undefined ? undefined : pair(count++, x);
        },
        // std: the index of the back item is the count so far plus what is left (the inner iterator knows its length).
        back: inner.back && (() => {
          const x = inner.back!();
          return x === undefined ? undefined : pair(count + inner.hint()[0], x);
        }),
      };
    }
    case 'Zip': {
      const other = opts.other!;
      return {
        trusted: inner.trusted && other.trusted,
        hint: () => {
          const [a, ah] = inner.hint();
          const [b, bh] = other.hint();
          return [Math.min(a, b), ah === undefined ? bh : bh === undefined ? ah : Math.min(ah, bh)];
        },
        next: () => {
          const a = inner.next();
          if (a === undefined) return undefined;
          const b = other.next();
          if (b === undefined) {
            rt.m.dropValue(a);
            return undefined;
          }
          return { tag: 'tuple', ty: opts.tupleTy!, items: [a, b] };
        },
        // std's Zip::next_back (both sides ExactSize + DoubleEnded, check/double-ended.ts): the
        // longer side is first cut to the other's length from its back, its items dropped.
        back: inner.back && other.back && (() => {
          const [a] = inner.hint();
          const [b] = other.hint();
          for (let i = a; i > b; i--) dropSome(inner.back!());
          for (let i = b; i > a; i--) dropSome(other.back!());
          const x = inner.back!();
          const y = other.back!();
          if (x === undefined || y === undefined) {
            dropSome(x);
            dropSome(y);
            return undefined;
          }
          return { tag: 'tuple', ty: opts.tupleTy!, items: [x, y] };
        }),
      };
    }
    case 'Rev':
      if (!inner.back) throw new RustSubsetError(`rev() of this iterator is not supported yet`, line, 0, 'call_expression');
      return { trusted: inner.trusted, hint: () => inner.hint(), next: () => inner.back!(), back: () => inner.next() };
    case 'Skip': {
      let n = opts.n!;
      const skip = () => {
        while (n > 0) {
          n--;
          const x = inner.next();
          if (x === undefined) return false;
          rt.m.dropValue(x);
        }
        return true;
      };
      return {
        trusted: false,
        source: inner.source,
        hint: () => {
          const [lo, hi] = inner.hint();
          return [sat(lo, n), hi === undefined ? undefined : sat(hi, n)];
        },
        next: () => (skip() ? inner.next() : undefined),
        // std: from the back only while more than the items still to skip are left.
        back: inner.back && (() => (sat(inner.hint()[0], n) > 0 ? inner.back!() : undefined)),
      };
    }
    case 'Take': {
      let n = opts.n!;
      return {
        trusted: inner.trusted,
        source: inner.source,
        hint: () => {
          if (n === 0) return [0, 0];
          const [lo, hi] = inner.hint();
          return [Math.min(lo, n), hi !== undefined && hi < n ? hi : n];
        },
        next: () => {
          if (n === 0) return undefined;
          n--;
          return inner.next();
        },
        // std: `nth_back(len - n)`, the items past the n-th dropped from the back first.
        back: inner.back && (() => {
          if (n === 0) return undefined;
          const extra = sat(inner.hint()[0], n);
          n--;
          for (let i = 0; i < extra; i++) {
            const x = inner.back!();
            if (x === undefined) return undefined;
            rt.m.dropValue(x);
          }
          return inner.back!();
        }),
      };
    }
    case 'Chain': {
      const other = opts.other!;
      let first = true;
      return {
        trusted: inner.trusted && other.trusted,
        hint: () => {
          const [a, ah] = first ? inner.hint() : [0, 0];
          const [b, bh] = other.hint();
          return [a + b, ah === undefined || bh === undefined ? undefined : ah + bh];
        },
        next: () => {
          if (first) {
            const x = inner.next();
            if (x !== undefined) return x;
            first = false;
          }
          return other.next();
        },
        back: inner.back && other.back && (() => {
          const y = other.back!();
          if (y !== undefined) return y;
          return first ? inner.back!() : undefined;
        }),
      };
    }
    case 'TakeWhile': {
      let done = false;
      return {
        trusted: false,
        source: inner.source,
        hint: () => (done ? [0, 0] : [0, inner.hint()[1]]),
        next: () => {
          if (done) return undefined;
          const x = inner.next();
          if (x === undefined) return undefined;
          if (test(x)) return x;
          done = true;
          rt.m.dropValue(x);
          return undefined;
        },
      };
    }
    case 'SkipWhile': {
      let started = false;
      return {
        trusted: false,
        source: inner.source,
        hint: () => [0, inner.hint()[1]],
        next: () => {
          for (let x = inner.next(); x !== undefined; x = inner.next()) {
            if (started || !test(x)) {
              started = true;
              return x;
            }
            rt.m.dropValue(x);
          }
          return undefined;
        },
      };
    }
    case 'Cycle': {
      // std: `orig` is a clone kept aside; when `iter` runs out it starts again from a new clone.
      const orig = inner.fork!();
      let it = inner;
      return {
        trusted: false,
        hint: () => {
          const [lo, hi] = orig.hint();
          return lo === 0 && hi === 0 ? [0, 0] : lo === 0 ? [0, undefined] : [Number.MAX_SAFE_INTEGER, undefined];
        },
        next: () => {
          const x = it.next();
          if (x !== undefined) return x;
          it = orig.fork!();
          return it.next();
        },
      };
    }
    case 'Cloned': {
      const c = (x: RValue | undefined) => (x === undefined ? undefined : opts.clone!(x));
      return { trusted: inner.trusted, source: inner.source, hint: () => inner.hint(), next: () => c(inner.next()), back: inner.back && (() => c(inner.back!())) };
    }
    default:
      throw new Error(`no iterator adapter ${name}`);
  }

  function mapped(x: RValue | undefined): RValue | undefined {
    return x === undefined ? undefined : f([x]);
  }
}

/** `a..b`, `a..=b` and `a..` as values (outside a `for` loop's own fast path): Range iterators. */
export function rangeExpr(k: Codegen, e: Expr & { k: 'range' }): Ev {
  const from = k.value(e.from!);
  const to = e.to ? k.value(e.to) : undefined;
  const ty = engineTy(e.ty!);
  const itemTy = engineTy((prune(e.ty!) as { args: TypeVar[] }).args[0]!);
  const inclusive = e.inclusive;
  const name = !to ? 'RangeFrom' : inclusive ? 'RangeInclusive' : 'Range';
  return (a) => {
    const lo = from(a) as Scalar;
    const hi = to?.(a) as Scalar | undefined;
    const fields: [string, RValue][] = hi ? [['start', lo], ['end', hi]] : [['start', lo]];
    return iterValue(ty, name, fields, rangeIter(itemTy, lo.v as number, hi?.v as number | undefined, inclusive));
  };
}

const MAP_ITERS = new Set(['MapIter', 'Keys', 'Values']);
const MAP_ITER_METHODS = new Set(['iter', 'keys', 'values', 'values_mut']);

/** Whether `for` can take its own fast path over this iterable (a literal range, `v.iter()`, `&v`, `v`, `s.chars()`). */
export function directFor(e: Expr): boolean {
  const c = conName(e.ty);
  if (c === 'Range') return e.k === 'range';
  if (c === 'Chars' || c === 'Bytes') return e.k === 'method' && (e.name === 'chars' || e.name === 'bytes');
  if (c === 'Iter') return e.k === 'method' && e.name === 'iter';
  if (c === 'Enumerate') return e.k === 'method' && directFor(e.recv);
  // A map's iterator made in the loop's head walks the map itself (control.ts).
  if (MAP_ITERS.has(c)) return e.k === 'method' && MAP_ITER_METHODS.has(e.name);
  // Vecs, arrays, slices, references and map iterators have their own paths in control.ts.
  return !c.startsWith('iter:');
}
