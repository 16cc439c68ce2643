/**
 * Tests of the oracle harness itself, against real rustc. Expected sequences are facts that follow
 * from std's source (RawVec growth, the layout of Box/Rc contents), not observations copied back.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseOracleEvents } from './oracle-events';
import { instrument } from './prelude';
import { OracleRunError, runRustOracle, type OracleEvent } from './rustc-oracle';
import { engineScenario } from './engine-scenarios';

const alloc = (size: number, align: number): OracleEvent => ({ op: 'alloc', size, align });
const dealloc = (size: number, align: number): OracleEvent => ({ op: 'dealloc', size, align });
const realloc = (old_size: number, size: number, align: number): OracleEvent => ({ op: 'realloc', size, align, old_size });

describe('recorded sequences follow from std', () => {
  test('String::from("hello") asks for exactly 5 bytes, align 1, freed at the end of main', async () => {
    const { events, stdout } = await runRustOracle('fn main() {\n    let s = String::from("hello");\n    println!("{}", s);\n}\n');
    expect(stdout).toBe('hello\n');
    expect(events).toEqual([alloc(5, 1), dealloc(5, 1)]);
  });

  test('Vec<i32> pushed 5 times from empty: RawVec starts at 4 elements (16 bytes) and doubles', async () => {
    const src = 'fn main() {\n    let mut v: Vec<i32> = Vec::new();\n    for i in 0..5 { v.push(i); }\n}\n';
    const { events } = await runRustOracle(src);
    expect(events).toEqual([alloc(16, 4), realloc(16, 32, 4), dealloc(32, 4)]);
  });

  test('Box::new(7u64) is one 8-byte block aligned to 8', async () => {
    const { events } = await runRustOracle('fn main() {\n    let b = Box::new(7u64);\n    println!("{}", b);\n}\n');
    expect(events).toEqual([alloc(8, 8), dealloc(8, 8)]);
  });

  test('Rc::new(5u32) allocates an RcBox of two usize counters and the value: 24 bytes, align 8', async () => {
    const src = 'use std::rc::Rc;\nfn main() {\n    let a = Rc::new(5u32);\n    let b = Rc::clone(&a);\n    println!("{} {}", b, Rc::strong_count(&a));\n}\n';
    const { events, stdout } = await runRustOracle(src);
    expect(stdout).toBe('5 2\n');
    expect(events).toEqual([alloc(24, 8), dealloc(24, 8)]);
  });

  test('a move allocates nothing and frees once', async () => {
    const src = 'fn main() {\n    let a = String::from("ab");\n    let b = a;\n    let c = b;\n    println!("{}", c);\n}\n';
    expect((await runRustOracle(src)).events).toEqual([alloc(2, 1), dealloc(2, 1)]);
  });

  test('alloc_zeroed (vec![0u64; 4]) is reported as alloc', async () => {
    const { events } = await runRustOracle('fn main() {\n    let v = vec![0u64; 4];\n    println!("{:?}", v);\n}\n');
    expect(events).toEqual([alloc(32, 8), dealloc(32, 8)]);
  });
});

describe('std warm-up', () => {
  const src = 'fn main() {\n    println!("first line");\n}\n';

  test('without warm-up, the first println! creates stdout\'s 1024-byte LineWriter buffer', async () => {
    const { events, stdout } = await runRustOracle(src, { warmUp: false });
    expect(stdout).toBe('first line\n');
    expect(events).toEqual([alloc(1024, 1)]);
  });

  test('with warm-up (the default) a program that only prints records nothing', async () => {
    const { events, stdout } = await runRustOracle(src);
    expect(stdout).toBe('first line\n');
    expect(events).toEqual([]);
  });
});

describe('recording regions', () => {
  test('start()/stop() keep only the bracketed region, and later regions append', async () => {
    const src = [
      'fn main() {',
      '    let before = String::from("xyz");',
      '    memscope_oracle::start();',
      '    let b = Box::new(1u16);',
      '    drop(b);',
      '    memscope_oracle::stop();',
      '    let between = Box::new(2u64);',
      '    memscope_oracle::start();',
      '    let v: Vec<u8> = Vec::with_capacity(3);',
      '    drop(v);',
      '    memscope_oracle::stop();',
      '    println!("{} {}", before, between);',
      '}',
    ].join('\n');
    const { events, stdout } = await runRustOracle(src);
    expect(stdout).toBe('xyz 2\n');
    expect(events).toEqual([alloc(2, 2), dealloc(2, 2), alloc(3, 1), dealloc(3, 1)]);
  });

  test('drops at the end of main are recorded, in reverse declaration order', async () => {
    const src = 'fn main() {\n    let a = String::from("a");\n    let b = String::from("bb");\n    println!("{}{}", a, b);\n}\n';
    expect((await runRustOracle(src)).events).toEqual([alloc(1, 1), alloc(2, 1), dealloc(2, 1), dealloc(1, 1)]);
  });

  test('blocks: true numbers blocks so each dealloc names what it frees', async () => {
    const src = 'fn main() {\n    let mut v = Vec::new();\n    v.push(String::from("x"));\n    v.push(String::from("yy"));\n}\n';
    const { events } = await runRustOracle(src, { blocks: true });
    // The first push allocates the String (block 0), then the Vec's buffer: 4 * 24 bytes (block 1).
    expect(events).toEqual([
      { ...alloc(1, 1), block: 0 },
      { ...alloc(96, 8), block: 1 },
      { ...alloc(2, 1), block: 2 },
      { ...dealloc(1, 1), block: 0 },
      { ...dealloc(2, 1), block: 2 },
      { ...dealloc(96, 8), block: 1 },
    ]);
  });

  test('a realloc keeps its block number', async () => {
    const src = 'fn main() {\n    let mut s = String::new();\n    for _ in 0..20 { s.push(\'z\'); }\n}\n';
    const { events } = await runRustOracle(src, { blocks: true });
    expect(events.map((e) => e.block)).toEqual([0, 0, 0, 0]);
    expect(events).toEqual([
      { ...alloc(8, 1), block: 0 },
      { ...realloc(8, 16, 1), block: 0 },
      { ...realloc(16, 32, 1), block: 0 },
      { ...dealloc(32, 1), block: 0 },
    ]);
  });
});

describe('the program and its output', () => {
  test('stdout is returned exactly (print! without newline, unicode, empty lines), apart from the events', async () => {
    const src = 'fn main() {\n    print!("a");\n    println!();\n    println!("héllo → {:?} {} {}", "q", 1.5, true);\n    eprintln!("to stderr");\n    print!("tail");\n}\n';
    const { stdout, events } = await runRustOracle(src);
    expect(stdout).toBe('a\nhéllo → "q" 1.5 true\ntail');
    expect(events).toEqual([]);
  });

  test('a main with a return type and a leading inner attribute is supported; line numbers are kept', async () => {
    const src = '#![allow(unused_variables)]\nfn main() -> Result<(), String> {\n    let unused = 1;\n    println!("ok");\n    Ok(())\n}\n';
    expect((await runRustOracle(src)).stdout).toBe('ok\n');
    const bad = '#![allow(unused_variables)]\nfn main() -> Result<(), String> {\n    let x: i32 = "text";\n    Ok(())\n}\n';
    await expect(runRustOracle(bad, { fileName: 'typed.rs' })).rejects.toThrow(/rustc rejected typed\.rs[\s\S]*E0308[\s\S]*--> typed\.rs:3:18/);
  });

  test('a panic is an OracleRunError carrying stdout and the panic message', async () => {
    const src = 'fn main() {\n    println!("before");\n    let v: Vec<i32> = vec![1, 2];\n    println!("{}", v[3]);\n}\n';
    const err = await runRustOracle(src, { fileName: 'panics.rs' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OracleRunError);
    const run = err as OracleRunError;
    expect(run.exitCode).toBe(101);
    expect(run.stdout).toBe('before\n');
    expect(run.stderr).toMatch(/panicked at panics\.rs:4:21:\nindex out of bounds/);
    expect(run.message).toMatch(/^panics\.rs exited with 101/);
    // Recording ends at the panic: the Vec's buffer, and neither the panic's own allocations
    // (message, backtrace) nor the unwinding drop.
    expect(run.events).toEqual([alloc(8, 4)]);
  });

  test('std::process::exit ends the recording where the program called it: no drops, not std\'s own cleanup', async () => {
    // exit runs no destructors, so `kept` is never freed; std's runtime cleanup then frees
    // stdout's buffer, which must not appear as the program's dealloc.
    const src = [
      'use std::process;',
      'fn main() {',
      '    let kept = vec![1u8, 2, 3];',
      '    { let _gone = String::from("ab"); }',
      '    println!("{}", kept.len());',
      '    if kept.len() == 3 { process::exit(4); }',
      '    std::process::exit(0);',
      '}',
      '',
    ].join('\n');
    const err = await runRustOracle(src, { fileName: 'exits.rs' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OracleRunError);
    const run = err as OracleRunError;
    expect(run.exitCode).toBe(4);
    expect(run.stdout).toBe('3\n');
    expect(run.events).toEqual([alloc(3, 1), alloc(2, 1), dealloc(2, 1)]);
  });

  test('more events than the static buffer holds is an error, not a silent truncation', async () => {
    const src = 'fn main() {\n    for i in 0..40000u32 {\n        let b = Box::new(i);\n        drop(b);\n    }\n}\n';
    await expect(runRustOracle(src)).rejects.toThrow(/buffer \(65536 events\) overflowed, 14464 events were lost/);
  });

  test('a missing rustc fails with the install hint', async () => {
    await expect(runRustOracle('fn main() {}\n', { rustc: '/nonexistent/bin/rustc' })).rejects.toThrow(
      'rustc not found: the oracle needs rustc on PATH (install the Rust toolchain)',
    );
  });

  test('binaries are cached: a rerun reuses the compiled file', async () => {
    const cacheDir = await fs.mkdtemp(path.join(os.tmpdir(), 'memscope-oracle-cache-test-'));
    try {
      const src = 'fn main() {\n    println!("cached");\n}\n';
      await runRustOracle(src, { cacheDir });
      const entries = await fs.readdir(cacheDir);
      expect(entries).toHaveLength(1);
      const binary = path.join(cacheDir, entries[0], 'oracle');
      const first = (await fs.stat(binary)).mtimeMs;
      expect((await runRustOracle(src, { cacheDir })).stdout).toBe('cached\n');
      expect(await fs.readdir(cacheDir)).toEqual(entries);
      expect((await fs.stat(binary)).mtimeMs).toBe(first);
      await runRustOracle(src, { cacheDir, optLevel: 3 });
      expect(await fs.readdir(cacheDir)).toHaveLength(2); // flags are part of the key
    } finally {
      await fs.rm(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('opt-level', () => {
  // Documented choice (README.md): opt-level 0. These scenarios record the same sequence at 3,
  // i.e. LLVM did not elide or merge any of their allocations.
  test.each(['06-vec-i32-push-growth', '16-vec-string-clone', '21-box-linked-list'])('%s: same at -C opt-level=3', async (name) => {
    const { source } = engineScenario(name);
    const o0 = await runRustOracle(source, { fileName: `${name}.rs` });
    const o3 = await runRustOracle(source, { fileName: `${name}.rs`, optLevel: 3 });
    expect(o0.events.length).toBeGreaterThan(0);
    expect(o3).toEqual(o0);
  });
});

describe('instrument', () => {
  test('rejects a source without a top-level main, and one with two', () => {
    expect(() => instrument('fn helper() {}\n', { fileName: 'x.rs' })).toThrow(/x\.rs: expected a top-level `fn main\(\)`/);
    expect(() => instrument('fn main() {}\nfn main() {}\n')).toThrow(/found 2 \(line 1, line 2\)/);
  });

  test('keeps every user line where it was', () => {
    const src = '// header\nfn helper() -> i32 { 1 }\n\nfn main() {\n    helper();\n}\n';
    const lines = instrument(src).split('\n');
    expect(lines.slice(0, 3)).toEqual(src.split('\n').slice(0, 3));
    expect(lines[3]).toBe('fn __memscope_user_main() {');
    expect(lines[4]).toBe('    helper();');
  });
});

describe('parseOracleEvents', () => {
  const head = 'memscope-oracle 1\n';
  test('parses each line kind, folding alloc_zeroed into alloc', () => {
    const text = `${head}alloc 5 1 a0\nalloc_zeroed 8 8 b0\nrealloc 5 10 1 a0 c0\ndealloc 10 1 c0\ndealloc 8 8 b0\nend 5 0\n`;
    expect(parseOracleEvents(text)).toEqual([alloc(5, 1), alloc(8, 8), realloc(5, 10, 1), dealloc(10, 1), dealloc(8, 8)]);
    expect(parseOracleEvents(text, { blocks: true }).map((e) => e.block)).toEqual([0, 1, 0, 0, 1]);
  });

  test('names the line and what was expected on bad input', () => {
    expect(() => parseOracleEvents('hello\n', { source: 'f' })).toThrow('f:1: expected header "memscope-oracle 1", found "hello"');
    expect(() => parseOracleEvents(`${head}alloc five 1 a0\nend 1 0\n`, { source: 'f' })).toThrow(
      'f:2: expected size as a decimal number in "alloc five 1 a0"',
    );
    expect(() => parseOracleEvents(`${head}free 1 1 a0\n`, { source: 'f' })).toThrow(/f:2: expected alloc, alloc_zeroed, realloc, dealloc or end, found "free"/);
    expect(() => parseOracleEvents(`${head}alloc 1 1 a0\n`, { source: 'f' })).toThrow('f: missing "end" line');
    expect(() => parseOracleEvents(`${head}end 2 0\n`, { source: 'f' })).toThrow('f:2: "end" says 2 events, file has 0');
  });
});
