#!/usr/bin/env python3
"""extract_metric.py PRED.jsonl GROUND_TRUTH.json [--worst N]

Scores `parallax extract --json` output against the article-extraction
benchmark's ground truth with its metric (see ../shared/README.md): words
are regex \\w+ matches (Unicode, case kept); word 4-gram shingles counted
with multiplicity; per page TP/FP/FN scaled to sum to 1; precision and
recall are means over pages (a page with FP = FN = 0 scores 1);
F1 = 2PR/(P+R).  A page is matched by its file name's key."""
import collections, json, os, re, sys

WORD = re.compile(r"\w+")


def shingles(text, n=4):
    w = WORD.findall(text or "")
    return collections.Counter(tuple(w[i:i + n]) for i in range(len(w) - n + 1))


def page_pr(truth, pred):
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    s = tp + fp + fn
    tp, fp, fn = tp / s, fp / s, fn / s
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return prec, rec


def main():
    pred_path, gt_path = sys.argv[1], sys.argv[2]
    worst = int(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--worst" else 0
    gt = json.load(open(gt_path, encoding="utf-8"))
    pred = {}
    for line in open(pred_path, encoding="utf-8"):
        if line.strip():
            o = json.loads(line)
            key = os.path.basename(o["file"]).split(".")[0]
            pred[key] = o.get("text") or ""
    rows = []
    for key, v in gt.items():
        p, r = page_pr(v["articleBody"], pred.get(key, ""))
        rows.append((key, p, r))
    P = sum(r[1] for r in rows) / len(rows)
    R = sum(r[2] for r in rows) / len(rows)
    F = 2 * P * R / (P + R) if P + R else 0.0
    print(f"pages {len(rows)}  missing {sum(1 for k in gt if k not in pred)}")
    print(f"precision {P:.4f}  recall {R:.4f}  F1 {F:.4f}")
    for key, p, r in sorted(rows, key=lambda x: min(x[1], x[2]))[:worst]:
        print(f"  {key[:16]}  P {p:.3f}  R {r:.3f}")


if __name__ == "__main__":
    main()
