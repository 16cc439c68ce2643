/**
 * Never a silent wrong answer: one-line mutations of the programs (a line deleted, or its `&`s
 * removed) judged by the interpreter and by real rustc. Whatever the interpreter rejects as a
 * compile error, rustc rejects too; whatever it runs, rustc compiles, and runs to the same stdout
 * and heap calls (or the same panic). Programs it calls outside the subset are not judged.
 * A deterministic third of the mutants keeps the rustc time reasonable on two cores.
 */
import * as path from 'node:path';
import { initRust, runRustSync, RustCompileError, RustSourceError, RustStepLimitError, type RustRun } from '../../src/rust';
import { loadRustPrograms } from '../oracle/rust-sources';
import { OracleRunError, runRustOracle, type OracleRun } from '../oracle/rustc-oracle';
import { TARGETED } from './targeted-mutants';

const programs = [
  ...loadRustPrograms(path.join(__dirname, '..', 'oracle', 'snippets')),
  ...loadRustPrograms(path.join(__dirname, 'programs')),
];

interface Mutant {
  name: string;
  source: string;
}

function mutants(): Mutant[] {
  const out: Mutant[] = [];
  for (const p of programs) {
    const lines = p.source.split('\n');
    lines.forEach((line, i) => {
      if (!line.trim() || line.trim().startsWith('//')) return;
      out.push({ name: `${p.name} without line ${i + 1}`, source: lines.filter((_, j) => j !== i).join('\n') });
      if (line.includes('&')) out.push({ name: `${p.name} line ${i + 1} without &`, source: lines.map((l, j) => (j === i ? l.replace(/&/g, '') : l)).join('\n') });
    });
  }
  return out.filter((_, k) => k % 3 === 0);
}

type Ours = { kind: 'ran'; run: RustRun } | { kind: 'rejected'; error: RustCompileError } | { kind: 'unjudged' };

function ours(source: string): Ours {
  try {
    return { kind: 'ran', run: runRustSync(source, { maxSteps: 1_000_000 }) };
  } catch (e) {
    if (e instanceof RustCompileError) return { kind: 'rejected', error: e };
    // Outside the subset, or an endless loop (deleting an increment): nothing to compare.
    if (e instanceof RustSourceError || e instanceof RustStepLimitError) return { kind: 'unjudged' };
    throw e;
  }
}

type Theirs = { kind: 'ran'; run: OracleRun } | { kind: 'panicked'; error: OracleRunError } | { kind: 'rejected'; message: string };

async function theirs(source: string): Promise<Theirs> {
  try {
    return { kind: 'ran', run: await runRustOracle(source, { fileName: 'mutant.rs', timeoutMs: 60_000 }) };
  } catch (e) {
    if (e instanceof OracleRunError) return { kind: 'panicked', error: e };
    return { kind: 'rejected', message: (e as Error).message };
  }
}

/** The line of rustc's first error (`error[E…]: …` then `--> mutant.rs:LINE:COL`; warnings before it skipped). */
function firstErrorLine(message: string): number | undefined {
  const m = /error\[E\d+\][^]*?--> [^\n]*?:(\d+):\d+/.exec(message);
  return m ? Number(m[1]) : undefined;
}

const all = mutants();
const verdicts = new Map<string, Promise<Theirs>>();

/** The targeted mutants (targeted-mutants.ts) as sources: the line replaced in its program. */
const targeted = TARGETED.map((t) => {
  const program = programs.find((p) => p.name === t.program);
  if (!program) throw new Error(`targeted mutant: no program ${t.program}`);
  const lines = program.source.split('\n');
  const at = lines.indexOf(t.from);
  if (at < 0) throw new Error(`targeted mutant "${t.why}": ${t.program} has no line ${JSON.stringify(t.from)}`);
  return { ...t, name: `${t.program} line ${at + 1}: ${t.why} (${t.rustc})`, source: lines.map((l, j) => (j === at ? t.to : l)).join('\n') };
});

beforeAll(async () => {
  await initRust();
  for (const m of [...all, ...targeted]) {
    const v = theirs(m.source);
    v.catch(() => undefined);
    verdicts.set(m.name, v);
  }
}, 60_000);

test('there are enough mutants to mean something', () => {
  expect(all.length).toBeGreaterThan(300);
});

test.each(all.map((m) => [m.name, m] as const))('%s: same verdict as rustc', async (name, m) => {
  const mine = ours(m.source);
  if (mine.kind === 'unjudged') return;
  const rustc = await verdicts.get(name)!;
  if (mine.kind === 'rejected') {
    expect(rustc.kind).toBe('rejected');
    if (mine.error.code && rustc.kind === 'rejected') expect(rustc.message).toContain(`error[${mine.error.code}]`);
    return;
  }
  expect(rustc.kind).not.toBe('rejected');
  const run = mine.run;
  if (rustc.kind === 'ran') {
    expect(run.panic).toBeUndefined();
    expect(run.stdout).toBe(rustc.run.stdout);
    expect(run.heapEvents()).toEqual(rustc.run.events.map(({ op, size, align, old_size }) => (old_size === undefined ? { op, size, align } : { op, size, align, old_size })));
  } else if (rustc.kind === 'panicked' && rustc.error.exitCode !== 101) {
    // std::process::exit: the same status, output and heap calls up to the exit.
    expect(run.exitCode).toBe(rustc.error.exitCode);
    expect(run.stdout).toBe(rustc.error.stdout);
    expect(rustc.error.events).toBeDefined();
    expect(run.heapEvents()).toEqual(rustc.error.events!.map(({ op, size, align, old_size }) => (old_size === undefined ? { op, size, align } : { op, size, align, old_size })));
  } else if (rustc.kind === 'panicked') {
    expect(run.panic).toBeDefined();
    expect(rustc.error.stderr).toContain(run.panic!.message);
    expect(run.stdout).toBe(rustc.error.stdout);
  }
}, 600_000);

describe('targeted mutants: the mistakes courses warn about, same verdict as rustc', () => {
  test('there are targeted mutants for closures, iterators, trait bounds, dyn, Rc/RefCell and HashMap', () => {
    expect(targeted.length).toBeGreaterThanOrEqual(12);
  });

  const judge = async (m: (typeof targeted)[number]) => {
    const rustc = await verdicts.get(m.name)!;
    // The mutant still means what it says: rustc's own verdict.
    if (m.rustc === 'panic') expect(rustc.kind).toBe('panicked');
    else {
      expect(rustc.kind).toBe('rejected');
      expect((rustc as { message: string }).message).toContain(`error[${m.rustc}]`);
    }
    let mine: RustRun | undefined;
    try {
      mine = runRustSync(m.source, { maxSteps: 1_000_000 });
    } catch (e) {
      // Outside the subset is an honest answer; a compile error must carry rustc's code.
      if (e instanceof RustSourceError && !(e instanceof RustCompileError)) return;
      expect(e).toBeInstanceOf(RustCompileError);
      expect((e as RustCompileError).code).toBe(m.rustc);
      if (m.line) expect((e as RustCompileError).line).toBe(firstErrorLine((rustc as { message: string }).message));
      return;
    }
    expect(m.rustc).toBe('panic');
    expect(mine.panic).toBeDefined();
    expect((rustc as { error: OracleRunError }).error.stderr).toContain(mine.panic!.message);
    expect(mine.stdout).toBe((rustc as { error: OracleRunError }).error.stdout);
  };
  for (const m of targeted) {
    if (m.knownWrong) test.failing(`${m.name} — known wrong: ${m.knownWrong}`, () => judge(m), 600_000);
    else test(m.name, () => judge(m), 600_000);
  }
});
