/**
 * Closures in inference: a closure expression is a type of its own (`{closure@L:C}`, one per
 * expression, as rustc's), with a signature, a body inferred in its own activation, and captures:
 * the variables of enclosing scopes its body names. How each is captured (by `&`, by `&mut`, by
 * value) is rustc's rule, read from how the body uses it once the function's types are settled
 * (captures.ts); the closure's layout is then a struct of its captures, registered beside the
 * program's own structs so the engine lays it out (and `Box::new` allocates it) as rustc does.
 */
import type { StructDef } from '../../engine/layout/types';
import type { Binding, Expr, Pat, Pos, Program } from '../syntax/ast';
import type { Ty } from '../../engine/layout/types';
import { analyseCaptures } from './captures';
import { calleeSig, captureTy, closureOf, expectedSig, type ClosureExpr, type FnSig } from './fn-types';
import { con, isFnTrait, prune, show, toTy, type TypeVar } from './types';

export type { ClosureExpr, FnSig } from './fn-types';
export { calleeSig, captureTy, closureOf, expectedSig } from './fn-types';

/** What closures need of inference (check/infer.ts implements it). */
export interface Inference {
  readonly prog: Program;
  scopes: Map<string, Binding>[];
  slots: number;
  ret: TypeVar;
  loops: unknown[];
  deferred: (() => void)[];
  /** Checks run once the function is inferred, before literals default. */
  settles: (() => void)[];
  /** The fn being inferred. */
  readonly fnName: string;
  v(): TypeVar;
  written(ty: Ty, pos: Pos): TypeVar;
  expr(e: Expr): TypeVar;
  bindPat(p: Pat, ty: TypeVar, viaRef: boolean): void;
  coerce(e: Expr, found: TypeVar, expected: TypeVar): void;
  unifyAt(pos: Pos, expected: TypeVar, found: TypeVar): void;
  err(pos: Pos, message: string, code?: string): never;
  isCopy(t: TypeVar): boolean;
}

/** A closure being inferred: where its scopes start (names declared before are captured). */
interface Open {
  e: ClosureExpr;
  scopeDepth: number;
}

/** Per Inference: the closures open around the expression being inferred, and those of the function. */
const open = new WeakMap<Inference, Open[]>();
const ofFn = new WeakMap<Inference, ClosureExpr[]>();

export function inferClosure(inf: Inference, e: ClosureExpr, expected?: FnSig): TypeVar {
  // Each instance of a generic fn has its own closure types (a copy of the template's tree).
  const instance = inf.fnName.includes('::<') ? ` in ${inf.fnName}` : '';
  const name = `{closure@${e.pos.line}:${e.pos.col}${instance}}`;
  e.name = name;
  e.captures = [];
  (inf.prog.closures ??= new Map()).set(name, e);
  if (!ofFn.has(inf)) ofFn.set(inf, []);
  ofFn.get(inf)!.push(e);
  if (expected && expected.params.length !== e.params.length) {
    inf.err(e.pos, `this closure takes ${e.params.length} argument${e.params.length === 1 ? '' : 's'} but ${expected.params.length} ${expected.params.length === 1 ? 'is' : 'are'} expected`, 'E0593');
  }
  const params = e.params.map((p, i) => {
    const t = p.ty ? inf.written(p.ty, p.pos) : inf.v();
    if (expected) inf.unifyAt(p.pos, expected.params[i]!, t);
    return t;
  });
  const ret = e.ret ? inf.written(e.ret, e.pos) : inf.v();
  if (expected) inf.unifyAt(e.body.pos, expected.ret, ret);
  e.sig = { params, ret };
  // The body: an activation of its own (slots from 0), `return` leaving the closure, no loop outside it.
  const saved = { slots: inf.slots, ret: inf.ret, loops: inf.loops };
  inf.slots = 0;
  inf.ret = ret;
  inf.loops = [];
  const stack = open.get(inf) ?? [];
  open.set(inf, stack);
  stack.push({ e, scopeDepth: inf.scopes.length });
  inf.scopes.push(new Map());
  try {
    params.forEach((t, i) => inf.bindPat(e.params[i]!.pat, t, false));
    const body = inf.expr(e.body);
    inf.coerce(e.body, body, ret);
  } finally {
    inf.scopes.pop();
    stack.pop();
    e.slots = inf.slots;
    inf.slots = saved.slots;
    inf.ret = saved.ret;
    inf.loops = saved.loops;
  }
  return con(`adt:${name}`);
}

