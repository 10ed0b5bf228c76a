# checklib.sh - sourced by CLI tests: a temp dir $T removed on exit, and
# check NAME COMMAND... printing ok/FAIL and counting failures in $fails.
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
check() { # check NAME CONDITION-COMMAND...
    name=$1; shift
    if "$@"; then echo "ok   $name"; else echo "FAIL $name"; fails=$((fails + 1)); fi
}
