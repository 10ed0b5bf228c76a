#!/bin/sh
# test_cli_polish.sh - the CLI's common behaviour: option errors name the
# program and the command ("parallax CMD: ...") for every command, --html
# creates missing parent directories, and ingest --match leaves an
# outlet's learned boilerplate out of the passages.  Needs no ../shared.
set -u
: "${PX_BIN:?}"
. "$PX_ROOT/tests/cli/checklib.sh"
P=$PX_BIN

# --- option errors, for every command `parallax --help` lists
"$P" --help | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z0-9-]*\) .*/\1/p' >"$T/cmds"
check "commands listed" test -s "$T/cmds"
bad_cmds=""
while read -r cmd; do
    "$P" "$cmd" --no-such-option >/dev/null 2>"$T/err" </dev/null
    rc=$?
    if [ "$rc" != 2 ] || [ "$(head -1 "$T/err")" != "parallax $cmd: unrecognized option '--no-such-option'" ]; then
        bad_cmds="$bad_cmds $cmd(rc=$rc:$(head -1 "$T/err"))"
    fi
done <"$T/cmds"
check "every command: 'parallax CMD: unrecognized option', exit 2${bad_cmds:+ -$bad_cmds}" \
    test -z "$bad_cmds"
first_err() { "$P" "$@" >/dev/null 2>"$T/err" </dev/null; echo "$? $(head -1 "$T/err")"; }
check "missing argument of a long option" \
    test "$(first_err cluster --threshold)" = "2 parallax cluster: option '--threshold' requires an argument"
check "missing argument, abbreviated long option" \
    test "$(first_err stories --lim)" = "2 parallax stories: option '--limit' requires an argument"
check "argument to a flag" \
    test "$(first_err run --json=yes x)" = "2 parallax run: option '--json' doesn't allow an argument"
check "ambiguous abbreviation" \
    test "$(first_err align --co a b)" = "2 parallax align: option '--co' is ambiguous"
check "unknown short option" \
    test "$(first_err dedup -Z)" = "2 parallax dedup: invalid option -- 'Z'"
check "missing argument of a short option" \
    test "$(first_err reuse -m)" = "2 parallax reuse: option requires an argument -- 'm'"
check "usage follows the message" grep -q '^usage: parallax reuse' "$T/err"

# --- --html DIR creates missing parents (mkdir -p)
printf '{"id":"h1","title":"Ferry runs aground off Carrow Island","text":"The ferry Saint Ilvara ran aground off Carrow Island on Tuesday; all 312 people on board were taken off safely, the coastguard said."}\n' \
    >"$T/h.jsonl"
"$P" run --db "$T/h.db" "$T/h.jsonl" >/dev/null 2>&1
"$P" story --db "$T/h.db" --html "$T/a/b/c" h1 2>"$T/err"
check "story --html: missing parents created" test $? = 0 -a "$(ls "$T/a/b/c" | wc -l)" = 1
"$P" stories --db "$T/h.db" --html "$T/x/y/z/" 2>"$T/err"
check "stories --html: missing parents created" test $? = 0 -a -f "$T/x/y/z/index.html"
: >"$T/plain"
"$P" stories --db "$T/h.db" --html "$T/plain/sub" 2>"$T/err"
check "stories --html under a file: exit 3, one message" \
    test $? = 3 -a "$(wc -l <"$T/err")" = 1 -a -n "$(grep 'plain: cannot create directory' "$T/err")"
"$P" story --db "$T/h.db" --html "$T/plain/sub" h1 2>"$T/err"
check "story --html under a file: exit 3, one message" \
    test $? = 3 -a "$(wc -l <"$T/err")" = 1

# --- ingest --match: the outlet's footer is learned boilerplate, not reuse
python3 - "$T" <<'PY'
import json, sys
foot = ("Coastline Daily is independent local news for the northern coast "
        "since 1987, read by thousands of families every single week.")
bodies = [
    "The harbour board approved a new pier for the fishing fleet on Monday after a long debate about the cost of the works.",
    "Heavy rain flooded the coastal road near the lighthouse on Tuesday and the police closed it to traffic for most of the day.",
    "The town library opened a reading room for children on Wednesday, with books donated by the schools of the district.",
    "A local choir won the regional singing contest on Thursday, beating eleven other choirs from across the northern province.",
]
with open(sys.argv[1] + "/cd.jsonl", "w") as f:
    for i, b in enumerate(bodies):
        f.write(json.dumps({"id": "cd%d" % i, "outlet": "Coastline Daily",
                            "text": b + "\n\n" + foot}) + "\n")
with open(sys.argv[1] + "/cd_copy.jsonl", "w") as f:
    f.write(json.dumps({"id": "cd9", "outlet": "Coastline Daily",
                        "text": "Our reporter adds: " + bodies[0] +
                        " The vote was close.\n\n" + foot}) + "\n")
PY
"$P" ingest --db "$T/m.db" --match --json "$T/cd.jsonl" >"$T/m1" 2>"$T/err"
check "ingest --match: exit 0" test $? = 0
check "ingest --match: the shared footer is not a reused passage" \
    sh -c '! grep -q "\"type\":\"passage\"" "$1"' sh "$T/m1"
"$P" ingest --db "$T/m.db" --match --json "$T/cd_copy.jsonl" >"$T/m2" 2>"$T/err"
check "ingest --match: a copied body still is" python3 -c '
import json, sys
ps = [json.loads(l) for l in open(sys.argv[1]) if "\"passage\"" in l]
assert len(ps) == 1 and {ps[0]["a"], ps[0]["b"]} == {"cd0", "cd9"}, ps' "$T/m2"
"$P" reuse --json "$T/cd.jsonl" >"$T/r1" 2>&1
check "reuse on the files (no store, nothing learned) still sees the footer" \
    grep -q '"type":"passage"' "$T/r1"

[ "$fails" = 0 ]
