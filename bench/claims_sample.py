#!/usr/bin/env python3
"""claims_sample.py - print a random sample of extracted quotes or
attributions with their context, for judging precision by hand.

    parallax claims --json --kind quote ../shared/data/ecbplus/dev.jsonl > q.jsonl
    python3 bench/claims_sample.py ../shared/data/ecbplus/dev.jsonl q.jsonl SEED [N]
"""
import json
import random
import sys

texts = {}
for line in open(sys.argv[1]):
    d = json.loads(line)
    texts[d['id']] = d['text'].encode()
rows = [json.loads(line) for line in open(sys.argv[2])]
random.seed(int(sys.argv[3]))
n = int(sys.argv[4]) if len(sys.argv) > 4 else 30
for i, r in enumerate(random.sample(rows, min(n, len(rows)))):
    c = r['claim']
    t = texts[r['article']]
    s, e = c['span']
    ctx = t[max(0, s - 150):e + 120].decode(errors='replace').replace('\n', ' / ')
    who = (c.get('speaker') or {}).get('name') or c.get('attributed_to')
    print(f"#{i} [{c['text'][:90]}] speaker={who!r} verb={c.get('verb')}"
          f" scare={c.get('scare')}")
    print("    context:", ctx)
