/**
 * `std::cmp::Ordering`'s own methods (the value comparisons and sorts return): `reverse`, `then`,
 * `is_lt` and its kin, `clone`. Ordering is Copy, so each reads its receiver where it is.
 */
import type { RValue } from '../../engine/memory/rvalue';
import { BOOL } from '../check/types';
import { bool } from '../run/values';
import { orderingValue, ORDERING_TY } from './compare';
import type { StdMethod } from './table';

const sign = (v: RValue) => ({ Less: -1, Equal: 0, Greater: 1 })[(v as { variant: 'Less' | 'Equal' | 'Greater' }).variant];

const TESTS: [string, (c: number) => boolean][] = [
  ['is_lt', (c) => c < 0],
  ['is_le', (c) => c <= 0],
  ['is_gt', (c) => c > 0],
  ['is_ge', (c) => c >= 0],
  ['is_eq', (c) => c === 0],
  ['is_ne', (c) => c !== 0],
];

export const orderingMethods: StdMethod[] = [
  {
    name: 'reverse',
    on: ['Ordering'],
    type: (x) => x.noArgs(ORDERING_TY),
    run: (x) => (a) => orderingValue(-sign(x.place(a).get())),
  },
  {
    name: 'clone',
    on: ['Ordering'],
    type: (x) => x.noArgs(ORDERING_TY),
    run: (x) => (a) => orderingValue(sign(x.place(a).get())),
  },
  {
    // `a.then(b)`: a unless it is Equal (b is evaluated either way: it is an argument).
    name: 'then',
    on: ['Ordering'],
    type: (x) => x.oneArg(ORDERING_TY, ORDERING_TY),
    run: (x) => {
      const other = x.arg(0);
      return (a) => {
        const self = x.place(a).get();
        const b = other(a);
        return sign(self) === 0 ? b : orderingValue(sign(self));
      };
    },
  },
  ...TESTS.map(([name, test]): StdMethod => ({
    name,
    on: ['Ordering'],
    type: (x) => x.noArgs(BOOL),
    run: (x) => (a) => bool(test(sign(x.place(a).get()))),
  })),
];
