#!/usr/bin/env python3
"""Builds words.txt and word_buckets.txt from symspellpy's frequency_dictionary_en_82_765.txt
(MIT; counts from Google Books Ngram, CC BY 3.0).
usage: build_words.py FREQ_DICT OUT_DIR   (writes OUT_DIR/words.txt and OUT_DIR/word_buckets.txt)

words.txt: the top N words (letters a-z), sorted; each is written as an edit of the previous
word: one pop char (`0`-`9`, `A`-`Z` for 10-35: letters to drop from the previous word's end)
followed by the letters to append. No separators (the pop char delimits); lines of 1,000 chars
(the reader ignores line breaks).
word_buckets.txt: one char per word, in the same order: its frequency bucket
k = round(2*log2(count)) as chr(48 + k), rounded to an odd value below 46 (whole powers of
two: the rare words need no finer grain), 100 per line.
Two streams gzip better than one (the sorted words share prefixes; the buckets are a small
alphabet)."""
import math
import os
import sys

N = 40000


def bucket(count):
    k = int(round(2 * math.log2(count)))
    return 2 * (k // 2) + 1 if k < 46 else k


rows = [l.split() for l in open(sys.argv[1], encoding="utf-8")][:N]
words = sorted((w, bucket(int(c))) for w, c in rows)
assert all(w.isascii() and w.isalpha() and w.islower() for w, _ in words)
out = sys.argv[2]
edits, prev = [], ""
for w, _ in words:
    p = 0
    while p < min(len(w), len(prev)) and w[p] == prev[p]:
        p += 1
    pop = len(prev) - p
    edits.append((chr(48 + pop) if pop < 10 else chr(65 + pop - 10)) + w[p:])
    prev = w
s = "".join(edits)
with open(os.path.join(out, "words.txt"), "w", encoding="utf-8") as f:
    f.write("# Top %d English words by frequency, sorted, as edits of the previous word; see data/README.md (clean/).\n" % N)
    for i in range(0, len(s), 1000):
        f.write(s[i:i + 1000] + "\n")
with open(os.path.join(out, "word_buckets.txt"), "w", encoding="utf-8") as f:
    f.write("# Frequency bucket of each word of words.txt, in its order: char c = bucket ord(c) - 48; buckets below 46 rounded to odd values; see data/README.md.\n")
    s = "".join(chr(48 + k) for _, k in words)
    for i in range(0, len(s), 100):
        f.write(s[i:i + 100] + "\n")
