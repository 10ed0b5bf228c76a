#!/bin/sh
# test_align.sh - `parallax align` end to end: usage and errors, then the
# acceptance case on the seeds (Reuters wire vs the Modern.az rewrite):
# the JSON pairs, one-side sentences and direction, and the HTML page
# parsed with python3's html.parser.  The seed part skips when ../shared
# is absent.
set -eu
BIN=${PX_BIN:?}
ROOT=${PX_ROOT:?}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# usage and errors
"$BIN" align --help | grep -q "usage: parallax align"
set +e
"$BIN" align a b c 2>/dev/null; rc=$?
[ $rc -eq 2 ] || { echo "three inputs: exit $rc, want 2"; exit 1; }
"$BIN" align </dev/null 2>/dev/null; rc=$?
[ $rc -eq 2 ] || { echo "no input: exit $rc, want 2"; exit 1; }
"$BIN" align --bogus a b 2>/dev/null; rc=$?
[ $rc -eq 2 ] || { echo "bad option: exit $rc, want 2"; exit 1; }
"$BIN" align "$TMP/missing.txt" "$TMP/missing2.txt" 2>"$TMP/err"; rc=$?
[ $rc -eq 3 ] || { echo "missing files: exit $rc, want 3"; exit 1; }
grep -q "missing.txt" "$TMP/err" || { echo "error names no file"; exit 1; }
set -e

# two small files: plain output names both sides, JSON parses
printf 'The mayor opened the new bridge on Monday. It cost 12 million.\n' >"$TMP/a.txt"
printf 'It cost 12 million euros. The mayor opened the bridge on Monday.\n' >"$TMP/b.txt"
"$BIN" align --color=never "$TMP/a.txt" "$TMP/b.txt" >"$TMP/out.txt"
grep -q "pairs 2, only in A 0, only in B 0" "$TMP/out.txt"
"$BIN" align --json "$TMP/a.txt" "$TMP/b.txt" | python3 -c '
import json, sys
j = json.load(sys.stdin)
assert len(j["pairs"]) == 2, j["pairs"]
assert j["pairs"][0]["a_sents"] == [0] and j["pairs"][0]["b_sents"] == [1]
'
# one JSON Lines input with both articles (stdin)
python3 -c '
import json
print(json.dumps({"id": "x", "outlet": "Wire", "text": open("'"$TMP/a.txt"'").read()}))
print(json.dumps({"id": "y", "outlet": "Site", "text": open("'"$TMP/b.txt"'").read()}))
' | "$BIN" align --json - | python3 -c '
import json, sys
j = json.load(sys.stdin)
assert j["a"]["label"] == "Wire" and j["b"]["label"] == "Site", j["a"]
assert len(j["pairs"]) == 2
'
rc=0; "$BIN" align "$TMP/a.txt" 2>"$TMP/err" || rc=$?
[ $rc -eq 3 ] || { echo "one article: exit $rc, want 3"; exit 1; }

SHARED=${PX_SHARED:-$ROOT/../shared}
A="$SHARED/seeds/000_db9f598bcc720c5d.txt"
B="$SHARED/seeds/002_2fef65d93e5c9bc7.txt"
if [ ! -f "$A" ] || [ ! -f "$B" ]; then
    echo "skip: seeds not found under $SHARED"
    exit 0
fi

"$BIN" align --json "$A" "$B" >"$TMP/seeds.json"
python3 - "$TMP/seeds.json" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1]))

def paired(a_needle, b_needle):
    for p in j["pairs"]:
        if a_needle in p["a_text"] and b_needle in p["b_text"]:
            return p
    return None

p = paired("Kremlin spokesperson Dmitry Peskov told reporters",
           "Modern.az reports that Kremlin spokesman Dmitry Peskov confirmed")
assert p, "Peskov sentences not aligned"
ops = {(o.get("a"), o.get("b")) for o in p["ops"] if o["op"] == "replace"}
assert ("told reporters", "confirmed") in ops, ops
assert paired("Putin has repeatedly stated that he is ready for peace talks",
              "Putin, in turn, reiterated that Moscow is ready for peace talks"), \
    "Putin sentences not aligned"
