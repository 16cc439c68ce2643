#!/usr/bin/env node
'use strict';
// The CLI is compiled from src/cli; `npm run build` produces dist/.
const { main } = require('../dist/src/cli/main.js');
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`memscope: ${err && err.message ? err.message : err}\n`); process.exitCode = 1; },
);
