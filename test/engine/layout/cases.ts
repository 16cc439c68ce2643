import { prng } from '../../helpers/prng';
/**
 * The one table of types checked against rustc: test/engine/layout/rustc.test.ts turns it into a
 * Rust program (size_of, align_of, offset_of!) and compares every row with layoutOf /
 * structLayout. DECLS is pasted verbatim into that program and parsed by parseTypeDecls.
 */

export const DECLS = `
enum Void {}
struct Empty;
struct Braces {}
struct Pair(u8, u32);
struct Padded { a: u8, b: u32, c: u16 }
#[repr(C)]
struct PaddedC { a: u8, b: u32, c: u16 }
struct Big { a: u8, b: u64, c: u8, d: u32, e: u16 }
#[repr(C)]
struct BigC { a: u8, b: u64, c: u8, d: u32, e: u16 }
struct WithBool { x: u32, flag: bool, y: u16 }
#[derive(Default)]
struct NicheMid { a: u64, b: bool, c: u8 }
#[repr(C)]
#[derive(Default)]
struct NicheMidC { a: u32, b: bool, c: bool }
struct Bytes { head: u8, data: [u8; 16], tail: u32 }
struct FlagBytes { flag: bool, data: [u8; 16], n: u16 }
pub struct Person { pub name: String, age: u8, email: Option<String>, id: u64 }
struct Node { value: i32, next: Option<Box<Node>> }
struct Wide { a: u8, b: u128 }
#[repr(C)]
struct WideC { a: u8, b: u128, c: u8 }
struct Nested { inner: Padded, tag: u8 }
struct CharBool { c: char, b: bool, x: u16 }
struct Tuple3(bool, u64, bool);
#[repr(C)]
struct Tagged { kind: u8, value: f64 }
struct Zsts { a: (), b: u32, c: [u64; 0] }
struct Slicey { len: usize, data: Box<[u8]> }
struct Named { name: &'static str, id: u32 }
struct Jagged { a: (u8, u8, u8, bool), b: (u8, bool, u8) }
struct Packing { x: u32, y: (bool, u8), z: u16 }
struct Matrix { cells: [[f32; 3]; 3], label: char }

enum Single { Only }
#[derive(Default)]
enum Color { #[default] Red, Green, Blue }
#[derive(Clone, Copy)]
#[repr(u8)]
enum Small { A = 1, B = 200 }
#[repr(i32)]
enum Signed { Neg = -5, Pos = 5 }
enum Wide16 { A = 0, B = 300 }
enum NegDisc { A = -1, B = 1 }
enum HugeDisc { A = 0, B = 0x1_0000_0000 }
#[repr(C)]
enum CEnum { X, Y }
#[repr(C)]
enum CData { X(u8), Y(u64) }
#[repr(u8)]
enum U8Data { X(u32), Y(u8, u16), Z }
enum Shape { Circle(f64), Rect { w: f64, h: f64 }, Dot }
enum Msg { Quit, Move { x: i32, y: i32 }, Write(String), Paint(u8, u8, u8) }
enum StrOrNum { A(u32), B(String) }
enum TwoStrings { A(String), B(String) }
enum Jaggy { A(u64, u64), B(String) }
enum ThreeBig { A(u64, u64, u64), B(String) }
enum BoolCarrier { A(bool), B, C }
enum CharOrByte { C(char), N, M(u8) }
enum OnlyOne { It(u64) }
enum WithVoid { A(u32), B(Void) }
enum OnlyVoid { A(Void) }
enum Letters { A, B, C, D, E, F, G, H, I, J, K, L }
enum Nested2 { A(Color), B }
enum NicheEnd { A(NicheMid), B(u8) }
enum Tiny { A(u8), B(u16) }
enum U128E { A(u128), B }
enum Tree { Leaf(i64), Branch(Box<Tree>, Box<Tree>) }
enum Mixed { A(u8, u32), B(bool), C }
#[derive(Default)]
struct WithBool2 { x: u32, flag: bool, y: u16 }
enum Pad3 { A(u16, bool, u32), B(u8, u8), C(u32) }
enum Deep { A(Option<Option<bool>>, u8), B(u8, u8), C(u16) }
enum UsesC { A(NicheMidC), B(u8) }
enum ManyBool { A(bool), B, C, D }
enum CharMany { C(char), X, Y, Z }
enum TieBreak { A(u32, bool), B(u32) }
#[repr(i64)]
enum I64E { A = -1, B(u8) }
struct HasColor { c: Color, n: u16, b: bool }
enum Gap { A = 10, B = 20 }
#[repr(u8)]
enum GapU8 { A = 1, B = 100 }
#[repr(u8)]
enum GapU8b { A = 1, B = 129 }
#[repr(u8)]
enum Ends { A = 0, B = 255 }
#[repr(u8)]
enum ThreeGaps { A = 10, B = 20, C = 200 }
#[repr(i8)]
enum WideI8 { A = -100, B = 100 }
#[repr(i8)]
enum NarrowI8 { A = -10, B = 100 }
#[repr(u16)]
enum GapU16 { A = 1, B = 40000 }
enum GapIsize { A = -100, B = 100 }
#[repr(u8)]
enum OneU8 { A(u32) }
#[repr(C)]
enum OneC { A }
enum PartVoid { A(u32, Void), B(u8) }
struct HasVoid { a: u32, v: Void }
struct Groups { a: u8, b: [u8; 4], c: u16, d: [u8; 6], e: u64, f: [u8; 3] }
struct NicheGroups { a: u8, b: [u8; 16], flag: bool, c: u32 }
struct TwoNiches { a: char, b: bool, c: u8, d: Option<bool> }
struct EndNiche { a: u64, b: u8, c: u8, d: bool, e: u16 }
#[repr(C)]
enum CVoid { A(Void), B(u16) }
struct Twin<T> { a: T, b: T }
struct Wrapper<T>(T);
struct Labeled<'a, T: Clone> { label: &'a str, value: T, flag: bool }
enum Either<L, R> { Left(L), Right(R) }
struct Chain<T> where T: Copy { value: T, next: Option<Box<Chain<T>>> }
`;

