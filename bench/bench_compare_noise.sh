#!/bin/sh
# bench_compare_noise.sh - false alarms of `parallax compare`: claim
# findings per pair on ECB+ dev pairs of one topic, same event vs
# different events (bench/compare_noise.py reads the gold labels; the
# engine never does).  Skips when ../shared is absent.
set -eu
D=${PX_SHARED:-../shared}/data/ecbplus
[ -f "$D/dev.jsonl" ] || { echo "skip: $D absent"; exit 0; }
P=${PX_BIN:-build/release/parallax}
echo "-- compare findings per pair, ECB+ dev, 4 pairs per topic and group"
python3 bench/compare_noise.py "$P" "$D/dev.jsonl" "$D/dev.labels.tsv" 4
