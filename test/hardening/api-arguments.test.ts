/**
 * Issue 12 item 10: the notebook API took garbage silently (`truncate(-1)` gave len −1,
 * `String.from(12345)` an empty String, `u8(300)` a u8 of 300, `undefined` a value), wrote
 * documents its own reader refused (a NaN float), and many bad calls surfaced as raw TypeErrors
 * from deep inside. Each is now an ApiUsageError naming the call and what it expected, with no
 * stack trace in what a notebook prints, and the timeline recorded so far still reads back.
 */
import { rustProgram, ProgramError, type Rust } from '../../src/api/program';
import { ApiUsageError } from '../../src/api/arguments';
import { encodeTimeline } from '../../src/engine/timeline/document';
import { readTimeline } from '../../src/format/timeline';

/** Runs a program expected to stop at a bad call; returns the message and checks the rest. */
function refused(body: (rs: Rust) => void): string {
  let err: unknown;
  try {
    rustProgram((rs) => rs.main(() => body(rs)));
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ProgramError);
  const failed = err as ProgramError;
  expect(failed.error).toBeInstanceOf(ApiUsageError);
  // What the notebook prints: one line, no frames of memscope's insides.
  expect(failed.stack).not.toMatch(/\n\s+at /);
  expect((failed.error as Error).stack).not.toMatch(/\n\s+at /);
  // The run so far is still a document the reader accepts.
  expect(readTimeline(JSON.stringify(encodeTimeline(failed.timeline))).count).toBeGreaterThan(0);
  return failed.message;
}

describe('the issue\'s garbage is refused, naming the call', () => {
  test('truncate(-1)', () => {
    expect(refused((rs) => {
      const v = rs.let_mut('v', rs.vec('u8', [1, 2, 3]));
      v.truncate(-1);
    })).toBe('v.truncate(-1): expected a length (a whole number >= 0), got -1');
  });

  test('String.from(12345)', () => {
    expect(refused((rs) => {
      rs.let('s', rs.String.from(12345 as unknown as string));
    })).toBe('rs.String.from(12345): expected text: a string, a &str or a String, got 12345');
  });

  test('a u8 of 300, directly and as a Vec<u8> element', () => {
    expect(refused((rs) => {
      rs.let('b', rs.u8(300));
    })).toBe('rs.u8(300): expected an integer in 0..=255 (u8), got 300');
    expect(refused((rs) => {
      const v = rs.let_mut('v', rs.Vec.new('u8'));
      v.push(300);
    })).toBe('v.push(300): expected an integer in 0..=255 (u8), got 300');
  });

  test('undefined values', () => {
    expect(refused((rs) => {
      rs.let('x', undefined as unknown as number);
    })).toMatch(/^rs\.let\("x", undefined\): expected a value: a temporary .*, got undefined$/);
    expect(refused((rs) => {
      const v = rs.let_mut('v', rs.Vec.new('String'));
      v.push(null as unknown as string);
    })).toMatch(/^v\.push\(null\): expected .*, got null$/);
  });

  test('a float the format cannot hold (the reader refused the document)', () => {
    expect(refused((rs) => {
      rs.let('x', rs.f64(NaN));
    })).toBe('rs.f64(NaN): expected a finite number (a timeline cannot hold NaN or infinity), got NaN');
    expect(refused((rs) => {
      rs.let('x', Infinity);
    })).toMatch(/^rs\.let\("x", Infinity\): expected a finite number/);
  });
});

