import fc from 'fast-check';
import {
  enumLayout,
  LayoutError,
  layoutOf,
  parseType,
  parseTypeDecls,
  registryOf,
  structLayout,
  T,
  typeLayout,
} from '../../../src/engine/layout';
import type { Ty, TypeRegistry } from '../../../src/engine/layout';

const decls = (text: string): TypeRegistry => registryOf(parseTypeDecls(text));
const of = (text: string, registry?: TypeRegistry) => layoutOf(parseType(text), registry);

function layoutError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof LayoutError) return err.message;
    throw err;
  }
  throw new Error('expected a LayoutError');
}

describe('errors', () => {
  test('unknown type names list the declared ones', () => {
    expect(layoutError(() => of('Point'))).toBe("unknown type 'Point' (no struct or enum declarations were given)");
    const reg = decls('struct A; enum B { X }');
    expect(layoutError(() => of('Option<Pont>', reg))).toBe("unknown type 'Pont' (known types: A, B)");
    expect(layoutError(() => of('Box<Pont>', reg))).toBe("unknown type 'Pont' (known types: A, B)");
  });

  test.each(['str', '[u8]', 'dyn Display', '(u8, str)', 'Option<[u8]>', 'Vec<str>', '[str; 2]'])(
    'unsized %s by value is an error',
    (text) => {
      expect(layoutError(() => of(text))).toMatch(/unsized/);
    },
  );

  test('unsized struct field by value names the field', () => {
    const reg = decls('struct S { n: u8, tail: [u8] }');
    expect(layoutError(() => of('S', reg))).toBe(
      "'[u8]' is unsized and cannot be used by value in field 'tail' of struct 'S'; put it behind a pointer such as &, Box or Rc",
    );
    // ...but behind a pointer it is a fat pointer, like &[u8].
    expect(of('&S', reg)).toEqual({ size: 16, align: 8 });
  });

  test('types containing themselves by value have no size; behind a Box they are fine', () => {
    const reg = decls('struct Bad { next: Option<Bad> } struct A { b: B } struct B { a: (u8, A) } struct Good { next: Option<Box<Good>> }');
    expect(layoutError(() => of('Bad', reg))).toMatch(/^recursive type 'Bad' has infinite size/);
    expect(layoutError(() => of('A', reg))).toMatch(/^recursive type 'A' has infinite size/);
    expect(of('Good', reg)).toEqual({ size: 8, align: 8 });
  });

  test('discriminants must fit the repr integer', () => {
    const reg = decls('#[repr(u8)] enum E { A = 256 } #[repr(u8)] enum N { A = -1, B }');
    expect(layoutError(() => of('E', reg))).toMatch(/does not fit the enum's repr integer of 1 byte/);
    expect(layoutError(() => of('N', reg))).toMatch(/does not fit/);
  });

  test('duplicate declarations are rejected', () => {
    expect(layoutError(() => decls('struct A; enum A { X }'))).toBe("type 'A' is declared twice");
  });

  test('sizes beyond 2^53 bytes are refused, not rounded', () => {
    expect(layoutError(() => of('[[u64; 1000000000]; 1000000000]'))).toMatch(/size overflow/);
  });
});

describe('structLayout', () => {
  test('repr(Rust) sorts by alignment; repr(C) keeps declaration order', () => {
    const reg = decls('struct R { a: u8, b: u32, c: u16 } #[repr(C)] struct C { a: u8, b: u32, c: u16 }');
    const r = structLayout(T.adt('R'), reg);
    expect(r).toMatchObject({ size: 8, align: 4, memoryOrder: ['b', 'c', 'a'] });
    expect(r.fields).toEqual([
      { name: 'a', offset: 6, size: 1, align: 1 },
      { name: 'b', offset: 0, size: 4, align: 4 },
      { name: 'c', offset: 4, size: 2, align: 2 },
    ]);
    const c = structLayout(T.adt('C'), reg);
    expect(c).toMatchObject({ size: 12, align: 4, memoryOrder: ['a', 'b', 'c'] });
    expect(c.fields.map((f) => f.offset)).toEqual([0, 4, 8]);
  });

  test('a tuple keeps its last field last', () => {
    expect(structLayout(parseType('(u8, u32, u8)')).fields.map((f) => f.offset)).toEqual([4, 0, 5]);
  });

  test('enums are refused with a pointer to enumLayout', () => {
    expect(layoutError(() => structLayout(T.option(T.u8)))).toMatch(/use enumLayout/);
  });
});

describe('enumLayout encodings', () => {
  test('Option<&T> stores None as the null pointer', () => {
    expect(enumLayout(parseType('Option<&u8>')).encoding).toEqual({
      kind: 'niche', offset: 0, size: 8, untaggedVariant: 1, nicheVariants: [0, 0], nicheStart: 0n,
    });
  });

  test('Option<bool> uses 2, Option<Option<bool>> uses 3', () => {
    expect(enumLayout(parseType('Option<bool>')).encoding).toMatchObject({ kind: 'niche', nicheStart: 2n });
    expect(enumLayout(parseType('Option<Option<bool>>')).encoding).toMatchObject({ kind: 'niche', nicheStart: 3n });
  });

  test('Option<Vec<u8>> stores None as capacity 2^63', () => {
    expect(enumLayout(parseType('Option<Vec<u8>>')).encoding).toMatchObject({ kind: 'niche', offset: 0, nicheStart: 1n << 63n });
  });

  test('Option<char> stores None just past the last Unicode scalar value', () => {
    expect(enumLayout(parseType('Option<char>')).encoding).toMatchObject({ kind: 'niche', size: 4, nicheStart: 0x110000n });
  });

  test('a small data variant goes after the String niche', () => {
    const reg = decls('enum E { A(u32), B(String) }');
    const e = enumLayout(T.adt('E'), reg);
    expect(e).toMatchObject({ size: 24, align: 8, encoding: { kind: 'niche', offset: 0, untaggedVariant: 1 } });
    expect(e.variants[0]!.fields[0]!.offset).toBe(8);
  });

  test('fieldless enums get the smallest tag; repr(C) gets a C int; repr(i16) its own', () => {
    const reg = decls('enum Color { R, G, B } #[repr(C)] enum CC { R, G } #[repr(i16)] enum S { A = -3, B } enum W { A = 0, B = 70000 }');
    expect(enumLayout(T.adt('Color'), reg)).toMatchObject({ size: 1, encoding: { kind: 'tag', size: 1, signed: false } });
    expect(enumLayout(T.adt('CC'), reg)).toMatchObject({ size: 4, encoding: { kind: 'tag', size: 4 } });
    const s = enumLayout(T.adt('S'), reg);
    expect(s).toMatchObject({ size: 2, encoding: { kind: 'tag', size: 2, signed: true } });
    expect(s.variants.map((v) => v.discriminant)).toEqual([-3n, -2n]);
    expect(layoutOf(T.adt('W'), reg)).toEqual({ size: 4, align: 4 });
  });

  test('the tag widens to the first field alignment in repr(Rust), not in repr(u8)', () => {
    const reg = decls('enum E { A(u32), B } #[repr(u8)] enum F { A(u32), B }');
    expect(enumLayout(T.adt('E'), reg).encoding).toEqual({ kind: 'tag', offset: 0, size: 4, signed: false });
    expect(enumLayout(T.adt('F'), reg).encoding).toEqual({ kind: 'tag', offset: 0, size: 1, signed: false });
  });

  test('uninhabited variants vanish: Result<u32, Void> is a u32, Void is empty', () => {
    const reg = decls('enum Void {}');
    expect(enumLayout(parseType('Result<u32, Void>'), reg)).toMatchObject({ size: 4, encoding: { kind: 'single', variant: 0 } });
    expect(enumLayout(T.adt('Void'), reg)).toMatchObject({ size: 0, align: 1, encoding: { kind: 'empty' } });
    expect(typeLayout(T.adt('Void'), reg).uninhabited).toBe(true);
    expect(layoutOf({ kind: 'never' })).toEqual({ size: 0, align: 1 });
  });
});

describe('invariants over generated types', () => {
  const leaf: fc.Arbitrary<Ty> = fc.constantFrom<Ty>(T.u8, T.u16, T.u32, T.u64, T.u128, T.bool, T.char, T.unit, T.f32, T.string, T.strRef);
  const tyArb: fc.Arbitrary<Ty> = fc.letrec<{ ty: Ty }>((tie) => ({
    ty: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      tie('ty').map((t) => T.option(t)),
      fc.tuple(tie('ty'), tie('ty')).map(([a, b]) => ({ kind: 'result', ok: a, err: b }) as Ty),
      fc.array(tie('ty'), { minLength: 1, maxLength: 4 }).map((items) => T.tuple(...items)),
      fc.tuple(tie('ty'), fc.nat(3)).map(([t, n]) => T.array(t, n)),
      tie('ty').map((t) => T.box(t)),
    ),
  })).ty;

  test('size is a multiple of align; tuple fields are aligned, disjoint and inside the value', () => {
    fc.assert(
      fc.property(tyArb, (ty) => {
        const l = layoutOf(ty);
        expect(l.size % l.align).toBe(0);
        expect([1, 2, 4, 8, 16]).toContain(l.align);
        if (ty.kind === 'tuple') {
          const s = structLayout(ty);
          const spans = s.fields.map((f) => [f.offset, f.offset + f.size] as const).sort((a, b) => a[0] - b[0]);
          s.fields.forEach((f) => expect(f.offset % f.align).toBe(0));
          spans.forEach(([, end], i) => {
            expect(end).toBeLessThanOrEqual(l.size);
            const next = spans[i + 1];
            if (next && next[1] > next[0] && end > spans[i]![0]) expect(end).toBeLessThanOrEqual(next[0]);
          });
        }
        // Wrapping in Option never shrinks a type and adds at most one alignment unit.
        const o = layoutOf(T.option(ty));
        expect(o.size).toBeGreaterThanOrEqual(l.size);
        expect(o.size).toBeLessThanOrEqual(l.size + l.align);
      }),
      { numRuns: 300 },
    );
  });
});
