/**
 * Broken programs never crash the interpreter: every course snippet and program, with each line
 * deleted in turn or stripped of its `;` or of its `&`s, either runs (maybe panicking) or is
 * rejected with one of the interpreter's own errors (syntax, subset, compile, step limit) — never
 * a JavaScript TypeError or an engine error escaping.
 */
import * as path from 'node:path';
import { initRust, runRustSync, RustSourceError, RustStepLimitError } from '../../src/rust';
import { loadRustPrograms } from '../oracle/rust-sources';

const programs = [
  ...loadRustPrograms(path.join(__dirname, '..', 'oracle', 'snippets')),
  ...loadRustPrograms(path.join(__dirname, 'programs')),
];

beforeAll(() => initRust(), 30_000);

function variants(source: string): string[] {
  const lines = source.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith('//')) return;
    const edit = (f: (l: string) => string) => lines.map((l, j) => (j === i ? f(l) : l)).join('\n');
    out.push(lines.filter((_, j) => j !== i).join('\n'));
    if (/;\s*$/.test(line)) out.push(edit((l) => l.replace(/;\s*$/, '')));
    if (line.includes('&')) out.push(edit((l) => l.replace(/&/g, '')));
  });
  return out;
}

test.each(programs.map((p) => [p.name, p] as const))('%s: every one-line mutation runs or fails with our own error', (_name, p) => {
  const escaped: string[] = [];
  for (const src of variants(p.source)) {
    try {
      runRustSync(src, { maxSteps: 100_000 });
    } catch (e) {
      // An engine error mapped at run time would mean the static checks let something through.
      const lateCatch = (e as { caughtAtRunTime?: boolean }).caughtAtRunTime;
      if ((e instanceof RustSourceError && !lateCatch) || e instanceof RustStepLimitError) continue;
      escaped.push(`${(e as Error).name}: ${(e as Error).message}\n--- program:\n${src}`);
    }
  }
  expect(escaped).toEqual([]);
}, 120_000);
