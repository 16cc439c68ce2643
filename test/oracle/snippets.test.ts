/**
 * The course snippet corpus (the programs the Rust interpreter will be compared on) run through
 * the rustc oracle: each compiles, prints, and records a heap sequence that is consistent. The
 * interpreter's comparison against these recordings lives with the interpreter.
 */
import * as path from 'node:path';
import { heapBalanceProblems } from './heap-balance';
import { loadRustPrograms, type RustProgram } from './rust-sources';
import { OracleRunError, runRustOracle, type OracleRun } from './rustc-oracle';

const SNIPPET_DIR = path.join(__dirname, 'snippets');
const snippets = loadRustPrograms(SNIPPET_DIR);
const errorSnippets = loadRustPrograms(path.join(SNIPPET_DIR, 'errors'));

/** Constructs outside the course subset; the corpus must avoid them, the "outside subset" error snippets must use one. */
const OUTSIDE_SUBSET: [string, RegExp][] = [
  ['trait', /\btrait\s+\w+/],
  ['impl block', /\bimpl\b/],
  ['closure', /\|\s*\w+(\s*:[^|]*)?\|/],
  ['iterator adapter', /\.(iter|into_iter|map|filter|collect|chars)\(/],
  ['cast', /\bas\s+[iuf](8|16|32|64|128|size)\b/],
  ['Option', /\b(Some\(|None\b|Option<)/],
  ['generic fn', /\bfn\s+\w+\s*</],
  ['thread', /\bstd::thread::/],
];

/** Sources that can put something on the heap; a snippet with none of them must record nothing. */
const HEAP_MAKERS = /String::|Vec::|vec!|Box::new|Rc::new|format!|\.to_string\(|\.clone\(/;

function code(source: string): string {
  return source.replace(/\/\/.*$/gm, ''); // drop comments: headers talk about String and Vec
}

function outsideSubset(source: string): string[] {
  return OUTSIDE_SUBSET.filter(([, re]) => re.test(code(source))).map(([name]) => name);
}

type Outcome = { run: OracleRun } | { error: unknown };

function runAll(programs: RustProgram[]): Promise<Map<string, Outcome>> {
  // runRustOracle itself lets at most two rustc run at once (two cores).
  return Promise.all(
    programs.map(async (p): Promise<[string, Outcome]> => {
      try {
        return [p.name, { run: await runRustOracle(p.source, { fileName: `${p.name}.rs`, blocks: true }) }];
      } catch (error) {
        return [p.name, { error }];
      }
    }),
  ).then((entries) => new Map(entries));
}

function runOf(outcomes: Map<string, Outcome>, name: string): OracleRun {
  const o = outcomes.get(name);
  if (!o) throw new Error(`no outcome for ${name}`);
  if ('error' in o) throw o.error;
  return o.run;
}

describe('course snippets', () => {
  let outcomes: Map<string, Outcome>;
  beforeAll(async () => {
    outcomes = await runAll(snippets);
  }, 300_000);

  test('the corpus has at least 32 snippets, named NN-name.rs, each with a header saying what it teaches', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(32);
    for (const s of snippets) {
      expect(s.name).toMatch(/^\d{2}-[a-z0-9-]+$/);
      expect(s.teaches.length).toBeGreaterThan(20);
    }
  });

  test.each(snippets.map((s) => [s.name, s] as const))('%s stays inside the course subset', (_name, s) => {
    expect(outsideSubset(s.source)).toEqual([]);
  });

  test.each(snippets.map((s) => [s.name, s] as const))('%s compiles, prints and records a balanced heap', (name, s) => {
    const { stdout, events } = runOf(outcomes, name);
    expect(stdout.length).toBeGreaterThan(0);
    expect(stdout.endsWith('\n')).toBe(true);
    // Empty only when justified: no construct in the source can allocate.
    expect(events.length > 0).toBe(HEAP_MAKERS.test(code(s.source)));
    expect(heapBalanceProblems(events)).toEqual([]);
  });
});

describe('error snippets', () => {
  let outcomes: Map<string, Outcome>;
  beforeAll(async () => {
    outcomes = await runAll(errorSnippets);
  }, 300_000);

  const expectation = (s: RustProgram) => {
    const m = /^expect: (?:rustc error (E\d{4}) at line (\d+)|(outside subset) \(rustc accepts\): .+)$/m.exec(s.teaches);
    if (!m) throw new Error(`${s.file}:1: expected a header "// expect: rustc error EXXXX at line N" or "// expect: outside subset (rustc accepts): <what>"`);
    return m[3] ? { kind: 'outside' as const } : { kind: 'rustc' as const, code: m[1], line: Number(m[2]) };
  };

  test('there are at least 6, both kinds present', () => {
    const kinds = errorSnippets.map((s) => expectation(s).kind);
    expect(kinds.length).toBeGreaterThanOrEqual(6);
    expect(kinds).toContain('rustc');
    expect(kinds).toContain('outside');
  });

  test.each(errorSnippets.map((s) => [s.name, s] as const))('%s fails as its header says', (name, s) => {
    const want = expectation(s);
    const o = outcomes.get(name)!;
    if (want.kind === 'rustc') {
      expect('error' in o).toBe(true);
      const err = (o as { error: unknown }).error;
      expect(err).not.toBeInstanceOf(OracleRunError);
      const message = (err as Error).message;
      expect(message).toContain(`error[${want.code}]`);
      expect(message).toContain(`${name}.rs:${want.line}:`);
    } else {
      // rustc runs it; the interpreter must reject one of these constructs instead.
      expect(runOf(outcomes, name).stdout.length).toBeGreaterThan(0);
      expect(outsideSubset(s.source).length).toBeGreaterThan(0);
    }
  });
});
