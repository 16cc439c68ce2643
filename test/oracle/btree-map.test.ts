/**
 * The engine's BTreeMap/BTreeSet model (src/engine/std/btree-map.ts) against real rustc, through
 * the interpreter: node sizes for several K, V (a leaf, its split, the internal root above), and
 * long runs of inserts, `entry().or_insert`, removes (merges, steals, an emptied internal root
 * freed), `clone`, `clear` and drop, whose allocator calls must be rustc's, in order.
 */
import { initRust, runRust } from '../../src/rust';
import { runRustOracle } from './rustc-oracle';

const heapOf = (events: { op: string; size: number; align: number; old_size?: number }[]) => events.map((e) => `${e.op} ${e.size} ${e.align}${e.old_size === undefined ? '' : ` ${e.old_size}`}`);

/** Twelve keys: the root leaf fills (11), splits into two leaves, and an internal root goes above. */
/** Key type, value type, the key for `i`, a value. */
const NODE_CASES: [string, string, string, string][] = [
  ['u8', 'u8', 'i as u8', '1'],
  ['u64', 'u64', 'i as u64', '2'],
  ['char', 'usize', "(b'a' + i as u8) as char", '3'],
  ['u128', 'u8', 'i as u128', '4'],
  ['(u8, u32)', 'bool', '(i as u8, 7)', 'true'],
  ['&str', 'String', '["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"][i]', 'String::from("v")'],
];

const nodeProgram = ([k, v, expr, value]: [string, string, string, string]) => `
use std::collections::{BTreeMap, BTreeSet};
fn main() {
    let mut m: BTreeMap<${k}, ${v}> = BTreeMap::new();
    let mut i = 0;
    while i < 12 {
        m.insert(${expr}, ${value});
        i += 1;
    }
    let mut s: BTreeSet<${k}> = BTreeSet::new();
    let mut i = 0;
    while i < 12 {
        s.insert(${expr});
        i += 1;
    }
    println!("{} {}", m.len(), s.len());
}
`;

const CHURN = `
use std::collections::{BTreeMap, BTreeSet};
fn main() {
    let mut seed: u64 = 12345;
    let mut map: BTreeMap<u64, String> = BTreeMap::new();
    let mut i = 0;
    while i < 700 {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        let k = seed % 400;
        if i > 300 && seed % 3 == 0 {
            map.remove(&k);
        } else {
            map.entry(k).or_insert(String::new()).push('x');
        }
        i += 1;
    }
    println!("{} {:?}", map.len(), map.get(&7));
    let copy = map.clone();
    let mut j = 0;
    while j < 400 {
        if j % 5 != 0 { map.remove(&j); }
        j += 1;
    }
    println!("{} {}", map.len(), copy.len());
    let mut j = 399;
    while j > 0 { map.remove(&j); j -= 1; }
    println!("{:?}", map);
    let mut set = BTreeSet::new();
    for w in 0..300u32 { set.insert((w * 37) % 301); }
    for w in 0..290u32 { set.remove(&((w * 13) % 301)); }
    println!("{:?}", set);
    set.clear();
    println!("{}", set.len());
}
`;

beforeAll(() => initRust());

async function compare(source: string): Promise<void> {
  const rustc = await runRustOracle(source, { fileName: 'btree.rs' });
  const ours = await runRust(source);
  expect(ours.stdout).toBe(rustc.stdout);
  expect(heapOf(ours.heapEvents())).toEqual(heapOf(rustc.events));
}

test.each(NODE_CASES.map((c) => [`BTreeMap<${c[0]}, ${c[1]}>`, c] as const))('%s: leaf and internal nodes as rustc allocates them', async (_name, c) => {
  await compare(nodeProgram(c));
}, 600_000);

test('inserts, entry, removes with merges and steals, clone, clear and drop: rustc\'s calls in order', async () => {
  await compare(CHURN);
}, 600_000);
