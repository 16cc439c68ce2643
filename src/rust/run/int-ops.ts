/**
 * Integer arithmetic on scalars for the compiled closures' hot paths: each operator is its own
 * function literal with the number case inline, so V8 sees one operator per call site (it inlines
 * it) rather than one shared closure calling whichever operator (a megamorphic call). The
 * semantics, overflow and division panics included, are intOp's (values.ts); its BigInt
 * cases are the fallback.
 */
import type { Ty } from '../../engine/layout/types';
import type { Act } from './context';
import { type IntInfo, type Scalar, intOp } from './values';

type Operand = (a: Act) => Scalar;

/** `x op y` on two scalars of type `ty`. */
export function intScalarOp(op: string, t: IntInfo, ty: Ty, line: () => number): (x: Scalar, y: Scalar) => Scalar {
  const f = intOp(op, t, line);
  const { minN, maxN } = t;
  switch (op) {
    case '+':
      return (x, y) => {
        const a = x.v;
        const b = y.v;
        if (typeof a === 'number' && typeof b === 'number') {
          const r = a + b;
          if (r >= minN && r <= maxN) return { tag: 'scalar', ty, v: r };
        }
        return { tag: 'scalar', ty, v: f(a as number, b as number) };
      };
    case '-':
      return (x, y) => {
        const a = x.v;
        const b = y.v;
        if (typeof a === 'number' && typeof b === 'number') {
          const r = a - b;
          if (r >= minN && r <= maxN) return { tag: 'scalar', ty, v: r };
        }
        return { tag: 'scalar', ty, v: f(a as number, b as number) };
      };
    default:
      return (x, y) => ({ tag: 'scalar', ty, v: f(x.v as number, y.v as number) });
  }
}

/**
 * The expression `l op r` for integers, the operands evaluated left to right. A right operand
 * that is a literal (`n - 1`, `i % 7`) is read once, at compile time.
 */
export function intBinary(op: string, t: IntInfo, ty: Ty, line: () => number, l: Operand, r: Operand, constant: Scalar | undefined): (a: Act) => Scalar {
  const f = intOp(op, t, line);
  const { minN, maxN } = t;
  const c = constant && typeof constant.v === 'number' ? constant.v : undefined;
  switch (op) {
    case '+':
      if (c !== undefined) {
        return (a) => {
          const x = l(a).v;
          if (typeof x === 'number') {
            const v = x + c;
            if (v >= minN && v <= maxN) return { tag: 'scalar', ty, v };
          }
          return { tag: 'scalar', ty, v: f(x as number, c) };
        };
      }
      return (a) => {
        const x = l(a).v;
        const y = r(a).v;
        if (typeof x === 'number' && typeof y === 'number') {
          const v = x + y;
          if (v >= minN && v <= maxN) return { tag: 'scalar', ty, v };
        }
        return { tag: 'scalar', ty, v: f(x as number, y as number) };
      };
    case '-':
      if (c !== undefined) {
        return (a) => {
          const x = l(a).v;
          if (typeof x === 'number') {
            const v = x - c;
            if (v >= minN && v <= maxN) return { tag: 'scalar', ty, v };
          }
          return { tag: 'scalar', ty, v: f(x as number, c) };
        };
      }
      return (a) => {
        const x = l(a).v;
        const y = r(a).v;
        if (typeof x === 'number' && typeof y === 'number') {
          const v = x - y;
          if (v >= minN && v <= maxN) return { tag: 'scalar', ty, v };
        }
        return { tag: 'scalar', ty, v: f(x as number, y as number) };
      };
    case '*':
      return (a) => {
        const x = l(a).v;
        const y = r(a).v;
        if (typeof x === 'number' && typeof y === 'number') {
          const v = x * y;
          if (v >= minN && v <= maxN && Number.isSafeInteger(v)) return { tag: 'scalar', ty, v };
        }
        return { tag: 'scalar', ty, v: f(x as number, y as number) };
      };
    case '%':
      if (c !== undefined && c > 0) {
        // Non-negative by a positive literal (most remainders): exact in doubles, no sign rules.
        return (a) => {
          const x = l(a).v;
          if (typeof x === 'number' && x >= 0) return { tag: 'scalar', ty, v: x % c };
          return { tag: 'scalar', ty, v: f(x as number, c) };
        };
      }
      return (a) => {
        const x = l(a).v;
        const y = r(a).v;
        return { tag: 'scalar', ty, v: f(x as number, y as number) };
      };
    default:
      return (a) => {
        const x = l(a).v;
        const y = r(a).v;
        return { tag: 'scalar', ty, v: f(x as number, y as number) };
      };
  }
}
