#!/usr/bin/env bash
# Record every malloc/calloc/realloc/free of one program run as a glibc mtrace file.
#
#   tools/capture-mtrace.sh out.mtrace.gz -- command args…
#
# How: since glibc 2.34, mtrace() only does something when libc_malloc_debug.so is preloaded,
# and it only starts when the program calls mtrace() — MALLOC_TRACE alone does not start it.
# So this script compiles a tiny preload shim whose constructor calls mtrace() and preloads
# both. Only the command's own process is traced: the shim compares its pid with the one this
# script exec's. A wrapper that exec's the real program (env, a pyenv shim) keeps the pid, and
# each new image restarts mtrace, which truncates the file, so the trace is the last program
# exec'd. Child processes (other pids) are not traced; they still run with the debug malloc,
# only slower. Trace a compiler driver's real work by running its back end (cc1) directly.
# Allocations made before the shim's constructor (by ld.so and earlier constructors) are not
# in the trace, so their later frees show up as unknown pointers when the trace is read.
# Output ending in .gz is gzip-compressed. Needs: a C compiler (cc), glibc >= 2.34, gzip.
set -euo pipefail

usage() { echo "usage: $0 OUT.mtrace[.gz] -- COMMAND [ARGS…]" >&2; exit 2; }
[ $# -ge 3 ] && [ "$2" = "--" ] || usage
out=$1
shift 2

debug_lib=libc_malloc_debug.so.0
# ldconfig lives in /sbin, which a non-login PATH (a Jupyter kernel, CI) may not include. Its
# output is read whole: `ldconfig -p | grep -q` under pipefail fails whenever grep's early exit
# makes ldconfig die of SIGPIPE, which made the check fail at random.
libraries=$(PATH="$PATH:/sbin:/usr/sbin" ldconfig -p 2>/dev/null || true)
if [[ "$libraries" != *"$debug_lib"* ]]; then
  echo "$0: $debug_lib not found (needs glibc >= 2.34)" >&2
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/capture-mtrace.XXXXXX")
trap 'rm -rf "$work"' EXIT

cat > "$work/shim.c" <<'C'
#include <mcheck.h>
#include <stdlib.h>
#include <unistd.h>

/* Runs before main: start tracing in the one process the capture script exec'd. */
__attribute__((constructor)) static void memscope_start_mtrace(void) {
  const char *pid = getenv("MEMSCOPE_MTRACE_PID");
  if (pid == NULL || atol(pid) != (long) getpid()) return;
  mtrace();
}
C
cc -shared -fPIC -O2 -o "$work/shim.so" "$work/shim.c"

raw="$work/trace.mtrace"
set +e
(
  export MALLOC_TRACE="$raw"
  export MEMSCOPE_MTRACE_PID=$BASHPID
  export LD_PRELOAD="$debug_lib $work/shim.so${LD_PRELOAD:+ $LD_PRELOAD}"
  exec "$@"
)
status=$?
set -e

if [ ! -s "$raw" ]; then
  echo "$0: no trace was written (did the program start? exit status $status)" >&2
  exit 1
fi
case "$out" in
  *.gz) gzip -9 -c "$raw" > "$out" ;;
  *) cp "$raw" "$out" ;;
esac
lines=$(wc -l < "$raw")
echo "$0: $lines lines of mtrace in $out (program exit status $status)" >&2
exit "$status"
