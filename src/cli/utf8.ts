/**
 * Source files are read as bytes and decoded strictly: reading them as 'utf8' turned invalid
 * bytes into U+FFFD silently, and rustc refuses a file that is not UTF-8.
 */

/** The byte offset of the first byte that is not part of valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let n: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) { n = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { n = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { n = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += n + 1;
  }
  return -1;
}

/** Decodes a source file's bytes (a UTF-8 BOM is dropped, as rustc does), or throws an Error saying FILE:LINE:COLUMN of the first bad byte. */
export function decodeSource(file: string, bytes: Uint8Array): string {
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return new TextDecoder('utf-8').decode(bytes);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) { line++; lineStart = i + 1; }
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, bad)).length + 1;
  const hex = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
  throw new Error(`${file}:${line}:${column}: the file is not valid UTF-8 (byte 0x${hex} at offset ${bad}): Rust source must be UTF-8`);
}
