#!/bin/sh
# bench_extract.sh - article extraction: quality on the article-extraction
# benchmark's public half (../shared/data/article-extraction, the metric of
# ../shared/README.md, scored by bench/extract_metric.py) and speed of
# parse + extract per core (bench/extract_speed.c), plus one large page.
set -eu
PX=${PX_BIN:-build/release/parallax}
B=${PX_BUILD:-build/release}
D=${PX_SHARED:-../shared}/data/article-extraction
if [ ! -d "$D" ]; then
    echo "skip: $D not found"
    exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$PX" extract --json "$D"/html/*.html.gz > "$T/pred.jsonl" || true
echo "quality (ground truth: $D/ground-truth.json)"
python3 bench/extract_metric.py "$T/pred.jsonl" "$D/ground-truth.json"
echo
echo "WARC (the same pages as one .warc.gz, a gzip member per record)"
python3 bench/make_warc.py "$T/pages.warc.gz" "$D"/html/*.html.gz
python3 - "$PX" "$T/pages.warc.gz" <<'PY'
import gzip, resource, subprocess, sys
px, warc = sys.argv[1], sys.argv[2]
size = len(gzip.open(warc).read())
out = subprocess.run([px, "extract", "--json", warc], capture_output=True).stdout
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = ru.ru_utime + ru.ru_stime
print("| records | uncompressed | CPU time | throughput |")
print("|---|---|---|---|")
print("| %d | %.1f MB | %.3f s | %.1f MB/s |" % (out.count(b"\n"), size / 1e6,
                                             cpu, size / 1e6 / cpu))
PY
echo
echo "speed (parse + extract, in memory)"
"$B/bench/extract_speed" "$D/html" 5 ${PX_EXTRACT_BIG_MB:-60}
