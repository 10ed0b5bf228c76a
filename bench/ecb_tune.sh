#!/bin/sh
# bench/ecb_tune.sh - grid search of the clustering options on ECB+ dev with
# 2-fold cross-validation across topic halves (even / odd topic numbers):
# the best setting on one half is scored on the other, so the reported
# figures are not tuned on the articles they score.
#   sh bench/ecb_tune.sh [BUILD_DIR]     (needs ../shared/data/ecbplus)
set -eu
BUILD=${1:-build/release}
D=${PX_ECB:-../shared/data/ecbplus}
[ -f "$D/dev.jsonl" ] || { echo "ecb_tune: no $D/dev.jsonl, skipped"; exit 0; }
DRV="$BUILD/bench/cluster_ecb"
EVAL="python3 bench/ecb_eval.py"
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
for t in ${PX_T:-0.22 0.26 0.30 0.34}; do
for e in ${PX_E:-1 2 3}; do
for l in ${PX_L:-0 50 100}; do
for w in ${PX_W:-1 2 3}; do
for cf in ${PX_CF:-0.9}; do
    opts="threshold=$t w_entity=$e w_place=$e w_number=$e w_date=$e lead_tokens=$l w_title=$w conflict_factor=$cf"
    "$DRV" "$D/dev.jsonl" $opts >"$TMP/out"
    for h in even odd; do
        r=$($EVAL --topics $h "$D/dev.labels.tsv" "$TMP/out")
        echo "$h $(echo "$r" | awk '{print $8, $14}') $opts"
    done
done; done; done; done; done >"$TMP/grid"
# the score of a setting is ARI + BCubed F1 on its half
for fit in even odd; do
    other=$([ $fit = even ] && echo odd || echo even)
    best=$(grep "^$fit " "$TMP/grid" | sort -k2,2nr -k3,3nr |
           awk '{s=$2+$3; if (s>b) {b=s; l=$0}} END {print l}' | cut -d' ' -f4-)
    echo "fit on $fit: $(grep "^$fit " "$TMP/grid" | grep -F " $best" | head -1 | cut -d' ' -f2-3) | held-out $other: $(grep "^$other " "$TMP/grid" | grep -F " $best" | head -1 | cut -d' ' -f2-3) | $best"
done
echo "best on all dev:"
awk '{k=substr($0, index($0,$4)); a[k]+=$2; f[k]+=$3} END {for (k in a) printf "%.4f %.4f %s\n", a[k]/2, f[k]/2, k}' "$TMP/grid" |
    sort -k1,1nr | head -5
