"""The ``hadath_sentences`` component and fast sentence look-up.

spaCy's ``Span.sent`` checks the whole ``Doc`` for sentence annotation on
every call, which makes per-trigger look-ups quadratic on long texts; the
component therefore also keeps the sentence boundaries (token indices) in
``doc.user_data`` for :func:`sent_of` and :func:`sent_index`.
"""
from __future__ import annotations

from bisect import bisect_right

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from hadath.text.sentences import split_sentences

_KEY = "hadath_sent_starts"


@Language.component("hadath_sentences")
def set_sentences(doc: Doc) -> Doc:
    starts = {s for s, _ in split_sentences(doc.text)}
    token_starts = _bounded([i for i, tok in enumerate(doc) if i == 0 or tok.idx in starts], doc)
    if len(doc):
        flags = numpy.full((len(doc), 1), -1, dtype="int32")
        flags[token_starts, 0] = 1
        doc.from_array([SENT_START], flags.astype("uint64"))  # one call: setting tokens one by one is quadratic in spaCy
    doc.user_data[_KEY] = token_starts
    return doc


MAX_SENTENCE_TOKENS = 250  # text with no stops (lists, garbage) is cut so that per-sentence work stays bounded


def _bounded(starts: list[int], doc: Doc) -> list[int]:
    """Cut sentences longer than MAX_SENTENCE_TOKENS, at a comma when there is one."""
    out: list[int] = []
    ends = starts[1:] + [len(doc)]
    for s, e in zip(starts, ends):
        out.append(s)
        while e - s > MAX_SENTENCE_TOKENS:
            window = range(s + MAX_SENTENCE_TOKENS // 2, s + MAX_SENTENCE_TOKENS)
            cut = next((i + 1 for i in reversed(window) if doc[i].text in ("،", ",", "؛", ";")), s + MAX_SENTENCE_TOKENS)
            out.append(cut)
            s = cut
    return out


def is_sent_start(doc: Doc, i: int) -> bool:
    """Whether token ``i`` starts a sentence (``Token.is_sent_start`` rescans the Doc each call)."""
    starts = _starts(doc)
    k = bisect_right(starts, i) - 1
    return k >= 0 and starts[k] == i


def _starts(doc: Doc) -> list[int]:
    starts = doc.user_data.get(_KEY)
    if starts is None:  # a Doc that did not pass through hadath_sentences
        starts = [s.start for s in doc.sents] if len(doc) else [0]
        doc.user_data[_KEY] = starts
    return starts


def sentences(doc: Doc) -> list[Span]:
    """The sentences of the Doc as spans (``doc.sents`` without its per-call annotation check)."""
    starts = _starts(doc)
    return [doc[s:e] for s, e in zip(starts, starts[1:] + [len(doc)])]


def sent_index(doc: Doc, i: int) -> int:
    """The number of the sentence that token ``i`` is in (from 0)."""
    return max(0, bisect_right(_starts(doc), i) - 1)


def sent_of(span) -> Span:
    """The sentence of a span or token, as ``Span.sent`` but in O(log n)."""
    doc = span.doc
    i = span.start if isinstance(span, Span) else span.i
    starts = _starts(doc)
    k = sent_index(doc, i)
    end = starts[k + 1] if k + 1 < len(starts) else len(doc)
    return doc[starts[k]:end]


def near(doc: Doc, group: str, k: int, before: int = 0, after: int = 0) -> list[Span]:
    """The spans of ``doc.spans[group]`` that start in sentences ``k - before`` to ``k + after``."""
    key = f"hadath_by_sent_{group}"
    buckets = doc.user_data.get(key)
    if buckets is None:
        buckets = {}
        for sp in doc.spans.get(group, []):
            buckets.setdefault(sent_index(doc, sp.start), []).append(sp)
        doc.user_data[key] = buckets
    out: list[Span] = []
    for j in range(k - before, k + after + 1):
        out.extend(buckets.get(j, ()))
    return out


def before_clitics(doc: Doc, i: int) -> int:
    """The index of the word before token ``i``, the clitics ال، ب، ل، و and a hashtag's # between
    skipped (-1 if none)."""
    j = i - 1
    while j >= 0 and doc[j].norm_ in ("ال", "ب", "ل", "و", "#"):
        j -= 1
    return j
