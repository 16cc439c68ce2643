import { conName, prune, type TypeVar } from './types';
import type { Lend } from './lends';
import { overlaps, placeOf, placeText, WHOLE, type PlacePath } from './places';
import { RustCompileError } from '../errors';
import type { Binding, Expr, FnItem, Pat, Pos, Program } from '../syntax/ast';

/** Move state of the function being compiled: which bindings are moved (or not yet initialised), and where. */
export type Moves = Map<Binding, Pos & { uninit?: boolean }>;

export interface FnCtx {
  fn: FnItem;
  moves: Moves;
  /** Whether the code being compiled can no longer be reached (after return/break). */
  dead: boolean;
  loopDepth: number;
  /** Bindings declared inside each open loop, to tell "moved in a previous iteration". */
  loopOuter: Set<Binding>[];
  /** Live borrows of locals held by `let r = &x` bindings and for loops, for the borrow check. */
  borrows: Borrow[];
}

/** `&x` / `&mut x` kept alive: from `from` until `until` (the holder's last use, or a loop's end). */
export interface Borrow extends PlacePath {
  root: Binding;
  mutable: boolean;
  from: Pos;
  until: Pos;
  holder: string;
  holderBinding?: Binding;
  /** A two-phase borrow not yet taken (a call's receiver while its arguments run). */
  reserved?: boolean;
}

/** `borrow` is a shared borrow (`&x`, a format argument): E0502 against a mutable one, not E0503. */
type Access = 'read' | 'borrow' | 'mutborrow' | 'write' | 'move';

const posKey = (p: Pos) => `${p.line}:${p.col}`;

export function before(a: Pos, b: Pos): boolean {
  return a.line < b.line || (a.line === b.line && a.col < b.col);
}

export class MoveCheck {
  ctx!: FnCtx;
  constructor(readonly prog: Program) {}

  err(pos: Pos, message: string, code?: string): never {
    throw new RustCompileError(message, pos.line, pos.col, code);
  }

  /**
   * The borrow check, simplified to what course snippets do: a `let r = &x` borrow lives until r's
   * last use (as NLL computes it for straight-line code); touching x meanwhile in a conflicting way
   * is rustc's E0499 / E0502 / E0503 / E0505 / E0506.
   */
  access(b: Binding, pos: Pos, kind: Access, at: PlacePath = WHOLE, ended?: (br: Borrow) => boolean): void {
    if (kind === 'read' && this.quiet.has(posKey(pos))) return;
    this.conflicts(b, pos, kind, at, ended);
  }

  private conflicts(b: Binding, pos: Pos, kind: Access, at: PlacePath, ended?: (br: Borrow) => boolean): void {
    for (const br of this.ctx.borrows) {
      if (br.root !== b || !before(br.from, pos) || !before(pos, br.until)) continue;
      if (!br.mutable && (kind === 'read' || kind === 'borrow')) continue;
      if (!overlaps(br.path, at.path) || ended?.(br)) continue;
      if (br.nameOnly && (at.path.length || at.viaRef)) continue;
      // Assigning a reference variable anew leaves what it pointed at, and the borrows of that, alone.
      if (br.viaRef && !at.viaRef && !at.path.length && kind === 'write') continue;
      const held = br.reserved ? `${br.holder} at line ${br.from.line} borrows it mutably once its arguments are evaluated` : `${br.holder} borrows it at line ${br.from.line} and is used later, at line ${br.until.line}`;
      const x = placeText(b, at);
      if (kind === 'mutborrow') {
        if (br.mutable || br.reserved) this.err(pos, `cannot borrow \`${x}\` as mutable more than once at a time (${held})`, 'E0499');
        this.err(pos, `cannot borrow \`${x}\` as mutable because it is also borrowed as immutable (${held})`, 'E0502');
      }
      if (kind === 'borrow') this.err(pos, `cannot borrow \`${x}\` as immutable because it is also borrowed as mutable (${held})`, 'E0502');
      if (kind === 'read') this.err(pos, `cannot use \`${x}\` because it was mutably borrowed (${held})`, 'E0503');
      if (kind === 'write') this.err(pos, `cannot assign to \`${x}\` because it is borrowed (${held})`, 'E0506');
      this.err(pos, `cannot move out of \`${x}\` because it is borrowed (${held})`, 'E0505');
    }
  }