/** DECLS types with #[derive(Default)]: the Rust program builds variants from Default values. */
export const DEFAULT_ADTS: ReadonlySet<string> = new Set(['Color', 'NicheMid', 'WithBool2', 'NicheMidC']);

export interface LayoutCase {
  /** Rust type text, valid for both rustc and parseType. */
  ty: string;
  /** Also compare every field's offset (offset_of!) with structLayout. */
  offsets?: boolean;
  /** Enum, Option or Result: also compare each variant's field offsets with enumLayout. */
  variants?: boolean;
}

const LEAVES = [
  'u8', 'u16', 'u32', 'u64', 'u128', 'i8', 'bool', 'char', '()', 'f32', 'f64', 'String', '&u8', '&str',
  '*const u8', 'Box<[u8]>', 'Vec<u16>', 'Rc<str>', 'Color', 'NicheMid', 'Padded', 'Void', 'Small',
  'StrOrNum', 'Msg', 'Empty', 'Mixed', 'Pad3', 'Deep', 'BoolCarrier', 'U128E',
];

/**
 * Random nestings of Option, Result, tuples, arrays and Box over LEAVES: they exercise
 * niche reuse and field sorting in combinations no one would write by hand.
 */
function generatedCases(count: number, seed: number): LayoutCase[] {
  const rand = prng(seed);
  const pick = <X>(xs: readonly X[]): X => xs[Math.floor(rand() * xs.length)]!;
  const gen = (depth: number): string => {
    if (depth === 0 || rand() < 0.3) return pick(LEAVES);
    switch (pick(['option', 'option', 'result', 'tuple', 'tuple', 'array', 'box'] as const)) {
      case 'option': return `Option<${gen(depth - 1)}>`;
      case 'result': return `Result<${gen(depth - 1)}, ${gen(depth - 1)}>`;
      case 'tuple': {
        const n = 1 + Math.floor(rand() * 4);
        const items = Array.from({ length: n }, () => gen(depth - 1));
        return n === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
      }
      case 'array': return `[${gen(depth - 1)}; ${Math.floor(rand() * 4)}]`;
      case 'box': return `Box<${gen(depth - 1)}>`;
    }
  };
  const seen = new Set<string>();
  const out: LayoutCase[] = [];
  while (out.length < count) {
    const ty = gen(4);
    if (seen.has(ty)) continue;
    seen.add(ty);
    out.push(ty.startsWith('(') ? { ty, offsets: true } : { ty });
  }
  return out;
}

const plain = (...tys: string[]): LayoutCase[] => tys.map((ty) => ({ ty }));
const withOffsets = (...tys: string[]): LayoutCase[] => tys.map((ty) => ({ ty, offsets: true }));
const withVariants = (...tys: string[]): LayoutCase[] => tys.map((ty) => ({ ty, variants: true }));

