#!/bin/sh
# bench/bench_run.sh - `parallax run` end to end (ingest, reuse, cluster,
# write) on N synthetic 500-word articles piped as JSON Lines (events of 8
# articles, 50 outlets; bench/gen_articles.c).  Prints wall and CPU time
# and peak RSS.  PX_RUN_N sets N (default 20000); the 1M figures in
# bench/README.md used PX_RUN_N=1000000 (without the stored analysis,
# under nice) and the same input run by hand under /usr/bin/time -v
# (with it).
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

# `parallax story --json` on the largest story: stored analysis read back,
# then (rows deleted) computed at show time; best of 5 each.
story_best() { # story_best DB ID -> best wall seconds of 5
    best=""
    for _ in 1 2 3 4 5; do
        /usr/bin/time -f "%e" -o "$T/st" "$BUILD/parallax" story --db "$1" --json "$2" >/dev/null
        t=$(cat "$T/st")
        best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
    done
    echo "$best"
}
id=$("$BUILD/parallax" stories --db "$T/b.db" --json | head -1 | sed 's/.*"id": "\([^"]*\)".*/\1/')
stored=$(story_best "$T/b.db" "$id")
sqlite3 "$T/b.db" "DELETE FROM story_analysis" 2>/dev/null || { echo "bench_run: no sqlite3 CLI, story timing skipped"; exit 0; }
computed=$(story_best "$T/b.db" "$id")
printf "\n%-24s %10s %10s\n" "story --json (largest)" stored computed
printf "%-24s %10s %10s\n" "$id" "$stored s" "$computed s"