  /** The local a place expression is part of (check/places.ts). */
  rootOf(e: Expr): Binding | undefined {
    return placeOf(e)?.root;
  }

  /** The access of a place expression, to the part of its local it names. */
  accessPlace(e: Expr, pos: Pos, kind: Access, ended?: (br: Borrow) => boolean): void {
    const p = placeOf(e);
    if (p) this.access(p.root, pos, kind, p, ended);
  }

  /**
   * Reads of the local a place expression starts from (`self` in `self.count`), once the place's
   * own access is checked: they are that access, not a read of the whole local.
   */
  readonly quiet = new Set<string>();

  /** A place read as a whole (`self.count`, `v[i]`): checked for its own part of the local only. */
  readPlace(e: Expr): void {
    const p = placeOf(e);
    if (!p || !p.path.length && !p.viaRef) return;
    this.conflicts(p.root, e.pos, 'read', p);
    this.quiet.add(posKey(e.pos));
  }

  /**
   * Two-phase borrows: while the arguments of a `&mut self` call are evaluated its receiver is
   * only reserved: reading it is fine (`v.push(v.len())`), borrowing it mutably again is not
   * (`v.push(v.pop().unwrap())`, E0499).
   */
  reserved<T>(recv: Expr, compileArgs: () => T): T {
    const p = placeOf(recv);
    if (!p) return compileArgs();
    const mark: Borrow = { ...p, mutable: false, reserved: true, from: recv.pos, until: { line: Number.MAX_SAFE_INTEGER, col: 0 }, holder: 'the call' };
    this.ctx.borrows.push(mark);
    try {
      return compileArgs();
    } finally {
      const i = this.ctx.borrows.indexOf(mark);
      if (i >= 0) this.ctx.borrows.splice(i, 1);
    }
  }

  /** `holderBinding`: the local that holds the borrow, when it is one (what it holds, a value copied out of it holds too). */
  borrow(root: Binding | undefined, mutable: boolean, from: Pos, until: Pos | undefined, holder: string, holderBinding?: Binding, at: PlacePath = WHOLE): void {
    if (root && until && before(from, until)) this.ctx.borrows.push({ root, mutable, from, until, holder, holderBinding, path: at.path, viaRef: at.viaRef, nameOnly: at.nameOnly });
  }

  /** A borrow of the place expression `e` (nothing when it is not a local's). */
  borrowPlace(e: Expr, mutable: boolean, from: Pos, until: Pos | undefined, holder: string, holderBinding?: Binding): void {
    const p = placeOf(e);
    if (p) this.borrow(p.root, mutable, from, until, holder, holderBinding, p);
  }

  /** The borrows local `b` holds at `at` (check/lends.ts): those of its value then, not of one it had before an assignment. */
  heldBy(b: Binding, at: Pos): Lend[] {
    return this.ctx.borrows.filter((br) => br.holderBinding === b && before(br.from, at) && !before(br.until, at)).map((br) => ({ root: br.root, mutable: br.mutable, path: br.path, viaRef: br.viaRef }));
  }

