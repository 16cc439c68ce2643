/**
 * runRust on a worker thread (Node, compiled build): deep recursion reaches the model's 8 MiB
 * Rust stack and ends with Rust's stack overflow instead of exhausting the interpreter's own
 * JavaScript stack; errors come back as the same classes; the worker is reused between runs.
 * The interpreter is compiled to JavaScript for this (a worker cannot load TypeScript).
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..');
let out: string;

beforeAll(async () => {
  out = await fs.mkdtemp(path.join(os.tmpdir(), 'memscope-rust-thread-'));
  const config = path.join(out, 'tsconfig.json');
  await fs.writeFile(config, JSON.stringify({
    extends: path.join(root, 'tsconfig.json'),
    compilerOptions: { outDir: path.join(out, 'dist'), rootDir: root, noEmit: false, types: ['node'], typeRoots: [path.join(root, 'node_modules', '@types')] },
    files: [path.join(root, 'src', 'rust', 'index.ts')],
    include: [],
  }));
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', config], { stdio: 'pipe' });
  } catch {
    // Type diagnostics of this throwaway build (its lib resolution differs from the project's)
    // do not matter: the project itself is type-checked by `npm run typecheck`. What matters is
    // that JavaScript was emitted.
  }
  await fs.access(path.join(out, 'dist', 'src', 'rust', 'index.js'));
}, 180_000);

afterAll(() => fs.rm(out, { recursive: true, force: true }));

function node(script: string): unknown {
  const text = execFileSync(process.execPath, ['-e', script], {
    env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return JSON.parse(text);
}

test('deep recursion overflows the 8 MiB Rust stack, on a worker thread', () => {
  const index = path.join(out, 'dist', 'src', 'rust', 'index.js');
  const result = node(`
    const rust = require(${JSON.stringify(index)});
    const src = 'fn down(n: u64) -> u64 {\\n    if n == 0 { 0 } else { 1 + down(n - 1) }\\n}\\nfn main() {\\n    println!("{}", down(20000));\\n    println!("{}", down(1000000000));\\n}\\n';
    (async () => {
      const deep = await rust.runRust(src);
      const small = await rust.runRust('fn main() { let s = String::from("ok"); println!("{}", s); }', { policy: 'best-fit' });
      let error;
      try { await rust.runRust('fn main() {\\n    let a = String::new();\\n    let b = a;\\n    let c = a;\\n}'); } catch (e) { error = { cls: e instanceof rust.RustCompileError, code: e.code, line: e.line, column: e.column, message: e.message }; }
      let sameThread;
      await rust.initRust();
      try { rust.runRustSync(src); } catch (e) { sameThread = e.message; }
      process.stdout.write(JSON.stringify({
        stdout: deep.stdout, overflow: deep.stackOverflow, frames: deep.timeline.peak('frames').value,
        ended: deep.timeline.meta.ended, stackBytes: deep.timeline.peak('stackBytes').value,
        small: { stdout: small.stdout, heap: small.heapEvents(), policy: small.timeline.meta.policy },
        error, sameThread,
      }));
    })();
  `) as Record<string, any>;
  expect(result.stdout).toBe('20000\n');
  expect(result.overflow.message).toBe("thread 'main' has overflowed its stack");
  // Each call reserves a 32-byte frame (16 header + 8 for n, rounded to 16 as the ABI keeps it): 8 MiB / 32 = 262 144 calls deep.
  expect(result.frames).toBeGreaterThan(260_000);
  expect(result.stackBytes).toBeLessThanOrEqual(8 * 1024 * 1024);
  expect(result.ended).toBe("thread 'main' has overflowed its stack");
  expect(result.small).toEqual({ stdout: 'ok\n', heap: [{ op: 'alloc', size: 2, align: 1 }, { op: 'dealloc', size: 2, align: 1 }], policy: 'best-fit' });
  expect(result.error).toEqual({ cls: true, code: 'E0382', line: 4, column: 13, message: expect.stringContaining('use of moved value: `a`') });
  // On the calling thread the same program stops with an explanation instead.
  expect(result.sameThread).toMatch(/ran out of its own JavaScript stack at call depth \d+/);
}, 180_000);
