"""The ``hadath_sentences`` component: sentence starts from :func:`split_sentences`."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from hadath.text.sentences import split_sentences


@Language.component("hadath_sentences")
def set_sentences(doc: Doc) -> Doc:
    starts = {s for s, _ in split_sentences(doc.text)}
    for i, tok in enumerate(doc):
        tok.is_sent_start = i == 0 or tok.idx in starts
    return doc
