import { AllocatorOptions } from './allocator';
import { FirstFitNaive } from './first-fit-naive';

/** Address-ordered first fit. (Interim: the list version; the O(log n) tree replaces it.) */
export class FirstFit extends FirstFitNaive {
  override readonly policy: string = 'first-fit';
  constructor(options?: AllocatorOptions) {
    super(options);
  }
}
