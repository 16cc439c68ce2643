/**
 * The std table: every entry of std/*.ts by receiver and name (methods) or by path (associated
 * functions). Inference and the compiler look entries up here and nowhere else.
 */
import { STD_METHOD_NAMES } from './std-method-names';
import { conName, INT_NAMES, isGuard, prune } from '../check/types';
import type { Expr, Notes, Program } from '../syntax/ast';
import { numberMethods } from './numbers';
import { optionMethods } from './option';
import { pointerFns, pointerMethods } from './pointers';
import { stringFns, stringMethods } from './string';
import type { Recv, StdConst, StdFn, StdMethod } from './table';
import { vecFns, vecMethods } from './vec';
import { cellFns, cellMethods } from './cell';
import { memFns } from './mem';
import { processFns } from './process';
import { vecDequeFns, vecDequeMethods } from './vec-deque';
import { hashFns, hashMethods } from './hashmap';
import { mapEntryMethods } from './map-entry';
import { hashSetOpMethods } from './hash-set-ops';
import { bTreeFns, bTreeMethods } from './btreemap';
import { sliceMethods } from './slice';
import { reorderMethods } from './reorder';
import { vecGrowMethods } from './vec-grow';
import { vecRetainMethods } from './vec-retain';
import { combinatorMethods } from './combinators';
import { iteratorMethods } from './iterators';
import { sortByMethods } from './sort-by';
import { orderingMethods } from './ordering';
import { parseMethods } from './parse';
import { splitMethods } from './str-split';
import { patternMethods } from './str-pattern';
import { charMethods } from './chars';
import { netConsts, netFns, netMethods } from './net';
import { fromFns } from './convert';
import { optionFillMethods } from './option-fill';
import { partitionMethods } from './iter-partition';
import { sliceWindowMethods } from './slice-windows';

export type { FnRun, FnTyping, MethodRun, MethodTyping, Recv, StdConst, StdFn, StdMethod } from './table';

const methods = new Map<string, StdMethod>();
for (const m of [...stringMethods, ...vecMethods, ...sliceMethods, ...reorderMethods, ...sortByMethods, ...orderingMethods, ...vecGrowMethods, ...vecRetainMethods, ...hashMethods, ...mapEntryMethods, ...hashSetOpMethods, ...optionMethods, ...numberMethods, ...pointerMethods, ...cellMethods, ...combinatorMethods, ...iteratorMethods, ...vecDequeMethods, ...bTreeMethods, ...parseMethods, ...splitMethods, ...patternMethods, ...charMethods, ...netMethods, ...optionFillMethods, ...partitionMethods, ...sliceWindowMethods]) {
  for (const on of m.on) {
    const key = `${on}.${m.name}`;
    if (methods.has(key)) throw new Error(`std table: two entries for ${key}`);
    methods.set(key, m);
  }
}

const fns = new Map<string, StdFn>();
for (const f of [...stringFns, ...vecFns, ...pointerFns, ...memFns, ...cellFns, ...hashFns, ...processFns, ...vecDequeFns, ...bTreeFns, ...netFns, ...fromFns]) {
  if (fns.has(f.path)) throw new Error(`std table: two entries for ${f.path}`);
  fns.set(f.path, f);
}

/** std items outside the prelude: a call through them needs their `use` or the full `std::` path. */
const NOT_PRELUDE = new Set(['HashMap', 'HashSet', 'mem', 'Cell', 'RefCell', 'Weak', 'process', 'VecDeque', 'BTreeMap', 'BTreeSet', 'Ipv4Addr']);

/** The entry kind of a receiver type's constructor (`i64` → `int`), or undefined for user types. */
export function recvOf(c: string): Recv | undefined {
  if (INT_NAMES.has(c)) return 'int';
  if (c === 'f32' || c === 'f64') return 'float';
  // std's Ordering (added to every program that does not declare its own, std/compare.ts).
  if (c === 'adt:Ordering') return 'Ordering';
  // std::net's Ipv4Addr (added to a program that names it, std/net.ts).
  if (c === 'adt:Ipv4Addr') return 'Ipv4Addr';
  if (c === 'Range' || c === 'Enumerate' || c === 'MapIter' || c === 'Keys' || c === 'Values' || c.startsWith('iter:')) return 'Iterator';
  return RECVS.has(c) ? (c as Recv) : undefined;
}
const RECVS = new Set<string>(['String', 'str', 'Vec', 'Array', 'slice', 'HashMap', 'HashSet', 'Entry', 'Option', 'Result', 'char', 'bool', 'Box', 'Rc', 'Chars', 'Bytes', 'Iter', 'Cell', 'RefCell', 'Weak', 'VecDeque', 'BTreeMap', 'BTreeSet']);

