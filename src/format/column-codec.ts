/**
 * Integer columns as text: delta, then zigzag, then LEB128 varint bytes, then base64.
 * Consecutive addresses, steps and metrics differ by little, so most values take one
 * or two bytes. Works in Node and in a browser (no Buffer needed).
 */
export interface EncodedColumn {
  enc: 'delta-varint-b64';
  data: string;
}

/** Largest magnitude a delta may have and still round-trip exactly through doubles. */
const MAX_DELTA = 2 ** 51;

export function encodeColumn(values: ArrayLike<number>, length = values.length): EncodedColumn {
  // Most deltas take one byte; the buffer doubles when they do not (a JS array of bytes took twice the time).
  let bytes = new Uint8Array(Math.max(16, length + 8));
  let n = 0;
  let previous = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i]!;
    const delta = v - previous;
    if (!Number.isInteger(delta) || Math.abs(delta) > MAX_DELTA) {
      throw new RangeError(`column value ${v} at index ${i} is not an integer the format can hold`);
    }
    previous = v;
    if (n + 8 > bytes.length) {
      const more = new Uint8Array(bytes.length * 2);
      more.set(bytes);
      bytes = more;
    }
    let z = delta >= 0 ? delta * 2 : -delta * 2 - 1;
    while (z >= 128) {
      bytes[n++] = (z % 128) | 128;
      z = Math.floor(z / 128);
    }
    bytes[n++] = z;
  }
  return { enc: 'delta-varint-b64', data: toBase64(bytes.subarray(0, n)) };
}

/**
 * The most values an encoded column can hold (each takes at least one byte), without decoding:
 * a reader bounds what it allocates by this. Throws as decodeColumn does on text that is not base64.
 */
export function encodedCapacity(column: EncodedColumn): number {
  checkBase64(column.data);
  return (column.data.length / 4) * 3 - (column.data.match(/=*$/)![0].length);
}

/** Decodes into `out`; returns how many values were read, or throws with the byte offset that broke. */
export function decodeColumn(column: EncodedColumn, out: { [i: number]: number; length: number }): number {
  const bytes = fromBase64(column.data);
  let previous = 0;
  let n = 0;
  let i = 0;
  while (i < bytes.length) {
    let z = 0;
    let scale = 1;
    for (;;) {
      if (i >= bytes.length) throw new RangeError(`varint cut short at byte ${i}`);
      const byte = bytes[i++]!;
      z += (byte & 127) * scale;
      if (byte < 128) break;
      scale *= 128;
      if (scale > 2 ** 56) throw new RangeError(`varint too long at byte ${i}`);
    }
    const delta = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    previous += delta;
    if (n >= out.length) throw new RangeError(`more values than the declared count ${out.length}`);
    out[n++] = previous;
  }
  return n;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(bytes: Uint8Array): string {
  if (typeof Buffer !== 'undefined') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : ALPHABET[c & 63]!;
  }
  return out;
}

function checkBase64(text: string): void {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new RangeError('data is not base64');
  }
}

function fromBase64(text: string): Uint8Array {
  checkBase64(text);
  if (typeof Buffer !== 'undefined') return new Uint8Array(Buffer.from(text, 'base64'));
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let n = 0;
  for (const ch of clean) {
    acc = (acc << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 255;
    }
  }
  return out;
}
