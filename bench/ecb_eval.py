#!/usr/bin/env python3
"""ecb_eval.py LABELS.tsv [OUTPUT.jsonl|-] - score a clustering.

OUTPUT is the engine's JSON Lines ({"id": ..., "story": ...}); LABELS is
id<TAB>event.  Prints the adjusted Rand index and BCubed precision, recall
and F1 over the articles present in both.  --topics SPLIT restricts to
topics whose number is even/odd (SPLIT = even|odd), for cross-validation
across topic halves (ECB+ events are named <topic>ecb / <topic>ecbplus).
"""
import json
import sys
from collections import Counter
from math import comb


def ari(pred, gold):
    n = len(pred)
    pairs = Counter(zip(pred, gold))
    a = sum(comb(v, 2) for v in Counter(pred).values())
    b = sum(comb(v, 2) for v in Counter(gold).values())
    idx = sum(comb(v, 2) for v in pairs.values())
    exp = a * b / comb(n, 2) if n > 1 else 0
    mx = (a + b) / 2
    return 1.0 if mx == exp else (idx - exp) / (mx - exp)


def bcubed(pred, gold):
    pairs = Counter(zip(pred, gold))
    cp, cg = Counter(pred), Counter(gold)
    n = len(pred)
    p = sum(pairs[(x, y)] / cp[x] for x, y in zip(pred, gold)) / n
    r = sum(pairs[(x, y)] / cg[y] for x, y in zip(pred, gold)) / n
    return p, r, 2 * p * r / (p + r)


def main():
    args = sys.argv[1:]
    split = None
    if args and args[0] == "--topics":
        split, args = args[1], args[2:]
    gold = dict(l.rstrip("\n").split("\t") for l in open(args[0]) if l.strip())
    src = sys.stdin if len(args) < 2 or args[1] == "-" else open(args[1])
    pred = {}
    for line in src:
        o = json.loads(line)
        pred[o["id"]] = o["story"]
    ids = [i for i in pred if i in gold]
    if split:
        want = 0 if split == "even" else 1
        ids = [i for i in ids
               if int(gold[i].rstrip("ecbplus")) % 2 == want]
    p = [pred[i] for i in ids]
    g = [gold[i] for i in ids]
    bp, br, bf = bcubed(p, g)
    print("articles %d events %d stories %d ARI %.4f BCubedP %.4f "
          "BCubedR %.4f BCubedF1 %.4f" % (len(ids), len(set(g)), len(set(p)),
                                          ari(p, g), bp, br, bf))


if __name__ == "__main__":
    main()
