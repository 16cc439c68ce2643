/**
 * The timeline a run leaves: frames named after their function and tied to the calling line,
 * every event carrying a source line, recursion showing as stack depth, a stack limit ending the
 * run with Rust's stack-overflow event, and the API's entry points (tagged template, sync run).
 */
import { EventKind } from '../../src/format/events';
import { initRust, runRust, runRustSync, rust, RustStepLimitError } from '../../src/rust';

beforeAll(() => initRust(), 30_000);

const FACTORIAL = `fn factorial(n: u64) -> u64 {
    if n == 0 {
        1
    } else {
        n * factorial(n - 1)
    }
}

fn main() {
    let s = String::from("go");
    let r = factorial(5);
    println!("{} {}", s, r);
}
`;

function events(run: { timeline: { length: number; event(i: number): { kind: string; line: number | null; name: string | null; type: string | null; size: number; addr: number; value: { k: string } | null } } }) {
  return Array.from({ length: run.timeline.length }, (_, i) => run.timeline.event(i));
}

describe('frames and lines', () => {
  test('each call is a frame named after its function, pushed on the line of the call', async () => {
    const run = await runRust(FACTORIAL);
    const calls = events(run).filter((e) => e.kind === 'call');
    expect(calls.map((e) => e.name)).toEqual(['main', 'factorial', 'factorial', 'factorial', 'factorial', 'factorial', 'factorial']);
    expect(calls.map((e) => e.line)).toEqual([9, 11, 5, 5, 5, 5, 5]);
    expect(run.timeline.peak('frames').value).toBe(7);
    expect(run.timeline.final().frames).toBe(0);
    expect(run.stdout).toBe('go 120\n');
    expect(run.timeline.meta.source).toBe(FACTORIAL);
  });

  test('every event after main starts carries a line of the snippet', async () => {
    const run = await runRust(FACTORIAL);
    const lines = FACTORIAL.split('\n').length;
    for (const e of events(run)) {
      if (e.kind === 'static') continue;
      expect(e.line).not.toBeNull();
      expect(e.line!).toBeGreaterThanOrEqual(1);
      expect(e.line!).toBeLessThanOrEqual(lines);
    }
    const alloc = events(run).find((e) => e.kind === 'alloc')!;
    expect(alloc.line).toBe(10);
    // The String is freed when main's scope closes, on the line of its closing brace.
    const free = events(run).find((e) => e.kind === 'free')!;
    expect(free.line).toBe(13);
    const output = events(run).find((e) => e.kind === 'output')!;
    expect(output.line).toBe(12);
  });

  test('locals are named and typed as in the source', async () => {
    const run = await runRust('fn main() {\n    let v: Vec<u8> = vec![1, 2];\n    let n = v.len();\n}');
    // The call reserves both slots (uninitialised, at main's line); each `let` initialises its own on its line.
    const slots = events(run).filter((e) => e.kind === 'let');
    expect(slots.map((e) => [e.name, e.type, e.value?.k, e.line])).toEqual([['v', 'Vec<u8>', 'uninit', 1], ['n', 'usize', 'uninit', 1]]);
    expect(slots.map((e) => e.size)).toEqual([24, 8]);
    const inits = events(run).filter((e) => e.kind === 'init');
    expect(inits.map((e) => [e.name, e.line])).toEqual([['v', 2], ['n', 3]]);
  });

  test('a call reserves its whole frame at once; a let moves no stack pointer', async () => {
    const run = await runRust('fn f(a: u64) -> u64 {\n    let b: u8 = 1;\n    let c: u32 = 2;\n    a + b as u64 + c as u64\n}\nfn main() {\n    let x = f(3);\n}');
    const all = events(run);
    const call = all.find((e) => e.kind === 'call' && e.name === 'f')!;
    // Header 16, a: 8, b: 1, c: 4 at 4-alignment → 32 bytes, a multiple of 16.
    expect(call.size).toBe(32);
    const at = all.indexOf(call);
    const depth = run.timeline.metric('stackBytes', at);
    const inF = all.slice(at, all.findIndex((e) => e.kind === 'return' && e.name === 'f'));
    inF.forEach((e) => expect(run.timeline.metric('stackBytes', all.indexOf(e))).toBe(depth));
    expect(inF.filter((e) => e.kind === 'init').map((e) => e.name)).toEqual(['a', 'b', 'c']);
    const addr = Object.fromEntries(inF.filter((e) => e.kind === 'let').map((e) => [e.name, call.addr - e.addr]));
    expect(addr).toEqual({ a: 24, b: 25, c: 32 });
  });
});

