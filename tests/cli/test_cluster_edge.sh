#!/bin/sh
# test_cluster_edge.sh - edge cases of `parallax cluster` and `parallax run`
# (then `stories` / `story`): articles with no text, all-identical
# articles, stories of 10,000 copies, articles in other scripts, and bad
# input (duplicate ids, invalid UTF-8, binary data).  The articles are
# short fictional news texts written for this test.  Needs no ../shared.
set -u
: "${PX_BIN:?}"
. "$PX_ROOT/tests/cli/checklib.sh"
P=$PX_BIN

# story_of DB ID: the story id of article ID in store DB
story_of() {
    "$P" story --db "$1" --json "$2" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}

# partition_ok OUT: `cluster --json` output OUT groups the articles by
# event, the id without its last "-N" (one story per event, one event per
# story), and names every input article once.
partition_ok() {
    python3 -c '
import json, sys
out = [json.loads(l) for l in open(sys.argv[1])]
ids = [o["id"] for o in out]
assert len(ids) == len(set(ids)) == int(sys.argv[2]), (len(ids), sys.argv[2])
ev, st = {}, {}
for o in out:
    e = o["id"].rsplit("-", 1)[0]
    ev.setdefault(e, set()).add(o["story"])
    st.setdefault(o["story"], set()).add(e)
bad = {e: len(s) for e, s in ev.items() if len(s) > 1}
mixed = [sorted(e) for e in st.values() if len(e) > 1]
assert not bad and not mixed, ("split", bad, "merged", mixed)' "$@"
}

