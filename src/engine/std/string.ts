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

/** Re-records the buffer's bytes and the (ptr, len, cap) header after a change. */
function written(m: Machine, s: StringValue, home: Home): void {
  if (s.buf) m.setContent(s.buf, { k: 'text', v: s.text, len: s.len });
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
  s.text += text;
  s.len += add;
  written(m, s, home);
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
  written(m, s, home);
}

/** `s.pop()`: removes the last char, no reallocation. */
export function stringPop(m: Machine, s: StringValue, home: Home): string | null {
  if (!s.text) return null;
  const chars = [...s.text];
  const last = chars.pop()!;
  s.text = chars.join('');
  s.len -= utf8Length(last);
  written(m, s, home);
  return last;
}

/** `s.clone()`: a new buffer of exactly len bytes (not cap). */
export function stringClone(m: Machine, s: StringValue, home: Home = TEMP): StringValue {
  return stringFrom(m, s.text, home);
}

export const TEMP: Home = { kind: 'temp' };