  useLocal(b: Binding, pos: Pos, move: boolean): void {
    this.access(b, pos, move ? 'move' : 'read');
    const partial = this.fieldKeys.get(b)?.get('*');
    const partly = partial && this.ctx.moves.get(partial);
    if (partly && !this.ctx.moves.get(b)) {
      this.err(pos, `${move ? 'use' : 'borrow'} of partially moved value: \`${b.name}\` (a field was moved out at line ${partly.line})`, 'E0382');
    }
    const moved = this.ctx.moves.get(b);
    if (moved?.uninit) this.err(pos, `used binding \`${b.name}\` isn't initialized (declared at line ${b.pos.line}, possibly not assigned on every path)`, 'E0381');
    if (moved) {
      const again = moved.line === pos.line && moved.col === pos.col;
      const where = again ? 'in a previous iteration of the loop' : `at line ${moved.line}`;
      this.err(pos, `${move ? 'use' : 'borrow'} of moved value: \`${b.name}\` (value moved ${where}, ${move ? 'used' : 'borrowed'} here after the move)`, 'E0382');
    }
    if (move && !this.ctx.dead) this.ctx.moves.set(b, pos);
  }

  /**
   * `x.f` where x is a local that owns its struct (not through a reference or Rc); `boxed` when
   * x is a `Box` of it (a Box owns what it points at: its fields move out as the struct's would).
   */
  ownedField(e: Expr & { k: 'field' }): { b: Binding; index: number; boxed: boolean } | undefined {
    if (e.e.k !== 'name' || !e.e.binding || e.e.binding.capture !== undefined) return undefined;
    let t = prune(e.e.ty!);
    const boxed = conName(t) === 'Box';
    if (boxed) t = prune((t as { args: TypeVar[] }).args[0]!);
    const c = conName(t);
    let index: number;
    if (c === 'tuple') index = Number(e.name);
    else if (c.startsWith('adt:') && this.prog.structs.has(c.slice(4))) index = this.prog.structs.get(c.slice(4))!.fields.findIndex((f) => f.name === e.name);
    else return undefined;
    return { b: e.e.binding, index, boxed };
  }

  readonly fieldKeys = new Map<Binding, Map<string, Binding>>();
  /** Stand-in bindings for `x.f` and for "some field of x", so partial moves merge like moves. */
  fieldKey(b: Binding, field: string): Binding {
    let m = this.fieldKeys.get(b);
    if (!m) this.fieldKeys.set(b, (m = new Map()));
    let k = m.get(field);
    if (!k) m.set(field, (k = { ...b, name: field === '*' ? b.name : `${b.name}.${field}`, uses: [] }));
    return k;
  }

  checkField(b: Binding, field: string, pos: Pos, move: boolean): void {
    const whole = this.ctx.moves.get(b);
    if (whole) this.useLocal(b, pos, false); // reports the move of the whole variable
    this.access(b, pos, move ? 'move' : 'read', { path: [field], viaRef: false });
    const key = this.fieldKey(b, field);
    const moved = this.ctx.moves.get(key);
    if (moved) this.err(pos, `${move ? 'use' : 'borrow'} of moved value: \`${key.name}\` (value moved at line ${moved.line}, ${move ? 'used' : 'borrowed'} here after the move)`, 'E0382');
    if (move && !this.ctx.dead) {
      this.ctx.moves.set(key, pos);
      this.ctx.moves.set(this.fieldKey(b, '*'), pos);
    }
  }

  snapshot(): Moves {
    return new Map(this.ctx.moves);
  }

  /** After branches: a value moved in any branch that can fall through is (maybe) moved. */
  merge(states: { moves: Moves; dead: boolean }[]): void {
    const live = states.filter((s) => !s.dead);
    const merged: Moves = new Map();
    for (const s of live) for (const [b, p] of s.moves) if (!merged.has(b)) merged.set(b, p);
    this.ctx.moves = merged;
    this.ctx.dead = live.length === 0;
  }

  branch<T>(start: Moves, f: () => T): { result: T; moves: Moves; dead: boolean } {
    this.ctx.moves = new Map(start);
    this.ctx.dead = false;
    const result = f();
    return { result, moves: this.ctx.moves, dead: this.ctx.dead };
  }

