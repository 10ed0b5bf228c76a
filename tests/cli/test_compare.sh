#!/bin/sh
# test_compare.sh - `parallax claims` and `parallax compare` end to end:
# the seed acceptance findings, self-comparison yields only `same`, JSON
# contract, HTML page.  Skips cleanly when ../shared is absent.
set -u
BIN=${PX_BIN:-build/release/parallax}
S=../shared/seeds
A=$S/000_db9f598bcc720c5d.txt
B=$S/002_2fef65d93e5c9bc7.txt
fail() { echo "FAIL: $*"; exit 1; }
T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT

# usage errors
"$BIN" compare --help >/dev/null || fail "compare --help"
"$BIN" claims --help >/dev/null || fail "claims --help"
printf 'Just one article here.\n' >"$T/one.txt"
"$BIN" compare "$T/one.txt" >/dev/null 2>&1; [ $? = 2 ] || fail "one article must be a usage error"
"$BIN" compare "$T/one.txt" "$T/missing.txt" >/dev/null 2>&1; [ $? = 3 ] || fail "missing input"
"$BIN" compare --no-same examples/articles.jsonl >/dev/null || fail "one JSONL with several articles"

# small self-made case, no ../shared needed
printf 'Officials said more than 300 people were killed on Monday.\n' >"$T/a.txt"
printf 'Nearly 250 people were killed on Monday.\n' >"$T/b.txt"
"$BIN" compare --json "$T/a.txt" "$T/b.txt" >"$T/ab.json" || fail "compare small"
jq -e '.findings | map(select(.type=="differs" and .kind=="quantity")) | length == 1' "$T/ab.json" >/dev/null || fail "300 vs 250 differs"
jq -e '.findings | map(select(.type=="attribution_changed")) | length == 1' "$T/ab.json" >/dev/null || fail "credit dropped"

# "today" meets "on Tuesday" through the publication date (2025-12-02 was a Tuesday)
printf '{"id":"a1","published":"2025-12-02T10:00:00Z","text":"Envoys meet Putin today in Moscow for talks, officials said."}\n{"id":"b1","published":"2025-12-02T12:00:00Z","text":"Envoys meet Putin on Tuesday in Moscow for talks, officials said."}\n' >"$T/t.jsonl"
"$BIN" compare --json "$T/t.jsonl" | jq -e '[.findings[] | select(.kind=="time" and .type=="same")] | length == 1' >/dev/null || fail "today = Tuesday"

# every claim span holds its text in the original bytes
if [ -f examples/txt/ilvara-wire.txt ]; then
    "$BIN" claims --json examples/txt/ilvara-wire.txt >"$T/w.jsonl" || fail "claims examples"
    python3 - "$T/w.jsonl" examples/txt/ilvara-wire.txt <<'PY' || fail "claim spans"
import json, sys
src = open(sys.argv[2], 'rb').read()
n = 0
for line in open(sys.argv[1]):
    c = json.loads(line)["claim"]
    s, t = c["span"]
    assert src[s:t].decode() == c["text"], c
    for k, v in c.items():
        if k.endswith("_span") and isinstance(v, list):
            assert src[v[0]:v[1]].decode() == c[k + "_text"], (k, c)
    n += 1
assert n > 20, n
PY
fi

