/**
 * Issue 12 item 4 against real rustc: a capacity past isize::MAX panics "capacity overflow"
 * (exit 101) before the allocator is asked; a capacity the system refuses prints "memory
 * allocation of N bytes failed" and aborts (SIGABRT). The interpreter does the same, the second
 * through its model heap limit (RustRun.abort).
 */
import { initRust, runRustSync } from '../../src/rust';
import { OracleRunError, runRustOracle } from './rustc-oracle';

beforeAll(() => initRust(), 30_000);

const withCapacity = (n: string): string => `fn main() {\n    let v: Vec<u64> = Vec::with_capacity(${n});\n    println!("{}", v.capacity());\n}\n`;

async function failure(source: string): Promise<OracleRunError> {
  const e = await runRustOracle(source).then(() => null, (err: unknown) => err);
  if (!(e instanceof OracleRunError)) throw new Error(`rustc's program did not fail: ${String(e)}`);
  return e;
}

test('with_capacity(usize::MAX): rustc panics "capacity overflow" with exit 101, and so do we', async () => {
  const real = await failure(withCapacity('usize::MAX'));
  expect(real.exitCode).toBe(101);
  expect(real.stderr).toMatch(/panicked at .*\ncapacity overflow\n/);
  const ours = runRustSync(withCapacity('usize::MAX'));
  expect(ours.panic).toEqual({ message: 'capacity overflow', line: 2 });
}, 120_000);

test('with_capacity(1 << 40): rustc aborts with "memory allocation of N bytes failed", and so do we', async () => {
  const real = await failure(withCapacity('1 << 40'));
  expect(real.exitCode).toBeNull();
  expect(real.message).toMatch(/SIGABRT/);
  const message = real.stderr.split('\n')[0];
  expect(message).toBe('memory allocation of 8796093022208 bytes failed');
  expect(runRustSync(withCapacity('1 << 40')).abort?.message).toBe(message);
}, 120_000);
