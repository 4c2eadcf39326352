"""Offset-preserving normalisation of Arabic text for matching.

Matching must be blind to the spelling variation of Arabic news (hamza and
alef forms, alef maqsura, ta marbuta, diacritics, tatweel, Arabic-Indic
digits, presentation-form ligatures), while every annotation must keep
character offsets into the text *as given*.  :func:`normalize` therefore
returns the folded string together with, for every folded character, the
offset of the original character it came from.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Characters removed entirely: harakat, shadda, sukun, superscript alef,
# tatweel, Quranic marks, zero-width and direction marks.
_DROP = set(range(0x064B, 0x0653)) | {0x0670, 0x0640} | set(range(0x06D6, 0x06EE)) | {
    0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF,
}

_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ڪ": "ك",
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "٫": ".", "٬": ",",
}
for _i in range(10):
    _FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # Extended (Persian) digits


def _fold_char(ch: str) -> str:
    code = ord(ch)
    if code in _DROP:
        return ""
    if ch in _FOLD:
        return _FOLD[ch]
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFC:
        # presentation forms and ligatures (ﻻ, ﷲ): decompose, then fold; a form with no
        # decomposition (the ornate brackets ﴾ ﴿) stays as it is
        decomposed = unicodedata.normalize("NFKC", ch)
        if decomposed == ch:
            return ch
        return "".join(_fold_char(c) for c in decomposed if c != " ")
    return ch


@dataclass(frozen=True)
class Normalized:
    """A folded string and, per folded character, its offset in the original."""

    text: str
    offsets: tuple[int, ...]
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the folded string back to the original."""
        if start >= len(self.offsets):
            return self.original_length, self.original_length
        o_start = self.offsets[start]
        o_end = self.offsets[end - 1] + 1 if end > start else o_start
        return o_start, o_end


def normalize(text: str) -> Normalized:
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        for f in folded:
            out.append(f)
            offsets.append(i)
    return Normalized("".join(out), tuple(offsets), len(text))


_TABLE = str.maketrans({**{chr(c): None for c in _DROP}, **_FOLD})
_PRESENTATION = re.compile("[\uFB50-\uFDFF\uFE70-\uFEFC]")


def fold(text: str) -> str:
    """The folded form of ``text`` (no offsets), used for lexicon keys and token norms."""
    if _PRESENTATION.search(text):
        return "".join(_fold_char(ch) for ch in text)
    return text.translate(_TABLE)


def is_arabic_letter(ch: str) -> bool:
    code = ord(ch)
    return 0x0621 <= code <= 0x064A or 0x066E <= code <= 0x06D3 or 0x06FA <= code <= 0x06FF or 0xFB50 <= code <= 0xFEFC


def arabic_ratio(text: str) -> float:
    """Share of letters in ``text`` that are Arabic (0.0 when there are no letters)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if is_arabic_letter(c)) / len(letters)
