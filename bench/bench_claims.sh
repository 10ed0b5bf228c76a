#!/bin/sh
# bench_claims.sh - claim extraction: quantity precision/recall/F1 per field
# against the labelled sets bench/data/claims_quantities*.tsv (dev and
# held out), and extraction
# speed (MB/s, one thread) over the bundled examples and the seeds.
set -eu
B=${PX_BUILD:-build/release}/bench/claims
echo "-- quantity extraction vs bench/data/claims_quantities.tsv (dev set)"
"$B" eval bench/data/claims_quantities.tsv
echo "-- quantity extraction vs bench/data/claims_quantities_heldout.tsv (held out)"
"$B" eval bench/data/claims_quantities_heldout.tsv
echo "-- extraction speed"
files=$(ls examples/txt/*.txt 2>/dev/null || true)
[ -d ../shared/seeds ] && files="$files $(ls ../shared/seeds/*.txt)"
[ -n "$files" ] || { echo "no input texts"; exit 0; }
"$B" speed ${PX_CLAIMS_REPS:-300} $files
