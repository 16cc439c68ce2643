/**
 * `memscope run FILE.rs`: the program's stdout and a summary, `--json` with heap calls identical
 * to rustc's, `FILE:LINE:COL: message` for programs it cannot run, Rust's exit codes for panics.
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { runRustOracle } from '../oracle/rustc-oracle';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), isTTY: false });
  return { code, out, err };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'memscope-run-'));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function file(name: string, source: string): Promise<string> {
  const p = path.join(dir, name);
  await fs.writeFile(p, source);
  return p;
}

const snippet = path.join(__dirname, '..', 'oracle', 'snippets', '25-vec-of-strings.rs');

test('prints the program output, then a summary on stderr', async () => {
  const r = await cli(['run', snippet]);
  expect(r.code).toBe(0);
  expect(r.out).toBe('Ada (3 bytes)\nGrace (5 bytes)\nBarbara (7 bytes)\n3 names, capacity 4\n');
  expect(r.err).toMatch(/4 allocations, 0 reallocations, 4 frees/);
  expect(r.err).toMatch(/peak heap \d+ B in use/);
});

test('--json gives the heap calls rustc makes, stdout and final metrics', async () => {
  const r = await cli(['run', snippet, '--json', '--policy', 'best-fit']);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.out);
  const oracle = await runRustOracle(await fs.readFile(snippet, 'utf8'));
  expect(doc.heap).toEqual(oracle.events);
  expect(doc.stdout).toBe(oracle.stdout);
  expect(doc.metrics.heapLive).toBe(0);
  expect(doc.metrics.frames).toBe(0);
  expect(doc.panic).toBeUndefined();
}, 60_000);

test('an error prints FILE:LINE:COL: message and exits 1', async () => {
  const p = await file('moved.rs', 'fn main() {\n    let a = String::from("x");\n    let b = a;\n    println!("{}", a);\n}\n');
  const r = await cli(['run', p]);
  expect(r.code).toBe(1);
  expect(r.err).toBe(`${p}:4:20: error[E0382]: borrow of moved value: \`a\` (value moved at line 3, borrowed here after the move)\n`);
});

test('outside the subset names the construct', async () => {
  const p = await file('unsafe.rs', 'fn main() {\n    let f = unsafe { 1 };\n}\n');
  const r = await cli(['run', p]);
  expect(r.code).toBe(1);
  expect(r.err).toBe(`${p}:2:13: unsafe is not supported (unsafe_block)\n`);
});

test('a panic keeps the output so far and exits 101 like Rust', async () => {
  const p = await file('panic.rs', 'fn main() {\n    let v = vec![1];\n    println!("one");\n    println!("{}", v[3]);\n}\n');
  const r = await cli(['run', p]);
  expect(r.code).toBe(101);
  expect(r.out).toBe('one\n');
  expect(r.err).toContain(`thread 'main' panicked at ${p}:4:\nindex out of bounds: the len is 1 but the index is 3`);
  const j = await cli(['run', p, '--json']);
  expect(JSON.parse(j.out).panic).toEqual({ message: 'index out of bounds: the len is 1 but the index is 3', line: 4 });
});

test('--stack-limit turns deep recursion into a stack overflow (exit 134)', async () => {
  const p = await file('deep.rs', 'fn f(n: u32) -> u32 {\n    if n == 0 { 0 } else { 1 + f(n - 1) }\n}\nfn main() {\n    println!("{}", f(100000));\n}\n');
  const r = await cli(['run', p, '--stack-limit', '4096']);
  expect(r.code).toBe(134);
  expect(r.err).toContain("thread 'main' has overflowed its stack");
});

test('usage errors exit 2', async () => {
  expect((await cli(['run'])).code).toBe(2);
  expect((await cli(['run', path.join(dir, 'missing.rs')])).err).toMatch(/cannot read .*missing\.rs: no such file/);
  expect((await cli(['run', snippet, '--stack-limit', 'lots'])).err).toMatch(/--stack-limit expects a positive integer/);
  expect((await cli(['run', snippet, '--bogus'])).code).toBe(2);
});
