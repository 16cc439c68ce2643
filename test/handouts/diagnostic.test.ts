import { rustcMessage } from '../../src/handout/diagnostic';
import { filmstripIndices } from '../../src/handout/filmstrip';
import { makeView } from '../../src/views/view';
import { EXAMPLES } from '../../src/examples/index';

describe('rustcMessage', () => {
  const source = 'fn main() {\n    let a = String::from("x");\n    let b = a;\n    println!("{}", a);\n}\n';
  test('a compile error reads as rustc prints it, caret under the column', () => {
    const text = rustcMessage({ kind: 'compile', message: 'error[E0382]: borrow of moved value: `a`', line: 4, column: 20 }, source);
    expect(text).toBe([
      'error[E0382]: borrow of moved value: `a`',
      ' --> src/main.rs:4:20',
      '  |',
      '4 |     println!("{}", a);',
      '  |                    ^',
    ].join('\n'));
  });
  test('a step-budget stop names its line; an error without a line is one line', () => {
    expect(rustcMessage({ kind: 'steps', message: 'stopped after 10 steps (maxSteps) at line 3: is there an endless loop?', line: 3, column: null }, source))
      .toBe('error: stopped after 10 steps (maxSteps) at line 3: is there an endless loop?\n --> src/main.rs:3\n  |\n3 |     let b = a;');
    expect(rustcMessage({ kind: 'timeout', message: 'ran too long', line: null, column: null }, source)).toBe('error: ran too long');
  });
});

describe('filmstripIndices', () => {
  test('the opening step, the heap peak and both ends, in step order, at most four', () => {
    const view = makeView(EXAMPLES.find((e) => e.name === 'three-regions')!.run());
    const n = view.snapshots.items.length;
    const peak = view.snapshots.items.findIndex((s) => s.step === view.meta.peaks.heapLive.step);
    const chosen = filmstripIndices(view, 2);
    expect(chosen).toEqual([...new Set([0, 2, peak, n - 1])].sort((a, b) => a - b));
    expect(filmstripIndices({ ...view, snapshots: { complete: true, items: [] } }, 0)).toEqual([]);
  });
});
