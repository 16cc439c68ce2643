/**
 * The std traits a program may implement by hand (`impl fmt::Display for T`, `impl<T> Deref for
 * MyBox<T>`, …), by their short names, and the names their methods take in the program's fns.
 */

/** Std traits whose impls the interpreter runs, by the last segment of their path. */
const STD_TRAITS = new Set(['Display', 'Debug', 'Deref', 'DerefMut', 'Default', 'From', 'TryFrom', 'Error', 'PartialEq', 'Iterator', 'Clone', 'Add', 'Sub', 'Mul', 'Div', 'Rem', 'Neg', 'FromStr']);

/** `fmt::Display`, `std::ops::Deref`, `From<&str>` → `Display`, `Deref`, `From`; undefined for other traits. */
export function stdTrait(written: string): string | undefined {
  const path = written.replace(/\s+/g, '').replace(/<.*$/, '');
  const last = path.split('::').pop()!;
  if (!STD_TRAITS.has(last)) return undefined;
  const head = path.split('::')[0]!;
  // `fmt::Display` or `Display` (imported) or `std::…`: a path naming anything else is not std's.
  if (path.includes('::') && !['std', 'fmt', 'ops', 'core', 'convert', 'error', 'str'].includes(head)) return undefined;
  return last;
}

/**
 * The fn name of a std trait impl's method. Display and Debug both have `fmt`, so theirs are
 * qualified (`<T as Display>::fmt`, the formatting machinery calls them); the others are called
 * by name (`T::default()`, `T::from(x)`, `x.next()`, `x.deref()`), as inherent methods are.
 */
export function stdImplName(type: string, trait: string, method: string): string {
  if (trait === 'Display' || trait === 'Debug') return `<${type} as ${trait}>::${method}`;
  return `${type}::${method}`;
}

/** The names std::fmt's Formatter and Error take in written types (inference knows them). */
export const FORMATTER_NAME = 'Formatter__';
export const FMT_ERROR_NAME = 'FmtError__';

/**
 * `fmt::Formatter<'_>`, `fmt::Result` and `fmt::Error` (also through std::, or imported) in a
 * written type: `Formatter__`, `Result<(), FmtError__>`, `FmtError__`.
 */
export function fmtTypes(text: string, stdNames: ReadonlyMap<string, string>): string {
  const imported = (name: string) => stdNames.get(name) === `std::fmt::${name}`;
  text = text.replace(/\b(?:std::)?fmt::Formatter\b(\s*<[^>]*>)?/g, FORMATTER_NAME);
  text = text.replace(/\b(?:std::)?fmt::Result\b/g, `Result<(), ${FMT_ERROR_NAME}>`);
  text = text.replace(/\b(?:std::)?fmt::Error\b/g, FMT_ERROR_NAME);
  if (imported('Formatter')) text = text.replace(/(^|[^\w:])Formatter\b(\s*<[^>]*>)?/g, `$1${FORMATTER_NAME}`);
  return text;
}