describe('calls that used to surface as raw TypeErrors', () => {
  const cases: Array<[string, (rs: Rust) => void, RegExp]> = [
    ['Rc.clone of a number', (rs) => rs.let('r', rs.Rc.clone(5 as never)), /^rs\.Rc\.clone\(5\): expected a binding/],
    ['ref of undefined', (rs) => rs.let('r', rs.ref(undefined as never)), /^rs\.ref\(undefined\): expected a binding/],
    ['struct with null fields', (rs) => rs.let('p', rs.struct('P', null as never)), /^rs\.struct\("P", null\): expected its fields as an object/],
    ['vec with a number for items', (rs) => rs.let('v', rs.vec('u8', 5 as never)), /^rs\.vec\("u8", 5\): expected the elements as an array/],
    ['Vec.new of a bad type', (rs) => rs.let('v', rs.Vec.new('Vec<' as never)), /^rs\.Vec\.new\("Vec<"\): expected a Rust type such as "u64"/],
    ['Vec.new of nothing', (rs) => rs.let('v', rs.Vec.new(undefined as never)), /^rs\.Vec\.new\(undefined\): expected a Rust type/],
    ['a let named 5', (rs) => rs.let(5 as never, 1), /^rs\.let\(5, 1\): expected the local's name \(a Rust identifier/],
    ['push_str of a number', (rs) => rs.let_mut('s', rs.String.new()).push_str(7 as never), /^s\.push_str\(7\): expected text/],
    ['String::push of two chars', (rs) => rs.let_mut('s', rs.String.new()).push('ab'), /^s\.push\("ab"\): expected one char/],
    ['with_capacity(-5)', (rs) => rs.let('v', rs.Vec.with_capacity('u64', -5)), /^rs\.Vec\.with_capacity\("u64", -5\): expected a capacity in elements/],
    ['String.with_capacity(1.5)', (rs) => rs.let('s', rs.String.with_capacity(1.5)), /^rs\.String\.with_capacity\(1\.5\): expected a capacity in bytes/],
    ['reserve(NaN)', (rs) => rs.let_mut('v', rs.Vec.new('u8')).reserve(NaN), /^v\.reserve\(NaN\): expected how many more/],
    ['get("0")', (rs) => rs.let('v', rs.vec('u8', [1])).get('0' as never), /^v\.get\("0"\): expected an index/],
    ['insert(-1, 1)', (rs) => rs.let_mut('v', rs.vec('u8', [1])).insert(-1, 1), /^v\.insert\(-1, 1\): expected an index/],
    ['char("ab")', (rs) => rs.let('c', rs.char('ab')), /^rs\.char\("ab"\): expected a string of exactly one character/],
    ['i64 past 2^53 as a number', (rs) => rs.let('x', rs.i64(2 ** 60)), /past 2\^53 pass a bigint/],
    ['u64 of a negative bigint', (rs) => rs.let('x', rs.u64(-1n)), /^rs\.u64\(-1n\): expected an integer in 0\.\.=18446744073709551615 \(u64\)/],
    ['line(-3)', (rs) => rs.line(-3), /^rs\.line\(-3\): expected a source line number/],
    ['note(undefined)', (rs) => rs.note(undefined as never), /^rs\.note\(undefined\): expected the note's text/],
    ['println of a number template', (rs) => rs.println(5 as never), /^rs\.println\(5\): expected a format string/],
    ['scope without a body', (rs) => rs.scope(undefined as never), /^rs\.scope\(body\): expected the block's body as a function/],
    ['fn with a bad parameter list', (rs) => rs.fn('f', 'x' as never, () => undefined), /^rs\.fn\("f", "x", a function\): expected its parameters' names as an array/],
    ['repeat a billion times', (rs) => rs.let('a', rs.repeat('u8', 0, 1e9)), /^rs\.repeat\("u8", 0, 1000000000\): expected at most 8388608 elements/],
    ['a temporary used twice', (rs) => { const t = rs.String.from('a'); rs.let('x', t); rs.let('y', rs.Box.new(t)); }, /already moved/],
  ];
  test.each(cases)('%s', (_name, body, message) => {
    let err: unknown;
    try {
      rustProgram((rs) => rs.main(() => body(rs)));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ProgramError);
    const cause = (err as ProgramError).error;
    expect(cause).not.toBeInstanceOf(RangeError);
    // A TypeError only as our own ApiUsageError, never one thrown by JavaScript from inside.
    if (cause instanceof TypeError) expect(cause).toBeInstanceOf(ApiUsageError);
    expect((err as Error).message).toMatch(message);
    expect(readTimeline(encodeTimeline((err as ProgramError).timeline)).count).toBeGreaterThanOrEqual(0);
  });

  test('rustProgram itself checks its arguments', () => {
    expect(() => rustProgram(undefined as never)).toThrow(/^rustProgram\(body\): expected the program as a function/);
    expect(() => rustProgram(() => undefined, { stackLimit: -1 })).toThrow(/options\.stackLimit in bytes/);
    expect(() => rustProgram(() => undefined, { policy: 3 as never })).toThrow(/options\.policy as a string/);
  });

  test('good calls at the edges of their ranges still work', () => {
    const t = rustProgram((rs) => rs.main(() => {
      rs.let('a', rs.u8(255));
      rs.let('b', rs.i8(-128));
      rs.let('c', rs.u64(18446744073709551615n));
      rs.let('d', rs.i64(-(2n ** 63n)));
      const v = rs.let_mut('v', rs.vec('u8', [0, 255]));
      v.truncate(0);
      rs.let('s', rs.String.from(rs.str('text')));
      rs.let('e', rs.f64(-0.5));
    }));
    expect(readTimeline(encodeTimeline(t)).count).toBe(t.length);
  });
});
