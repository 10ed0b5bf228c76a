#!/bin/sh
# bench_clean.sh - throughput of px_doc_new (clean + norm + tokens), the
# first stage every article goes through.  Prints a table: MB/s of wall
# time and MB/s per CPU-second (= per core, fair on a loaded machine).
#
#   ECB+ dev texts (mostly ASCII English), cycled to PX_BENCH_MB (default
#   100) MB: full pipeline, without the cleaner, the cleaner's rules
#   alone, and the full pipeline on two threads;
#   non-ASCII sample: the article-extraction ground-truth bodies that are
#   mostly non-ASCII (Russian, Korean), cycled to a fifth of that.
# Each row is the best of 3 runs (least CPU time): on a shared machine the
# other runs measure the neighbours.  Needs ../shared/data (skips
# otherwise; PX_SHARED overrides) and python3 (to pick the sample).
# PX_BENCH_CALLGRIND=1 adds instructions per MB (valgrind; see the end).
set -eu
B=${PX_BUILD:-build/release}/bench/clean_speed
MB=${PX_BENCH_MB:-100}
D=${PX_SHARED:-../shared}/data
[ -f "$D/ecbplus/dev.jsonl" ] || { echo "skip: $D/ecbplus/dev.jsonl absent"; exit 0; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
python3 - "$D/article-extraction/ground-truth.json" "$T/nonascii.jsonl" <<'PY'
import json, sys
g = json.load(open(sys.argv[1], encoding='utf-8'))
with open(sys.argv[2], 'w', encoding='utf-8') as out:
    for k, v in sorted(g.items()):
        b = v['articleBody'].encode('utf-8')
        if b and sum(c >= 0x80 for c in b) > len(b) // 2:
            out.write(json.dumps({'id': k, 'text': v['articleBody']}) + '\n')
PY
row() { # label file MB threads [noclean]: best (least CPU) of 3 runs
    r=$(for k in 1 2 3; do "$B" "$2" "$3" "$4" ${5:-}; done | sort -t "$(printf '\t')" -k4,4g | head -1)
    echo "$r" | awk -v l="$1" -v m="${5:-full}" -F '\t' \
        '{printf "%-22s %-8s %7.0f %7s %8s %8s %10s %12s\n", l, m, $1/1e6, $2, $3, $4, $5, $6}'
}
printf "%-22s %-8s %7s %7s %8s %8s %10s %12s\n" input mode MB threads wall_s \
    cpu_s "MB/s" "MB/s/core"
row "ecb+ dev (ASCII)" "$D/ecbplus/dev.jsonl" "$MB" 1
row "ecb+ dev (ASCII)" "$D/ecbplus/dev.jsonl" "$MB" 1 noclean
row "ecb+ dev (ASCII)" "$D/ecbplus/dev.jsonl" "$MB" 1 cleaner
row "ecb+ dev (ASCII)" "$D/ecbplus/dev.jsonl" "$MB" 2
row "non-ASCII (ru, ko)" "$T/nonascii.jsonl" $((MB / 5)) 1
# Instructions per MB (the figure that does not move with the machine's
# load): PX_BENCH_CALLGRIND=1 counts them with valgrind on 10 MB of the ECB+
# texts, loading (a 0 MB run) subtracted.
if [ "${PX_BENCH_CALLGRIND:-0}" = 1 ] && command -v valgrind >/dev/null; then
    ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$B" \
        "$D/ecbplus/dev.jsonl" "$1" 1 ${2:-} 2>&1 | awk '/Collected/ {print $4}'; }
    printf "%-22s %-8s %14s\n" input mode "M instr/MB"
    for m in full noclean cleaner; do
        a=$(ir 10 "$([ $m = full ] || echo $m)")
        z=$(ir 0 "$([ $m = full ] || echo $m)")
        awk -v a="$a" -v z="$z" -v m="$m" \
            'BEGIN {printf "%-22s %-8s %14.1f\n", "ecb+ dev (ASCII)", m, (a - z) / 1e7}'
    done
fi
