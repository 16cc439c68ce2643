import { formatType, parseType, parseTypeDecls, T, TypeSyntaxError } from '../../../src/engine/layout';
import type { Ty } from '../../../src/engine/layout';

/** Runs `fn`, which must throw a TypeSyntaxError, and returns it. */
function syntaxError(fn: () => unknown): TypeSyntaxError {
  try {
    fn();
  } catch (err) {
    if (err instanceof TypeSyntaxError) return err;
    throw err;
  }
  throw new Error('expected a TypeSyntaxError');
}

describe('parseType', () => {
  const cases: [string, Ty][] = [
    ['u8', T.u8],
    ['i128', T.i128],
    ['f64', T.f64],
    ['bool', T.bool],
    ['char', T.char],
    ['()', T.unit],
    ['!', { kind: 'never' }],
    ['str', T.str],
    ['[u8]', { kind: 'slice', elem: T.u8 }],
    ['[u32; 4]', T.array(T.u32, 4)],
    ['[u8; 1_000usize]', T.array(T.u8, 1000)],
    ['[[u16; 3]; 0x10]', T.array(T.array(T.u16, 3), 16)],
    ['(u8,)', T.tuple(T.u8)],
    ['(u8)', T.u8],
    ['(u8, (bool, char),)', T.tuple(T.u8, T.tuple(T.bool, T.char))],
    ['&u8', T.ref(T.u8)],
    ['&mut u8', T.ref(T.u8, true)],
    ["&'a str", T.strRef],
    ["&'static mut [u8]", T.ref({ kind: 'slice', elem: T.u8 }, true)],
    ['*const u8', { kind: 'rawptr', mutable: false, to: T.u8 }],
    ['*mut [u8]', { kind: 'rawptr', mutable: true, to: { kind: 'slice', elem: T.u8 } }],
    ['Box<u8>', T.box(T.u8)],
    ['String', T.string],
    ['std::string::String', T.string],
    ['Vec<Vec<u8>>', T.vec(T.vec(T.u8))],
    ['Option<Option<bool>>', T.option(T.option(T.bool))],
    ['Result<u8, String>', { kind: 'result', ok: T.u8, err: T.string }],
    ['core::result::Result<(), ()>', { kind: 'result', ok: T.unit, err: T.unit }],
    ['Rc<u8>', T.rc(T.u8)],
    ['std::rc::Rc<str>', T.rc(T.str)],
    ['std::sync::Arc<[u8]>', { kind: 'arc', to: { kind: 'slice', elem: T.u8 } }],
    ['&dyn Display', T.ref({ kind: 'dyn', trait: 'Display' })],
    ['Box<dyn Fn(i32) -> i32>', T.box({ kind: 'dyn', trait: 'Fn(i32) -> i32' })],
    ["Box<dyn std::error::Error + Send + Sync + 'static>", T.box({ kind: 'dyn', trait: "std::error::Error + Send + Sync + 'static" })],
    ['&dyn Iterator<Item = u8>', T.ref({ kind: 'dyn', trait: 'Iterator<Item = u8>' })],
    ['Point', T.adt('Point')],
    ['crate::geo::Point', T.adt('Point')],
    ['Vec<Option<Box<Node>>>', T.vec(T.option(T.box(T.adt('Node'))))],
    ['RefCell<Vec<u8>>', { kind: 'std', name: 'RefCell', args: [T.vec(T.u8)] }],
    ['std::collections::HashMap<u64, String>', { kind: 'std', name: 'HashMap', args: [T.u64, T.string] }],
    ['NonZeroU32', { kind: 'std', name: 'NonZero', args: [T.u32] }],
    ['std::cmp::Ordering', { kind: 'std', name: 'Ordering', args: [] }],
    ['fn(i32, &str) -> bool', { kind: 'fnptr', sig: 'fn(i32, &str) -> bool' }],
    ['Option<fn()>', T.option({ kind: 'fnptr', sig: 'fn()' })],
    ["Pair<u8, &'a str>", { kind: 'adt', name: 'Pair', args: [T.u8, T.strRef] }],
  ];

  test.each(cases)('%s', (text, expected) => {
    expect(parseType(text)).toEqual(expected);
  });

  test('formatType gives text that parses back to the same type', () => {
    for (const [, ty] of cases) expect(parseType(formatType(ty))).toEqual(ty);
  });
});

