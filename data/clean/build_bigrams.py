#!/usr/bin/env python3
"""Builds bigrams.txt from symspellpy's frequency_bigramdictionary_en_243_342.txt (MIT; counts
from Google Books Ngram, CC BY 3.0) and the unigram list.
usage: build_bigrams.py UNIGRAMS BIGRAMS > bigrams.txt

Keeps the N most frequent bigrams whose two words are both among the TOP most frequent words.
Format: a line `@first` starts a group; inside it a line `=bucket` starts a bucket (buckets
descending), the bucket being round(2*log2(count)), so count ~ 2^(bucket/2); each other line is
a `second` word of that bucket (sorted)."""
import math
import sys

TOP, N = 2000, 4000
uni = [l.split() for l in open(sys.argv[1], encoding="utf-8")]
rank = {w: i for i, (w, _) in enumerate(uni)}
rows = []
for line in open(sys.argv[2], encoding="utf-8"):
    a, b, c = line.split()
    if rank.get(a, TOP) < TOP and rank.get(b, TOP) < TOP:
        rows.append((int(c), a, b))
rows.sort(reverse=True)
groups = {}
for c, a, b in rows[:N]:
    groups.setdefault(a, []).append((b, int(round(2 * math.log2(c)))))
print("# Top %d English bigrams of the %d most frequent words; see data/README.md (clean/)." % (N, TOP))
for a in sorted(groups):
    print("@" + a)
    bucket = None
    for b, k in sorted(groups[a], key=lambda t: (-t[1], t[0])):
        if k != bucket:
            print("=%d" % k)
            bucket = k
        print(b)
