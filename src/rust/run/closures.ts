/**
 * Closures at run time. A closure value is a struct of its captures (`{closure@4:19}` with a field
 * per captured variable: a reference to it, or the value moved or copied in), laid out by the
 * engine as rustc lays out the closure; calling one pushes a frame of its own and runs the body with
 * an environment: for each capture, the place the body reaches it at (the captured variable through
 * the reference, or the closure's own field). Std's methods that take closures call them through
 * `invoke`.
 */
import type { Ty } from '../../engine/layout/types';
import type { RValue } from '../../engine/memory/rvalue';
import { FramePlan } from '../../engine/memory/frame';
import { calleeSig, captureTy, type ClosureExpr } from '../check/fn-types';
import { conName, prune } from '../check/types';
import type { Binding, Expr, Notes, Program } from '../syntax/ast';
import { type Act, type Codegen, type Ev, type Runtime, call, engineTy, runFrame } from './context';
import { patBinder } from './patterns';
import { BoxLoc, FieldLoc, type Loc, type RefValue, TempLoc, makeRef } from './values';

interface ClosureCode {
  /** Capture modes in field order: a by-value capture is reached at the closure's own field. */
  byValue: boolean[];
  run(env: Loc[], args: RValue[], line: number): RValue;
}

const codes = new WeakMap<Runtime, Map<string, ClosureCode>>();

/** A local of an `impl Fn…` type takes its value's own type (the closure's layout, as rustc monomorphises). */
export function bindTy(ty: Ty, value: RValue | null): Ty {
  return ty.kind === 'dyn' && value ? value.ty : ty;
}

/** `|x| body`: compiles the body once (its own move and borrow state) and builds the capture struct. */
export function closureExpr(k: Codegen, e: ClosureExpr): Ev {
  compileBody(k, e);
  const caps = e.captures!;
  const ty = engineTy(e.ty!);
  const parts = caps.map((c): Ev => {
    const outer: Expr = { k: 'name', pos: e.pos, name: c.outer.name, binding: c.outer, ty: c.outer.ty };
    if (c.mode === 'value') return k.value(outer);
    const refTy = engineTy(captureTy(c));
    if (c.mode === 'mut') {
      k.checks.checkMutablePlace(outer);
      k.checks.access(c.outer, e.pos, 'mutborrow');
    }
    const loc = k.place(outer, c.mode === 'mut');
    return (a) => makeRef(refTy, loc(a));
  });
  const names = caps.map((c) => c.outer.name);
  const name = e.name!;
  return (a) => ({ tag: 'struct', ty, name, fieldNames: names, fields: parts.map((p) => p(a)) });
}

/**
 * A closure bound by `let` holds its borrows until the binding's last use: using the captured
 * variables meanwhile in a conflicting way is rustc's E0502 / E0499 / E0505.
 */
export function closureBorrows(k: Codegen, e: ClosureExpr, holder: Binding): void {
  const until = holder.uses[holder.uses.length - 1];
  for (const c of e.captures!) {
    if (c.mode === 'value') continue;
    // A captured reference: what it borrows is held too. rustc captures only the places used
    // through it (`self.count`), which are not followed here: the reference is held by name only.
    const byRef = conName(c.outer.ty) === 'ref';
    if (byRef) for (const l of k.checks.heldBy(c.outer, e.pos)) k.checks.borrow(l.root, l.mutable, e.pos, until, `the closure \`${holder.name}\``, undefined, l.path && { path: l.path, viaRef: !!l.viaRef });
    k.checks.borrow(c.outer, c.mode === 'mut', e.pos, until, `the closure \`${holder.name}\``, undefined, byRef ? { path: [], viaRef: false, nameOnly: true } : undefined);
  }
}

