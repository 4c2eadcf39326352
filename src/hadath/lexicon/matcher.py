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
    """A token trie: each node maps the next token norm to a child node; ``KEYS`` holds the
    keys of the patterns that end there.  Matching walks the trie from every position, so its
    cost grows with the text and the longest pattern, not with the number of patterns."""

    _KEYS = ""  # the token string never equals "", so it can mark pattern ends

    def __init__(self):
        self._root: dict = {}
        self._size = 0

    def add(self, key: Hashable, tokens: Iterable[str]) -> None:
        toks = tuple(tokens)
        if not toks:
            return
        node = self._root
        for t in toks:
            node = node.setdefault(t, {})
        node.setdefault(self._KEYS, []).append(key)
        self._size += 1

    def __len__(self) -> int:
        return self._size

    def __call__(self, doc: Doc) -> list[tuple[Hashable, int, int]]:
        """Every (key, start, end) whose pattern equals the token norms doc[start:end]; the
        underscore of a hashtag joins words as a space does (#ميليشيات_الحوثي، #كوريا_الشمالية)."""
        norms = [t.norm_ for t in doc]
        n = len(norms)
        out = []
        root = self._root
        for i in range(n):
            node = root.get(norms[i])
            j = i + 1
            while node is not None:
                keys = node.get(self._KEYS)
                if keys:
                    out.extend((k, i, j) for k in keys)
                if j < n - 1 and norms[j] == JOINER:
                    j += 1
                if j >= n:
                    break
                node = node.get(norms[j])
                j += 1
        return out


JOINER = "_"
