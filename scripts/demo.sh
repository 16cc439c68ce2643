#!/usr/bin/env bash
# `npm run demo`: on a fresh machine, installs, builds and runs memscope's shipped experiments,
# printing a summary of each and writing their timelines to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
npx tsc -p tsconfig.build.json
node bin/memscope.js example --all --out-dir out/examples
node bin/memscope.js inspect out/examples/three-regions.memscope.json --step 14