assert paired("1.2 million", "1.2 million"), "casualty sentences not aligned"
assert paired("Pokrovsk and Vovchansk", "Pokrovsk and Vovchansk")

only_b = " ".join(o["text"] for o in j["only_b"])
for needle in ["Russia's main demands include", "held talks in Florida with Rustem Umerov",
               "Maidan revolution in 2014"]:
    assert needle in only_b, "not only in Modern.az: " + needle
for p in j["pairs"]:
    for needle in ["main demands", "Florida", "Maidan"]:
        assert needle not in p["b_text"], "paired: " + needle

d = j["direction"]
assert d["dir"] == "a->b", d
assert d["confidence"] >= 0.5, d
kinds = {e["kind"] for e in d["evidence"]}
assert "wire" in kinds and "containment" in kinds, kinds
EOF

"$BIN" align --html "$TMP/seeds.html" "$A" "$B" >"$TMP/html.out"
[ ! -s "$TMP/html.out" ] || { echo "--html printed to stdout"; exit 1; }
python3 - "$TMP/seeds.html" <<'EOF'
import sys
from html.parser import HTMLParser

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.sents = {}      # id -> {"attrs", "text"}
        self.stack = []      # open sentence ids per span depth
        self.dir = None
        self.external = []
        self.rows = 0        # rows of the side-by-side table
        self.toggle = False  # the view switch
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "link", "img") and (a.get("src") or a.get("href")):
            self.external.append(tag)
        if tag == "tr":
            self.rows += 1
        if tag == "button" and a.get("id") == "view":
            self.toggle = True
        if tag == "p" and "dir" in (a.get("class") or "").split():
            self.dir = a.get("data-dir")
        if tag == "span":
            cls = (a.get("class") or "").split()
            if "s" in cls:
                self.sents[a["id"]] = {"attrs": a, "cls": cls, "text": "",
                                       "marks": []}
                self.stack.append(a["id"])
            else:
                self.stack.append(None)
                for sid in self.stack:
                    if sid:
                        self.sents[sid]["marks"].append(cls)
    def handle_endtag(self, tag):
        if tag == "span" and self.stack:
            self.stack.pop()
    def handle_data(self, data):
        for sid in self.stack:
            if sid:
                self.sents[sid]["text"] += data

p = Page()
p.feed(open(sys.argv[1], encoding="utf-8").read())
assert not p.external, p.external
assert p.dir == "a->b", p.dir

def find(side, needle):
    for sid, s in p.sents.items():
        if sid.startswith(side) and needle in s["text"]:
            return s
    raise AssertionError("no sentence with " + needle)

def linked(a_needle, b_needle):
    a, b = find("a", a_needle), find("b", b_needle)
    assert "data-pair" in a["attrs"] and \
        a["attrs"]["data-pair"] == b["attrs"]["data-pair"], (a_needle, b_needle)
    assert b["attrs"]["id"] in a["attrs"]["data-partners"].split()
    assert a["attrs"]["id"] in b["attrs"]["data-partners"].split()
    return a, b

a, b = linked("Kremlin spokesperson Dmitry Peskov", "Modern.az reports that Kremlin")
assert ["rep"] in a["marks"] or ["del"] in a["marks"], a["marks"]
assert ["ins"] in b["marks"], b["marks"]
linked("Putin has repeatedly stated", "Putin, in turn, reiterated")
for needle in ["Russia's main demands", "Rustem Umerov", "Maidan revolution in 2014"]:
    s = find("b", needle)
    assert "only" in s["cls"] and "data-pair" not in s["attrs"], needle
assert p.rows > 10 and p.toggle, (p.rows, p.toggle)
EOF

# stored ids: ingest both, align by id
"$BIN" ingest --db "$TMP/t.db" "$A" "$B" >/dev/null
"$BIN" align --db "$TMP/t.db" --json 000_db9f598bcc720c5d 002_2fef65d93e5c9bc7 |
    python3 -c '
import json, sys
j = json.load(sys.stdin)
assert j["direction"]["dir"] == "a->b", j["direction"]
assert len(j["pairs"]) >= 8, len(j["pairs"])
'
echo "ok"
