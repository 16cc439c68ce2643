/**
 * Issue 12 item 3: calls spend the statement budget (a recursion with no statement in its body
 * used to run unbounded under a large stack limit), and a budget that is not a positive integer
 * (NaN disabled the limit: every comparison with NaN is false) is refused by runRust and
 * runRustSync, and by the CLI's --max-steps.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { initRust, runRust, runRustSync, RustStepLimitError } from '../../src/rust';

beforeAll(() => initRust(), 30_000);

const recursion = 'fn f(n: u64) -> u64 { f(n + 1) }\nfn main() { f(0); }\n';

describe('the statement budget', () => {
  test('statement-free recursion under a huge stack limit stops at the budget, quickly', () => {
    const t0 = Date.now();
    let err: unknown;
    try {
      runRustSync(recursion, { stackLimit: 2 ** 40, maxStatements: 1000 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RustStepLimitError);
    expect((err as Error).message).toMatch(/stopped after 1000 statements and loop passes \(maxStatements; calls count too\) at line 1/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  test('the same recursion through runRust (a worker thread where built) stops too', async () => {
    await expect(runRust(recursion, { stackLimit: 2 ** 40, maxSteps: 1200 })).rejects.toThrow(/stopped after 1200/);
  }, 60_000);

  test.each([NaN, Infinity, -Infinity, -1, 0, 2.5, 2 ** 60])('maxSteps %p is refused with a clear error', async (bad) => {
    expect(() => runRustSync('fn main() { loop {} }', { maxSteps: bad })).toThrow(/option maxSteps must be a positive whole number of statements.*got /);
    await expect(runRust('fn main() { loop {} }', { maxSteps: bad })).rejects.toThrow(RangeError);
    expect(() => runRustSync('fn main() {}', { maxStatements: bad })).toThrow(/option maxStatements must be/);
  });

  test('a string where a number belongs is refused', () => {
    expect(() => runRustSync('fn main() {}', { maxSteps: '100' as unknown as number })).toThrow(/maxSteps .* got string/);
  });

  test('a valid budget still runs', () => {
    expect(runRustSync('fn main() { let x = 1; println!("{}", x); }', { maxSteps: 100 }).stdout).toBe('1\n');
  });

  test('the CLI refuses --max-steps NaN and -1 naming the flag', () => {
    const bin = path.join(__dirname, '../../bin/memscope.js');
    for (const bad of ['NaN', '-1', 'Infinity', '1.5']) {
      const r = spawnSync(process.execPath, [bin, 'run', '--max-steps', bad, 'x.rs'], { encoding: 'utf8' });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/--max-steps/);
    }
  });
});
