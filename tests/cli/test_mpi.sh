#!/bin/sh
# test_mpi.sh - parallax-mpi (docs/mpi.md) prints exactly what `parallax
# dedup` prints: on a generated corpus with planted near-duplicates (a
# JSON Lines file split between the ranks by byte ranges, plus .txt files
# dealt to the ranks in turn, plus one malformed line and one repeated id),
# with -np 1, 2 and 3,
# JSON Lines and text, two thresholds; usage errors.  Skips cleanly when
# Open MPI is not installed (it is optional: `make mpi`).
set -u
fail() { echo "FAIL: $*"; exit 1; }
command -v mpirun >/dev/null 2>&1 || { echo "skip: mpirun not installed (apt-get install openmpi-bin libopenmpi-dev)"; exit 0; }
pkg-config --exists ompi-c 2>/dev/null || command -v mpicc >/dev/null 2>&1 ||
    { echo "skip: Open MPI headers not installed (libopenmpi-dev)"; exit 0; }
BUILD=$(dirname "$PX_BIN")
MODE=$(basename "$BUILD")
make -s -C "$PX_ROOT" MODE="$MODE" mpi >/dev/null || fail "make mpi"
MPI_BIN="$BUILD/parallax-mpi"
[ -x "$MPI_BIN" ] || fail "no $MPI_BIN"
T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT
# Open MPI keeps some memory until exit on purpose: no leak report for it.
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"
run() { mpirun --allow-run-as-root --oversubscribe -np "$@"; }

# --- corpus: 400 random documents, every 25th copied with a few words
# changed (and one of those copied twice more: a cluster of four), split
# between a JSON Lines file and .txt files
awk -v dir="$T" 'BEGIN {
    srand(11);
    for (i = 0; i < 3000; i++) {
        w = ""; n = 2 + int(rand() * 6);
        for (j = 0; j < n; j++) w = w sprintf("%c", 97 + int(rand() * 26));
        voc[i] = w;
    }
    for (d = 0; d < 400; d++) {
        n = 120 + int(rand() * 200); t = "";
        for (j = 0; j < n; j++) {
            t = t (j ? " " : "") voc[int(rand() * rand() * 3000)];
            if (j % 17 == 16) t = t ".";
        }
        doc[d] = t;
    }
    for (d = 0; d < 400; d++) {
        if (d % 50 == 0) { print doc[d] > (dir "/t" d ".txt"); continue; }
        printf("{\"id\":\"d%d\",\"text\":\"%s\"}\n", d, doc[d]) > (dir "/corpus.jsonl");
        if (d == 201) print "{\"id\":\"broken\",\"text\":" > (dir "/corpus.jsonl");
    }
    for (d = 0; d < 400; d += 25) {
        for (c = 0; c < (d == 100 ? 3 : 1); c++) {
            split(doc[d], ws, " "); t = "";
            for (j = 1; j in ws; j++)
                t = t (j > 1 ? " " : "") (rand() < 0.01 ? "zz" c : ws[j]);
            printf("{\"id\":\"copy%d_%d\",\"text\":\"%s\"}\n", d, c, t) > (dir "/corpus.jsonl");
        }
    }
    # an id read before (on another rank): skipped, or it would pair with d25
    printf("{\"id\":\"d3\",\"text\":\"%s\"}\n", doc[25]) > (dir "/corpus.jsonl");
}'
set -- "$T/corpus.jsonl" "$T"/t*.txt
"$PX_BIN" dedup --json "$@" >"$T/want.jsonl" 2>"$T/want.err"
[ $? = 1 ] || fail "parallax dedup should exit 1 on the broken line"
grep -q '"type":"pair","a":"copy100_0","b":"t100"' "$T/want.jsonl" || fail "planted pair missing: $(head -3 "$T/want.jsonl")"
grep -q '"type":"cluster".*"copy100_0","copy100_1","copy100_2","t100"' "$T/want.jsonl" || fail "planted cluster missing"
[ "$(grep -c '"type":"pair"' "$T/want.jsonl")" -ge 16 ] || fail "too few planted pairs"
"$PX_BIN" dedup -t 0.5 "$@" >"$T/want.txt" 2>/dev/null

