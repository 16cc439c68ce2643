/**
 * Issue 12 item 4: property-based fuzzing of the Rust interpreter's front end (parser, lowering,
 * type and borrow checks, code generation) and its runs. Inputs are token soup and real programs
 * with tokens deleted, repeated or swapped. Every input either runs within the statement budget
 * or is refused with a RustSourceError (syntax, outside the subset, compile error) or the step
 * limit: never another exception, never a hang.
 */
import fc from 'fast-check';
import * as path from 'path';
import { initRust, runRustSync, RustSourceError, RustStepLimitError } from '../../../src/rust';
import { encodeTimeline } from '../../../src/engine/timeline/document';
import { readTimeline } from '../../../src/format/timeline';
import { loadRustPrograms } from '../../oracle/rust-sources';
import { fuzz, refusedWith, WrongResult, type Outcome } from './fuzz';

const TOKENS = [
  'fn', 'main', '(', ')', '{', '}', 'let', 'mut', 'x', 'y', 's', 'v', '=', ';', ':', ',', '.', '&', '&mut', '*', '+', '-', '/', '%', '<', '>', '==', '!=', '<=', '>=',
  'if', 'else', 'while', 'loop', 'for', 'in', '..', '..=', 'break', 'continue', 'return', 'match', '=>', '_', 'struct', 'enum', 'impl', 'self', 'Self', '::', '->',
  'String', 'Vec', 'Box', 'Rc', 'Option', 'Some', 'None', 'u8', 'i32', 'u64', 'usize', 'i64', 'f64', 'bool', 'char', 'str', 'new', 'from', 'push', 'push_str', 'len',
  'with_capacity', 'clone', 'vec!', 'println!', 'format!', '[', ']', '0', '1', '255', '256', '-2147483648', '18446744073709551615', '1e308', '0.5', "'c'", '"text"',
  '"{}"', '"{:?}"', 'true', 'false', 'as', 'const', 'static', 'pub', 'trait', 'where', '<T>', '#', '!', '?', '|', '||', '@', '\'a', 'unsafe', 'move', '\n',
];

const programs = loadRustPrograms(path.join(__dirname, '..', '..', 'rust', 'programs')).map((p) => p.source);

function judge(source: string): Outcome {
  let run;
  try {
    run = runRustSync(source, { maxSteps: 5000 });
  } catch (err) {
    return refusedWith(err, RustSourceError, RustStepLimitError);
  }
  // A run's timeline is a document its own reader accepts.
  try {
    readTimeline(encodeTimeline(run.timeline), 'fuzz.rs');
  } catch (err) {
    throw new WrongResult(`the interpreter wrote a timeline its reader refuses: ${(err as Error).message}`);
  }
  return 'accepted';
}

beforeAll(() => initRust(), 30_000);

describe('the Rust interpreter under fuzzing', () => {
  test('token soup', async () => {
    const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(' '));
    const wrapped = soup.map((body) => `fn main() {\n${body}\n}\n`);
    await fuzz('rust front end: token soup', fc.oneof(soup, wrapped, fc.string({ maxLength: 200 })), 80, judge);
  });

  test('real programs with tokens deleted, repeated or replaced', async () => {
    const input = fc.record({ program: fc.nat({ max: programs.length - 1 }), edits: fc.array(fc.record({ at: fc.nat(), how: fc.nat({ max: 2 }), token: fc.constantFrom(...TOKENS) }), { minLength: 1, maxLength: 3 }) })
      .map(({ program, edits }) => {
        const tokens = programs[program]!.split(/(\s+)/);
        for (const e of edits) {
          const i = e.at % tokens.length;
          if (e.how === 0) tokens.splice(i, 1);
          else if (e.how === 1) tokens.splice(i, 0, tokens[i]!);
          else tokens[i] = e.token;
        }
        return tokens.join('');
      });
    await fuzz('rust front end: damaged programs', input, 60, judge);
  });
});
