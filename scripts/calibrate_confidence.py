#!/usr/bin/env python3
"""Measure how well hadath's event confidence behaves like a probability.

    python scripts/calibrate_confidence.py [--shared ../shared] [--train GOLD.jsonl ...] [--test GOLD.jsonl ...]

Codes the development leads and the Elaph article (plus any ``--train`` sets),
labels each coded event 1 when the project's scorer matches it to a gold event
of its type, and prints the Brier score, the expected calibration error and a
reliability table of the shipped confidence, on that data and on each
``--test`` set. It also fits a small L2-regularised logistic regression on the
confidence and what the event came to have (a country for its actor, a
recipient, a place from its own text, a date, the kind of act) and prints the
same figures for it, to show whether a fitted layer would be better than the
rule score on data it was not fitted on. (So far it is not: see the closing
note of the events issue.)
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
NAMES = ["rule_score", "actor_country", "recipient", "headline", "own_place", "own_date", "spoken_act", "force"]


def features(event: dict) -> list[float]:
    loc = event.get("location") or {}
    return [
        event["confidence"],
        float(any(a.get("country") for a in event["actor"])),
        float(bool(event["recipient"])),
        float(event["sentence"] == 0),
        float(loc.get("source") in ("clause", "sentence", "lead")),
        float(event.get("date_precision") != "document"),
        float(event["event"] in SPOKEN),
        float(event["event"] in ("ASSAULT", "COERCE")),
    ]


SPOKEN = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE"}


def labelled(shared: Path, gold_docs: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and shipped confidences of every event hadath codes in ``gold_docs``."""
    from hadath.pipeline import extract

    spec = importlib.util.spec_from_file_location("score_events", shared / "tools" / "score_events.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    xs, ys, rules = [], [], []
    for d in gold_docs:
        pred = extract(d["text"], date=d["date"], doc_id=d["id"])["events"]
        matched = {pi for _, pi in score.match_doc(d["events"], pred)}
        for i, e in enumerate(pred):
            xs.append(features(e))
            ys.append(1.0 if i in matched else 0.0)
            rules.append(e["confidence"])
    return np.array(xs), np.array(ys), np.array(rules)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 50) -> tuple[np.ndarray, float]:
    """Logistic regression by Newton's method, the bias not penalised."""
    a = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(a.shape[1])
    reg = np.eye(a.shape[1]) * l2
    reg[0, 0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-a @ w))
        grad = a.T @ (p - y) + reg @ w
        hess = a.T @ (a * (p * (1 - p))[:, None]) + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[1:], float(w[0])


def report(name: str, p: np.ndarray, y: np.ndarray) -> str:
    """Brier score, expected calibration error (5 bins) and the reliability table."""
    bins = np.clip((p * 5).astype(int), 0, 4)
    rows, ece = [], 0.0
    for b in range(5):
        m = bins == b
        if m.any():
            ece += m.sum() / len(p) * abs(p[m].mean() - y[m].mean())
            rows.append(f"{b / 5:.1f}-{(b + 1) / 5:.1f}: n={int(m.sum()):3d} said {p[m].mean():.2f} true {y[m].mean():.2f}")
    brier = float(((p - y) ** 2).mean())
    return f"{name}: brier {brier:.3f}  ECE {ece:.3f}\n    " + "\n    ".join(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--test", action="append", default=[], metavar="GOLD.jsonl")
    ap.add_argument("--train", action="append", default=[], metavar="GOLD.jsonl",
                    help="more annotated leads to fit on, besides the development data")
    ap.add_argument("--l2", type=float, default=1.0)
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    shared = Path(a.shared)
    dev = [json.loads(line) for line in open(shared / "data/dev/dev_gold.jsonl", encoding="utf-8")]
    dev.append(json.load(open(shared / "data/dev/elaph_2021_us_iraq.gold.json", encoding="utf-8")))
    for path in a.train:
        dev += [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    x, y, rule = labelled(shared, dev)
    w, b = fit(x, y, a.l2)
    prob = 1 / (1 + np.exp(-(x @ w + b)))
    print(f"{len(y)} coded events on the fitting data, {int(y.sum())} of them true")
    print("weights: " + ", ".join(f"{n} {v:+.2f}" for n, v in zip(NAMES, w)) + f", bias {b:+.2f}")
    print(report("fitting data, shipped confidence", rule, y))
    print(report("fitting data, fitted layer", prob, y))
    for path in a.test:
        docs = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
        tx, ty, trule = labelled(shared, docs)
        tprob = 1 / (1 + np.exp(-(tx @ w + b)))
        print(report(f"{Path(path).stem} ({len(ty)} events), shipped confidence", trule, ty))
        print(report(f"{Path(path).stem}, fitted layer", tprob, ty))
    return 0


if __name__ == "__main__":
    sys.exit(main())
