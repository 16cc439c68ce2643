#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * The `memscope-ts` Jupyter kernel: tslab, started so that notebook cells can
 * `import * as memscope from 'memscope'` and get this checkout's compiled dist/.
 *
 * Jupyter runs this file through kernel.json (written by `memscope kernel install`):
 *   node <checkout>/kernel/launch.js --config-path {connection_file}
 *
 * Why a self-link: tslab type-checks each cell with TypeScript's classic node_modules lookup
 * (moduleResolution Node10, no tsconfig, NODE_PATH ignored) from the notebook's directory, and
 * runs it with Node's require from the same directory. A link <checkout>/node_modules/memscope ->
 * <checkout> satisfies both for every notebook under the checkout, exactly as an installed
 * package would. `npm install` prunes links it did not make, so the link is restored here at
 * every kernel start rather than trusted to survive from install time.
 */
const fs = require('fs');
const path = require('path');

const checkout = path.resolve(__dirname, '..');

/** Inside someone's node_modules, memscope is already importable the ordinary way. */
const isInstalledPackage = () => checkout.split(path.sep).includes('node_modules');

function ensureSelfLink() {
  if (isInstalledPackage()) return;
  const link = path.join(checkout, 'node_modules', 'memscope');
  try {
    fs.realpathSync(link);
    // Present: this checkout, or something someone put there on purpose; either way leave it.
    return;
  } catch {
    // Missing or dangling: (re)create below.
  }
  try {
    fs.rmSync(link, { force: true });
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync('..', link, 'dir');
  } catch (err) {
    // Another kernel starting at the same moment may have made it: then all is well.
    if (fs.existsSync(link)) return;
    // The kernel still starts; cells importing 'memscope' will report the missing module.
    console.error(`memscope kernel: cannot link ${link} -> ${checkout}: ${err instanceof Error ? err.message : err}`);
  }
}

function configPathFromArgs(argv) {
  const i = argv.indexOf('--config-path');
  if (i < 0 || i + 1 >= argv.length) {
    console.error('usage: node kernel/launch.js --config-path <connection_file>');
    process.exit(2);
  }
  return argv[i + 1];
}

const configPath = configPathFromArgs(process.argv.slice(2));
ensureSelfLink();
// Resolve tslab from this checkout, not from the notebook's directory: enableFindLocal=false
// keeps a tslab that happens to sit beside a notebook from replacing the pinned one.
const tslab = require(require.resolve('tslab/dist/main.js', { paths: [checkout] }));
const { version } = require(require.resolve('tslab/package.json', { paths: [checkout] }));
tslab.startKernel({ configPath, enableFindLocal: false, jsKernel: false, globalVersion: version });
