/** Closure traits written as types (`impl Fn(&str) -> String`, `dyn FnMut()`): their signatures, read from the text. */
import { parseType } from '../../engine/layout/parse';
import type { Ty } from '../../engine/layout/types';

/** The signature a closure trait's text names: `impl Fn(&str) -> String` → Fn, [&str], String. */
export function fnTraitSig(trait: string): { impl: boolean; kind: 'Fn' | 'FnMut' | 'FnOnce'; params: Ty[]; ret: Ty } | undefined {
  const m = /^(impl\s+)?(Fn|FnMut|FnOnce)\s*\(([\s\S]*)$/.exec(trait.trim());
  if (!m) return undefined;
  // Split `A, B) -> R` at the parenthesis closing the parameters.
  const rest = m[3]!;
  let depth = 0;
  let close = -1;
  for (let i = 0; i < rest.length && close < 0; i++) {
    const c = rest[i]!;
    if (c === '(' || c === '<' || c === '[') depth++;
    else if (c === ')' && depth === 0) close = i;
    else if (c === ')' || c === '>' || c === ']') depth--;
  }
  if (close < 0) return undefined;
  const params: string[] = [];
  let start = 0;
  depth = 0;
  const inner = rest.slice(0, close);
  for (let i = 0; i <= inner.length; i++) {
    const c = inner[i];
    if (c === '(' || c === '<' || c === '[') depth++;
    else if (c === ')' || c === '>' || c === ']') depth--;
    else if ((c === ',' && depth === 0) || c === undefined) {
      const t = inner.slice(start, i).trim();
      if (t) params.push(t);
      start = i + 1;
    }
  }
  const after = rest.slice(close + 1).trim();
  const ret = after.startsWith('->') ? after.slice(2).trim() : '()';
  return { impl: !!m[1], kind: m[2] as 'Fn', params: params.map((p) => parseType(p)), ret: parseType(ret) };
}
