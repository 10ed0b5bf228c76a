#!/bin/sh
# test_store.sh - ingest/show/list end to end: formats (txt, gzip, zstd,
# stdin), exact bytes kept, idempotent re-ingest, duplicate content and id
# conflicts, stored ids as command inputs, --json status lines, and the
# acceptance run on ../shared (skipped when absent).
set -u
: "${PX_BIN:?}"
. "$PX_ROOT/tests/cli/checklib.sh"
P=$PX_BIN
DB="$T/s.db"

mkdir -p "$T/in/sub"
printf 'Storm Hits Coast Town\n\nStorm Hits Coast Town\nA storm hit the town on Monday.\nCaf\351 roofs fell.\n' \
    >"$T/in/storm.txt"
printf '{"id":"z1","text":"Zstd article text.","outlet":"Z News","published":"2025-03-01T10:00:00Z","tag":"x"}\n' |
    zstd -q >"$T/in/sub/z.jsonl.zst"
printf '{"id":"g1","text":"Gzip article text."}\n' | gzip >"$T/in/sub/g.ndjson.gz"
"$P" ingest --db "$DB" "$T/in" 2>"$T/err"
check "ingest dir exit 0" [ $? = 0 ]
check "three stored" [ "$("$P" list --db "$DB" | wc -l)" = 3 ]
check "dir order" [ "$("$P" list --db "$DB" | cut -f1 | tr '\n' ' ')" = "storm g1 z1 " ]
"$P" show --db "$DB" storm >"$T/show"
check "title recognised" grep -q '^title: Storm Hits Coast Town$' "$T/show"
sed '1,/^$/d' "$T/show" >"$T/body"
check "original bytes kept (invalid UTF-8 too)" cmp -s "$T/body" "$T/in/storm.txt"
"$P" show --db "$DB" --json --clean z1 >"$T/z1.json"
check "show --json metadata" python3 -c "
import json,sys; o=json.load(open('$T/z1.json'))
assert o['outlet']=='Z News' and o['published_ts']==1740823200 and o['extra']=={'tag':'x'}
assert o['clean'].startswith('Zstd article') and o['origin'].endswith('z.jsonl.zst:1')"

# idempotent: same input again stores nothing, exit 0
"$P" ingest --db "$DB" --json "$T/in" >"$T/again" 2>/dev/null
check "re-ingest exit 0" [ $? = 0 ]
check "re-ingest all unchanged" [ "$(grep -c '"status":"unchanged"' "$T/again")" = 3 ]
check "still three" [ "$("$P" list --db "$DB" | wc -l)" = 3 ]

# stdin, duplicate content under another id, same id with another text
printf '{"id":"copy","text":"Gzip article text."}\n{"id":"g1","text":"Changed."}\n{"id":"new","text":"New one."}\n' |
    "$P" ingest --db "$DB" --json - >"$T/st" 2>"$T/st.err"
check "conflict exit 1" [ $? = 1 ]
check "duplicate reported" grep -q '"id":"copy","origin":"<stdin>:1","status":"duplicate","duplicate_of":"g1"' "$T/st"
check "conflict reported" grep -q '<stdin>:2: id "g1" is already stored with a different text' "$T/st.err"
check "new stored" grep -q '"id":"new","origin":"<stdin>:3","status":"stored"' "$T/st"
check "four stored" [ "$("$P" list --db "$DB" | wc -l)" = 4 ]
"$P" show --db "$DB" g1 | grep -q 'Gzip article text.'
check "conflict kept the first text" [ $? = 0 ]

# list --json is JSON Lines; stored ids work as inputs of other commands
check "list --json" python3 -c "
import json,subprocess
out=subprocess.run(['$P','list','--db','$DB','--json'],capture_output=True,text=True).stdout
ids=[json.loads(l)['id'] for l in out.splitlines()]; assert ids==['storm','g1','z1','new'], ids"
PARALLAX_DB="$DB" "$P" clean new >"$T/clean.out"
check "stored id as input" grep -q 'New one.' "$T/clean.out"
PARALLAX_DB="$DB" "$P" clean new "$T/in/storm.txt" z1 >"$T/order.out"
check "ids and paths read in argument order" [ "$(grep -o -e 'New one' -e 'storm hit' -e 'Zstd article' "$T/order.out" | tr '\n' ,)" = "New one,storm hit,Zstd article," ]
PARALLAX_DB="$DB" "$P" clean no-such-id 2>"$T/nf"
check "unknown id exit 1" [ $? = 1 ]
check "unknown id message" grep -q 'no-such-id: no such file or stored article' "$T/nf"
"$P" show --db "$T/absent.db" x 2>"$T/abs"
check "show on missing store exit 3" [ $? = 3 ]
check "missing store not created" [ ! -e "$T/absent.db" ]
echo "not a database" >"$T/text.db"
"$P" ingest --db "$T/text.db" "$T/in" 2>"$T/nd"
check "non-store file refused, exit 3" [ $? = 3 ]
check "non-store message" grep -q 'text.db: not a parallax store' "$T/nd"
check "non-store file untouched" [ "$(cat "$T/text.db")" = "not a database" ]
printf '{"id":"t","title":"a\\tb\\nc","text":"Tabs."}\n' | "$P" ingest --db "$T/tab.db" -
check "list keeps one line per article" [ "$("$P" list --db "$T/tab.db")" = "$(printf 't\t-\t-\ta b c')" ]
for c in ingest show list; do
    "$P" $c --help >/dev/null
    check "$c --help" [ $? = 0 ]
done

# acceptance on the shared data: 464 articles, then none added
S=${PX_SHARED:-../shared}
if [ -d "$S/seeds" ] && [ -f "$S/data/ecbplus/dev.jsonl" ]; then
    "$P" ingest --db "$T/acc.db" "$S/seeds" "$S/data/ecbplus/dev.jsonl"
    check "acceptance exit 0" [ $? = 0 ]
    check "acceptance 464 stored" [ "$("$P" list --db "$T/acc.db" | wc -l)" = 464 ]
    "$P" ingest --db "$T/acc.db" --json "$S/seeds" "$S/data/ecbplus/dev.jsonl" >"$T/acc2"
    check "acceptance rerun adds none" [ "$(grep -c '"status":"unchanged"' "$T/acc2")" = 464 ]
    check "acceptance still 464" [ "$("$P" list --db "$T/acc.db" | wc -l)" = 464 ]
    # the cleaner's metadata is stored: credit line -> wire, self-reference -> outlet
    check "seed wire stored" sh -c "'$P' show --db '$T/acc.db' 000_db9f598bcc720c5d | grep -qx 'wire: Reuters'"
    check "seed outlet stored" sh -c "'$P' show --db '$T/acc.db' 002_2fef65d93e5c9bc7 | grep -qx 'outlet: Modern.az'"
    "$P" show --db "$T/acc.db" --clean 000_db9f598bcc720c5d >"$T/c000"
    check "clean view stored (title once)" [ "$(grep -c '^Witkoff and Kushner Meet Putin' "$T/c000")" = 1 ]
else echo "skip acceptance: $S absent"; fi

[ "$fails" = 0 ]
