#!/bin/sh
# bench_stories.sh - `parallax stories` filters at 125,000 stories: the
# store `parallax run` builds from the bundled examples, its story_stories
# table refilled with STORIES_N (125,000) synthetic rows of a newsroom's
# long tail (60% one article, 25% 2-3, 12% 4-10, 3% 11-100; outlets
# uniform in 1..size; first times uniform over 30 days from 2025-03-04,
# spans up to 2 h per article; python random.seed(1)), with story step 4's
# indexes and without them (dropped: a store not yet migrated).  Each row:
# median of 9 runs of the command, wall and user+sys CPU of the process
# (start-up included: about 5 ms of CPU on a 6-article store).  The list
# only reads story_stories, so the other tables' size does not matter.
# PX_BIN_BASE=<an older parallax>: adds its unfiltered `--limit 50`.
# Then, when $PX_BUILD/bench/serve_load is built, the same filters over
# HTTP: `parallax serve --threads 2` on each store, 1 keep-alive
# connection for SERVE_SECS (3) seconds, the server's CPU per request
# (utime + stime from /proc, as bench_serve.sh).
set -eu
: "${PX_BIN:?}"
command -v python3 >/dev/null 2>&1 || { echo "bench_stories: no python3, skipped"; exit 0; }
T=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$T"' EXIT
"$PX_BIN" run --no-compare --db "$T/idx.db" examples/articles.jsonl >/dev/null 2>&1
python3 - "$T" "${STORIES_N:-125000}" "$PX_BIN" "${PX_BIN_BASE:-}" <<'EOF'
import random, resource, shutil, sqlite3, subprocess, sys, time
t, n, px, base = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
c = sqlite3.connect(t + "/idx.db")
heads = [r[0] for r in c.execute("SELECT headline FROM story_stories")]
c.execute("DELETE FROM story_stories")
random.seed(1)
rows = []
for i in range(n):
    u = random.random()
    s = (1 if u < .60 else random.randint(2, 3) if u < .85 else
         random.randint(4, 10) if u < .97 else random.randint(11, 100))
    a = 1741046400 + random.randrange(30 * 86400)
    rows.append(("s%015x" % random.getrandbits(60), s, random.randint(1, s),
                 a, a + random.randrange(s * 7200), heads[i % len(heads)]))
c.executemany("INSERT INTO story_stories VALUES (?, ?, ?, ?, ?, ?)", rows)
c.commit()
c.close()
shutil.copy(t + "/idx.db", t + "/noidx.db")
c = sqlite3.connect(t + "/noidx.db")
c.executescript("DROP INDEX story_stories_size; DROP INDEX story_stories_outlets;"
                " DROP INDEX story_stories_recent;"
                " UPDATE px_modules SET version = 3 WHERE name = 'story';")
c.close()

def run(db, args, bin=px):
    cmd = [bin, "stories", "--db", db] + args
    w, cpu = [], []
    for _ in range(9):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        w.append((time.perf_counter() - t0) * 1000)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append((r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000)
    out = subprocess.run(cmd, stdout=subprocess.PIPE, check=True).stdout
    return sorted(w)[4], sorted(cpu)[4], out.count(b"\n")

print("%d stories, %d with >= 3 outlets" % (n, sum(r[2] >= 3 for r in rows)))
print("%-66s %6s %19s %19s" % ("parallax stories ...", "listed",
                               "indexed wall/cpu ms", "no index wall/cpu ms"))
for args in ["--min-outlets 3 --limit 50", "--limit 50",
             "--min-outlets 3 --since 2025-04-02 --limit 50",
             "--min-outlets 3 --since 2025-03-20 --until 2025-03-20 --limit 50",
             "--sort recent --limit 50", "--sort outlets --limit 50",
             "--min-outlets 101", "--until 2000-01-01",
             "--since 2000-01-01 --limit 50", "--min-size 50 --json"]:
    a = run(t + "/idx.db", args.split())
    b = run(t + "/noidx.db", args.split())
    print("%-66s %6d %9.1f / %6.1f %9.1f / %6.1f" % (args, a[2], a[0], a[1], b[0], b[1]))
if base:  # a build before the filters: the unfiltered list it can give
    b = run(t + "/noidx.db", ["--limit", "50"], base)
    print("%-66s %6d %19s %9.1f / %6.1f" % ("--limit 50 (PX_BIN_BASE)", b[2], "", b[0], b[1]))
EOF

LOAD=${PX_BUILD:-}/bench/serve_load
[ -x "$LOAD" ] || { echo "(no serve_load: HTTP rows skipped)"; exit 0; }
TICK=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
printf '%-66s %6s %8s %8s %8s %10s\n' "GET (1 connection)" store "req/s" \
    "p50 ms" "p99 ms" "cpu us/req"
for v in idx noidx; do
    rm -f "$T/url"
    "$PX_BIN" serve --db "$T/$v.db" --port 0 --threads 2 >"$T/url" 2>/dev/null &
    PID=$!
    i=0
    while [ ! -s "$T/url" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    PORT=$(sed 's|.*:\([0-9]*\)/$|\1|' "$T/url")
    for path in "/stories?min_outlets=3&limit=50" \
                "/stories?min_outlets=3&since=2025-04-02&limit=50&sort=recent" \
                "/?min_outlets=3&limit=50"; do
        c0=$(cpu)
        set -- $(timeout $((${SERVE_SECS:-3} + 30)) "$LOAD" 127.0.0.1 "$PORT" \
                 "$path" 1 "${SERVE_SECS:-3}")
        c1=$(cpu)
        us=$(awk -v a="$c0" -v b="$c1" -v t="$TICK" -v n="$6" \
                 'BEGIN { printf "%.0f", (b - a) * 1e6 / t / (n ? n : 1) }')
        printf '%-66s %6s %8s %8s %8s %10s\n' "$path" "$v" "$1" "$3" "$4" "$us"
        [ "$5" = 0 ] || echo "  ($5 failed requests)"
    done
    kill "$PID"
    wait "$PID" 2>/dev/null || :
    PID=
done
