import { main } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/command';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), isTTY: false };
  const code = await main(['layout', ...argv], io);
  return { code, out, err };
}

describe('memscope layout', () => {
  test('prints size and align as JSON', async () => {
    expect(await run('Option<Vec<u8>>')).toEqual({ code: 0, out: '{"size":24,"align":8}\n', err: '' });
    expect(JSON.parse((await run('&dyn std::fmt::Display')).out)).toEqual({ size: 16, align: 8 });
  });

  test('std types courses use print what rustc 1.95 says (test/engine/layout/rustc.test.ts checks the same table)', async () => {
    const want: [string, number, number][] = [
      ['RefCell<Vec<u8>>', 32, 8], ['Cell<u32>', 4, 4], ['HashMap<u64, u64>', 48, 8], ['HashSet<String>', 48, 8],
      ['VecDeque<u64>', 32, 8], ['BTreeMap<u64, u64>', 24, 8], ['Option<NonZeroU32>', 4, 4], ['fn()', 8, 8],
      ['std::cmp::Ordering', 1, 1], ['Box<dyn Trait>', 16, 8], ['Weak<u8>', 8, 8], ['Option<Cell<bool>>', 2, 1],
    ];
    for (const [ty, size, align] of want) expect([ty, JSON.parse((await run(ty)).out)]).toEqual([ty, { size, align }]);
  });

  test('a generic declaration is laid out once instantiated', async () => {
    const decl = ['--decl', 'struct Pair<T> { a: T, b: T }'];
    expect(JSON.parse((await run('Pair<u32>', ...decl)).out)).toEqual({ size: 8, align: 4 });
    expect(JSON.parse((await run('Option<Pair<String>>', ...decl)).out)).toEqual({ size: 48, align: 8 });
    const wrong = await run('Pair', ...decl);
    expect(wrong.code).not.toBe(0);
    expect(wrong.err).toContain("'Pair' takes 1 type argument (T), got 0");
  });

  test('--fields gives struct offsets in declaration and memory order', async () => {
    const r = await run('Point', '--decl', 'struct Point { x: f64, tag: u8, y: f64 }', '--fields');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      size: 24,
      align: 8,
      fields: [
        { name: 'x', offset: 0, size: 8, align: 8 },
        { name: 'tag', offset: 16, size: 1, align: 1 },
        { name: 'y', offset: 8, size: 8, align: 8 },
      ],
      memoryOrder: ['x', 'y', 'tag'],
    });
  });

  test('--fields gives the enum encoding, niche values as decimal strings', async () => {
    const r = await run('Option<String>', '--fields');
    const json = JSON.parse(r.out);
    expect(json.encoding).toEqual({
      kind: 'niche', offset: 0, size: 8, untaggedVariant: 1, nicheVariants: [0, 0], nicheStart: '9223372036854775808',
    });
    expect(json.variants.map((v: { name: string }) => v.name)).toEqual(['None', 'Some']);
  });

  test('several --decl options combine', async () => {
    const r = await run('Line', '--decl=struct P(i32, i32);', '--decl', 'struct Line { a: P, b: P, on: bool }');
    expect(JSON.parse(r.out)).toEqual({ size: 20, align: 4 });
  });

  test.each([
    [['Vec<u8'], "memscope layout: column 7: expected '>' to close 'Vec<' at column 4, found end of input\n"],
    [['Foo'], "memscope layout: unknown type 'Foo' (no struct or enum declarations were given)\n"],
    [['str'], "memscope layout: 'str' is unsized: it has no layout by value; use it behind a pointer such as &str or Box<str>\n"],
    [['S', '--decl', 'struct S { a u8 }'], "memscope layout: --decl #1: line 1, column 14: expected ':' after the field name 'a', found 'u8'\n"],
    [[], "memscope layout: missing the type to lay out, e.g. memscope layout 'Option<String>'\n"],
    [['u8', '--bogus'], "memscope layout: unknown option '--bogus' (see memscope layout --help)\n"],
    [['u8', '--decl'], 'memscope layout: --decl needs the declarations text as its value\n'],
  ])('%j fails with exit code 2', async (argv, message) => {
    expect(await run(...argv)).toEqual({ code: 2, out: '', err: message });
  });

  test('--help shows examples', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain("memscope layout 'Option<Vec<u8>>'");
  });
});
