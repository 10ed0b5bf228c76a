#!/usr/bin/env python3
"""gen_unspaced.py - a seeded synthetic corpus in a script written without
spaces, for the speed of `parallax dedup` / `parallax reuse` there
(bench/README.md).  Not real text: "words" of 1-4 characters drawn from
the first 3,000 CJK ideographs (or Thai letters; weight 1/(rank + 10):
the commonest ideograph is 1.8% of the text), the 200 commonest of them
one character long, chosen with a Zipf law (exponent 0.9),
clauses of 4-12 words ended by "，" or "。" (Thai: a space), articles of
600-1,500 characters; 2% of the articles carry a copied passage of 40-120
characters of an earlier one, 1% are a copy of an earlier one with 1-3
characters changed.

    python3 bench/gen_unspaced.py zh|th N SEED > corpus.jsonl
"""
import itertools
import json
import random
import sys

script, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
if script == 'zh':
    alphabet = [chr(0x4E00 + i) for i in range(3000)]
    ends = ['，', '，', '。']
else:
    alphabet = [chr(c) for c in range(0x0E01, 0x0E2F)]
    ends = [' ', ' ', ' ']
weights = list(itertools.accumulate(1.0 / (r + 10)
                                    for r in range(len(alphabet))))
vocab = []
for r in range(20000):  # the frequent words are the short ones
    k = 1 if r < 200 else rng.choice([2, 2, 2, 2, 2, 3, 3, 4])
    vocab.append(''.join(rng.choices(alphabet, cum_weights=weights, k=k)))
vweights = list(itertools.accumulate(1.0 / (r + 1) ** 0.9
                                     for r in range(len(vocab))))

docs = []
for i in range(n):
    r = rng.random()
    if docs and r < 0.01:  # near-duplicate
        t = list(rng.choice(docs))
        for _ in range(rng.randint(1, 3)):
            t[rng.randrange(len(t))] = rng.choice(alphabet)
        text = ''.join(t)
    else:
        size, parts = rng.randint(600, 1500), []
        while sum(map(len, parts)) < size:
            parts.append(''.join(rng.choices(vocab, cum_weights=vweights,
                                             k=rng.randint(4, 12))))
            parts.append(rng.choice(ends))
        text = ''.join(parts)
        if docs and r < 0.03:  # copied passage
            src = rng.choice(docs)
            k = rng.randint(40, 120)
            at = rng.randrange(max(1, len(src) - k))
            cut = rng.randrange(len(text))
            text = text[:cut] + src[at:at + k] + text[cut:]
    docs.append(text)
    print(json.dumps({'id': 'u%d' % i, 'text': text}, ensure_ascii=False))
