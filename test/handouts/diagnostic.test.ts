import { rustcMessage } from '../../src/handout/diagnostic';
import { filmstripIndices } from '../../src/handout/filmstrip';
import { runnableSource } from '../../src/handout/output';
import { initRust, runRustSync } from '../../src/rust/index';
import { makeView } from '../../src/views/view';
import { checkView } from '../../src/format/view';
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
  const view = makeView(EXAMPLES.find((e) => e.name === 'three-regions')!.run());
  const items = view.snapshots.items;
  test('without a choice: steps spread from the first local up to the opening step, in order, at most four', () => {
    const opening = items.length - 2;
    const chosen = filmstripIndices(view, opening);
    expect(chosen).toHaveLength(4);
    expect(chosen[chosen.length - 1]).toBe(opening);
    expect([...chosen].sort((a, b) => a - b)).toEqual(chosen);
    expect(items[chosen[0]!]!.frames.some((f) => f.locals.length > 0)).toBe(true);
    expect(filmstripIndices(view, 0)).toEqual([0]);
    expect(filmstripIndices({ ...view, snapshots: { complete: true, items: [] } }, 0)).toEqual([]);
  });
  test('the notebook\'s choice (view.filmstrip) wins, each step drawn from its snapshot', () => {
    const chosen = makeView(EXAMPLES.find((e) => e.name === 'three-regions')!.run(), { filmstrip: [5, 2, 9] });
    expect(chosen.filmstrip).toEqual([2, 5, 9]);
    expect(checkView(JSON.parse(JSON.stringify(chosen))).filmstrip).toEqual([2, 5, 9]);
    expect(filmstripIndices(chosen, 0).map((i) => chosen.snapshots.items[i]!.step)).toEqual([2, 5, 9]);
  });
  test('a filmstrip step outside the run is an error naming it', () => {
    const t = EXAMPLES.find((e) => e.name === 'three-regions')!.run();
    expect(() => makeView(t, { filmstrip: [t.length] })).toThrow(`filmstrip step ${t.length} is outside this timeline (0..${t.length - 1})`);
    const bad = { ...JSON.parse(JSON.stringify(view)), filmstrip: [3, 1] };
    expect(() => checkView(bad, 'out.json')).toThrow(/filmstrip\[1\].*a step above 3/);
  });
});

describe('runnableSource', () => {
  const program = 'fn main() {\n    let v: Vec<i32> = vec![1, 2];\n    println!("{}", v.len());\n}\n';
  beforeAll(async () => {
    await initRust();
  });
  test('a runRust run is runnable again: its view says program "rust" and keeps the whole source', () => {
    const view = makeView(runRustSync(program).timeline);
    expect(view.meta.program).toBe('rust');
    expect(checkView(JSON.parse(JSON.stringify(view))).meta.program).toBe('rust');
    expect(runnableSource(view)).toBe(program);
  });
  test('a run written with the notebook API (its Rust beside it) is not, nor a run whose source was cut', () => {
    const example = makeView(EXAMPLES.find((e) => e.name === 'three-regions')!.run());
    expect(example.meta.source).toContain('fn main()');
    expect(runnableSource(example)).toBeNull();
    const cut = makeView(runRustSync(program).timeline, { sourceChars: 20 });
    expect(cut.meta.program).toBeUndefined();
    expect(runnableSource(cut)).toBeNull();
  });
  test('a view claiming another program kind is refused by the format', () => {
    const view = JSON.parse(JSON.stringify(makeView(runRustSync(program).timeline)));
    view.meta.program = 'python';
    expect(() => checkView(view, 'out.json')).toThrow(/meta\.program.*"rust" or absent/);
  });
});
