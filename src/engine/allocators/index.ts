import { Allocator, AllocatorOptions } from './allocator';
import { BestFit } from './best-fit';
import { BestFitNaive } from './best-fit-naive';
import { Buddy } from './buddy';
import { Bump } from './bump';
import { FirstFit } from './first-fit';
import { FirstFitLifo } from './first-fit-lifo';
import { FirstFitNaive } from './first-fit-naive';
import { NextFit } from './next-fit';
import { Segregated } from './segregated';
import { Tlsf } from './tlsf';
import { WorstFit } from './worst-fit';

export * from './allocator';

/** How an allocation's search grows with the number of free blocks n (free is O(1) or O(log n) in every policy). */
export type PolicyCost = 'O(1)' | 'O(log n)' | 'O(n)';

interface PolicyEntry {
  name: string;
  description: string;
  cost: PolicyCost;
  create(options?: AllocatorOptions): Allocator;
}

const ENTRIES: PolicyEntry[] = [
  { name: 'first-fit', description: 'lowest-address free block that fits, found in O(log n) on an address tree', cost: 'O(log n)', create: (o) => new FirstFit(o) },
  { name: 'first-fit-naive', description: 'lowest-address free block that fits, by walking an address-ordered list (reference)', cost: 'O(n)', create: (o) => new FirstFitNaive(o) },
  { name: 'first-fit-lifo', description: 'first block that fits on a LIFO free list (most recently freed first)', cost: 'O(n)', create: (o) => new FirstFitLifo(o) },
  { name: 'next-fit', description: 'first block that fits at or after a roving pointer, wrapping around', cost: 'O(log n)', create: (o) => new NextFit(o) },
  { name: 'best-fit', description: 'smallest free block that fits, ties to the lowest address, O(log n)', cost: 'O(log n)', create: (o) => new BestFit(o) },
  { name: 'best-fit-naive', description: 'smallest free block that fits, by scanning every free block (reference)', cost: 'O(n)', create: (o) => new BestFitNaive(o) },
  { name: 'worst-fit', description: 'largest free block, ties to the lowest address', cost: 'O(log n)', create: (o) => new WorstFit(o) },
  { name: 'segregated', description: 'segregated free lists: exact small classes, power-of-two classes above, O(1)', cost: 'O(1)', create: (o) => new Segregated(o) },
  { name: 'buddy', description: 'binary buddy system: power-of-two blocks split and merged with their buddies', cost: 'O(log n)', create: (o) => new Buddy(o) },
  { name: 'tlsf', description: 'two-level segregated fit: log2 classes with 32 subdivisions, bitmaps, O(1)', cost: 'O(1)', create: (o) => new Tlsf(o) },
  { name: 'bump', description: 'bump arena: allocation at the top only, freed memory is never reused', cost: 'O(1)', create: (o) => new Bump(o) },
];

/** Every policy createAllocator knows: name and one-line description. */
export const POLICIES: ReadonlyArray<{ name: string; description: string; cost: PolicyCost }> = ENTRIES.map(({ name, description, cost }) => ({ name, description, cost }));

/** A fresh heap with the named policy. Throws for an unknown name, listing the valid ones. */
export function createAllocator(policy: string, options?: AllocatorOptions): Allocator {
  const entry = ENTRIES.find((e) => e.name === policy);
  if (!entry) throw new Error(`unknown allocator policy '${policy}'; valid policies: ${ENTRIES.map((e) => e.name).join(', ')}`);
  return entry.create(options);
}
