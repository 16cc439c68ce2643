/** Views into a text's own bytes: where they are, and a `&str` of part of them (no allocation). */
import type { PlaceRef, RValue, StringValue } from '../../engine/memory/rvalue';
import { utf8Length } from '../../engine/memory/to-value';
import { deref, STR_REF_TY, textOf } from '../run/values';

/** Where a String's or a &str's bytes are (null for an empty String without a buffer). */
export function textTarget(v: RValue): PlaceRef | null {
  if (v.tag === 'str') return v.target;
  const s = v as StringValue;
  return s.buf ? { kind: 'block', block: s.buf, offset: 0 } : null;
}

/** The byte offset of char index i of `text`. */
export const byteAt = (text: string, i: number) => utf8Length([...text].slice(0, i).join(''));

/** A `&str` of the receiver's bytes from char `from` to char `to`. */
export function subStr(whole: RValue, from: number, to: number): RValue {
  const text = textOf(whole);
  const target = textTarget(deref(whole));
  const at = byteAt(text, from);
  return {
    tag: 'str', ty: STR_REF_TY, text: [...text].slice(from, to).join(''),
    target: target && target.kind === 'block' ? { ...target, offset: target.offset + at } : target,
  };
}

