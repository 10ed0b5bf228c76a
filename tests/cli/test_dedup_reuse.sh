#!/bin/sh
# test_dedup_reuse.sh - `parallax dedup` and `parallax reuse` end to end:
# the seed acceptance (a rewrite, not a copy: no near-duplicate pair; the
# short verbatim runs found with byte offsets into both original files),
# JSON Lines shape, usage errors, and the persisted --index.
set -u
fail() { echo "FAIL: $*"; exit 1; }
SEEDS="${PX_SHARED:-$PX_ROOT/../shared}/seeds"
[ -d "$SEEDS" ] || { echo "skip: ../shared/seeds absent"; exit 0; }
A="$SEEDS/000_db9f598bcc720c5d.txt"
B="$SEEDS/002_2fef65d93e5c9bc7.txt"
T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT

# text of bytes [s, e) of a file
span() { tail -c +"$(($2 + 1))" "$1" | head -c "$(($3 - $2))"; }

# --- dedup: the rewrite is not a near-duplicate; a copy is
out=$("$PX_BIN" dedup --json "$A" "$B") || fail "dedup exit $?"
[ -z "$out" ] || fail "dedup reported a pair on the seeds: $out"
cp "$A" "$T/copy.txt"
out=$("$PX_BIN" dedup --json "$A" "$B" "$T/copy.txt") || fail "dedup copy"
echo "$out" | grep -q '"type":"pair","a":"000_db9f598bcc720c5d","b":"copy","jaccard":1.0000' \
    || fail "copy not reported: $out"
echo "$out" | grep -q '"type":"cluster","cluster":1,"members":\["000_db9f598bcc720c5d","copy"\]' \
    || fail "cluster missing: $out"

# --- dedup --reuse: both in one pass
out=$("$PX_BIN" dedup --reuse --json "$A" "$B" "$T/copy.txt") || fail "dedup --reuse"
echo "$out" | grep -q '"type":"passage","a":"000_db9f598bcc720c5d","b":"copy"' \
    || fail "dedup --reuse: no passage: $out"
echo "$out" | grep -q '"type":"cluster"' || fail "dedup --reuse: no cluster"

# --- reuse --min-words 5: the verbatim runs, offsets into both originals
"$PX_BIN" reuse --min-words 5 --json "$A" "$B" >"$T/reuse.jsonl" || fail "reuse exit $?"
grep '"type":"passage"' "$T/reuse.jsonl" | sed 's/.*"a_span":\[\([0-9]*\),\([0-9]*\)\],"b_span":\[\([0-9]*\),\([0-9]*\)\].*/\1 \2 \3 \4/' >"$T/spans"
[ -s "$T/spans" ] || fail "no passages"
: >"$T/texts"
while read -r s1 e1 s2 e2; do
    { span "$A" "$s1" "$e1"; echo; span "$B" "$s2" "$e2"; echo; } >>"$T/texts"
done <"$T/spans"
for phrase in "conflict in Europe since World War II" \
              "meeting with Putin will take place"; do
    n=$(grep -c "$phrase" "$T/texts")
    [ "$n" -ge 2 ] || fail "'$phrase' not found in both files' spans ($n)"
done
grep -q '"type":"reuse_pair","a":"000_db9f598bcc720c5d","b":"002_2fef65d93e5c9bc7","passages":[1-9]' \
    "$T/reuse.jsonl" || fail "pair summary missing"
# at the default length the short runs are not passages
out=$("$PX_BIN" reuse --json "$A" "$B") || fail "reuse default"
echo "$out" | grep -q passage && fail "default reuse reported short runs: $out"

# --- usage and bad input
"$PX_BIN" dedup --help | grep -q "usage: parallax dedup" || fail "dedup --help"
"$PX_BIN" reuse --help | grep -q "usage: parallax reuse" || fail "reuse --help"
"$PX_BIN" dedup --threshold 2 "$A" 2>/dev/null; [ $? = 2 ] || fail "bad threshold not usage"
"$PX_BIN" reuse --min-sim x "$A" 2>/dev/null; [ $? = 2 ] || fail "bad min-sim not usage"
"$PX_BIN" dedup --bands 3 "$A" 2>/dev/null; [ $? = 2 ] || fail "bands without rows"
"$PX_BIN" reuse "$A" "$T/missing.txt" 2>"$T/err"; [ $? = 1 ] || fail "missing input not partial"
grep -q "missing.txt" "$T/err" || fail "missing input not named"

# --- persisted index: later inputs match against earlier ones only
"$PX_BIN" reuse --min-words 5 --index "$T/idx" "$A" >"$T/r1" || fail "index run 1"
[ -s "$T/r1" ] && fail "one document reported reuse"
"$PX_BIN" reuse --min-words 5 --json --index "$T/idx" "$B" >"$T/r2" || fail "index run 2"
cmp -s "$T/r2" "$T/reuse.jsonl" || fail "streamed result differs from batch"
"$PX_BIN" dedup --json --index "$T/idx" "$T/copy.txt" | grep -q '"b":"copy","jaccard":1.0000' \
    || fail "dedup against index"
echo "garbage" >"$T/bad"
"$PX_BIN" dedup --index "$T/bad" "$A" 2>"$T/err"; [ $? = 3 ] || fail "bad index not failure"
grep -q "cannot load index" "$T/err" || fail "bad index message"

# --- ingest --match: the index beside the store, new articles only
{ cat "$A"; echo "One more closing line."; } >"$T/copy2.txt"
"$PX_BIN" ingest --db "$T/s.db" --match "$A" >"$T/m1" || fail "ingest --match 1"
[ -s "$T/m1" ] && fail "first ingest reported matches: $(cat "$T/m1")"
[ -f "$T/s.db.pxindex" ] || fail "no index beside the store"
"$PX_BIN" ingest --db "$T/s.db" --match --json "$B" "$T/copy2.txt" >"$T/m2" \
    || fail "ingest --match 2"
grep -q '"type":"pair","a":"000_db9f598bcc720c5d","b":"copy2"' "$T/m2" \
    || fail "near-duplicate not reported by ingest --match: $(cat "$T/m2")"
grep -q '"type":"passage","a":"000_db9f598bcc720c5d","b":"copy2"' "$T/m2" \
    || fail "copied passage not reported by ingest --match"
"$PX_BIN" ingest --db "$T/s.db" --match "$A" >"$T/m3" || fail "ingest --match 3"
[ -s "$T/m3" ] && fail "re-ingest of a stored article matched again"
echo "ok"
