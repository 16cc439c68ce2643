#!/usr/bin/env bash
# Builds the course handouts: executes every notebook top to bottom with the real memscope-ts
# (tslab) kernel through Jupyter's own client, and writes the executed notebooks, offline HTML
# exports (static SVGs, made live by the shared memscope-runtime.js: step controls, Rust
# examples to edit and run), KaTeX's CSS and fonts, a playground.html and an index.html.
# The folder can be copied anywhere and opened from file://.
#
#   npm run handouts                                   # all of notebooks/*.ipynb -> handouts/
#   bash scripts/handouts.sh --out DIR [--no-build] [NOTEBOOK.ipynb ...]
#
# HANDOUTS_CELL_TIMEOUT (seconds, default 120) bounds each cell.
# Fails (exit 1) on the first cell that errors, naming the notebook and the cell and showing
# the kernel's message (TypeScript diagnostics, stack traces).
# Jupyter state (kernelspec, runtime files, config) lives in .cache/jupyter under the checkout,
# never in the user's home, so CI and a developer's own Jupyter do not see each other.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

out=handouts
build=1
notebooks=()
while (($# > 0)); do
  case "$1" in
    --out) out=${2:?--out needs a directory}; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "handouts: unknown option '$1'" >&2; exit 2 ;;
    *) notebooks+=("$1"); shift ;;
  esac
done
if ((${#notebooks[@]} == 0)); then
  shopt -s nullglob
  notebooks=(notebooks/*.ipynb)
  shopt -u nullglob
fi
if ((${#notebooks[@]} == 0)); then
  echo "handouts: no notebooks in notebooks/" >&2
  exit 1
fi
for nb in "${notebooks[@]}"; do
  [[ -f "$nb" ]] || { echo "handouts: no such notebook: $nb" >&2; exit 1; }
done

# Per-cell limit: a cell that runs longer is a bug in the notebook (or an infinite loop).
cell_timeout=${HANDOUTS_CELL_TIMEOUT:-120}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

# Debian packages (Jupyter's client, nbconvert, Chromium) and the npm packages of the lockfile.
bash scripts/install-deps.sh
# Debian's Jupyter, whatever python3/jupyter comes first on PATH (e.g. a pyenv build without it).
JUPYTER=/usr/bin/jupyter

if ((build)); then
  t=$(now)
  npm run --silent build
  echo "handouts: built dist/ in $(elapsed "$t")" >&2
fi

export JUPYTER_DATA_DIR="$root/.cache/jupyter"
export JUPYTER_CONFIG_DIR="$root/.cache/jupyter/config"
export JUPYTER_RUNTIME_DIR="$root/.cache/jupyter/runtime"
# Only our data dir: no kernels from the user's or the system's Jupyter paths take part.
export JUPYTER_PATH="$JUPYTER_DATA_DIR"
node bin/memscope.js kernel install --user --jupyter "$JUPYTER" >/dev/null

mkdir -p "$out"
executed=()
i=0
for nb in "${notebooks[@]}"; do
  i=$((i + 1))
  name=$(basename "$nb" .ipynb)
  printf 'handouts: [%d/%d] %s: executing…' "$i" "${#notebooks[@]}" "$nb" >&2
  t=$(now)
  # Jupyter's own client (nbclient) with the real kernel; see execute_notebook.py for why not
  # the nbconvert command line. It names the failing cell and keeps $name.failed.ipynb.
  rm -f "$out/$name.failed.ipynb"
  if ! /usr/bin/python3 scripts/execute_notebook.py "$nb" "$out/$name.ipynb" \
      --kernel memscope-ts --timeout "$cell_timeout" 2>"$out/$name.log"; then
    echo " FAILED after $(elapsed "$t")" >&2
    cat "$out/$name.log" >&2
    echo "handouts: $nb failed (partly executed: $out/$name.failed.ipynb)" >&2
    exit 1
  fi
  echo " $(elapsed "$t")" >&2
  rm -f "$out/$name.log"
  executed+=("$out/$name.ipynb")
done

t=$(now)
"$JUPYTER" nbconvert --config scripts/handout-template/nbconvert_config.py --to html --output-dir "$out" --log-level=WARN "${executed[@]}"
echo "handouts: exported ${#executed[@]} HTML handout(s) in $(elapsed "$t")" >&2

html=()
for nb in "${executed[@]}"; do html+=("${nb%.ipynb}.html"); done
node scripts/handouts-math.js "$out" "${html[@]}"
node scripts/build-handout-runtime.js "$out/memscope-runtime.js"
node scripts/handouts-playground.js "$out" "${executed[@]}"
node scripts/handouts-index.js "$out" "${executed[@]}"
echo "handouts: wrote $out/index.html and $out/playground.html" >&2
