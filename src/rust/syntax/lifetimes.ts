/**
 * Lifetimes are erased from types: they only matter to the borrow checker, which reasons about
 * borrows without them. `&'a str` → `&str`, `Iter<'_, T>` → `Iter<T>`, `Holder<'a>` → `Holder`.
 */
const LIFETIME = String.raw`'[A-Za-z_]\w*`;
const LEADING = new RegExp(String.raw`${LIFETIME}\s*,\s*`, 'g');
const TRAILING = new RegExp(String.raw`,\s*${LIFETIME}\s*(?=[>,])`, 'g');
const ALONE = new RegExp(String.raw`<\s*${LIFETIME}\s*>`, 'g');
const ANY = new RegExp(String.raw`${LIFETIME}\s*`, 'g');

/** A type's text without its lifetimes (as arguments of a path and after `&`). */
export function eraseLifetimes(text: string): string {
  return text.replace(LEADING, '').replace(TRAILING, '').replace(ALONE, '').replace(ANY, '');
}
