import type { BenchSuite } from './harness';

/** Every benchmark suite, in the order `npm run bench` runs them. Add one line per area. */
export const suites: BenchSuite[] = [];
