#!/usr/bin/env bash
# `npm test`: installs what the tests need, builds, type-checks and runs the whole suite
# (jest: unit tests, rustc oracles, real tslab notebooks, headless Chromium), then prints
# one closing line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
mkdir -p test-output

echo "test: build (tsc) and type-check" >&2
npx tsc -p tsconfig.build.json
npx tsc -p tsconfig.json --noEmit

status=0
npx jest --ci --maxWorkers=2 --json --outputFile=test-output/jest-results.json "$@" || status=$?
node scripts/jest-summary.js test-output/jest-results.json || status=1
exit "$status"
