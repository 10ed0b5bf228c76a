#!/bin/sh
# test_unspaced.sh - dedup and reuse on scripts written without spaces
# (Chinese, Thai, Japanese; fictional texts written for this test): a
# passage copied from one article into another, other text around it, is
# found with spans cutting exactly the copied original bytes; a copy with
# one character changed is a near-duplicate at the default threshold.
set -u
fail() { echo "FAIL: $*"; exit 1; }
T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT

bytes() { printf %s "$1" | wc -c | tr -d ' '; }
# text of bytes [s, e) of a file
span() { tail -c +"$(($2 + 1))" "$1" | head -c "$(($3 - $2))"; }

# check LANG PRE_A COPY POST_A PRE_B POST_B FROM TO: a = PRE_A COPY POST_A,
# b = PRE_B COPY POST_B; reuse finds COPY in both at its exact bytes; a
# with FROM replaced by TO (one character) is a near-duplicate of a.
check() {
    l=$1 copy=$3
    printf '%s%s%s\n' "$2" "$3" "$4" >"$T/${l}_a.txt"
    printf '%s%s%s\n' "$5" "$3" "$6" >"$T/${l}_b.txt"
    sa=$(bytes "$2") sb=$(bytes "$5") n=$(bytes "$3")
    out=$("$PX_BIN" reuse --json "$T/${l}_a.txt" "$T/${l}_b.txt") ||
        fail "$l: reuse exit $?"
    want="\"a\":\"${l}_a\",\"b\":\"${l}_b\",\"a_span\":\[$sa,$((sa + n))\],\"b_span\":\[$sb,$((sb + n))\]"
    echo "$out" | grep -q "\"type\":\"passage\",$want" ||
        fail "$l: copied passage not found at a [$sa,$((sa + n))) b [$sb,$((sb + n))): $out"
    [ "$(echo "$out" | grep -c '"type":"passage"')" = 1 ] ||
        fail "$l: more than the copied passage: $out"
    [ "$(span "$T/${l}_b.txt" "$sb" $((sb + n)))" = "$copy" ] ||
        fail "$l: span of b is not the copy"
    sed "s/$7/$8/" "$T/${l}_a.txt" >"$T/${l}_edit.txt"
    cmp -s "$T/${l}_a.txt" "$T/${l}_edit.txt" && fail "$l: edit not applied"
    out=$("$PX_BIN" dedup --json "$T/${l}_a.txt" "$T/${l}_b.txt" \
        "$T/${l}_edit.txt") || fail "$l: dedup exit $?"
    echo "$out" | grep -q "\"type\":\"pair\",\"a\":\"${l}_a\",\"b\":\"${l}_edit\"" ||
        fail "$l: one-character edit not a near-duplicate: $out"
    echo "$out" | grep -q "\"b\":\"${l}_b\"" &&
        fail "$l: articles sharing one passage called near-duplicates: $out"
    return 0
}

check zh \
    '青石镇今年春天遭遇了罕见的连续降雨，镇政府在周二的会议上宣布启动应急预案。' \
    '据镇长李明远介绍，河堤在夜间出现了三处裂缝，抢修队伍连夜用沙袋加固，目前没有人员伤亡' \
    '。气象部门预计，未来五天仍有中到大雨，提醒居民不要靠近河道，并及时关注官方发布的最新通知。农业专家表示，部分低洼农田的秧苗可能受损，镇里将组织技术人员下乡指导补种。' \
    '银川湖区的渔民合作社本周举办了年度展销会，吸引了许多外地游客前来品尝特色鱼宴。与此同时，邻近地区也传来消息：' \
    '。合作社负责人王晓雯说，展销会的收入将用于修缮码头和购买新的冷藏设备，明年还计划开通网上订购服务。' \
    '中到大雨' '中到暴雨'

check th \
    'เมื่อวันอังคารที่ผ่านมา ชาวบ้านในตำบลหนองบัวแดงได้ร่วมกันปลูกต้นไม้ริมคลองกว่าสามพันต้น เพื่อป้องกันการกัดเซาะของตลิ่งในช่วงฤดูฝน ' \
    'นายสมชาย ใจดี ผู้ใหญ่บ้าน กล่าวว่า โครงการนี้ได้รับการสนับสนุนจากโรงเรียนและวัดในพื้นที่' \
    ' และจะมีการติดตามดูแลต้นไม้ทุกเดือนจนกว่าจะเติบโตแข็งแรง นอกจากนี้ยังมีแผนจะสร้างศูนย์เรียนรู้ธรรมชาติสำหรับเด็กและเยาวชนในปีหน้า' \
    'ตลาดน้ำริมแม่น้ำเจ้าพระยาจัดงานเทศกาลอาหารพื้นเมืองเป็นครั้งแรกเมื่อสุดสัปดาห์ มีผู้มาเที่ยวชมหลายพันคน ในอีกด้านหนึ่ง ' \
    ' ส่วนผู้ค้าในตลาดต่างพอใจกับยอดขายและหวังว่าจะมีการจัดงานแบบนี้ทุกปี' \
    'หนองบัวแดง' 'หนองบัวแคง'

check ja \
    '北山村の小さな図書館は、今月から夜九時まで開館することになった。' \
    '村の担当者によると、仕事帰りの住民から要望が多く、ボランティアの協力で延長が実現したという' \
    '。来年には子ども向けの読み聞かせ会も始める予定で、古い絵本の修理も進めている。' \
    '東浜町の漁港では、新しい冷凍倉庫の完成を祝う式典が開かれた。一方、近くの' \
    '。式典には約二百人が参加し、地元の中学生が太鼓を披露した。' \
    '夜九時' '夜八時'

echo "ok"
