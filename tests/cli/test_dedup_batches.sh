#!/bin/sh
# test_dedup_batches.sh - `parallax dedup --reuse` over several input
# batches (read by a thread while the previous batch is built): the
# output, the problems on stderr (in line order) and the exit code are
# the same with one thread and with several, from a file or from stdin.
set -u
fail() { echo "FAIL: $*"; exit 1; }
T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT

# 5000 JSON lines (about five batches) sharing words, three malformed
# lines and two repeated ids spread over the batches
awk 'BEGIN {
    for (i = 1; i <= 5000; i++) {
        if (i % 1500 == 0) { print "{not json"; continue }
        id = i % 2100 == 0 ? "d7" : "d" i; w = ""
        for (k = 0; k < 40; k++)
            w = w " w" ((i % 97) * k + (i % 13 == 0 ? 0 : i) + k) % 991
        printf "{\"id\":\"%s\",\"text\":\"%s\"}\n", id, w
    }
}' >"$T/in.jsonl"

"$PX_BIN" dedup --reuse --json -j 1 "$T/in.jsonl" >"$T/o1" 2>"$T/e1"
[ $? = 1 ] || fail "-j 1: bad lines not a partial failure"
"$PX_BIN" dedup --reuse --json -j 2 "$T/in.jsonl" >"$T/o2" 2>"$T/e2"
[ $? = 1 ] || fail "-j 2: bad lines not a partial failure"
"$PX_BIN" dedup --reuse --json - <"$T/in.jsonl" >"$T/o3" 2>"$T/e3"
[ $? = 1 ] || fail "stdin: bad lines not a partial failure"
grep -q '"type":"pair"' "$T/o1" || fail "no near-duplicate pair"
grep -q '"type":"passage"' "$T/o1" || fail "no passage"
cmp -s "$T/o1" "$T/o2" || fail "output differs with threads"
cmp -s "$T/o1" "$T/o3" || fail "output differs from stdin"
cmp -s "$T/e1" "$T/e2" || fail "problems differ with threads: $(cat "$T/e2")"
lines=$(sed -n 's/^parallax dedup: [^:]*:\([0-9]*\): .*/\1/p' "$T/e2" | tr '\n' ' ')
[ "$lines" = "1500 2100 3000 4200 4500 " ] || fail "problems not in line order: $lines"
echo "ok"
