/**
 * What std's traits ask of a program's impls of them: their required methods (rustc's E0046 when
 * one is missing), the receiver those methods take (E0053 otherwise: `deref(&self)`,
 * `next(&mut self)`), and `Error`'s supertraits `Debug + Display` (E0277 at the impl).
 */
import { RustCompileError } from '../errors';
import type { Program } from '../syntax/ast';
import { stdImplName } from '../syntax/std-traits';

/** Each std trait's required method, and the receiver it takes (undefined: an associated fn). */
const REQUIRED: Record<string, { name: string; self?: '&' | '&mut' | 'value' }> = {
  Display: { name: 'fmt', self: '&' },
  Debug: { name: 'fmt', self: '&' },
  Deref: { name: 'deref', self: '&' },
  DerefMut: { name: 'deref_mut', self: '&mut' },
  Iterator: { name: 'next', self: '&mut' },
  TryFrom: { name: 'try_from' },
  From: { name: 'from' },
  Default: { name: 'default' },
  Clone: { name: 'clone', self: '&' },
  PartialEq: { name: 'eq', self: '&' },
  Add: { name: 'add', self: 'value' },
  Sub: { name: 'sub', self: 'value' },
  Mul: { name: 'mul', self: 'value' },
  Div: { name: 'div', self: 'value' },
  Rem: { name: 'rem', self: 'value' },
  Neg: { name: 'neg', self: 'value' },
  FromStr: { name: 'from_str' },
};

export function checkStdImpls(prog: Program): void {
  for (const [type, traits] of prog.impls) {
    for (const trait of traits) {
      const want = REQUIRED[trait];
      const pos = prog.implPos?.get(`${type} as ${trait}`);
      if (!want || !pos) continue;
      const fn = prog.fns.get(stdImplName(type, trait, want.name));
      if (!fn) throw new RustCompileError(`not all trait items implemented, missing: \`${want.name}\``, pos.line, pos.col, 'E0046');
      const first = fn.params[0];
      const self = first?.pat.k === 'bind' && first.pat.name === 'self' ? first.ty : undefined;
      const ok = want.self === undefined ? !self : want.self === 'value' ? !!self && self.kind !== 'ref' : self?.kind === 'ref' && self.mutable === (want.self === '&mut');
      if (!ok) throw new RustCompileError(`method \`${want.name}\` has an incompatible type for trait \`${trait}\` (it takes \`${want.self === 'value' ? '' : (want.self ?? 'no ')}self\`)`, fn.pos.line, fn.pos.col, want.self && !self ? 'E0186' : want.self ? 'E0053' : 'E0185');
    }
    if (!traits.has('Error')) continue;
    const pos = prog.implPos?.get(`${type} as Error`) ?? { line: 0, col: 0 };
    if (!traits.has('Debug') && !prog.debugTypes.has(type)) {
      throw new RustCompileError(`\`${type}\` doesn't implement \`Debug\` (required by the supertrait of \`std::error::Error\`; add #[derive(Debug)])`, pos.line, pos.col, 'E0277');
    }
    if (!traits.has('Display')) throw new RustCompileError(`\`${type}\` doesn't implement \`std::fmt::Display\` (required by the supertrait of \`std::error::Error\`)`, pos.line, pos.col, 'E0277');
  }
}
