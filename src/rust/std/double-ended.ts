/**
 * Which iterators std lets `.rev()` walk from the back: `DoubleEndedIterator`, and for
 * `enumerate` / `skip` / `take` / `zip` also `ExactSizeIterator` (their back end is counted from
 * the length). `split` by a `&str` pattern is not double-ended (its searcher only goes forward;
 * by a char it is), nor are `(a..)`, `take_while`, `skip_while`, `cycle` or a `filter`ed count.
 * Each answer is `false` only when std's impls say no; a type this module does not know is
 * `undefined`, and only a definite no is reported (rustc's E0277).
 */
import { prune, type TypeVar } from '../check/types';

/** Integer types whose `Range` is an ExactSizeIterator (not the 64- and 128-bit ones). */
const EXACT_RANGE = new Set(['u8', 'u16', 'u32', 'usize', 'i8', 'i16', 'i32', 'isize']);

/** Whether an iterator of type `t` is a DoubleEndedIterator. */
export function doubleEnded(t: TypeVar): boolean | undefined {
  const p = prune(t);
  if (p.k !== 'con') return undefined;
  const inner = p.args[1];
  switch (p.c) {
    case 'Iter':
    case 'Chars':
    case 'Bytes':
    case 'Range':
    case 'iter:IterMut':
    case 'iter:IntoIter':
    case 'iter:SplitWhitespace':
    case 'iter:Lines':
      return true;
    case 'iter:Split': {
      // The pattern's type is the last part: a `&str` pattern searches forward only.
      const pat = prune(p.args[p.args.length - 1]!);
      return !(pat.k === 'con' && pat.c === 'ref');
    }
    case 'iter:RangeFrom':
    case 'iter:Cycle':
    case 'iter:TakeWhile':
    case 'iter:SkipWhile':
      return false;
    case 'iter:Map':
    case 'iter:Filter':
    case 'iter:FilterMap':
    case 'iter:Rev':
    case 'iter:Cloned':
      return doubleEnded(inner!);
    case 'Enumerate':
      return both(doubleEnded(p.args[0]!), exactSize(p.args[0]!));
    case 'iter:Skip':
    case 'iter:Take':
      return both(doubleEnded(inner!), exactSize(inner!));
    case 'iter:Zip':
      return both(both(doubleEnded(inner!), exactSize(inner!)), both(doubleEnded(p.args[2]!), exactSize(p.args[2]!)));
    case 'iter:Chain':
      return both(doubleEnded(inner!), doubleEnded(p.args[2]!));
    default:
      return undefined;
  }
}

/** Whether an iterator of type `t` is an ExactSizeIterator (knows its length). */
export function exactSize(t: TypeVar): boolean | undefined {
  const p = prune(t);
  if (p.k !== 'con') return undefined;
  const inner = p.args[1];
  switch (p.c) {
    case 'Iter':
    case 'Bytes':
    case 'iter:IterMut':
    case 'iter:IntoIter':
      return true;
    case 'Range': {
      const n = prune(p.args[0]!);
      // An integer literal's range defaults to i32's.
      return n.k === 'var' ? true : EXACT_RANGE.has(n.c);
    }
    case 'Chars':
    case 'iter:Split':
    case 'iter:SplitWhitespace':
    case 'iter:Lines':
    case 'iter:RangeFrom':
    case 'iter:Cycle':
    case 'iter:TakeWhile':
    case 'iter:SkipWhile':
    case 'iter:Filter':
    case 'iter:FilterMap':
    case 'iter:Chain':
      return false;
    case 'iter:Map':
    case 'iter:Rev':
    case 'iter:Cloned':
    case 'iter:Skip':
    case 'iter:Take':
      return exactSize(inner!);
    case 'Enumerate':
      return exactSize(p.args[0]!);
    case 'iter:Zip':
      return both(exactSize(inner!), exactSize(p.args[2]!));
    default:
      return undefined;
  }
}

/** `a && b` where an unknown (`undefined`) stays unknown unless the other is a definite no. */
function both(a: boolean | undefined, b: boolean | undefined): boolean | undefined {
  if (a === false || b === false) return false;
  return a === undefined || b === undefined ? undefined : true;
}
