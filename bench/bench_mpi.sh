#!/bin/sh
# bench_mpi.sh - parallax-mpi (docs/mpi.md) against `parallax dedup` on the
# seeded synthetic corpus of the dedup benchmark (bench/dedup_reuse.c gen:
# 300-500-word documents, 5% planted near-duplicates), one JSON Lines file:
# documents per wall second for `parallax dedup -j 1`, `-j 2`, and
# parallax-mpi with -np 1 and 2 (one thread per rank), best of 3 by wall
# time, with the CPU seconds of all processes; the MPI outputs are checked
# byte-identical to the single-machine one.
#   PX_BENCH_DOCS   documents (default 20000)
# Skips when Open MPI is not installed (optional: make mpi).
set -eu
B="${PX_BUILD:-build/release}"
H="$B/bench/dedup_reuse"
N=${PX_BENCH_DOCS:-20000}
command -v mpirun >/dev/null 2>&1 || { echo "skip: mpirun not installed"; exit 0; }
[ -x "$H" ] || { echo "bench_mpi: build $H first (make bench)"; exit 1; }
[ -x /usr/bin/time ] || { echo "skip: /usr/bin/time not installed"; exit 0; }
make -s MODE="$(basename "$B")" mpi >/dev/null 2>&1 ||
    { echo "skip: make mpi failed (Open MPI headers: libopenmpi-dev)"; exit 0; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$H" gen "$N" "$T" >/dev/null
C="$T/corpus.jsonl"
MB=$(du -m "$C" | cut -f1)

# best of 3 runs of "$@" (output to $T/out): "wall cpu" seconds, the run
# with the least wall time; cpu = user + system of every process (mpirun
# and its ranks included)
best() {
    b=""
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %U %S" -o "$T/time" "$@" >"$T/out" 2>/dev/null || [ $? = 1 ]
        t=$(awk '{printf "%.2f %.2f", $1, $2 + $3}' "$T/time")
        b=$(echo "$t ${b:-1e9 0}" | awk '{print ($1 < $3 ? $1 " " $2 : $3 " " $4)}')
    done
    echo "$b"
}
row() { # label "wall cpu"
    same=yes
    cmp -s "$T/want" "$T/out" || same=NO
    echo "$2" | awk -v l="$1" -v n="$N" -v mb="$MB" -v s="$same" \
        '{printf "%s\t%d\t%d\t%.2f\t%.2f\t%.0f\t%.0f\t%s\n", l, n, mb, $1, $2, n / $1, n / $2, s}'
}
echo "run	docs	MB	wall s	cpu s	docs/s	docs/cpu-s	same output"
t=$(best "$B/parallax" dedup --json -j 1 "$C"); cp "$T/out" "$T/want"; row "parallax dedup -j 1" "$t"
t=$(best "$B/parallax" dedup --json -j 2 "$C"); row "parallax dedup -j 2" "$t"
for np in 1 2; do
    t=$(best mpirun --allow-run-as-root --oversubscribe -np "$np" \
        "$B/parallax-mpi" dedup --json "$C")
    row "parallax-mpi -np $np" "$t"
done
