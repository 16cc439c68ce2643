/**
 * Checks layoutOf/structLayout against the real compiler: the table in cases.ts becomes one
 * Rust program printing size_of, align_of and offset_of! for every row; it is compiled with
 * `rustc -O` and its output compared row by row. The output is cached under os.tmpdir() by a
 * hash of the program and the compiler version, so reruns skip the compile.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { enumLayout, formatType, layoutOf, parseType, parseTypeDecls, registryOf, structLayout } from '../../../src/engine/layout';
import type { EnumLayout, FieldDef, Ty, TypeRegistry } from '../../../src/engine/layout';
import { CASES, DECLS, DEFAULT_ADTS } from './cases';

const registry: TypeRegistry = registryOf(parseTypeDecls(DECLS));

/** Field names of a struct or tuple case, in declaration order. */
function fieldNames(ty: Ty): string[] {
  if (ty.kind === 'tuple') return ty.items.map((_, i) => String(i));
  if (ty.kind === 'adt') {
    const def = registry.get(ty.name);
    if (def?.kind === 'struct') return def.fields.map((f) => f.name);
  }
  throw new Error(`case ${JSON.stringify(ty)} asks for offsets but is not a struct or tuple`);
}

/** Whether the Rust program can build a value of this type with Default::default(). */
function defaultable(ty: Ty): boolean {
  switch (ty.kind) {
    case 'int': case 'float': case 'bool': case 'char': case 'unit': case 'string': case 'vec': case 'option':
      return true;
    case 'tuple':
      return ty.items.length <= 12 && ty.items.every(defaultable);
    case 'array':
      return ty.len <= 32 && defaultable(ty.elem);
    case 'box': case 'rc': case 'arc':
      return defaultable(ty.to);
    case 'adt':
      return DEFAULT_ADTS.has(ty.name);
    default:
      return false;
  }
}

/** The variants of an enum-like case: how to name them in Rust and their fields. */
function variantsOf(ty: Ty): { path: string; pattern: string; variants: { name: string; fields: FieldDef[] }[] } {
  if (ty.kind === 'option') {
    return { path: `Option::<${formatType(ty.some)}>`, pattern: 'Option', variants: [
      { name: 'None', fields: [] }, { name: 'Some', fields: [{ name: '0', ty: ty.some }] }] };
  }
  if (ty.kind === 'result') {
    return { path: `Result::<${formatType(ty.ok)}, ${formatType(ty.err)}>`, pattern: 'Result', variants: [
      { name: 'Ok', fields: [{ name: '0', ty: ty.ok }] }, { name: 'Err', fields: [{ name: '0', ty: ty.err }] }] };
  }
  const def = ty.kind === 'adt' ? registry.get(ty.name) : undefined;
  if (def?.kind !== 'enum') throw new Error(`case ${formatType(ty)} asks for variants but is not an enum`);
  return { path: def.name, pattern: def.name, variants: def.variants };
}

/**
 * Where the variant of an enum value is stored, as we claim it: the scalar's offset and size
 * and the value variant `i` must have there (undefined for the untagged variant, or none).
 */
function claimedScalar(e: EnumLayout, i: number): { offset: number; size: number; value: bigint } | undefined {
  const enc = e.encoding;
  if (enc.kind === 'tag') {
    return { offset: enc.offset, size: enc.size, value: BigInt.asUintN(enc.size * 8, e.variants[i]!.discriminant) };
  }
  if (enc.kind === 'niche' && i !== enc.untaggedVariant && i >= enc.nicheVariants[0] && i <= enc.nicheVariants[1]) {
    return { offset: enc.offset, size: enc.size, value: BigInt.asUintN(enc.size * 8, enc.nicheStart + BigInt(i - enc.nicheVariants[0])) };
  }
  return undefined;
}

