/**
 * The diagram as a reader needs it (issue 10): cells instead of cut text, the heap along the
 * pointers, holes with sizes, what changed since the previous step. Real runs of the Rust
 * interpreter, checked on the SVG's data attributes and text.
 */
import { EventKind } from '../../src/format/events';
import { initRust, runRustSync } from '../../src/rust';
import { cellsOf } from '../../src/views/cells';
import { diagramSvg, heapExtents, placeCells } from '../../src/views/diagram';

beforeAll(() => initRust(), 30_000);

/** The cells of one stack slot, as `label=text` strings. */
function slotCells(svg: string, frame: number, slot: number): string[] {
  const start = svg.indexOf(`<g class="ms-slot`, svg.indexOf(`data-frame="${frame}" data-slot="${slot}"`) - 60);
  const group = svg.slice(start, svg.indexOf('</g></g>', start) + 8);
  return [...group.matchAll(/<g class="ms-cell[^"]*"[^>]*data-label="([^"]*)">(.*?)<\/g>/g)].map(([, label, body]) => {
    const texts = [...body!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).filter((t) => t !== label);
    return `${label}=${body!.includes('ms-dot') ? '●' : texts.join('')}`;
  });
}

describe('values as cells', () => {
  test('a String is ptr | len | cap, never cut, its capacity visible', () => {
    const t = runRustSync(`fn main() {
    let mut s = String::with_capacity(100);
    s.push_str("a sentence long enough that the old diagram cut it before the capacity");
    println!("{}", s);
}`).timeline;
    let step = 0;
    for (let i = 0; i < t.length; i++) if (t.kindAt(i) === EventKind.Output) step = i;
    const svg = diagramSvg(t.snapshot(step));
    const len = 'a sentence long enough that the old diagram cut it before the capacity'.length;
    expect(slotCells(svg, 0, 0)).toEqual(['ptr=●', `len=${len}`, 'cap=100']);
    // The text in its block wraps inside one cell, all of it.
    const text = [...svg.matchAll(/<text[^>]*font-family="monospace" font-size="11"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join('');
    expect(text).toContain('&quot;a sentence long enough that the old diagram cut it before the capacity&quot;');
    expect(svg).toContain(`${len} of 100 bytes used`);
  });

  test('compact mode shows only the pointer (Aquascope\'s toggle)', () => {
    const value = { k: 'buf', to: { region: 'heap', block: 0 }, len: 5, cap: 8 } as const;
    expect(cellsOf(value).map((c) => c.label)).toEqual(['ptr', 'len', 'cap']);
    expect(cellsOf(value, { compact: true })).toEqual([{ label: '', text: '', pointer: { region: 'heap', block: 0 } }]);
  });

  test('structs, enums, arrays and Rc boxes as one cell per field or element', () => {
    expect(cellsOf({ k: 'struct', name: 'P', fields: [['x', { k: 'int', v: 1 }], ['name', { k: 'buf', to: null, len: 0, cap: 0 }]] }))
      .toEqual([{ label: 'x', text: '1' }, { label: 'name.ptr', text: '', pointer: null }, { label: 'name.len', text: '0' }, { label: 'name.cap', text: '0' }]);
    expect(cellsOf({ k: 'enum', name: 'List', variant: 'Cons', fields: [['0', { k: 'int', v: 3 }], ['1', { k: 'ptr', to: { region: 'heap', block: 2 } }]] }))
      .toEqual([{ label: '', text: 'List::Cons' }, { label: '0', text: '3' }, { label: '1', text: '', pointer: { region: 'heap', block: 2 } }]);
    expect(cellsOf({ k: 'array', items: [{ k: 'int', v: 7 }, { k: 'int', v: 8 }], len: 40 }).map((c) => `${c.label}=${c.text}`))
      .toEqual(['[0]=7', '[1]=8', '=+38 more']);
    expect(cellsOf({ k: 'rcbox', strong: 2, weak: 1, value: { k: 'int', v: 5 } }).map((c) => `${c.label}=${c.text}`))
      .toEqual(['strong=2', 'weak=1', 'value=5']);
    expect(cellsOf({ k: 'moved' })).toEqual([{ label: '', text: 'moved', faded: true }]);
  });

  test('cells wrap into rows; a long text wraps inside its cell', () => {
    const cells = [...Array(12).keys()].map((i) => ({ label: `[${i}]`, text: String(i * 1000) }));
    const { placed, height } = placeCells(cells, 200);
    expect(Math.max(...placed.map((p) => p.x + p.w))).toBeLessThanOrEqual(200);
    expect(new Set(placed.map((p) => p.y)).size).toBeGreaterThan(1);
    expect(height).toBeGreaterThan(30);
    const long = placeCells([{ label: '', text: 'x'.repeat(100) }], 200).placed[0]!;
    expect(long.lines.join('')).toBe('x'.repeat(100));
    expect(long.w).toBeLessThanOrEqual(200);
  });
});

describe('layout and arrows', () => {
  let snapshot: ReturnType<typeof runRustSync>['timeline'] extends { snapshot(step: number): infer S } ? S : never;
  beforeAll(() => {
    const list = runRustSync(`enum List {
    Cons(i32, Box<List>),
    Nil,
}

fn main() {
    let list = List::Cons(1, Box::new(List::Cons(2, Box::new(List::Cons(3, Box::new(List::Nil))))));
    println!("built");
}`).timeline;
    let printed = 0;
    for (let i = 0; i < list.length; i++) if (list.kindAt(i) === EventKind.Output) printed = i;
    snapshot = list.snapshot(printed);
  });

  /** Block ids in the order the diagram draws them (top to bottom). */
  const drawnOrder = (svg: string): number[] =>
    [...svg.matchAll(/<rect class="ms-block" data-block="(\d+)"[^>]* y="([\d.]+)"/g)]
      .map((m) => ({ id: Number(m[1]), y: Number(m[2]) }))
      .sort((a, b) => a.y - b.y)
      .map((b) => b.id);

  test('a Box list reads in list order along its pointers; address order is a mode', () => {
    // The list's cells in list order: the one `list` points at, then the one that points to, …
    const order: number[] = [];
    let at = snapshot.pointers.find((p) => p.from.region === 'stack')!.to;
    while (at && at.region === 'heap') {
      const id = at.block;
      order.push(id);
      at = snapshot.pointers.find((p) => p.from.region === 'heap' && p.from.block === id)?.to as typeof at;
    }
    expect(order).toHaveLength(3);
    expect(drawnOrder(diagramSvg(snapshot))).toEqual(order);
    const byAddress = snapshot.blocks.slice().sort((a, b) => a.address - b.address).map((b) => b.id);
    expect(drawnOrder(diagramSvg(snapshot, { heapOrder: 'address' }))).toEqual(byAddress);
    // The interpreter builds the innermost cell first: address order is the reverse of list order here.
    expect(byAddress).toEqual(order.slice().reverse());
  });

  test('one arrow origin per pointer cell, each arrow in its own colour', () => {
    const svg = diagramSvg(snapshot);
    const arrows = [...svg.matchAll(/<path class="ms-pointer" d="M([\d.]+),([\d.]+)[^"]*" fill="none" stroke="([^"]+)"/g)];
    expect(arrows).toHaveLength(snapshot.pointers.length);
    expect(new Set(arrows.map((a) => `${a[1]},${a[2]}`)).size).toBe(arrows.length);
    expect(new Set(arrows.map((a) => a[3])).size).toBe(arrows.length);
    expect(svg.match(/class="ms-dot"/g)).toHaveLength(snapshot.pointers.length);
  });

  test('each frame shows the line it is at: the caller at its call, the callee at the step', () => {
    const t = runRustSync(`fn take(s: String) -> usize {
    s.len()
}

fn main() {
    let a = String::from("moved");
    let n = take(a);
    println!("{}", n);
}`).timeline;
    let inTake = 0;
    // A step inside take at its own line (its closing brace, where s is dropped).
    for (let i = 0; i < t.length; i++) if (t.metric('frames', i) === 2 && t.event(i).line !== 7 && inTake === 0) inTake = i;
    expect(inTake).toBeGreaterThan(0);
    const line = t.event(inTake).line;
    expect(line).toBe(3);
    const svg = diagramSvg(t.snapshot(inTake));
    const titles = [...svg.matchAll(/class="ms-frame-title"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(titles).toEqual(['main · line 7', `take · line ${line}`]);
  });
});

describe('the heap\'s holes and what changed since the previous step', () => {
  let t: ReturnType<typeof runRustSync>['timeline'];
  beforeAll(() => {
    t = runRustSync(`fn main() {
    let a = String::from("first");
    let b = String::from("second");
    let c = String::from("third");
    drop(b);
    let mut v: Vec<i32> = Vec::new();
    v.push(1);
    v.push(2);
    v.push(3);
    v.push(4);
    v.push(5);
    println!("{} {} {}", a, c, v.len());
}`).timeline;
  });
  const stepOf = (kind: EventKind, nth = 0): number => {
    for (let i = 0, seen = 0; i < t.length; i++) if (t.kindAt(i) === kind && seen++ === nth) return i;
    throw new Error(`no ${kind} #${nth}`);
  };

  test('free extents: the hole a drop leaves is drawn with its size', () => {
    expect(heapExtents([{ id: 0, address: 0, size: 5 }, { id: 1, address: 32, size: 8 }]))
      .toEqual([{ address: 0, size: 5, block: 0, freed: false }, { address: 5, size: 27, block: null, freed: false }, { address: 32, size: 8, block: 1, freed: false }]);
    const free = stepOf(EventKind.HeapFree);
    const after = t.snapshot(free + 3);
    const blocks = after.blocks.slice().sort((x, y) => x.address - y.address);
    const hole = blocks[1]!.address - (blocks[0]!.address + blocks[0]!.size);
    expect(hole).toBeGreaterThanOrEqual(6); // "second" was there
    const svg = diagramSvg(after, { heapOrder: 'address' });
    expect(svg).toMatch(new RegExp(`class="ms-hole" data-size="${hole}"`));
    expect(svg).toContain(`free ${hole} B at 0x`);
    expect(svg).toMatch(new RegExp(`free holes between blocks: ${hole} B`));
  });

  test('a freed block is struck out on the step after its free, and gone on the next', () => {
    const free = stepOf(EventKind.HeapFree);
    const svg = diagramSvg(t.snapshot(free), { previous: t.snapshot(free - 1) });
    const id = t.event(free).a;
    expect(svg).toContain(`<g class="ms-block ms-freed" data-block="${id}" data-change="freed"`);
    expect(svg).toContain('freed by this step');
    const later = diagramSvg(t.snapshot(free + 1), { previous: t.snapshot(free) });
    expect(later).not.toContain('ms-freed');
  });

  test('changed cells carry the change mark: a grown buffer, its new len and cap, a new block, a moved value', () => {
    const grow = stepOf(EventKind.HeapRealloc);
    const svg = diagramSvg(t.snapshot(grow), { previous: t.snapshot(grow - 1) });
    expect(svg).toMatch(/data-block="\d+" data-change="(grown|moved)"/);
    expect(svg).toMatch(/(grown|moved from 0x[0-9a-f]+,) 16 → 32 B/);
    // The push after it writes len (and the realloc's cap) into v: those cells are marked.
    let set = grow;
    while (t.kindAt(set) !== EventKind.LocalSet) set++;
    const after = diagramSvg(t.snapshot(set), { previous: t.snapshot(grow - 1) });
    expect(after).toMatch(/<g class="ms-cell ms-changed" data-change="changed" data-label="len">/);
    expect(after).toMatch(/<g class="ms-cell ms-changed" data-change="changed" data-label="cap">/);
    const alloc = stepOf(EventKind.HeapAlloc, 1);
    expect(diagramSvg(t.snapshot(alloc), { previous: t.snapshot(alloc - 1) })).toMatch(/data-block="\d+" data-change="new"/);
    // Without a previous step nothing is marked.
    expect(diagramSvg(t.snapshot(set))).not.toContain('data-change=');
  });

  test('a moved-from binding is greyed and marked on the step of the move', () => {
    const moved = runRustSync(`fn main() {
    let a = String::from("x");
    let b = a;
    println!("{}", b);
}`).timeline;
    let step = 0;
    while (!(moved.kindAt(step) === EventKind.LocalSet && moved.event(step).value?.k === 'moved')) step++;
    const svg = diagramSvg(moved.snapshot(step), { previous: moved.snapshot(step - 1) });
    expect(svg).toMatch(/<g class="ms-slot ms-moved ms-changed" data-frame="0" data-slot="0" data-change="moved" opacity="0.5">/);
    expect(svg).toContain('a moved out');
  });

  test('a popped frame is struck out on the step of its return', () => {
    const calls = runRustSync(`fn id(n: i32) -> i32 {
    n
}
fn main() {
    let x = id(4);
    println!("{}", x);
}`).timeline;
    let ret = 0;
    while (!(calls.kindAt(ret) === EventKind.FramePop)) ret++;
    const svg = diagramSvg(calls.snapshot(ret), { previous: calls.snapshot(ret - 1) });
    expect(svg).toMatch(/class="ms-ghost" data-frame="\d+" data-change="popped"/);
    expect(svg).toContain('id returned');
  });
});
