/** `Option<T>`'s methods, one entry each (`Some`/`None` themselves are variants, built by the compiler). */
import type { RValue } from '../../engine/memory/rvalue';
import { BOOL } from '../check/types';
import { isCopyTy, type Act, type Ev } from '../run/context';
import { bool, copyOf, deref, textOf, UNIT_V, type Loc } from '../run/values';
import { RustPanic } from '../errors';
import type { Binding } from '../syntax/ast';
import type { MethodRun, StdMethod } from './table';

type OptionValue = Extract<RValue, { tag: 'enum' }>;
const opt = (loc: Loc) => deref(loc.get()) as OptionValue;
const NONE_UNWRAP = 'called `Option::unwrap()` on a `None` value';

/**
 * `unwrap`, `expect`, `unwrap_or` take the Some's value out: a Copy value is copied, a temporary
 * gives its value up, a variable holding a non-Copy value is moved from whole (a move the checks
 * record; then the arguments are not evaluated). `body` gets `take(loc, noneMessage)` otherwise.
 */
function unwrapping(x: MethodRun, body: (take: (loc: Loc, noneMessage: string) => RValue) => Ev): Ev {
  const { k, e, line } = x;
  const name = e.name;
  const copy = isCopyTy(e.ty!, k.prog);
  if (!copy && k.isPlace(e.recv)) {
    if (e.recv.k === 'name' && e.recv.binding) k.checks.useLocal(e.recv.binding, e.recv.pos, true);
    else k.subset(e.pos, `${name} moving out of a field is not supported yet`, 'call_expression');
    const slot = (e.recv as { binding: Binding }).binding.slot;
    return (a: Act) => {
      const o = x.rt.m.moveOut(a.slots[slot]!) as OptionValue;
      if (o.variant === 'None') throw new RustPanic(name === 'unwrap' ? NONE_UNWRAP : 'Option::expect failed', line);
      return o.fields[0]!;
    };
  }
  return body((loc, noneMessage) => {
    const o = opt(loc);
    if (o.variant === 'None') throw new RustPanic(noneMessage, line);
    if (copy) return copyOf(o.fields[0]!);
    const v = o.fields[0]!;
    o.fields[0] = UNIT_V;
    return v;
  });
}

export const optionMethods: StdMethod[] = [
  {
    name: 'unwrap',
    on: ['Option'],
    type: (x) => x.noArgs(x.recv.args[0]!),
    run: (x) => unwrapping(x, (take) => (a) => take(x.place(a), NONE_UNWRAP)),
  },
  {
    name: 'expect',
    on: ['Option'],
    type: (x) => x.textArg(x.recv.args[0]!),
    run: (x) =>
      unwrapping(x, (take) => {
        const msg = x.operand(0);
        return (a) => {
          const loc = x.place(a);
          return take(loc, textOf(msg(a)));
        };
      }),
  },
  {
    name: 'unwrap_or',
    on: ['Option'],
    type: (x) => x.oneArg(x.recv.args[0]!, x.recv.args[0]!),
    run: (x) =>
      unwrapping(x, (take) => {
        const d = x.arg(0);
        return (a) => {
          const loc = x.place(a);
          const dv = d(a);
          if (opt(loc).variant === 'None') return dv;
          x.rt.m.dropValue(dv);
          return take(loc, '');
        };
      }),
  },
  {
    name: 'is_some',
    on: ['Option'],
    type: (x) => x.noArgs(BOOL),
    run: (x) => (a) => bool(opt(x.place(a)).variant === 'Some'),
  },
  {
    name: 'is_none',
    on: ['Option'],
    type: (x) => x.noArgs(BOOL),
    run: (x) => (a) => bool(opt(x.place(a)).variant === 'None'),
  },
];
