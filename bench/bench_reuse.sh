#!/bin/sh
# bench_reuse.sh - `parallax reuse` figures on the seeded synthetic corpus
# (bench/dedup_reuse.c): 2% of documents carry a planted 60-150-word
# passage of another, edited at 16% (10% substitutions, 3% deletions,
# 3% insertions); a found passage counts when both its spans overlap the
# planted ones by >= 80% of the longer span.
#   PX_BENCH_DOCS   documents (default 20000)
set -eu
H="${PX_BUILD:-build/release}/bench/dedup_reuse"
[ -x "$H" ] || { echo "bench_reuse: build $H first (make bench)"; exit 1; }
N=${PX_BENCH_DOCS:-20000}
echo "stage	docs	figures"
"$H" reuse "$N"