export const CASES: LayoutCase[] = [
  // primitives
  ...plain('u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize'),
  ...plain('f32', 'f64', 'bool', 'char', '()'),
  // thin and fat pointers
  ...plain('&u8', '&mut u64', '*const u8', '*mut u32', '&str', "&'static str", '&[u8]', '&mut [u64]'),
  ...plain('&dyn std::fmt::Debug', 'Box<u8>', 'Box<str>', 'Box<[u32]>', 'Box<dyn Fn(i32) -> i32>'),
  ...plain('*const [u8]', '*const dyn std::fmt::Debug', '&&str', 'Rc<u8>', 'Arc<u64>', 'Rc<str>'),
  ...plain('Arc<[u8]>', 'std::rc::Rc<String>', 'std::sync::Arc<dyn std::fmt::Debug + Send>', '&Slicey'),
  // std collections
  ...plain('String', 'Vec<u8>', 'Vec<String>', 'Vec<()>', 'Box<Vec<u8>>', 'std::vec::Vec<Person>'),
  // Option and its niches
  ...plain('Option<u8>', 'Option<u32>', 'Option<u64>', 'Option<u128>', 'Option<f64>', 'Option<bool>'),
  ...plain('Option<char>', 'Option<()>', 'Option<&u8>', 'Option<&str>', 'Option<&[u8]>', 'Option<Box<u8>>'),
  ...plain('Option<Box<dyn std::fmt::Debug>>', 'Option<*const u8>', 'Option<*const dyn std::fmt::Debug>'),
  ...plain('Option<String>', 'Option<Vec<u64>>', 'Option<Rc<u8>>', 'Option<Arc<str>>'),
  ...plain('Option<Option<bool>>', 'Option<Option<u8>>', 'Option<Option<Option<bool>>>'),
  ...plain('Option<Option<&u8>>', 'Option<Option<String>>', 'Option<Option<char>>'),
  ...plain('Option<(u8, bool)>', 'Option<(u32, bool)>', 'Option<[bool; 3]>', 'Option<[u8; 0]>'),
  ...plain('Option<[&u8; 2]>', 'Option<Option<*const [u8]>>', 'Option<Option<&dyn std::fmt::Debug>>'),
  ...plain('Option<Void>', 'Option<Empty>', 'Option<Color>', 'Option<Single>', 'Option<Small>'),
  ...plain('Option<Signed>', 'Option<CData>', 'Option<Shape>', 'Option<StrOrNum>', 'Option<Msg>'),
  ...plain('Option<Letters>', 'Option<Option<Nested2>>', 'Option<WithBool>', 'Option<Person>', 'Option<Tree>'),
  // Result
  ...plain('Result<u8, u8>', 'Result<u32, u8>', 'Result<u64, ()>', 'Result<(), Box<dyn std::error::Error>>'),
  ...plain('Result<String, String>', 'Result<String, u32>', 'Result<u64, String>', 'Result<bool, ()>'),
  ...plain('Result<char, bool>', 'Result<&u8, ()>', 'Result<u32, Void>', 'Result<Void, Void>', 'Result<(), ()>'),
  ...plain('Result<u128, u8>', 'Result<Option<bool>, bool>', 'Option<Result<u8, u8>>', 'Result<Result<bool, ()>, ()>'),
  ...withVariants('Pad3', 'Deep', 'Option<Pad3>', 'Option<Deep>', 'UsesC', 'ManyBool', 'CharMany', 'TieBreak'),
  ...withVariants('I64E', 'Option<TieBreak>', 'Option<Small>', 'Option<Signed>', 'Option<NegDisc>', 'Option<Letters>'),
  ...withVariants('Option<Gap>', 'Option<NicheMidC>', 'Option<Option<Option<bool>>>', 'Option<Option<char>>'),
  ...withOffsets('HasColor'),
  // sparse discriminants: the valid tag range skips the widest gap
  ...withVariants('Option<GapU8>', 'Option<GapU8b>', 'Option<Ends>', 'Option<Option<Ends>>', 'Option<ThreeGaps>'),
  ...withVariants('Option<WideI8>', 'Option<NarrowI8>', 'Option<GapU16>', 'Option<GapIsize>'),
  // single variants with a repr, and uninhabited data
  ...withVariants('OneU8', 'Option<OneU8>', 'PartVoid', 'Option<PartVoid>', 'CVoid', 'Option<CVoid>'),
  ...withOffsets('Groups', 'NicheGroups', 'TwoNiches', 'EndNiche'),
  ...plain('Option<Groups>', 'Option<NicheGroups>', 'Option<TwoNiches>', 'Option<EndNiche>'),
  ...plain('OneC', 'Option<OneC>', 'HasVoid', 'Option<HasVoid>', '(u8, Void)', 'Option<(u16, Void)>'),
  ...plain('Result<Vec<u8>, (u32, u32)>', 'Result<[u8; 5], u16>'),
  // tuples (offsets too)
  ...withOffsets('(u8, u32)', '(u8, u32, u8)', '(u32, u8, u16)', '(u8, u64, u8, u32)', '(bool, u64)'),
  ...withOffsets('(u8, (u16, u8))', '(char, u8)', '(u128, u8)', '((), u8)', '(u8,)', '(String, u8)'),
  ...withOffsets('(bool, String, bool)', '(u8, bool, u32, u16)', '(Option<u8>, u64)'),
  // arrays
  ...plain('[u8; 3]', '[u32; 5]', '[u64; 0]', '[String; 2]', '[(u8, u16); 3]', '[bool; 0]'),
  ...plain('[[u16; 3]; 2]', '[u128; 2]', '[Option<bool>; 4]'),
  // user structs (offsets too)
  ...withOffsets('Empty', 'Braces', 'Pair', 'Padded', 'PaddedC', 'Big', 'BigC', 'WithBool', 'NicheMid'),
  ...withOffsets('NicheMidC', 'Bytes', 'FlagBytes', 'Person', 'Node', 'Wide', 'WideC', 'Nested'),
  ...withOffsets('CharBool', 'Tuple3', 'Tagged', 'Zsts', 'Slicey', 'Named', 'Jagged', 'Packing', 'Matrix'),
  // user enums (variant field offsets too, where the fields have Default values to build them)
  ...plain('Void', 'Single', 'Color', 'Small', 'Signed', 'Wide16', 'NegDisc', 'HugeDisc', 'CEnum', 'Letters'),
  ...withVariants('CData', 'U8Data', 'Shape', 'Msg', 'StrOrNum', 'TwoStrings', 'Jaggy', 'ThreeBig'),
  ...withVariants('BoolCarrier', 'CharOrByte', 'OnlyOne', 'WithVoid', 'OnlyVoid', 'Nested2'),
  ...withVariants('NicheEnd', 'Tiny', 'U128E', 'Tree', 'Mixed', 'Option<Mixed>', 'Option<NicheEnd>', 'Option<U128E>'),
  ...withVariants('Result<u64, String>', 'Result<Vec<u8>, (u32, u32)>', 'Result<char, bool>', 'Option<(u32, bool)>'),
  ...withVariants('Result<[u8; 5], u16>', 'Option<Option<u8>>', 'Result<u128, u8>', 'Option<WithBool2>'),
  // more std types (issue 14): interior mutability, collections, NonZero, fn pointers, Ordering, Weak
  ...plain('Cell<u32>', 'Cell<bool>', 'Option<Cell<bool>>', 'Cell<(u8, u32)>', 'RefCell<Vec<u8>>', 'RefCell<u8>'),
  ...plain('Option<RefCell<Vec<u8>>>', 'RefCell<(u8, u16)>', 'Rc<RefCell<Vec<u8>>>', 'Option<RefCell<bool>>'),
  ...plain('HashMap<u64, u64>', 'Option<HashMap<u64, u64>>', 'HashSet<String>', 'HashMap<String, Vec<String>>'),
  ...plain('VecDeque<u64>', 'Option<VecDeque<u64>>', 'VecDeque<String>', '(u8, VecDeque<u8>)'),
  ...plain('BTreeMap<u64, u64>', 'Option<BTreeMap<u64, u64>>', 'BTreeSet<u32>', 'Option<Option<BTreeSet<u8>>>'),
  ...plain('NonZeroU32', 'Option<NonZeroU32>', 'Option<NonZeroU8>', 'Option<NonZeroU64>', 'NonZero<u16>', 'Option<Option<NonZeroU32>>'),
  ...plain('(NonZeroU8, u8)', 'Option<(NonZeroU8, u8)>'),
  ...plain('fn()', 'Option<fn()>', 'fn(i32) -> i32', 'Option<fn(&str) -> String>', '(fn(), u8)'),
  ...plain('std::cmp::Ordering', 'Option<std::cmp::Ordering>', 'Option<Option<std::cmp::Ordering>>', '(std::cmp::Ordering, u16)'),
  ...plain('Weak<u8>', 'Option<Weak<String>>', 'Weak<str>', 'std::rc::Weak<RefCell<u8>>', 'Option<Weak<[u8]>>'),
  ...plain("std::cell::Ref<'static, u64>", "std::cell::RefMut<'static, String>", "Option<std::cell::Ref<'static, str>>", "std::cell::RefMut<'static, [u8]>"),
  ...plain('Box<dyn std::fmt::Display>', '&dyn std::any::Any', '&[u64]', '[u32; 7]', 'Option<&[String]>'),
  // generic user types, monomorphised
  ...withOffsets('Twin<u8>', 'Twin<String>', "Labeled<'static, u16>", 'Wrapper<(u8, u64)>', 'Chain<u8>'),
  ...plain('Option<Twin<bool>>', 'Wrapper<Option<u32>>', 'Either<u8, u32>', 'Option<Either<bool, char>>', 'Twin<Twin<u8>>'),
  ...plain('Either<String, ()>', 'Option<Wrapper<NonZeroU32>>', 'Chain<(u8, u32)>', 'Vec<Twin<u16>>'),
  // random nestings of the above, from a fixed seed: the same list on every run
  ...generatedCases(150, 20261125),
];
