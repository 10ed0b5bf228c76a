#!/bin/sh
# test_bad_input.sh - the commands on bad input: malformed JSON lines,
# invalid UTF-8, empty and binary files, duplicate ids; each bad input is
# named (file and line and what is wrong), the rest is processed, the exit
# is 1, and the store passes PRAGMA integrity_check.  Then number options
# that used to be misread: "abc" as 0, "nan" let through, "-1" and
# overflowing counts read as the largest number, "1.5" or "1e2" as a
# count; and a binary file given to `extract`.  Needs no ../shared.
set -u
: "${PX_BIN:?}"
. "$PX_ROOT/tests/cli/checklib.sh"
P=$PX_BIN

# --- inputs
cat >"$T/good.jsonl" <<'EOF'
{"id":"g1","text":"The ferry Saint Ilvara ran aground near Carrow on Tuesday and 312 people were evacuated, the coast guard said."}
{"id":"g2","text":"The ferry Saint Ilvara ran aground near Carrow on Tuesday; about 300 people were evacuated, officials said."}
EOF
{
    echo '{"id":"m1","text":"The council voted on the budget on Monday after a long debate about schools."}'
    echo '{"id":"m2","text":"unterminated'
    echo 'not json at all'
    echo '{"id":"m3"}'
    echo '["an", "array"]'
    echo '{"id":"g1","text":"same id as in good.jsonl, other text"}'
    printf '{"id":"m4","text":"bad \377\376 bytes"}\n'
    echo '{"id":"m5","text":"The mayor said the new bridge will open in May, two months late."}'
} >"$T/bad.jsonl"
printf 'Plain text \377\376 with invalid UTF-8 \355\240\200 in it.\n' >"$T/utf8.txt"
: >"$T/empty.txt"
head -c 20000 "$P" >"$T/binary.txt" # an executable: NUL bytes
# named in this order, so g1 of good.jsonl comes first and bad.jsonl's is
# the duplicate
ins="$T/good.jsonl $T/bad.jsonl $T/utf8.txt $T/empty.txt $T/binary.txt"

integrity() { # integrity DB: PRAGMA integrity_check says ok
    python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
sys.exit(db.execute("PRAGMA integrity_check").fetchone()[0] != "ok")' "$1"
}
# every problem named with file and line
named() {
    grep -q "bad.jsonl:2: truncated JSON" "$1" &&
        grep -q "bad.jsonl:3: malformed JSON" "$1" &&
        grep -q 'bad.jsonl:4: missing "text"' "$1" &&
        grep -q "bad.jsonl:5: not a JSON object" "$1" &&
        grep -q 'bad.jsonl:6: duplicate id "g1"' "$1" &&
        grep -q "bad.jsonl:7: invalid UTF-8" "$1" &&
        grep -q "empty.txt: empty file" "$1" &&
        grep -q "binary.txt:1: binary data" "$1"
}

# shellcheck disable=SC2086 # $ins is a list of paths
"$P" ingest --db "$T/i.db" $ins >/dev/null 2>"$T/err"
rc=$?
check "ingest: exit 1 on partial failure (rc=$rc)" test "$rc" = 1
check "ingest: every problem named by file and line" named "$T/err"
"$P" list --db "$T/i.db" | cut -f1 | sort >"$T/ids"
check "ingest: the good articles stored (g1 g2 m1 m5 utf8)" \
    test "$(tr '\n' ' ' <"$T/ids")" = "g1 g2 m1 m5 utf8 "
check "ingest: store intact" integrity "$T/i.db"

for cmd in dedup cluster compare; do
    # shellcheck disable=SC2086
    "$P" $cmd --json $ins >"$T/out" 2>"$T/err"
    rc=$?
    check "$cmd: exit 1 on partial failure (rc=$rc)" test "$rc" = 1
    check "$cmd: every problem named by file and line" named "$T/err"
done
check "cluster: the five good articles placed" \
    test "$("$P" cluster --json $ins 2>/dev/null | grep -c '"story"')" = 5

# shellcheck disable=SC2086
"$P" run --db "$T/r.db" $ins >/dev/null 2>"$T/err"
rc=$?
check "run: exit 1 on partial failure (rc=$rc)" test "$rc" = 1
check "run: every problem named by file and line" named "$T/err"
check "run: store intact" integrity "$T/r.db"
check "run: five articles stored" \
    test "$("$P" list --db "$T/r.db" | wc -l)" = 5
# the same id with another text, against the store
echo '{"id":"m1","text":"A wholly different text under an id already stored."}' >"$T/conflict.jsonl"
"$P" run --db "$T/r.db" "$T/conflict.jsonl" "$T/good.jsonl" >/dev/null 2>"$T/err"
rc=$?
check "run: an id stored with another text is named, exit 1 (rc=$rc)" \
    sh -c "[ $rc = 1 ] && grep -q 'conflict.jsonl:1: id m1 already stored' '$T/err'"
check "run: store intact after the conflict" integrity "$T/r.db"

# --- extract: a binary file is refused, not printed as a page
printf '<html><head><title>Ferry</title></head><body><p>%s</p></body></html>\n' \
    "The ferry ran aground near Carrow on Tuesday, the coast guard said." >"$T/page.html"
