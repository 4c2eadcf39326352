#!/usr/bin/env python3
"""Train the learned role chooser: src/hadath/events/role_model.json.

Reads people's choices of actor and recipient (data/event_filter/roles.jsonl,
drawn by ``scripts/draw_filter_sample.py --roles``: the real events among the
filter's labels, with the lead's actor mentions to choose from), rebuilds the
leads from ../shared/data/corpora, codes them with the rules alone and keeps
the features of every candidate mention of each labelled event
(hadath/events/role_model.py).  A mention is a positive for a role when it is
one the person chose, or the same words.

It fits one L2-regularised logistic regression for the actor and one for the
recipient, and reports, by five-fold cross-validation over leads, how often
the chosen actor's and recipient's countries agree with the people's
(score_events.py's test: the countries meet, or both sides are empty), for the
rules alone and with the model, at the thresholds that do best.

    python scripts/train_role_model.py [--l2 3] [--dry-run]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))
LABELS = ROOT / "data" / "event_filter" / "labels.jsonl"
ROLES = ROOT / "data" / "event_filter" / "roles.jsonl"
GOLD_EVENTS = ROOT / "data" / "event_filter" / "gold_events.jsonl"
OUT = ROOT / "src" / "hadath" / "events" / "role_model.json"


def examples(roles: list[dict], gold_leads: list[dict]) -> list[dict]:
    """One record per event: its candidate mentions (features, country, text), the positives for
    each role and the countries a person gave each role.

    People's role choices (roles.jsonl) and leads coded in full (gold_events.jsonl, matched to the
    rules' events by type as score_events.py matches them) both count at the level the scorer
    judges: a mention is right for a role when its country is one of the role's countries; where
    the role has no country (ISIS, the UN), a mention without one."""
    from draw_filter_sample import lead
    from train_event_filter import corpus_articles

    from hadath.pipeline import annotate, load

    sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))
    import score_events

    meta = {r["item"]: r for r in map(json.loads, LABELS.open(encoding="utf-8"))}
    nlp = load()
    coder = nlp.get_pipe("hadath_events")
    coder.filter, coder.role_model, coder.keep_features = False, False, True
    arts = corpus_articles({r["id"] for r in roles} | {g["id"] for g in gold_leads})
    out = []

    def record(doc_id: str, cands: list[dict], actor: set, recipient: set, stateless: tuple[bool, bool]) -> dict:
        def positives(countries: set, none: bool) -> set[int]:
            if countries:
                return {i for i, c in enumerate(cands) if c["country"] in countries}
            return {i for i, c in enumerate(cands) if c["country"] is None} if none else set()

        return {"doc": doc_id, "cands": cands, "gold_actor": actor, "gold_recipient": recipient,
                "actor": positives(actor, stateless[0]), "recipient": positives(recipient, stateless[1]),
                "rule_actor": {i for i, c in enumerate(cands) if "rule_actor=True" in c["features"]},
                "rule_recipient": {i for i, c in enumerate(cands) if "rule_recipient=True" in c["features"]}}

    try:
        by_doc: dict[str, list[dict]] = {}
        for r in roles:
            by_doc.setdefault(r["id"], []).append(r)
        for doc_id, rows in sorted(by_doc.items()):
            m0 = meta[rows[0]["item"]]
            text = lead(arts[doc_id])
            if len(text) != m0["lead_chars"]:
                continue
            doc = annotate(text, date=m0["date"], doc_id=doc_id, nlp=nlp)
            coded = {(e["trigger"]["start"], e["trigger"]["end"]): e for e in doc._.events}
            for r in rows:
                m = meta[r["item"]]
                e = coded.get((m["start"], m["end"]))
                if e is None or not e.get("_role_candidates"):
                    continue
                cands = e["_role_candidates"]
                by_span = {(c["start"], c["end"]): c["country"] for c in cands}
                sides = [[by_span.get((s, t), "?") for s, t in r[k]] for k in ("actor", "recipient")]
                out.append(record(doc_id, cands, {c for c in sides[0] if c not in (None, "?")},
                                  {c for c in sides[1] if c not in (None, "?")}, (None in sides[0], None in sides[1])))
        for g in gold_leads:
            text = lead(arts[g["id"]]) if g["id"] in arts else ""
            if len(text) != g["lead_chars"]:
                continue
            doc = annotate(text, date=g["date"], doc_id=g["id"], nlp=nlp)
            coded = doc._.events
            as_gold = [{"event": e["event"], **{k: [{"country": None if c == "-" else c} for c in e[k]]
                                                for k in ("actor", "recipient")}} for e in g["events"]]
            for gi, pi in score_events.match_doc(as_gold, coded):
                ge, cands = g["events"][gi], coded[pi].get("_role_candidates")
                if not cands:
                    continue
                out.append(record(g["id"], cands, set(ge["actor"]) - {"-"}, set(ge["recipient"]) - {"-"},
                                  ("-" in ge["actor"], "-" in ge["recipient"])))
    finally:
        coder.filter, coder.role_model, coder.keep_features = True, True, False
    return out


def side_ok(gold: set, pred: set) -> bool:
    return (not gold and not pred) or bool(gold & pred)


def main() -> int:
    from train_event_filter import fit

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--l2", type=float, default=3.0)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--roles", type=Path, default=ROLES)
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    roles = [json.loads(line) for line in a.roles.open(encoding="utf-8")]
    gold_leads = [json.loads(line) for line in GOLD_EVENTS.open(encoding="utf-8")] if GOLD_EVENTS.exists() else []
    ex = examples(roles, gold_leads)
    counts: dict[str, int] = {}
    for e in ex:
        for c in e["cands"]:
            for f in set(c["features"]):
                counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= a.min_count)
    index = {f: i for i, f in enumerate(vocab)}
    rows = [(n, i) for n, e in enumerate(ex) for i in range(len(e["cands"]))]
    X = np.zeros((len(rows), len(vocab)))
    for r, (n, i) in enumerate(rows):
        for f in set(ex[n]["cands"][i]["features"]):
            if f in index:
                X[r, index[f]] = 1.0
    ya = np.array([1.0 if i in ex[n]["actor"] else 0.0 for n, i in rows])
    yr = np.array([1.0 if i in ex[n]["recipient"] else 0.0 for n, i in rows])
    print(f"{len(roles)} role labels and {len(gold_leads)} coded leads: {len(ex)} events, {len(rows)} candidate mentions, "
          f"{len(vocab)} features")

    docs = sorted({e["doc"] for e in ex})
    fold_of = {d: k % 5 for k, d in enumerate(docs)}
    row_fold = np.array([fold_of[ex[n]["doc"]] for n, _ in rows])
    pa, pr = np.zeros(len(rows)), np.zeros(len(rows))
    for k in range(5):
        tr, te = row_fold != k, row_fold == k
        w, b = fit(X[tr], ya[tr], a.l2)
        pa[te] = 1 / (1 + np.exp(-(X[te] @ w + b)))
        w, b = fit(X[tr], yr[tr], a.l2)
        pr[te] = 1 / (1 + np.exp(-(X[te] @ w + b)))
    by_event: dict[int, list[int]] = {}
    for r, (n, _) in enumerate(rows):
        by_event.setdefault(n, []).append(r)

    def agreement(ta: float, trr: float) -> tuple[float, float]:
        ok_a = ok_r = 0
        for n, rs in by_event.items():
            e = ex[n]
            best = max(rs, key=lambda r: pa[r])
            actor = {rows[best][1]} if pa[best] >= ta else set()
            others = [r for r in rs if rows[r][1] not in actor]
            rec = set()
            if others:
                br = max(others, key=lambda r: pr[r])
                rec = {rows[br][1]} if pr[br] >= trr else set()
            ok_a += side_ok(e["gold_actor"], {e["cands"][i]["country"] for i in actor} - {None})
            ok_r += side_ok(e["gold_recipient"], {e["cands"][i]["country"] for i in rec} - {None})
        return ok_a / len(ex), ok_r / len(ex)

    rule_a = sum(side_ok(e["gold_actor"], {e["cands"][i]["country"] for i in e["rule_actor"]} - {None}) for e in ex) / len(ex)
    rule_r = sum(side_ok(e["gold_recipient"], {e["cands"][i]["country"] for i in e["rule_recipient"]} - {None})
                 for e in ex) / len(ex)
    print(f"rules alone: actor countries agree {rule_a:.3f}, recipient {rule_r:.3f}")
    grid = [round(t, 2) for t in np.arange(0.05, 0.80, 0.05)]
    best_a = max(grid, key=lambda t: (agreement(t, 0.5)[0], -t))
    best_r = max(grid, key=lambda t: (agreement(best_a, t)[1], -t))
    got = agreement(best_a, best_r)
    print(f"with the model (cross-validated): actor {got[0]:.3f} at threshold {best_a}, recipient {got[1]:.3f} at {best_r}")
    if a.dry_run:
        return 0
    parts = {}
    for name, y, t in (("actor", ya, best_a), ("recipient", yr, best_r)):
        w, b = fit(X, y, a.l2)
        parts[name] = {"threshold": t, "bias": round(b, 4),
                       "weights": {f: round(float(v), 4) for f, v in sorted(zip(vocab, w)) if abs(v) >= 1e-4}}
    OUT.write_text(json.dumps({
        "about": "hadath's learned role chooser; built by scripts/train_role_model.py from data/event_filter/roles.jsonl",
        "trained_on": len(ex), "l2": a.l2,
        "cv": {"rules_actor": round(rule_a, 4), "rules_recipient": round(rule_r, 4),
               "actor": round(got[0], 4), "recipient": round(got[1], 4)},
        **parts}, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"-> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
