#!/bin/sh
# bench_serve.sh - requests/s of `parallax serve` on the bundled examples
# (store built with `parallax run`): story page, story JSON, two- and
# three-way compare, align, article, health; 1 and 4 keep-alive
# connections, SERVE_SECS seconds each (default 3).  Load generator:
# bench/serve_load.c (closed loop, same machine as the server).  Besides
# wall-clock rates, the server's own CPU time per request (utime + stime
# from /proc, 10 ms ticks) is printed: it does not depend on how loaded
# the shared machine is.
set -eu
: "${PX_BIN:?}" "${PX_BUILD:?}"
SECS=${SERVE_SECS:-3}
T=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$T"' EXIT
"$PX_BIN" run --db "$T/b.db" examples/articles.jsonl >/dev/null 2>&1
"$PX_BIN" serve --db "$T/b.db" --port 0 --threads "${SERVE_THREADS:-2}" \
    >"$T/url" 2>/dev/null &
PID=$!
i=0
while [ ! -s "$T/url" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
PORT=$(sed 's|.*:\([0-9]*\)/$|\1|' "$T/url")
SID=$("$PX_BIN" story --db "$T/b.db" --json ilvara-wire |
      python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "server: --threads ${SERVE_THREADS:-2}, $SECS s per row, $(nproc) cores"
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
TICK=$(getconf CLK_TCK)
printf '%-44s %4s %10s %8s %8s %8s %6s %9s\n' endpoint conn "req/s" \
    "mean ms" "p50 ms" "p99 ms" errors "cpu us/req"
for path in "/story/$SID" "/story/$SID?format=json" \
            "/compare?a=ilvara-wire&b=ilvara-herald" \
            "/compare?a=ilvara-wire&b=ilvara-herald&c=ilvara-coastline&format=json" \
            "/align?a=ilvara-wire&b=ilvara-herald" \
            "/article/ilvara-wire" "/health"; do
    for c in 1 4; do
        c0=$(cpu)
        set -- $(timeout $((SECS + 30)) "$PX_BUILD/bench/serve_load" \
                 127.0.0.1 "$PORT" "$path" "$c" "$SECS")
        c1=$(cpu)
        us=$(awk -v a="$c0" -v b="$c1" -v t="$TICK" -v n="$6" \
                 'BEGIN { printf "%.0f", (b - a) * 1e6 / t / (n ? n : 1) }')
        printf '%-44.44s %4s %10s %8s %8s %8s %6s %9s\n' "$path" "$c" \
            "$1" "$2" "$3" "$4" "$5" "$us"
    done
done
