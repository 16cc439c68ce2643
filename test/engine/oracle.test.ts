/**
 * The engine against real Rust: each scenario of test/oracle/scenarios is written again with
 * the notebook API (or, where the API has no word for it, with the Machine and std directly),
 * and the engine must ask its heap for exactly what rustc's program asked its global allocator
 * for (op, size, align, old size, in order) and print the same output. Every scenario must
 * have a model: a new scenario without one fails here.
 */
import { rustProgram, type Rust } from '../../src/api/program';
import { parseType } from '../../src/engine/layout/parse';
import type { Ty } from '../../src/engine/layout/types';
import type { Machine } from '../../src/engine/memory/machine';
import type { Local, RValue, VecValue } from '../../src/engine/memory/rvalue';
import { boxNew } from '../../src/engine/std/pointers';
import { formatValue } from '../../src/engine/std/fmt';
import { toStringOf } from '../../src/engine/std/to-string';
import { vecFromItems, vecIntoBoxedSlice, vecNew, vecPush } from '../../src/engine/std/vec';
import { EventKind } from '../../src/format/events';
import type { Timeline } from '../../src/engine/timeline/timeline';
import { engineScenarios } from '../oracle/engine-scenarios';
import { runRustOracle } from '../oracle/rustc-oracle';
import { heapOps, type HeapOp } from './helpers';

type Model = (rs: Rust) => void;

// ---- for the models written against the Machine ----
const int = (name: string, v: number): RValue => ({ tag: 'scalar', ty: parseType(name), v });
const some = (ty: Ty, v: RValue): RValue => ({ tag: 'enum', ty, name: 'Option', variant: 'Some', fieldNames: ['0'], fields: [v] });
const none = (ty: Ty): RValue => ({ tag: 'enum', ty, name: 'Option', variant: 'None', fieldNames: [], fields: [] });
const show = (local: Local, debug = false) => formatValue(local.value!, debug);
/** `fn main() { body }` on the bare Machine: the frame's locals drop at its end. */
const machineMain = (body: (m: Machine) => void): Model => (rs) => {
  rs.machine.pushFrame('main');
  body(rs.machine);
  rs.machine.popFrame();
};
/** The notes scenario 26's model puts where the Rust program calls memscope_oracle::start()/stop(). */
const REGION = ['memscope_oracle::start', 'memscope_oracle::stop'] as const;

/** Heap operations between the REGION notes (the oracle records only that part). */
function regionOps(t: Timeline): HeapOp[] {
  const notes: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t.kindAt(i) === EventKind.Note && REGION.includes(t.string(t.events.name[i]!) as (typeof REGION)[number])) notes.push(i);
  }
  expect(notes).toHaveLength(2);
  return heapOps(t, notes[0]! + 1, notes[1]!);
}

