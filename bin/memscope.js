#!/usr/bin/env node
'use strict';
// The CLI is compiled from src/cli; `npm run build` produces dist/: dist/src (tsc) and
// dist/cli/memscope.js, the same code bundled into one file that starts ~15 ms sooner, with
// V8's code cache beside it (scripts/bundle-cli.js, ./load-bundle.js). The bundle is used only
// when it is at least as new as the tsc build, so a tsc-only build (or a stale bundle) falls
// back to dist/src.
const fs = require('fs');
const path = require('path');

function load() {
  const dist = path.join(__dirname, '..', 'dist');
  const bundle = path.join(dist, 'cli', 'memscope.js');
  const compiled = path.join(dist, 'src', 'cli', 'main.js');
  let fresh = false;
  try {
    fresh = fs.statSync(bundle).mtimeMs >= fs.statSync(compiled).mtimeMs;
  } catch {
    // no bundle (or no build): dist/src below, or its own clear error
  }
  return fresh ? require('./load-bundle').loadBundle(bundle).exports : require(compiled);
}

load().main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`memscope: ${err && err.message ? err.message : err}\n`); process.exitCode = 1; },
);
