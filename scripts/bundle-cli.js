#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Bundles the CLI's start (main, the command list, `replay` and everything it loads) into ONE
 * file, and the lab's worker into another, next to a tsc build:
 *
 *   node scripts/bundle-cli.js [BUILD_DIR] [--no-code-cache]
 *     (default dist; writes BUILD_DIR/cli/memscope.js, BUILD_DIR/cli/worker.js, BUILD_DIR/cli/memscope.js.cache)
 *
 * Why: loading ~100 small CommonJS modules (resolving, stat-ing, reading and wrapping each) cost
 * about 25 ms of a 1-event `memscope replay` (Node's own start is ~45 ms); one file costs half.
 * Then it replays a shipped trace on every policy with the bundle, through bin/load-bundle.js, and
 * keeps V8's code cache for the functions that compiled (memscope.js.cache): a run then skips
 * parsing and compiling them, ~7 ms more (--no-code-cache leaves it out; BUILD_DIR/src must be
 * compiled for the replay).
 * The lab's worker threads start from their bundle too (compare.ts looks for worker.js next to
 * itself, which in the bundle is this directory).
 * What stays out, loaded from BUILD_DIR/src as tsc compiled it: the other commands (each needs
 * its own large part of memscope: the interpreter, the kernel, the views), the HTML report
 * (vega), and command.ts, so that `instanceof UsageError` holds for every command. dist/src stays
 * the library for API users and the kernel; bin/memscope.js uses the bundle only when it is at
 * least as new as BUILD_DIR/src/cli/main.js (a tsc build alone falls back to dist/src).
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const src = path.join(root, 'src');

/** Source modules loaded from BUILD_DIR/src rather than bundled (see above). */
const OUTSIDE = [
  'cli/command.ts',
  'cli/commands/example.ts',
  'cli/commands/inspect.ts',
  'cli/commands/kernel.ts',
  'cli/commands/layout.ts',
  'cli/commands/run.ts',
  'cli/commands/study.ts',
  'views/lab/page.ts',
].map((f) => path.join(src, f));

/**
 * Resolves OUTSIDE modules to BUILD_DIR/src, relative to BUILD_DIR/cli, without an extension:
 * Node finds the compiled .js (or, in test/cli/bundle.test.ts, the .ts through a require hook).
 */
const outside = {
  name: 'memscope-outside',
  /** @param {import('esbuild').PluginBuild} build */
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const base = path.resolve(args.resolveDir, args.path);
      const file = OUTSIDE.find((f) => f === base || f === `${base}.ts`);
      if (!file) return undefined;
      return { path: `../src/${path.relative(src, file).replace(/\\/g, '/').replace(/\.ts$/, '')}`, external: true };
    });
  },
};

/**
 * Runs the bundle once on a shipped trace (every policy, output dropped) in a process of its own
 * and writes its code cache: what a replay compiles is what the cache holds.
 */
function writeCodeCache(bundle) {
  const args = ['replay', path.join(root, 'traces', 'sort.mtrace.gz'), '--json', '--policy', 'all', '--jobs', '1'];
  const script = `
    const b = require(${JSON.stringify(path.join(root, 'bin', 'load-bundle.js'))}).loadBundle(${JSON.stringify(bundle)});
    b.exports.main(${JSON.stringify(args)}, { out() {}, err() {}, isTTY: false }).then((code) => {
      if (code !== 0) throw new Error('the replay for the code cache exited with ' + code);
      b.writeCache();
    });`;
  execFileSync(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'inherit'] });
}

async function main() {
  const args = process.argv.slice(2);
  const codeCache = !args.includes('--no-code-cache');
  const buildDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(root, 'dist'));
  const outdir = path.join(buildDir, 'cli');
  const result = await esbuild.build({
    entryPoints: { memscope: path.join(src, 'cli', 'main.ts'), worker: path.join(src, 'alloc-lab', 'worker.ts') },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Packages come from node_modules as usual (only typescript is named: jest's worker fallback).
    packages: 'external',
    plugins: [outside],
    logLevel: 'warning',
    legalComments: 'none',
    metafile: true,
  });
  for (const [file, out] of Object.entries(result.metafile.outputs)) {
    process.stderr.write(`bundle-cli: ${path.relative(root, file)}: ${(out.bytes / 1024).toFixed(0)} KiB from ${Object.keys(out.inputs).length} modules\n`);
  }
  const bundle = path.join(outdir, 'memscope.js');
  fs.rmSync(`${bundle}.cache`, { force: true });
  if (codeCache) {
    writeCodeCache(bundle);
    process.stderr.write(`bundle-cli: ${path.relative(root, bundle)}.cache: ${(fs.statSync(`${bundle}.cache`).size / 1024).toFixed(0)} KiB of V8 code cache\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`bundle-cli: ${err.stack ?? err}\n`);
  process.exit(1);
});
