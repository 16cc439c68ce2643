/**
 * Slice patterns at run time (`[a, b]`, `[first, .., last]`, `[head, tail @ ..]`, check/rest-patterns.ts
 * types them): a length test, then each item against its element, counted from the front before
 * the `..` and from the back after it. Through a reference the bindings are references into the
 * array, Vec buffer or slice; `tail @ ..` binds a subslice view of the same elements (or, from an
 * array by value, an array of them).
 */
import type { Ty } from '../../engine/layout/types';
import type { RValue } from '../../engine/memory/rvalue';
import { isRest } from '../check/rest-patterns';
import { conName, prune, type TypeVar } from '../check/types';
import type { Pat } from '../syntax/ast';
import { type Act, type Codegen, engineTy, isCopyTy } from './context';
import { elemLoc, seqLen, sliceOf } from './slices';
import { type Loc, type RefValue, TempLoc, copyOf, deref } from './values';

type Binder = (k: Codegen, p: Pat, ty: TypeVar, fromPlace: boolean, viaRef?: boolean) => (a: Act, loc: Loc) => void;

/** Where item i of a pattern of `n` items with `..` at `at` sits in a sequence of `len`. */
const position = (i: number, at: number, n: number, len: number) => (at < 0 || i < at ? i : len - (n - i));

export function slicePatTest(p: Pat & { k: 'slice' }, test: (q: Pat) => (v: RValue) => boolean): (v: RValue) => boolean {
  const at = p.items.findIndex(isRest);
  const n = p.items.length;
  const fixed = at < 0 ? n : n - 1;
  const tests = p.items.map((q, i) => (i === at ? undefined : test(q)));
  return (v) => {
    const s = deref(v);
    const len = seqLen(s);
    if (at < 0 ? len !== fixed : len < fixed) return false;
    const items = (s as { items: RValue[] }).items;
    return tests.every((t, i) => !t || t(items[position(i, at, n, len)]!));
  };
}

export function sliceBinder(k: Codegen, p: Pat & { k: 'slice' }, ty: TypeVar, fromPlace: boolean, viaRef: boolean, bindPat: Binder): (a: Act, loc: Loc) => void {
  let inner = prune(ty);
  let refs = 0;
  while (conName(inner) === 'ref') {
    inner = prune((inner as { args: TypeVar[] }).args[0]!);
    refs++;
  }
  const by = viaRef || refs > 0;
  const elem = (inner as { args: TypeVar[] }).args[0]!;
  const isArray = conName(inner) === 'Array';
  const at = p.items.findIndex(isRest);
  const n = p.items.length;
  const line = p.pos.line;
  const m = () => k.rt.m;
  const items: { i: number; bind: (a: Act, loc: Loc) => void }[] = [];
  let rest: { bind: (a: Act, loc: Loc) => void; ty: Ty } | undefined;
  p.items.forEach((q, i) => {
    if (i !== at) items.push({ i, bind: bindPat(k, q, elem, fromPlace, by) });
    else if (q.k === 'bind') {
      const restTy = by ? (prune(q.binding!.ty) as { args: TypeVar[] }).args[0]! : q.binding!.ty;
      rest = { ty: engineTy(restTy), bind: bindPat(k, { ...q, sub: undefined }, restTy, fromPlace, by) };
    }
  });
  const copy = isCopyTy(elem, k.prog);
  return (a, loc) => {
    let base = loc;
    for (let r = 0; r < refs; r++) base = (base.get() as RefValue).loc;
    const len = seqLen(deref(base.get()));
    // In the pattern's order, as rustc binds them.
    for (const s of items) {
      if (s.i > at && at >= 0 && rest && !restDone(s.i)) bindRest(a, base, len);
      s.bind(a, elemLoc(m(), base, position(s.i, at, n, len), line));
    }
    if (rest && items.every((s) => s.i < at)) bindRest(a, base, len);
  };
  /** Whether the rest was bound before item i (it is, before the first item after it). */
  function restDone(i: number): boolean {
    return items.some((s) => s.i > at && s.i < i);
  }

  function bindRest(a: Act, base: Loc, len: number): void {
    const r = rest!;
    const from = at;
    const to = len - (n - at - 1);
    if (by || !isArray) return r.bind(a, new TempLoc(sliceOf(m(), base, from, to, false, r.ty, line) as unknown as RValue));
    // From an array by value: the elements form an array of their own.
    const out: RValue[] = [];
    for (let j = from; j < to; j++) {
      const e = elemLoc(m(), base, j, line);
      out.push(copy ? copyOf(e.get()) : e.take());
    }
    r.bind(a, new TempLoc({ tag: 'array', ty: r.ty, items: out }));
  }
}
