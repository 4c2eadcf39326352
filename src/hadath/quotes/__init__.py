"""Reported speech: who said what.

``hadath_quotes`` finds speech cues (قال، أكد، أشار، أوضح، صرح ... and their
participles مؤكدا، مشيرا ...; "بحسب" and "وفقا لـ"), the speaker (the actor
after the verb, else before it in the sentence, else the last speaker, as
with "من جانبه" and "وأضاف"), and the quoted content (from إن/أن, a colon
or a quotation mark to the end of the sentence or the closing quote).  Each
quote is a span in ``doc.spans["quotes"]`` with ``_.quote`` = {speaker,
cue}; the speaker is the actor record of the actors layer or null.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from hadath.lexicon import noun_forms, past_forms, present_forms, read_tsv
from hadath.text.component import sentences
from hadath.text.normalize import fold

COMPLEMENTIZERS = {"ان", "بان", "لان", "انه", "انها", "انهم", "انهما", "اننا", "انني", "بانه", "بانها", "بانهم"}
OPEN_QUOTES = {"«", '"', "“"}
ACCORDING = {fold(w) for w in ("بحسب", "حسب", "وفقا", "وفق")}
WINDOW = 7  # tokens after a speech verb in which its subject is looked for


@lru_cache(maxsize=None)
def speech_forms() -> frozenset[str]:
    out: set[str] = set()
    for r in read_tsv("speech.tsv"):
        kind, form = r["kind"], r["form"]
        out |= {"past": past_forms, "pres": present_forms, "noun": noun_forms}[kind](form)
    out -= {"بين", "ذكر"}  # too often "between" / "male"; kept only with a complementizer (below)
    return frozenset(out)


def in_forms(norm: str, forms: frozenset[str]) -> bool:
    """``norm`` is one of ``forms``, or is one with the conjunction the tokenizer leaves on words the
    lexicons lack (وقال، فأضاف)."""
    return norm in forms or (norm[:1] in ("و", "ف") and norm[1:] in forms)


def is_speech_verb(norm: str) -> bool:
    """قال، وقال، فأضاف: a speech verb."""
    return in_forms(norm, speech_forms())


def _actor_after(actors: "_Sorted", i: int, sent_end: int, limit: int = WINDOW) -> Span | None:
    """The first non-locative actor starting in (i, i + limit] within the sentence; ``actors`` sorted."""
    for k in range(bisect_right(actors.starts, i), len(actors)):
        a = actors[k]
        if a.start > i + limit or a.start >= sent_end:
            break
        if not a._.actor.get("locative"):
            return a
    return None


def _actor_before(actors: "_Sorted", i: int, sent_start: int) -> Span | None:
    """The last non-locative actor ending at or before i and starting in the sentence."""
    for k in range(bisect_right(actors.starts, i) - 1, -1, -1):
        a = actors[k]
        if a.start < sent_start:
            break
        if a.end <= i and not a._.actor.get("locative"):
            return a
    return None


class _Sorted(list):
    """Actors sorted by start, with the starts kept for bisection."""

    def __init__(self, spans):
        super().__init__(sorted(spans, key=lambda a: a.start))
        self.starts = [a.start for a in self]


class QuoteFinder:
    def __call__(self, doc: Doc) -> Doc:
        actors = _Sorted(doc.spans.get("actors", []))
        quotes = []
        last_speaker: Span | None = None
        for sent in sentences(doc):
            cues = [t for t in sent if self._is_cue(t)]
            for cue in cues:
                speaker = _actor_after(actors, cue.i, sent.end)
                if speaker is None or (speaker.start > cue.i + 1 and doc[cue.i + 1].norm_ in COMPLEMENTIZERS):
                    speaker = _actor_before(actors, cue.i, sent.start) or last_speaker
                if cue.norm_ in ACCORDING:
                    speaker = _actor_after(actors, cue.i, sent.end, limit=3)
                    content = (sent.start, cue.i) if cue.i > sent.start + 2 else (speaker.end if speaker else cue.i + 1, sent.end)
                else:
                    content = self._content(doc, cue, sent, speaker)
                if content is None or content[1] - content[0] < 2:
                    continue
                span = Span(doc, content[0], content[1], label="QUOTE")
                rec = dict(speaker._.actor) if speaker is not None else None
                direct = content[0] > 0 and (doc[content[0] - 1].norm_ in COMPLEMENTIZERS or doc[content[0] - 1].text in OPEN_QUOTES | {":"})
                span._.quote = {"speaker": rec, "cue": {"text": cue.text, "start": cue.idx, "end": cue.idx + len(cue.text)},
                                "speaker_start": speaker.start if speaker is not None else None,
                                # without إن/أن or a quotation mark the content is the speech verb's object
                                # (أكد دعمه), whose acts are the speaker's own
                                "object": not direct and cue.norm_ not in ACCORDING}
                quotes.append(span)
                if speaker is not None:
                    last_speaker = speaker
            if not cues:
                first = _actor_after(actors, sent.start - 1, sent.end, limit=4)
                if first is not None:
                    last_speaker = first
        doc.spans["quotes"] = quotes
        return doc

    def _is_cue(self, tok) -> bool:
        n = tok.norm_
        if n in ACCORDING:
            return True
        if is_speech_verb(n):
            return True
        # بين / ذكر only as "بين أن", "ذكر أن"
        return n in ("بين", "ذكر") and tok.i + 1 < len(tok.doc) and tok.nbor(1).norm_ in COMPLEMENTIZERS

    @staticmethod
    def _content(doc: Doc, cue, sent: Span, speaker: Span | None) -> tuple[int, int] | None:
        start = cue.i + 1
        if speaker is not None and speaker.start >= start:
            start = speaker.end
        j = start
        while j < sent.end and j - start < 12:
            t = doc[j]
            if t.norm_ in COMPLEMENTIZERS or t.text in OPEN_QUOTES or t.text == ":":
                start = j + 1
                break
            j += 1
        end = sent.end
        opened = start > 0 and doc[start - 1].text in OPEN_QUOTES
        for k in range(start, sent.end):
            t = doc[k].text
            if t in ("«", "“") or (t == '"' and not opened):
                opened = True
            elif opened and t in ("»", "”", '"'):
                end = k + 1 if k > start and doc[start].text in OPEN_QUOTES | {'"'} else k
                break
        return (start, end) if end > start else None


@Language.factory("hadath_quotes")
def make_quotes(nlp: Language, name: str):
    return QuoteFinder()