# --- other scripts: two events per script, three articles each, plus
# English.  Chinese and Japanese have no spaces (character bigrams),
# Russian and Greek inflect (cut words), Arabic and Hebrew have clitic
# prefixes and no capitals, Hindi has no capitals either.
cat >"$T/scripts.jsonl" <<'EOF'
{"id":"ru-fire-1","text":"В Верхнелуцке загорелся склад текстильной фабрики. Пожар тушили сорок пожарных расчётов, погибли два человека, сообщило региональное МЧС."}
{"id":"ru-fire-2","text":"Пожар на текстильной фабрике в Верхнелуцке унёс жизни двух рабочих. По данным МЧС, огонь охватил склад площадью 3000 квадратных метров."}
{"id":"ru-fire-3","text":"Причиной пожара на фабрике в Верхнелуцке могло стать короткое замыкание, заявили в МЧС. Склад сгорел полностью, погибли двое рабочих."}
{"id":"ru-cup-1","text":"Футбольный клуб «Северная звезда» выиграл кубок области, обыграв в финале «Металлург» со счётом 3:1. Два гола забил нападающий Илья Ветров."}
{"id":"ru-cup-2","text":"Нападающий Илья Ветров оформил дубль в финале кубка области, и «Северная звезда» победила «Металлург» 3:1."}
{"id":"ru-cup-3","text":"«Металлург» уступил «Северной звезде» в финале кубка области. Тренер проигравшей команды назвал судейство несправедливым, но поздравил Ветрова."}
{"id":"el-fire-1","text":"Μεγάλη πυρκαγιά ξέσπασε το πρωί στο δάσος κοντά στο χωριό Κάτω Ρέμα. Οι αρχές εκκένωσαν 300 κατοίκους και 60 πυροσβέστες δίνουν μάχη με τις φλόγες."}
{"id":"el-fire-2","text":"Εκκενώθηκε το χωριό Κάτω Ρέμα λόγω της πυρκαγιάς στο δάσος. Περίπου 300 κάτοικοι φιλοξενούνται σε σχολεία, ενώ 60 πυροσβέστες επιχειρούν."}
{"id":"el-fire-3","text":"Σε ύφεση βρίσκεται η πυρκαγιά στο δάσος κοντά στο Κάτω Ρέμα, ανακοίνωσε η πυροσβεστική. Οι 300 κάτοικοι του χωριού επιστρέφουν σταδιακά."}
{"id":"el-bridge-1","text":"Ο δήμαρχος Νίκος Σταυρίδης εγκαινίασε σήμερα τη νέα γέφυρα της Λιμνούπολης, μήκους 450 μέτρων, που ενώνει τις δύο όχθες του ποταμού."}
{"id":"el-bridge-2","text":"Άνοιξε για την κυκλοφορία η νέα γέφυρα της Λιμνούπολης. Το έργο των 450 μέτρων κόστισε 38 εκατομμύρια ευρώ, δήλωσε ο δήμαρχος Σταυρίδης."}
{"id":"el-bridge-3","text":"Χιλιάδες κάτοικοι της Λιμνούπολης περπάτησαν στη νέα γέφυρα την ημέρα των εγκαινίων. Ο δήμαρχος Σταυρίδης μίλησε για ιστορική στιγμή."}
{"id":"ar-flood-1","text":"غمرت السيول بلدة وادي الريم بعد أمطار غزيرة استمرت يومين، وأجبرت 200 عائلة على مغادرة منازلها، بحسب الدفاع المدني."}
{"id":"ar-flood-2","text":"قال الدفاع المدني إن 200 عائلة نزحت من بلدة وادي الريم بسبب السيول، وإن فرق الإنقاذ انتشلت سيارات جرفتها المياه."}
{"id":"ar-flood-3","text":"بدأت المياه تنحسر عن بلدة وادي الريم، وعادت بعض العائلات إلى منازلها بعد السيول التي ضربت البلدة، وفق الدفاع المدني."}
{"id":"ar-hosp-1","text":"افتتح وزير الصحة سامر الحداد مستشفى جديدا للأطفال في مدينة النخيل يضم 120 سريرا وقسما للعناية المركزة."}
{"id":"ar-hosp-2","text":"مستشفى الأطفال الجديد في مدينة النخيل يستقبل أول مرضاه، وقال الوزير سامر الحداد إن المستشفى يضم 120 سريرا."}
{"id":"ar-hosp-3","text":"أكد وزير الصحة سامر الحداد خلال افتتاح مستشفى الأطفال في مدينة النخيل أن المشروع سيخدم سكان المنطقة الجنوبية."}
{"id":"he-train-1","text":"רכבת משא ירדה הבוקר מהפסים ליד נווה ארז. לדברי רשות הרכבות איש לא נפגע, אך התנועה בקו הצפוני הופסקה."}
{"id":"he-train-2","text":"התנועה בקו הצפוני עדיין מופסקת לאחר שרכבת משא ירדה מהפסים סמוך לנווה ארז. שמונה קרונות התהפכו."}
{"id":"he-train-3","text":"רשות הרכבות פתחה בחקירה בעקבות ירידת רכבת המשא מהפסים ליד נווה ארז. שמונה קרונות נפגעו."}
{"id":"he-fund-1","text":"חברת ההזנק החיפאית אורנית גייסה 40 מיליון דולר לפיתוח סוללות לרכבים חשמליים, כך הודיעה החברה."}
{"id":"he-fund-2","text":"אורנית, המפתחת סוללות לרכבים חשמליים, השלימה סבב גיוס של 40 מיליון דולר בהובלת קרן אמריקנית."}
{"id":"he-fund-3","text":"לאחר גיוס של 40 מיליון דולר, אורנית מתכננת להכפיל את מספר העובדים במרכז הפיתוח בחיפה."}
{"id":"zh-slide-1","text":"青河县连日暴雨引发山体滑坡，截至周二晚已有12人失踪，救援队正在现场搜救。"}
{"id":"zh-slide-2","text":"青河县山体滑坡事故已造成12人失踪，当地政府调派500名救援人员赶赴现场。"}
{"id":"zh-slide-3","text":"记者从青河县获悉，山体滑坡现场搜救工作仍在进行，12名失踪者的家属在安置点等待消息。"}
{"id":"zh-bridge-1","text":"南湾市跨海大桥今天正式通车，大桥全长18公里，将两岸通行时间缩短到20分钟。"}
{"id":"zh-bridge-2","text":"全长18公里的南湾跨海大桥通车首日，车流量超过3万辆，市民纷纷前来体验。"}
{"id":"zh-bridge-3","text":"南湾市市长在跨海大桥通车仪式上表示，这座大桥将带动沿海经济发展。"}
{"id":"ja-blast-1","text":"北浜市の化学工場で27日午前、爆発が起き、従業員5人がけがをした。消防が原因を調べている。"}
{"id":"ja-blast-2","text":"化学工場の爆発で5人が負傷した北浜市では、周辺住民に窓を閉めるよう呼びかけが出された。"}
{"id":"ja-blast-3","text":"従業員5人が負傷した北浜市の化学工場の爆発について、会社は記者会見で謝罪し、安全対策を見直すと述べた。"}
{"id":"ja-choir-1","text":"桜川高校の合唱部が全国合唱コンクールで初の金賞を受賞した。部員42人が三年間練習を重ねてきた。"}
{"id":"ja-choir-2","text":"全国合唱コンクールで金賞に輝いた桜川高校の合唱部員たちが、市役所を訪れて市長に結果を報告した。"}
{"id":"ja-choir-3","text":"初の金賞を手にした桜川高校合唱部の顧問は「生徒たちの努力が実った」と喜びを語った。"}
{"id":"hi-fire-1","text":"कमलपुर गांव में मंगलवार रात लगी आग में 30 घर जलकर राख हो गए। दमकल की पांच गाड़ियों ने आग पर काबू पाया।"}
{"id":"hi-fire-2","text":"कमलपुर में आग से 30 परिवार बेघर हो गए हैं। प्रशासन ने प्रभावित परिवारों के लिए राहत शिविर लगाया है।"}
{"id":"hi-fire-3","text":"कमलपुर गांव की आग की जांच के आदेश दिए गए हैं। जिलाधिकारी ने कहा कि आग बिजली के तार से लगी।"}
{"id":"hi-cup-1","text":"सूरजगढ़ की महिला क्रिकेट टीम ने फाइनल में चंदनपुर को सात विकेट से हराकर राज्य कप जीत लिया।"}
{"id":"hi-cup-2","text":"कप्तान मीना यादव के अर्धशतक की बदौलत सूरजगढ़ ने राज्य कप के फाइनल में चंदनपुर को हराया।"}
{"id":"hi-cup-3","text":"राज्य कप जीतकर लौटी सूरजगढ़ की महिला क्रिकेट टीम का स्टेशन पर भव्य स्वागत किया गया।"}
{"id":"en-ship-1","text":"The cargo ship Marlow Bay lost engine power off Port Ellery on Tuesday and drifted for six hours before tugs reached it, the coastguard said."}
{"id":"en-ship-2","text":"Tugs towed the disabled cargo ship Marlow Bay into Port Ellery late on Tuesday after it lost power at sea; none of its 19 crew were hurt."}
{"id":"en-ship-3","text":"Investigators boarded the Marlow Bay in Port Ellery to find out why the cargo ship's engine failed, the coastguard said."}
{"id":"en-lib-1","text":"Ashford council voted on Thursday to close the Linden Street library and move its books to the new civic centre, despite a petition signed by 4,000 residents."}
{"id":"en-lib-2","text":"Residents of Ashford protested outside the council chamber after councillors approved the closure of Linden Street library."}
{"id":"en-lib-3","text":"The Linden Street library in Ashford will shut in March, the council confirmed, with its collection moving to the civic centre."}
EOF
n_scripts=$(wc -l <"$T/scripts.jsonl")

