import { AllocatorOptions } from './allocator';
import { SizeTreeHeap } from './size-tree-heap';

/**
 * Worst fit: the largest free block (ties to the lowest address), on the same treap
 * ordered by (-size, address), so the leftmost node is the largest block.
 */
export class WorstFit extends SizeTreeHeap {
  readonly policy: string = 'worst-fit';

  constructor(options?: AllocatorOptions) {
    super(-1, options);
  }
}
