#!/usr/bin/env bash
# Installs the Debian packages that executing notebooks and browser tests need, and checks the
# Rust toolchain. Idempotent and quiet when everything is present; prints what it installs.
#
# Why Debian packages: PyPI is not reachable from our machines or CI, so Jupyter's own client
# (nbclient/nbconvert) and the browser come from apt. The kernel itself (tslab) comes from npm.
# Debian's python is used explicitly (/usr/bin/python3, /usr/bin/jupyter): the default `python3`
# on PATH may be a pyenv build without jupyter.
set -euo pipefail

# package -> the file that proves it works (a package can be "installed" yet broken).
declare -A PROVIDES=(
  [jupyter-nbconvert]=/usr/bin/jupyter-nbconvert   # `jupyter nbconvert --execute`, HTML export
  [python3-nbclient]=/usr/lib/python3/dist-packages/nbclient/__init__.py  # the execute preprocessor
  [jupyter-client]=/usr/bin/jupyter-kernelspec      # `jupyter kernelspec install`, kernel launch
  [chromium]=/usr/bin/chromium                      # headless checks of the HTML handouts
  [python3-jupyter-server]=/usr/lib/python3/dist-packages/jupyter_server/__init__.py        # `npm run jupyterlab`
  [python3-jupyterlab-server]=/usr/lib/python3/dist-packages/jupyterlab_server/__init__.py  # `npm run jupyterlab`
)

missing=()
for pkg in "${!PROVIDES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  if [[ "$status" != installed || ! -e "${PROVIDES[$pkg]}" ]]; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]} > 0)); then
  if [[ $(id -u) -ne 0 ]]; then
    SUDO=sudo
  else
    SUDO=
  fi
  echo "ensure-system-deps: installing ${missing[*]}" >&2
  # One `apt-get update` only when something is missing: the package lists may be absent or stale.
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "ensure-system-deps: installed ${missing[*]}" >&2
fi

# The Rust toolchain is not installed here (it comes from rustup, not apt): fail clearly.
for tool in rustc cargo; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "ensure-system-deps: '$tool' not found on PATH; install Rust (rustup, stable) and add ~/.cargo/bin to PATH" >&2
    exit 1
  fi
done

# Jupyter must come from Debian's python, whatever `python3` on PATH is.
if ! /usr/bin/python3 -c 'import nbclient, nbconvert, jupyter_client' 2>/dev/null; then
  echo "ensure-system-deps: Debian's /usr/bin/python3 cannot import nbclient/nbconvert/jupyter_client" >&2
  exit 1
fi