$P cluster --json "$T/scripts.jsonl" >"$T/sc.out" 2>"$T/err"
check "scripts: cluster exits 0, quiet" test $? = 0 -a ! -s "$T/err"
check "scripts: one story per event, none shared across scripts" \
    partition_ok "$T/sc.out" "$n_scripts"
# the same in reverse input order: each event's last article comes first.
# English is left out: reversed, en-lib-1 (the lead, now last) scores 0.299
# against its story, just under the 0.30 threshold, and starts its own.
python3 -c 'import sys; sys.stdout.writelines(reversed(open(sys.argv[1]).readlines()))' \
    "$T/scripts.jsonl" >"$T/scripts_rev.jsonl"
$P cluster --json "$T/scripts_rev.jsonl" | grep -v '"id": "en-' >"$T/sc_rev.out"
check "scripts, reversed input: the same stories (English aside)" \
    partition_ok "$T/sc_rev.out" $((n_scripts - 6))

$P run --db "$T/sc.db" "$T/scripts.jsonl" >/dev/null 2>"$T/err"
check "scripts: run exits 0" test $? = 0
check "scripts: run makes 16 stories" \
    test "$($P stories --db "$T/sc.db" | wc -l)" = 16
check "scripts: run groups each event into one story, apart from the others" \
    python3 -c '
