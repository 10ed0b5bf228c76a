#!/bin/sh
# test_stories_filter.sh - `parallax stories` filters and orders: --min-size,
# --min-outlets, --since/--until (dates, date-times, relative times; the
# span overlap and its inclusive ends; stories without times left out),
# --sort size|outlets|recent, with --limit, in text, --json and --html
# (index and pages), and the usage errors of bad values.  The store: the
# bundled examples plus three copies of the library story from one outlet
# (a story larger than the ferry's but of one outlet), an article without a
# time and one published two hours ago.
set -u
: "${PX_BIN:?}"
. "$PX_ROOT/tests/cli/checklib.sh"
P=$PX_BIN
DB="$T/a.db"
now2h=$(date -u -d '2 hours ago' +%Y-%m-%dT%H:%M:%SZ 2>/dev/null ||
    python3 -c 'import datetime as d; print((d.datetime.utcnow() - d.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ"))')
python3 - "$PX_ROOT/examples/articles.jsonl" "$now2h" >"$T/in.jsonl" <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
for r in rows:
    print(json.dumps(r))
lib = next(r for r in rows if r["id"] == "library-coastline")
for i in range(3):  # copies of the same text, same outlet
    c = dict(lib, id="library-copy-%d" % i, published="2025-03-08T0%d:00:00Z" % i)
    print(json.dumps(c))
print(json.dumps({"id": "undated", "outlet": "Quiet Post",
    "title": "Beekeepers of the Morrow valley count a record honey harvest",
    "text": "Beekeepers of the Morrow valley gathered on the common to weigh "
            "the season's honey, and the cooperative's scales gave a record "
            "harvest of nine tonnes from four hundred hives. Old Ansel Tovey, "
            "who keeps forty hives above the mill, said the long dry autumn "
            "and the heather on the ridge made the difference this year."}))
print(json.dumps({"id": "fresh", "outlet": "Night Desk",
    "published": sys.argv[2],
    "title": "Observatory on Mount Pell records its coldest night in decades",
    "text": "Astronomers at the observatory on Mount Pell recorded the coldest "
            "night in thirty years, with the thermometer at the dome falling to "
            "minus twenty-eight degrees. The telescopes were closed for six "
            "hours while frost cleared from the mirrors, the director said."}))
EOF
$P run --no-compare --db "$DB" "$T/in.jsonl" >/dev/null 2>"$T/err"
check "run exits 0" test $? = 0