const models: Record<string, { body: Model; types?: string; region?: boolean }> = {
  '01-string-from-push-str': {
    body: (rs) => rs.main(() => {
      const s = rs.let_mut('s', rs.String.from('hello'));
      rs.println('{} {}', s.len(), s.capacity());
      for (let i = 0; i < 6; i++) {
        s.push_str(', world');
        rs.println('{} {}', s.len(), s.capacity());
      }
    }),
  },
  '02-string-new-push-char': {
    body: (rs) => rs.main(() => {
      const s = rs.let_mut('s', rs.String.new());
      rs.println('{} {}', s.len(), s.capacity());
      for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789') s.push(c);
      rs.println('{} {} {}', s, s.len(), s.capacity());
    }),
  },
  '03-string-with-capacity': {
    body: (rs) => rs.main(() => {
      const s = rs.let_mut('s', rs.String.with_capacity(10));
      s.push_str('0123456789');
      rs.println('{} {}', s.len(), s.capacity());
      s.push('!');
      rs.println('{} {}', s.len(), s.capacity());
    }),
  },
  '04-string-reserve': {
    body: (rs) => rs.main(() => {
      const s = rs.let_mut('s', rs.String.from('abc'));
      s.reserve(2);
      rs.println('{}', s.capacity());
      s.reserve(100);
      rs.println('{}', s.capacity());
      s.reserve_exact(200);
      rs.println('{}', s.capacity());
    }),
  },
  '05-string-shrink-to-fit': {
    body: (rs) => rs.main(() => {
      const s = rs.let_mut('s', rs.String.with_capacity(64));
      s.push_str('tiny');
      s.shrink_to_fit();
      rs.println('{} {}', s.len(), s.capacity());
      s.clear();
      s.shrink_to_fit();
      rs.println('{} {}', s.len(), s.capacity());
    }),
  },
  '06-vec-i32-push-growth': {
    body: (rs) => rs.main(() => {
      const v = rs.let_mut('v', rs.Vec.new('i32'));
      for (let i = 0; i < 20; i++) {
        v.push(i);
        rs.println('len {} cap {}', v.len(), v.capacity());
      }
    }),
  },
  '07-vec-u8-growth': {
    body: (rs) => rs.main(() => {
      const v = rs.let_mut('v', rs.Vec.new('u8'));
      for (let i = 0; i < 20; i++) v.push(rs.u8(i));
      rs.println('len {} cap {}', v.len(), v.capacity());
    }),
  },
  '08-vec-big-elem-growth': {
    body: (rs) => rs.main(() => {
      const v = rs.let_mut('v', rs.Vec.new('[u8; 2000]'));
      for (let i = 0; i < 4; i++) {
        v.push(rs.repeat('u8', i, 2000));
        rs.println('len {} cap {}', v.len(), v.capacity());
      }
    }),
  },
  '09-vec-with-capacity': {
    body: (rs) => rs.main(() => {
      const v = rs.let_mut('v', rs.Vec.with_capacity('u64', 3));
      for (let i = 0; i < 4; i++) v.push(rs.u64(i));
      rs.println('len {} cap {}', v.len(), v.capacity());
    }),
  },
  '10-vec-macro': {
    body: (rs) => rs.main(() => {
      const a = rs.let('a', rs.vec('i32', [1, 2, 3]));
      const b = rs.let('b', rs.vec('u16', [0, 0, 0, 0, 0]));
      rs.println('{:?} {} {:?} {}', a, a.capacity(), b, b.capacity());
    }),
  },
  '11-box-i64': {
    body: (rs) => rs.main(() => {
      const b = rs.let('b', rs.Box.new(rs.i64(42)));
      rs.println('{}', (b.value as number) + 1);
    }),
  },
  '12-box-struct': {
    types: 'struct Point { x: f64, y: f64, tag: u8 }',
    body: (rs) => rs.main(() => {
      const p = rs.let('p', rs.Box.new(rs.struct('Point', { x: 1.5, y: -2.0, tag: 7 })));
      const { x, y, tag } = p.value as { x: number; y: number; tag: number };
      rs.println('{} {} {}', rs.f64(x), rs.f64(y), tag);
    }),
  },
  '13-box-slice-from-vec': {
    body: machineMain((m) => {
      const v = m.bind('v', parseType('Vec<i32>'), vecNew(m, parseType('i32')));
      for (let i = 0; i < 5; i++) vecPush(m, v.value as VecValue, int('i32', i), { kind: 'local', local: v });
      const b = m.bind('b', parseType('Box<[i32]>'), vecIntoBoxedSlice(m, m.moveOut(v) as VecValue));
      m.print(`${show(b, true)} ${(b.value as VecValue).len}\n`);
      const exact = m.bind('exact', parseType('Box<[i32]>'), vecIntoBoxedSlice(m, vecFromItems(m, parseType('i32'), [7, 8, 9].map((n) => int('i32', n)))));
      m.print(`${show(exact, true)}\n`);
    }),
  },
  '14-rc-string': {
    body: (rs) => rs.main(() => {
      const a = rs.let('a', rs.Rc.new(rs.String.from('shared')));
      const b = rs.let('b', rs.Rc.clone(a));
      rs.println('{} {}', a, rs.Rc.strong_count(a));
      rs.drop(a);
      rs.println('{} {}', b, rs.Rc.strong_count(b));
    }),
  },
  '15-string-clone': {
    body: (rs) => rs.main(() => {
      const s = rs.let_mut('s', rs.String.with_capacity(32));
      s.push_str('abc');
      const t = rs.let('t', s.clone());
      rs.println('{} {} {} {}', s, s.capacity(), t, t.capacity());
    }),
  },
  '16-vec-string-clone': {
    body: (rs) => rs.main(() => {
      const v = rs.let_mut('v', rs.Vec.new('String'));
      v.push(rs.String.from('one'));
      v.push(rs.String.from('three'));
      const w = rs.let('w', v.clone());
      rs.println('{:?} {:?}', v, w);
    }),
  },
  '17-moves': {
    body: (rs) => {
      const take = rs.fn('take', ['s'], (s) => s);
      rs.main(() => {
        const a = rs.let('a', rs.String.from('moved'));
        const b = rs.let('b', a);
        const c = rs.let('c', take(b)!);
        const v = rs.let('v', rs.vec('String', [c]));
        rs.println('{:?}', v);
      });
    },
  },
  '18-vec-string-drop-order': {
    body: (rs) => rs.main(() => {
      const v = rs.let('v', rs.vec('String', [() => rs.String.from('a'), () => rs.String.from('bb'), () => rs.String.from('ccc')]));
      rs.println('{}', v.len());
    }),
  },
  '19-nested-scopes': {
    body: (rs) => rs.main(() => {
      const outer1 = rs.let('outer1', rs.String.from('o1'));
      const outer2 = rs.let('outer2', rs.String.from('outer2'));
      rs.scope(() => {
        const inner1 = rs.let('inner1', rs.String.from('i'));
        const inner2 = rs.let('inner2', rs.String.from('inner-22'));
        rs.println('{} {}', inner1, inner2);
      });
      rs.println('{} {}', outer1, outer2);
    }),
  },
  '20-drop-early': {
    body: (rs) => rs.main(() => {
      const a = rs.let('a', rs.String.from('first'));
      const b = rs.let('b', rs.String.from('second!'));
      rs.drop(a);
      const c = rs.let('c', rs.String.from('third'));
      rs.println('{} {}', b, c);
    }),
  },
  '21-box-linked-list': {
    types: 'enum List { Cons(i32, Box<List>), Nil }',
    body: machineMain((m) => {
      const LIST = parseType('List');
      const cons = (v: number, rest: RValue): RValue => ({ tag: 'enum', ty: LIST, name: 'List', variant: 'Cons', fieldNames: ['0', '1'], fields: [int('i32', v), rest] });
      const list = m.bind('list', LIST, { tag: 'enum', ty: LIST, name: 'List', variant: 'Nil', fieldNames: [], fields: [] });
      for (let i = 1; i <= 4; i++) m.assign(list, cons(i, boxNew(m, m.moveOut(list))));
      const sum = (l: RValue): number => (l.tag === 'enum' && l.variant === 'Cons' ? Number((l.fields[0] as { v: number }).v) + sum((l.fields[1] as { inner: RValue }).inner) : 0);
      m.print(`${sum(list.value!)}\n`);
    }),
  },
  '22-option-box': {
    types: 'struct Node { value: u32, next: Option<Box<Node>> }',
    body: machineMain((m) => {
      const LINK = parseType('Option<Box<Node>>');
      const node = (value: number, next: RValue): RValue => ({ tag: 'struct', ty: parseType('Node'), name: 'Node', fieldNames: ['value', 'next'], fields: [int('u32', value), next] });
      const head = m.bind('head', LINK, none(LINK));
      m.print(`${(head.value as { variant: string }).variant === 'None'}\n`);
      m.assign(head, some(LINK, boxNew(m, node(1, none(LINK)))));
      m.assign(head, some(LINK, boxNew(m, node(2, m.moveOut(head)))));
      const replaced = m.bind('replaced', LINK, some(LINK, boxNew(m, node(3, none(LINK)))));
      m.assign(head, m.moveOut(replaced));
      const n = ((head.value as { fields: RValue[] }).fields[0] as { inner: { fields: RValue[] } }).inner;
      m.print(`${formatValue(n.fields[0]!, false)} ${(n.fields[1] as { variant: string }).variant === 'None'}\n`);
    }),
  },
  '23-format-capacity': {
    // rs.format folds JS string and integer literals into the template as rustc does
    // (format!("x = {}", 42) is format!("x = 42")); floats and {:?} stay arguments.
    body: (rs) => rs.main(() => {
      const a = rs.let('a', rs.format('{}', 7));
      const b = rs.let('b', rs.format('x = {}', 42));
      const c = rs.let('c', rs.format('{}-{}', 'ab', 7));
      const d = rs.let('d', rs.format('a long literal prefix here: {}', rs.f64(1.5)));
      const e = rs.let('e', rs.format('{:?}', 'q'));
      rs.println('{} {} {} {} {}', a, b, c, d, e);
      rs.println('{} {} {} {} {}', a.capacity(), b.capacity(), c.capacity(), d.capacity(), e.capacity());
    }),
  },
  '24-int-to-string': {
    body: machineMain((m) => {
      const STRING = parseType('String');
      const [a, b, c, d, e, f, g, h, i, j, k] = ([
        ['a', int('i32', 42)], ['b', int('i64', -7)], ['c', int('u8', 255)], ['d', { tag: 'scalar', ty: parseType('f64'), v: 1.5 }],
        ['e', { tag: 'scalar', ty: parseType('bool'), v: true }], ['f', { tag: 'scalar', ty: parseType('char'), v: 'x' }],
        ['g', { tag: 'str', ty: parseType('&str'), text: 'lit', target: { kind: 'static', item: m.literal('lit') } }],
        ['h', int('i32', -42)], ['i', int('i64', 42)], ['j', int('usize', 7)], ['k', int('u16', 12)],
      ] as Array<[string, RValue]>).map(([name, x]) => m.bind(name, STRING, toStringOf(m, x)));
      const cap = (s: Local) => (s.value as { cap: number }).cap;
      m.print(`${[a, b, c, d, e, f, g].map((s) => show(s!)).join(' ')}\n`);
      m.print(`${[h, i, j, k].map((s) => show(s!)).join(' ')} ${cap(h!) + 1000 * cap(i!)}\n`);
      m.print(`${cap(j!)} ${cap(k!)}\n`);
      m.print(`${[a, b, c, d, e, f, g].map((s) => cap(s!)).join(' ')}\n`);
    }),
  },
  '25-vec-pop-clear-shrink': {
    body: (rs) => rs.main(() => {
      const v = rs.let_mut('v', rs.vec('u32', [1, 2, 3, 4, 5, 6]));
      v.push(rs.u32(7));
      v.pop();
      v.pop();
      v.shrink_to_fit();
      rs.println('{:?} {}', v, v.capacity());
      v.clear();
      rs.println('{}', v.capacity());
      v.shrink_to_fit();
      rs.println('{}', v.capacity());
    }),
  },
  '26-explicit-region': {
    region: true,
    body: (rs) => rs.main(() => {
      const setup = rs.let('setup', rs.String.from('not recorded'));
      rs.note(REGION[0]);
      const v = rs.let('v', rs.vec('u64', [1, 2]));
      rs.drop(v);
      rs.note(REGION[1]);
      rs.println('{}', setup);
    }),
  },
  '27-format-runtime-args': {
    body: (rs) => rs.main(() => {
      const n = rs.let('n', 42);
      const name = rs.let('name', rs.String.from('Ferris'));
      const a = rs.let('a', rs.format('{}', n));
      const b = rs.let('b', rs.format('n = {}', n));
      const c = rs.let('c', rs.format('{} is {} years and {} days old', name, n, n));
      const d = rs.let('d', rs.format('a long literal prefix here: {}', n));
      rs.println('{} | {} | {} | {}', a, b, c, d);
      rs.println('{} {} {} {}', a.capacity(), b.capacity(), c.capacity(), d.capacity());
    }),
  },
};

describe('engine vs real Rust (rustc + logging global allocator)', () => {
  test('every model is of a scenario that exists', () => {
    const scenarioNames = engineScenarios.map((s) => s.name);
    expect(Object.keys(models).filter((name) => !scenarioNames.includes(name))).toEqual([]);
  });

  test.each(engineScenarios.map((s) => [s.name, s] as const))('%s: same heap operations and output as rustc', async (name, scenario) => {
    const model = models[name];
    if (!model) throw new Error(`scenario ${name} (test/oracle/scenarios/${name}.rs) has no engine model in test/engine/oracle.test.ts`);
    const real = await runRustOracle(scenario.source, { fileName: `${name}.rs` });
    const timeline = rustProgram(model.body, { types: model.types });
    expect(model.region ? regionOps(timeline) : heapOps(timeline)).toEqual(real.events);
    expect(timeline.output()).toBe(real.stdout);
  });
});