# the bundled fiction story, by stored id, three sources
if [ -f examples/articles.jsonl ]; then
    "$BIN" ingest --db "$T/x.db" examples/articles.jsonl >/dev/null 2>&1 || fail "ingest"
    "$BIN" compare --json --db "$T/x.db" ilvara-wire ilvara-coastline ilvara-herald >"$T/e.json" || fail "compare ids"
    ex() { jq -e "$1" "$T/e.json" >/dev/null || fail "examples: $2"; }
    ex '.articles | length == 3' "three articles"
    ex '[.findings[] | select(.type=="differs" and (.summary|test("14 crew members")))] | length >= 1' "14 people vs crew"
    ex '[.findings[] | select(.type=="rounded" and (.summary|test("More than 300")))] | length >= 1' "312 rounded"
    ex '[.findings[] | select(.type=="rounded" and (.summary|test("38 tonnes")))] | length >= 1' "38 tonnes rounded"
    ex '[.findings[] | select(.type=="attribution_changed" and (.summary|test("38 tonnes")))] | length >= 1' "coast guard credit dropped"
    ex '[.findings[] | select(.type=="quote_changed" and (.summary|test("Quill")))] | length >= 1' "Quill quote"
    ex '[.findings[] | select(.type=="only_in" and .kind=="passage" and (.summary|test("Brenner Shoal has long")))] | length >= 1' "coastline background"
    # three sources: one finding per claim, every article on its side
    ex '[.findings[] | select(.type=="only_in" and .kind=="passage" and (.summary|test("Brenner Shoal has long")))] | length == 1' "one Brenner finding"
    ex '[.findings[] | select(.type=="only_in" and (.summary|test("Brenner Shoal has long"))) | .sides[1].index] == [[0,2]]' "Brenner lacked by wire and herald"
    ex '[.findings[] | select(.type=="rounded" and (.summary|test("More than 300")))] | length == 1' "one 312 rounded"
    ex '[.findings[] | select(.type=="rounded" and (.summary|test("More than 300"))) | [.sides[0].index, .sides[1].index, .pairs]] == [[[0,2],[1],2]]' "312 sides"
    ex '[.findings[] | select(.type=="rounded" and (.summary|test("More than 300"))) | .summary | test("Valdoria Today, The Velmora Herald")] == [true]' "312 summary names both"
    ex '.findings | all(.evidence | all(.side != null))' "evidence sides"
fi

[ -f "$A" ] || { echo "skip: ../shared absent"; exit 0; }
"$BIN" claims --json "$A" >"$T/claims.jsonl" || fail "claims --json"
jq -e -s 'map(select(.claim.kind=="quote")) | length >= 3' "$T/claims.jsonl" >/dev/null || fail "quotes"
"$BIN" compare --json "$A" "$B" >"$T/c.json" || fail "compare --json"
has() { jq -e "$1" "$T/c.json" >/dev/null || fail "$2"; }
has '.articles | length == 2' "two articles"
has '.findings | all(.evidence | all(.span[0] <= .span[1]))' "spans"
has '[.findings[] | select(.type=="rounded" and (.summary|test("115,600")) and (.summary|test("115,000")))] | length == 1' "rounded 115,600 / 115,000"
has '[.findings[] | select(.type=="same" and (.summary|test("19%")) and (.summary|test("19 percent")))] | length == 1' "same 19%"
has '[.findings[] | select(.type=="differs" and (.summary|test("1.2 million people")) and (.summary|test("military personnel")))] | length == 1' "differs 1.2 million"
has '[.findings[] | select(.type=="attribution_changed" and (.summary|test("U.S. officials")))] | length == 1' "U.S. officials dropped"
has '[.findings[] | select(.type=="quote_changed" and (.summary|test("megaphone")) and (.summary|test("harmful")))] | length == 1' "megaphone quote"
has '[.findings[] | select(.type=="only_in" and .kind=="passage" and (.summary|test("main demands")))] | length == 1' "demands only in Modern.az"
has '[.findings[] | select(.type=="wording" and (.summary|test("bloodiest")))] | length == 1' "deadliest/bloodiest"
# evidence text is the original bytes at the span
python3 - "$T/c.json" "$A" "$B" <<'PY' || fail "evidence text"
import json, sys
d = json.load(open(sys.argv[1]))
src = [open(p, 'rb').read() for p in sys.argv[2:]]
for f in d["findings"]:
    for e in f["evidence"]:
        s, t = e["span"]
        assert src[e["index"]][s:t].decode() == e["text"], e
PY
# an article compared with itself: only `same`
cp "$A" "$T/self.txt"
"$BIN" compare --json "$A" "$T/self.txt" >"$T/s.json" || fail "self compare"
jq -e '(.findings | length > 0) and (.findings | all(.type=="same"))' "$T/s.json" >/dev/null || fail "self compare not all same"
"$BIN" compare --html "$T/p.html" "$A" "$B" || fail "html"
grep -q 'class="findings"' "$T/p.html" || fail "findings panel"
grep -q 'mk-f0' "$T/p.html" || fail "evidence marks"
echo ok
