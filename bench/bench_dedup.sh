#!/bin/sh
# bench_dedup.sh - `parallax dedup` figures on the seeded synthetic corpus
# (bench/dedup_reuse.c): signature throughput (k=128, 300-word documents),
# the whole dedup pipeline, and recall/precision against exact all-pairs
# shingle Jaccard on a 20k-document sample at J = 0.5, 0.7, 0.8, 0.9.
#   PX_BENCH_DOCS   documents for the pipeline run (default 20000)
set -eu
H="${PX_BUILD:-build/release}/bench/dedup_reuse"
[ -x "$H" ] || { echo "bench_dedup: build $H first (make bench)"; exit 1; }
N=${PX_BENCH_DOCS:-20000}
echo "stage	docs	figures"
"$H" sig 10000
"$H" dedup "$N"
