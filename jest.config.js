/**
 * Three projects, so a developer gets feedback in a minute and CI still runs everything:
 *   unit         pure TypeScript, no compiler, kernel or browser   `npx jest --selectProjects unit`
 *   oracle       compares with real rustc/cargo (compiles Rust programs, cached under .cache/)
 *   integration  the real tslab kernel through Jupyter's client, JupyterLab, headless Chromium
 * `npm test` runs all three. Tests run from TypeScript sources; `tsc --noEmit` type-checks
 * separately (see scripts/test.sh).
 */
const ORACLE = [
  'test/oracle/**/*.test.ts',
  'test/engine/oracle.test.ts',
  'test/engine/layout/rustc.test.ts',
  'test/rust/oracle.test.ts',
  'test/rust/errors.test.ts',
  'test/rust/mutants.test.ts',
  'test/rust/cli.test.ts',
  'test/traces/rust-tracer.test.ts',
];
const INTEGRATION = ['test/notebooks/**/*.test.ts', 'test/kernel/**/*.test.ts', 'test/jupyterlab/**/*.test.ts', 'test/jupyterlab-app/**/*.test.ts', 'test/handouts/live.test.ts', 'test/handouts/stepping.test.ts', 'test/views/lab/report-page.test.ts'];

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
};
const rooted = (globs) => globs.map((g) => `<rootDir>/${g}`);

module.exports = {
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/**/*.test.ts'], testPathIgnorePatterns: [] },
    { ...common, displayName: 'oracle', testMatch: rooted(ORACLE) },
    { ...common, displayName: 'integration', testMatch: rooted(INTEGRATION) },
  ],
};
// A test belongs to exactly one project: unit is whatever oracle and integration do not claim.
const claimed = [...ORACLE, ...INTEGRATION].map((g) => g.replace(/\*\*\/\*\.test\.ts$/, '').replace(/[.]/g, '\\.'));
module.exports.projects[0].testPathIgnorePatterns = claimed.map((p) => `<rootDir>/${p}`);