import json, subprocess, sys
ids = [json.loads(l)["id"] for l in open(sys.argv[3])]
out = [json.dumps({"id": i, "story": json.loads(subprocess.check_output(
    [sys.argv[1], "story", "--db", sys.argv[2], "--json", i]))["id"]})
    for i in ids]
open(sys.argv[4], "w").write("\n".join(out) + "\n")' \
    "$P" "$T/sc.db" "$T/scripts.jsonl" "$T/sc_run.out"
check "scripts: run partition" partition_ok "$T/sc_run.out" "$n_scripts"
$P story --db "$T/sc.db" zh-slide-2 >"$T/zh.txt" 2>"$T/err"
check "scripts: a Chinese story shows" test $? = 0 -a -s "$T/zh.txt"
check "scripts: its headline is whole UTF-8" python3 -c '
import sys; open(sys.argv[1], encoding="utf-8", errors="strict").read()' "$T/zh.txt"

# --- articles with no text: empty and blank texts are bad lines (named,
# exit 1); only boilerplate or punctuation leaves nothing to cluster by:
# named, and each is a story of its own; the rest is clustered.
{
    printf '{"id":"e-empty","text":""}\n'
    printf '{"id":"e-blank","text":"  \\n\\t \\n  "}\n'
    printf '{"id":"e-boiler","text":"Share this article\\nAdvertisement\\nSubscribe to our newsletter"}\n'
    printf '{"id":"e-punct","text":"... --- !!! ???"}\n'
    printf '{"id":"ship-1","text":"The cargo ship Marlow Bay lost engine power off Port Ellery on Tuesday and drifted for six hours, the coastguard said."}\n'
    printf '{"id":"ship-2","text":"Tugs towed the disabled cargo ship Marlow Bay into Port Ellery late on Tuesday after it lost power at sea."}\n'
} >"$T/notext.jsonl"
$P cluster --json "$T/notext.jsonl" >"$T/nt.out" 2>"$T/err"
check "no text: cluster exits 1 (bad lines)" test $? = 1
check "no text: empty text named file:line" grep -q 'notext.jsonl:1: empty "text"' "$T/err"
check "no text: blank text named file:line" grep -q 'notext.jsonl:2: empty "text"' "$T/err"
check "no text: boilerplate only named" \
    grep -q 'notext.jsonl:3: "e-boiler" has no words to cluster by' "$T/err"
check "no text: punctuation only named" \
    grep -q 'notext.jsonl:4: "e-punct" has no words to cluster by' "$T/err"
check "no text: own stories, the rest clustered" python3 -c '
import json, sys
st = {json.loads(l)["id"]: json.loads(l)["story"] for l in open(sys.argv[1])}
assert sorted(st) == ["e-boiler", "e-punct", "ship-1", "ship-2"], st
assert st["ship-1"] == st["ship-2"], st
assert len({st["e-boiler"], st["e-punct"], st["ship-1"]}) == 3, st' "$T/nt.out"
sed -n '3,4p' "$T/notext.jsonl" >"$T/nowords.jsonl"
$P cluster "$T/nowords.jsonl" >"$T/nw.out" 2>"$T/err"
check "no words at all: exit 0, two stories, both named" \
    test $? = 0 -a "$(cut -f2 "$T/nw.out" | sort -u | wc -l)" = 2 \
    -a "$(grep -c 'no words to cluster by' "$T/err")" = 2
$P run --db "$T/nt.db" "$T/notext.jsonl" >/dev/null 2>"$T/err"
check "no text: run exits 1, names the bad lines" \
    test $? = 1 -a "$(grep -c 'notext.jsonl:[12]: empty' "$T/err")" = 2
check "no text: run gives 3 stories" test "$($P stories --db "$T/nt.db" | wc -l)" = 3
check "no text: boilerplate-only article is a story of one" python3 -c '
import json, subprocess, sys
s = json.loads(subprocess.check_output([sys.argv[1], "story", "--db", sys.argv[2], "--json", "e-boiler"]))
assert s["size"] == 1 and s["comparison"] is None, s' "$P" "$T/nt.db"
check "no text: ship reports are one story" \
    test "$(story_of "$T/nt.db" ship-1)" = "$(story_of "$T/nt.db" ship-2)"
