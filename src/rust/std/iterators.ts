/**
 * Iterators: their constructors on Vec (`iter`, `iter_mut`, `into_iter`), the adapters and the
 * consumers, one entry each on the `Iterator` receiver (every iterator type: slice and vec
 * iterators, ranges, chars, and the adapters' own types). An adapter's type is `iter:Name` with the
 * item type first, then the parts that make its layout (run/iterators.ts builds its value).
 */
import type { Ty } from '../../engine/layout/types';
import type { RValue, VecValue } from '../../engine/memory/rvalue';
import { cloneValue } from '../../engine/std/clone';
import { collectShunted, collectString, collectVec } from '../../engine/std/collect';
import { collectMap, keyIdentity } from '../../engine/std/hash-map';
import { BOOL, con, conName, derefTy, prune, refTo, show, UNIT, unify, UnifyError, USIZE, whenKnown, type TypeVar } from '../check/types';
import { invoke } from '../run/closures';
import { type Act, type Ev, engineTy } from '../run/context';
import { adapter, iterOf, iterValue, type IterValue, type RIter, sliceIter, vecIntoIter } from '../run/iterators';
import { arith } from '../run/operators';
import { FieldLoc, type RefValue, TempLoc, UNIT_V, USIZE_TY, copyOf, deref, follow, makeRef, option, scalar } from '../run/values';
import { RustCompileError, RustSubsetError } from '../errors';
import { mapIterElem } from '../run/map-places';
import type { MethodRun, MethodTyping, StdMethod } from './table';
import { selfValue } from './combinators';
import { compareValues, variantIndexOf } from './compare';
import { doubleEnded } from './double-ended';

/** The item type of an iterator type, or undefined when it is not one. */
export function iterItem(t: TypeVar): TypeVar | undefined {
  const p = prune(t);
  if (p.k !== 'con') return undefined;
  switch (p.c) {
    case 'Iter':
      return refTo(p.args[0]!, false);
    case 'Chars':
      return con('char');
    case 'Bytes':
      return con('u8');
    case 'Range':
      return p.args[0];
    case 'Enumerate': {
      const i = iterItem(p.args[0]!);
      return i && con('tuple', USIZE, i);
    }
    case 'MapIter':
    case 'Keys':
    case 'Values':
      return mapIterElem(p)!.elem;
  }
  return p.c.startsWith('iter:') ? p.args[0] : undefined;
}

/** What `for x in t` / `zip(t)` / `chain(t)` iterates: an iterator itself, or a Vec (by value or by reference). */
function intoIterTy(t: TypeVar): TypeVar | undefined {
  const p = prune(t);
  if (iterItem(p)) return p;
  if (p.k === 'con' && p.c === 'Vec') return con('iter:IntoIter', p.args[0]!, USIZE, USIZE, USIZE, USIZE);
  if (p.k === 'con' && p.c === 'ref') {
    const inner = prune(p.args[0]!);
    if (inner.k === 'con' && inner.c === 'Vec') return p.mutable ? con('iter:IterMut', refTo(inner.args[0]!, true), USIZE, USIZE) : con('Iter', inner.args[0]!);
  }
  return undefined;
}

const item = (x: MethodTyping) => iterItem(x.recv)!;

const FORKABLE = new Set(['Iter', 'Range', 'MapIter', 'Keys', 'Values']);

/** The runtime iterator of argument i (an iterator, or a Vec / &Vec turned into one). */
function argIter(x: MethodRun, i: number): (a: Act) => { value: RValue; it: RIter } {
  const arg = x.e.args[i]!;
  const t = prune(arg.ty!);
  const v = x.k.value(arg);
  const rt = x.rt;
  if (t.k === 'con' && t.c === 'Vec') return (a) => {
    const vec = v(a) as VecValue;
    return { value: vec, it: vecIntoIter(rt, vec) };
  };
  if (t.k === 'con' && t.c === 'ref' && !iterItem(t)) {
    const refTy = engineTy(refTo(prune(t.args[0]!).k === 'con' ? (prune(t.args[0]!) as { args: TypeVar[] }).args[0]! : t, !!t.mutable));
    return (a) => {
      const r = v(a) as RValue & { loc: import('../run/values').Loc };
      return { value: UNIT_V, it: sliceIter(rt, r.loc, refTy, x.line) };
    };
  }
  return (a) => {
    const value = v(a);
    return { value, it: iterOf(value) };
  };
}