export function stdMethod(recv: Recv | undefined, name: string): StdMethod | undefined {
  if (!recv) return undefined;
  // Slice iterators and chars are iterators too: what they lack of their own, Iterator has.
  return methods.get(`${recv}.${name}`) ?? (recv === 'Iter' || recv === 'Chars' || recv === 'Bytes' ? methods.get(`Iterator.${name}`) : undefined);
}

/**
 * The entry a call names: `String::from`, `mem::swap`, or a name imported from std
 * (`use std::mem::swap;` then `swap(..)`; `stdNames` maps it to its full path).
 */
export function stdFn(path: string, stdNames?: ReadonlyMap<string, string>): StdFn | undefined {
  // `HashMap::new`, `mem::swap`, `Cell::new` need their `use` (rustc's E0433 without).
  const head = path.split('::')[0]!;
  if (stdNames && NOT_PRELUDE.has(head) && !stdNames.has(head)) return undefined;
  const direct = fns.get(path);
  if (direct || !stdNames) return direct;
  const full = stdNames.get(path);
  return full === undefined ? undefined : fns.get(full.split('::').slice(-2).join('::'));
}

const consts = new Map<string, StdConst>(netConsts.map((c) => [c.path, c]));

/** The associated constant a path names (`Ipv4Addr::LOCALHOST`; its type imported or spelled out). */
export function stdConst(segs: readonly string[], stdNames: ReadonlyMap<string, string>): StdConst | undefined {
  if (segs.length !== 2 || (NOT_PRELUDE.has(segs[0]!) && !stdNames.has(segs[0]!))) return undefined;
  return consts.get(segs.join('::'));
}

/** std types the table has only some methods of: any other method on them is "not supported yet", not rustc's E0599. */
export const PARTLY_MODELLED = new Set(['VecDeque', 'BTreeMap', 'BTreeSet']);

/** Methods std has on String, str, Vec, slices, Option and numbers that the subset does not run (yet). */
export const UNSUPPORTED_METHODS = new Set(
  ('copied cloned sort sort_unstable sort_by sort_by_key reverse iter_mut into_iter extend append drain split_off first last get get_mut swap dedup ' +
    'retain join concat char_indices splitn rsplit rsplitn split_terminator split_inclusive split_ascii_whitespace split_once rsplit_once matches match_indices rmatches strip_prefix strip_suffix ' +
    'eq_ignore_ascii_case to_ascii_uppercase to_ascii_lowercase make_ascii_uppercase make_ascii_lowercase is_char_boundary escape_debug escape_default replacen replace_range into_boxed_str trim to_uppercase to_lowercase replace ' +
    'repeat insert_str remove truncate split_at binary_search windows chunks map filter collect fold any all position ' +
    'enumerate zip rev take skip count max_by min_by sum product from_digit is_ascii ' +
    'overflowing_add abs_diff signum ' +
    'rem_euclid div_euclid trailing_zeros leading_zeros count_ones is_positive is_negative to_be to_le as_ptr as_slice ' +
    'as_mut_slice into_boxed_slice into_bytes leak map_or and_then ok_or take replace as_ref as_mut unwrap_or_default unwrap_or_else ' +
    'try_borrow try_borrow_mut into_inner get_mut update ptr_eq new_cyclic ' +
    'iter filter_map flat_map step_by peekable find_map ln log10 log2 exp sin cos tan atan2 hypot trunc fract mul_add to_radians to_degrees clamp')
    .split(' '),
);

/**
 * Whether std has a method `name` on the type `c` (a con name), per std's own documentation
 * (std-method-names.ts): such a call outside the subset is "not supported yet", while a name std
 * lacks is rustc's E0599. A type the table does not know is asked of every receiver's names.
 */
export function stdHasMethod(c: string, name: string): boolean {
  if (!stdNameSets) {
    stdNameSets = new Map(Object.entries(STD_METHOD_NAMES).map(([recv, names]) => [recv, new Set(names.split(' '))]));
    stdNameSets.set('*', new Set(Object.values(STD_METHOD_NAMES).join(' ').split(' ')));
  }
  return !!stdNameSets.get(recvOf(c) ?? '*')?.has(name);
}
let stdNameSets: Map<string, Set<string>> | undefined;

/** Whether the method call `e` takes `&mut self`: std's entry says `mutates`; a program's method says so in its first parameter. */
export function takesMutSelf(prog: Program, e: Expr & { k: 'method' }): boolean {
  const user = (e as Notes).userMethod;
  if (user) {
    const self = prog.fns.get(user)?.params[0]?.ty;
    return self?.kind === 'ref' && self.mutable;
  }
  let t = prune(e.recv.ty!);
  while (t.k === 'con' && (t.c === 'ref' || isGuard(t) || t.c === 'Box' || t.c === 'Rc')) t = prune(t.args[0]!);
  return !!stdMethod(recvOf(conName(t)), e.name)?.mutates;
}
