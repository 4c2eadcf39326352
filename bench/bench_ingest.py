#!/usr/bin/env python3
"""Benchmark ``hadath ingest``: documents and words per second and peak memory, for 1 and 2 workers.

    python bench/bench_ingest.py [--docs 400] [--workers 1 2] [--engine local|dask] [--corpus PATH ...]

Writes the first N articles of each shared corpus to a JSONL file and
ingests it into a new temporary store once per worker count, each run in a
fresh interpreter so that its figures are its own.  Times are wall-clock and
include everything a user waits for: starting the workers and building their
pipelines, reading, hashing, coding, writing to DuckDB and linking stories.
Peak memory is the maximum resident set of the parent (reader and writer)
and of the largest worker (resource.getrusage of self and of the children);
with N workers the machine holds about parent + N x worker.  CPU seconds of
the parent and of the workers (summed) show what coding costs and what the
reading, hashing, writing and linking around it cost.
"""
from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "data" / "corpora"
DEFAULT = [CORPORA / "ant_multisource_2018.jsonl.gz", CORPORA / "saudinewsnet_2015.jsonl.gz"]


def sample(corpus: Path, n: int, out: Path) -> tuple[int, int]:
    """The first n articles with text, as ingest reads them; returns (documents, words)."""
    docs = words = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as f, open(out, "w", encoding="utf-8") as w:
        for line in f:
            d = json.loads(line)
            if not d.get("text"):
                continue
            w.write(json.dumps({k: d.get(k) for k in ("id", "date", "text", "source", "title", "url")},
                               ensure_ascii=False) + "\n")
            docs += 1
            words += len(d["text"].split())
            if docs >= n:
                break
    return docs, words


def run_one(args) -> int:
    """One ingest in this interpreter; prints its figures as JSON."""
    sys.path.insert(0, str(ROOT / "src"))
    from hadath.store.ingest import ingest

    t0 = time.perf_counter()
    stats = ingest([args.input], args.db, workers=args.workers[0], engine=args.engine, progress=False)
    wall = time.perf_counter() - t0
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"wall_s": round(wall, 2), "stats": stats,
                      "parent_rss_mb": round(me.ru_maxrss / 1024), "worker_rss_mb": round(kids.ru_maxrss / 1024),
                      "parent_cpu_s": round(me.ru_utime + me.ru_stime, 1),
                      "worker_cpu_s": round(kids.ru_utime + kids.ru_stime, 1)}))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--engine", choices=("local", "dask"), default="local")
    ap.add_argument("--corpus", nargs="+", default=[str(p) for p in DEFAULT])
    ap.add_argument("--run", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--input", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.run:
        return run_one(a)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for corpus in map(Path, a.corpus):
            data = Path(tmp) / (corpus.name.split(".")[0] + ".jsonl")
            docs, words = sample(corpus, a.docs, data)
            for n in a.workers:
                db = Path(tmp) / f"{data.stem}-{a.engine}-{n}.duckdb"
                p = subprocess.run([sys.executable, __file__, "--run", "--input", str(data), "--db", str(db),
                                    "--workers", str(n), "--engine", a.engine],
                                   check=False, capture_output=True, text=True)
                if p.returncode:
                    sys.exit(f"the ingest of {data.name} with {n} workers failed:\n{p.stderr}")
                r = json.loads(p.stdout.strip().splitlines()[-1])
                results.append({
                    "corpus": corpus.name, "engine": a.engine, "workers": n, "documents": docs, "words": words,
                    "events": r["stats"]["stored_events"], "errors": r["stats"]["errors"], "wall_s": r["wall_s"],
                    "docs_per_s": round(docs / r["wall_s"], 1), "words_per_s": round(words / r["wall_s"]),
                    "parent_rss_mb": r["parent_rss_mb"], "worker_rss_mb": r["worker_rss_mb"],
                    "parent_cpu_s": r["parent_cpu_s"], "worker_cpu_s": r["worker_cpu_s"]})
                print(json.dumps(results[-1]), flush=True)
    print(f"\n{'corpus':<31}{'workers':>8}{'docs':>6}{'wall s':>8}{'docs/s':>8}{'words/s':>9}{'parent MB':>10}"
          f"{'worker MB':>10}{'parent cpu s':>13}{'worker cpu s':>13}")
    for r in results:
        print(f"{r['corpus']:<31}{r['workers']:>8}{r['documents']:>6}{r['wall_s']:>8}{r['docs_per_s']:>8}"
              f"{r['words_per_s']:>9}{r['parent_rss_mb']:>10}{r['worker_rss_mb']:>10}{r['parent_cpu_s']:>13}"
              f"{r['worker_cpu_s']:>13}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
