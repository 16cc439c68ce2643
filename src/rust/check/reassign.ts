/**
 * How long a value a local was given lives: until the local's last use before it is given a new
 * value by `x = …` (the old value, and what it borrowed, is gone then). Uses come in source order;
 * a loop's use before the assignment (of the previous pass's value) is not followed.
 */
import type { Binding, Expr, FnItem, Pos } from '../syntax/ast';
import { before } from './moves';

const assigned = new WeakMap<FnItem, Map<Binding, Pos[]>>();

/** Positions of `b = …` in the function (of the assignments' targets). */
function assignmentsOf(fn: FnItem, b: Binding): Pos[] {
  let m = assigned.get(fn);
  if (!m) {
    m = new Map();
    collect(fn.body, m, new Set());
    for (const list of m.values()) list.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    assigned.set(fn, m);
  }
  return m.get(b) ?? [];
}

function collect(e: unknown, out: Map<Binding, Pos[]>, seen: Set<object>): void {
  if (!e || typeof e !== 'object' || seen.has(e)) return;
  seen.add(e);
  if (Array.isArray(e)) {
    for (const x of e) collect(x, out, seen);
    return;
  }
  const n = e as { k?: string; op?: string; l?: { k?: string; binding?: Binding; pos: Pos } };
  if (n.k === 'assign' && n.op === '=' && n.l?.k === 'name' && n.l.binding) {
    const list = out.get(n.l.binding) ?? [];
    list.push(n.l.pos);
    out.set(n.l.binding, list);
  }
  for (const [key, v] of Object.entries(n)) {
    if (key === 'ty' || key === 'binding' || key === 'pos' || key === 'captures' || key === 'sig') continue;
    if (v && typeof v === 'object') collect(v, out, seen);
  }
}

const same = (a: Pos, b: Pos) => a.line === b.line && a.col === b.col;

/** The last use of the value `b` is given at `from` (undefined: never used). */
export function valueUntil(fn: FnItem, b: Binding, from: Pos): Pos | undefined {
  const assigns = assignmentsOf(fn, b);
  if (!assigns.length) return b.uses[b.uses.length - 1];
  const next = assigns.find((a) => before(from, a));
  let last: Pos | undefined;
  for (const u of b.uses) {
    if (!before(from, u) || (next && !before(u, next)) || assigns.some((a) => same(a, u))) continue;
    last = u;
  }
  return last;
}

/**
 * `r = …` inside a loop, r declared before it: a use of r earlier in the loop body sees the
 * value the pass before gave it (rustc follows the loop's back edge), so what that value
 * borrows is borrowed from the loop's start to that use. Each such assignment, with the span.
 */
export function carriedValues(loop: Expr & { k: 'for' | 'while' | 'whilelet' | 'loop' }): { value: Expr; binding: Binding; from: Pos; until: Pos }[] {
  const from = loop.k === 'for' ? loop.body.pos : loop.pos;
  const found: { binding: Binding; at: Pos; value: Expr }[] = [];
  findAssigns(loop.k === 'for' ? loop.body : loop, found, new Set());
  const out: { value: Expr; binding: Binding; from: Pos; until: Pos }[] = [];
  for (const a of found) {
    if (!before(a.binding.pos, loop.pos)) continue;
    const targets = found.filter((x) => x.binding === a.binding).map((x) => x.at);
    let until: Pos | undefined;
    for (const u of a.binding.uses) {
      if (!before(from, u) || !before(u, a.at) || targets.some((t) => same(t, u))) continue;
      // Given a new value earlier in the pass: this use sees that one.
      if (targets.some((t) => before(from, t) && before(t, u))) continue;
      until = u;
    }
    if (until) out.push({ value: a.value, binding: a.binding, from, until });
  }
  return out;
}

function findAssigns(e: unknown, out: { binding: Binding; at: Pos; value: Expr }[], seen: Set<object>): void {
  if (!e || typeof e !== 'object' || seen.has(e)) return;
  seen.add(e);
  if (Array.isArray(e)) {
    for (const x of e) findAssigns(x, out, seen);
    return;
  }
  const n = e as Expr;
  // A closure's body runs when it is called, not as the loop goes.
  if (n.k === 'closure') return;
  if (n.k === 'assign' && n.op === '=' && n.l.k === 'name' && n.l.binding && n.l.binding.capture === undefined) out.push({ binding: n.l.binding, at: n.l.pos, value: n.r });
  for (const [key, v] of Object.entries(n)) {
    if (key === 'ty' || key === 'binding' || key === 'pos' || key === 'captures' || key === 'sig') continue;
    if (v && typeof v === 'object') findAssigns(v, out, seen);
  }
}
