#!/usr/bin/env node
'use strict';
// Prints jest's totals as one plain closing line, "N passed, N failed", that CI reads.
const fs = require('node:fs');

const file = process.argv[2];
let results;
try {
  results = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch (err) {
  console.error(`jest-summary: cannot read ${file}: ${err.message}`);
  process.exit(1);
}
const failedSuites = results.numFailedTestSuites + (results.numRuntimeErrorTestSuites || 0);
console.log(`\ntest suites: ${results.numPassedTestSuites} passed, ${failedSuites} failed`);
console.log(`${results.numPassedTests} passed, ${results.numFailedTests} failed${results.numPendingTests ? `, ${results.numPendingTests} skipped` : ''}`);
if (results.numTotalTests === 0) {
  console.error('jest-summary: no test ran');
  process.exit(1);
}
process.exit(results.success ? 0 : 1);
