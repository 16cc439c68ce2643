import { EventKind } from '../../src/format/events';
import { initRust, runRustSync } from '../../src/rust';
import { makeView } from '../../src/views/view';
import { defaultStep, lineStep, type LineStep } from '../../src/views/steps';
import { vecPushes } from './programs';

beforeAll(() => initRust(), 30_000);

describe('defaultStep: the end of main before its drops', () => {
  test('a String program opens at its println, with s still bound and its block live', () => {
    const t = runRustSync(`fn main() {
    let greeting: &str = "hello";
    let n: i32 = 42;
    let s = String::from(greeting);
    println!("{} {} {}", greeting, n, s);
}`).timeline;
    const step = defaultStep(t);
    expect(t.event(step).line).toBe(5);
    expect(t.kindAt(step)).toBe(EventKind.Output);
    const snap = t.snapshot(step);
    expect(snap.frames.map((f) => f.locals.map((l) => l.name))).toEqual([['greeting', 'n', 's']]);
    expect(snap.blocks).toHaveLength(1);
    // The last event is main's return: nothing left to draw there.
    expect(t.snapshot(t.length - 1).frames).toHaveLength(0);
  });

  test('a run that never returns from main (stack overflow) opens at its last step', () => {
    const t = runRustSync(`fn down(n: u64) -> u64 {
    1 + down(n + 1)
}
fn main() {
    println!("{}", down(0));
}`, { stackLimit: 4096 }).timeline;
    expect(defaultStep(t)).toBe(t.length - 1);
  });

  test('the view carries the step it opens at, and its snapshot', () => {
    const t = vecPushes(5);
    const view = makeView(t);
    expect(view.step).toBe(defaultStep(t));
    expect(view.snapshots.items.some((s) => s.step === view.step)).toBe(true);
    const asked = makeView(t, { step: 3 });
    expect(asked.step).toBe(3);
    expect(asked.snapshots.items.some((s) => s.step === 3)).toBe(true);
    expect(() => makeView(t, { step: t.length })).toThrow(/step \d+ is outside this timeline/);
  });
});

describe('lineStep: stepping by source line', () => {
  const steps: LineStep[] = [
    { step: 0, line: 1 }, { step: 1, line: 2 }, { step: 2, line: 2 }, { step: 3, line: 2 },
    { step: 4, line: 3 }, { step: 5, line: null }, { step: 6, line: 3 },
  ];
  test.each([
    [0, 1, 3], // line 1 → the last step of line 2
    [1, 1, 4], // inside line 2 → line 3
    [3, 1, 4],
    [4, 1, 5], // a step without a line counts as its own line
    [6, 1, 6], // the end: nowhere to go
    [4, -1, 3], // back to the end of line 2's run
    [2, -1, 0],
    [0, -1, 0],
  ])('from index %i in direction %i lands on %i', (from, dir, to) => {
    expect(lineStep(steps, from, dir as 1 | -1)).toBe(to);
  });
});
