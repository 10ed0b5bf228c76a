#!/bin/sh
# test_clean.sh - `parallax clean` end to end: the bundled example, the
# acceptance case on the Reuters seed (when ../shared is present), the
# --explain / --json contracts (offsets point at the original bytes), and
# usage errors.
set -eu
P=${PX_BIN:?}
ROOT=${PX_ROOT:?}
SHARED=${PX_SHARED:-$ROOT/../shared}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# check_json FILE: every removed span of `clean --json FILE` holds exactly
# the reported text in the original file; prints "reason:text" lines and
# "meta key=value" lines for the caller to grep.
check_json() {
    "$P" clean --json "$1" >"$T/out.json" || fail "clean --json $1"
    python3 - "$1" "$T/out.json" <<'PY'
import json, sys
orig = open(sys.argv[1], 'rb').read()
for line in open(sys.argv[2], encoding='utf-8'):
    o = json.loads(line)
    assert set(o) >= {'id', 'clean', 'removed', 'meta'}, o.keys()
    last = 0
    for r in o['removed']:
        s, e = r['span']
        assert last <= s < e <= len(orig), (last, s, e)
        got = orig[s:e].decode('utf-8')
        assert got == r['text'], (got, r['text'])
        last = e
        print('%s:%s' % (r['reason'], r['text'].replace('\n', '\\n')))
    for k, v in sorted(o['meta'].items()):
        print('meta %s=%s' % (k, v))
PY
}

# --- the bundled example (fiction), always present
W="$ROOT/examples/txt/ilvara-wire.txt"
TITLE="Ferry Runs Aground Off Carrow Island, All 312 on Board Evacuated"
"$P" clean "$W" >"$T/clean.txt"
[ "$(grep -c -F "$TITLE" "$T/clean.txt")" = 1 ] || fail "example: title not once"
grep -q 'Реклама' "$T/clean.txt" && fail "example: UI label kept"
grep -q '^Kestrel Wire' "$T/clean.txt" && fail "example: credit line kept"
grep -q '^A passenger ferry carrying 312 people ran aground' "$T/clean.txt" ||
    fail "example: dateline not removed or first sentence damaged"
check_json "$W" >"$T/rm.txt"
[ "$(grep -c '^title-repeat:' "$T/rm.txt")" = 2 ] || fail "example: title repeats"
grep -qx 'ui-label:Реклама' "$T/rm.txt" || fail "example: ui-label"
grep -qx 'credit:Kestrel Wire\\n' "$T/rm.txt" || fail "example: credit"
grep -qx 'meta wire=Kestrel Wire' "$T/rm.txt" || fail "example: wire meta"
grep -qx 'meta dateline=VELMORA, Valdoria' "$T/rm.txt" || fail "example: dateline"
check_json "$ROOT/examples/txt/ilvara-coastline.txt" >"$T/rm2.txt"
grep -qx 'meta outlet=Coastline Daily' "$T/rm2.txt" || fail "example: self-reference"
grep -q '^share:Follow Coastline Daily' "$T/rm2.txt" || fail "example: share line"
grep -q 'Coastline Daily reports that' "$ROOT/examples/txt/ilvara-coastline.txt"
"$P" clean "$ROOT/examples/txt/ilvara-coastline.txt" |
    grep -q '^Coastline Daily reports that coast guard' ||
    fail "example: self-reference sentence removed"

# --explain: "[start,end) reason (detail): text" with original offsets
"$P" clean --explain "$W" >"$T/explain.txt"
grep -q '^\[[0-9]*,[0-9]*) ui-label (.*): Реклама$' "$T/explain.txt" ||
    fail "explain: ui-label line"
