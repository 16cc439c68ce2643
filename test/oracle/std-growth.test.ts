/**
 * Two std behaviours the engine reuses rather than models anew, checked against rustc:
 * - VecDeque<T> grows exactly like Vec<T> (both sit on RawVec), so src/engine/std/raw-vec.ts is
 *   its growth model too: the same pushes, with_capacity, reserve and shrink_to_fit make the same
 *   allocator calls, wrap-around included;
 * - Rc<RefCell<T>>, Rc<Cell<T>> and Weak: one RcBox of rcBoxLayout (counts + the cell's layout
 *   from src/engine/layout), Weak::new and Rc::downgrade allocate nothing, and a live Weak keeps
 *   the RcBox after the value is dropped.
 */
import { parseType } from '../../src/engine/layout';
import { Machine } from '../../src/engine/memory/machine';
import { minNonZeroCap } from '../../src/engine/std';
import { rcBoxLayout } from '../../src/engine/std/pointers';
import { runRustOracle, type OracleEvent } from './rustc-oracle';

const ELEMENTS: [string, string, number][] = [
  ['u64', 'i as u64', 8],
  ['u8', 'i as u8', 1],
  ['String', 'i.to_string()', 24],
  ['[u8; 2000]', '[i as u8; 2000]', 2000],
];

function growthProgram(collection: 'Vec' | 'VecDeque', elem: string, make: string): string {
  const push = collection === 'Vec' ? 'push' : 'push_back';
  const popFront = collection === 'Vec' ? 'remove(0)' : 'pop_front().unwrap()';
  return `
use std::collections::VecDeque;
fn make(i: usize) -> ${elem} { ${make} }
fn main() {
    let mut d: ${collection}<${elem}> = ${collection}::new();
    for i in 0..20 { d.${push}(make(i)); }
    for i in 0..5 { let x = d.${popFront}; drop(x); d.${push}(make(i)); }
    for i in 0..13 { d.${push}(make(i)); }
    let mut w: ${collection}<${elem}> = ${collection}::with_capacity(5);
    for i in 0..6 { w.${push}(make(i)); }
    w.reserve(10);
    w.shrink_to_fit();
    println!("{} {} {} {}", d.len(), d.capacity(), w.len(), w.capacity());
}
`;
}

const heap = (events: OracleEvent[]) => events.map((e) => ({ op: e.op, size: e.size, align: e.align, old_size: e.old_size }));

describe('VecDeque grows like Vec (RawVec)', () => {
  test.each(ELEMENTS)('VecDeque<%s>: same allocator calls and capacities as Vec', async (elem, make, size) => {
    const [vec, deque] = await Promise.all([
      runRustOracle(growthProgram('Vec', elem, make), { fileName: 'vec_growth.rs' }),
      runRustOracle(growthProgram('VecDeque', elem, make), { fileName: 'deque_growth.rs' }),
    ]);
    expect(deque.stdout).toBe(vec.stdout);
    expect(heap(deque.events)).toEqual(heap(vec.events));
    // And that is RawVec's rule the engine has: the first buffer holds minNonZeroCap elements.
    const first = deque.events.find((e) => e.size >= size && e.align === (size === 24 || size === 8 ? 8 : 1));
    expect(first).toMatchObject({ op: 'alloc', size: minNonZeroCap(size) * size });
  }, 120_000);
});

describe('RcBox of cells, and Weak', () => {
  test('Rc<RefCell<Vec<u8>>> and Rc<Cell<u32>> are one RcBox each; Weak allocates nothing and keeps the box', async () => {
    const run = await runRustOracle(`
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
fn main() {
    let a = Rc::new(RefCell::new(vec![1u8, 2, 3]));
    let w: Weak<RefCell<Vec<u8>>> = Rc::downgrade(&a);
    let none: Weak<u64> = Weak::new();
    a.borrow_mut().push(4);
    println!("{} {}", Rc::strong_count(&a), Rc::weak_count(&a));
    drop(a);
    println!("{} {}", w.upgrade().is_none(), none.upgrade().is_none());
    drop(w);
    let c = Rc::new(Cell::new(5u32));
    c.set(6);
    println!("{}", c.get());
}
`, { fileName: 'rc_cells.rs' });
    const m = new Machine();
    const refCellBox = rcBoxLayout(m, parseType('RefCell<Vec<u8>>'));
    const cellBox = rcBoxLayout(m, parseType('Cell<u32>'));
    expect(refCellBox).toEqual({ size: 48, align: 8 });
    expect(cellBox).toEqual({ size: 24, align: 8 });
    expect(run.stdout).toBe('1 1\ntrue true\n6\n');
    expect(heap(run.events)).toEqual([
      { op: 'alloc', size: 3, align: 1, old_size: undefined },
      { op: 'alloc', ...refCellBox, old_size: undefined },
      { op: 'realloc', size: 8, align: 1, old_size: 3 },
      { op: 'dealloc', size: 8, align: 1, old_size: undefined }, // drop(a): the value goes, the box stays for w
      { op: 'dealloc', ...refCellBox, old_size: undefined }, // drop(w): the last weak frees the box
      { op: 'alloc', ...cellBox, old_size: undefined },
      { op: 'dealloc', ...cellBox, old_size: undefined },
    ]);
  }, 120_000);
});
