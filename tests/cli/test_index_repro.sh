#!/bin/sh
# test_index_repro.sh - the --index file of `parallax dedup --reuse` is
# byte for byte the same from run to run and for any number of threads,
# on a corpus where many documents share passages (so many anchors hold
# the same key: their order must not follow thread timing), both when
# the file is created and when a second batch is appended to it.
set -u
fail() { echo "FAIL: $*"; exit 1; }
T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT

# 1500 + 300 JSON lines: 80 words of their own, then two of 8 shared
# 60-word passages
gen() {
    awk -v seed="$1" -v from="$2" -v to="$3" 'BEGIN {
        srand(7)
        for (p = 0; p < 8; p++) {
            s = ""
            for (k = 0; k < 60; k++) s = s " s" int(rand() * 500)
            P[p] = s
        }
        srand(seed)
        for (i = from; i <= to; i++) {
            w = ""
            for (k = 0; k < 80; k++) w = w " u" int(rand() * 20000)
            printf "{\"id\":\"d%d\",\"text\":\"%s%s%s\"}\n", i, w, P[i % 8],
                P[(i * 3) % 8]
        }
    }'
}
gen 11 1 1500 >"$T/a.jsonl"
gen 12 1501 1800 >"$T/b.jsonl"

# run NAME THREADS: a fresh index from a.jsonl, then b.jsonl appended
run() {
    "$PX_BIN" dedup --reuse --json -j "$2" --index "$T/$1" "$T/a.jsonl" \
        >"$T/$1.out1" || fail "-j $2: dedup a.jsonl exit $?"
    cp "$T/$1" "$T/$1.first"
    "$PX_BIN" dedup --reuse --json -j "$2" --index "$T/$1" "$T/b.jsonl" \
        >"$T/$1.out2" || fail "-j $2: dedup b.jsonl exit $?"
}
run ref 1
grep -q '"type":"passage"' "$T/ref.out1" || fail "no shared passage found"
grep -q '"type":"passage"' "$T/ref.out2" || fail "no passage against the index"
for r in 2a 2b 2c 2d 2e 7; do
    run "i$r" "${r%[a-e]}"
    cmp -s "$T/ref.out1" "$T/i$r.out1" || fail "-j ${r%[a-e]}: output differs"
    cmp -s "$T/ref.out2" "$T/i$r.out2" || fail "-j ${r%[a-e]}: output differs (append)"
    cmp -s "$T/ref.first" "$T/i$r.first" ||
        fail "-j ${r%[a-e]} (run $r): index file differs from -j 1"
    cmp -s "$T/ref" "$T/i$r" ||
        fail "-j ${r%[a-e]} (run $r): appended index file differs from -j 1"
done
echo "ok"