$P stories --db "$T/nt.db" --html "$T/nt_site" >/dev/null 2>"$T/err"
check "no text: stories --html writes every page" \
    test $? = 0 -a "$(ls "$T/nt_site" | wc -l)" = 4

# --- 500 identical articles: one story
python3 -c '
import json
t = "The Orrin Valley dam released water on Friday after three days of rain, and 120 homes downstream were evacuated, the county said."
for i in range(500):
    print(json.dumps({"id": "same%03d" % i, "outlet": "outlet%d" % (i % 7), "text": t}))
' >"$T/same.jsonl"
$P cluster "$T/same.jsonl" >"$T/same.out" 2>"$T/err"
check "500 identical: cluster gives one story" \
    test $? = 0 -a "$(wc -l <"$T/same.out")" = 500 -a "$(cut -f2 "$T/same.out" | sort -u | wc -l)" = 1
$P run --db "$T/same.db" --json "$T/same.jsonl" >"$T/same.run" 2>"$T/err"
check "500 identical: run stores one, 499 copies, one story" \
    grep -q '"stored": 1, "unchanged": 0, "copies": 499.*"stories": 1,' "$T/same.run"
check "500 identical: the story has 500 articles from 7 outlets" python3 -c '
import json, subprocess, sys
rows = [json.loads(l) for l in subprocess.check_output([sys.argv[1], "stories", "--db", sys.argv[2], "--json"]).splitlines()]
assert len(rows) == 1 and rows[0]["size"] == 500 and rows[0]["outlets"] == 7, rows' "$P" "$T/same.db"

# --- a story of 10,000 copies: identical texts, then 10,000 near-copies
# (distinct texts).  Candidates per article are bounded, so the time grows
# linearly; the CPU bound (seconds, sanitizer build included) only catches
# a quadratic blow-up (measured: under 1 s with sanitizers).
python3 -c '
import json
t = "Floods closed the main bridge in Velmora on Monday, the city council said, and 40 families were moved to the sports hall. Engineers will inspect the bridge once the river falls; the ferry to the east bank runs every half hour until then."
for i in range(10000):
    print(json.dumps({"id": "copy%05d" % i, "outlet": "outlet%d" % (i % 50), "text": t}), file=open("'"$T"'/copies.jsonl", "a" if i else "w"))
    print(json.dumps({"id": "near%05d" % i, "outlet": "outlet%d" % (i % 50), "text": t + " Filed by desk %d." % i}), file=open("'"$T"'/near.jsonl", "a" if i else "w"))
'
# cpu OUT CMD...: run CMD with stdout to OUT; print its CPU seconds
cpu() {
    python3 -c '
import resource, subprocess, sys
with open(sys.argv[1], "w") as f:
    rc = subprocess.call(sys.argv[2:], stdout=f)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.2f" % (r.ru_utime + r.ru_stime) if rc == 0 else "rc%d" % rc)' "$@"
}
for kind in copies near; do
    s=$(cpu "$T/$kind.out" "$P" cluster "$T/$kind.jsonl")
    echo "     cluster of 10,000 $kind: $s s CPU"
    check "10,000 $kind: cluster gives one story" \
        test "$(cut -f2 "$T/$kind.out" | sort -u | wc -l)" = 1 -a "$(wc -l <"$T/$kind.out")" = 10000
    check "10,000 $kind: cluster stays fast ($s s CPU)" \
        python3 -c 'import sys; sys.exit(not float(sys.argv[1]) < 15)' "$s"
done
s=$(cpu "$T/near.run" "$P" run --db "$T/near.db" --json "$T/near.jsonl")
echo "     run of 10,000 near-copies: $s s CPU"
check "10,000 near-copies: run stores all, one story" \
    grep -q '"stored": 10000,.*"stories": 1,' "$T/near.run"
check "10,000 near-copies: stories, story and its page" sh -c '
"$1" stories --db "$2" --json | grep -q "\"size\": 10000" &&
"$1" story --db "$2" --json near09999 | grep -q "\"size\": 10000" &&
"$1" story --db "$2" --html "$3" near00000 && test -s "$3"/s*.html' \
    sh "$P" "$T/near.db" "$T/near_site"

