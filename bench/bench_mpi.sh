#!/bin/sh
# bench_mpi.sh - parallax-mpi (docs/mpi.md) against `parallax dedup` on the
# seeded synthetic corpus of the dedup benchmark (bench/dedup_reuse.c gen:
# 300-500-word documents, 5% planted near-duplicates), one JSON Lines file:
# documents per wall second for `parallax dedup -j 1`, `-j 2`, and
# parallax-mpi with -np 1 and 2 (one thread per rank), best of 3; the MPI
# outputs are checked byte-identical to the single-machine one.
#   PX_BENCH_DOCS   documents (default 20000)
# Skips when Open MPI is not installed (optional: make mpi).
set -eu
B="${PX_BUILD:-build/release}"
H="$B/bench/dedup_reuse"
N=${PX_BENCH_DOCS:-20000}
command -v mpirun >/dev/null 2>&1 || { echo "skip: mpirun not installed"; exit 0; }
[ -x "$H" ] || { echo "bench_mpi: build $H first (make bench)"; exit 1; }
make -s MODE="$(basename "$B")" mpi >/dev/null
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$H" gen "$N" "$T" >/dev/null
C="$T/corpus.jsonl"
MB=$(du -m "$C" | cut -f1)

# best wall seconds of 3 runs of "$@" (output to $T/out)
best() {
    b=""
    for _ in 1 2 3; do
        s=$(date +%s.%N)
        "$@" >"$T/out" 2>/dev/null || [ $? = 1 ]
        e=$(date +%s.%N)
        b=$(echo "$s $e ${b:-1e9}" | awk '{t = $2 - $1; print (t < $3 ? t : $3)}')
    done
    echo "$b"
}
row() { # label seconds
    same=yes
    cmp -s "$T/want" "$T/out" || same=NO
    echo "$1	$N	$MB	$2	$(echo "$N $2" | awk '{printf "%.0f", $1 / $2}')	$same"
}
echo "run	docs	MB	seconds	docs/s	same output"
t=$(best "$B/parallax" dedup --json -j 1 "$C"); cp "$T/out" "$T/want"; row "parallax dedup -j 1" "$t"
t=$(best "$B/parallax" dedup --json -j 2 "$C"); row "parallax dedup -j 2" "$t"
for np in 1 2; do
    t=$(best mpirun --allow-run-as-root --oversubscribe -np "$np" \
        "$B/parallax-mpi" dedup --json "$C")
    row "parallax-mpi -np $np" "$t"
done
