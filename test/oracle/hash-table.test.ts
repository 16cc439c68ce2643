/**
 * The engine's HashMap/HashSet model (src/engine/std/hash-table.ts) against real rustc: for each
 * entry type one program grows a table from new(), removes and shrinks, clones, clears, sizes one
 * with with_capacity, reserve and shrink_to, and collects one; the table's allocator calls (the
 * only blocks aligned to 16 here) and the capacities it prints must be what the model says.
 */
import { layoutOf, parseType } from '../../src/engine/layout';
import type { Layout } from '../../src/engine/layout';
import {
  capacityOf, clear, cloneTable, dropTable, EMPTY_TABLE, extendReserve, insertNew, removeOne, reserve, shrinkTo, withCapacity,
  type HashTable, type TableCall, type TableStep,
} from '../../src/engine/std/hash-table';
import { runRustOracle } from './rustc-oracle';

interface Case {
  /** HashMap<K, V> or HashSet<K>. */
  kind: 'map' | 'set';
  key: string;
  value?: string;
  /** Rust expression for key number `i: usize`. */
  keyExpr: string;
}

const CASES: Case[] = [
  { kind: 'map', key: 'u64', value: 'u64', keyExpr: 'i as u64' },
  { kind: 'map', key: 'u8', value: 'u8', keyExpr: 'i as u8' },
  { kind: 'map', key: 'u32', value: 'u32', keyExpr: 'i as u32' },
  { kind: 'map', key: 'String', value: 'u64', keyExpr: 'i.to_string()' },
  { kind: 'map', key: '(u64, u64)', value: 'u8', keyExpr: '(i as u64, 3 * i as u64)' },
  { kind: 'map', key: '[u8; 3]', value: 'u8', keyExpr: '[i as u8, (i >> 8) as u8, 7]' },
  { kind: 'map', key: 'u8', value: 'u64', keyExpr: 'i as u8' },
  { kind: 'map', key: 'u128', value: 'u8', keyExpr: 'i as u128' },
  { kind: 'set', key: 'u8', keyExpr: 'i as u8' },
  { kind: 'set', key: 'u16', keyExpr: 'i as u16' },
  { kind: 'set', key: 'u32', keyExpr: 'i as u32' },
  { kind: 'set', key: 'String', keyExpr: 'i.to_string()' },
  { kind: 'set', key: '[u8; 3]', keyExpr: '[i as u8, (i >> 8) as u8, 7]' },
];

const typeName = (c: Case) => (c.kind === 'map' ? `HashMap<${c.key}, ${c.value}>` : `HashSet<${c.key}>`);
const entryOf = (c: Case): Layout => layoutOf(parseType(c.kind === 'map' ? `(${c.key}, ${c.value})` : c.key));

/** The Rust program: the same steps as `model` below. */
function program(c: Case): string {
  const t = typeName(c);
  const ins = (m: string, k: string) => (c.kind === 'map' ? `${m}.insert(${k}, Default::default());` : `${m}.insert(${k});`);
  const item = c.kind === 'map' ? '(k, Default::default())' : 'k';
  return `
use std::collections::{HashMap, HashSet};
fn key(i: usize) -> ${c.key} { ${c.keyExpr} }
fn main() {
    let keys: Vec<${c.key}> = (0..200).map(key).collect();
    memscope_oracle::start();
    let mut m: ${t} = ${t.replace(/<.*/, '')}::new();
    for i in 0..120 { ${ins('m', 'keys[i].clone()')} }
    println!("{}", m.capacity());
    for i in 0..100 { m.remove(&keys[i]); }
    m.shrink_to_fit();
    println!("{}", m.capacity());
    let c = m.clone();
    m.clear();
    m.shrink_to_fit();
    println!("{} {}", m.capacity(), c.capacity());
    drop(c);
    let mut w: ${t} = ${t.replace(/<.*/, '')}::with_capacity(10);
    println!("{}", w.capacity());
    for i in 0..20 { ${ins('w', 'keys[i].clone()')} }
    println!("{}", w.capacity());
    drop(w);
    let mut r: ${t} = ${t.replace(/<.*/, '')}::new();
    r.reserve(30);
    for i in 0..5 { ${ins('r', 'keys[i].clone()')} }
    r.reserve(100);
    println!("{}", r.capacity());
    r.shrink_to(10);
    println!("{}", r.capacity());
    drop(r);
    let col: ${t} = keys[..50].iter().cloned().map(|k| ${item}).collect();
    println!("{}", col.capacity());
    drop(col);
    let empty: ${t} = ${t.replace(/<.*/, '')}::with_capacity(0);
    println!("{}", empty.capacity());
    memscope_oracle::stop();
}
`;
}

/** The model's calls and printed capacities for the same steps. */
function model(entry: Layout): { calls: TableCall[]; stdout: string } {
  const calls: TableCall[] = [];
  const lines: string[] = [];
  let t: HashTable;
  const step = (s: TableStep) => {
    calls.push(...s.calls);
    return s.table;
  };
  const insertAll = (table: HashTable, n: number) => {
    for (let i = 0; i < n; i++) table = step(insertNew(table, entry));
    return table;
  };
  t = insertAll(EMPTY_TABLE, 120);
  lines.push(`${capacityOf(t)}`);
  for (let i = 0; i < 100; i++) t = removeOne(t);
  t = step(shrinkTo(t, 0, entry));
  lines.push(`${capacityOf(t)}`);
  const c = step(cloneTable(t, entry));
  t = step(shrinkTo(clear(t), 0, entry));
  lines.push(`${capacityOf(t)} ${capacityOf(c)}`);
  calls.push(...dropTable(c, entry));
  let w = step(withCapacity(10, entry));
  lines.push(`${capacityOf(w)}`);
  w = insertAll(w, 20);
  lines.push(`${capacityOf(w)}`);
  calls.push(...dropTable(w, entry));
  let r = step(reserve(EMPTY_TABLE, 30, entry));
  r = insertAll(r, 5);
  r = step(reserve(r, 100, entry));
  lines.push(`${capacityOf(r)}`);
  r = step(shrinkTo(r, 10, entry));
  lines.push(`${capacityOf(r)}`);
  calls.push(...dropTable(r, entry));
  let col = step(extendReserve(EMPTY_TABLE, 50, entry));
  col = insertAll(col, 50);
  lines.push(`${capacityOf(col)}`);
  calls.push(...dropTable(col, entry));
  const empty = step(withCapacity(0, entry));
  lines.push(`${capacityOf(empty)}`);
  return { calls, stdout: lines.map((l) => `${l}\n`).join('') };
}

describe('hashbrown tables: the engine model vs rustc', () => {
  test.each(CASES.map((c) => [typeName(c), c] as const))('%s: same table allocations and capacities', async (_name, c) => {
    const run = await runRustOracle(program(c), { fileName: 'hash_table.rs' });
    // Keys and their clones are the only other blocks, and none is 16-aligned.
    const table = run.events.filter((e) => e.align >= 16).map((e) => ({ op: e.op, size: e.size, align: e.align }));
    const want = model(entryOf(c));
    expect(run.stdout).toBe(want.stdout);
    expect(table).toEqual(want.calls);
  }, 120_000);
});
