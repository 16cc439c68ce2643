/**
 * What the timeline shows of issue 14's std additions (the heap calls themselves are checked
 * against rustc by the course corpus and test/oracle/btree-map.test.ts): a BTreeMap's nodes as
 * blocks owned by the map's nodes, process::exit ending the run with everything still live, and
 * the clear "not supported yet" errors where the model stops.
 */
import { initRust, runRustSync, RustSubsetError } from '../../src/rust';

beforeAll(() => initRust(), 30_000);

describe('BTreeMap nodes in the diagram', () => {
  test('twelve keys: two leaves under an internal root, each a block named for its node kind', () => {
    const run = runRustSync(`use std::collections::BTreeMap;
fn main() {
    let mut m: BTreeMap<u64, u64> = BTreeMap::new();
    for i in 0..12u64 {
        m.insert(i, i * i);
    }
    println!("{}", m.len());
}`);
    const last = run.timeline.length - 1;
    // Before main's end drops the map: find the last step with three live blocks.
    let step = last;
    while (step > 0 && run.timeline.snapshot(step).blocks.length !== 3) step--;
    const blocks = run.timeline.snapshot(step).blocks;
    expect(blocks.map((b) => b.type).sort()).toEqual(['BTreeMap<u64, u64> internal node', 'BTreeMap<u64, u64> leaf node', 'BTreeMap<u64, u64> leaf node']);
    expect(blocks.map((b) => b.size).sort()).toEqual([192, 192, 288]);
    expect(run.timeline.snapshot(last).blocks).toEqual([]);
  });
});

describe('std::process::exit', () => {
  test('ends the run with its status; nothing after it runs and nothing is freed', () => {
    const run = runRustSync(`fn main() {
    let kept = String::from("still here");
    println!("{}", kept.len());
    std::process::exit(3);
}`);
    expect(run.exitCode).toBe(3);
    expect(run.panic).toBeUndefined();
    expect(run.stdout).toBe('10\n');
    expect(run.heapEvents()).toEqual([{ op: 'alloc', size: 10, align: 1 }]);
    expect(run.timeline.meta.ended).toMatch(/process::exit\(3\) at line 4/);
  });
});

describe('where the model stops: "not supported yet", never a rustc error', () => {
  test.each([
    ['VecDeque::from', 'use std::collections::VecDeque;\nfn main() { let q = VecDeque::from(vec![1]); println!("{:?}", q); }', 2],
    ['a VecDeque method outside the table', 'use std::collections::VecDeque;\nfn main() { let mut q = VecDeque::new(); q.push_back(1); q.rotate_left(1); }', 2],
    ['a consuming for over a BTreeMap', 'use std::collections::BTreeMap;\nfn main() { let mut m = BTreeMap::new(); m.insert(1, 2);\n for (k, v) in m { println!("{k} {v}"); } }', 3],
    ['size_of without a turbofish', 'fn main() { let n: usize = std::mem::size_of(); println!("{n}"); }', 1],
  ])('%s', (_name, source, line) => {
    let error: unknown;
    try {
      runRustSync(source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RustSubsetError);
    expect((error as RustSubsetError).line).toBe(line);
    expect((error as RustSubsetError).message).toMatch(/not supported yet/);
  });
});
