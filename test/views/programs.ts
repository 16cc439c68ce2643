/** Timelines made with the real engine through the notebook API, shared by the view tests. */
import { rustProgram } from '../../src/api/program';
import type { Timeline } from '../../src/engine/timeline/timeline';

/** `let mut v = Vec::new(); for i in 0..n { v.push(i) }`: 2 steps per push, log2(n) reallocs. */
export function vecPushes(n: number): Timeline {
  return rustProgram((rs) => rs.main(() => {
    const v = rs.let_mut('v', rs.Vec.new('i32'));
    for (let i = 0; i < n; i++) v.push(i);
  }));
}

/** Strings, boxes, Rc, a Vec of Strings and a nested call: every region and kind of block. */
export function mixed(hostile = 'hi'): Timeline {
  return rustProgram((rs) => {
    const helper = rs.fn('helper', ['n'], (n) => {
      const b = rs.let('b', rs.Box.new(n));
      rs.println('{}', b);
    });
    rs.main(() => {
      const s = rs.let_mut('s', rs.String.from(hostile));
      s.push_str('!');
      const r = rs.let('r', rs.Rc.new(7));
      rs.let('r2', rs.Rc.clone(r));
      const names = rs.let_mut('names', rs.Vec.new('String'));
      names.push(rs.String.from('a'));
      names.push(rs.String.from('bb'));
      helper(5);
      rs.println('{}', s);
    });
  });
}

/** `for i in 0..n { let b = Box::new(i); }`: one short-lived block per iteration (a crowded address map). */
export function boxChurn(n: number): Timeline {
  return rustProgram((rs) => rs.main(() => {
    for (let i = 0; i < n; i++) rs.scope(() => { rs.let('b', rs.Box.new(i)); });
  }));
}