describe('parseType errors name the column and what was expected', () => {
  test.each([
    ['Vec<u8', 7, "'>' to close 'Vec<' at column 4", 'end of input'],
    ['Option<u8, u8>', 1, "1 type argument for 'Option'", "'Option'"],
    ['Result<u8>', 1, "2 type arguments for 'Result'", "'Result'"],
    ['Box', 4, "1 type argument for 'Box'", 'end of input'],
    ['[u8; 4', 7, "']' to close '[' at column 1", 'end of input'],
    ['[u8 4]', 5, "';' or ']' to close '[' at column 1", "'4'"],
    ['[u8; N]', 6, 'an array length (integer literal)', "'N'"],
    ['(u8 u16)', 5, "',' or ')' to close '(' at column 1", "'u16'"],
    ['*u8', 2, "'const' or 'mut' after '*'", "'u8'"],
    ['&', 2, 'a type', 'end of input'],
    ['u8 u16', 4, 'end of the type', "'u16'"],
    ['foo', 1, 'a type (a primitive, a std type or a capitalised type name)', "'foo'"],
    ['Cell<u8, u8>', 1, "1 type argument for 'Cell'", "'Cell'"],
    ['point<u8>', 1, 'a type (a primitive, a std type or a capitalised type name)', "'point'"],
    ['std::', 6, "a path segment after '::'", 'end of input'],
    ['u8 $', 4, 'a type', "'$'"],
    ['dyn 3', 5, 'a trait name', "'3'"],
  ])('%s', (text, column, expected, found) => {
    const err = syntaxError(() => parseType(text));
    expect(err.column).toBe(column);
    expect(err.expected).toBe(expected);
    expect(err.message).toBe(`column ${column}: expected ${expected}, found ${found}`);
  });
});

describe('parseTypeDecls', () => {
  test('structs of every shape, reprs, attributes, visibility and comments', () => {
    const defs = parseTypeDecls(`
      // a unit struct
      struct Marker;
      #[derive(Debug, Clone)]
      pub(crate) struct Pair(pub u8, Box<str>);
      /* C layout */
      #[repr(C)]
      pub struct Point { pub x: f64, y: f64, }
      struct Nothing {}
    `);
    expect(defs).toEqual([
      { kind: 'struct', name: 'Marker', repr: 'rust', fields: [] },
      { kind: 'struct', name: 'Pair', repr: 'rust', fields: [{ name: '0', ty: T.u8 }, { name: '1', ty: T.box(T.str) }] },
      { kind: 'struct', name: 'Point', repr: 'c', fields: [{ name: 'x', ty: T.f64 }, { name: 'y', ty: T.f64 }] },
      { kind: 'struct', name: 'Nothing', repr: 'rust', fields: [] },
    ]);
  });

  test('generic declarations keep their parameters; bounds, lifetimes and where clauses are skipped', () => {
    expect(parseTypeDecls("struct Pair<'a, T: Clone + Into<u8>, U> where U: Copy { a: &'a T, b: U }\nenum E<T> { A(T), B }")).toEqual([
      { kind: 'struct', name: 'Pair', repr: 'rust', params: ['T', 'U'], fields: [{ name: 'a', ty: T.ref(T.adt('T')) }, { name: 'b', ty: T.adt('U') }] },
      { kind: 'enum', name: 'E', repr: 'rust', params: ['T'], variants: [{ name: 'A', fields: [{ name: '0', ty: T.adt('T') }] }, { name: 'B', fields: [] }] },
    ]);
  });

  test('enums with unit, tuple and struct variants and explicit discriminants', () => {
    const defs = parseTypeDecls(`
      #[repr(u8)]
      enum Op { Nop = 0, Push(u32), Jump { to: usize }, Halt = 0xff, }
      enum Sign { Neg = -1, Zero, Pos }
    `);
    expect(defs).toEqual([
      {
        kind: 'enum', name: 'Op', repr: 'u8', variants: [
          { name: 'Nop', fields: [], discriminant: 0 },
          { name: 'Push', fields: [{ name: '0', ty: T.u32 }] },
          { name: 'Jump', fields: [{ name: 'to', ty: T.usize }] },
          { name: 'Halt', fields: [], discriminant: 255 },
        ],
      },
      {
        kind: 'enum', name: 'Sign', repr: 'rust', variants: [
          { name: 'Neg', fields: [], discriminant: -1 },
          { name: 'Zero', fields: [] },
          { name: 'Pos', fields: [] },
        ],
      },
    ]);
  });

  test.each([
    ['struct P { x: u8 y: u8 }', 1, 18, "',' or '}' to close '{' at line 1, column 10", "'y'"],
    ['struct P { x u8 }', 1, 14, "':' after the field name 'x'", "'u8'"],
    ['struct P(u8)', 1, 13, "';' after the tuple struct 'P'", 'end of input'],
    ['struct P<T { x: T }', 1, 12, "',' or '>' to close '<' at column 9", "'{'"],
    ['\n#[repr(u8)]\nstruct P;', 2, 1, 'repr(C) or no repr on a struct (repr(int) is for enums)', "'#'"],
    ['#[repr(packed)] struct P;', 1, 8, 'a supported repr (C, Rust, transparent, or an integer type such as u8)', "'packed'"],
    ['enum E { A(u8) B }', 1, 16, "',' or '}' to close 'enum E {' at line 1, column 8", "'B'"],
    ['enum E { A = x }', 1, 14, 'an integer discriminant', "'x'"],
    ['type X = u8;', 1, 1, "'struct' or 'enum'", "'type'"],
    ['struct A;\nstruct B { v: Vec<u8 }', 2, 22, "'>' to close 'Vec<' at column 18", "'}'"],
  ])('%s', (text, line, column, expected, found) => {
    const err = syntaxError(() => parseTypeDecls(text));
    expect([err.line, err.column, err.expected]).toEqual([line, column, expected]);
    expect(err.message).toBe(`line ${line}, column ${column}: expected ${expected}, found ${found}`);
  });
});
