#!/usr/bin/env bash
# Installs what memscope needs on a fresh machine: Debian packages (Jupyter's client, nbconvert,
# Chromium; via ensure-system-deps.sh) and the npm packages pinned in package-lock.json.
# Re-running is cheap: npm ci runs only when the lockfile changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-deps.sh

stamp=node_modules/.memscope-lock-stamp
if [[ ! -f "$stamp" ]] || ! cmp -s package-lock.json "$stamp"; then
  echo "install-deps: npm ci (packages from package-lock.json)" >&2
  npm ci --no-audit --no-fund
  cp package-lock.json "$stamp"
fi

# The self-link node_modules/memscope -> .. (kernel/launch.js says why notebooks need it). npm ci
# prunes it, so it is made here, once per install: a kernel install then never counts it as its
# own, and a test's `kernel uninstall` cannot remove it under another test's running kernel.
if [[ ! -e node_modules/memscope ]]; then
  rm -f node_modules/memscope
  ln -s .. node_modules/memscope
fi
