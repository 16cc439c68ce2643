#!/usr/bin/env bash
# `npm run lab`: JupyterLab 4 on notebooks/ with the memscope-ts kernel and memscope's renderer,
# served here by Debian's jupyter-server and jupyterlab-server (no PyPI). See docs/JUPYTERLAB.md,
# "Serving JupyterLab here".
#
#   npm run lab [-- --port 8888 --ServerApp.* options]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

if ! /usr/bin/python3 -c 'import jupyterlab_server, jupyter_server' 2>/dev/null; then
  echo "lab: Debian's python3-jupyter-server and python3-jupyterlab-server are missing:" >&2
  echo "     apt-get install -y python3-jupyter-server python3-jupyterlab-server" >&2
  exit 1
fi
# The front end's npm packages live beside it, apart from the checkout's lockfile.
if [[ ! -d tools/lab-app/node_modules/@jupyterlab/application ]]; then
  (cd tools/lab-app && flock /tmp/npm.lock npm install --no-audit --no-fund --ignore-scripts)
fi
npm run --silent build
npm run --silent build:labextension
node tools/lab-app/build.js

export JUPYTER_DATA_DIR="$root/.cache/jupyter"
export JUPYTER_CONFIG_DIR="$root/.cache/jupyter/config"
export JUPYTER_RUNTIME_DIR="$root/.cache/jupyter/runtime"
export JUPYTER_PATH="$JUPYTER_DATA_DIR"
node bin/memscope.js kernel install --user --jupyter /usr/bin/jupyter >/dev/null
exec /usr/bin/python3 tools/lab-app/main.py "$@"
