"""Tokens for Arabic news as spaCy tokens that are exact substrings of the text.

Words are split at white space and punctuation; an Arabic word is further
split after its proclitics (و ف, then ب ل ك, then the article ال or the ل of
لل) when what remains is a word the lexicons know.  Splitting only onto known
words keeps names such as بغداد or فلسطين whole while وبغداد, لبغداد and
بالموصل give the same token as the bare name.  Every token's ``norm_`` is its
folded form (see :mod:`hadath.text.normalize`), which is what the lexicon
matchers compare.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc
from spacy.vocab import Vocab

from hadath.text.normalize import fold, is_arabic_letter, normalize

_ARABIC = "\u0621-\u064A\u064B-\u0652\u0640\u0670\u066E-\u06D3\u06D6-\u06ED\u06FA-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC"
_TOKEN = re.compile(
    rf"[{_ARABIC}]+"  # Arabic word
    r"|[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,\u066B\u066C][0-9\u0660-\u0669\u06F0-\u06F9]+)*"  # number
    r"|[^\W\d_]+"  # other letters (Latin, ...)
    r"|\S",  # any other single character
)
_SPACE = re.compile(r"\s+")

MIN_STEM = 3  # a remainder shorter than this is never split off (بحث is not ب+حث)

_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_FIRST = set("وفبلكا")


def _prefix_options(norm: str) -> Iterable[list[str]]:
    """All proclitic sequences ``norm`` may start with, longest first."""
    options: list[list[str]] = []
    for conj in ("",) + _CONJ:
        if conj and not norm.startswith(conj):
            continue
        rest1 = norm[len(conj):]
        for prep in ("",) + _PREP:
            if prep and not rest1.startswith(prep):
                continue
            rest2 = rest1[len(prep):]
            for art in ("", "ال"):
                parts = [p for p in (conj, prep) if p]
                if art:
                    if prep == "ل" and rest2.startswith("ل"):
                        parts.append("ل")  # لل = ل + (a)l
                    elif rest2.startswith("ال"):
                        parts.append("ال")
                    else:
                        continue
                if parts:
                    options.append(parts)
    options.sort(key=lambda p: -sum(map(len, p)))
    return options


def split_clitics(word: str, known: set[str] | frozenset[str]) -> list[str]:
    """Split ``word`` (original spelling) into proclitics and a known stem.

    Returns substrings of ``word`` that concatenate back to it.  The longest
    proclitic sequence whose remainder (folded) is in ``known`` and at least
    :data:`MIN_STEM` letters long wins; with none, the word stays whole.
    """
    if fold(word[:1]) not in _FIRST:
        return [word]
    normed = normalize(word)
    norm = normed.text
    options = _prefix_options(norm)
    if norm.endswith("يا") and len(norm) >= 5 and norm[:-1] in known and norm[:1] in _CONJ and norm[1:] in known:
        # an adjective in ـي known whole, with its accusative alif: وزاريا is وزاري + ا (تعديلا وزاريا),
        # not و + زاريا (Zaria)
        return [word]
    if norm in known:
        # a known word stays whole (وزارة is not و+زارة), but for its article, so that
        # العراق and والعراق give the same stem token
        options = [p for p in options if p == ["ال"]]
    elif norm[:1] in _CONJ and norm[1:] in known:
        # و/ف + a known word: the word stays whole as it would alone (وبحثا is و + بحثا "they
        # discussed", not و + ب + حثا "they urged"; وبدأت is و + بدأت), but for its article
        options = [p for p in options if p in ([norm[0]], [norm[0], "ال"])]
    for parts in options:
        k = sum(map(len, parts))
        rest = norm[k:]
        if len(rest) >= MIN_STEM and rest in known:
            # rebuild from original offsets so that diacritics stay attached
            cuts = [0]
            pos_n = 0
            for p in parts:
                pos_n += len(p)
                cuts.append(normed.to_original(pos_n, pos_n + 1)[0])
            cuts.append(len(word))
            return [word[a:b] for a, b in zip(cuts, cuts[1:]) if b > a]
    return [word]


_COMPOUND_NAME = re.compile(r"(و?)(عبد)(?=ال\w\w)")


def split_compound_name(word: str, known: set[str] | frozenset[str]) -> list[str] | None:
    """عبدالله، عبدالرحمن، وعبدالفتاح: a name of عبد and a divine name written as one word, split as it
    is written apart (عبد الله، عبد الرحمن), so that both spellings meet the same names; None for any
    other word."""
    normed = normalize(word)
    m = _COMPOUND_NAME.match(normed.text)
    if m is None:
        return None
    cut = [normed.to_original(i, i + 1)[0] for i in (m.start(2), m.end(2))]
    head = ([word[:cut[0]]] if m.group(1) else []) + [word[cut[0]:cut[1]]]
    return head + split_clitics(word[cut[1]:], known)


def article_norms(norms: list[str]) -> list[str]:
    """The second ل of لل split off a word is the article with its alif dropped: its norm is ال, so that
    للمعارضة reads ل + ال + معارضة and meets المعارضة (the text keeps what is written)."""
    out = list(norms)
    for i in range(1, len(out) - 1):
        if out[i] == "ل" and norms[i - 1] == "ل" and (i < 2 or norms[i - 2] != "ل"):
            out[i] = "ال"
    return out


def without_dropped_article(doc: Doc, start: int, end: int) -> int:
    """The start of a name matched from the article ل of لل on: the name itself (للعراق names العراق,
    shown as عراق rather than لعراق)."""
    if end - start > 1 and doc[start].norm_ == "ال" and fold(doc[start].text) == "ل":
        return start + 1
    return start


class CliticTokenizer:
    """A spaCy tokenizer: white space, punctuation and known-stem clitic splits."""

    def __init__(self, vocab: Vocab, known: Iterable[str] = ()):
        self.vocab = vocab
        self.known = frozenset(known)
        self._cache: dict[str, list[str]] = {}

    def _split_word(self, word: str) -> list[str]:
        got = self._cache.get(word)
        if got is None:
            # (presentation forms too: ﺍﻟﺤوطة, as some papers' pages are encoded, splits like الحوطة)
            got = split_compound_name(word, self.known) or (
                split_clitics(word, self.known) if "\u0621" <= word[0] <= "\u06FF" or is_arabic_letter(word[0])
                else [word])
            if len(self._cache) < 200_000:
                self._cache[word] = got
        return got

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in _TOKEN.finditer(text):
            if m.start() > pos:
                self._add_space(text[pos:m.start()], words, spaces)
            for piece in self._split_word(m.group()):
                words.append(piece)
                spaces.append(False)
            pos = m.end()
        if pos < len(text):
            self._add_space(text[pos:], words, spaces)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for tok, norm in zip(doc, article_norms([fold(w) for w in words])):
            tok.norm_ = norm
        return doc

    @staticmethod
    def _add_space(ws: str, words: list[str], spaces: list[bool]) -> None:
        if words and ws[0] == " " and not spaces[-1]:
            spaces[-1] = True
            ws = ws[1:]
        if ws:
            words.append(ws)
            spaces.append(False)

    def pattern_tokens(self, folded: str) -> tuple[str, ...]:
        """The tokens of a lexicon pattern that is already folded, split by the
        same rules as text, so that a pattern matches the text it names on norms."""
        words: list[str] = []
        for m in _TOKEN.finditer(folded):
            words.extend(self._split_word(m.group()))
        return tuple(article_norms(words))

    def pipe(self, texts: Iterable[str], batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # spaCy calls these when saving or loading a pipeline
    def to_bytes(self, **kwargs) -> bytes:
        return "\n".join(sorted(self.known)).encode("utf-8")

    def from_bytes(self, data: bytes, **kwargs) -> "CliticTokenizer":
        self.known = frozenset(data.decode("utf-8").split("\n"))
        self._cache.clear()
        return self

    def to_disk(self, path, **kwargs) -> None:
        with open(path, "wb") as f:
            f.write(self.to_bytes())

    def from_disk(self, path, **kwargs) -> "CliticTokenizer":
        with open(path, "rb") as f:
            return self.from_bytes(f.read())
