#!/usr/bin/env node
'use strict';
// The CLI is compiled from src/cli; `npm run build` produces dist/: dist/src (tsc) and
// dist/cli/memscope.js, the same code bundled into one file that starts ~15 ms sooner
// (scripts/bundle-cli.js). The bundle is used only when it is at least as new as the tsc build,
// so a tsc-only build (or a stale bundle) falls back to dist/src.
const fs = require('fs');
const path = require('path');

function entry() {
  const dist = path.join(__dirname, '..', 'dist');
  const bundle = path.join(dist, 'cli', 'memscope.js');
  try {
    if (fs.statSync(bundle).mtimeMs >= fs.statSync(path.join(dist, 'src', 'cli', 'main.js')).mtimeMs) return bundle;
  } catch {
    // no bundle (or no build): dist/src below, or its own clear error
  }
  return path.join(dist, 'src', 'cli', 'main.js');
}

const { main } = require(entry());
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`memscope: ${err && err.message ? err.message : err}\n`); process.exitCode = 1; },
);
