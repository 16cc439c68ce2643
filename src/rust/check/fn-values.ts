/**
 * A program's fn used as a value (`opt.and_then(have_recipe)`, `v.iter().map(double)`): rustc
 * gives it a zero-sized fn item type that implements the closure traits. The subset rewrites the
 * name in place into the closure `|a0, a1| f(a0, a1)`, which captures nothing, so it is
 * zero-sized too and is called just as the fn item would be (one extra frame: the closure's).
 * A generic fn named as a value is "not supported yet".
 */
import { RustSubsetError } from '../errors';
import type { Expr, Program } from '../syntax/ast';
import { stdFn, stdMethod, type Recv } from '../std/index';
import { INT_NAMES } from './types';

/** std's constructors that take one argument, as values: `String::from`, `i64::from`, `Box::new`, `Rc::new`. */
const STD_UNARY = /^([A-Za-z0-9_]+::from|(Box|Rc|Cell|RefCell)::new)$/;
/** std's empty collections, as values: `.get_or_insert_with(Vec::new)`, `.or_insert_with(String::new)`. */
const STD_NULLARY = /^(Vec|String|HashMap|HashSet|VecDeque|BTreeMap|BTreeSet)::new$/;

/** How many arguments the fn or tuple constructor `e` names takes, or undefined when it names neither. */
function arity(prog: Program, e: Expr): number | undefined {
  if (e.k === 'name') {
    const fn = prog.fns.get(e.name);
    if (fn) {
      if (fn.generics) throw new RustSubsetError(`the generic fn \`${e.name}\` as a value is not supported yet (write a closure calling it)`, e.pos.line, e.pos.col, 'identifier');
      return fn.params.length;
    }
    if (e.name === 'Some' || e.name === 'Ok' || e.name === 'Err') return 1;
    const s = prog.structs.get(e.name);
    if (s?.fields.length && s.fields[0]!.name === '0') return s.fields.length;
    return undefined;
  }
  if (e.k === 'path' && e.segs.length === 2) {
    const v = prog.enums.get(e.segs[0]!)?.variants.find((x) => x.name === e.segs[1]);
    const fields = (v as { fields?: { name: string }[] } | undefined)?.fields;
    if (fields?.length && fields[0]!.name === '0') return fields.length;
    // An associated fn of the program's (`.map_err(ParseError::from_int)`), or one of std's one-argument constructors (`.map(String::from)`).
    const path = e.segs.join('::');
    const fn = prog.fns.get(path);
    if (fn) {
      if (fn.generics) throw new RustSubsetError(`the generic fn \`${path}\` as a value is not supported yet (write a closure calling it)`, e.pos.line, e.pos.col, 'scoped_identifier');
      return fn.params.length;
    }
    if (STD_UNARY.test(path) && stdFn(path, prog.stdNames)) return 1;
    if (STD_NULLARY.test(path) && stdFn(path, prog.stdNames)) return 0;
  }
  return undefined;
}

/** Std types whose methods taking only `self` may be named as values (`.map(Result::unwrap)`, `.filter(Option::is_some)`). */
const STD_RECEIVERS: Record<string, Recv> = { Option: 'Option', Result: 'Result', String: 'String', str: 'str', char: 'char', Vec: 'Vec' };

/** The method a path `Type::method` names when Type is a std type and the table has the method. */
function stdMethodPath(prog: Program, e: Expr): string | undefined {
  if (e.k !== 'path' || e.segs.length !== 2 || prog.fns.has(e.segs.join('::'))) return undefined;
  const [owner, name] = e.segs as [string, string];
  const recv = STD_RECEIVERS[owner] ?? (INT_NAMES.has(owner) ? 'int' : undefined);
  return recv && stdMethod(recv, name) ? name : undefined;
}

/**
 * Rewrites `e` (a name of a program's fn, not shadowed by a local, or a tuple struct's or tuple
 * variant's constructor: `.map(Some)`, `.map(Shape::Circle)`) into the closure calling it; false otherwise.
 */
export function fnAsClosure(prog: Program, e: Expr, isLocal: (name: string) => boolean): boolean {
  if ((e.k !== 'name' && e.k !== 'path') || (e.k === 'name' && isLocal(e.name))) return false;
  const method = stdMethodPath(prog, e);
  const n = method ? 1 : arity(prog, e);
  if (n === undefined) return false;
  const pos = e.pos;
  const names = Array.from({ length: n }, (_, i) => `__fn_arg${i}`);
  const args: Expr[] = names.map((name) => ({ k: 'name', pos, name }));
  const callee: Expr = e.k === 'name' ? { k: 'name', pos, name: e.name } : { k: 'path', pos, segs: [...e.segs] };
  // `Result::unwrap` as a value is `|x| x.unwrap()` (std's methods are the table's, not fns).
  const body: Expr = method ? { k: 'method', pos, recv: args[0]!, name: method, args: [], namePos: pos } : { k: 'call', pos, callee, args };
  const closure: Expr = {
    k: 'closure',
    pos,
    move: false,
    params: names.map((name) => ({ pat: { k: 'bind', pos, name, mutable: false, byRef: false }, pos })),
    body,
  };
  for (const key of Object.keys(e)) delete (e as unknown as Record<string, unknown>)[key];
  Object.assign(e, closure);
  return true;
}
