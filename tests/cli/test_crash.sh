#!/bin/sh
# test_crash.sh - kill -9 in the middle of an ingest: the store must pass
# PRAGMA integrity_check, every article the killed run reported as stored
# must be there, and ingesting the same input again must complete.
set -u
: "${PX_BIN:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
N=100000
awk -v n=$N 'BEGIN { for (i = 1; i <= n; i++)
    printf "{\"id\":\"a%d\",\"text\":\"Article number %d reports that event %d happened in town %d.\"}\n", i, i, i, i % 97 }' \
    >"$T/in.jsonl"
# kill only once some batches are reported: the interesting case
: >"$T/out"
"$PX_BIN" ingest --db "$T/c.db" --json --batch 100 "$T/in.jsonl" >"$T/out" 2>"$T/err" &
pid=$!
tries=0
until [ "$(wc -l <"$T/out")" -ge 300 ] || [ $tries -ge 600 ]; do
    sleep 0.05; tries=$((tries + 1))
done
kill -9 "$pid" 2>/dev/null && killed=1 || killed=0
wait "$pid" 2>/dev/null
reported=$(grep -c '"status":"stored"' "$T/out")
echo "killed=$killed after $reported articles reported stored"
python3 - "$T/c.db" "$T/out" <<'PY' || exit 1
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
ok = db.execute("PRAGMA integrity_check").fetchone()[0]
assert ok == "ok", ok
stored = {r[0] for r in db.execute("SELECT id FROM articles")}
for line in open(sys.argv[2]):
    try: o = json.loads(line)
    except ValueError: continue  # the line the kill cut short
    if o.get("status") == "stored": assert o["id"] in stored, o["id"]
print("integrity ok; %d rows; every reported article present" % len(stored))
PY
"$PX_BIN" ingest --db "$T/c.db" "$T/in.jsonl" 2>"$T/err2"
rc=$?
count=$("$PX_BIN" list --db "$T/c.db" | wc -l)
echo "re-ingest exit $rc, $count stored"
[ "$rc" = 0 ] && [ "$count" = $N ]