/**
 * A name found in scope `depth`: inside closures opened after that scope it is a capture. Each
 * closure crossed gets a stand-in binding (the innermost one's is what the name resolves to).
 */
export function captured(inf: Inference, b: Binding, depth: number, pos: Pos): Binding {
  const stack = open.get(inf);
  if (!stack?.length) return b;
  let cur = b;
  for (const o of stack) {
    if (o.scopeDepth <= depth) continue;
    const caps = o.e.captures!;
    let cap = caps.find((c) => c.outer === cur);
    if (!cap) {
      const inner: Binding = { name: cur.name, mutable: cur.mutable, slot: -1, ty: cur.ty, pos: cur.pos, uses: [], capture: caps.length };
      cap = { outer: cur, inner, mode: 'ref', movedInBody: false, mutatedInBody: false };
      caps.push(cap);
      cur.uses.push(o.e.pos);
    }
    cur = cap.inner;
  }
  void pos;
  return cur;
}

/** Once the function's types are settled: every closure's captures, kind and layout. */
export function finishClosures(inf: Inference): void {
  const list = ofFn.get(inf);
  if (!list) return;
  ofFn.delete(inf);
  // Innermost first: a closure inside another uses the outer one's captures as it captures them.
  for (const e of [...list].reverse()) {
    analyseCaptures(inf.prog, e);
    const caps = e.captures!;
    e.kind = caps.some((c) => c.movedInBody) ? 'FnOnce' : caps.some((c) => c.mutatedInBody) ? 'FnMut' : 'Fn';
    const def: StructDef = { kind: 'struct', name: e.name!, repr: 'rust', fields: caps.map((c) => ({ name: c.outer.name, ty: toTy(captureTy(c)) })) };
    inf.prog.structs.set(e.name!, def);
    // A closure is Copy (and Clone) when all it holds is: shared references and Copy values.
    if (caps.every((c) => c.mode === 'ref' || (c.mode === 'value' && copyable(inf, c.outer.ty)))) {
      inf.prog.copyTypes.add(e.name!);
      inf.prog.cloneTypes.add(e.name!);
    }
  }
}

function copyable(inf: Inference, t: TypeVar): boolean {
  return inf.isCopy(t);
}

/**
 * The coercions closures take part in: a closure (or a reference to one) where `impl Fn…` is
 * expected, `Box<closure>` to `Box<dyn Fn…>`, `&closure` to `&dyn Fn…`. True when it applied
 * (the signatures are then unified); false to let ordinary unification decide.
 */
export function coerceClosure(inf: Inference, e: Expr, found: TypeVar, expected: TypeVar): boolean {
  const x = prune(expected);
  let f = prune(found);
  if (x.k !== 'con' || f.k !== 'con') return false;
  const want = (() => {
    if (isFnTrait(x.c) && x.c.startsWith('impl ')) return x;
    if ((x.c === 'Box' || x.c === 'ref') && f.c === x.c) {
      const inner = prune(x.args[0]!);
      if (inner.k === 'con' && isFnTrait(inner.c) && inner.c.startsWith('dyn ')) {
        if (x.c === 'ref' && x.mutable && !f.mutable) return undefined;
        f = prune(f.args[0]!) as typeof f;
        return inner;
      }
    }
    return undefined;
  })();
  if (!want) return false;
  const sig = calleeSig(inf, f);
  if (!sig) {
    if (f.k === 'con' && (f.c === 'ref' || f.c === 'Box')) return false;
    inf.err(e.pos, `expected a closure that implements \`${show(want)}\`, found \`${show(found)}\``, 'E0277');
  }
  const wantSig = expectedSig(want)!;
  if (sig.params.length !== wantSig.params.length) {
    inf.err(e.pos, `type mismatch in closure arguments: expected a closure taking ${wantSig.params.length} argument${wantSig.params.length === 1 ? '' : 's'}, found one taking ${sig.params.length}`, 'E0593');
  }
  sig.params.forEach((p, i) => inf.unifyAt(e.pos, wantSig.params[i]!, p));
  inf.unifyAt(e.pos, wantSig.ret, sig.ret);
  // The closure's kind is known once its function is inferred: FnMut where Fn is asked is rustc's E0525.
  const closure = closureOf(inf, f);
  if (closure) {
    inf.deferred.push(() => {
      const rank = { Fn: 0, FnMut: 1, FnOnce: 2 };
      if (rank[closure.kind!] > rank[wantSig.kind!]) {
        inf.err(closure.pos, `expected a closure that implements the \`${wantSig.kind}\` trait, but this closure only implements \`${closure.kind}\``, 'E0525');
      }
    });
  }
  return true;
}