/** An adapter: the receiver by value (moved into it), its closure or argument, and its runtime. */
function adapterEntry(name: string, struct: string, type: (x: MethodTyping) => TypeVar, opts: { closure?: boolean; count?: boolean; other?: boolean } = {}): StdMethod {
  return {
    name,
    on: ['Iterator'],
    ownRecv: true,
    type,
    run: (x) => {
      const self = selfValue(x);
      const ty = x.ty;
      const f = opts.closure ? x.arg(0) : undefined;
      const n = opts.count ? x.arg(0) : undefined;
      const other = opts.other ? argIter(x, 0) : undefined;
      const rt = x.rt;
      const line = x.line;
      const itemTy = engineTy(iterItem(prune(x.e.recv.ty!).k === 'con' && (prune(x.e.recv.ty!) as { c: string }).c === 'ref' ? derefTy(x.e.recv.ty!) : x.e.recv.ty!) ?? UNIT);
      const refTy: Ty = { kind: 'ref', mutable: false, to: itemTy };
      const tupleTy = ty.kind === 'tuple' ? ty : (ty as { items?: Ty[] }).items ? ty : undefined;
      const itemOut = engineTy(iterItem(x.e.ty!) ?? UNIT);
      return (a) => {
        const inner = self(a);
        const fields: [string, RValue][] = [['iter', inner]];
        if (f) fields.push(['f', f(a)]);
        const o = other?.(a);
        if (o) fields.push(['other', o.value]);
        const count = n ? Number((n(a) as { v: number }).v) : undefined;
        let me: IterValue | undefined;
        const v = iterValue(ty, struct, fields, undefined as unknown as RIter);
        me = v;
        v.it = adapter(rt, struct, iterOf(inner), () => me!, line, {
          n: count, refTy, other: o?.it, tupleTy: itemOut, clone: (r) => {
            // Through one reference: `&&str` items copy out `&str`s.
            const v = r.tag === 'ref' ? (r as RefValue).loc.get() : r;
            return isCopy(v) ? copyOf(v) : cloneValue(rt.m, v);
          },
        });
        void tupleTy;
        return v;
      };
    },
  };
}

const isCopy = (v: RValue) => v.tag === 'scalar' || v.tag === 'unit' || v.tag === 'ref' || v.tag === 'str';

/** A consumer taking the iterator by value: drained by `body`, then dropped with what it still holds. */
export function consumer(name: string, type: (x: MethodTyping) => TypeVar, body: (x: MethodRun) => (a: Act, it: RIter) => RValue): StdMethod {
  return {
    name,
    on: ['Iterator'],
    ownRecv: true,
    type,
    run: (x) => {
      const self = selfValue(x);
      const run = body(x);
      return (a) => {
        const v = self(a);
        const r = run(a, iterOf(v));
        x.rt.m.dropValue(v);
        return r;
      };
    },
  };
}

/** A method taking `&mut self` (the iterator advances where it is). */
function advancing(name: string, type: (x: MethodTyping) => TypeVar, body: (x: MethodRun) => (a: Act, it: RIter) => RValue): StdMethod {
  return {
    name,
    on: ['Iterator'],
    mutates: true,
    type,
    run: (x) => {
      const run = body(x);
      return (a) => run(a, iterOf(x.place(a).get()));
    },
  };
}

/** Calls the closure argument i, held for the whole consumer (FnMut: called by reference). */
export function fnArg(x: MethodRun, i: number): (a: Act) => { call(args: RValue[]): RValue; done(): void } {
  const f = x.arg(i);
  return (a) => {
    const loc = new TempLoc(f(a));
    return { call: (args) => invoke(x.rt, loc, args, x.line), done: () => x.rt.m.dropValue(loc.take()) };
  };
}

