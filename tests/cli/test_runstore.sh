#!/bin/sh
# test_runstore.sh - parallax run stores each story's claim comparison and
# alignments (story_analysis, story_findings, story_alignment): rows are
# written, a re-run recomputes nothing, a story whose members changed is
# recomputed alone, a lost batch (rows missing, as after a kill) is
# completed by the next run with identical results, and `parallax story`
# reads the stored rows (with the outlet's learned footer removed); a
# story of 2,000 stored near-copies is analysed with 8 sources only.
set -u
: "${PX_BIN:?}"
command -v sqlite3 >/dev/null || { echo "skip: no sqlite3 CLI"; exit 0; }
. "$PX_ROOT/tests/cli/checklib.sh"
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

# stored rows are what `story` prints; the fallback computes without the
# learned boilerplate, so the Coastline Daily footer shows up only there
$P story --db "$DB" "$s" >"$T/stored"
$P story --db "$DB" --json "$s" >"$T/stored.json"
check "stored story: learned footer not an only_in passage" test "$(grep -c 'independent news from the Sarn coast' "$T/stored")" = 0
check "stored story json carries the comparison" python3 -c '
import json,sys
c = json.load(open(sys.argv[1]))["comparison"]
assert c and c["findings"] and len(c["articles"]) == 3, c' "$T/stored.json"
check "stored text is the stored rendering" sh -c "sqlite3 '$DB' \"SELECT text FROM story_analysis WHERE story = '$s'\" | head -3 | grep -qF \"\$(sed -n '/^claims/{n;p;q}' '$T/stored')\""
q "DELETE FROM story_analysis"
$P story --db "$DB" "$s" >"$T/computed"
check "without stored rows the story is computed (footer unlearned)" grep -q 'independent news from the Sarn coast' "$T/computed"
check "original text keeps the footer" test "$(q "SELECT count(*) FROM articles WHERE id = 'ilvara-coastline' AND CAST(text AS TEXT) LIKE '%independent news from the Sarn coast%'")" = 1

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

# --no-compare stores no analysis; story still shows a comparison
$P run --db "$T/n.db" --no-compare --json "$EX" >"$T/rn"
check "--no-compare: nothing compared" grep -q '"compared": 0' "$T/rn"
check "--no-compare: no rows" test "$(sqlite3 "$T/n.db" 'SELECT count(*) FROM story_analysis')" = 0
$P story --db "$T/n.db" --json ilvara-wire >"$T/n.json"
check "--no-compare: story computes the comparison" python3 -c '
import json,sys
assert json.load(open(sys.argv[1]))["comparison"]["findings"]' "$T/n.json"

# a story of 2,000 stored near-copies (one sentence differs): the
# analysis compares and aligns only the first 8, so run stays bounded
# (10,000 by hand: bench/README.md)
python3 -c '
import json
t = ("Floods closed the main bridge in Velmora on Monday, the city council said. "
     "Some 40 families were moved to the sports hall, and the river is expected "
     "to crest on Wednesday. \"We have never seen the water this high,\" said "
     "mayor Ilse Varga.")
for i in range(2000):
    print(json.dumps({"id": "near%05d" % i, "text": t + " Update number %d." % i}))
' >"$T/near.jsonl"
timeout 600 $P run --db "$T/near.db" --json "$T/near.jsonl" >"$T/rnear"
check "2,000 near-copies: run ends" test $? = 0
check "2,000 near-copies: all stored, one story" grep -q '"stored": 2000, .*"stories": 1, .*"compared": 1' "$T/rnear"
check "2,000 near-copies: 8 sources compared, 7 alignments" test "$(sqlite3 "$T/near.db" "SELECT sources, (SELECT count(*) FROM story_alignment) FROM story_analysis")" = "8|7"

# interrupted run: kill -9 once some story batches are committed, then a
# re-run completes them; the rows equal an uninterrupted run's
ECB="$PX_ROOT/../shared/data/ecbplus/dev.jsonl"
if [ -f "$ECB" ]; then
    $P run --db "$T/k.db" "$ECB" >/dev/null 2>&1 &
    pid=$!
    n=0
    while kill -0 $pid 2>/dev/null; do
        n=$(sqlite3 "$T/k.db" "SELECT count(*) FROM story_analysis" 2>/dev/null || echo 0)
        [ "${n:-0}" -gt 0 ] && break
        sleep 0.02
    done
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null
    echo "     (killed with ${n:-0} stories analysed)"
    $P run --db "$T/k.db" --json "$ECB" >"$T/rk" 2>/dev/null
    check "resumed run exits 0" test $? = 0
    $P run --db "$T/u.db" "$ECB" >/dev/null 2>&1
    sqlite3 "$T/k.db" "SELECT story, key, sources, json FROM story_analysis ORDER BY story" >"$T/k"
    sqlite3 "$T/u.db" "SELECT story, key, sources, json FROM story_analysis ORDER BY story" >"$T/u"
    check "killed then resumed run equals an uninterrupted one" cmp -s "$T/k" "$T/u"
    check "resumed run: every story analysed" test "$(wc -l <"$T/k")" -gt 30
else
    echo "skip: kill test (no ../shared)"
fi

exit $((fails != 0))