grep -qx 'meta wire: Kestrel Wire' "$T/explain.txt" || fail "explain: meta"
line=$(grep ' ui-label ' "$T/explain.txt")
s=${line#[}; s=${s%%,*}; e=${line#*,}; e=${e%%)*}
[ "$(tail -c +$((s + 1)) "$W" | head -c $((e - s)))" = "Реклама" ] ||
    fail "explain: offsets do not point at the label"

# --learn on the JSON Lines example: the Coastline footer recurs in its 3
# articles and is removed from each; nothing of the other outlets is
"$P" clean --learn --json "$ROOT/examples/articles.jsonl" >"$T/learn.json"
[ "$(grep -o '"reason":"recurring"' "$T/learn.json" | wc -l)" = 3 ] ||
    fail "--learn: recurring footer not removed 3 times"
"$P" clean --json "$ROOT/examples/articles.jsonl" | grep -q '"recurring"' &&
    fail "recurring lines removed without --learn"

# --- usage and bad input
"$P" clean --help | grep -q '^usage: parallax clean' || fail "--help"
set +e
"$P" clean --bogus "$W" >/dev/null 2>&1; [ $? = 2 ] || fail "bad option exit"
"$P" clean "$T/missing.txt" >/dev/null 2>"$T/err"; rc=$?
set -e
[ $rc != 0 ] || fail "missing file: exit 0"
grep -q 'missing.txt' "$T/err" || fail "missing file: not named"

# --- acceptance on the seeds (skipped when ../shared is absent)
R="$SHARED/seeds/000_db9f598bcc720c5d.txt"
M="$SHARED/seeds/002_2fef65d93e5c9bc7.txt"
[ -f "$R" ] && [ -f "$M" ] || { echo "skip: $SHARED/seeds absent"; exit 0; }
RT="Witkoff and Kushner Meet Putin in Moscow to Discuss Ending the War in Ukraine"
"$P" clean "$R" >"$T/r.txt"
[ "$(grep -c -F "$RT" "$T/r.txt")" = 1 ] || fail "seed: title not once"
grep -q 'اضافة اعلان' "$T/r.txt" && fail "seed: Arabic label kept"
grep -q 'since World War II\.$' "$T/r.txt" || fail "seed: first paragraph damaged"
# every paragraph of the original but the debris is in the output intact
grep -v -F -e "$RT" -e 'اضافة اعلان' "$R" | grep -v -x -e '' -e Reuters |
while IFS= read -r para; do
    grep -q -x -F -e "$para" "$T/r.txt" || fail "seed: paragraph lost: $para"
done
# --explain on the seed: each removal line's offsets hold its bytes
"$P" clean --explain "$R" >"$T/rx.txt"
[ "$(grep -c '^\[' "$T/rx.txt")" = 4 ] || fail "seed: explain lines"
grep -qx 'meta wire: Reuters' "$T/rx.txt" || fail "seed: explain meta"
grep '^\[' "$T/rx.txt" | while IFS= read -r line; do
    s=${line#[}; s=${s%%,*}; e=${line#*,}; e=${e%%)*}
    want=${line#*): }; want=$(printf '%s' "$want" | sed 's/\\n$//')
    got=$(tail -c +$((s + 1)) "$R" | head -c $((e - s)))
    [ "$got" = "$want" ] || fail "seed: explain [$s,$e) is '$got' not '$want'"
done
check_json "$R" >"$T/rr.txt"
cat >"$T/want.txt" <<WANT
title-repeat:$RT\\n
title-repeat:$RT\\n
ui-label:اضافة اعلان
credit:Reuters
meta title=$RT
meta wire=Reuters
WANT
diff "$T/want.txt" "$T/rr.txt" || fail "seed: removals/meta differ"
check_json "$M" >"$T/mm.txt"
[ "$(cat "$T/mm.txt")" = "meta outlet=Modern.az" ] || fail "Modern.az: $(cat "$T/mm.txt")"
"$P" clean "$M" >"$T/m.txt"
{ cat "$M"; [ -z "$(tail -c 1 "$M")" ] || echo; } | cmp -s - "$T/m.txt" ||
    fail "Modern.az: text changed"
echo "ok"
