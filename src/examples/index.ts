import { rustProgram, type ProgramOptions, type Rust } from '../api/program';
import type { Timeline } from '../engine/timeline/timeline';

/**
 * The experiments that ship with memscope: each a short Rust program written with the
 * notebook API, with the Rust it models beside it. `memscope example NAME` runs one.
 */
export interface Example {
  name: string;
  title: string;
  /** The Rust program the example models, shown in listings and stored in the timeline. */
  rust: string;
  run(options?: ProgramOptions): Timeline;
}

function example(name: string, title: string, rust: string, body: (rs: Rust) => void, types?: string): Example {
  return { name, title, rust, run: (options = {}) => rustProgram(body, { title, source: rust, types, ...options }) };
}

export const EXAMPLES: Example[] = [
  example(
    'three-regions',
    'Static data, stack and heap: a String on the stack points to its buffer on the heap',
    `fn main() {
    let greeting = "hello";               // &str: 16 bytes on the stack, 5 bytes of static data
    let count = 3;                        // i32: 4 bytes on the stack
    let mut s = String::from(greeting);   // 24 bytes on the stack + a 5-byte heap buffer
    s.push_str(", world");                // the buffer grows: a reallocation
    let b = Box::new(42i64);              // 8 bytes on the heap, a pointer on the stack
    println!("{} {} {}", s, count, b);
}`,
    (rs) => rs.main(() => {
      rs.line(2);
      const greeting = rs.let('greeting', 'hello');
      rs.line(3);
      const count = rs.let('count', 3);
      rs.line(4);
      const s = rs.let_mut('s', rs.String.from(greeting));
      rs.line(5);
      s.push_str(', world');
      rs.line(6);
      const b = rs.let('b', rs.Box.new(rs.i64(42)));
      rs.line(7);
      rs.println('{} {} {}', s, count, b);
      rs.line(8);
    }),
  ),
  example(
    'vec-growth',
    'Vec growth: capacity doubles (4, 8, 16, …) and each growth reallocates; with_capacity avoids it',
    `fn main() {
    let mut grown: Vec<i32> = Vec::new();
    for i in 0..100 { grown.push(i); }
    let mut sized: Vec<i32> = Vec::with_capacity(100);
    for i in 0..100 { sized.push(i); }
    println!("{} {}", grown.capacity(), sized.capacity());
}`,
    (rs) => rs.main(() => {
      rs.line(2);
      const grown = rs.let_mut('grown', rs.Vec.new('i32'));
      rs.line(3);
      for (let i = 0; i < 100; i++) grown.push(i);
      rs.line(4);
      const sized = rs.let_mut('sized', rs.Vec.with_capacity('i32', 100));
      rs.line(5);
      for (let i = 0; i < 100; i++) sized.push(i);
      rs.line(6);
      rs.println('{} {}', grown.capacity(), sized.capacity());
      rs.line(7);
    }),
  ),
  example(
    'ownership',
    'Ownership: a move transfers the buffer, clone copies it, drops run in reverse order, Rc shares',
    `use std::rc::Rc;
fn main() {
    let a = String::from("owned");
    let b = a;                      // move: no allocation, a owns nothing now
    let c = b.clone();              // clone: a new buffer
    let shared = Rc::new(vec![1, 2, 3]);
    let also = Rc::clone(&shared);  // no allocation: strong count 2
    drop(c);                        // freed here, not at the end
    println!("{} {}", b, Rc::strong_count(&also));
}                                   // also, shared, b dropped in reverse order`,
    (rs) => rs.main(() => {
      rs.line(3);
      const a = rs.let('a', rs.String.from('owned'));
      rs.line(4);
      const b = rs.let('b', a);
      rs.line(5);
      const c = rs.let('c', b.clone());
      rs.line(6);
      const shared = rs.let('shared', rs.Rc.new(rs.vec('i32', [1, 2, 3])));
      rs.line(7);
      const also = rs.let('also', rs.Rc.clone(shared));
      rs.line(8);
      rs.drop(c);
      rs.line(9);
      rs.println('{} {}', b, rs.Rc.strong_count(also));
      rs.line(10);
    }),
  ),
  example(
    'recursion',
    'The stack over time: each call of factorial pushes a frame; returns pop them',
    `fn factorial(n: u64) -> u64 {
    if n <= 1 { return 1; }
    let rest = factorial(n - 1);
    n * rest
}
fn main() {
    let n = factorial(12);
    println!("{}", n);
}`,
    (rs) => {
      const factorial = (n: number): number => {
        const call = rs.fn('factorial', ['n'], (arg) => {
          const k = arg.value as number;
          rs.line(2);
          if (k <= 1) return rs.u64(1);
          rs.line(3);
          const rest = rs.let('rest', rs.u64(factorial(k - 1)));
          rs.line(4);
          return rs.u64(k * (rest.value as number));
        });
        rs.line(1);
        return Number((call(rs.u64(n))!.value as { v: number }).v);
      };
      rs.main(() => {
        rs.line(7);
        const n = rs.let('n', rs.u64(factorial(12)));
        rs.line(8);
        rs.println('{}', n);
        rs.line(9);
      });
    },
  ),
  example(
    'stack-overflow',
    'Unbounded recursion: each frame holds a 4 KiB array until the 8 MiB stack is exhausted',
    `fn dive(depth: u64) -> u64 {
    let scratch = [0u8; 4096];
    dive(depth + 1) + scratch[0] as u64
}
fn main() {
    dive(0);
}`,
    (rs) => {
      const dive = rs.fn('dive', ['depth'], (depth): undefined => {
        rs.line(2);
        rs.let('scratch', rs.repeat('u8', 0, 4096));
        rs.line(3);
        dive(rs.u64((depth.value as number) + 1));
        return undefined;
      });
      rs.main(() => {
        rs.line(6);
        dive(rs.u64(0));
      });
    },
  ),
  example(
    'vec-of-strings',
    'Nested ownership: a Vec<String> owns a buffer of headers, each owning its own bytes',
    `fn main() {
    let mut names: Vec<String> = Vec::new();
    for name in ["Ferris", "Corro", "Rusty"] {
        names.push(name.to_string());
    }
    let first = names.remove(0);
    println!("{} {:?}", first, names);
}`,
    (rs) => rs.main(() => {
      rs.line(2);
      const names = rs.let_mut('names', rs.Vec.new('String'));
      for (const name of ['Ferris', 'Corro', 'Rusty']) {
        rs.line(4);
        names.push(rs.String.from(name));
      }
      rs.line(6);
      const first = rs.let('first', names.remove(0));
      rs.line(7);
      rs.println('{} {:?}', first, names);
      rs.line(8);
    }),
  ),
];

export function findExample(name: string): Example {
  const found = EXAMPLES.find((e) => e.name === name);
  if (!found) throw new Error(`no example named '${name}'; examples: ${EXAMPLES.map((e) => e.name).join(', ')}`);
  return found;
}
