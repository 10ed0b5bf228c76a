#!/bin/sh
# test_run.sh - the main job end to end: parallax run on the bundled
# examples (same-event grouping, copy graph), idempotent re-run, articles
# added later keep story ids, resumption after a partial run, the edge
# cases (no text, bad lines, 10,000 identical copies, other scripts), the
# copy graph of a story of 300 near-copies, stories/story in text, JSON
# and HTML, and parallax cluster --json.
set -u
: "${PX_BIN:?}"
. "$PX_ROOT/tests/cli/checklib.sh"
P=$PX_BIN
EX="$PX_ROOT/examples/articles.jsonl"
DB="$T/a.db"

# --- the bundled story
$P run --db "$DB" "$EX" >/dev/null 2>"$T/err"
check "run examples exits 0" test $? = 0
check "run is quiet when not on a terminal" test ! -s "$T/err"
$P stories --db "$DB" --json >"$T/s1"
check "four stories" test "$(wc -l <"$T/s1")" = 4
s_wire=$($P story --db "$DB" --json ilvara-wire | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
s_herald=$($P story --db "$DB" --json ilvara-herald | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
s_coast=$($P story --db "$DB" --json ilvara-coastline | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
s_lark=$($P story --db "$DB" --json lark-hessel | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
check "ferry reports are one story" test "$s_wire" = "$s_herald" -a "$s_wire" = "$s_coast"
check "another ferry accident is another story" test "$s_wire" != "$s_lark"
$P story --db "$DB" --json "$s_wire" >"$T/story.json"
check "story json: 3 articles, copy edges from the wire" python3 -c '
import json,sys
s = json.load(open(sys.argv[1]))
assert s["size"] == 3 and len(s["articles"]) == 3, s
assert s["copies"] and s["copies"][0]["from"] == "ilvara-wire", s["copies"]
assert s["headline"]
c = s["comparison"]
assert c and c["findings"], "no claim comparison"
assert any(f["type"] != "same" for f in c["findings"]), c["findings"][:3]' "$T/story.json"
$P story --db "$DB" --json "$s_lark" >"$T/one.json"
check "one-source story: no comparison" python3 -c '
import json,sys
assert json.load(open(sys.argv[1]))["comparison"] is None' "$T/one.json"
$P story --db "$DB" "$s_wire" >"$T/story.txt"
check "story text shows sources and copy graph" grep -q "ilvara-wire -> ilvara-herald" "$T/story.txt"
$P story --db "$DB" no-such-story 2>"$T/err"
check "unknown story exits 3 with a message" test $? = 3 -a -s "$T/err"

# --- idempotent re-run; articles added later keep story ids
$P run --db "$DB" "$EX" >/dev/null 2>&1
$P stories --db "$DB" --json >"$T/s2"
check "re-run gives the same stories" cmp -s "$T/s1" "$T/s2"
printf '{"id":"late","title":"Coastguard says diesel leak from Saint Ilvara contained","text":"The coastguard said on Wednesday the diesel leak from the ferry Saint Ilvara, which ran aground off Carrow Island with 312 people on board, had been contained."}\n' >"$T/late.jsonl"
$P run --db "$DB" --json "$T/late.jsonl" >"$T/late.out"
check "late article: one stored" grep -q '"stored": 1' "$T/late.out"
s_after=$($P story --db "$DB" --json ilvara-wire | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
check "late article keeps the story id" test "$s_after" = "$s_wire"

# --- resume: a run that stored only part of the input, then the full run
head -3 "$EX" >"$T/part.jsonl"
$P run --db "$T/r.db" "$T/part.jsonl" >/dev/null 2>&1
$P run --db "$T/r.db" --json "$EX" >"$T/r.out"
check "resumed run stores the rest only" grep -q '"stored": 3, "unchanged": 3' "$T/r.out"
$P run --db "$T/f.db" "$EX" >/dev/null 2>&1
$P stories --db "$T/r.db" --json | sort >"$T/r.s"
$P stories --db "$T/f.db" --json | sort >"$T/f.s"
check "resumed store has the same stories as one run" cmp -s "$T/r.s" "$T/f.s"

# --- edge cases: no text, a bad line, other scripts
{
    printf '{"id":"empty","text":""}\n'
    printf 'not json\n'
    printf '{"id":"ru1","text":"Землетрясение магнитудой 6,1 произошло на острове Кешм в Иране, погибли десять человек."}\n'
    printf '{"id":"ru2","text":"На острове Кешм в Иране произошло землетрясение магнитудой 6,1; погибли десять человек."}\n'
    printf '{"id":"zh1","text":"伊朗格什姆岛发生6.1级地震，造成十人死亡。"}\n'
    printf '{"id":"ar1","text":"ضرب زلزال بقوة 6.1 درجات جزيرة قشم في جنوب إيران"}\n'
} >"$T/edge.jsonl"
$P run --db "$T/e.db" "$T/edge.jsonl" >/dev/null 2>"$T/err"
check "bad input exits 1" test $? = 1
check "bad input is named file:line" grep -q "edge.jsonl:2:" "$T/err"
check "empty text is named" grep -q "edge.jsonl:1:" "$T/err"
r1=$($P story --db "$T/e.db" --json ru1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
r2=$($P story --db "$T/e.db" --json ru2 | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
check "Cyrillic reports of one event are one story" test "$r1" = "$r2"
$P story --db "$T/e.db" "$r1" >"$T/ru.txt"
check "no outlet field: 'no outlet named', not 'from 0 outlets'" \
    grep -q "^2 articles, no outlet named" "$T/ru.txt"
check "no outlet, time or title: the source line is its id alone" \
    grep -qx "  ru1 " "$T/ru.txt"
check "four scripts, three stories" test "$($P stories --db "$T/e.db" | wc -l)" = 3

# --- a story of 10,000 identical copies
python3 -c '
import json
t = "Floods closed the main bridge in Velmora on Monday, the city council said, and 40 families were moved to the sports hall."
for i in range(10000):
    print(json.dumps({"id": "copy%05d" % i, "outlet": "outlet%d" % (i % 50), "text": t}))
' >"$T/copies.jsonl"
$P run --db "$T/c.db" --json "$T/copies.jsonl" >"$T/c.out"
check "10,000 copies: one stored, 9,999 copies" grep -q '"stored": 1, "unchanged": 0, "copies": 9999' "$T/c.out"
$P stories --db "$T/c.db" --json >"$T/c.s"
check "10,000 copies: one story of 10,000 from 50 outlets" python3 -c '
import json,sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 1 and rows[0]["size"] == 10000 and rows[0]["outlets"] == 50, rows' "$T/c.s"
cid=$($P story --db "$T/c.db" --json copy09999 | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
check "a copy finds its story" test -n "$cid"

# --- a story of 300 near-copies of one wire text, published in another
# order than read: its passage is in more than max_df (100) articles, so
# the reuse stage gives (almost) no pairs; the copy graph links every copy
# to the earliest published article, earlier -> later, with shared words.
python3 -c '
import json
t = ("A magnitude 6.1 earthquake struck the Iranian island of Qeshm on Sunday, "
     "killing 10 people and flattening villages, officials in Tehran said. "
     "Rescue teams from Bandar Abbas reached the island by boat on Sunday "
     "afternoon and searched the rubble of homes in the villages of Tolah "
     "and Kousheh, the provincial governor told state television.")
for i in range(300):
    m = (i * 97 + 13) % 300  # publication minute: a permutation
    print(json.dumps({"id": "near%03d" % i, "outlet": "outlet%d" % (i % 30),
                      "published": "2025-02-01T%02d:%02d:00Z" % (8 + m // 60, m % 60),
                      "text": t + " Filed by desk %d in district %d." % (i, i * 7 + 3)}))
' >"$T/near.jsonl"
$P run --db "$T/n.db" --json "$T/near.jsonl" >"$T/n.out"
check "300 near-copies: all stored, one story" grep -q '"stored": 300,.*"stories": 1,' "$T/n.out"
$P story --db "$T/n.db" --json near000 >"$T/n.json"
check "300 near-copies: each copy linked from the earliest published, earlier -> later" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
when = {a["id"]: a["published"] for a in s["articles"]}
first = min(when, key=when.get)
c = s["copies"]
assert s["size"] == 300 and len(c) >= 299, (s["size"], len(c))
assert len(c) <= 3 * 300, len(c)  # at most 3 hub sources per article
linked = {e["to"] for e in c if e["from"] == first}
assert linked == set(when) - {first}, len(linked)
for e in c:
    assert e["direction"] == "by_time" and when[e["from"]] < when[e["to"]], e
    assert e["words"] >= 15 and e["similarity"] >= 0.5, e' "$T/n.json"
$P story --db "$T/n.db" near000 >"$T/n.txt"
check "300 near-copies: the text view draws 100 edges and counts the rest" sh -c "
    test \$(grep -c '^  near[0-9]* -> near[0-9]*  ' '$T/n.txt') = 100 &&
    grep -q '^  \\.\\.\\. and [0-9]* more edges' '$T/n.txt'"

$P story --db "$T/c.db" copy00005 >"$T/c.txt"
check "10,000 copies: the text view lists 100 sources and says how many more" sh -c "
    test \$(grep -c '(copy of ' '$T/c.txt') = 99 &&
    grep -q '  ... and 9900 more sources (--json or --html lists all)' '$T/c.txt'"
$P story --db "$T/c.db" --json copy00005 >"$T/c.json"
check "10,000 copies: --json lists every source" python3 -c '
import json,sys
s = json.load(open(sys.argv[1]))
assert len(s["articles"]) == 10000, len(s["articles"])' "$T/c.json"

# --- HTML: index plus one self-contained page per story
$P stories --db "$DB" --html "$T/site" >/dev/null
nst=$($P stories --db "$DB" | wc -l)
check "html index and pages" test -f "$T/site/index.html" -a "$(ls "$T/site" | wc -l)" = $((nst + 1))
check "html pages are self-contained" sh -c "! grep -l -E '<(script|link|img)[^>]+(src|href)=' '$T/site'/*.html"

# --- parallax cluster: one line per article, in input order
$P cluster --json "$EX" >"$T/cl"
check "cluster --json: one line per article in input order" python3 -c '
import json,sys
ids = [json.loads(l)["id"] for l in open(sys.argv[2])]
out = [json.loads(l) for l in open(sys.argv[1])]
assert [o["id"] for o in out] == ids, out
st = {o["id"]: o["story"] for o in out}
assert st["ilvara-wire"] == st["ilvara-herald"] == st["ilvara-coastline"] != st["lark-hessel"]' "$T/cl" "$EX"
$P run --db "$T/txt.db" "$PX_ROOT/examples/txt" >/dev/null 2>&1
check "an article without an outlet counts as its wire credit's" python3 -c '
import json,subprocess,sys
s = json.loads(subprocess.check_output([sys.argv[1], "story", "--db", sys.argv[2], "--json", "ilvara-wire"]))
assert s["size"] == 3 and s["outlets"] == 2, s' "$P" "$T/txt.db"
$P cluster --json "$PX_ROOT/examples/txt" >"$T/ct"
check "cluster, six texts without times: the regatta is not the ferry accident" python3 -c '
import json,sys
st = {o["id"]: o["story"] for o in map(json.loads, open(sys.argv[1]))}
assert st["ilvara-wire"] == st["ilvara-herald"] == st["ilvara-coastline"], st
assert len({st["ilvara-wire"], st["regatta-coastline"], st["lark-hessel"], st["library-coastline"]}) == 4, st' "$T/ct"
printf '{"id":"x","text":"Alpha bravo charlie delta echo foxtrot."}\n{"id":"y","text":"Golf hotel india juliet kilo lima."}\n{"id":"z","text":"Alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima."}\n' >"$T/m.jsonl"
$P run --db "$T/m.db" "$T/m.jsonl" >/dev/null 2>&1
check "a bridging article merges two stories, recorded" python3 -c '
import json,subprocess,sys
s = json.loads(subprocess.check_output([sys.argv[1], "story", "--db", sys.argv[2], "--json", "y"]))
assert s["size"] == 3 and len(s["merged"]) == 1 and s["merged"][0]["by"] == "z" and s["merged"][0]["settled"] is False, s' "$P" "$T/m.db"
$P cluster --threshold 2 "$EX" >/dev/null 2>&1
check "cluster rejects a bad threshold" test $? = 2
$P run >/dev/null 2>&1
check "run without input is a usage error" test $? = 2

[ "$fails" = 0 ]
