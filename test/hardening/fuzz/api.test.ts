/**
 * Issue 12 items 4 and 10: property-based fuzzing of the notebook API. A random program of API
 * calls, each argument either sensible or anything JavaScript can hold, must end in a timeline
 * or a ProgramError whose cause is the API's own ApiUsageError or a modelling error
 * (OwnershipError: use after move, index out of bounds…) — never a raw TypeError or RangeError
 * from inside — and every timeline, whole or up to the error, must pass the format's reader
 * and its consistency check.
 */
import fc from 'fast-check';
import { ApiUsageError } from '../../../src/api/arguments';
import type { Binding } from '../../../src/api/binding';
import { ProgramError, rustProgram, type Rust } from '../../../src/api/program';
import { encodeTimeline } from '../../../src/engine/timeline/document';
import { OwnershipError } from '../../../src/engine/memory/errors';
import { readTimeline } from '../../../src/format/timeline';
import type { Timeline } from '../../../src/engine/timeline/timeline';
import { fuzz, WrongResult } from './fuzz';

const junk = fc.oneof(fc.anything({ maxDepth: 1 }), fc.constantFrom(undefined, null, NaN, Infinity, -1, 1.5, 300, 2 ** 60, -(2 ** 31), '', 'ab', 'é', 12345n, -1n));
const count = fc.oneof(fc.nat({ max: 40 }), junk);
const text = fc.oneof(fc.string({ maxLength: 12 }), junk);
const int = fc.oneof(fc.integer({ min: -300, max: 300 }), junk);

type Step = (rs: Rust, names: Binding[]) => void;

const step: fc.Arbitrary<Step> = fc.oneof(
  text.map((t): Step => (rs, b) => { b.push(rs.let_mut(`s${b.length}`, rs.String.from(t as string))); }),
  count.map((n): Step => (rs, b) => { b.push(rs.let_mut(`v${b.length}`, rs.Vec.with_capacity('u8', n as number))); }),
  fc.constantFrom('u8', 'i32', 'u64', 'String', 'Vec<u8>', 'Box<i32>', 'Vec<', 7).map((ty): Step => (rs, b) => { b.push(rs.let_mut(`w${b.length}`, rs.Vec.new(ty as string))); }),
  fc.tuple(fc.constantFrom('u8', 'i8', 'u16', 'i32', 'u64', 'i64', 'usize'), int).map(([ty, v]): Step => (rs, b) => { b.push(rs.let(`n${b.length}`, (rs as unknown as Record<string, (x: unknown) => never>)[ty]!(v))); }),
  fc.tuple(fc.nat(), text).map(([i, t]): Step => (_rs, b) => { if (b.length) b[i % b.length]!.push_str(t as string); }),
  fc.tuple(fc.nat(), int).map(([i, v]): Step => (_rs, b) => { if (b.length) b[i % b.length]!.push(v as number); }),
  fc.tuple(fc.nat(), count).map(([i, n]): Step => (_rs, b) => { if (b.length) b[i % b.length]!.truncate(n as number); }),
  fc.tuple(fc.nat(), count).map(([i, n]): Step => (_rs, b) => { if (b.length) b[i % b.length]!.reserve(n as number); }),
  fc.tuple(fc.nat(), count).map(([i, n]): Step => (_rs, b) => { if (b.length) b[i % b.length]!.get(n as number); }),
  fc.nat().map((i): Step => (rs, b) => { if (b.length) rs.drop(b[i % b.length]!); }),
  fc.nat().map((i): Step => (rs, b) => { if (b.length) b.push(rs.let(`c${b.length}`, b[i % b.length]!.clone())); }),
  fc.nat().map((i): Step => (rs, b) => { if (b.length) b.push(rs.let(`r${b.length}`, rs.Box.new(b[i % b.length]!))); }),
  fc.tuple(text, junk).map(([t, x]): Step => (rs) => rs.println(t as string, x as never)),
  junk.map((x): Step => (rs, b) => { b.push(rs.let(`j${b.length}`, x as never)); }),
  junk.map((x): Step => (rs) => { rs.note(x as string); }),
  fc.float().map((x): Step => (rs, b) => { b.push(rs.let(`f${b.length}`, rs.f64(x))); }),
);

/** The run's timeline passes the format's reader (shape and consistency), or the API wrote a document it refuses. */
function readable(t: Timeline, when: string): void {
  try {
    readTimeline(JSON.stringify(encodeTimeline(t)), 'api.json');
  } catch (err) {
    throw new WrongResult(`the API wrote a timeline its own reader refuses (${when}): ${(err as Error).message}`);
  }
}

test('random API programs: a readable timeline, or a clear error with a readable timeline so far', async () => {
  await fuzz('notebook API: random calls', fc.array(step, { maxLength: 14 }), 150, (steps) => {
    let timeline: Timeline;
    try {
      timeline = rustProgram((rs) => rs.main(() => {
        const bindings: Binding[] = [];
        rs.scope(() => {
          for (const s of steps) s(rs, bindings);
        });
      }));
    } catch (err) {
      if (!(err instanceof ProgramError)) throw err;
      const cause = err.error;
      if (!(cause instanceof ApiUsageError || cause instanceof OwnershipError)) throw cause;
      readable(err.timeline, `stopped by: ${err.message}`);
      return 'refused';
    }
    readable(timeline, 'a whole run');
    return 'accepted';
  });
});

test('found by this fuzzer: a capacity past the address space fails as an allocation (its address could not be recorded)', () => {
  // Vec::<u8>::with_capacity(2^53 - 1) placed a block ending past 2^53: the timeline could not be encoded.
  const t = rustProgram((rs) => rs.main(() => {
    rs.let('v', rs.Vec.with_capacity('u8', Number.MAX_SAFE_INTEGER));
  }));
  expect(t.meta.ended).toBe(`memory allocation of ${Number.MAX_SAFE_INTEGER} bytes failed`);
  readable(t, 'with_capacity(2^53 - 1)');
});
