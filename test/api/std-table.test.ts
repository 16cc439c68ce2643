/**
 * The notebook API and the interpreter run std through one table (src/rust/std): the same
 * program written both ways must give the same timeline, event for event (kind, line, sizes,
 * addresses, owners, values shown), hence the same heap calls. Each program is one statement
 * per line, so the API cell can say `rs.line(n)` where the interpreter knows the line.
 */
import { ProgramError, rustProgram, type Rust } from '../../src/api/program';
import type { Binding } from '../../src/api/binding';
import type { Timeline } from '../../src/engine/timeline/timeline';
import { heapEvents, initRust, runRustSync } from '../../src/rust';

beforeAll(() => initRust(), 30_000);

/** A statement as Rust writes it and as a cell does (`b` holds the cell's bindings by name). */
type Stmt = [rust: string, api: (rs: Rust, b: Record<string, Binding>) => void];

interface Pair {
  source: string;
  rust: Timeline;
  api: Timeline;
}

/** Runs `fn main() { stmts }` (after `head`, e.g. `use` lines) through the interpreter and the API. */
function both(head: string[], stmts: Stmt[]): Pair {
  const first = head.length + 2; // line of the first statement
  const source = [...head, 'fn main() {', ...stmts.map(([r]) => `    ${r}`), '}'].join('\n');
  const rust = runRustSync(source).timeline;
  const api = rustProgram((rs) => rs.main(() => {
    const b: Record<string, Binding> = {};
    stmts.forEach(([, f], i) => {
      rs.line(first + i);
      f(rs, b);
    });
    rs.line(first + stmts.length);
  }), { source });
  return { source, rust, api };
}

/**
 * Every event as comparable text. Two differences are the frame model's, not std's: the
 * interpreter knows a function's locals before it runs and reserves them all on entry (rustc's
 * frame: one `let` of each as uninitialised, then an `init` where its `let` runs), while a cell
 * declares each local as it goes; so the reservations are left out, an `init` reads as the `let`
 * it completes, a slot made uninitialised at its scope's end as the local's end, and main's call carries no frame size or line (nothing calls main from a line).
 */
function events(t: Timeline): string[] {
  const out: string[] = [];
  const declared = new Map<number, string | null>();
  for (let i = 0; i < t.length; i++) {
    const e = t.event(i);
    const v = e.value as { k?: string } | null;
    if (e.kind === 'let' && v?.k === 'uninit') {
      declared.set(e.addr, e.type);
      continue;
    }
    // Its scope's end: the slot goes back to uninitialised (rustc's frame) where a cell's local ends.
    if (e.kind === 'set' && v?.k === 'uninit') {
      const { step: _s, ...rest } = e;
      out.push(JSON.stringify({ ...rest, kind: 'end', value: null, aux: 0, aux2: 0 }));
      continue;
    }
    const main = e.kind === 'call' && e.name === 'main';
    const init = e.kind === 'init' ? { kind: 'let', type: declared.get(e.addr) ?? null } : {};
    const { step: _step, ...rest } = e;
    out.push(JSON.stringify({ ...rest, ...init, line: main ? null : e.line, size: main ? 0 : e.size }));
  }
  return out;
}

function expectSame(p: Pair): void {
  expect(events(p.api)).toEqual(events(p.rust));
  expect(p.api.meta.ended ?? null).toEqual(p.rust.meta.ended ?? null);
}

const USE_MAP = ['use std::collections::HashMap;'];

test('HashMap<u64, u64> grows as hashbrown does: capacities 3, 7, 14, 28, each a fresh table then the old one freed', () => {
  const inserts: Stmt[] = Array.from({ length: 29 }, (_, i): Stmt => [`m.insert(${i}, ${i * 10});`, (_rs, b) => void b.m!.insert(i, i * 10)]);
  const p = both(USE_MAP, [
    ['let mut m: HashMap<u64, u64> = HashMap::new();', (rs, b) => (b.m = rs.let_mut('m', rs.HashMap.new('u64', 'u64')))],
    ...inserts,
    ['let n = m.len();', (rs, b) => (b.n = rs.let('n', rs.usize(b.m!.len())))],
    ['let found = m.contains_key(&7);', (rs, b) => (b.found = rs.let('found', b.m!.contains_key(7)))],
    ['let old = m.remove(&3);', (rs, b) => (b.old = rs.let('old', b.m!.remove(3)))],
  ]);
  expectSame(p);
  const heap = heapEvents(p.api);
  // buckets × 16 + buckets + 16, align 16: 4, 8, 16, 32, 64 buckets.
  expect(heap.filter((h) => h.op === 'alloc').map((h) => h.size)).toEqual([4 * 17 + 16, 8 * 17 + 16, 16 * 17 + 16, 32 * 17 + 16, 64 * 17 + 16]);
  expect(heap.slice(0, 4).map((h) => h.op)).toEqual(['alloc', 'alloc', 'dealloc', 'alloc']);
});

