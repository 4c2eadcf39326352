"""A phrase matcher on token norms for large lexicons.

It does what spaCy's ``PhraseMatcher(attr="NORM")`` does, but its patterns are
tuples of folded strings rather than ``Doc`` objects: spaCy creates a lexeme
(with its lexical attributes) for every new word of every pattern ``Doc``,
which for hadath's ~100,000 trigger, place and actor forms took several
seconds at start-up; tuples build in well under one.  Patterns are tokenised
by :meth:`hadath.text.tokenizer.CliticTokenizer.pattern_tokens`, so they split
exactly as text does.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable

from spacy.tokens import Doc


class NormMatcher:
    def __init__(self):
        self._by_first: dict[str, list[tuple[tuple[str, ...], Hashable]]] = {}
        self._max_len = 0

    def add(self, key: Hashable, tokens: Iterable[str]) -> None:
        toks = tuple(tokens)
        if not toks:
            return
        self._by_first.setdefault(toks[0], []).append((toks, key))
        self._max_len = max(self._max_len, len(toks))

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_first.values())

    def __call__(self, doc: Doc) -> list[tuple[Hashable, int, int]]:
        """Every (key, start, end) whose pattern equals the token norms doc[start:end]."""
        norms = [t.norm_ for t in doc]
        n = len(norms)
        out = []
        for i, first in enumerate(norms):
            cands = self._by_first.get(first)
            if not cands:
                continue
            for toks, key in cands:
                k = len(toks)
                if k == 1 or (i + k <= n and tuple(norms[i:i + k]) == toks):
                    out.append((key, i, i + k))
        return out
