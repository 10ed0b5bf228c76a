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
echo "-- quantity extraction vs bench/data/claims_quantities_unseen.tsv (second held-out set)"
"$B" eval bench/data/claims_quantities_unseen.tsv
echo "-- compare: expected findings found (bench/data/compare_expected.tsv)"
P=${PX_BIN:-build/release/parallax}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
"$P" compare --json examples/txt/ilvara-wire.txt examples/txt/ilvara-coastline.txt >"$T/ferry.json"
"$P" ingest --db "$T/x.db" examples/articles.jsonl >/dev/null 2>&1
"$P" compare --json --db "$T/x.db" ilvara-wire ilvara-coastline ilvara-herald >"$T/ferry3.json"
[ -d ../shared/seeds ] && "$P" compare --json ../shared/seeds/000_db9f598bcc720c5d.txt \
    ../shared/seeds/002_2fef65d93e5c9bc7.txt >"$T/seeds.json"
printf '%-6s %-20s %-5s %s\n' pair type found pattern
grep -v '^#' bench/data/compare_expected.tsv | while IFS='	' read -r pair type re; do
    [ -f "$T/$pair.json" ] || continue
    n=$(jq --arg t "$type" --arg re "$re" '[.findings[] | select(.type==$t and (.summary|test($re)))] | length' "$T/$pair.json")
    printf '%-6s %-20s %-5s %s\n' "$pair" "$type" "$([ "$n" -gt 0 ] && echo yes || echo NO)" "$re"
done
for pair in seeds ferry ferry3; do
    [ -f "$T/$pair.json" ] || continue
    echo "$pair: $(jq '[.findings[] | select(.type!="same")] | length' "$T/$pair.json") findings other than same, by type:"
    jq -r '.findings[] | .type' "$T/$pair.json" | sort | uniq -c | tr '\n' ' '; echo
done
echo "-- extraction speed"
files=$(ls examples/txt/*.txt 2>/dev/null || true)
[ -d ../shared/seeds ] && files="$files $(ls ../shared/seeds/*.txt)"
[ -n "$files" ] || { echo "no input texts"; exit 0; }
"$B" speed ${PX_CLAIMS_REPS:-300} $files
