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
 * record; the receiver is moved before the argument is evaluated, as rustc orders a call).
 * `body` gets `take(loc, noneMessage)` otherwise.
 */
function unwrapping(x: MethodRun, body: (take: (loc: Loc, noneMessage: string) => RValue) => Ev): Ev {
  const { k, e, line } = x;
  const name = e.name;
  const copy = isCopyTy(e.ty!, k.prog);
  if (!copy && k.isPlace(e.recv)) {
    // A captured variable is reached through its closure's environment.
    const captured = e.recv.k === 'name' && e.recv.binding?.capture !== undefined ? k.place(e.recv, false) : undefined;
    if (e.recv.k === 'name' && e.recv.binding) k.checks.useLocal(e.recv.binding, e.recv.pos, true);
    else k.subset(e.pos, `${name} moving out of a field is not supported yet`, 'call_expression');
    const slot = (e.recv as { binding: Binding }).binding.slot;
    const arg = name === 'unwrap_or' ? x.arg(0) : name === 'expect' ? x.operand(0) : undefined;
    return (a: Act) => {
      const o = (captured ? captured(a).take() : x.rt.m.moveOut(a.slots[slot]!)) as OptionValue;
      const av = arg?.(a);
      if (name === 'unwrap_or') {
        // `match self { Some(x) => x, None => default }`: the unused default drops at its end.
        if (o.variant === 'None') return av!;
        x.rt.m.dropValue(av!);
        return o.fields[0]!;
      }
      if (o.variant === 'None') throw new RustPanic(name === 'expect' ? textOf(av!) : NONE_UNWRAP, line);
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
