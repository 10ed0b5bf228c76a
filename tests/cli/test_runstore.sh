#!/bin/sh
# test_runstore.sh - parallax run stores each story's claim comparison and
# alignments (story_analysis, story_findings, story_alignment): rows are
# written, a re-run recomputes nothing, a story whose members changed is
# recomputed alone, a lost batch (rows missing, as after a kill) is
# completed by the next run with identical results, and `parallax story`
# prints the same bytes from stored rows as when it computes them.
set -u
: "${PX_BIN:?}"
command -v sqlite3 >/dev/null || { echo "skip: no sqlite3 CLI"; exit 0; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
check() { # check NAME CONDITION-COMMAND...
    name=$1; shift
    if "$@"; then echo "ok   $name"; else echo "FAIL $name"; fails=$((fails + 1)); fi
}
P=$PX_BIN
EX="$PX_ROOT/examples/articles.jsonl"
DB="$T/a.db"
q() { sqlite3 "$DB" "$1"; }

$P run --db "$DB" --json "$EX" >"$T/r1"
check "first run compares every story" grep -q '"compared": 4, "fresh": 0' "$T/r1"
check "one analysis row per story" test "$(q 'SELECT count(*) FROM story_analysis')" = 4
s=$(q "SELECT story FROM story_members WHERE article = 'ilvara-wire'")
check "ferry story: 3 sources compared" test "$(q "SELECT sources FROM story_analysis WHERE story = '$s'")" = 3
check "ferry story: findings stored" test "$(q "SELECT count(*) FROM story_findings WHERE story = '$s'")" -gt 0
check "ferry story: members aligned to the wire" test "$(q "SELECT count(*) FROM story_alignment WHERE story = '$s' AND a = 'ilvara-wire'")" = 2
check "alignment direction wire -> herald" test "$(q "SELECT direction FROM story_alignment WHERE story = '$s' AND b = 'ilvara-herald'")" = "a->b"
q "SELECT story, key, json FROM story_analysis ORDER BY story" >"$T/a1"

$P run --db "$DB" --json "$EX" >"$T/r2"
check "re-run recomputes nothing" grep -q '"compared": 0, "fresh": 4' "$T/r2"

for fmt in "" --json; do
    $P story --db "$DB" $fmt "$s" >"$T/stored$fmt"
done
q "DELETE FROM story_analysis"
for fmt in "" --json; do
    $P story --db "$DB" $fmt "$s" >"$T/computed$fmt"
    check "story$fmt: stored and computed print the same" cmp -s "$T/stored$fmt" "$T/computed$fmt"
done

# a lost batch: the next run completes it with identical rows
$P run --db "$DB" --json "$EX" >"$T/r3"
check "missing rows are recomputed" grep -q '"compared": 4' "$T/r3"
q "SELECT story, key, json FROM story_analysis ORDER BY story" >"$T/a3"
check "recomputed rows are identical" cmp -s "$T/a1" "$T/a3"

# a late article changes one story only
printf '{"id":"late","title":"Coastguard says diesel leak from Saint Ilvara contained","text":"The coastguard said on Wednesday the diesel leak from the ferry Saint Ilvara, which ran aground off Carrow Island with 312 people on board, had been contained."}\n' >"$T/late.jsonl"
$P run --db "$DB" --json "$T/late.jsonl" >"$T/r4"
check "late article: one story recomputed" grep -q '"compared": 1, "fresh": 3' "$T/r4"
check "late story key changed" test "$(q "SELECT key FROM story_analysis WHERE story = '$s'")" != "$(grep "^$s|" "$T/a1" | cut -d'|' -f2)"

# interrupted run (kill -9 while comparing), then a re-run: same rows
cp "$EX" "$T/big.jsonl"
i=0
while [ $i -lt 40 ]; do
    sed "s/\"id\": *\"\([^\"]*\)\"/\"id\":\"\1-$i\"/; s/Ilvara/Ilvara$i/g; s/Hessel/Hessel$i/g" "$EX" >>"$T/big.jsonl"
    i=$((i + 1))
done
$P run --db "$T/k.db" "$T/big.jsonl" >/dev/null 2>&1 &
pid=$!
sleep 1
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
$P run --db "$T/k.db" "$T/big.jsonl" >/dev/null 2>&1
check "resumed run exits 0" test $? = 0
$P run --db "$T/u.db" "$T/big.jsonl" >/dev/null 2>&1
sqlite3 "$T/k.db" "SELECT story, key, json FROM story_analysis ORDER BY story" >"$T/k"
sqlite3 "$T/u.db" "SELECT story, key, json FROM story_analysis ORDER BY story" >"$T/u"
check "killed then resumed run equals an uninterrupted one" cmp -s "$T/k" "$T/u"

exit $((fails != 0))
