/**
 * Which iterator chains `.rev()` accepts (std/double-ended.ts), each case as rustc 1.95 judged it
 * (E0277 where it says `DoubleEndedIterator` or `ExactSizeIterator` is not implemented).
 */
import { con, refTo, STR_REF, USIZE, type TypeVar } from '../../src/rust/check/types';
import { doubleEnded } from '../../src/rust/std/double-ended';

const iter = con('Iter', con('i32'));
const chars = con('Chars');
const range = (n: string) => con('Range', con(n));
const split = (pattern: TypeVar) => con('iter:Split', STR_REF, STR_REF, USIZE, USIZE, pattern);
const closure = con('adt:{closure@1:1}');
const item = refTo(con('i32'), false);

test.each([
  ['v.iter()', iter, true],
  ['v.iter().enumerate()', con('Enumerate', iter), true],
  ['s.chars().enumerate()', con('Enumerate', chars), false],
  ['(0..5u64).enumerate()', con('Enumerate', range('u64')), false],
  ['(0..5).take(2)', con('iter:Take', con('i32'), range('i32'), USIZE), true],
  ['(0..5i64).skip(1)', con('iter:Skip', con('i64'), range('i64'), USIZE), false],
  ['s.chars().skip(1)', con('iter:Skip', con('char'), chars, USIZE), false],
  ["s.split(' ')", split(con('char')), true],
  ['s.split(" ")', split(STR_REF), false],
  ['s.split(" ").map(..)', con('iter:Map', USIZE, split(STR_REF), closure), false],
  ['v.iter().filter(..)', con('iter:Filter', item, iter, closure), true],
  ['v.iter().filter(..).enumerate()', con('Enumerate', con('iter:Filter', item, iter, closure)), false],
  ['v.iter().zip(w.iter())', con('iter:Zip', con('tuple', item, item), iter, iter), true],
  ['v.iter().zip(s.chars())', con('iter:Zip', con('tuple', item, con('char')), iter, chars), false],
  ['v.iter().chain(w.iter())', con('iter:Chain', item, iter, iter), true],
  ['v.iter().chain(w.iter()).enumerate()', con('Enumerate', con('iter:Chain', item, iter, iter)), false],
  ['(0..).take(3)', con('iter:Take', con('i32'), con('iter:RangeFrom', con('i32'), con('i32')), USIZE), false],
  ['v.iter().take_while(..)', con('iter:TakeWhile', item, iter, closure, con('bool')), false],
] as const)('%s: double-ended is %s', (_, t, want) => {
  expect(doubleEnded(t)).toBe(want);
});

test('a type it does not know is not judged', () => {
  expect(doubleEnded(con('adt:Counter'))).toBeUndefined();
});
