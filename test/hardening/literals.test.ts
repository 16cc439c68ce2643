/** Issue 12 item 12: `-N` is one literal, as in rustc, so each signed type's MIN is accepted. */
import { initRust, runRustSync } from '../../src/rust';

beforeAll(() => initRust(), 30_000);

describe('negative integer literals', () => {
  test.each([
    ['i8', '-128'],
    ['i16', '-32768'],
    ['i32', '-2147483648'],
    ['i64', '-9223372036854775808'],
    ['i128', '-170141183460469231731687303715884105728'],
  ])('%s::MIN written as %s is accepted and printed back', (ty, lit) => {
    const run = runRustSync(`fn main() { let x: ${ty} = ${lit}; println!("{}", x); println!("{}", x == ${ty}::MIN); }`);
    expect(run.stdout).toBe(`${lit}\ntrue\n`);
  });

  test('one past MIN is still out of range, with the line and the type', () => {
    expect(() => runRustSync('fn main() {\n    let x: i32 = -2147483649;\n    println!("{}", x);\n}')).toThrow(/literal out of range for `i32`.*line 2|2:.*literal out of range for `i32`/s);
  });

  test('negating a literal elsewhere still works', () => {
    expect(runRustSync('fn main() { let a: i64 = -5; let b = -a; println!("{} {}", a, b); }').stdout).toBe('-5 5\n');
  });
});
