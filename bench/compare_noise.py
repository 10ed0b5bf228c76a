#!/usr/bin/env python3
"""compare_noise.py - false alarms of `parallax compare` on ECB+ dev.

Pairs of articles of one topic: same event (they should share claims) and
different events of the same kind (two different earthquakes: any
`differs`, `rounded`, `attribution_changed`, `quote_changed` or `wording`
finding between them compares sentences that are not about the same thing).
Prints findings per pair by type and kind for both groups.  Labels are
read here only (bench), never by the engine.

    python3 bench/compare_noise.py PARALLAX dev.jsonl dev.labels.tsv [PAIRS_PER_TOPIC]
"""
import collections
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile

px, data, labels = sys.argv[1:4]
per_topic = int(sys.argv[4]) if len(sys.argv) > 4 else 4
arts = {}
for line in open(data):
    d = json.loads(line)
    arts[d['id']] = line
event = dict(l.rstrip('\n').split('\t') for l in open(labels))
topics = collections.defaultdict(list)
for a, e in sorted(event.items()):
    if a in arts:
        topics[e.rstrip('abcdefghijklmnopqrstuvwxyz')].append(a)
rng = random.Random(7)
groups = {'same event': [], 'different event': []}
for t, ids in sorted(topics.items()):
    pairs = list(itertools.combinations(ids, 2))
    rng.shuffle(pairs)
    for g in groups:
        want = g == 'same event'
        sel = [p for p in pairs if (event[p[0]] == event[p[1]]) == want]
        groups[g] += sel[:per_topic]
KEYS = ['differs', 'rounded', 'attribution_changed', 'quote_changed',
        'wording', 'only_in']
with tempfile.TemporaryDirectory() as tmp:
    for g, pairs in groups.items():
        count = collections.Counter()
        kinds = collections.Counter()
        for a, b in pairs:
            path = os.path.join(tmp, 'p.jsonl')
            with open(path, 'w') as f:
                f.write(arts[a] + arts[b])
            out = subprocess.run([px, 'compare', '--json', path],
                                 capture_output=True, text=True).stdout
            for fd in json.loads(out)['findings']:
                count[fd['type']] += 1
                if fd['type'] not in ('same', 'only_in'):
                    kinds[fd['type'] + '/' + fd['kind']] += 1
        n = len(pairs) or 1
        row = ' '.join(f"{k}={count[k] / n:.2f}" for k in KEYS + ['same'])
        print(f"{g:16s} pairs={len(pairs):3d}  per pair: {row}")
        alarms = sum(count[k] for k in KEYS[:5]) / n
        print(f"{'':16s} claim findings other than same/only_in per pair: {alarms:.2f};"
              f" by kind: {dict(sorted(kinds.items()))}")
