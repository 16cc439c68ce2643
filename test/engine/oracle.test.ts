/**
 * The engine against real Rust: each scenario of test/oracle/scenarios is written again with
 * the notebook API, and the engine must ask its heap for exactly what rustc's program asked
 * its global allocator for (op, size, align, old size, in order) and print the same output.
 */
import { rustProgram, type Rust } from '../../src/api/program';
import { engineScenario } from '../oracle/engine-scenarios';
import { runRustOracle } from '../oracle/rustc-oracle';
import { heapOps } from './helpers';

type Model = (rs: Rust) => void;

const models: Record<string, { body: Model; types?: string }> = {
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
  const names = Object.keys(models);

  test('covers the std behaviours of the engine issue', () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
  });

  test.each(names.map((n) => [n]))('%s: same heap operations and output as rustc', async (name) => {
    const scenario = engineScenario(name);
    const real = await runRustOracle(scenario.source, { fileName: `${name}.rs` });
    const { body, types } = models[name]!;
    const timeline = rustProgram(body, { types });
    expect(heapOps(timeline)).toEqual(real.events);
    expect(timeline.output()).toBe(real.stdout);
  });
});
