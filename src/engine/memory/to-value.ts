import { DISPLAY_ITEMS, type Target, type Value } from '../../format/values';
import type { PlaceRef, RValue, VecValue } from './rvalue';
import { floatText } from './float-text';

/** The format's Target for a place a pointer points at. */
export function targetOf(place: PlaceRef | null): Target | null {
  if (!place) return null;
  switch (place.kind) {
    case 'local':
      return { region: 'stack', frame: place.local.frameId, slot: place.local.slot };
    case 'block':
      return place.offset ? { region: 'heap', block: place.block.id, offset: place.offset } : { region: 'heap', block: place.block.id };
    case 'static':
      return { region: 'static', item: place.item.id };
  }
}

function heapTarget(block: { id: number } | null): Target | null {
  return block ? { region: 'heap', block: block.id } : null;
}

/**
 * A float as the format keeps it: the non-finite ones by name (JSON would write null), an f32
 * as the f64 with its shortest digits (0.1f32 is kept as 0.1, so a reader shows what Rust prints).
 */
function floatValue(x: number, f32: boolean): Value {
  if (Number.isNaN(x)) return { k: 'float', v: 'NaN' };
  if (!Number.isFinite(x)) return { k: 'float', v: x > 0 ? 'inf' : '-inf' };
  return { k: 'float', v: f32 ? Number(floatText(x, false, true)) : x };
}

function scalar(v: Extract<RValue, { tag: 'scalar' }>): Value {
  switch (v.ty.kind) {
    case 'bool':
      return { k: 'bool', v: Boolean(v.v) };
    case 'char':
      return { k: 'char', v: String(v.v) };
    case 'float':
      return floatValue(Number(v.v), v.ty.name === 'f32');
    default:
      if (typeof v.v === 'bigint') {
        const n = Number(v.v);
        return { k: 'int', v: Number.isSafeInteger(n) ? n : v.v.toString() };
      }
      return { k: 'int', v: v.v as number };
  }
}

const UNIT: Value = { k: 'unit' };

/**
 * The format `Value` of a runtime value: what the timeline records and a diagram draws where the
 * value sits (a local on the stack, or inline inside a block).
 */
export function toValue(v: RValue): Value {
  switch (v.tag) {
    case 'scalar':
      return scalar(v);
    case 'unit':
      return UNIT;
    case 'str':
      return { k: 'ptr', to: targetOf(v.target), len: utf8Length(v.text) };
    case 'string':
    case 'vec':
      return { k: 'buf', to: heapTarget(v.buf), len: v.len, cap: v.cap };
    case 'box':
      return { k: 'ptr', to: heapTarget(v.block) };
    case 'rc':
    case 'weak':
      return { k: 'ptr', to: heapTarget(v.cell.block) };
    case 'struct':
      return { k: 'struct', name: v.name, fields: v.fields.map((f, i) => [v.fieldNames[i]!, toValue(f)]) };
    case 'tuple':
      return { k: 'tuple', items: v.items.map(toValue) };
    case 'array':
      return { k: 'array', items: v.items.slice(0, DISPLAY_ITEMS).map(toValue), len: v.items.length };
    case 'enum':
      return v.fields.length
        ? { k: 'enum', name: v.name, variant: v.variant, fields: v.fields.map((f, i) => [v.fieldNames[i]!, toValue(f)]) }
        : { k: 'enum', name: v.name, variant: v.variant };
    case 'ref':
      return { k: 'ptr', to: targetOf(v.target) };
    case 'map':
      // The table block holds the entries; the map on the stack points at it.
      return { k: 'buf', to: heapTarget(v.block), len: v.entries.size, cap: v.table.buckets <= 8 ? Math.max(0, v.table.buckets - 1) : (v.table.buckets / 8) * 7 };
  }
}

/** What an Rc/Arc block shows: its counters and the value they share. */
export function rcContent(cell: { strong: number; weak: number; inner: RValue }): Value {
  return { k: 'rcbox', strong: cell.strong, weak: cell.weak, value: toValue(cell.inner) };
}

/** The first `n` elements of a Vec, read without unpacking a packed one. */
export function firstItems(v: VecValue, n: number): RValue[] {
  const p = v.packed;
  if (!p) return v.items.slice(0, n);
  return p.values.slice(0, n).map((x): RValue => ({ tag: 'scalar', ty: p.ty, v: x }));
}

/** Display items of a Vec buffer; long buffers show their first DISPLAY_ITEMS items. */
export function vecContent(v: VecValue, shown?: Value[]): Value {
  const items = shown ?? firstItems(v, DISPLAY_ITEMS).map(toValue);
  return { k: 'array', items, len: v.len };
}

/** Bytes of `text` in UTF-8 (what Rust's `len()` counts), without Node's Buffer so it runs in a browser too. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}
