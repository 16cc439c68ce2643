/**
 * `use` declarations: what each brings into scope. A course program imports std items
 * (`use std::collections::HashMap;`, `use std::mem;`, `use std::fmt::{self, Display};`) and its own
 * enum's variants (`use List::{Cons, Nil};`, `use crate::Shape::*;`). The import itself never fails
 * here: a std item the subset lacks is reported where the program uses it, as "not supported yet".
 */

/** One name brought into scope: `local` (after `as`) for `path` (written without crate/self). */
export interface Import {
  local: string;
  path: string[];
  /** `use a::b::*;`: every public name of `path`. */
  glob: boolean;
}

/** The imports of one `use` declaration's text (`use a::{b, c::d as e, f::*};`). */
export function parseUse(text: string): Import[] {
  const body = text
    .replace(/^\s*(pub(\([^)]*\))?\s+)?use\s+/, '')
    .replace(/;\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  const out: Import[] = [];
  walk(body, [], out);
  return out;
}

function walk(tree: string, prefix: string[], out: Import[]): void {
  tree = tree.trim();
  const brace = tree.indexOf('{');
  if (brace >= 0) {
    const head = tree.slice(0, brace).replace(/::\s*$/, '');
    const base = [...prefix, ...segments(head)];
    for (const part of splitTop(tree.slice(brace + 1, tree.lastIndexOf('}')))) walk(part, base, out);
    return;
  }
  const m = /^(.*?)(?:\s+as\s+([A-Za-z_][A-Za-z0-9_]*))?$/.exec(tree)!;
  const segs = [...prefix, ...segments(m[1]!)];
  if (segs[segs.length - 1] === '*') {
    out.push({ local: '*', path: segs.slice(0, -1), glob: true });
    return;
  }
  // `use std::fmt::{self}` imports `fmt` itself.
  if (segs[segs.length - 1] === 'self') segs.pop();
  out.push({ local: m[2] ?? segs[segs.length - 1]!, path: segs, glob: false });
}

function segments(path: string): string[] {
  const segs = path.split('::').map((s) => s.trim()).filter((s) => s !== '');
  while (segs[0] === 'crate' || segs[0] === 'self' || segs[0] === 'super') segs.shift();
  return segs;
}

/** Splits `a, b::{c, d}, e` at its top-level commas. */
function splitTop(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === '{') depth++;
    else if (list[i] === '}') depth--;
    else if (list[i] === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts.filter((p) => p.trim() !== '');
}

/** The std roots a path may start at. */
export const STD_ROOTS = new Set(['std', 'core', 'alloc']);

/** What reading one `use` did: `rc` when it imported `std::rc::Rc`; else the first problem, as a message. */
export interface UseRead {
  rc?: boolean;
  /** E0432: the enum has no such variant. */
  missing?: string;
  /** The import names something the subset cannot import yet. */
  unsupported?: string;
}

/**
 * Reads one `use` declaration into the lowering's tables: std names (`HashMap` →
 * `std::collections::HashMap`) and enum-variant aliases (`Cons` → [List, Cons]), given the
 * program's enums and their variants.
 */
export function readUse(text: string, enums: ReadonlyMap<string, string[]>, stdNames: Map<string, string>, aliases: Map<string, [string, string]>): UseRead {
  const out: UseRead = {};
  for (const imp of parseUse(text)) {
    const [head, ...rest] = imp.path;
    if (head !== undefined && STD_ROOTS.has(head)) {
      if (imp.glob) return { ...out, unsupported: `\`${text.trim()}\` (a glob import from std) is not supported yet` };
      if (imp.path.join('::') === 'std::rc::Rc' && imp.local === 'Rc') out.rc = true;
      stdNames.set(imp.local, imp.path.join('::'));
      continue;
    }
    const variants = head !== undefined ? enums.get(head) : undefined;
    if (variants && rest.length === 0 && imp.glob) {
      for (const v of variants) aliases.set(v, [head!, v]);
      continue;
    }
    if (variants && rest.length === 1 && !imp.glob) {
      if (!variants.includes(rest[0]!)) return { ...out, missing: `unresolved import \`${imp.path.join('::')}\`: no \`${rest[0]}\` in \`${head}\`` };
      aliases.set(imp.local, [head!, rest[0]!]);
      continue;
    }
    if (variants && rest.length === 0 && imp.local === head) continue; // `use crate::Shape;` names what is already in scope
    return { ...out, unsupported: `\`${text.trim()}\` is not supported yet (imports of std items and of an enum's variants are)` };
  }
  return out;
}
