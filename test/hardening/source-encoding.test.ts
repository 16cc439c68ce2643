/** Issue 12 item 12: `memscope run` reads the file's bytes; non-UTF-8 source is refused with FILE:LINE:COLUMN. */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { decodeSource, firstInvalidUtf8 } from '../../src/cli/utf8';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), isTTY: false });
  return { code, out, err };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'memscope-utf8-'));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('source encoding', () => {
  test('a Latin-1 byte in a string literal is refused naming file, line and column', async () => {
    const p = path.join(dir, 'latin1.rs');
    await fs.writeFile(p, Buffer.concat([Buffer.from('fn main() {\n    println!("caf'), Buffer.from([0xe9]), Buffer.from('");\n}\n')]));
    const r = await cli(['run', p]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${p}:2:18: the file is not valid UTF-8 (byte 0xE9 at offset 29): Rust source must be UTF-8\n`);
    expect(r.out).toBe('');
  });

  test('valid UTF-8 (with a BOM, and non-ASCII text) still runs', async () => {
    const p = path.join(dir, 'ok.rs');
    await fs.writeFile(p, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('fn main() { println!("café ✓"); }\n')]));
    const r = await cli(['run', p]);
    expect(r.err).not.toMatch(/UTF-8/);
    expect(r.code).toBe(0);
    expect(r.out + r.err).toContain('café ✓');
  });

  test.each([
    [[0x80], 0],
    [[0x41, 0xc0, 0x80], 1], // overlong NUL
    [[0xed, 0xa0, 0x80], 0], // a UTF-16 surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // past U+10FFFF
    [[0x41, 0xe2, 0x82], 1], // cut short
  ])('%p: first invalid byte at %p', (bytes, at) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(at);
    expect(() => decodeSource('f.rs', Uint8Array.from(bytes))).toThrow(/^f\.rs:1:\d+: the file is not valid UTF-8/);
  });

  test('agrees with the platform decoder on valid text', () => {
    const text = 'a\u00e9\u4e2d\u{1f600}\u{10ffff}';
    expect(firstInvalidUtf8(Buffer.from(text))).toBe(-1);
    expect(decodeSource('f.rs', Buffer.from(text))).toBe(text);
  });
});
