import { ProgramError, rustProgram } from '../../src/api/program';
import { EventKind } from '../../src/format/events';
import type { Timeline } from '../../src/engine/timeline/timeline';
import { heapOps } from './helpers';

/** Names of the bindings whose storage ended, in order. */
function endedLocals(t: Timeline): string[] {
  const names: string[] = [];
  for (let i = 0; i < t.length; i++) if (t.kindAt(i) === EventKind.LocalEnd) names.push(t.string(t.events.name[i]!)!);
  return names;
}

/** Types of the freed blocks, in order. */
function frees(t: Timeline): string[] {
  const out: string[] = [];
  for (let i = 0; i < t.length; i++) if (t.kindAt(i) === EventKind.HeapFree) out.push(`${t.string(t.events.type[i]!)}:${t.events.size[i]}`);
  return out;
}

describe('moves, clones and drops follow Rust', () => {
  test('locals drop at scope end in reverse declaration order', () => {
    const t = rustProgram((rs) => rs.main(() => {
      rs.let('a', rs.String.from('a'));
      rs.let('bb', rs.String.from('bb'));
      rs.scope(() => {
        rs.let('ccc', rs.String.from('ccc'));
      });
      rs.let('dddd', rs.String.from('dddd'));
    }));
    expect(endedLocals(t)).toEqual(['ccc', 'dddd', 'bb', 'a']);
    expect(frees(t)).toEqual(['[u8]:3', '[u8]:4', '[u8]:2', '[u8]:1']);
  });

  test('a moved-from binding owns and drops nothing; the new owner frees once', () => {
    const t = rustProgram((rs) => rs.main(() => {
      const s = rs.let('s', rs.String.from('hello'));
      rs.let('t', s);
    }));
    expect(heapOps(t)).toEqual([{ op: 'alloc', size: 5, align: 1 }, { op: 'dealloc', size: 5, align: 1 }]);
    const lastOwnerChange = [...Array(t.length).keys()].filter((i) => t.kindAt(i) === EventKind.HeapOwner).pop()!;
    const snap = t.snapshot(lastOwnerChange);
    const s = snap.frames[0]!.locals.find((l) => l.name === 's')!;
    expect(s.value).toEqual({ k: 'moved' });
    const block = snap.blocks[0]!;
    expect(block.owner).toMatchObject({ kind: 'local', name: 't' });
  });

  test('use after move is an error naming the binding, with the timeline so far', () => {
    let caught: unknown;
    try {
      rustProgram((rs) => rs.main(() => {
        const s = rs.let_mut('s', rs.String.from('hello'));
        rs.let('t', s);
        s.push_str('!');
      }));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ProgramError);
    expect((caught as ProgramError).message).toMatch(/use of moved value: `s`/);
    expect((caught as ProgramError).timeline.heapOps().allocs).toBe(1);
  });

  test('mutating a binding declared without mut is rejected like E0596', () => {
    expect(() => rustProgram((rs) => rs.main(() => {
      const s = rs.let('s', rs.String.from('x'));
      s.push_str('y');
    }))).toThrow(/not declared as mutable/);
  });

  test('Copy values copy: the source stays usable', () => {
    const t = rustProgram((rs) => rs.main(() => {
      const x = rs.let('x', 5);
      const y = rs.let('y', x);
      rs.println('{} {}', x, y);
    }));
    expect(t.output()).toBe('5 5\n');
  });

  test('clone allocates len bytes, not cap; Vec<String> clone: buffer first, then each string', () => {
    const t = rustProgram((rs) => rs.main(() => {
      const s = rs.let_mut('s', rs.String.with_capacity(100));
      s.push_str('abc');
      rs.let('c', s.clone());
      const v = rs.let_mut('v', rs.Vec.new('String'));
      v.push(rs.String.from('x'));
      v.push(rs.String.from('yy'));
      rs.let('w', v.clone());
    }));
    const ops = heapOps(t);
    expect(ops.slice(0, 2)).toEqual([{ op: 'alloc', size: 100, align: 1 }, { op: 'alloc', size: 3, align: 1 }]);
    // v: buffer of 4 Strings, then the clone: buffer of exactly 2 Strings, then 'x', then 'yy'.
    expect(ops.slice(2, 8)).toEqual([
      { op: 'alloc', size: 1, align: 1 },
      { op: 'alloc', size: 96, align: 8 },
      { op: 'alloc', size: 2, align: 1 },
      { op: 'alloc', size: 48, align: 8 },
      { op: 'alloc', size: 1, align: 1 },
      { op: 'alloc', size: 2, align: 1 },
    ]);
  });

  test('dropping a Vec<String> frees each string in order, then the buffer', () => {
    const t = rustProgram((rs) => rs.main(() => {
      const v = rs.let_mut('v', rs.Vec.new('String'));
      for (const word of ['a', 'bb', 'ccc']) v.push(rs.String.from(word));
    }));
    expect(frees(t)).toEqual(['[u8]:1', '[u8]:2', '[u8]:3', '[String]:96']);
    // The strings' buffers belong to the Vec's buffer, not to a local.
    const snap = t.snapshot(t.length - 6);
    const strings = snap.blocks.filter((b) => b.type === '[u8]');
    const vecBuf = snap.blocks.find((b) => b.type === '[String]')!;
    for (const s of strings) expect(s.owner).toEqual({ kind: 'block', block: vecBuf.id });
  });

  test('drop(x) frees now; the binding is moved-from afterwards', () => {
    const t = rustProgram((rs) => rs.main(() => {
      const a = rs.let('a', rs.Box.new(rs.i64(1)));
      rs.let('b', rs.Box.new(rs.i64(2)));
      rs.drop(a);
      rs.note('after drop');
    }));
    const note = [...Array(t.length).keys()].find((i) => t.kindAt(i) === EventKind.Note)!;
    const snap = t.snapshot(note);
    expect(snap.blocks).toHaveLength(1);
    expect(snap.frames[0]!.locals.find((l) => l.name === 'a')!.value).toEqual({ k: 'moved' });
    expect(frees(t)).toEqual(['i64:8', 'i64:8']);
  });

  test('Rc: one RcBox of 16 + value; clones count; the last drop frees the value then the box', () => {
    const t = rustProgram((rs) => rs.main(() => {
      const a = rs.let('a', rs.Rc.new(rs.String.from('shared')));
      const b = rs.let('b', rs.Rc.clone(a));
      rs.println('{}', rs.Rc.strong_count(b));
      rs.scope(() => {
        rs.let('c', rs.Rc.clone(a));
        rs.println('{}', rs.Rc.strong_count(a));
      });
      rs.println('{}', rs.Rc.strong_count(a));
    }));
    expect(t.output()).toBe('2\n3\n2\n');
    expect(heapOps(t)).toEqual([
      { op: 'alloc', size: 6, align: 1 },
      { op: 'alloc', size: 40, align: 8 },
      { op: 'dealloc', size: 6, align: 1 },
      { op: 'dealloc', size: 40, align: 8 },
    ]);
  });

  test('a temporary left unused is dropped at the next statement', () => {
    const t = rustProgram((rs) => rs.main(() => {
      rs.String.from('temporary');
      rs.let('x', 1);
    }));
    const kinds = [...Array(t.length).keys()].map((i) => t.event(i).kind);
    expect(kinds.indexOf('free')).toBeLessThan(kinds.indexOf('let'));
  });

  test('functions: arguments move into the callee, the return value moves out', () => {
    const t = rustProgram((rs) => {
      const takes = rs.fn('takes_ownership', ['s'], (s) => {
        rs.println('{}', s);
      });
      const gives = rs.fn('gives_ownership', [], () => rs.String.from('yours'));
      rs.main(() => {
        const s = rs.let('s', rs.String.from('hello'));
        takes(s);
        rs.let('g', gives()!);
      });
    });
    expect(t.output()).toBe('hello\n');
    expect(frees(t)).toEqual(['[u8]:5', '[u8]:5']);
    expect(t.peak('frames').value).toBe(2);
  });
});
