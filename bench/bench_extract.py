#!/usr/bin/env python3
"""Benchmark hadath's coding speed and memory on real news.

    python bench/bench_extract.py [--docs 500] [--corpus PATH]

Reads the first N articles of a shared corpus (title + text), times pipeline
start-up and coding, and prints documents/s, words/s, events/document, peak
resident memory and the seconds each component took: ``gazetteer_load_s`` is
what loading the gazetteer adds to start-up, ``geocoding_share`` the part of
coding time spent in ``hadath_geo``.  Whole-process figures belong to an external timer
(/usr/bin/time -v python bench/bench_extract.py); this script reports the
in-process split between start-up and coding.
"""
from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "corpora" / "ant_multisource_2018.jsonl.gz"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--corpus", default=str(DEFAULT))
    a = ap.parse_args()
    docs = []
    with gzip.open(a.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs.append((d["id"], d.get("date"), (d.get("title") or "") + "\n" + (d.get("text") or "")))
            if len(docs) >= a.docs:
                break
    t0 = time.perf_counter()
    from hadath.lexicon import gazetteer
    from hadath.pipeline import InputError, check_text, load, parse_date, to_record

    t = time.perf_counter()
    gazetteer()  # loaded once, here, so its cost shows apart from the rest of start-up
    gazetteer_s = time.perf_counter() - t
    nlp = load()
    startup = time.perf_counter() - t0
    words = sum(len(t.split()) for _, _, t in docs)
    events = errors = 0
    per_component = {"tokenizer": 0.0, **{name: 0.0 for name, _ in nlp.pipeline}}
    t0 = time.perf_counter()
    for doc_id, date, text in docs:
        try:
            check_text(text)
            t = time.perf_counter()
            doc = nlp.make_doc(text)
            per_component["tokenizer"] += time.perf_counter() - t
            doc._.doc_date, doc._.doc_id = parse_date(date), doc_id
            for name, proc in nlp.pipeline:  # as annotate() does, timing each layer
                t = time.perf_counter()
                doc = proc(doc)
                per_component[name] += time.perf_counter() - t
            events += len(to_record(doc)["events"])
        except InputError:
            errors += 1
    took = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({
        "documents": len(docs), "words": words, "errors": errors, "startup_s": round(startup, 2),
        "gazetteer_load_s": round(gazetteer_s, 3), "geocoding_share": round(per_component["hadath_geo"] / took, 3),
        "coding_s": round(took, 2), "docs_per_s": round(len(docs) / took, 1), "words_per_s": round(words / took),
        "events_per_doc": round(events / max(1, len(docs)), 2), "peak_rss_mb": round(peak_mb),
        "seconds_by_component": {k: round(v, 2) for k, v in per_component.items()},
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
