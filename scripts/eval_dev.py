#!/usr/bin/env python3
"""Score hadath on the development data with the project's event scorer.

    python scripts/eval_dev.py [--shared ../shared] [--out out/] [--json] [--extra GOLD.jsonl ...]

Codes the 40 dev leads (`dev/dev_gold.jsonl`) and the Elaph article from their
ids, dates and texts only, writes the predictions to OUT, and prints the
figures of `tools/score_events.py` for each set and the time coding took.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(shared: Path, out: Path, as_json: bool, extra: list[Path] = ()) -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    import hadath
    from hadath.pipeline import load

    t0 = time.perf_counter()
    load()
    load_s = time.perf_counter() - t0
    out.mkdir(parents=True, exist_ok=True)
    sets = {
        "dev": (shared / "data/dev/dev_gold.jsonl", [json.loads(l) for l in open(shared / "data/dev/dev_gold.jsonl", encoding="utf-8")]),
        "elaph": (shared / "data/dev/elaph_2021_us_iraq.gold.json", [json.load(open(shared / "data/dev/elaph_2021_us_iraq.gold.json", encoding="utf-8"))]),
    }
    for path in extra:  # other gold sets in the same format (annotated leads kept outside the repo)
        sets[path.stem] = (path, [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()])
    results = {"load_seconds": round(load_s, 2)}
    for name, (gold_path, docs) in sets.items():
        t0 = time.perf_counter()
        preds = [hadath.extract(d["text"], date=d["date"], doc_id=d["id"]) for d in docs]
        took = time.perf_counter() - t0
        pred_path = out / f"{name}_pred.jsonl"
        with open(pred_path, "w", encoding="utf-8") as f:
            for p in preds:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
        gold_jsonl = out / f"{name}_gold.jsonl"
        with open(gold_jsonl, "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        scorer = shared / "tools/score_events.py"
        res = json.loads(subprocess.run([sys.executable, str(scorer), str(gold_jsonl), str(pred_path), "--json"],
                                        capture_output=True, text=True, check=True).stdout)
        res["seconds"] = round(took, 2)
        res["place_mentions"] = place_mentions(docs, preds)
        res.update(dates_and_dead(scorer, docs, preds))
        results[name] = res
        if not as_json:
            print(f"== {name}: {len(docs)} documents coded in {took:.2f} s")
            print(subprocess.run([sys.executable, str(scorer), str(gold_jsonl), str(pred_path)],
                                 capture_output=True, text=True, check=True).stdout)
            print(f"events matched by type whose gold date is more precise than the document's, dated right: "
                  f"{res['precise_dates']}; ASSAULT events with a gold dead count, counted right: {res['dead_counts']}")
            pm = res["place_mentions"]
            print(f"gold place mentions found as places of the right country: {pm['found']}/{pm['gold']}"
                  f" ({pm['share']})\n")
    if as_json:
        print(json.dumps(results))
    else:
        print(f"pipeline load: {load_s:.2f} s")
    return results


def dates_and_dead(scorer: Path, docs: list[dict], preds: list[dict]) -> dict:
    """The two figures of the time-and-quantities issue, on the scorer's own type matching."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_events", scorer)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    n = dated = dn = counted = 0
    for d, p in zip(docs, preds):
        for gi, pi in score.match_doc(d["events"], p.get("events", [])):
            g, e = d["events"][gi], p["events"][pi]
            if g.get("date_precision") not in (None, "document"):
                n += 1
                dated += score.dates_agree(g, e)
            if g["event"] == "ASSAULT" and (g.get("size") or {}).get("dead") is not None:
                dn += 1
                counted += (e.get("size") or {}).get("dead") == g["size"]["dead"]
    return {"precise_dates": f"{dated}/{n}", "dead_counts": f"{counted}/{dn}"}


def place_mentions(docs: list[dict], preds: list[dict]) -> dict:
    """Of the distinct place texts of the gold events' locations, how many the coder found as a
    place entity geocoded to the gold country: the entity's text (folded, clitics and all) equals,
    contains or lies inside the gold text (حدود قطاع غزة holds the entity قطاع غزة)."""
    import re

    from hadath.text.normalize import fold

    def inside(small: str, big: str) -> bool:  # whole words, clitics allowed: جده in قصر السلام بجده
        return re.search(rf"(?:^|\s)[وفبلك]*{re.escape(small)}(?:$|\s)", big) is not None

    gold = found = 0
    for d, p in zip(docs, preds):
        wanted = {(fold(e["location"]["text"]), e["location"].get("country")) for e in d["events"]
                  if (e.get("location") or {}).get("text")}
        places = [(fold(e["text"]), e["geo"].get("country")) for e in p.get("entities", []) if e.get("geo")]
        for text, country in wanted:
            gold += 1
            found += any(c == country and (inside(t, text) or inside(text, t)) for t, c in places)
    return {"gold": gold, "found": found, "share": round(found / gold, 3) if gold else None}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default=str(ROOT / "out"))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--extra", action="append", default=[], metavar="GOLD.jsonl",
                    help="another gold set in dev_gold.jsonl's format to score too (repeatable)")
    a = ap.parse_args()
    run(Path(a.shared), Path(a.out), a.json, [Path(p) for p in a.extra])
    return 0


if __name__ == "__main__":
    sys.exit(main())
