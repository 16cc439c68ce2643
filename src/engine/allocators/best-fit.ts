import { AllocatorOptions } from './allocator';
import { SizeTreeHeap } from './size-tree-heap';

/**
 * Best fit in O(log n): the smallest free block that fits, ties to the lowest address,
 * found by walking the (size, address) treap from the first block of size >= need.
 */
export class BestFit extends SizeTreeHeap {
  readonly policy: string = 'best-fit';

  constructor(options?: AllocatorOptions) {
    super(1, options);
  }
}
