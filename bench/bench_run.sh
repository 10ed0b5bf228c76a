#!/bin/sh
# bench/bench_run.sh - `parallax run` end to end (ingest, reuse, cluster,
# write) on N synthetic 500-word articles piped as JSON Lines (events of 8
# articles, 50 outlets; bench/gen_articles.c).  Prints wall and CPU time
# and peak RSS.  PX_RUN_N sets N (default 20000); the 1M figure in
# bench/README.md used PX_RUN_N=1000000 under nice.
set -eu
BUILD=${PX_BUILD:-build/release}
N=${PX_RUN_N:-20000}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
command -v /usr/bin/time >/dev/null || { echo "bench_run: needs GNU time, skipped"; exit 0; }
"$BUILD/bench/gen_articles" "$N" 500 >"$T/in.jsonl"
/usr/bin/time -f "%e %U %S %M" -o "$T/time" \
    "$BUILD/parallax" run --db "$T/b.db" --json "$T/in.jsonl" >"$T/out"
read -r wall user sys rss <"$T/time"
printf "%-10s %10s %10s %12s %10s %s\n" articles "wall s" "cpu s" "peak RSS MB" "art/min" result
awk -v n="$N" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v o="$(cat "$T/out")" \
    'BEGIN { printf "%-10d %10.1f %10.1f %12.0f %10.0f %s\n", n, w, u + s, r / 1024, n / w * 60, o }'
