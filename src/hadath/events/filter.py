"""The learned event filter: which of the lexicon's events a careful coder would keep.

A logistic regression over a few hundred sparse features of each event the
rules code (its type, mode and trigger form, the kind of trigger, the words
around it, whether it stands in a headline, in quoted or reported speech,
after a negation, a condition or a future marker, which roles and sectors were
found, how its place and date were found).  Events under the model's
threshold are dropped; the probability of those kept, recalibrated on the
development set, is their ``confidence``.

The weights are ``event_filter.json``, built by ``scripts/train_event_filter.py``
from the labels in ``data/event_filter/labels.jsonl`` (people's judgements of
the events hadath coded on news leads it was not developed on).
"""
from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span

from hadath.text.component import sent_of
from hadath.text.normalize import fold

MODEL = "event_filter.json"
NEGATIONS = {fold(w) for w in ("لم", "لن", "لا", "ليس", "ليست", "عدم", "دون", "بدون", "نفى", "نفت", "ينفي", "تنفي", "غير")}
CONDITIONS = {fold(w) for w in ("إذا", "اذا", "إن", "لو", "حال", "قد", "ربما", "يمكن", "محتمل", "احتمال")}
FUTURE = {fold(w) for w in ("سوف", "المقبل", "المقبلة", "القادم", "القادمة", "غدا", "ستقوم", "يعتزم", "تعتزم", "تنوي",
                            "ينوي", "يخطط", "تخطط", "مرتقب", "مرتقبة", "سيتم")}
SPEECH = {fold(w) for w in ("قال", "قالت", "أكد", "أكدت", "أعلن", "أعلنت", "أضاف", "أضافت", "أوضح", "أوضحت", "أشار",
                            "أشارت", "صرح", "ذكر", "ذكرت", "بحسب", "وفقا", "حسب", "يقول", "تقول", "مضيفا", "مؤكدا",
                            "إن", "أن")}


def bucket(n: int, edges=(0, 1, 2, 4)) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def features(doc: Doc, span: Span, trig, event: dict, domain: str | None, title: bool,
             earlier: list[dict] = ()) -> list[str]:
    """The sparse features of one coded event; ``earlier`` are the events coded before it in the document."""
    etype = event["event"]
    sent = sent_of(span)
    form = fold(span.text)
    before = [t.norm_ for t in doc[max(sent.start, span.start - 4):span.start]]
    after = [t.norm_ for t in doc[span.end:min(sent.end, span.end + 3)]]
    wide_before = {t.norm_ for t in doc[max(sent.start, span.start - 10):span.start]}
    f = [
        "bias_type=" + etype, f"kind={trig.kind}", f"type*kind={etype}*{trig.kind}", f"mode={event.get('mode')}",
        f"form={trig.form}", f"type*form={etype}*{trig.form}", f"text={form}", f"words={len(span)}",
        f"lexicon_type={trig.type == etype}", f"trigger_future={trig.future}",
        f"actor={bool(event['actor'])}", f"recipient={bool(event['recipient'])}",
        f"loc={(event.get('location') or {}).get('source')}", f"date={event.get('date_precision')}",
        f"sentence={bucket(event['sentence'])}", f"title={title}", f"domain={domain}",
        f"pos={bucket((span.start - sent.start) // 4, (0, 1, 3, 6))}",
    ]
    f += [f"note={n}" for n in (trig.note or "").split(",") if n.strip()]
    for side in ("actor", "recipient"):
        for rec in event[side][:2]:
            f.append(f"{side}_sector={rec.get('sector')}")
            f.append(f"{side}_stateless={rec.get('country') is None}")
            f.append(f"type*{side}_sector={etype}*{rec.get('sector')}")
    f += [f"L1={w}" for w in before[-1:]] + [f"L2={w}" for w in before[-2:-1]] + [f"R1={w}" for w in after[:1]]
    f += [f"R2={w}" for w in after[1:2]]
    f.append(f"neg={bool(wide_before & NEGATIONS)}")
    f.append(f"cond={bool(wide_before & CONDITIONS)}")
    f.append(f"future={bool(wide_before & FUTURE) or any(t.norm_ in FUTURE for t in doc[span.end:min(sent.end, span.end + 8)])}")
    f.append(f"speech={bool(wide_before & SPEECH)}")
    f.append(f"quoted={any(q.start <= span.start < q.end for q in doc.spans.get('quotes', []))}")
    # a repeat of a happening already coded (a headline and its body, a bombing and its dead)
    # (repeats stand close by: in the headline or the sentences just before; further on, in a long
    # article, another event of the type is another happening)
    same = [e for e in earlier if e["event"] == etype and (e["sentence"] == 0 or event["sentence"] - e["sentence"] <= 2)]
    mine = {r.get("country") for r in event["actor"] + event["recipient"]} - {None}
    f.append(f"earlier_same_type={min(len(same), 2)}")
    f.append(f"earlier_same_sentence={any(e['sentence'] == event['sentence'] for e in same)}")
    f.append(f"earlier_same_countries={any(mine & ({r.get('country') for r in e['actor'] + e['recipient']} - {None}) for e in same)}")
    f.append(f"earlier_any_sentence={any(e['sentence'] == event['sentence'] for e in earlier)}")
    size = event.get("size") or {}
    f.append(f"counted={any(v is not None for v in size.values())}")
    return f


@cache
def shipped(name: str) -> dict | None:
    """A learned model shipped in this package (``event_filter.json``, ``role_model.json``), or None
    when none was built."""
    ref = resources.files(__package__).joinpath(name)
    if not ref.is_file():
        return None
    return json.loads(ref.read_text(encoding="utf-8"))


def model() -> dict | None:
    """The shipped filter weights, or None when none was built."""
    return shipped(MODEL)


def probability(feats: list[str], m: dict) -> float:
    """The logistic score of sparse features under a model's ``bias`` and ``weights``: for the filter,
    the chance that a careful coder keeps this event (as the labels taught it)."""
    w = m["weights"]
    z = m["bias"] + sum(w.get(x, 0.0) for x in set(feats))
    return 1.0 / (1.0 + math.exp(-z))


def confidence(p: float, m: dict) -> float:
    """The kept event's confidence: the filter's probability mapped, by Platt scaling fitted on the
    development set, to the chance that it matches a gold event of its type."""
    cal = m.get("calibration")
    if not cal:
        return p
    z = cal["a"] * math.log(p / (1 - p)) + cal["b"]
    return 1.0 / (1.0 + math.exp(-z))
