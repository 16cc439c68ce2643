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
import { layoutOf, parseType, parseTypeDecls, registryOf, structLayout } from '../../src/engine/layout';
import type { Ty, TypeRegistry } from '../../src/engine/layout';
import { CASES, DECLS } from './cases';

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

function rustProgram(): string {
  const rows = CASES.map((c, i) => {
    const offsets = c.offsets
      ? fieldNames(parseType(c.ty)).map((f) => `offset_of!(${c.ty}, ${f}).to_string()`).join(', ')
      : '';
    return `    row(${i}, size_of::<${c.ty}>(), align_of::<${c.ty}>(), &[${offsets}]);`;
  });
  return [
    '#![allow(dead_code, unused_imports)]',
    'use std::mem::{align_of, offset_of, size_of};',
    'use std::rc::Rc;',
    'use std::sync::Arc;',
    DECLS,
    'fn row(i: usize, size: usize, align: usize, offsets: &[String]) {',
    '    println!("{}\\t{}\\t{}\\t{}", i, size, align, offsets.join(","));',
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
}

describe('layouts agree with rustc', () => {
  let rows: RustRow[] = [];

  beforeAll(() => {
    const out = rustcOutput();
    rows = out.trim().split('\n').map((line) => {
      const [, size, align, offsets] = line.split('\t');
      return {
        size: Number(size),
        align: Number(align),
        offsets: offsets ? offsets.split(',').map(Number) : [],
      };
    });
  });

  test('the table is big enough to mean something', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    expect(rows).toHaveLength(CASES.length);
  });

  test.each(CASES.map((c, i) => [c.ty, i, c.offsets ?? false] as const))('%s', (text, i, offsets) => {
    const ty = parseType(text);
    const rust = rows[i]!;
    expect(layoutOf(ty, registry)).toEqual({ size: rust.size, align: rust.align });
    if (offsets) {
      const s = structLayout(ty, registry);
      expect(s.fields.map((f) => f.offset)).toEqual(rust.offsets);
    }
  });
});
