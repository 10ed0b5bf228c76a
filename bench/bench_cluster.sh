#!/bin/sh
# bench/bench_cluster.sh - clustering: speed on synthetic 500-word articles
# (CPU seconds on one core) and quality on ECB+ dev (ARI, BCubed F1) when
# ../shared is present: the file's own order, each topic half clustered
# alone, and the mean over 8 shuffled orders of each (bench/ecb_split.py).
# Run by `make bench` with PX_BUILD set.
set -eu
BUILD=${PX_BUILD:-build/release}
N=${PX_CLUSTER_N:-20000}
echo "-- speed: $N synthetic 500-word articles"
"$BUILD/bench/cluster_speed" "$N" 500
D=${PX_ECB:-../shared/data/ecbplus}
if [ ! -f "$D/dev.jsonl" ]; then
    echo "-- quality: $D absent, skipped"
    exit 0
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
score() { # score INPUT: "ARI F1" of `parallax cluster` on INPUT
    "$BUILD/parallax" cluster --json "$1" 2>/dev/null |
        python3 bench/ecb_eval.py "$D/dev.labels.tsv" - | awk '{print $8, $14}'
}
python3 bench/ecb_split.py "$D/dev.jsonl" "$D/dev.labels.tsv" "$TMP"
echo "-- quality: ECB+ dev, shipped defaults (parallax cluster --json)"
echo "| input | orders | ARI | BCubed F1 |"
echo "| --- | --- | --- | --- |"
echo "| dev, 462 articles | file order | $(score "$D/dev.jsonl" | sed 's/ / | /') |"
for h in even odd; do
    echo "| $h topics alone | file order | $(score "$TMP/$h.jsonl" | sed 's/ / | /') |"
done
for h in dev even odd; do
    for s in 1 2 3 4 5 6 7 8; do score "$TMP/$h.$s.jsonl"; done |
        awk -v h="$h" '{a+=$1; f+=$2; if (!n || $1<m) m=$1; n++}
            END {printf "| %s | mean of %d shuffles (min ARI %.3f) | %.3f | %.3f |\n", h, n, m, a/n, f/n}'
done
