/**
 * `std::process::exit(code)`: the program ends at once with that status. No destructor runs and
 * nothing is freed (std flushes stdout and calls the OS's exit), so the timeline ends with the
 * heap as it was.
 */
import { con, NEVER } from '../check/types';
import { RustExit } from '../errors';
import type { StdFn } from './table';

export const processFns: StdFn[] = [
  {
    path: 'process::exit',
    type: (x) => {
      x.argCount(1);
      x.unifyAt(0, con('i32'), x.args()[0]!);
      return NEVER;
    },
    run: (x) => {
      const code = x.arg(0);
      const line = x.e.pos.line;
      return (a) => {
        throw new RustExit(Number((code(a) as { v: number }).v), line);
      };
    },
  },
];
