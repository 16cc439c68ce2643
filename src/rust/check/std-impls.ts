/**
 * What std's traits ask of a program's impls of them: `Error` has `Debug + Display` as
 * supertraits (rustc's E0277 at the impl when one is missing).
 */
import { RustCompileError } from '../errors';
import type { Program } from '../syntax/ast';

export function checkStdImpls(prog: Program): void {
  for (const [type, traits] of prog.impls) {
    if (!traits.has('Error')) continue;
    const pos = prog.implPos?.get(`${type} as Error`) ?? { line: 0, col: 0 };
    if (!traits.has('Debug') && !prog.debugTypes.has(type)) {
      throw new RustCompileError(`\`${type}\` doesn't implement \`Debug\` (required by the supertrait of \`std::error::Error\`; add #[derive(Debug)])`, pos.line, pos.col, 'E0277');
    }
    if (!traits.has('Display')) throw new RustCompileError(`\`${type}\` doesn't implement \`std::fmt::Display\` (required by the supertrait of \`std::error::Error\`)`, pos.line, pos.col, 'E0277');
  }
}
