#!/bin/sh
# test_serve.sh - parallax serve end to end: a store built from the bundled
# examples with `parallax run`, the server started on a free port, every
# endpoint fetched (curl when present, else python3's urllib) with status,
# Content-Type and content checked, errors (400, 404, 405, 414), parallel
# requests, the access log, and a clean stop on SIGTERM.  Every wait has a
# timeout and the server is killed on exit.  PX_TEST_CLIENT=python forces
# the urllib client.
set -u
: "${PX_BIN:?}"
. "$PX_ROOT/tests/cli/checklib.sh"
PID=
cleanup() { # checklib's EXIT trap, and the server stopped
    [ -n "$PID" ] && kill "$PID" 2>/dev/null
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
P=$PX_BIN
DB="$T/a.db"
$P run --db "$DB" "$PX_ROOT/examples/articles.jsonl" >/dev/null 2>&1 ||
    { echo "FAIL parallax run"; exit 1; }

# fetch METHOD PATH: body into $T/body, headers into $T/head, prints
# "STATUS CONTENT-TYPE".
if [ "${PX_TEST_CLIENT:-}" != python ] && command -v curl >/dev/null 2>&1; then
    fetch() {
        curl -s -m 30 $([ "$1" = HEAD ] && echo -I || echo -X "$1") -D "$T/head" -o "$T/body" \
             -w '%{http_code} %{content_type}' "$URL${2#/}"
        [ "$1" = HEAD ] && : >"$T/body"
        return 0
    }
    status_of() { curl -s -m 60 -o /dev/null -w '%{http_code}\n' "$1"; }
    echo "client: curl"
else
    fetch() {
        python3 - "$1" "$URL${2#/}" "$T" <<'EOF'
import sys, urllib.request, urllib.error
m, url, t = sys.argv[1:4]
req = urllib.request.Request(url, method=m, data=b"" if m == "POST" else None)
try:
    r = urllib.request.urlopen(req, timeout=30)
except urllib.error.HTTPError as e:
    r = e
body = r.read()
open(t + "/body", "wb").write(body)
open(t + "/head", "w").write("".join("%s: %s\n" % kv for kv in r.headers.items()))
sys.stdout.write("%d %s" % (r.status if hasattr(r, "status") else r.code,
                            r.headers.get("Content-Type", "")))
EOF
    }
    status_of() {
        python3 -c 'import sys,urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=60).status)' "$1"
    }
    echo "client: python3 urllib"
fi

start() { # start [serve options]: sets PID and URL
    rm -f "$T/url"
    $P serve --db "$DB" --port 0 "$@" >"$T/url" 2>"$T/log" &
    PID=$!
    i=0
    while [ ! -s "$T/url" ] && [ $i -lt 200 ] && kill -0 "$PID" 2>/dev/null; do
        sleep 0.1; i=$((i + 1))
    done
    URL=$(cat "$T/url")
}

stop() { # stop: SIGTERM, wait at most 10 s, sets RC
    kill -TERM "$PID"
    i=0
    while kill -0 "$PID" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    if kill -0 "$PID" 2>/dev/null; then kill -KILL "$PID"; RC=hung; else wait "$PID"; RC=$?; fi
    PID=
}

expect() { # expect STATUS METHOD PATH NAME: the status of a request
    r=$(fetch "$2" "$3")
    check "$4" test "${r%% *}" = "$1"
}

json() { # json PYTHON-EXPR-ON-d: true when it holds for $T/body
    python3 -c "import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if ($1) else 1)" "$T/body"
}

start -v
check "serve prints its URL" sh -c "echo '$URL' | grep -q '^http://127.0.0.1:[0-9]*/$'"
HTML="200 text/html; charset=utf-8"
JSON="200 application/json; charset=utf-8"

r=$(fetch GET /)
check "GET / is the HTML story index" test "$r" = "$HTML"
check "index lists the ferry story" grep -q "Ferry Runs Aground Off Carrow Island" "$T/body"
SID=$(grep -o 'href="/story/[^"]*"' "$T/body" | head -1 | sed 's|href="/story/||; s|"||')
check "index links stories under /story/" test -n "$SID"

r=$(fetch GET /stories)
check "GET /stories is JSON" test "$r" = "$JSON"
check "/stories: an array of the 4 stories" json 'len(d) == 4 and d[0]["id"] and d[0]["size"] == 3'
r=$(fetch GET "/stories?format=jsonl&limit=2")
check "/stories?format=jsonl&limit=2: 2 JSON lines" \
    test "$r" = "200 application/x-ndjson; charset=utf-8" -a "$(wc -l <"$T/body")" = 2

# filters: the parameters of `parallax stories`, the same checks
r=$(fetch GET "/stories?min_outlets=3&since=2025-03-04&limit=50&sort=recent")
check "/stories?min_outlets=3&since=2025-03-04&limit=50&sort=recent: the ferry" \
    json "[s['id'] for s in d] == ['$SID'] and d[0]['outlets'] >= 3"
r=$(fetch GET "/stories?since=2025-03-05&sort=recent&format=jsonl")
check "/stories?since=2025-03-05&sort=recent: 3 stories, newest first" python3 -c '
import json,sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 3 and [r["t_max"] for r in rows] == sorted((r["t_max"] for r in rows), reverse=True), rows' "$T/body"
r=$(fetch GET "/stories?until=2025-03-04T09:00Z")
check "/stories?until before every story: []" json 'd == []'
r=$(fetch GET "/stories?min_size=2&sort=outlets")
check "/stories?min_size=2&sort=outlets: the ferry" json "[s['id'] for s in d] == ['$SID']"
r=$(fetch GET "/?min_outlets=3")
check "/?min_outlets=3: the index lists the ferry story only" \
    test "$r" = "$HTML" -a "$(grep -c 'href="/story/' "$T/body")" = 1
r=$(fetch GET "/?sort=recent&limit=1")
check "/?sort=recent&limit=1: the newest story (lark)" grep -q "Hessel pier" "$T/body"
expect 400 GET "/stories?since=yesterday" "bad since: 400"
check "bad since: JSON error naming since" \
    json "d['error']['status'] == 400 and d['error']['message'].startswith('since: want an ISO 8601')"
expect 400 GET "/stories?until=2025-02-30" "until Feb 30: 400"
expect 400 GET "/stories?min_outlets=abc" "bad min_outlets: 400"
check "bad min_outlets: message" json "d['error']['message'].startswith('min_outlets: want a number')"
expect 400 GET "/stories?min_size=99999999999" "min_size over the cap: 400"
expect 400 GET "/stories?sort=date" "bad sort: 400"
expect 400 GET "/?sort=date" "bad sort on the index: 400"
check "index error is text naming sort" grep -q "^400 sort: want size, outlets or recent" "$T/body"
expect 400 GET "/stories?since=$(python3 -c 'print("1" * 70)')h" "since over 64 bytes: 400"

r=$(fetch GET "/story/$SID")
check "GET /story/ID is HTML" test "$r" = "$HTML"
check "story page has the headline" grep -q "<h1>Ferry Runs Aground Off Carrow Island" "$T/body"
check "story page links compare pairs" grep -q 'href="/compare?a=ilvara-wire&amp;b=' "$T/body"
check "story page links articles" grep -q 'href="/article/ilvara-herald"' "$T/body"
check "story page carries the claim comparison" grep -q "how the sources differ" "$T/body"
r=$(fetch GET "/story/ilvara-herald?format=json")
check "story of an article id, as JSON" test "$r" = "$JSON"
check "story JSON: the ferry story, 3 articles" json "d['id'] == '$SID' and len(d['articles']) == 3 and d['copies']"
expect 404 GET /story/no-such-story "unknown story: 404"
check "404 names the id" grep -q "no-such-story" "$T/body"

r=$(fetch GET /article/ilvara-wire)
check "GET /article/ID is JSON" test "$r" = "$JSON"
check "article JSON has id and text" json 'd["id"] == "ilvara-wire" and "Carrow" in d["text"]'
cp "$T/body" "$T/article.json"
r=$(fetch GET "/article/ilvara-wire?format=text")
check "?format=text is text/plain" test "$r" = "200 text/plain; charset=utf-8"
check "?format=text is the original text, byte for byte" python3 -c '
import json,sys
a = json.load(open(sys.argv[1]))
sys.exit(0 if open(sys.argv[2], "rb").read() == a["text"].encode() else 1)' "$T/article.json" "$T/body"
r=$(fetch GET /article/no-such-article)
check "unknown article: 404 JSON error" test "$r" = "404 application/json; charset=utf-8"
check "404 JSON error body" json 'd["error"]["status"] == 404'

r=$(fetch GET "/compare?a=ilvara-wire&b=ilvara-herald&format=json")
check "compare JSON" test "$r" = "$JSON"
check "compare JSON has findings beyond 'same'" \
    json 'len(d["articles"]) == 2 and any(f["type"] != "same" for f in d["findings"])'
r=$(fetch GET "/compare?a=ilvara-wire&b=ilvara-herald&c=ilvara-coastline&format=json")
check "three-way compare" json 'len(d["articles"]) == 3 and d["findings"]'
r=$(fetch GET "/compare?a=ilvara-wire&b=ilvara-herald&same=0&format=json")
check "compare same=0 drops same findings" json 'all(f["type"] != "same" for f in d["findings"])'
r=$(fetch GET "/compare?a=ilvara-wire&b=ilvara-herald")
check "compare HTML page" test "$r" = "$HTML"
check "compare page names both outlets" sh -c "grep -q 'Valdoria Today' '$T/body' && grep -q 'Velmora Herald' '$T/body'"
expect 400 GET "/compare?a=ilvara-wire" "compare without b: 400"
expect 404 GET "/compare?a=ilvara-wire&b=nope" "compare with an unknown id: 404"

r=$(fetch GET "/align?a=ilvara-wire&b=ilvara-herald&format=json")
check "align JSON has sentence pairs" json 'len(d["pairs"]) > 0'
r=$(fetch GET "/align?a=ilvara-wire&b=ilvara-herald")
check "align HTML page" test "$r" = "$HTML"

r=$(fetch GET /health)
check "health" test "$r" = "$JSON"
n=$($P list --db "$DB" | wc -l)
check "health counts the stored articles" json "d['status'] == 'ok' and d['articles'] == $n"

expect 405 POST / "POST: 405"
check "405 sends Allow: GET, HEAD" grep -qi '^allow: GET, HEAD' "$T/head"
expect 405 DELETE /article/ilvara-wire "DELETE: 405"
r=$(fetch HEAD /)
check "HEAD / 200" test "$r" = "$HTML"
expect 404 GET /no/such/page "unknown page: 404"
expect 404 GET "/story/$SID/extra" "extra path segment: 404"
expect 400 GET "/story/$SID?format=xml" "unknown format: 400"
expect 400 GET "/stories?limit=abc" "bad limit: 400"
expect 400 GET "/article/%zz" "bad %-escape: 400"
expect 400 GET "/article/a%00b" "encoded NUL: 400"
expect 400 GET "/story/%2e%2e" "dot-dot segment: 400"
long=$(python3 -c 'print("x" * 5000)')
expect 414 GET "/article/$long" "request target over the cap: 414"
if command -v curl >/dev/null 2>&1; then # headers over MHD's 32 KiB: refused
    big=$(python3 -c 'print("y" * 40000)')
    r=$(curl -s -m 30 -o /dev/null -w '%{http_code}' -H "X-Big: $big" "${URL}health")
    check "40 KB of headers refused (4xx)" test "${r%??}" = 4
fi

# parallel requests: every one answered
pids=
i=0
while [ $i -lt 8 ]; do
    status_of "${URL}compare?a=ilvara-wire&b=ilvara-coastline&format=json" >"$T/par.$i" &
    pids="$pids $!"
    i=$((i + 1))
done
wait $pids
check "8 parallel compares all 200" test "$(cat "$T"/par.* | grep -c '^200$')" = 8

check "-v logs one line per request" grep -q "GET /health 200" "$T/log"
stop
check "SIGTERM stops the server with exit 0" test "$RC" = 0

# quiet by default; failures to start are clear
start
r=$(fetch GET /health)
check "restarted server answers" test "$r" = "$JSON"
stop
check "quiet without -v" test ! -s "$T/log"
$P serve --db "$T/none.db" --port 0 >/dev/null 2>"$T/err"
check "missing store: exit 3" test $? = 3
check "missing store: message" grep -q "no store here" "$T/err"
$P serve --db "$DB" --bind not-an-address --port 0 >/dev/null 2>"$T/err"
check "bad --bind: exit 3" test $? = 3
$P serve --db "$DB" --port 70000 >/dev/null 2>&1
check "bad --port: exit 2" test $? = 2
$P serve --help | grep -q "usage: parallax serve"
check "serve --help" test $? = 0

[ "$fails" = 0 ] || { echo "$fails failed"; exit 1; }
echo "all passed"
