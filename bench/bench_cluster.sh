#!/bin/sh
# bench/bench_cluster.sh - clustering: speed on synthetic 500-word articles
# (CPU seconds on one core) and quality on ECB+ dev (ARI, BCubed F1) when
# ../shared is present.  Run by `make bench` with PX_BUILD set.
set -eu
BUILD=${PX_BUILD:-build/release}
N=${PX_CLUSTER_N:-20000}
echo "-- speed: $N synthetic 500-word articles"
"$BUILD/bench/cluster_speed" "$N" 500
D=${PX_ECB:-../shared/data/ecbplus}
if [ -f "$D/dev.jsonl" ]; then
    echo "-- quality: ECB+ dev (shipped defaults)"
    # the command itself; the bench driver where this build has no JSONL reader
    "$BUILD/parallax" cluster --json "$D/dev.jsonl" 2>/dev/null >/tmp/px_ecb.$$ || :
    if [ "$(wc -l </tmp/px_ecb.$$)" != "$(wc -l <"$D/dev.jsonl")" ]; then
        echo "(parallax cluster cannot read JSON Lines in this build: bench driver)"
        "$BUILD/bench/cluster_ecb" "$D/dev.jsonl" >/tmp/px_ecb.$$
    fi
    python3 bench/ecb_eval.py "$D/dev.labels.tsv" /tmp/px_ecb.$$
    for h in even odd; do
        printf "%-5s topics: " $h
        python3 bench/ecb_eval.py --topics $h "$D/dev.labels.tsv" /tmp/px_ecb.$$
    done
    rm -f /tmp/px_ecb.$$
else
    echo "-- quality: $D absent, skipped"
fi