# --- bad input: file and line named, the rest processed, exit 1
mkdir "$T/bad"
{
    printf '{"id":"ok-1","text":"The cargo ship Marlow Bay lost engine power off Port Ellery on Tuesday, the coastguard said."}\n'
    printf '{"id":"ok-2","text":"Tugs towed the cargo ship Marlow Bay into Port Ellery on Tuesday after it lost engine power."}\n'
    printf '{"id":"ok-1","text":"Another text under a repeated id."}\n'
    printf '{"id":"u-1","text":"caf\303\050 invalid UTF-8"}\n'
} >"$T/bad/a.jsonl"
printf '{"id":"ok-2","text":"A repeated id in another file."}\n{"id":"ok-3","text":"Investigators boarded the cargo ship Marlow Bay in Port Ellery, the coastguard said."}\n' \
    >"$T/bad/b.jsonl"
printf 'first line\nab\000cd\001\002\n' >"$T/bad/c.txt"
printf 'Lighthouse keepers on Carrow Island reported the \377\376 beam failed again on Sunday night.\n' \
    >"$T/bad/d.txt"
$P cluster --json "$T/bad" >"$T/bad.out" 2>"$T/err"
check "bad input: cluster exits 1" test $? = 1
check "bad input: duplicate id named file:line" \
    grep -q 'a.jsonl:3: duplicate id "ok-1"' "$T/err"
check "bad input: duplicate id across files named" \
    grep -q 'b.jsonl:1: duplicate id "ok-2"' "$T/err"
check "bad input: invalid UTF-8 in JSON named file:line" \
    grep -q 'a.jsonl:4: invalid UTF-8' "$T/err"
check "bad input: binary file named file:line" \
    grep -q 'c.txt:2: binary data' "$T/err"
check "bad input: the rest clustered (bad bytes in text kept)" python3 -c '
import json, sys
st = {json.loads(l)["id"]: json.loads(l)["story"] for l in open(sys.argv[1])}
assert sorted(st) == ["d", "ok-1", "ok-2", "ok-3"], st
assert st["ok-1"] == st["ok-2"] == st["ok-3"] != st["d"], st' "$T/bad.out"
$P run --db "$T/bad.db" "$T/bad" >/dev/null 2>"$T/err"
check "bad input: run exits 1, names the same problems" \
    test $? = 1 -a "$(grep -c 'a.jsonl:3: duplicate\|b.jsonl:1: duplicate\|a.jsonl:4: invalid UTF-8\|c.txt:2: binary' "$T/err")" = 4
check "bad input: run stores the rest" \
    test "$($P list --db "$T/bad.db" | wc -l)" = 4
# stored ids named twice, or also read from a file
$P cluster --db "$T/bad.db" ok-1 ok-1 ok-3 >"$T/ids.out" 2>"$T/err"
check "stored id named twice: named, skipped, exit 1" \
    test $? = 1 -a "$(wc -l <"$T/ids.out")" = 2 -a -n "$(grep 'stored article "ok-1": duplicate id' "$T/err")"
$P cluster --db "$T/bad.db" "$T/bad/b.jsonl" ok-3 >"$T/ids.out" 2>"$T/err"
check "stored id also read from a file: named, skipped" \
    test $? = 1 -a "$(grep -c '^ok-3' "$T/ids.out")" = 1 -a -n "$(grep 'stored article "ok-3": duplicate id' "$T/err")"
$P cluster --db "$T/bad.db" ok-3 "$T/bad/b.jsonl" >"$T/ids.out" 2>"$T/err"
check "file id after the stored one: named file:line, skipped" \
    test $? = 1 -a "$(grep -c '^ok-3' "$T/ids.out")" = 1 -a -n "$(grep 'b.jsonl:2: duplicate id "ok-3"' "$T/err")"
head -c 65536 /dev/urandom >"$T/random.bin"
$P cluster "$T/random.bin" "$T/bad/b.jsonl" >"$T/rnd.out" 2>"$T/err"
check "random bytes: named, the rest clustered, exit 1" \
    test $? = 1 -a -n "$(grep 'random.bin' "$T/err")" -a "$(wc -l <"$T/rnd.out")" = 2

[ "$fails" = 0 ]
