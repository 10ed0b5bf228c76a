#!/usr/bin/env python3
"""ecb_split.py DEV.jsonl LABELS.tsv OUTDIR - inputs for order-robust scoring.

Writes OUTDIR/even.jsonl and OUTDIR/odd.jsonl (the articles of the even /
odd numbered topics, to be clustered alone, as a held-out split is) and
OUTDIR/dev.S.jsonl, OUTDIR/even.S.jsonl, OUTDIR/odd.S.jsonl for seeds
S = 1..8 (the same articles shuffled): an online clusterer's result depends
on the order, so one order is one draw.  Labels are read only to split by
topic; the engine never sees them.
"""
import json
import os
import random
import re
import sys


def main():
    dev, labels, out = sys.argv[1:4]
    topic = {}
    with open(labels) as f:
        for line in f:
            aid, event = line.rstrip("\n").split("\t")
            topic[aid] = int(re.match(r"\d+", event).group())
    with open(dev) as f:
        lines = f.readlines()
    halves = {"dev": lines, "even": [], "odd": []}
    for line in lines:
        t = topic.get(json.loads(line)["id"])
        if t is not None:
            halves["even" if t % 2 == 0 else "odd"].append(line)
    os.makedirs(out, exist_ok=True)
    for name, part in halves.items():
        if name != "dev":
            with open(os.path.join(out, name + ".jsonl"), "w") as f:
                f.writelines(part)
        for seed in range(1, 9):
            shuffled = part[:]
            random.Random(seed).shuffle(shuffled)
            with open(os.path.join(out, "%s.%d.jsonl" % (name, seed)), "w") as f:
                f.writelines(shuffled)


if __name__ == "__main__":
    main()
