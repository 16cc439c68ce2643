/**
 * `Cell`, `RefCell` and Rc's `Weak`: associated functions and methods, one entry each. A RefCell
 * is a struct value with its borrow flag as a field (engine/std/cell.ts); `borrow()` and
 * `borrow_mut()` make guards (`Ref`, `RefMut`) that point at the value and at the flag, raise
 * the flag, and lower it again when dropped; a conflicting borrow panics as std does.
 */
import type { Machine } from '../../engine/memory/machine';
import type { RValue, WeakValue } from '../../engine/memory/rvalue';
import type { Ty } from '../../engine/layout/types';
import { BORROW, cellNew, ISIZE, refCellNew, VALUE } from '../../engine/std/cell';
import { rcDowngrade, weakCount, weakUpgrade } from '../../engine/std/pointers';
import { cloneValue } from '../../engine/std/clone';
import { con, prune, UNIT, USIZE, type TypeVar } from '../check/types';
import { RustPanic } from '../errors';
import { deref, FieldLoc, type Loc, makeRef, option, type RefValue, scalar, UNIT_V, USIZE_TY } from '../run/values';
import { rcArg } from './pointers';
import type { FnTyping, MethodRun, StdFn, StdMethod } from './table';

type Struct = Extract<RValue, { tag: 'struct' }>;
type RcValue = Extract<RValue, { tag: 'rc' }>;

const ISIZE_REF: Ty = { kind: 'ref', mutable: false, to: ISIZE };

/** The place a guard points at (what `*guard` is). */
export function guardTarget(guard: RValue): Loc {
  return ((guard as Struct).fields[0] as RefValue).loc;
}

function flagOf(cell: Loc): number {
  return Number(((cell.get() as Struct).fields[BORROW] as { v: number }).v);
}

function setFlag(m: Machine, cell: Loc, n: number): void {
  new FieldLoc(m, cell, BORROW).set(scalar(ISIZE, n));
}

/** Dropping a guard gives its borrow back (the engine's drop glue calls this). */
function installGuardDrops(m: Machine): void {
  if (m.dropHooks.has('RefMut')) return;
  const release = (delta: number) => (guard: RValue) => {
    const flag = ((guard as Struct).fields[1] as RefValue).loc;
    flag.set(scalar(ISIZE, Number((flag.get() as { v: number }).v) + delta));
  };
  m.dropHooks.set('Ref', release(-1));
  m.dropHooks.set('RefMut', release(+1));
}

/** The error a `try_borrow` / `try_borrow_mut` gives: std's zero-sized `BorrowError` / `BorrowMutError`. */
const borrowError = (mutable: boolean): RValue => ({ tag: 'struct', ty: UNIT_TY, name: mutable ? 'BorrowMutError' : 'BorrowError', fieldNames: [], fields: [] });
const UNIT_TY: Ty = { kind: 'unit' };

/**
 * `cell.borrow()` / `borrow_mut()`: a guard, after std's check of the flag (a conflict panics);
 * `try_borrow()` / `try_borrow_mut()`: `Ok(guard)`, or `Err(BorrowError)` / `Err(BorrowMutError)`.
 */
function borrowEntry(name: 'borrow' | 'borrow_mut' | 'try_borrow' | 'try_borrow_mut'): StdMethod {
  const mutable = name.endsWith('borrow_mut');
  const tried = name.startsWith('try_');
  const guard = mutable ? 'RefMut' : 'Ref';
  return {
    name,
    on: ['RefCell'],
    type: (x) => {
      const g = con(guard, x.recv.args[0]!);
      return x.noArgs(tried ? con('Result', g, con(mutable ? 'BorrowMutError' : 'BorrowError')) : g);
    },
    run: (x: MethodRun) => {
      const m = x.rt.m;
      const ty = tried ? (x.ty as Extract<Ty, { kind: 'result' }>).ok : x.ty;
      const inner = (ty as { args: Ty[] }).args[0]!;
      const valueRef: Ty = { kind: 'ref', mutable, to: inner };
      const result = (variant: 'Ok' | 'Err', v: RValue): RValue => ({ tag: 'enum', ty: x.ty, name: 'Result', variant, fieldNames: ['0'], fields: [v] });
      return (a) => {
        installGuardDrops(m);
        const cell = x.place(a);
        const flag = flagOf(cell);
        if (mutable ? flag !== 0 : flag < 0) {
          if (tried) return result('Err', borrowError(mutable));
          throw new RustPanic(mutable ? 'RefCell already borrowed' : 'RefCell already mutably borrowed', x.line);
        }
        setFlag(m, cell, mutable ? -1 : flag + 1);
        const g: RValue = {
          tag: 'struct', ty, name: guard, fieldNames: ['value', 'borrow'],
          fields: [makeRef(valueRef, new FieldLoc(m, cell, VALUE)), makeRef(ISIZE_REF, new FieldLoc(m, cell, BORROW))],
        };
        return tried ? result('Ok', g) : g;
      };
    },
  };
}

