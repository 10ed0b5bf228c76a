#!/bin/sh
# test_extract.sh - `parallax extract` end to end: text and JSON output,
# --explain, stdin, gzip'ed pages, WARC files (plain, gzip, damaged), and
# hostile input: malformed markup, 100k nested tags, a 200 MB page.
set -eu
PX=${PX_BIN:?}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat > "$T/a.html" <<'HTML'
<html lang="en"><head><title>Bridge reopens | Gazette</title>
<meta property="og:site_name" content="Gazette">
<meta name="author" content="Sam Poe"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bridge reopens</h1>
<p>The old bridge reopened on Saturday, three years after the flood, the mayor said.</p>
<div class="share-tools"><a href="#">Share on social media, tweet, like, and more</a></div>
<p>Traffic was light, but officials expect, by Monday, the usual queues.</p>
</article><footer><p>Gazette, 1 Main St, all rights reserved, since 1901.</p></footer>
</body></html>
HTML
gzip -c "$T/a.html" > "$T/b.html.gz"

out=$("$PX" extract "$T/a.html")
echo "$out" | grep -q "^# Bridge reopens$" || fail "title line"
echo "$out" | grep -q "The old bridge reopened" || fail "body"
echo "$out" | grep -q "Share on social" && fail "share block kept"
echo "$out" | grep -q "all rights reserved" && fail "footer kept"

n=$("$PX" extract --json "$T/a.html" "$T/b.html.gz" | wc -l)
[ "$n" = 2 ] || fail "--json: one line per page (got $n)"
"$PX" extract --json "$T/b.html.gz" | python3 -c '
import json, sys
o = json.loads(sys.stdin.readline())
assert list(o) == ["file","url","title","byline","published","outlet","lang","text"], list(o)
assert o["title"] == "Bridge reopens" and o["outlet"] == "Gazette", o
assert o["byline"] == "Sam Poe" and o["lang"] == "en", o
assert "\n\nTraffic was light" in o["text"], o["text"]
' || fail "--json fields"
"$PX" extract --json - < "$T/b.html.gz" | grep -q '"file":"-"' || fail "stdin"

"$PX" extract --explain "$T/a.html" > "$T/explain"
grep -q "^keep	p	main content	The old bridge" "$T/explain" || fail "explain keep"
grep -q "^drop	div.share-tools	class/id cue 'share'" "$T/explain" || fail "explain drop"

"$PX" extract --help | grep -q "usage: parallax extract" || fail "--help"
set +e
"$PX" extract --bogus >/dev/null 2>&1; [ $? = 2 ] || fail "usage exit"
"$PX" extract "$T/missing.html" 2>"$T/err"; [ $? = 3 ] || fail "missing file"
grep -q "missing.html" "$T/err" || fail "missing file message"
set -e

# malformed markup and deep nesting: output, no crash
printf '<div><p>unclosed <b>bold <table><td>cell</p></div></span></i>&bogus;<' \
    > "$T/bad.html"
"$PX" extract --json "$T/bad.html" >/dev/null || fail "malformed"
python3 -c 'print("<div>" * 100000 + "<p>Deep, deep down, the text waits.</p>")' \
    > "$T/deep.html"
"$PX" extract "$T/deep.html" | grep -q "Deep, deep down" || fail "100k nesting"

# a 200 MB page: refused at the 64 MiB cap with a clear message, quickly
set +e
yes '<p>filler text, filler text, filler text.</p>' | head -c 200000000 \
    | "$PX" extract - 2>"$T/err" >/dev/null
rc=$?
set -e
[ "$rc" = 3 ] || fail "200 MB page exit $rc"
grep -q "exceeds the 64 MiB HTML cap" "$T/err" || fail "200 MB page message"

# WARC: two records, the second gzip member cut in half
rec() { # uri body
    http=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n%s' "$2")
    len=$(printf '%s' "$http" | wc -c)
    printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n' "$1"
    printf 'WARC-Date: 2024-01-01T00:00:00Z\r\n'
    printf 'Content-Type: application/http; msgtype=response\r\n'
    printf 'Content-Length: %s\r\n\r\n%s\r\n\r\n' "$len" "$http"
}
rec http://x.example/1 '<p>First record, with a body, long enough to keep.</p>' > "$T/r1"
rec http://x.example/2 '<p>Second record, with a body, long enough to keep.</p>' > "$T/r2"
cat "$T/r1" "$T/r2" > "$T/a.warc"
"$PX" extract --json "$T/a.warc" > "$T/out"
[ "$(wc -l < "$T/out")" = 2 ] || fail "plain warc"
grep -q '"url":"http://x.example/2"' "$T/out" || fail "warc url"
grep -q '"published":"2024-01-01T00:00:00Z"' "$T/out" || fail "warc date"

gzip -c "$T/r1" > "$T/b.warc.gz"
gzip -c "$T/r2" > "$T/r2.gz"
head -c $(( $(wc -c < "$T/r2.gz") / 2 )) "$T/r2.gz" >> "$T/b.warc.gz"
set +e
"$PX" extract --json "$T/b.warc.gz" > "$T/out" 2> "$T/err"
rc=$?
set -e
[ "$rc" = 1 ] || fail "truncated gzip member: exit $rc"
grep -q "First record" "$T/out" || fail "record before the damage lost"
grep -q "truncated gzip member" "$T/err" || fail "truncated member message"

# a Content-Length that lies (500 bytes too long)
sed '0,/Content-Length: [0-9]*/s//Content-Length: 900/' "$T/r1" > "$T/c.warc"
cat "$T/r2" >> "$T/c.warc"
set +e
"$PX" extract --json "$T/c.warc" > "$T/out" 2> "$T/err"
rc=$?
set -e
[ "$rc" = 1 ] || fail "lying length: exit $rc"
[ "$(wc -l < "$T/out")" = 2 ] || fail "lying length: both records"
grep -q "c.warc: record at byte 0: Content-Length overstates" "$T/err" \
    || fail "lying length message"
# the readers: a directory of .html.gz pages and WARC files, as any input
mkdir "$T/web"
cp "$T/b.html.gz" "$T/web/page.html.gz"
cp "$T/a.warc" "$T/web/crawl.warc"
gzip -c "$T/r1" > "$T/web/more.warc.gz"
n=$("$PX" extract --json "$T/web" | wc -l)
[ "$n" = 4 ] || fail "extract DIR: 4 pages expected, got $n"
set +e
"$PX" ingest --db "$T/db" "$T/web" 2> "$T/err"
rc=$?
set -e
"$PX" list --db "$T/db" > "$T/list"
grep -q "^page	.*	Gazette	Bridge reopens" "$T/list" || fail "ingest .html.gz"
grep -q "^crawl@0	2024-01-01T00:00:00Z	x.example" "$T/list" || fail "ingest warc"
grep -q "^crawl@" "$T/list" && [ "$(grep -c '^crawl@' "$T/list")" = 2 ] \
    || fail "ingest warc: both records"
"$PX" run --db "$T/rdb" "$T/web" >/dev/null 2>&1 || fail "run on pages and WARC"
[ "$("$PX" list --db "$T/rdb" | wc -l)" = 3 ] || fail "run: 3 articles stored (one repeat)"
echo "ok"
