import { Allocator, AllocatorOptions } from './allocator';
import { FirstFit } from './first-fit';
import { FirstFitNaive } from './first-fit-naive';

export * from './allocator';

interface PolicyEntry {
  name: string;
  description: string;
  create(options?: AllocatorOptions): Allocator;
}

const ENTRIES: PolicyEntry[] = [
  { name: 'first-fit', description: 'lowest-address free block that fits (O(log n) search)', create: (o) => new FirstFit(o) },
  { name: 'first-fit-naive', description: 'lowest-address free block that fits, by walking an address-ordered list (reference)', create: (o) => new FirstFitNaive(o) },
];

/** Every policy createAllocator knows: name and one-line description. */
export const POLICIES: ReadonlyArray<{ name: string; description: string }> = ENTRIES.map(({ name, description }) => ({ name, description }));

/** A fresh heap with the named policy. Throws for an unknown name, listing the valid ones. */
export function createAllocator(policy: string, options?: AllocatorOptions): Allocator {
  const entry = ENTRIES.find((e) => e.name === policy);
  if (!entry) throw new Error(`unknown allocator policy '${policy}'; valid policies: ${ENTRIES.map((e) => e.name).join(', ')}`);
  return entry.create(options);
}