describe('stack overflow', () => {
  const DEEP = `fn depth(n: u64) -> u64 {
    if n == 0 {
        0
    } else {
        1 + depth(n - 1)
    }
}

fn main() {
    println!("start");
    let v = vec![1, 2, 3];
    println!("{}", depth(1000000) + v[0]);
}
`;
  test('a stack limit ends deep recursion with an overflow event, like Rust', async () => {
    const run = await runRust(DEEP, { stackLimit: 16 * 1024 });
    expect(run.stackOverflow).toBeDefined();
    expect(run.stackOverflow!.message).toBe("thread 'main' has overflowed its stack");
    expect(run.stdout).toBe('start\n');
    expect(run.timeline.meta.ended).toBe("thread 'main' has overflowed its stack");
    const kinds = Array.from({ length: run.timeline.length }, (_, i) => run.timeline.kindAt(i));
    expect(kinds[kinds.length - 1]).toBe(EventKind.StackOverflow);
    const frames = run.timeline.peak('frames').value;
    expect(frames).toBeGreaterThan(100);
    expect(run.timeline.peak('stackBytes').value).toBeLessThanOrEqual(16 * 1024);
    // Nothing is freed: Rust aborts on stack overflow without unwinding.
    // v is a Vec<u64>: its items are added to depth()'s u64.
    expect(run.heapEvents()).toEqual([{ op: 'alloc', size: 24, align: 8 }]);
  });

  test('a larger limit lets the same recursion go deeper', async () => {
    const small = await runRust(DEEP, { stackLimit: 4 * 1024 });
    const large = await runRust(DEEP, { stackLimit: 16 * 1024 });
    expect(large.timeline.peak('frames').value).toBeGreaterThan(small.timeline.peak('frames').value * 3);
  });

  test('recursion within the limit completes', async () => {
    const run = await runRust(DEEP.replace('1000000', '200'), { stackLimit: 64 * 1024 });
    expect(run.stackOverflow).toBeUndefined();
    expect(run.stdout).toBe('start\n201\n');
  });
});

describe('API', () => {
  test('the rust tagged template runs its text', async () => {
    const n = 3;
    const run = await rust`fn main() { let v = vec![0u64; ${n}]; println!("{}", v.len()); }`;
    expect(run.stdout).toBe('3\n');
    expect(run.heapEvents()).toEqual([
      { op: 'alloc', size: 24, align: 8 },
      { op: 'dealloc', size: 24, align: 8 },
    ]);
  });

  test('runRustSync works once initialised, and policies change addresses, not calls', () => {
    const src = 'fn main() { let a = String::from("abc"); let b = vec![1, 2]; drop(a); let c = String::from("x"); }';
    const first = runRustSync(src, { policy: 'first-fit' });
    const bump = runRustSync(src, { policy: 'bump' });
    expect(first.heapEvents()).toEqual(bump.heapEvents());
    expect(first.timeline.meta.policy).not.toBe(bump.timeline.meta.policy);
  });

  test('maxSteps stops an endless loop with a clear error', () => {
    expect(() => runRustSync('fn main() {\n    let mut i = 0;\n    loop {\n        i += 1;\n    }\n}', { maxSteps: 1000 })).toThrow(RustStepLimitError);
    expect(() => runRustSync('fn main() {\n    let mut i = 0;\n    loop {\n        i += 1;\n    }\n}', { maxSteps: 1000 })).toThrow(/line 4/);
  });

  test('maxStatements is the budget\'s clearer name; a run counts statements (not timeline steps)', () => {
    const endless = 'fn main() {\n    let mut i = 0;\n    loop {\n        i += 1;\n    }\n}';
    expect(() => runRustSync(endless, { maxStatements: 1000 })).toThrow(/stopped after 1000 statements and loop passes/);
    // maxStatements wins over the older maxSteps when both are given.
    expect(() => runRustSync(endless, { maxStatements: 50, maxSteps: 1000 })).toThrow(/stopped after 50 /);
    const run = runRustSync('fn main() {\n    let a = 1;\n    let b = a + 1;\n    println!("{}", b);\n}');
    expect(run.statements).toBe(3);
    expect(run.steps).toBe(run.statements);
    expect(run.timeline.length).not.toBe(run.statements);
  });
});
