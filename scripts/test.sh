#!/usr/bin/env bash
# `npm test`: installs what the tests need, builds, type-checks and runs the whole suite
# (jest: unit tests, rustc oracles, real tslab notebooks, headless Chromium), then prints
# one closing line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
mkdir -p test-output

# TypeScript 5.9 as package.json pins it, called by path: `npx tsc` finds tslab's bundled 5.0
# (node_modules/.bin/tsc links to @tslab/typescript-for-tslab). The code must pass both; the
# public .d.ts are checked with 5.0 by check-dts.js.
echo "test: build (tsc 5.9), type-check (5.9 and 5.0) and check the public .d.ts (5.0)" >&2
node node_modules/typescript/bin/tsc -p tsconfig.build.json
node scripts/bundle-cli.js   # dist/cli: the CLI in one file (bin/memscope.js)
node node_modules/typescript/bin/tsc -p tsconfig.json --noEmit
node node_modules/@tslab/typescript-for-tslab/bin/tsc -p tsconfig.json --noEmit
node scripts/check-dts.js

status=0
npx jest --ci --maxWorkers=2 --json --outputFile=test-output/jest-results.json "$@" || status=$?
node scripts/jest-summary.js test-output/jest-results.json || status=1
exit "$status"
