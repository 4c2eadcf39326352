#!/usr/bin/env python3
"""Draw the events hadath codes on news leads it was not developed on, for people to label.

The event filter (scripts/train_event_filter.py) learns from these labels which
of the lexicon's events a careful coder would keep.  Leads are drawn like the
development set's: random.Random(SEED), articles of ANT's middleEast and
internationalNews sections and of SaudiNewsNet, none of whose ids is in a gold
set given with --exclude; the lead is the title and the first paragraphs up to
about 500-1,100 characters (hadath.io.readers-independent, as below).  Every
event hadath codes on a lead becomes one item to label.

The items (with the lead's text) go to --out for labelling only; the repository
keeps the labels with the article id, the lead's length and the trigger's
offsets (data/event_filter/labels.jsonl), never the corpus text.

    python scripts/draw_filter_sample.py --leads 900 --batches 4 --out DIR [--exclude GOLD.jsonl ...]
    python scripts/draw_filter_sample.py --leads 900 --skip 900 --item-base 100000 --batches 4 --out DIR2 ...  # round 2
    python scripts/draw_filter_sample.py --leads 900 --item-base 200000 --batches 4 --out DIR3 \
        --exclude data/event_filter/labels.jsonl --exclude SENTENCES.jsonl ...   # round 3: leads not yet drawn
    python scripts/draw_filter_sample.py --collect DIR [DIR2]   # labelsN.jsonl -> data/event_filter/labels.jsonl
    python scripts/draw_filter_sample.py --roles DIR     # the real events' actor mentions, to label roles
    python scripts/draw_filter_sample.py --collect-roles DIR   # rolesN.jsonl -> data/event_filter/roles.jsonl
    python scripts/draw_filter_sample.py --import-gold GOLD.jsonl ...  # coded leads -> data/event_filter/gold_events.jsonl
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
CORPORA = ROOT.parent / "shared" / "data" / "corpora"
SEED = 4711
LABELS = ROOT / "data" / "event_filter" / "labels.jsonl"
ROLES = ROOT / "data" / "event_filter" / "roles.jsonl"
GOLD_EVENTS = ROOT / "data" / "event_filter" / "gold_events.jsonl"


def paragraphs(text: str) -> list[str]:
    return [re.sub(r"\s+", " ", p).strip() for p in text.split("\n") if p.strip()]


def lead(article: dict) -> str:
    """The title and the first paragraphs: at least 500 characters, at most three paragraphs, not
    past about 1,100; a single very long paragraph is cut at its last full stop before 1,050."""
    out, n = [], len(article["title"])
    for p in paragraphs(article["text"]):
        if out and n >= 500 and n + len(p) > 1100:
            break
        out.append(p)
        n += len(p) + 1
        if len(out) >= 3 and n >= 500:
            break
    text = article["title"].strip() + "\n" + "\n".join(out)
    if len(text) > 1300:
        cut = max((m.end() for m in re.finditer(r"\.(?=\s)", text) if m.end() <= 1050), default=-1)
        text = text[:cut].rstrip() if cut > 400 else text
    return text


def articles(exclude: set[str]) -> list[dict]:
    out = []
    with gzip.open(CORPORA / "ant_multisource_2018.jsonl.gz", "rt", encoding="utf-8") as f:
        out += [d for d in map(json.loads, f) if d["category"] in ("middleEast", "internationalNews")]
    with gzip.open(CORPORA / "saudinewsnet_2015.jsonl.gz", "rt", encoding="utf-8") as f:
        out += list(map(json.loads, f))
    return sorted((d for d in out if d["id"] not in exclude and d.get("title")), key=lambda d: d["id"])


def labelled(batches: list[Path], batch: str, labels: str, warn: bool = True):
    """(item, its label) for every labelled item of the batches, a label file ``labelsN.jsonl`` beside
    each ``batchN.jsonl`` (with ``batch`` and ``labels`` naming the two kinds of file)."""
    for path in sorted(batches):
        labels_path = path.parent / path.name.replace(batch, labels)
        if not labels_path.exists():
            print(f"warning: no {labels_path.name}", file=sys.stderr)
            continue
        got = {r["item"]: r for r in map(json.loads, labels_path.open(encoding="utf-8"))}
        for it in map(json.loads, path.open(encoding="utf-8")):
            lab = got.get(it["item"])
            if lab is None:
                if warn:
                    print(f"warning: item {it['item']} unlabelled", file=sys.stderr)
                continue
            yield it, lab


def write_rows(path: Path, rows: list[dict], what: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} {what} -> {path.relative_to(ROOT)}")


def collect(folders: list[Path]) -> int:
    """People's labels (labelsN.jsonl beside batchN.jsonl) -> the repository's label file, without text."""
    rows = [{"item": it["item"], "id": it["id"], "date": it["date"], "lead_chars": it["lead_chars"],
             "start": it["trigger"]["start"], "end": it["trigger"]["end"], "trigger": it["trigger"]["text"],
             "event": it["event"], "label": lab["label"], "why": lab.get("why", "")}
            for it, lab in labelled([b for folder in folders for b in folder.glob("batch*.jsonl")], "batch", "labels")]
    write_rows(LABELS, sorted(rows, key=lambda r: r["item"]), "labels")
    return 0


def draw_roles(folder: Path, batches: int) -> int:
    """For every labelled real event (yes, or another type), the lead's actor mentions, numbered, for
    people to say which is the actor and which the recipient (rolesN.jsonl batches in ``folder``)."""
    from hadath.pipeline import annotate, load

    labels = [json.loads(line) for line in LABELS.open(encoding="utf-8")]
    real = [r for r in labels if r["label"] != "no"]
    ids = {r["id"] for r in real}
    arts = {d["id"]: d for d in articles(set()) if d["id"] in ids}
    nlp = load()
    items, n = [], 0
    for doc_id in sorted(ids):
        text = lead(arts[doc_id])
        rows = [r for r in real if r["id"] == doc_id]
        doc = annotate(text, date=rows[0]["date"], doc_id=doc_id, nlp=nlp)
        cands = [{"c": i, "text": a.text, "start": a.start_char, "end": a.end_char}
                 for i, a in enumerate(sorted(doc.spans.get("actors", []), key=lambda a: a.start))]
        for r in rows:
            etype = r["label"].split(":", 1)[1] if r["label"].startswith("type:") else r["event"]
            items.append({"item": r["item"], "batch": n % batches, "id": doc_id, "text": text, "event": etype,
                          "trigger": {"text": r["trigger"], "start": r["start"], "end": r["end"]}, "candidates": cands})
        n += 1
    folder.mkdir(parents=True, exist_ok=True)
    for b in range(batches):
        with (folder / f"rolebatch{b + 1}.jsonl").open("w", encoding="utf-8") as f:
            for it in items:
                if it["batch"] == b:
                    f.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(f"{len(items)} events of {n} leads -> {folder}")
    return 0


def collect_roles(folder: Path) -> int:
    """People's role labels -> data/event_filter/roles.jsonl: the item, and the actor and recipient
    mentions by their offsets in the lead (no text)."""
    rows = []
    for it, lab in labelled(list(folder.glob("rolebatch*.jsonl")), "rolebatch", "roles", warn=False):
        spans = {c["c"]: [c["start"], c["end"]] for c in it["candidates"]}
        rows.append({"item": it["item"], "id": it["id"], "event": it["event"],
                     "actor": [spans[c] for c in lab.get("actor", []) if c in spans],
                     "recipient": [spans[c] for c in lab.get("recipient", []) if c in spans]})
    write_rows(ROLES, sorted(rows, key=lambda r: r["item"]), "role labels")
    return 0


def import_gold(paths: list[Path]) -> int:
    """Leads coded in full by people (dev_gold.jsonl's format) -> data/event_filter/gold_events.jsonl: per
    lead its id, date and length, and per event its type, trigger words and the actor's and recipient's
    countries; no corpus text.  Only leads that ``lead()`` rebuilds from the corpora exactly are kept."""
    docs = [json.loads(line) for path in paths for line in path.open(encoding="utf-8")]
    ids = {d["id"] for d in docs}
    arts = {d["id"]: d for d in articles(set()) if d["id"] in ids}
    rows = []
    for d in docs:
        if d["id"] not in arts or lead(arts[d["id"]]) != d["text"]:
            continue
        rows.append({"id": d["id"], "date": d["date"], "lead_chars": len(d["text"]), "events": [
            {"event": e["event"], "trigger": e["trigger"],
             "actor": sorted({a["country"] or "-" for a in e["actor"]}),
             "recipient": sorted({a["country"] or "-" for a in e["recipient"]})} for e in d["events"]]})
    write_rows(GOLD_EVENTS, rows, f"of {len(docs)} coded leads")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--leads", type=int, default=900)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--collect", type=Path, nargs="+", metavar="DIR")
    ap.add_argument("--skip", type=int, default=0, help="leads of the shuffled pool already drawn (a later round)")
    ap.add_argument("--item-base", type=int, default=0, help="the first item number (100000 for round 2 ...)")
    ap.add_argument("--roles", type=Path, metavar="DIR")
    ap.add_argument("--collect-roles", type=Path, metavar="DIR")
    ap.add_argument("--import-gold", type=Path, nargs="+", metavar="GOLD")
    ap.add_argument("--exclude", action="append", default=[], type=Path, help="a gold set whose ids are left out")
    ap.add_argument("--batches", type=int, default=3)
    a = ap.parse_args()
    if a.collect:
        return collect(a.collect)
    if a.roles:
        return draw_roles(a.roles, a.batches)
    if a.collect_roles:
        return collect_roles(a.collect_roles)
    if a.import_gold:
        return import_gold(a.import_gold)
    if not a.out:
        ap.error("--out is required to draw")
    from hadath.pipeline import annotate, load, to_record

    nlp = load()
    nlp.get_pipe("hadath_events").filter = False  # every event the lexicon and rules code, before the filter
    exclude = {json.loads(line)["id"] for path in a.exclude for line in path.open(encoding="utf-8")}
    pool = articles(exclude)
    random.Random(SEED).shuffle(pool)
    items = []
    for n, art in enumerate(pool[a.skip:a.skip + a.leads]):
        text = lead(art)
        rec = to_record(annotate(text, date=art["date"], doc_id=art["id"], nlp=nlp))
        for e in rec.get("events", []):
            items.append({"item": a.item_base + len(items), "batch": n % a.batches, "id": art["id"], "date": art["date"], "lead_chars": len(text), "text": text,
                          "event": e["event"], "mode": e["mode"], "trigger": e["trigger"],
                          "actor": [x["text"] for x in e["actor"]], "recipient": [x["text"] for x in e["recipient"]]})
    a.out.mkdir(parents=True, exist_ok=True)
    for b in range(a.batches):
        part = [it for it in items if it["batch"] == b]  # a lead's events stay together
        with (a.out / f"batch{b + 1}.jsonl").open("w", encoding="utf-8") as f:
            for it in part:
                f.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(f"{len(items)} events from {a.leads} leads -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
