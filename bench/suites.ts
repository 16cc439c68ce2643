import type { BenchSuite } from './harness';
import { suite as engine } from './engine';
import { suite as allocators } from './allocators';
import { suite as lab } from './lab';
import { suite as traces } from './traces';
import { suite as views } from './views';
import { suite as rust } from './rust';
import { suite as render } from './render';
import { suite as kernel } from './kernel';

/** Every benchmark suite, in the order `npm run bench` runs them. Add one line per area. */
export const suites: BenchSuite[] = [
  engine,
  allocators,
  lab,
  traces,
  views,
  rust,
  render,
  kernel,
];
