/**
 * The notebook API's `rs.format` against real rustc: each case is a Rust program and the same
 * program written with the API; the allocator calls must be the same, in order (op, size, align,
 * old size). std formats a value in several writes, and the String grows at each one, so this
 * shows the API uses std's write sequence (engine/std/fmt.ts), not one write per argument.
 */
import { rustProgram, type Rust } from '../../src/api/program';
import { heapEvents } from '../../src/rust/index';
import { runRustOracle, type OracleRun } from './rustc-oracle';

interface Case {
  name: string;
  rust: string;
  api: (rs: Rust) => void;
  types?: string;
}

const cases: Case[] = [
  {
    // The case: alloc 8, realloc 8→21 (the text), realloc 21→42 (the closing quote).
    name: 'debug of a 20-byte String',
    rust: `fn main() {
    let s = String::from("abcdefghijklmnopqrst");
    let d = format!("{:?}", s);
    println!("{}", d);
}`,
    api: (rs) => {
      const s = rs.let('s', rs.String.from('abcdefghijklmnopqrst'));
      const d = rs.let('d', rs.format('{:?}', s));
      rs.println('{}', d);
    },
  },
  {
    name: 'a negative integer: sign and digits are two writes',
    rust: `fn main() {
    let name = String::from("crate");
    let n: i32 = -1234567;
    let d = format!("{} has {} items", name, n);
    println!("{}", d);
}`,
    api: (rs) => {
      const name = rs.let('name', rs.String.from('crate'));
      const n = rs.let('n', rs.i32(-1234567));
      const d = rs.let('d', rs.format('{} has {} items', name, n));
      rs.println('{}', d);
    },
  },
  {
    name: 'width, alignment, sign and zero padding write one fill character at a time',
    rust: `fn main() {
    let x: u64 = 42;
    let w = String::from("ab");
    let c = 'z';
    let k: i64 = 7;
    let m: i32 = -3;
    let d = format!("{:>10}|{:<6}|{:*^7}|{:+}|{:05}", x, w, c, k, m);
    println!("{}", d);
}`,
    api: (rs) => {
      const x = rs.let('x', rs.u64(42));
      const w = rs.let('w', rs.String.from('ab'));
      const c = rs.let('c', rs.char('z'));
      const k = rs.let('k', rs.i64(7));
      const m = rs.let('m', rs.i32(-3));
      const d = rs.let('d', rs.format('{:>10}|{:<6}|{:*^7}|{:+}|{:05}', x, w, c, k, m));
      rs.println('{}', d);
    },
  },
  {
    name: 'floats with precision and Debug, and a bool',
    rust: `fn main() {
    let f: f64 = 2.0 / 3.0;
    let g: f64 = 1.0;
    let b = true;
    let d = format!("{:.3} {:?} {}", f, g, b);
    println!("{}", d);
}`,
    api: (rs) => {
      const f = rs.let('f', rs.f64(2 / 3));
      const g = rs.let('g', rs.f64(1));
      const b = rs.let('b', true);
      const d = rs.let('d', rs.format('{:.3} {:?} {}', f, g, b));
      rs.println('{}', d);
    },
  },
  {
    name: 'debug of a Vec and of a struct',
    types: 'struct Point { x: i32, y: i32 }',
    rust: `#[derive(Debug)]
struct Point { x: i32, y: i32 }
fn main() {
    let v = vec![1, -2, 300];
    let p = Point { x: 5, y: -6 };
    let d = format!("{:?} at {:?}", v, p);
    println!("{}", d);
}`,
    api: (rs) => {
      const v = rs.let('v', rs.vec('i32', [1, -2, 300]));
      const p = rs.let('p', rs.struct('Point', { x: rs.i32(5), y: rs.i32(-6) }));
      const d = rs.let('d', rs.format('{:?} at {:?}', v, p));
      rs.println('{}', d);
    },
  },
  {
    name: 'literal arguments are folded into the template (one exact allocation)',
    rust: `fn main() {
    let d = format!("{}-{}", "lit", 7);
    println!("{}", d);
}`,
    api: (rs) => {
      const d = rs.let('d', rs.format('{}-{}', 'lit', 7));
      rs.println('{}', d);
    },
  },
  {
    name: 'a template with 16+ literal bytes reserves twice them',
    rust: `fn main() {
    let n: usize = 99;
    let d = format!("the value of the answer is {}", n);
    println!("{}", d);
}`,
    api: (rs) => {
      const n = rs.let('n', rs.usize(99));
      const d = rs.let('d', rs.format('the value of the answer is {}', n));
      rs.println('{}', d);
    },
  },
];

function heapOf(run: OracleRun) {
  return run.events.map((e) => (e.op === 'realloc' ? { op: e.op, size: e.size, align: e.align, old_size: e.old_size } : { op: e.op, size: e.size, align: e.align }));
}

describe('rs.format against rustc', () => {
  const runs = new Map<string, Promise<OracleRun>>();
  beforeAll(() => {
    cases.forEach((c, i) => {
      const run = runRustOracle(c.rust, { fileName: `api-format-${i}.rs` });
      run.catch(() => undefined);
      runs.set(c.name, run);
    });
  });

  test.each(cases.map((c) => [c.name, c] as const))('%s: same heap calls and output as rustc', async (_name, c) => {
    const want = await runs.get(c.name)!;
    const timeline = rustProgram((rs) => rs.main(() => c.api(rs)), { types: c.types });
    expect(heapEvents(timeline)).toEqual(heapOf(want));
    expect(timeline.output()).toBe(want.stdout);
  }, 120_000);
});
