#!/usr/bin/env bash
# Re-captures the real traces shipped in traces/ (see traces/README.md for what each one is).
# Run from the repository root on Debian bookworm (glibc 2.36); addresses and exact counts
# differ from run to run (ASLR, environment), the shape of each workload does not.
set -euo pipefail
cd "$(dirname "$0")/.."
capture=tools/capture-mtrace.sh
work=$(mktemp -d "${TMPDIR:-/tmp}/memscope-traces.XXXXXX")
trap 'rm -rf "$work"' EXIT

# 1. A C compiler: gcc 12's back end cc1 compiling zlib's example gun.c at -O2 (the gcc driver
#    would fork cc1, and only the traced process's own heap is recorded).
cc1=$(gcc -print-prog-name=cc1)
$capture traces/cc1-gun.mtrace.gz -- "$cc1" -quiet -imultiarch x86_64-linux-gnu \
  /usr/share/doc/zlib1g-dev/examples/gun.c -O2 -o "$work/gun.s"

# 2. A scripting language: perl 5.36 running pod2text over perldiag.pod.
$capture traces/perl-pod2text.mtrace.gz -- /usr/bin/pod2text \
  /usr/share/perl/5.36/pod/perldiag.pod "$work/perldiag.txt"

# 3. sort: GNU coreutils sort over the concatenated Python 3.11 standard library (4.7 MB of
#    text). With its default buffer sort makes a handful of huge allocations; -S 64K makes it
#    sort in runs and merge them through temporary files, as it does for inputs bigger than RAM.
cat /usr/lib/python3.11/*.py > "$work/py-stdlib.txt"
LC_ALL=C.UTF-8 $capture traces/sort.mtrace.gz -- sort -S 64K "$work/py-stdlib.txt" -o "$work/sorted.txt"

# 4. The benchmark trace (>= 10^6 events): python 3.11 tokenizing turtle.py, with
#    PYTHONMALLOC=malloc so every object allocation goes to malloc instead of pymalloc's arenas.
PYTHONMALLOC=malloc $capture traces/python-tokenize.mtrace.gz -- /usr/bin/python3 -m tokenize \
  /usr/lib/python3.11/turtle.py > /dev/null