/**
 * Rust statements building a real value of every variant that can be built (unit variants,
 * and variants whose fields have Default values) and pushing "Variant:off,off" (field
 * offsets, from the addresses of the fields bound by a match) and "Variant=n" (the scalar
 * read where we claim the tag or niche value lives).
 */
function variantProbe(text: string): string {
  const ty = parseType(text);
  const { path: prefix, pattern, variants } = variantsOf(ty);
  const claims = enumLayout(ty, registry);
  const stmts = variants
    .map((v, i) => ({ v, i }))
    .filter(({ v }) => v.fields.every((f) => defaultable(f.ty)))
    .map(({ v, i }) => {
      const tuple = v.fields.length > 0 && /^[0-9]/.test(v.fields[0]!.name);
      const values = v.fields.map((f) => (tuple ? 'Default::default()' : `${f.name}: Default::default()`)).join(', ');
      const binds = v.fields.map((f, j) => (tuple ? `f${j}` : `${f.name}: f${j}`)).join(', ');
      let expr = `${prefix}::${v.name}`;
      let pat = `${pattern}::${v.name}`;
      if (v.fields.length > 0) {
        expr += tuple ? `(${values})` : ` { ${values} }`;
        pat += tuple ? `(${binds})` : ` { ${binds} }`;
      }
      let body = `let v: ${text} = ${expr}; let base = addr(&v);`;
      if (v.fields.length > 0) {
        const offs = v.fields.map((_, j) => `(addr(f${j}) - base).to_string()`).join(', ');
        body += ` let offs: Vec<String> = match &v { ${pat} => vec![${offs}], _ => unreachable!() };` +
          ` vs.push(format!("${v.name}:{}", offs.join(",")));`;
      }
      const scalar = claimedScalar(claims, i);
      if (scalar) body += ` vs.push(format!("${v.name}={}", read_scalar(&v, ${scalar.offset}, ${scalar.size})));`;
      return `{ ${body} }`;
    });
  return `{ let mut vs: Vec<String> = Vec::new(); ${stmts.join(' ')} vs.join(";") }`;
}

function rustProgram(): string {
  const rows = CASES.map((c, i) => {
    const offsets = c.offsets
      ? fieldNames(parseType(c.ty)).map((f) => `offset_of!(${c.ty}, ${f}).to_string()`).join(', ')
      : '';
    const variants = c.variants ? variantProbe(c.ty) : 'String::new()';
    return `    row(${i}, size_of::<${c.ty}>(), align_of::<${c.ty}>(), &[${offsets}], ${variants});`;
  });
  return [
    '#![allow(dead_code, unused_imports)]',
    'use std::mem::{align_of, offset_of, size_of};',
    'use std::rc::Rc;',
    'use std::sync::Arc;',
    'use std::cell::{Cell, RefCell};',
    'use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};',
    'use std::num::{NonZero, NonZeroU8, NonZeroU32, NonZeroU64};',
    'use std::rc::Weak;',
    DECLS,
    'fn addr<T>(r: &T) -> usize { r as *const T as usize }',
    '/// Little-endian read of `size` bytes at `offset` inside `v` (x86_64 is little-endian).',
    'fn read_scalar<T>(v: &T, offset: usize, size: usize) -> u128 {',
    '    assert!(offset + size <= size_of::<T>());',
    '    let mut bytes = [0u8; 16];',
    '    unsafe { std::ptr::copy_nonoverlapping((v as *const T as *const u8).add(offset), bytes.as_mut_ptr(), size) };',
    '    u128::from_le_bytes(bytes)',
    '}',
    'fn row(i: usize, size: usize, align: usize, offsets: &[String], variants: String) {',
    '    println!("{}\\t{}\\t{}\\t{}\\t{}", i, size, align, offsets.join(","), variants);',
    '}',
    'fn main() {',
    ...rows,
    '}',
    '',
  ].join('\n');
}

function rustcVersion(): string {
  try {
    return execFileSync('rustc', ['-vV'], { encoding: 'utf8' });
  } catch (err) {
    throw new Error(`rustc is required for the layout tests (they compare against the real compiler) but could not be run: ${(err as Error).message}`);
  }
}

