#!/usr/bin/env python3
"""Builds words.txt from symspellpy's frequency_dictionary_en_82_765.txt (MIT; counts from
Google Books Ngram, CC BY 3.0). usage: build_words.py FREQ_DICT > words.txt

Format: the top N words, grouped by frequency bucket k = round(2*log2(count)); a line `@k`
starts a bucket; inside it the words are sorted and front-coded: one digit (characters shared
with the previous word of the bucket, at most 9) followed by the rest of the word."""
import math
import sys

N = 50000
rows = [l.split() for l in open(sys.argv[1], encoding="utf-8")][:N]
buckets = {}
for w, c in rows:
    buckets.setdefault(int(round(2 * math.log2(int(c)))), []).append(w)
print("# Top %d English words by frequency; see data/README.md (clean/) for source and licence." % N)
for k in sorted(buckets, reverse=True):
    print("@%d" % k)
    prev = ""
    for w in sorted(buckets[k]):
        p = 0
        while p < min(len(w), len(prev), 9) and w[p] == prev[p]:
            p += 1
        print("%d%s" % (p, w[p:]))
        prev = w
