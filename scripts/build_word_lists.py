#!/usr/bin/env python3
"""Build two word lists from the shared news corpora: src/hadath/lexicon/whole_words.txt and common_words.txt.

whole_words.txt: frequent words that begin like a clitic but are one word.

The tokenizer splits a proclitic (و ف ب ل ك ال) off a word when what remains
is a word the lexicons know.  Some everyday words look like a clitic plus a
known word: فترة "period" is not ف + ترة, وزارة "ministry" is not و + زارة.
A word belongs in this list when, in a sample of news, it is frequent and the
remainder a split would leave is rare: a real clitic+word form (وقال،
وبغداد) leaves a frequent stem (قال، بغداد).

common_words.txt: the 20,000 most frequent folded words, most frequent first.
A word after قرية / مدينة / منطقة ... that is none of them is likely a name
(قرية الدالوه، مدينة سيفاري), one of them a description (مدينة كبيرة).

    python scripts/build_word_lists.py [--articles 20000]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
CORPORA = [ROOT.parent / "shared" / "data" / "corpora" / n for n in ("ant_multisource_2018.jsonl.gz", "saudinewsnet_2015.jsonl.gz")]
OUT = ROOT / "src" / "hadath" / "lexicon" / "whole_words.txt"
COMMON_OUT = ROOT / "src" / "hadath" / "lexicon" / "common_words.txt"
COMMON = 20_000
MIN_COUNT = 30
PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")


def main() -> int:
    from hadath.text.normalize import fold

    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=20000, help="articles read from each corpus")
    a = ap.parse_args()
    counts: Counter[str] = Counter()
    for path in CORPORA:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= a.articles:
                    break
                counts.update(fold(w) for w in re.findall(r"[\u0621-\u064A\u0640\u064B-\u0652]+", json.loads(line).get("text", "")))
    keep = []
    for w, n in counts.items():
        if n < MIN_COUNT or len(w) < 4:
            continue
        rests = [w[len(p):] for p in PREFIXES if w.startswith(p) and len(w) - len(p) >= 3]
        # the remainder is rare in itself: وقال stays و + قال, but فترة is not ف + ترة
        if rests and all(counts.get(r, 0) < max(MIN_COUNT, n / 20) for r in rests):
            keep.append(w)
    keep.sort()
    OUT.write_text("# frequent news words that look like clitic + word but are one word; built by scripts/build_whole_words.py\n"
                   + "\n".join(keep) + "\n", encoding="utf-8")
    print(f"{len(keep)} words -> {OUT.relative_to(ROOT)}")
    common = [w for w, _ in sorted(counts.items(), key=lambda wn: (-wn[1], wn[0]))[:COMMON]]
    COMMON_OUT.write_text("# the most frequent folded words of the shared news corpora, most frequent first; built by"
                          " scripts/build_word_lists.py\n" + "\n".join(common) + "\n", encoding="utf-8")
    print(f"{len(common)} words -> {COMMON_OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