function itemRefTy(x: MethodRun): Ty {
  const recv = prune(x.e.recv.ty!);
  const it = recv.k === 'con' && recv.c === 'ref' ? derefTy(recv) : recv;
  return { kind: 'ref', mutable: false, to: engineTy(iterItem(it) ?? UNIT) };
}

const truthy = (v: RValue) => (v as { v: boolean }).v;

export const iteratorMethods: StdMethod[] = [
  {
    name: 'iter_mut',
    on: ['Vec'],
    mutates: true,
    type: (x) => x.noArgs(con('iter:IterMut', refTo(x.recv.args[0]!, true), USIZE, USIZE)),
    run: (x) => {
      const refTy = engineTy(refTo(x.recv.args[0]!, true));
      return (a) => {
        const loc = x.place(a);
        return iterValue(x.ty, 'IterMut', [], sliceIter(x.rt, loc, refTy, x.line));
      };
    },
  },
  {
    name: 'into_iter',
    on: ['Vec'],
    ownRecv: true,
    type: (x) => x.noArgs(intoIterTy(x.e.recv.ty!) ?? intoIterTy(x.recv)!),
    run: (x) => {
      const t = prune(x.e.recv.ty!);
      if (t.k === 'con' && t.c === 'ref') {
        const loc = x.k.derefPlace(x.e.recv, false);
        const refTy = engineTy(iterItem(x.e.ty!)!);
        return (a) => iterValue(x.ty, t.mutable ? 'IterMut' : 'Iter', [], sliceIter(x.rt, loc(a), refTy, x.line));
      }
      const v = x.k.value(x.e.recv);
      return (a) => {
        const vec = v(a) as VecValue;
        return iterValue(x.ty, 'IntoIter', [['vec', vec]], vecIntoIter(x.rt, vec));
      };
    },
  },
  {
    name: 'into_iter',
    on: ['Iterator'],
    ownRecv: true,
    type: (x) => x.noArgs(x.recv),
    run: (x) => selfValue(x),
  },
  adapterEntry('map', 'Map', (x) => {
    const b = x.closureArg(0, [item(x)]);
    return con('iter:Map', b, x.recv, x.e.args[0]!.ty!);
  }, { closure: true }),
  adapterEntry('filter', 'Filter', (x) => (x.closureArg(0, [refTo(item(x), false)], BOOL), con('iter:Filter', item(x), x.recv, x.e.args[0]!.ty!)), { closure: true }),
  adapterEntry('filter_map', 'FilterMap', (x) => {
    const b = x.fresh();
    x.closureArg(0, [item(x)], con('Option', b));
    return con('iter:FilterMap', b, x.recv, x.e.args[0]!.ty!);
  }, { closure: true }),
  adapterEntry('take_while', 'TakeWhile', (x) => (x.closureArg(0, [refTo(item(x), false)], BOOL), con('iter:TakeWhile', item(x), x.recv, x.e.args[0]!.ty!, BOOL)), { closure: true }),
  adapterEntry('skip_while', 'SkipWhile', (x) => (x.closureArg(0, [refTo(item(x), false)], BOOL), con('iter:SkipWhile', item(x), x.recv, x.e.args[0]!.ty!, BOOL)), { closure: true }),
  adapterEntry('enumerate', 'Enumerate', (x) => x.noArgs(con('Enumerate', x.recv))),
  adapterEntry('rev', 'Rev', (x) => {
    const recv = x.recv;
    // Walking from the back needs a DoubleEndedIterator (std/double-ended.ts); rustc says E0277 otherwise.
    x.settle(() => {
      if (doubleEnded(recv) === false) throw new RustCompileError(`the trait bound \`${show(recv)}: DoubleEndedIterator\` is not satisfied (\`rev\` walks from the back)`, x.e.namePos.line, x.e.namePos.col, 'E0277');
    });
    return x.noArgs(con('iter:Rev', item(x), recv));
  }),
  adapterEntry('skip', 'Skip', (x) => x.oneArg(USIZE, con('iter:Skip', item(x), x.recv, USIZE)), { count: true }),
  adapterEntry('take', 'Take', (x) => x.oneArg(USIZE, con('iter:Take', item(x), x.recv, USIZE)), { count: true }),
  adapterEntry('zip', 'Zip', (x) => {
    x.argCount(1);
    const t = x.fresh();
    x.unifyArg(0, t);
    const o = intoIterTy(t);
    if (!o) throw new RustSubsetError(`zip with \`${show(x.e.args[0]!.ty!)}\` is not supported yet`, x.e.pos.line, x.e.pos.col, 'call_expression');
    return con('iter:Zip', con('tuple', item(x), iterItem(o)!), x.recv, o);
  }, { other: true }),
  adapterEntry('chain', 'Chain', (x) => {
    x.argCount(1);
    const t = x.fresh();
    x.unifyArg(0, t);
    const o = intoIterTy(t);
    if (!o) throw new RustSubsetError(`chain with \`${show(x.e.args[0]!.ty!)}\` is not supported yet`, x.e.pos.line, x.e.pos.col, 'call_expression');
    unify(iterItem(o)!, item(x));
    return con('iter:Chain', item(x), x.recv, o);
  }, { other: true }),
  adapterEntry('cycle', 'Cycle', (x) => {
    x.argCount(0);
    // Clone iterators whose position memscope can copy: slices, ranges, a map's.
    if (!FORKABLE.has(x.recv.c) || x.recv.mutable) throw new RustSubsetError(`cycle() on a \`${show(x.recv)}\` is not supported yet (on v.iter() and ranges it is)`, x.e.namePos.line, x.e.namePos.col, 'call_expression');
    return con('iter:Cycle', item(x), x.recv, x.recv);
  }),
  ...(['cloned', 'copied'] as const).map((name) =>
    adapterEntry(name, 'Cloned', (x) => {
      x.argCount(0);
      const t = prune(item(x));
      if (t.k !== 'con' || t.c !== 'ref') throw new RustSubsetError(`${name}() over items of type \`${show(t)}\` (not references) is not supported yet`, x.e.namePos.line, x.e.namePos.col, 'call_expression');
      return con('iter:Cloned', t.args[0]!, x.recv);
    }),
  ),
  consumer('count', (x) => x.noArgs(USIZE), () => (_a, it) => {
    let n = 0;
    for (let v = it.next(); v !== undefined; v = it.next()) n++;
    return scalar(USIZE_TY, n);
  }),
  ...(['sum', 'product'] as const).map((name) =>
    consumer(name, (x) => {
      x.argCount(0);
      const s = x.turbofish()[0] ?? x.fresh();
      unify(s, derefTy(item(x)));
      return s;
    }, (x) => {
      const op = arith(x.k, name === 'sum' ? '+' : '*', x.e.ty!, x.e.pos);
      const start = scalar(x.ty, x.ty.kind === 'float' ? (name === 'sum' ? -0 : 1) : name === 'sum' ? 0 : 1);
      return (_a, it) => {
        let acc = start as Extract<RValue, { tag: 'scalar' }>;
        for (let v = it.next(); v !== undefined; v = it.next()) acc = op(acc, deref(v) as Extract<RValue, { tag: 'scalar' }>) as Extract<RValue, { tag: 'scalar' }>;
        return acc;
      };
    }),
  ),
  consumer('last', (x) => x.noArgs(con('Option', item(x))), (x) => (_a, it) => {
    let last: RValue | undefined;
    for (let v = it.next(); v !== undefined; v = it.next()) {
      if (last) x.rt.m.dropValue(last);
      last = v;
    }
    return option(x.ty, last ?? null);
  }),
  ...(['min', 'max'] as const).map((name) =>
    consumer(name, (x) => (x.requireOrd(item(x)), x.noArgs(con('Option', item(x)))), (x) => {
      const index = variantIndexOf(x.k.prog);
      return (_a, it) => {
        let best: RValue | undefined;
        for (let v = it.next(); v !== undefined; v = it.next()) {
          const c = best === undefined ? 0 : compareValues(v, best, index);
          // min keeps the first of equals, max the last (std's min_by / max_by).
          if (best === undefined || (name === 'min' ? c < 0 : c >= 0)) {
            if (best) x.rt.m.dropValue(best);
            best = v;
          } else x.rt.m.dropValue(v);
        }
        return option(x.ty, best ?? null);
      };
    }),
  ),
  ...(['min_by_key', 'max_by_key'] as const).map((name) =>
    consumer(name, (x) => (x.requireOrd(x.closureArg(0, [refTo(item(x), false)])), con('Option', item(x))), (x) => {
      const f = fnArg(x, 0);
      const refTy = itemRefTy(x);
      const index = variantIndexOf(x.k.prog);
      return (a, it) => {
        const g = f(a);
        let best: RValue | undefined;
        let bestKey: RValue | undefined;
        for (let v = it.next(); v !== undefined; v = it.next()) {
          const key = g.call([makeRef(refTy, new TempLoc(v))]);
          const c = bestKey === undefined ? 0 : compareValues(key, bestKey, index);
          if (best === undefined || (name === 'min_by_key' ? c < 0 : c >= 0)) {
            if (best) x.rt.m.dropValue(best);
            if (bestKey) x.rt.m.dropValue(bestKey);
            best = v;
            bestKey = key;
          } else {
            x.rt.m.dropValue(v);
            x.rt.m.dropValue(key);
          }
        }
        if (bestKey) x.rt.m.dropValue(bestKey);
        g.done();
        return option(x.ty, best ?? null);
      };
    }),
  ),
  consumer('fold', (x) => {
    x.argCount(2);
    const b = x.fresh();
    x.coerceArg(0, b);
    x.closureArg(1, [b, item(x)], b);
    return b;
  }, (x) => {
    const init = x.arg(0);
    const f = fnArg(x, 1);
    return (a, it) => {
      let acc = init(a);
      const g = f(a);
      for (let v = it.next(); v !== undefined; v = it.next()) acc = g.call([acc, v]);
      g.done();
      return acc;
    };
  }),
  consumer('for_each', (x) => (x.closureArg(0, [item(x)], UNIT), UNIT), (x) => {
    const f = fnArg(x, 0);
    return (a, it) => {
      const g = f(a);
      for (let v = it.next(); v !== undefined; v = it.next()) g.call([v]);
      g.done();
      return UNIT_V;
    };
  }),
  consumer('collect', (x) => {
    x.argCount(0);
    const target = x.turbofish()[0] ?? x.fresh();
    const it = item(x);
    // Vec<T>, HashSet<T>, HashMap<K, V>: FromIterator<T> / <(K, V)> is the one impl, so a known target fixes the item at once.
    const intoVec = () => {
      const p = prune(target);
      // Result<Vec<T>, E> / Option<Vec<T>>: from items Result<T, E> / Option<T> (std's try_process).
      const shunted = p.k === 'con' && (p.c === 'Result' || p.c === 'Option') && conName(p.args[0]) === 'Vec';
      if (p.k !== 'con' || (p.c !== 'Vec' && p.c !== 'HashSet' && p.c !== 'HashMap' && !shunted)) return;
      const vecElem = () => (prune(p.args[0]!) as { args: TypeVar[] }).args[0]!;
      try {
        if (shunted) unify(p.c === 'Result' ? con('Result', vecElem(), p.args[1]!) : con('Option', vecElem()), it);
        else unify(p.c === 'HashMap' ? con('tuple', p.args[0]!, p.args[1]!) : p.args[0]!, it);
      } catch (err) {
        if (!(err instanceof UnifyError)) throw err;
        throw new RustCompileError(`a value of type \`${show(p)}\` cannot be built from an iterator over elements of type \`${show(it)}\``, x.e.namePos.line, x.e.namePos.col, 'E0277');
      }
    };
    whenKnown(target, intoVec);
    x.settle(intoVec);
    return target;
  }, (x) => {
    const ty = x.ty;
    if (ty.kind === 'vec') return (_a, it) => collectVec(x.rt.m, ty.elem, it);
    if (ty.kind === 'string') {
      const kind = engineTy(iterItem(x.e.recv.ty!)!);
      // `&char` items: std's FromIterator<&char> extends with the chars copied out.
      const refChar = kind.kind === 'ref' && kind.to.kind === 'char';
      const items = kind.kind === 'char' || refChar ? 'char' : kind.kind === 'string' ? 'String' : 'str';
      return (_a, it) => collectString(x.rt.m, refChar ? { ...it, next: () => { const v = it.next(); return v && deref(v); } } : it, items);
    }
    if (ty.kind === 'std' && (ty.name === 'HashMap' || ty.name === 'HashSet')) {
      const [key, value] = ty.args;
      return (_a, it) => collectMap(x.rt.m, ty, key!, value, it, (k) => keyIdentity(deref(k), follow));
    }
    const vecTy = ty.kind === 'result' ? ty.ok : ty.kind === 'option' ? ty.some : undefined;
    if (vecTy?.kind === 'vec') {
      const wrap = (variant: string, v: RValue): RValue => ({ tag: 'enum', ty, name: ty.kind === 'result' ? 'Result' : 'Option', variant, fieldNames: variant === 'None' ? [] : ['0'], fields: variant === 'None' ? [] : [v] });
      return (_a, it) => {
        const r = collectShunted(x.rt.m, vecTy.elem, it, (item) => {
          const e = item as Extract<RValue, { tag: 'enum' }>;
          return e.variant === 'Ok' || e.variant === 'Some' ? { ok: e.fields[0]! } : { residual: e };
        });
        if ('vec' in r) return wrap(ty.kind === 'result' ? 'Ok' : 'Some', r.vec);
        const e = r.residual as Extract<RValue, { tag: 'enum' }>;
        return e.variant === 'None' ? wrap('None', UNIT_V) : wrap('Err', e.fields[0]!);
      };
    }
    throw new RustSubsetError(`collect into \`${show(x.e.ty!)}\` is not supported yet (Vec, String, HashMap and HashSet are)`, x.e.pos.line, x.e.pos.col, 'call_expression');
  }),
  advancing('next', (x) => x.noArgs(con('Option', item(x))), (x) => (_a, it) => option(x.ty, it.next() ?? null)),
  advancing('nth', (x) => x.oneArg(USIZE, con('Option', item(x))), (x) => {
    const n = x.arg(0);
    return (a, it) => {
      let k = Number((n(a) as { v: number }).v);
      for (let v = it.next(); v !== undefined; v = it.next()) {
        if (k-- === 0) return option(x.ty, v);
        x.rt.m.dropValue(v);
      }
      return option(x.ty, null);
    };
  }),
  ...(['any', 'all'] as const).map((name) =>
    advancing(name, (x) => (x.closureArg(0, [item(x)], BOOL), BOOL), (x) => {
      const f = fnArg(x, 0);
      return (a, it) => {
        const g = f(a);
        let r = name === 'all';
        for (let v = it.next(); v !== undefined; v = it.next()) {
          if (truthy(g.call([v])) === (name === 'any')) {
            r = name === 'any';
            break;
          }
        }
        g.done();
        return scalar({ kind: 'bool' }, r);
      };
    }),
  ),
  advancing('find', (x) => (x.closureArg(0, [refTo(item(x), false)], BOOL), con('Option', item(x))), (x) => {
    const f = fnArg(x, 0);
    const refTy = itemRefTy(x);
    return (a, it) => {
      const g = f(a);
      for (let v = it.next(); v !== undefined; v = it.next()) {
        if (truthy(g.call([makeRef(refTy, new TempLoc(v))]))) {
          g.done();
          return option(x.ty, v);
        }
        x.rt.m.dropValue(v);
      }
      g.done();
      return option(x.ty, null);
    };
  }),
  advancing('position', (x) => (x.closureArg(0, [item(x)], BOOL), con('Option', USIZE)), (x) => {
    const f = fnArg(x, 0);
    return (a, it) => {
      const g = f(a);
      let i = 0;
      for (let v = it.next(); v !== undefined; v = it.next(), i++) {
        if (truthy(g.call([v]))) {
          g.done();
          return option(x.ty, scalar(USIZE_TY, i));
        }
      }
      g.done();
      return option(x.ty, null);
    };
  }),
];

export { FieldLoc };
