#!/usr/bin/env bash
# Installs the lab front end's npm packages from tools/jupyterlab-app/package-lock.json (kept apart
# from the checkout's lockfile: they are only needed for `npm run jupyterlab`). Cheap when current.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
stamp=node_modules/.memscope-lock-stamp
if [[ ! -f "$stamp" ]] || ! cmp -s package-lock.json "$stamp"; then
  echo "lab-app: npm ci (the JupyterLab front end's packages)" >&2
  npm ci --no-audit --no-fund --ignore-scripts
  cp package-lock.json "$stamp"
fi
