#!/bin/sh
# bench_ingest.sh - ingest throughput: the ECB+ dev articles repeated
# BENCH_INGEST_COPIES times (default 40, ~37 MB) with ids and texts made
# unique per copy, into a fresh store; then the same input again (every
# article unchanged: read + hash + lookup); then the input zstd-compressed.
# Prints articles/s and MB/s of input.  Skips when ../shared is absent.
set -eu
: "${PX_BIN:?}"
S=${PX_SHARED:-../shared}
DEV="$S/data/ecbplus/dev.jsonl"
[ -f "$DEV" ] || { echo "skip: $DEV absent"; exit 0; }
K=${BENCH_INGEST_COPIES:-40}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
k=0
while [ $k -lt $K ]; do
    sed -e "s/^{\"id\": \"\([^\"]*\)\"/{\"id\": \"\1-$k\"/" \
        -e "s/\"text\": \"/\"text\": \"[$k] /" "$DEV"
    k=$((k + 1))
done >"$T/in.jsonl"
zstd -q -3 "$T/in.jsonl" -o "$T/in.jsonl.zst"
bytes=$(wc -c <"$T/in.jsonl")
n=$(wc -l <"$T/in.jsonl")
now() { date +%s.%N; }
run() { # run LABEL DB INPUT
    t0=$(now)
    "$PX_BIN" ingest --db "$2" "$3" 2>"$T/err" || { cat "$T/err"; exit 1; }
    t1=$(now)
    awk -v l="$1" -v n="$n" -v b="$bytes" -v t0="$t0" -v t1="$t1" 'BEGIN {
        s = t1 - t0; printf "%-28s %9d %8.2f %10.0f %8.1f\n", l, n, s, n / s, b / s / 1e6 }'
}
printf "%-28s %9s %8s %10s %8s\n" "case" "articles" "seconds" "articles/s" "MB/s"
run "ingest, fresh store" "$T/a.db" "$T/in.jsonl"
run "ingest again (unchanged)" "$T/a.db" "$T/in.jsonl"
run "ingest .zst, fresh store" "$T/b.db" "$T/in.jsonl.zst"
echo "(input: $n articles, $bytes bytes; MB/s counts uncompressed input)"
