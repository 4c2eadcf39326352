"""Sentence splitting for Arabic news.

Boundaries: line breaks; ``.`` ``؟`` ``?`` ``!`` ``…`` (and runs of them)
followed by white space, a closing quote or the end of the text.  Not a
boundary: a full stop inside a number (3.5), after a one-letter abbreviation
(د. for doctor, م. for the Gregorian year), inside a short quotation in
«» or "" (a quoted sentence stays inside the sentence that reports it), or
inside a headline: a first line under 200 characters is one sentence
("غزة.. احتجاجات وإطارات مشتعلة").
"""
from __future__ import annotations

_ENDERS = set(".!?؟…")
_CLOSERS = set("»\"”')]")
_MAX_QUOTE = 400  # a "quote" longer than this is a stray mark, not a quotation
_HEADLINE = 200

# one-letter and short abbreviations that take a full stop (folded forms are not
# needed: these are compared on the original text)
_ABBREV = {"د", "م", "ق", "ه", "هـ", "ص", "ج", "أ", "ا", "ش", "Dr", "Mr", "Mrs", "St", "U.S", "U.N"}


def _abbreviation_before(text: str, i: int) -> bool:
    j = i
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "(«\"":
        j -= 1
    word = text[j:i]
    return word in _ABBREV


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return sentence spans ``(start, end)`` (end exclusive), white space trimmed."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    i = 0
    guillemets = 0
    in_dquote = False
    dquote_at = -1
    first_line = text.find("\n")
    headline_end = first_line if 0 < first_line < _HEADLINE else 0
    while i < n:
        ch = text[i]
        if ch == "«":
            guillemets += 1
        elif ch == "»":
            guillemets = max(0, guillemets - 1)
        elif ch in "\"“”":
            if in_dquote:
                in_dquote = False
            else:
                in_dquote, dquote_at = True, i
        if in_dquote and i - dquote_at > _MAX_QUOTE:
            in_dquote = False
        if ch == "\n":
            spans.append((start, i))
            start = i + 1
            guillemets, in_dquote = 0, False
            i += 1
            continue
        if ch in _ENDERS and not guillemets and not in_dquote and i >= headline_end:
            j = i
            while j + 1 < n and text[j + 1] in _ENDERS:
                j += 1
            if ch == "." and j == i:
                if 0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                    i += 1
                    continue
                if _abbreviation_before(text, i):
                    i += 1
                    continue
            k = j + 1
            while k < n and text[k] in _CLOSERS:
                k += 1
            if k >= n or text[k].isspace():
                spans.append((start, k))
                start = k
                i = k
                continue
        i += 1
    spans.append((start, n))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