test('HashMap<String, u64>: keys moved in, a replaced key dropped, remove frees the key', () => {
  const p = both(USE_MAP, [
    ['let mut m: HashMap<String, u64> = HashMap::new();', (rs, b) => (b.m = rs.let_mut('m', rs.HashMap.new('String', 'u64')))],
    ['m.insert(String::from("apple"), 3);', (rs, b) => void b.m!.insert(rs.String.from('apple'), 3)],
    ['m.insert(String::from("pear"), 5);', (rs, b) => void b.m!.insert(rs.String.from('pear'), 5)],
    ['m.insert(String::from("apple"), 4);', (rs, b) => void b.m!.insert(rs.String.from('apple'), 4)],
    ['let gone = m.remove("pear");', (rs, b) => (b.gone = rs.let('gone', b.m!.remove('pear')))],
    ['let has = m.contains_key("apple");', (rs, b) => (b.has = rs.let('has', b.m!.contains_key('apple')))],
  ]);
  expectSame(p);
});

test('RefCell: borrow flags up and down with the guards, then BorrowError as std panics', () => {
  const p = both(['use std::cell::RefCell;'], [
    ['let c = RefCell::new(vec![1, 2, 3]);', (rs, b) => (b.c = rs.let('c', rs.RefCell.new(rs.vec('i32', [1, 2, 3]))))],
    ['let r1 = c.borrow();', (rs, b) => (b.r1 = rs.let('r1', b.c!.borrow()))],
    ['let r2 = c.borrow();', (rs, b) => (b.r2 = rs.let('r2', b.c!.borrow()))],
    ['drop(r1);', (rs, b) => rs.drop(b.r1!)],
    ['drop(r2);', (rs, b) => rs.drop(b.r2!)],
    ['let mut w = c.borrow_mut();', (rs, b) => (b.w = rs.let_mut('w', b.c!.borrow_mut()))],
    ['w.push(4);', (_rs, b) => b.w!.push(4)],
    ['let r3 = c.borrow();', (rs, b) => (b.r3 = rs.let('r3', b.c!.borrow()))],
  ]);
  expectSame(p);
  expect(p.api.meta.ended).toBe("panicked at 'RefCell already mutably borrowed', line 10");
});

test('RefCell::borrow_mut while borrowed panics "already borrowed" (BorrowMutError)', () => {
  const p = both(['use std::cell::RefCell;'], [
    ['let c = RefCell::new(String::from("x"));', (rs, b) => (b.c = rs.let('c', rs.RefCell.new(rs.String.from('x'))))],
    ['let r = c.borrow();', (rs, b) => (b.r = rs.let('r', b.c!.borrow()))],
    ['let w = c.borrow_mut();', (rs, b) => (b.w = rs.let('w', b.c!.borrow_mut()))],
  ]);
  expectSame(p);
  expect(p.api.meta.ended).toBe("panicked at 'RefCell already borrowed', line 5");
});

test('Rc and Weak: downgrade, upgrade, counts; the value goes with the last strong owner, the block with the last weak one', () => {
  const p = both(['use std::rc::Rc;'], [
    ['let a = Rc::new(String::from("shared"));', (rs, b) => (b.a = rs.let('a', rs.Rc.new(rs.String.from('shared'))))],
    ['let w = Rc::downgrade(&a);', (rs, b) => (b.w = rs.let('w', rs.Rc.downgrade(b.a!)))],
    ['let b = Rc::clone(&a);', (rs, b) => (b.b = rs.let('b', rs.Rc.clone(b.a!)))],
    ['let up = w.upgrade();', (rs, b) => (b.up = rs.let('up', b.w!.upgrade()))],
    ['let n = Rc::weak_count(&a);', (rs, b) => (b.n = rs.let('n', rs.usize(rs.Rc.weak_count(b.a!))))],
    ['drop(up);', (rs, b) => rs.drop(b.up!)],
    ['drop(b);', (rs, b) => rs.drop(b.b!)],
    ['drop(a);', (rs, b) => rs.drop(b.a!)],
    ['let gone = w.upgrade();', (rs, b) => (b.gone = rs.let('gone', b.w!.upgrade()))],
  ]);
  expectSame(p);
});