function compileBody(k: Codegen, e: ClosureExpr): void {
  const rt = k.rt;
  const saved = k.checks.ctx;
  k.checks.ctx = { fn: saved.fn, moves: new Map(), dead: false, loopDepth: 0, loopOuter: [], borrows: [] };
  const outerFrame = k.frame;
  const plan = (k.frame = new FramePlan());
  let body: Ev;
  let params: ((a: Act, v: RValue) => void)[];
  try {
    params = e.params.map((p, i) => {
      const pt = e.sig!.params[i]!;
      if (p.pat.k === 'bind' && !p.pat.sub && !p.pat.byRef) {
        const b = p.pat.binding!;
        const ty = engineTy(b.ty);
        const at = plan.add(b.name, ty);
        return (a: Act, v: RValue) => {
          a.slots[b.slot] = rt.m.bind(b.name, bindTy(ty, v), v, at);
        };
      }
      const bind = patBinder(k, p.pat, pt, false);
      return (a: Act, v: RValue) => {
        const temp = new TempLoc(v);
        bind(a, temp);
        // What the pattern did not take drops with the call's other temporaries.
        a.temps.push(temp.value);
      };
    });
    body = k.value(e.body, (e.body as Notes).coerce);
  } finally {
    k.checks.ctx = saved;
    k.frame = outerFrame;
  }
  const n = e.slots ?? 0;
  const name = e.name!;
  const endLine = e.body.k === 'block' ? e.body.endLine : e.pos.line;
  const bind = (act: Act, args: RValue[]): void => {
    for (let i = 0; i < params.length; i++) params[i]!(act, args[i]!);
  };
  const code: ClosureCode = {
    byValue: e.captures!.map((c) => c.mode === 'value'),
    run: (env, args, line) => {
      const m = rt.m;
      call(rt, line);
      const act: Act = { slots: new Array(n).fill(null), temps: [], locs: new Array(n), env };
      return runFrame(m, name, plan, line, endLine, act, bind, args, body);
    },
  };
  let table = codes.get(rt);
  if (!table) codes.set(rt, (table = new Map()));
  table.set(name, code);
}

/**
 * Calls the closure at `loc` (or behind the references and Boxes there). `consume`: a by-value
 * FnOnce call, which drops what the closure still holds when it returns.
 */
export function invoke(rt: Runtime, loc: Loc, args: RValue[], line: number, consume = false): RValue {
  let l = loc;
  let v = l.get();
  const top = l;
  while (v.tag === 'ref' || v.tag === 'box') {
    l = v.tag === 'ref' ? (v as RefValue).loc : new BoxLoc(rt.m, v);
    v = l.get();
  }
  const s = v as Extract<RValue, { tag: 'struct' }>;
  const code = codes.get(rt)?.get(s.name);
  if (!code) throw new Error(`no closure named ${s.name}`);
  const env = s.fields.map((f, i) => (code.byValue[i] ? new FieldLoc(rt.m, l, i) : (f as RefValue).loc));
  const result = code.run(env, args, line);
  if (consume) rt.m.dropValue(top.take());
  return result;
}

/** `f(a, b)` where f is a variable holding a closure, an `impl Fn…`, a `Box<dyn Fn…>` or a reference to one. */
export function callVariable(k: Codegen, e: Expr & { k: 'call' }): Ev {
  const callee = e.callee as Expr & { k: 'name' };
  const sig = calleeSig(k, callee.ty!)!;
  const t = prune(callee.ty!);
  const byValue = conName(t) !== 'ref' && conName(t) !== 'Box';
  const consume = byValue && sig.kind === 'FnOnce';
  const b = callee.binding!;
  const loc = k.place(callee, false);
  if (consume) k.checks.useLocal(b, callee.pos, true);
  else if (byValue && sig.kind === 'FnMut') {
    k.checks.checkMutablePlace(callee);
    k.checks.access(b, callee.pos, 'mutborrow');
  }
  const args = e.args.map((x) => k.value(x, (x as Notes).coerce));
  const rt = k.rt;
  const line = e.pos.line;
  return (a) => {
    const l = loc(a);
    const vals = args.map((f) => f(a));
    return invoke(rt, l, vals, line, consume);
  };
}

/** A closure given to a std method (`map`, `filter`, `unwrap_or_else`): called through its place. */
export function closureArg(k: Codegen, arg: Expr): (a: Act) => Loc {
  const v = k.value(arg, (arg as Notes).coerce);
  return (a) => {
    const x = v(a);
    a.temps.push(x);
    return new TempLoc(x);
  };
}

export type { Program };