for np in 1 2 3; do
    run "$np" "$MPI_BIN" dedup --json "$@" >"$T/got.jsonl" 2>"$T/got.err"
    rc=$?
    [ "$rc" = 1 ] || fail "-np $np: exit $rc, want 1 (partial): $(cat "$T/got.err")"
    grep -q 'corpus.jsonl:[0-9]*: duplicate id "d3"' "$T/got.err" || fail "-np $np: repeated id not reported"
    [ "$(grep -o 'corpus.jsonl:[0-9]*' "$T/got.err" | sort)" = "$(grep -o 'corpus.jsonl:[0-9]*' "$T/want.err" | sort)" ] ||
        fail "-np $np: error lines differ: $(cat "$T/got.err")"
    diff "$T/want.jsonl" "$T/got.jsonl" >"$T/diff" || fail "-np $np --json differs: $(head "$T/diff")"
    run "$np" "$MPI_BIN" dedup -t 0.5 "$@" >"$T/got.txt" 2>/dev/null
    diff "$T/want.txt" "$T/got.txt" >"$T/diff" || fail "-np $np -t 0.5 differs: $(head "$T/diff")"
done

# --- more ranks than lines (empty byte ranges), and a directory (one
# rank reads it whole)
head -2 "$T/corpus.jsonl" >"$T/two.jsonl"
mkdir "$T/dir" && cp "$T"/t*.txt "$T/dir/"
"$PX_BIN" dedup "$T/two.jsonl" "$T/dir" "$T/two.jsonl" >"$T/want.txt" 2>"$T/want.err"
[ $? = 1 ] || fail "dedup should report the repeated ids of two.jsonl"
run 3 "$MPI_BIN" dedup "$T/two.jsonl" "$T/dir" "$T/two.jsonl" >"$T/got.txt" 2>"$T/got.err"
[ $? = 1 ] || fail "-np 3 small inputs: exit, want 1"
diff "$T/want.txt" "$T/got.txt" >/dev/null || fail "-np 3 small inputs differ"
[ "$(grep -c 'duplicate id' "$T/got.err")" = 2 ] || fail "-np 3: repeated ids: $(cat "$T/got.err")"

# --- a band bucket over 1000 documents links each to its first only
head -1 "$T/corpus.jsonl" | awk '{ for (i = 0; i < 1100; i++) { s = $0; sub(/"id":"[^"]*"/, "\"id\":\"s" i "\"", s); print s } }' >"$T/star.jsonl"
"$PX_BIN" dedup --json "$T/star.jsonl" >"$T/want.jsonl" || fail "dedup star"
[ "$(grep -c '"type":"pair","a":"s0"' "$T/want.jsonl")" = 1099 ] || fail "star pairs: $(head -3 "$T/want.jsonl")"
run 2 "$MPI_BIN" dedup --json "$T/star.jsonl" >"$T/got.jsonl" || fail "mpi star"
diff "$T/want.jsonl" "$T/got.jsonl" >/dev/null || fail "-np 2 star bucket differs"

# --- usage: exit 2, nothing on stdout
for args in "dedup" "dedup -" "dedup --bands 3 $T/corpus.jsonl" \
            "dedup -t 2 $T/corpus.jsonl" "reuse $T/corpus.jsonl" "nosuch"; do
    # shellcheck disable=SC2086
    out=$(run 2 "$MPI_BIN" $args 2>/dev/null)
    rc=$?
    [ "$rc" = 2 ] || fail "'$args': exit $rc, want 2"
    [ -z "$out" ] || fail "'$args': output on stdout"
done
run 1 "$MPI_BIN" dedup --help | grep -q "usage: mpirun" || fail "--help"
echo "ok: parallax-mpi equals parallax dedup with -np 1, 2, 3"
