#!/bin/sh
# test_man.sh - keeps the manual honest.  For every command that
# `parallax --help` lists: docs/parallax-<cmd>.1 exists, every long option
# that `parallax <cmd> --help` prints appears in it (--help itself is common
# to all commands and documented in parallax(1)), parallax(1) refers to
# the page in SEE ALSO, and no page is left for a command that is gone.  Every page renders without a warning from
# `groff -man -ww -z` (skipped when groff is absent).  Needs no ../shared.
set -eu
BIN=${PX_BIN:?}
ROOT=${PX_ROOT:?}
DOCS="$ROOT/docs"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
bad() { echo "test_man: $*"; fail=1; }

# The commands: the indented "  name  summary" lines after "commands:".
"$BIN" --help | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z0-9-]*\) .*/\1/p' \
    >"$TMP/cmds"
[ -s "$TMP/cmds" ] || { echo "test_man: no commands in parallax --help"; exit 1; }

# A page's text with roff escapes undone: \- and \(hy are '-', font
# changes dropped, so "\fB\-\-max\-bytes\fR" reads "--max-bytes".
page_text() {
    sed -e 's/\\-/-/g' -e 's/\\(hy/-/g' -e 's/\\f[BIRP]//g' \
        -e 's/\\f(..//g' "$1"
}

n=0
nopts=0
while read -r cmd; do
    n=$((n + 1))
    page="$DOCS/parallax-$cmd.1"
    if [ ! -f "$page" ]; then
        bad "docs/parallax-$cmd.1 is missing"
        continue
    fi
    page_text "$page" >"$TMP/page"
    grep -q "^\.SH NAME" "$page" || bad "parallax-$cmd.1: no NAME section"
    grep -q "^parallax-$cmd " "$TMP/page" || bad "parallax-$cmd.1: NAME is not parallax-$cmd"
    "$BIN" "$cmd" --help >"$TMP/help" 2>&1 ||
        bad "parallax $cmd --help exits non-zero"
    # Long options: "--name" at the start of a word in the help text.
    grep -oE '(^|[^A-Za-z0-9_-])--[a-z][a-z0-9-]*' "$TMP/help" |
        sed 's/^[^-]*//' | sort -u >"$TMP/opts"
    [ -s "$TMP/opts" ] || bad "parallax $cmd --help prints no long option"
    while read -r opt; do
        [ "$opt" = --help ] && continue
        nopts=$((nopts + 1))
        grep -qE -- "(^|[^A-Za-z0-9_-])$opt([^a-z0-9-]|\$)" "$TMP/page" ||
            bad "parallax-$cmd.1 does not document $opt (printed by 'parallax $cmd --help')"
    done <"$TMP/opts"
    page_text "$DOCS/parallax.1" | grep -q "^\.BR parallax-$cmd (1)" ||
        bad "parallax.1 SEE ALSO does not list parallax-$cmd(1)"
done <"$TMP/cmds"
# Guards against an extraction that silently finds nothing.
[ "$n" -ge 10 ] || bad "only $n commands found in parallax --help"
[ "$nopts" -ge 3 ] && [ "$nopts" -ge "$n" ] || bad "only $nopts options checked"

# No stale page: every docs/parallax-<cmd>.1 names a command of --help.
for page in "$DOCS"/parallax-*.1; do
    cmd=${page##*/parallax-}
    grep -qx "${cmd%.1}" "$TMP/cmds" || bad "$page: no such command '${cmd%.1}'"
done

# Rendering: no groff warning on any page.
if command -v groff >/dev/null 2>&1; then
    for page in "$DOCS"/parallax.1 "$DOCS"/parallax-*.1; do
        groff -man -ww -z "$page" >"$TMP/warn" 2>&1 || bad "$page: groff failed"
        [ ! -s "$TMP/warn" ] || { bad "$page: groff warnings:"; cat "$TMP/warn"; }
    done
else
    echo "test_man: groff absent, rendering check skipped"
fi

[ "$fail" = 0 ] || exit 1
echo "test_man: $n commands, $nopts options, all documented"
