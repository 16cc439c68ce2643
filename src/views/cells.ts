/**
 * A value as the diagram's cells: a `String` is `ptr | len | cap`, a struct one cell per field, an
 * array one cell per element, a pointer a cell holding the dot its arrow starts from. Cells are
 * never cut; the diagram wraps long ones. Pure data, tested as data (test/views/cells.test.ts).
 */
import type { Target, Value } from '../format/values';
import { floatText } from '../engine/memory/float-text';

export interface Cell {
  /** Field name, index or part (`ptr`, `len`, `cap`, `0`, `next.ptr`); empty for a plain value. */
  label: string;
  /** What the cell shows (a pointer cell shows only its dot: text is empty). */
  text: string;
  /** A pointer cell: where its arrow goes (null: a null pointer). */
  pointer?: Target | null;
  /** A moved-out or uninitialised value (drawn greyed). */
  faded?: boolean;
}

export interface CellOptions {
  /** Aquascope's toggle: String/Vec (ptr, len, cap) and fat pointers (ptr, len) as just their pointer. */
  compact?: boolean;
  /** Elements of an array shown at most; the rest become one `+N more` cell. Default 32. */
  maxItems?: number;
}

/** A scalar value's text as Rust's Debug shows it; null for a value with parts. */
export function scalarText(v: Value): string | null {
  switch (v.k) {
    case 'int':
      return String(v.v);
    case 'float':
      return typeof v.v === 'number' ? floatText(v.v, true, false) : v.v;
    case 'bool':
      return v.v ? 'true' : 'false';
    case 'char':
      return `'${v.v}'`;
    case 'unit':
      return '()';
    case 'text':
      return JSON.stringify(v.v);
    default:
      return null;
  }
}

const join = (prefix: string, label: string): string => (prefix === '' ? label : label === '' ? prefix : `${prefix}.${label}`);

/**
 *   cellsOf({k: 'buf', to: {region: 'heap', block: 0}, len: 5, cap: 8})
 *   // → [{label: 'ptr', text: '', pointer: …}, {label: 'len', text: '5'}, {label: 'cap', text: '8'}]
 */
export function cellsOf(value: Value | null, options: CellOptions = {}, prefix = '', depth = 0): Cell[] {
  if (!value) return [{ label: prefix, text: '?' }];
  const maxItems = options.maxItems ?? 32;
  const text = scalarText(value);
  if (text !== null) return [{ label: prefix, text }];
  // Deeply nested values stay one readable cell rather than a wall of tiny ones.
  if (depth > 4) return [{ label: prefix, text: '…' }];
  const nested = (x: Value, label: string): Cell[] => cellsOf(x, options, join(prefix, label), depth + 1);
  switch (value.k) {
    case 'ptr': {
      const cells: Cell[] = [{ label: join(prefix, 'ptr'), text: '', pointer: value.to }];
      if (value.len !== undefined && !options.compact) cells.push({ label: join(prefix, 'len'), text: String(value.len) });
      if (options.compact || value.len === undefined) cells[0]!.label = prefix;
      return cells;
    }
    case 'buf':
      if (options.compact) return [{ label: prefix, text: '', pointer: value.to }];
      return [
        { label: join(prefix, 'ptr'), text: '', pointer: value.to },
        { label: join(prefix, 'len'), text: String(value.len) },
        { label: join(prefix, 'cap'), text: String(value.cap) },
      ];
    case 'struct':
      return value.fields.flatMap(([name, x]) => nested(x, name));
    case 'tuple':
      return value.items.flatMap((x, i) => nested(x, String(i)));
    case 'array': {
      const shown = value.items.slice(0, maxItems);
      const cells = shown.flatMap((x, i) => nested(x, `[${i}]`));
      const rest = value.len - shown.length;
      if (rest > 0) cells.push({ label: '', text: `+${rest} more` });
      if (value.len === 0) cells.push({ label: prefix, text: 'empty' });
      return cells;
    }
    case 'enum': {
      const tag: Cell = { label: prefix, text: `${value.name}::${value.variant}` };
      return [tag, ...(value.fields ?? []).flatMap(([name, x]) => nested(x, name))];
    }
    case 'rcbox':
      return [
        { label: join(prefix, 'strong'), text: String(value.strong) },
        { label: join(prefix, 'weak'), text: String(value.weak) },
        ...nested(value.value, 'value'),
      ];
    case 'moved':
      return [{ label: prefix, text: 'moved', faded: true }];
    case 'uninit':
      return [{ label: prefix, text: 'uninit', faded: true }];
    default:
      return [{ label: prefix, text: '?' }];
  }
}

/** Same target (block, static item or local; offsets aside)? Matches a snapshot's pointer to the cell it starts from. */
export function sameTarget(a: Target | null | undefined, b: Target | null | undefined): boolean {
  if (!a || !b || a.region !== b.region) return false;
  if (a.region === 'heap' && b.region === 'heap') return a.block === b.block;
  if (a.region === 'static' && b.region === 'static') return a.item === b.item;
  if (a.region === 'stack' && b.region === 'stack') return a.frame === b.frame && a.slot === b.slot;
  return false;
}

/** A cell as one comparable string (change marks compare cells by label and content). */
export function cellKey(c: Cell): string {
  const p = c.pointer;
  const to = p === undefined ? '' : p === null ? '→null' : `→${JSON.stringify(p)}`;
  return `${c.label}=${c.text}${to}${c.faded ? '~' : ''}`;
}
