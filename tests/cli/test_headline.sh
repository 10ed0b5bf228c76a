#!/bin/sh
# test_headline.sh - story headlines and claims in scripts written without
# spaces, end to end through `parallax run`, `stories` and `story --json`
# (fictional articles written for this test):
#   - a Thai story without a title: its headline, the opening words, ends
#     at a space or between grapheme clusters, not inside "ผู้";
#   - a ferry story whose only title is a weakly related article's ("Carrow
#     council approves fish market budget"): that title, sharing nothing
#     but "Carrow" with the other members, is not the headline;
#   - a Thai story whose sources give the same figures, the classifier
#     glued to the rest of the clause in one ("12 คนตามรายงานของตำรวจ"):
#     no "different thing counted", every figure matched (12 and 30 people,
#     8 fire engines: "8 คันในการ..." and "8 คันเข้า..." were two figures
#     only one source had).
set -u
: "${PX_BIN:?}"
. "$PX_ROOT/tests/cli/checklib.sh"
P=$PX_BIN
DB="$T/h.db"
python3 - >"$T/in.jsonl" <<'EOF'
import json
ferry = [
    "The ferry Saint Ilvara ran aground off Carrow Island early on Tuesday "
    "with 312 people aboard.\nThe coastguard evacuated all passengers and "
    "crew by mid-morning, a spokesperson said, and no one was hurt.\nDiesel "
    "leaked from a damaged tank near the island's nature reserve, where two "
    "containment vessels were deployed.",
    "All 312 people aboard the ferry Saint Ilvara were evacuated on Tuesday "
    "after it ran aground off Carrow Island.\nThe coastguard said the "
    "passengers and crew were taken off in rough seas and no one was hurt."
    "\nTwo containment vessels were deployed to keep leaking diesel away "
    "from the island's nature reserve.",
    "Carrow Island residents watched on Tuesday as tugs stood by the "
    "stranded ferry Saint Ilvara.\nThe coastguard said the evacuation of its "
    "312 passengers went smoothly.\nAlso on Tuesday, the council met to "
    "discuss the harbour's spring schedule.",
]
fire = [
    "เหตุเพลิงไหม้โกดังสินค้าริมแม่น้ำในอำเภอวังศิลาเมื่อคืนวันอังคาร "
    "มีผู้เสียชีวิต 12 คน และผู้บาดเจ็บ 30 คน "
    "เจ้าหน้าที่ดับเพลิงใช้รถดับเพลิง 8 คันในการควบคุมเพลิง\n\n"
    "นายอำเภอวังศิลากล่าวว่าจะตรวจสอบสาเหตุของเพลิงไหม้ในครั้งนี้อย่างละเอียด",
    "เพลิงไหม้โกดังสินค้าริมแม่น้ำในอำเภอวังศิลาเมื่อคืนวันอังคาร"
    "ทำให้มีผู้เสียชีวิต 12 คนตามรายงานของตำรวจ "
    "ผู้บาดเจ็บ 30 คนถูกนำส่งโรงพยาบาลประจำจังหวัด "
    "เจ้าหน้าที่ใช้รถดับเพลิง 8 คันเข้าควบคุมเพลิง\n\n"
    "นายอำเภอวังศิลากล่าวว่าจะตรวจสอบสาเหตุของเพลิงไหม้ในครั้งนี้อย่างละเอียด",
]
rows = [
    {"id": "ferry-1", "outlet": "Coast Wire",
     "published": "2025-03-04T09:00:00Z", "text": ferry[0]},
    {"id": "ferry-2", "outlet": "Harbour Times",
     "published": "2025-03-04T10:00:00Z", "text": ferry[1]},
    {"id": "ferry-3", "outlet": "Island Post",
     "published": "2025-03-04T11:00:00Z",
     "title": "Carrow council approves fish market budget", "text": ferry[2]},
    {"id": "th-fire-1", "outlet": "ข่าววังศิลา",
     "published": "2025-05-06T02:00:00Z",
     "title": "ไฟไหม้โกดังสินค้าริมแม่น้ำในอำเภอวังศิลาเมื่อคืนวันอังคาร",
     "text": fire[0]},
    {"id": "th-fire-2", "outlet": "สำนักข่าวริมน้ำ",
     "published": "2025-05-06T03:00:00Z",
     "title": "เพลิงไหม้โกดังที่วังศิลา ตายสิบสองราย", "text": fire[1]},
    {"id": "th-ferry", "outlet": "ข่าวทะเล",
     "published": "2025-03-04T12:00:00Z",
     "text": "ข่าวด่วนเรือข้ามฟากนาวาศรีเกยตื้นนอกเกาะคารอว์เมื่อเช้าวันอังคาร"
             "เจ้าหน้าที่อพยพผู้โดยสารขึ้นฝั่งได้ทั้งหมดและไม่มีผู้บาดเจ็บแม้แต่คนเดียว"
             "ตามที่หน่วยยามฝั่งแจ้ง\nหน่วยยามฝั่งกล่าวว่าเรือจะถูกลากเข้าท่าในวันพุธ"},
]
for r in rows:
    print(json.dumps(r, ensure_ascii=False))
EOF
$P run --db "$DB" "$T/in.jsonl" >/dev/null 2>"$T/err"
check "run exits 0" test $? = 0
# story of article ID as JSON into FILE
story() {
    $P story --db "$DB" --json "$1" >"$2" 2>>"$T/err"
}
story th-ferry "$T/th_ferry.json"
check "Thai, no title: headline cut between grapheme clusters" python3 -c '
import json, sys
h = json.load(open(sys.argv[1]))["headline"]
want = ("ข่าวด่วนเรือข้ามฟากนาวาศรีเกยตื้นนอกเกาะคารอว์เมื่อเช้าวันอังคาร"
        "เจ้าหน้าที่อพยพ")
assert h == want, h' "$T/th_ferry.json"
story ferry-1 "$T/ferry.json"
check "ferry: the outlier title is not the headline" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
assert sorted(a["id"] for a in s["articles"]) == ["ferry-1", "ferry-2",
    "ferry-3"], s["articles"]
assert s["headline"].startswith("The ferry Saint Ilvara ran aground"), \
    s["headline"]' "$T/ferry.json"
story th-fire-1 "$T/fire.json"
check "Thai fire: one story, a whole title as headline" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
assert sorted(a["id"] for a in s["articles"]) == ["th-fire-1", "th-fire-2"]
assert s["headline"] in [a["title"] for a in s["articles"]], s["headline"]
' "$T/fire.json"
# the story keeps no `same` findings: every figure matched leaves none
check "Thai fire: same figures, no different thing counted" python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["comparison"]["findings"]
q = [x for x in f if x["kind"] == "quantity"]
assert not q, q' "$T/fire.json"
[ "$fails" = 0 ]
