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

const { ensureSelfLink } = require('./self-link');

function configPathFromArgs(argv) {
  const i = argv.indexOf('--config-path');
  if (i < 0 || i + 1 >= argv.length) {
    console.error('usage: node kernel/launch.js --config-path <connection_file>');
    process.exit(2);
  }
  return argv[i + 1];
}

const configPath = configPathFromArgs(process.argv.slice(2));
ensureSelfLink(checkout);
// Resolve tslab from this checkout, not from the notebook's directory: enableFindLocal=false
// keeps a tslab that happens to sit beside a notebook from replacing the pinned one.
const tslab = require(require.resolve('tslab/dist/main.js', { paths: [checkout] }));
const { version } = require(require.resolve('tslab/package.json', { paths: [checkout] }));
tslab.startKernel({ configPath, enableFindLocal: false, jsKernel: false, globalVersion: version });
