import type { Machine } from '../memory/machine';
import type { Layout, Ty } from '../layout/types';
import { utf8Length } from '../memory/to-value';
import { ownerOf, touch } from './home';
import { reserve, reserveExact, resizeTo, shrinkToFit, type BufferSpec } from './raw-vec';
import type { Home, StringValue } from '../memory/rvalue';

const STRING_TY: Ty = { kind: 'string' };
const BYTE: Layout = { size: 1, align: 1 };

function spec(s: StringValue, home: Home): BufferSpec {
  return { elem: BYTE, blockType: '[u8]', owner: ownerOf(home), content: () => ({ k: 'text', v: s.text, len: s.len }) };
}

/**
 * Records a change at the end of the text (its first `keep` bytes stay, then `added`) and then
 * the (ptr, len, cap) header: only the change goes into the timeline, never the whole text again.
 */
function edited(m: Machine, s: StringValue, home: Home, keep: number, added = '', addedLen = 0): void {
  if (s.buf) m.editText(s.buf, keep, added, addedLen);
  touch(m, home);
}

/** `String::new()`: no allocation until the first byte. */
export function stringNew(): StringValue {
  return { tag: 'string', ty: STRING_TY, buf: null, len: 0, cap: 0, text: '' };
}

/** `String::with_capacity(n)`: exactly n bytes. */
export function stringWithCapacity(m: Machine, cap: number, home: Home = TEMP): StringValue {
  const s = stringNew();
  resizeTo(m, s, cap, spec(s, home));
  return s;
}

/** `String::from(lit)` / `lit.to_string()` / `to_owned()`: exactly len bytes, copied. */
export function stringFrom(m: Machine, text: string, home: Home = TEMP): StringValue {
  const s = stringNew();
  const len = utf8Length(text);
  s.text = text;
  s.len = len;
  resizeTo(m, s, len, spec(s, home));
  return s;
}

/** `s.push_str(t)`: reserve(t.len()) then copy. */
export function pushStr(m: Machine, s: StringValue, text: string, home: Home): void {
  const add = utf8Length(text);
  reserve(m, s, s.len, add, spec(s, home));
  const keep = s.len;
  s.text += text;
  s.len += add;
  edited(m, s, home, keep, text, add);
}

/** `s.push(ch)`: reserve(ch.len_utf8()) then write it. */
export function pushChar(m: Machine, s: StringValue, ch: string, home: Home): void {
  pushStr(m, s, ch, home);
}

export function stringReserve(m: Machine, s: StringValue, additional: number, home: Home): void {
  reserve(m, s, s.len, additional, spec(s, home));
  touch(m, home);
}

export function stringReserveExact(m: Machine, s: StringValue, additional: number, home: Home): void {
  reserveExact(m, s, s.len, additional, spec(s, home));
  touch(m, home);
}

export function stringShrinkToFit(m: Machine, s: StringValue, home: Home): void {
  shrinkToFit(m, s, s.len, spec(s, home));
  touch(m, home);
}

/** `s.clear()`: len 0, the buffer stays. */
export function stringClear(m: Machine, s: StringValue, home: Home): void {
  s.text = '';
  s.len = 0;
  edited(m, s, home, 0);
}

/** `s.pop()`: removes the last char, no reallocation. */
export function stringPop(m: Machine, s: StringValue, home: Home): string | null {
  if (!s.text) return null;
  // The last character (two UTF-16 units when outside the BMP), without splitting the whole text.
  const unit = s.text.charCodeAt(s.text.length - 1);
  const width = unit >= 0xdc00 && unit <= 0xdfff && s.text.length > 1 ? 2 : 1;
  const last = s.text.slice(-width);
  s.text = s.text.slice(0, -width);
  s.len -= utf8Length(last);
  edited(m, s, home, s.len);
  return last;
}

/** `s.clone()`: a new buffer of exactly len bytes (not cap). */
export function stringClone(m: Machine, s: StringValue, home: Home = TEMP): StringValue {
  return stringFrom(m, s.text, home);
}

export const TEMP: Home = { kind: 'temp' };