test('Vec and String methods through the table: sort, dedup, contains, insert, remove, truncate, push, pop, as_str', () => {
  const p = both([], [
    ['let mut v = vec![5, 3, 3, 1];', (rs, b) => (b.v = rs.let_mut('v', rs.vec('i32', [5, 3, 3, 1])))],
    ['v.sort();', (_rs, b) => void b.v!.call('sort')],
    ['v.dedup();', (_rs, b) => void b.v!.call('dedup')],
    ['v.insert(1, 2);', (_rs, b) => void b.v!.insert(1, 2)],
    ['let x = v.remove(0);', (rs, b) => (b.x = rs.let('x', b.v!.remove(0)))],
    ['let has = v.contains(&5);', (rs, b) => (b.has = rs.let('has', b.v!.contains(5)))],
    ['v.truncate(2);', (_rs, b) => b.v!.truncate(2)],
    ['let mut s = String::from("hello");', (rs, b) => (b.s = rs.let_mut('s', rs.String.from('hello')))],
    ['s.push(\'!\');', (_rs, b) => b.s!.push('!')],
    ['s.push_str(" world");', (_rs, b) => b.s!.push_str(' world')],
    ['let last = s.pop().unwrap();', (rs, b) => (b.last = rs.let('last', rs.char(b.s!.pop() as string)))],
    ['let t = s.as_str();', (rs, b) => (b.t = rs.let('t', b.s!.as_str()))],
    ['let n = t.len();', (rs, b) => (b.n = rs.let('n', rs.usize(b.t!.len())))],
  ]);
  expectSame(p);
});

test('Cell get/set and mem::replace / mem::take through their table entries', () => {
  const p = both(['use std::cell::Cell;', 'use std::mem;'], [
    ['let c = Cell::new(5);', (rs, b) => (b.c = rs.let('c', rs.Cell.new(5)))],
    ['c.set(6);', (_rs, b) => b.c!.set(6)],
    ['let mut s = String::from("old");', (rs, b) => (b.s = rs.let_mut('s', rs.String.from('old')))],
    ['let was = mem::replace(&mut s, String::from("new"));', (rs, b) => (b.was = rs.let('was', rs.mem.replace(rs.ref_mut(b.s!), rs.String.from('new'))))],
    ['let taken = mem::take(&mut s);', (rs, b) => (b.taken = rs.let('taken', rs.mem.take(rs.ref_mut(b.s!))))],
  ]);
  expectSame(p);
});

describe('the API refuses what rustc refuses, by the table\'s own rules', () => {
  const fails = (body: (rs: Rust) => void): string => {
    try {
      rustProgram((rs) => rs.main(() => body(rs)));
    } catch (e) {
      expect(e).toBeInstanceOf(ProgramError);
      return (e as Error).message;
    }
    throw new Error('it ran');
  };
  test('a method the table does not have', () => {
    expect(fails((rs) => rs.let('m', rs.HashMap.new('u64', 'u64')).call('frobnicate'))).toMatch(/no method named `frobnicate` found for `HashMap<u64, u64>`/);
  });
  test('insert into a map declared without let_mut (E0596)', () => {
    expect(fails((rs) => rs.let('m', rs.HashMap.new('u64', 'u64')).insert(1, 2))).toMatch(/cannot borrow `m` as mutable, as it is not declared as mutable/);
  });
  test('a String key where the map wants u64', () => {
    expect(fails((rs) => rs.let_mut('m', rs.HashMap.new('u64', 'u64')).insert(rs.String.from('k'), 2))).toMatch(/mismatched types: expected `u64`, found `String`/);
  });
  test('a u64 key past the type\'s range', () => {
    expect(fails((rs) => rs.let_mut('m', rs.HashMap.new('u8', 'u8')).insert(300, 2))).toMatch(/m\.insert\(300, 2\): expected an integer in 0\.\.=255 \(u8\), got 300/);
  });
  test('a closure-taking method says where to go', () => {
    expect(fails((rs) => rs.let_mut('v', rs.vec('i32', [1])).call('retain', 1))).toMatch(/no method named `retain`|needs the Rust source/);
  });
});