"$P" extract "$T/binary.txt" "$T/page.html" >"$T/out" 2>"$T/err"
rc=$?
check "extract: binary file refused and named, page kept, exit 1 (rc=$rc)" \
    sh -c "[ $rc = 1 ] && grep -q 'binary.txt: binary data, not HTML' '$T/err' &&
           [ \$(grep -c '^file: ' '$T/out') = 1 ] && grep -q 'ran aground' '$T/out'"
"$P" extract "$T/binary.txt" >"$T/out" 2>"$T/err"
check "extract: only a binary file: nothing printed, exit 3" \
    sh -c "[ $? = 3 ] && [ ! -s '$T/out' ]"

# --- number options: refused with a message naming the option, exit 2
first_err() { "$P" "$@" >/dev/null 2>"$T/err" </dev/null; echo "$? $(head -1 "$T/err")"; }
a="$T/good.jsonl"
check "compare --threshold nan" test "$(first_err compare --threshold nan "$a")" = \
    "2 parallax compare: --threshold wants a number in 0..1, not 'nan'"
check "align --threshold nan" test "$(first_err align --threshold nan "$a")" = \
    "2 parallax align: --threshold wants a number in 0..1, not 'nan'"
check "align --threshold abc" test "$(first_err align --threshold abc "$a")" = \
    "2 parallax align: --threshold wants a number in 0..1, not 'abc'"
check "align --columns=abc" test "$(first_err align --columns=abc "$a")" = \
    "2 parallax align: --columns wants a width from 40 to 1000, not 'abc'"
check "align --columns=99999999999" \
    test "$(first_err align --columns=99999999999 "$a")" = \
    "2 parallax align: --columns wants a width from 40 to 1000, not '99999999999'"
check "align --columns=100 still fine" \
    sh -c "'$P' align --columns=100 --color=never '$a' >/dev/null"
check "stories --limit -1" test "$(first_err stories --db "$T/r.db" --limit -1)" = \
    "2 parallax stories: --limit: want a number from 1 to 1000000"
check "ingest --batch 0" test "$(first_err ingest --db "$T/n.db" --batch 0 "$a")" = \
    "2 parallax ingest: --batch wants a positive whole number, not '0'"
check "ingest --max-bytes abc" \
    test "$(first_err ingest --db "$T/n.db" --max-bytes abc "$a")" = \
    "2 parallax ingest: --max-bytes wants a positive whole number, not 'abc'"
check "ingest --batch 99999999999999999999 (overflow)" \
    test "$(first_err ingest --db "$T/n.db" --batch 99999999999999999999 "$a")" = \
    "2 parallax ingest: --batch wants a positive whole number, not '99999999999999999999'"
check "ingest: no store created by a usage error" test ! -e "$T/n.db"
check "dedup --bands x names --bands" test "$(first_err dedup --bands x "$a")" = \
    "2 parallax dedup: invalid value for --bands: 'x'"
check "reuse --max-gap x names --max-gap" test "$(first_err reuse --max-gap x "$a")" = \
    "2 parallax reuse: invalid value for --max-gap: 'x'"
# cluster and run say which threshold they were given, too
for cv in cluster:0 run:nan; do
    c=${cv%%:*} v=${cv#*:}
    check "$c --threshold $v" \
        test "$(first_err "$c" --db "$T/n.db" --threshold "$v" "$a")" = \
        "2 parallax $c: --threshold wants a number in (0, 1], not '$v'"
done
# whole-number options (cli_uint): digits only, so no sign, fraction or
# exponent, and the message names the option and the value
for v in abc -1 1.5; do
    check "run --batch $v" \
        test "$(first_err run --db "$T/n.db" --batch "$v" "$a")" = \
        "2 parallax run: --batch wants a whole number from 1 to 1000000, not '$v'"
done
check "run, cluster: no store created by a usage error" test ! -e "$T/n.db"
for ov in port:99999 port:-1 threads:1.5 threads:0; do # 0 threads: was
    o=${ov%%:*} v=${ov#*:} range="0 to 65535"      # refused silently
    [ "$o" = threads ] && range="1 to 64"
    check "serve --$o $v" test "$(first_err serve --db "$T/r.db" "--$o" "$v")" = \
        "2 parallax serve: --$o wants a whole number from $range, not '$v'"
done
for cov in dedup:threads:1.5 dedup:num-perm:1e2 reuse:window:2.5; do
    c=${cov%%:*} ov=${cov#*:} # were read as 1, 100 and 2
    o=${ov%%:*} v=${ov#*:}
    check "$c --$o $v" test "$(first_err "$c" "--$o" "$v" "$a")" = \
        "2 parallax $c: invalid value for --$o: '$v'"
done
check "align --columns=80.5 (was read as 80)" \
    test "$(first_err align --columns=80.5 "$a")" = \
    "2 parallax align: --columns wants a width from 40 to 1000, not '80.5'"
check "ingest --batch +5 (a sign is not a digit)" \
    test "$(first_err ingest --db "$T/n.db" --batch +5 "$a")" = \
    "2 parallax ingest: --batch wants a positive whole number, not '+5'"

[ "$fails" = 0 ]