export const cellFns: StdFn[] = [
  {
    path: 'Cell::new',
    type: (x) => (x.argCount(1), con('Cell', x.args()[0]!)),
    run: (x) => {
      const v = x.arg(0);
      return (a) => cellNew(v(a));
    },
  },
  {
    path: 'RefCell::new',
    type: (x) => (x.argCount(1), con('RefCell', x.args()[0]!)),
    run: (x) => {
      const v = x.arg(0);
      return (a) => refCellNew(v(a));
    },
  },
  {
    path: 'Rc::downgrade',
    type: (x) => con('Weak', (rcArg(x) as { args: TypeVar[] }).args[0]!),
    run: (x) => {
      const r = x.operand(0);
      return (a) => rcDowngrade(x.rt.m, deref(r(a)) as RcValue);
    },
  },
  {
    // `Weak::new()`: no RcBox behind it (std's dangling pointer), so nothing to upgrade to.
    path: 'Weak::new',
    type: (x) => (x.argCount(0), con('Weak', x.fresh())),
    run: (x) => () => ({ tag: 'weak', ty: x.ty, cell: { block: null, strong: 0, weak: 1, inner: UNIT_V } }),
  },
  {
    path: 'Rc::weak_count',
    type: (x) => (rcArg(x), USIZE),
    run: (x) => {
      const r = x.operand(0);
      return (a) => scalar(USIZE_TY, weakCount(deref(r(a)) as RcValue));
    },
  },
];

/** The value inside a Cell or RefCell, by place. */
const valueLoc = (x: MethodRun, a: Parameters<MethodRun['place']>[0]) => new FieldLoc(x.rt.m, x.place(a), (x.place(a).get() as Struct).name === 'RefCell' ? VALUE : 0);

export const cellMethods: StdMethod[] = [
  borrowEntry('borrow'),
  borrowEntry('borrow_mut'),
  borrowEntry('try_borrow'),
  borrowEntry('try_borrow_mut'),
  {
    // `into_inner(self)`: the value moves out; the cell (a value, no heap of its own) is gone.
    name: 'into_inner',
    on: ['Cell', 'RefCell'],
    ownRecv: true,
    type: (x) => x.noArgs(x.recv.args[0]!),
    run: (x) => {
      const cell = x.k.value(x.e.recv);
      const at = x.recv.c === 'RefCell' ? VALUE : 0;
      return (a) => (cell(a) as Struct).fields[at]!;
    },
  },
  {
    name: 'get',
    on: ['Cell'],
    type: (x) => x.noArgs(x.recv.args[0]!),
    run: (x) => (a) => valueLoc(x, a).get(),
  },
  {
    name: 'set',
    on: ['Cell'],
    type: (x) => x.oneArg(x.recv.args[0]!, UNIT),
    run: (x) => {
      const v = x.arg(0);
      return (a) => {
        const value = v(a);
        valueLoc(x, a).set(value);
        return UNIT_V;
      };
    },
  },
  {
    // `replace` on Cell and RefCell: the new value in, the old one out (a RefCell must not be borrowed).
    name: 'replace',
    on: ['Cell', 'RefCell'],
    type: (x) => x.oneArg(x.recv.args[0]!, x.recv.args[0]!),
    run: (x) => {
      const v = x.arg(0);
      return (a) => {
        const value = v(a);
        const cell = x.place(a);
        if ((cell.get() as Struct).name === 'RefCell' && flagOf(cell) !== 0) throw new RustPanic('RefCell already borrowed', x.line);
        const loc = valueLoc(x, a);
        const old = loc.take();
        loc.set(value);
        return old;
      };
    },
  },
  {
    name: 'upgrade',
    on: ['Weak'],
    type: (x) => x.noArgs(con('Option', con('Rc', x.recv.args[0]!))),
    run: (x) => (a) => option(x.ty, weakUpgrade(x.rt.m, deref(x.place(a).get()) as WeakValue)),
  },
  {
    name: 'clone',
    on: ['Weak'],
    type: (x) => x.noArgs(x.recv),
    run: (x) => (a) => cloneValue(x.rt.m, deref(x.place(a).get())),
  },
];

