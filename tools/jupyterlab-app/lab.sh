#!/usr/bin/env bash
# `npm run jupyterlab`: JupyterLab 4 on notebooks/ with the memscope-ts kernel and memscope's renderer,
# served here by Debian's jupyter-server and jupyterlab-server (no PyPI). See docs/JUPYTERLAB.md,
# "Serving JupyterLab here".
#
#   npm run jupyterlab [-- --port 8888 --ServerApp.* options]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

# Debian's jupyter-server and jupyterlab-server (with Jupyter's client, Chromium) and the
# checkout's npm packages; then the front end's own packages, from its own lockfile.
bash scripts/install-deps.sh
bash tools/jupyterlab-app/install.sh
npm run --silent build
npm run --silent build:labextension
node tools/jupyterlab-app/build.js

export JUPYTER_DATA_DIR="$root/.cache/jupyter"
export JUPYTER_CONFIG_DIR="$root/.cache/jupyter/config"
export JUPYTER_RUNTIME_DIR="$root/.cache/jupyter/runtime"
export JUPYTER_PATH="$JUPYTER_DATA_DIR"
node bin/memscope.js kernel install --user --jupyter /usr/bin/jupyter >/dev/null
exec /usr/bin/python3 tools/jupyterlab-app/main.py "$@"
