#!/usr/bin/env python3
"""Sentence-level detection scores: does hadath code an event of a type in a sentence?

Input: JSONL of sentences with the types they report, e.g.
{"sid": 1, "sentence": "...", "date": "2018-04-14", "ASSAULT": true, "PROTEST": false}
(any of the 16 PLOVER types may be given as a key).  Each sentence is coded
alone, with its date; a type counts as predicted when hadath codes at least one
event of it.  Prints precision, recall and F1 per type given, and, with
--errors, the sentences it got wrong.

    python scripts/eval_sentences.py SENTENCES.jsonl [--errors] [--no-filter]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def main() -> int:
    from hadath.lexicon import EVENT_TYPES
    from hadath.pipeline import annotate, load, to_record

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sentences", type=Path)
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--no-filter", action="store_true", help="the lexicon and rules alone, without the learned filter")
    a = ap.parse_args()
    nlp = load()
    nlp.get_pipe("hadath_events").filter = not a.no_filter
    rows = [json.loads(line) for line in a.sentences.open(encoding="utf-8") if line.strip()]
    types = [t for t in EVENT_TYPES if any(t in r for r in rows)]
    counts = {t: [0, 0, 0] for t in types}  # tp, fp, fn
    for r in rows:
        rec = to_record(annotate(r["sentence"], date=r.get("date"), nlp=nlp))
        coded = {e["event"] for e in rec["events"]}
        for t in types:
            if t not in r:
                continue
            gold, pred = bool(r[t]), t in coded
            counts[t][0] += gold and pred
            counts[t][1] += pred and not gold
            counts[t][2] += gold and not pred
            if a.errors and gold != pred:
                print(f"{'FN' if gold else 'FP'} {t} [{r.get('kind', '')}] {r['sentence'][:160]}")
    for t, (tp, fp, fn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
        print(f"{t:9s} P {p:.3f}  R {rc:.3f}  F1 {f1:.3f}   (tp {tp}, fp {fp}, fn {fn})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
