"""The learned role chooser: which actor mention did it, and to whom.

The rules (``EventCoder.roles``) read Arabic syntax for the subject, the
speaker, the agent and the marked recipient.  This model re-ranks the actor
mentions around a trigger (its sentence, the three before it and the
headline) with two logistic regressions, one for the actor and one for the
recipient, over features of each mention against the trigger: where it
stands (before or after, how far, across a clause, in the headline or an
earlier sentence), the word before it (مع، لـ، على، ضد، من قبل، برصاص ...),
what kind of mention it is and its sector, the event's type and trigger kind,
and whether the rules chose it.  The weights are ``role_model.json``, built by
``scripts/train_role_model.py`` from ``data/event_filter/roles.jsonl``
(people's choices of actor and recipient on news leads hadath was not
developed on).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from hadath.events.filter import bucket, probability, shipped
from hadath.text.component import sent_index
from hadath.text.normalize import fold

MODEL = "role_model.json"
CLAUSE = {".", "!", "?", "؟", "\n", ";", "؛", ":", "،", ","}
MARKERS = {fold(w) for w in ("مع", "ل", "الى", "إلى", "على", "ضد", "بحق", "تجاه", "نحو", "عن", "من", "قبل", "بين",
                              "برصاص", "بنيران", "يد", "قصف", "غارة", "غارات", "لدى", "و", "في", "ب", "ان", "إن", "أن")}


def _bucket(n: int) -> str:
    return bucket(n, (0, 1, 2, 5, 10, 20))


def candidates(doc: Doc, span: Span, local: list[Span]) -> list[Span]:
    """The actor mentions a trigger's roles are chosen from: its sentence, the three before, the headline."""
    title = [a for a in doc.spans.get("actors", []) if sent_index(doc, a.start) == 0]
    seen, out = set(), []
    for a in sorted(set(local) | set(title), key=lambda a: a.start):
        if (a.start, a.end) not in seen:
            seen.add((a.start, a.end))
            out.append(a)
    return out


def features(doc: Doc, span: Span, trig, etype: str, cand: Span, ranked: list[Span],
             rule_actor: list[Span], rule_recipient: list[Span]) -> list[str]:
    """The features of one mention as a possible actor or recipient of the event at ``span``."""
    k, j = sent_index(doc, span.start), sent_index(doc, cand.start)
    after = cand.start >= span.end
    overlap = cand.start < span.end and cand.end > span.start
    side = "in" if overlap else ("after" if after else "before")
    gap = (cand.start - span.end) if after else (span.start - cand.end)
    lo, hi = (span.end, cand.start) if after else (cand.end, span.start)
    crossed = any(t.text in CLAUSE for t in doc[lo:hi]) if not overlap and j == k else None
    prev = doc[cand.start - 1].norm_ if cand.start > 0 else "^"
    prev2 = doc[cand.start - 2].norm_ if cand.start > 1 else "^"
    info = cand._.actor or {}
    where = "same" if j == k else ("title" if j == 0 else f"back{min(k - j, 3)}")
    same_side = [c for c in ranked if (c.start >= span.end) == after and sent_index(doc, c.start) == j]
    order = same_side.index(cand) if cand in same_side else -1
    if not after and order >= 0:
        order = len(same_side) - 1 - order  # nearest first on either side
    kind = info.get("kind")
    f = [
        f"side={side}", f"where={where}", f"side*where={side}*{where}", f"dist={_bucket(gap)}",
        f"side*dist={side}*{_bucket(gap)}", f"crossed={crossed}", f"order={min(order, 3)}",
        f"side*order={side}*{min(order, 3)}",
        f"prev={prev if prev in MARKERS else 'other'}", f"prev2={prev2 if prev2 in MARKERS else 'other'}",
        f"prev*side={prev if prev in MARKERS else 'other'}*{side}",
        f"kind={kind}", f"sector={info.get('sector')}", f"stateless={info.get('country') is None}",
        f"weak={bool(info.get('weak'))}", f"locative={bool(info.get('locative'))}",
        f"type={etype}", f"type*side={etype}*{side}", f"tkind={trig.kind}", f"tkind*side={trig.kind}*{side}",
        f"tkind*side*order={trig.kind}*{side}*{min(order, 2)}",
        f"type*sector={etype}*{info.get('sector')}", f"kind*side={kind}*{side}",
        f"rule_actor={cand in rule_actor}", f"rule_recipient={cand in rule_recipient}",
        f"rule_actor*type={cand in rule_actor}*{etype}", f"rule_recipient*type={cand in rule_recipient}*{etype}",
        f"same_country_as_rule_actor={bool(rule_actor) and info.get('country') is not None and info.get('country') == (rule_actor[0]._.actor or {}).get('country')}",
        f"quoted={any(q.start <= cand.start < q.end for q in doc.spans.get('quotes', []))}",
        f"speaker={any(q._.quote.get('speaker_start') == cand.start for q in doc.spans.get('quotes', []))}",
        # the speaker of the reported speech the trigger stands in
        f"speaks_trigger={any(q._.quote.get('speaker_start') == cand.start and q.start <= span.start < q.end for q in doc.spans.get('quotes', []))}",
    ]
    return f


def model() -> dict | None:
    return shipped(MODEL)


def choose(doc: Doc, cands: list[Span], feats: list[list[str]], rule_actor: list[Span], rule_recipient: list[Span],
           m: dict) -> tuple[list[Span], list[Span]]:
    """The actor (with the rules' coordinated co-actors when it is theirs) and the recipient the model
    ranks first, each only above its threshold."""
    if not cands:
        return rule_actor, rule_recipient
    pa = [probability(f, m["actor"]) for f in feats]
    pr = [probability(f, m["recipient"]) for f in feats]
    best_a = max(range(len(cands)), key=lambda i: pa[i])
    actor: list[Span] = []
    if pa[best_a] >= m["actor"]["threshold"]:
        a0 = cands[best_a]
        actor = list(rule_actor) if rule_actor and rule_actor[0] == a0 else [a0]
    taken = {(a.start, a.end) for a in actor}
    others = [i for i in range(len(cands)) if (cands[i].start, cands[i].end) not in taken]
    if not m["recipient"].get("use", True):
        # the recipient model is kept for measurement only: the rules' recipient, unless it is the actor now
        return actor, [r for r in rule_recipient if (r.start, r.end) not in taken]
    recipient: list[Span] = []
    if others:
        best_r = max(others, key=lambda i: pr[i])
        if pr[best_r] >= m["recipient"]["threshold"]:
            recipient = [cands[best_r]]
    return actor, recipient
