#!/bin/bash
# per-op.sh <runtime> <case> <n>: CPU nanoseconds per iteration of one case of cases.js —
# `perf stat -e task-clock` (user+system CPU of the process) of n iterations minus that of
# 0 iterations (start-up and setup), each the minimum of 3 runs. <runtime>: an nrt binary
# or node. Example: xtask/bench-cpu/per-op.sh target/release/nrt pipe1k 20000
set -euo pipefail
bin=$1; c=$2; n=$3
here=$(dirname "$0")
run() { perf stat -x, -e task-clock "$bin" "$here/cases.js" "$c" "$1" 2>&1 >/dev/null | grep task-clock | cut -d, -f1; }
best() { local m=999999999; for _ in 1 2 3; do v=$(run "$1"); m=$(echo "if ($v < $m) $v else $m" | bc); done; echo "$m"; }
a=$(best 0); b=$(best "$n")
echo "$c $(echo "($b - $a) * 1000000 / $n" | bc) ns"