/** Compiles and runs the program once per (program, compiler) pair; returns its stdout. */
function rustcOutput(): string {
  const source = rustProgram();
  const version = rustcVersion();
  const hash = createHash('sha256').update(version).update(source).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), 'memscope-layout-rustc');
  const cached = path.join(dir, `${hash}.out`);
  if (fs.existsSync(cached)) return fs.readFileSync(cached, 'utf8');
  fs.mkdirSync(dir, { recursive: true });
  const work = fs.mkdtempSync(path.join(dir, 'build-'));
  try {
    const src = path.join(work, 'layouts.rs');
    const exe = path.join(work, 'layouts');
    fs.writeFileSync(src, source);
    try {
      execFileSync('rustc', ['-O', '--edition', '2021', '-o', exe, src], { encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      const e = err as { stderr?: string; message: string };
      throw new Error(`rustc failed on the generated layout program:\n${e.stderr ?? e.message}`);
    }
    const out = execFileSync(exe, { encoding: 'utf8' });
    fs.writeFileSync(`${cached}.tmp`, out);
    fs.renameSync(`${cached}.tmp`, cached);
    return out;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

interface RustRow {
  size: number;
  align: number;
  offsets: number[];
  /** Field offsets of each variant that the program could build, by variant name. */
  variants: Map<string, number[]>;
  /** The tag or niche scalar read from each built variant, where we claim it is. */
  scalars: Map<string, bigint>;
}

describe('layouts agree with rustc', () => {
  let rows: RustRow[] = [];

  beforeAll(() => {
    const out = rustcOutput();
    rows = out.trim().split('\n').map((line) => {
      const [, size, align, offsets, variants] = line.split('\t');
      const entries = variants ? variants.split(';') : [];
      return {
        size: Number(size),
        align: Number(align),
        offsets: offsets ? offsets.split(',').map(Number) : [],
        variants: new Map(entries.filter((v) => v.includes(':')).map((v) => {
          const [name, offs] = v.split(':');
          return [name!, offs ? offs.split(',').map(Number) : []];
        })),
        scalars: new Map(entries.filter((v) => v.includes('=')).map((v) => {
          const [name, value] = v.split('=');
          return [name!, BigInt(value!)];
        })),
      };
    });
  });

  test('the table is big enough to mean something', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    expect(rows).toHaveLength(CASES.length);
  });

  test('variant probes ran', () => {
    const probed = rows.reduce((n, r) => n + r.variants.size, 0);
    expect(probed).toBeGreaterThanOrEqual(40);
    const scalars = rows.reduce((n, r) => n + r.scalars.size, 0);
    expect(scalars).toBeGreaterThanOrEqual(40);
  });

  test.each(CASES.map((c, i) => [c.ty, i, c.offsets ?? false, c.variants ?? false] as const))('%s', (text, i, offsets, variants) => {
    const ty = parseType(text);
    const rust = rows[i]!;
    expect(layoutOf(ty, registry)).toEqual({ size: rust.size, align: rust.align });
    if (offsets) {
      const s = structLayout(ty, registry);
      expect(s.fields.map((f) => f.offset)).toEqual(rust.offsets);
    }
    if (variants) {
      const e = enumLayout(ty, registry);
      const ours = new Map(e.variants.filter((v) => rust.variants.has(v.name)).map((v) => [v.name, v.fields.map((f) => f.offset)]));
      expect(ours).toEqual(rust.variants);
      // Each built variant holds its tag or niche value where we say it does.
      const claimed = new Map(e.variants.flatMap((v, j) => {
        const c = rust.scalars.has(v.name) ? claimedScalar(e, j) : undefined;
        return c ? [[v.name, c.value] as const] : [];
      }));
      expect(claimed).toEqual(rust.scalars);
    }
  });
});