# ids: the id of the story of an article
sid() { $P story --db "$DB" --json "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
FERRY=$(sid ilvara-wire)
LIB=$(sid library-coastline)
UNDATED=$(sid undated)
FRESH=$(sid fresh)
REGATTA=$(sid regatta-coastline)
LARK=$(sid lark-hessel)
# ids listed by `parallax stories ARGS`, one line, space-separated
ids() { $P stories --db "$DB" "$@" | awk '{print $1}' | tr '\n' ' ' | sed 's/ $//'; }

all=$(ids)
check "6 stories in all" test "$(echo "$all" | wc -w)" = 6
check "default: largest first (library 4 articles, then ferry 3)" \
    test "$(ids --limit 2)" = "$LIB $FERRY"
check "--min-outlets 3: the ferry story only" test "$(ids --min-outlets 3)" = "$FERRY"
check "--min-outlets 2 --limit 50: the ferry story only" \
    test "$(ids --min-outlets 2 --limit 50)" = "$FERRY"
check "--min-size 2: library, ferry" test "$(ids --min-size 2)" = "$LIB $FERRY"
check "--min-size 4: library" test "$(ids --min-size 4)" = "$LIB"
check "--min-size 2 --min-outlets 2: ferry" test "$(ids --min-size 2 --min-outlets 2)" = "$FERRY"
check "--min-outlets 0 is no filter" test "$(ids --min-outlets 0)" = "$all"
check "--min-size 99: nothing, exit 0" test -z "$(ids --min-size 99)"
check "--sort outlets: ferry (3 outlets) before library (1)" \
    test "$(ids --sort outlets --limit 2)" = "$FERRY $LIB"
check "--sort size is the default" test "$(ids --sort size)" = "$all"
recent=$(ids --sort recent)
check "--sort recent: the fresh article first" test "${recent%% *}" = "$FRESH"
check "--sort recent: the story without times last" test "${recent##* }" = "$UNDATED"
check "--sort recent: lark (Oct) before regatta (Jul) before library (Mar 8)" \
    sh -c "echo '$recent' | grep -q '$LARK $REGATTA $LIB $FERRY'"

# time spans: overlap with [since, until], both ends inclusive
check "--since 2025-03-05: not the ferry (ended Mar 4), not the undated" \
    test "$(ids --since 2025-03-05 | tr ' ' '\n' | sort | tr '\n' ' ')" = \
    "$(printf '%s\n' "$LIB" "$REGATTA" "$LARK" "$FRESH" | sort | tr '\n' ' ')"
check "--until 2025-03-04 (a date: the whole day): the ferry" \
    test "$(ids --until 2025-03-04)" = "$FERRY"
check "--until 2025-03-03: nothing" test -z "$(ids --until 2025-03-03)"
check "--until 2025-03-04T10:00Z: the ferry (began 09:12)" \
    test "$(ids --until 2025-03-04T10:00Z)" = "$FERRY"
check "--until 2025-03-04T09:00Z: nothing (began 09:12)" \
    test -z "$(ids --until 2025-03-04T09:00Z)"
check "--since = --until = the ferry's last time: inclusive" \
    test "$(ids --since 2025-03-04T12:40Z --until 2025-03-04T13:40+01:00)" = "$FERRY"
check "--since 2025-03-04 --until 2025-03-04: the stories of that day" \
    test "$(ids --since 2025-03-04 --until 2025-03-04)" = "$FERRY"
check "--since 24h: the article of two hours ago only" test "$(ids --since 24h)" = "$FRESH"
check "--since 90m: nothing" test -z "$(ids --since 90m)"
check "--until 1d: every dated story but the fresh one" \
    test "$(ids --until 1d | wc -w)" = 4
check "--since 2000-01-01: all but the story without times" \
    test "$(ids --since 2000-01-01 | wc -w)" = 5

# --json and --html obey the filters
$P stories --db "$DB" --json --min-outlets 3 >"$T/j"
check "--json --min-outlets 3: one object, the ferry" python3 -c '
import json,sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 1 and rows[0]["id"] == sys.argv[2] and rows[0]["outlets"] >= 3, rows' "$T/j" "$FERRY"
$P stories --db "$DB" --json --sort recent --since 2025-03-05 --limit 2 >"$T/j"
check "--json --sort recent --since --limit 2: fresh, then lark" python3 -c '
import json,sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert [r["id"] for r in rows] == sys.argv[2:], rows' "$T/j" "$FRESH" "$LARK"
$P stories --db "$DB" --html "$T/site" --min-size 2 --sort outlets
check "--html exits 0" test $? = 0
check "--html --min-size 2: index + 2 pages" test "$(ls "$T/site" | wc -l)" = 3
check "--html: the pages of the listed stories" \
    test -f "$T/site/$FERRY.html" -a -f "$T/site/$LIB.html"
check "--html index: 2 rows, ferry first (by outlets)" python3 -c '
import re,sys
rows = re.findall(r"<tr><td><a href=\"([^\"]+)\.html\"", open(sys.argv[1]).read())
assert rows == sys.argv[2:], rows' "$T/site/index.html" "$FERRY" "$LIB"

# bad values: usage errors, exit 2, one clear line
bad() { # bad NAME EXPECTED-MESSAGE-PREFIX ARGS...
    name=$1 msg=$2; shift 2
    $P stories --db "$DB" "$@" >"$T/out" 2>"$T/err"
    rc=$?
    check "$name: exit 2" test "$rc" = 2
    check "$name: message" sh -c "head -1 '$T/err' | grep -qF -- '$msg'"
    check "$name: no list printed" test ! -s "$T/out"
}
bad "--since nonsense" "parallax stories: --since: want an ISO 8601 date" --since yesterday
bad "--until Feb 30" "parallax stories: --until: want an ISO 8601 date" --until 2025-02-30
bad "--since bad unit" "parallax stories: --since: want" --since 3y
bad "--since over the cap" "parallax stories: --since: want" \
    --since "2025-03-04T09:00:00.0000000000000000000000000000000000000000000000000000000Z"
bad "--min-outlets abc" "parallax stories: --min-outlets: want a number from 0 to 1000000000" --min-outlets abc
bad "--min-size negative" "parallax stories: --min-size: want a number" --min-size -1
bad "--min-size over the cap" "parallax stories: --min-size: want a number" --min-size 99999999999
bad "--sort unknown" "parallax stories: --sort: want size, outlets or recent" --sort date
bad "--limit 0" "parallax stories: --limit: want a number from 1 to" --limit 0
$P stories --db "$DB" --min-outlets >/dev/null 2>"$T/err"
check "--min-outlets without a value: exit 2" test $? = 2

[ "$fails" = 0 ] || exit 1
