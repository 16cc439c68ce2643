/**
 * Values: what a memory diagram shows in a local, a heap block or a static item. Plain JSON, a
 * small discriminated union on `k`. Pointers name their target by stable ids (block id, static
 * id, frame id + slot) so arrows survive scrubbing and the diagram does not jitter. `slot` is
 * the one numbering of locals in the format: a local's place in its frame's order of binding
 * (the Machine's), stable while the frame lives.
 */
export type Target =
  | { region: 'heap'; block: number; offset?: number }
  | { region: 'static'; item: number; offset?: number }
  | { region: 'stack'; frame: number; slot: number };

export type Value =
  /** Integers beyond 2^53 are written as decimal strings. */
  | { k: 'int'; v: number | string }
  /** JSON has no NaN or infinities: those are written as the strings 'NaN', 'inf' and '-inf', as Rust prints them. */
  | { k: 'float'; v: number | 'NaN' | 'inf' | '-inf' }
  | { k: 'bool'; v: boolean }
  | { k: 'char'; v: string }
  | { k: 'unit' }
  /** A thin or fat pointer: reference, raw pointer, Box, Rc. `len` is a fat pointer's metadata. */
  | { k: 'ptr'; to: Target | null; len?: number }
  /** The (ptr, len, cap) header of a String or Vec, on the stack or inside another block. */
  | { k: 'buf'; to: Target | null; len: number; cap: number }
  | { k: 'struct'; name: string; fields: Array<[string, Value]> }
  | { k: 'tuple'; items: Value[] }
  /** Arrays and Vec buffers: the first items and the full length (long ones are cut for display). */
  | { k: 'array'; items: Value[]; len: number }
  | { k: 'enum'; name: string; variant: string; fields?: Array<[string, Value]> }
  /** The UTF-8 bytes of a string buffer or literal. */
  | { k: 'text'; v: string; len: number }
  /** The heap block behind an Rc/Arc: two counters and the value. */
  | { k: 'rcbox'; strong: number; weak: number; value: Value }
  /** A moved-from binding: the local exists but owns nothing. */
  | { k: 'moved' }
  | { k: 'uninit' };

export const VALUE_KINDS = [
  'int', 'float', 'bool', 'char', 'unit', 'ptr', 'buf', 'struct', 'tuple', 'array', 'enum', 'text', 'rcbox', 'moved', 'uninit',
] as const;

/** How many items of an array or buffer the display keeps. */
export const DISPLAY_ITEMS = 32;

/** A `text` value. */
export type TextValue = Extract<Value, { k: 'text' }>;

/**
 * A text edit (a `write` event in WriteMode.TextEdit): the first `keep` bytes of `text`, then
 * `added`. Cutting walks back from the end, so a push or a pop costs what it changes, not the
 * length of the text. A `keep` inside a character or past the end keeps what it can; the `len`
 * returned is always the byte length of the result.
 */
export function editText(text: TextValue, keep: number, added: TextValue): TextValue {
  let v = text.v;
  let len = text.len;
  if (keep <= 0) {
    v = '';
    len = 0;
  } else {
    let i = v.length;
    while (len > keep && i > 0) {
      const unit = v.charCodeAt(i - 1);
      if (unit >= 0xdc00 && unit <= 0xdfff && i > 1) {
        i -= 2; // a surrogate pair: one 4-byte character
        len -= 4;
      } else {
        i -= 1;
        len -= unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
      }
    }
    if (i < v.length) v = v.slice(0, i);
  }
  return added.v === '' ? { k: 'text', v, len } : { k: 'text', v: v + added.v, len: len + added.len };
}
