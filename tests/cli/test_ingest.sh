#!/bin/sh
# test_ingest.sh - `parallax ingest` on bad input: one case per kind of
# problem.  Each case puts one good JSON Lines file and one bad input in a
# directory, ingests both, and checks: the message names file:line (or the
# file, for whole-file problems) and what is wrong, the good articles are
# stored anyway, the exit code is 1 (partial failure).
set -u
: "${PX_BIN:?}"
T=$(mktemp -d)
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
fails=0
n=0

# case NAME PATTERN: ingest $T/NAME (prepared by the caller) plus good.jsonl
case_run() {
    name=$1 pattern=$2 want_stored=${3:-2}
    n=$((n + 1))
    d="$T/$name"
    printf '{"id":"g1-%s","text":"First good article."}\n{"id":"g2-%s","text":"Second good article."}\n' \
        "$name" "$name" >"$d/good.jsonl"
    "$PX_BIN" ingest --db "$d.db" "$d" >"$d.out" 2>"$d.err"
    rc=$?
    stored=$("$PX_BIN" list --db "$d.db" | grep -c "^g[12]-$name")
    if [ "$rc" != 1 ]; then echo "FAIL $name: exit $rc, want 1"; fails=$((fails + 1))
    elif ! grep -q -- "$pattern" "$d.err"; then
        echo "FAIL $name: no message matching '$pattern':"; cat "$d.err"; fails=$((fails + 1))
    elif [ "$stored" != "$want_stored" ]; then
        echo "FAIL $name: $stored good articles stored, want $want_stored"; fails=$((fails + 1))
    else echo "ok   $name: $(head -1 "$d.err")"; fi
}
mk() { mkdir -p "$T/$1"; }

mk empty; : >"$T/empty/empty.txt"
case_run empty "empty/empty.txt: empty file"

mk binary; printf 'line one\nab\000cd\n' >"$T/binary/bin.txt"
case_run binary "binary/bin.txt:2: binary data"

mk utf8
printf '{"id":"u1","text":"fine"}\n{"id":"u2","text":"bad \377 byte"}\n' >"$T/utf8/u.jsonl"
case_run utf8 "utf8/u.jsonl:2: invalid UTF-8"
"$PX_BIN" list --db "$T/utf8.db" | grep -q '^u1' || { echo "FAIL utf8: u1 not stored"; fails=$((fails + 1)); }

mk huge
{ printf '{"id":"h1","text":"before"}\n{"id":"h2","text":"'
  head -c 100000000 /dev/zero | tr '\000' x
  printf '"}\n{"id":"h3","text":"after"}\n'; } >"$T/huge/h.jsonl"
case_run huge "huge/h.jsonl:2: line longer than the 33554432-byte cap"
[ "$("$PX_BIN" list --db "$T/huge.db" | grep -c '^h[13]')" = 2 ] ||
    { echo "FAIL huge: lines around the huge one not stored"; fails=$((fails + 1)); }
rm -f "$T/huge/h.jsonl"

mk malformed; printf '{"id":"m1","text":"ok"}\n{"id": x}\n' >"$T/malformed/m.jsonl"
case_run malformed "malformed/m.jsonl:2: malformed JSON"

mk truncated
printf '{"id":"t1","text":"ok"}\n{"id":"t2","text":"ok too"}\n{"id":"t3","text":"cut o' >"$T/truncated/t.jsonl"
case_run truncated "truncated/t.jsonl:3: truncated JSON"

mk notext; printf '{"id":"n1","text":"ok"}\n{"id":"n2","title":"no body"}\n' >"$T/notext/n.jsonl"
case_run notext 'notext/n.jsonl:2: missing "text"'

mk dupid; printf '{"id":"d1","text":"one"}\n{"id":"d2","text":"two"}\n{"id":"d1","text":"three"}\n' >"$T/dupid/d.jsonl"
case_run dupid 'dupid/d.jsonl:3: duplicate id "d1" (first read at .*d.jsonl:1)'

# unreadable: a path that does not exist, and (unless root) a mode-000 file
mk unreadable
n=$((n + 1))
printf '{"id":"r1","text":"readable"}\n' >"$T/unreadable/ok.jsonl"
"$PX_BIN" ingest --db "$T/unr.db" "$T/unreadable/nope.jsonl" "$T/unreadable/ok.jsonl" \
    2>"$T/unr.err"
rc=$?
if [ "$rc" = 1 ] && grep -q "unreadable/nope.jsonl: No such file or directory" "$T/unr.err" &&
    "$PX_BIN" list --db "$T/unr.db" | grep -q '^r1'; then echo "ok   unreadable (missing)"
else echo "FAIL unreadable (missing): exit $rc"; cat "$T/unr.err"; fails=$((fails + 1)); fi
if [ "$(id -u)" != 0 ]; then
    printf '{"id":"r2","text":"secret"}\n' >"$T/unreadable/locked.jsonl"
    chmod 000 "$T/unreadable/locked.jsonl"
    case_run unreadable "unreadable/locked.jsonl: Permission denied" 2
else echo "skip unreadable (mode 000): running as root"; fi

# the same inputs again: nothing new, same problems, exit 1 still
"$PX_BIN" ingest --db "$T/dupid.db" "$T/dupid" 2>/dev/null
[ $? = 1 ] || { echo "FAIL rerun exit"; fails=$((fails + 1)); }
[ "$("$PX_BIN" list --db "$T/dupid.db" | wc -l)" = 4 ] ||
    { echo "FAIL rerun count"; fails=$((fails + 1)); }

echo "$n cases, $fails failed"
[ "$fails" = 0 ]