  /**
   * A loop body runs again: compile it once, then check it a second time with the moves of the
   * first pass, so a value moved in one iteration and used in the next is caught.
   */
  loopBody<T>(compile: () => T, fresh?: Pat): T {
    const before = this.snapshot();
    this.ctx.loopDepth++;
    const result = compile();
    const after = this.ctx.moves;
    const newMoves = [...after].filter(([b]) => !before.has(b));
    if (newMoves.length && !this.ctx.dead) {
      this.ctx.moves = after;
      // Moves of bindings declared inside the loop are fresh each iteration; so are a for loop's.
      if (fresh) for (const b of patBindings(fresh)) after.delete(b);
      const saved = this.ctx.moves;
      compile();
      this.ctx.moves = saved;
    }
    this.ctx.loopDepth--;
    this.ctx.dead = false;
    return result;
  }

  // ---------------------------------------------------------------- values

  /** `x = …`, `x.f = …`, `v[i] = …` need `let mut x` (E0384 / E0594 / E0596). */
  checkMutablePlace(e: Expr): void {
    let base = e;
    while (base.k === 'field' || base.k === 'index') {
      const t = prune(base.e.ty!);
      if (conName(t) === 'ref') {
        if (!(t as { mutable?: boolean }).mutable) this.err(e.pos, `cannot borrow \`${exprText(e)}\` as mutable, as it is behind a \`&\` reference`, 'E0596');
        return;
      }
      base = base.e;
    }
    if (base.k === 'name' && base.binding && !base.binding.mutable) {
      this.err(e.pos, `cannot borrow \`${exprText(e)}\` as mutable, as \`${base.binding.name}\` is not declared as mutable`, 'E0596');
    }
  }

  // ---------------------------------------------------------------- operators

  checkAssignable(l: Expr): void {
    let base = l;
    while (base.k === 'field' || base.k === 'index') {
      const t = prune(base.e.ty!);
      if (conName(t) === 'ref') {
        if (!(t as { mutable?: boolean }).mutable) this.err(l.pos, `cannot assign to \`${exprText(l)}\`, which is behind a \`&\` reference`, 'E0594');
        return;
      }
      if (conName(t) === 'Rc') this.err(l.pos, `cannot assign to data in an \`Rc\``, 'E0594');
      base = base.e;
    }
    if (base.k === 'name' && base.binding && !base.binding.mutable) {
      this.err(l.pos, `cannot assign to \`${exprText(l)}\`, as \`${base.binding.name}\` is not declared as mutable`, 'E0594');
    }
  }

  checkMutableRecv(e: Expr): void {
    const t = prune(e.ty!);
    if (conName(t) === 'ref') {
      if (!(t as { mutable?: boolean }).mutable) this.err(e.pos, `cannot borrow \`*${exprText(e)}\` as mutable, as it is behind a \`&\` reference`, 'E0596');
      return;
    }
    if (conName(t) === 'Rc') this.err(e.pos, `cannot borrow data in an \`Rc\` as mutable`, 'E0596');
    this.checkMutablePlace(e);
  }

  // ---------------------------------------------------------------- formatting

}

/** Source-like text of a simple place expression, for messages. */
export function exprText(e: Expr): string {
  switch (e.k) {
    case 'name':
      return e.name;
    case 'field':
      return `${exprText(e.e)}.${e.name}`;
    case 'index':
      return `${exprText(e.e)}[..]`;
    case 'unary':
      return `${e.op}${exprText(e.e)}`;
    default:
      return 'value';
  }
}

/** The bindings a pattern introduces. */
function patBindings(p: Pat, out: Binding[] = []): Binding[] {
  switch (p.k) {
    case 'bind':
      if (p.binding) out.push(p.binding);
      if (p.sub) patBindings(p.sub, out);
      break;
    case 'variant':
      p.items.forEach((q) => patBindings(q, out));
      p.named?.forEach((f) => patBindings(f.pat, out));
      break;
    case 'tuple':
    case 'slice':
      p.items.forEach((q) => patBindings(q, out));
      break;
    case 'or':
      p.alts.forEach((q) => patBindings(q, out));
      break;
    case 'ref':
      patBindings(p.pat, out);
      break;
    default:
      break;
  }
  return out;
}
