#!/usr/bin/env node
/**
 * `npm run fuzz [-- RUNS [SEED]]`: the property-based fuzzers of test/hardening/fuzz with RUNS
 * inputs per target (default 1000) from a fresh seed (or SEED, to replay one), then one table:
 * per target the inputs tried, how many were accepted or refused, and the crashes, hangs and
 * silent wrong results (all must be 0; a failure prints its shrunk input and the seed).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const runs = Number(process.argv[2] ?? 1000);
const seed = process.argv[3] ?? String(Date.now() % 2 ** 31);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`usage: npm run fuzz [-- RUNS [SEED]]: RUNS must be a positive whole number, got ${process.argv[2]}`);
  process.exit(2);
}
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'memscope-fuzz-')), 'tally.jsonl');
console.log(`memscope fuzz: ${runs} inputs per target, seed ${seed}`);
const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--selectProjects', 'unit', '--maxWorkers=1', '--testTimeout', String(Math.max(120000, runs * 2000)), 'test/hardening/fuzz'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, MEMSCOPE_FUZZ_RUNS: String(runs), MEMSCOPE_FUZZ_SEED: seed, MEMSCOPE_FUZZ_REPORT: report },
});
const rows = fs.existsSync(report) ? fs.readFileSync(report, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
const total = { target: 'total', inputs: 0, accepted: 0, refused: 0, crashes: 0, hangs: 0, wrong: 0 };
const cols = ['inputs', 'accepted', 'refused', 'crashes', 'hangs', 'wrong'];
const width = Math.max(...rows.map((r) => r.target.length), 10);
console.log(`\n${'target'.padEnd(width)}  ${cols.map((c) => c.padStart(8)).join(' ')}`);
for (const r of rows) {
  for (const c of cols) total[c] += r[c];
  console.log(`${r.target.padEnd(width)}  ${cols.map((c) => String(r[c]).padStart(8)).join(' ')}`);
}
console.log(`${'total'.padEnd(width)}  ${cols.map((c) => String(total[c]).padStart(8)).join(' ')}`);
console.log(`\n${total.inputs} inputs tried (seed ${seed}): ${total.crashes} crashes, ${total.hangs} hangs, ${total.wrong} silent wrong results`);
process.exit(jest.status === 0 && total.crashes + total.hangs + total.wrong === 0 ? 0 : 1);
