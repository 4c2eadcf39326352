"""Places: recognition against the compact gazetteer, geocoding and the dateline.

``hadath_geo`` matches every gazetteer name (folded, across clitics) with a
:class:`PhraseMatcher`, resolves each to one place and stores the spans in
``doc.spans["places"]`` with ``_.geo`` = {name, country, admin1, lat, lon,
geonameid, precision}.  Resolution prefers places in the countries the
document itself names, then the most populous.  ``doc._.dateline`` is the
place a story was filed from ("بغداد -", "(رويترز) - دمشق"), with
``newsroom`` true for an outlet's standing newsroom ("ايلاف من لندن",
"دبي، الإمارات العربية المتحدة (CNN)"), which never places an event.
"""
from __future__ import annotations

import math
import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from hadath.lexicon import Place, gazetteer
from hadath.lexicon.matcher import NormMatcher

PRECISION = {"country": "country", "city": "city", "region": "admin1", "point": "point"}


def gazetteer_keys():
    return gazetteer().keys()


def geo_record(place: Place, text: str) -> dict:
    return {
        "text": text, "name": place.name_en, "country": place.country or None, "admin1": place.admin1 or None,
        "lat": place.lat, "lon": place.lon, "geonameid": place.geonameid, "precision": PRECISION.get(place.kind, "city"),
    }


def doc_countries(doc: Doc) -> dict[str, int]:
    """How often each country is named in the document (names and adjectives)."""
    counts: dict[str, int] = {}
    for span in doc.spans.get("mentions", []):
        kb = span._.kb or {}
        if kb.get("kind") in ("country", "nationality") and kb.get("country"):
            counts[kb["country"]] = counts.get(kb["country"], 0) + 1
    return counts


def resolve(candidates: tuple[Place, ...], context: dict[str, int]) -> Place:
    def score(p: Place) -> float:
        s = math.log10(p.population + 10)
        if p.country in context:
            s += 3 + math.log2(1 + context[p.country])
        if p.kind == "country":
            s += 2
        return s

    return max(candidates, key=score)


_DATELINE_SEP = re.compile(r"^\s*(?:\([^)]{1,30}\)\s*)?[-–—:،,]")
_NEWSROOM_BEFORE = re.compile(r"(?:من|في)\s*$")
_NEWSROOM_AFTER = re.compile(r"^\s*[،,]?\s*[^\n]{0,40}\((?:CNN|سي إن إن|رويترز|أ ف ب|ا ف ب|فرانس برس|د ب أ|اف ب)\)")


class GeoTagger:
    def __init__(self, nlp: Language):
        self.table = gazetteer()
        self.matcher = NormMatcher()
        for key in self.table:
            self.matcher.add(key, nlp.tokenizer.pattern_tokens(key))

    def __call__(self, doc: Doc) -> Doc:
        context = doc_countries(doc)
        found = {(s, e): key for key, s, e in self.matcher(doc)}
        spans = filter_spans([Span(doc, s, e, label="LOC") for (s, e) in found])
        out = []
        for span in spans:
            key = found[(span.start, span.end)]
            place = resolve(self.table[key], context)
            span.label_ = "GPE" if place.kind == "country" else "LOC"
            span._.geo = geo_record(place, span.text)
            out.append(span)
        doc.spans["places"] = out
        doc._.dateline = find_dateline(doc, out)
        return doc


def find_dateline(doc: Doc, places: list[Span]) -> dict | None:
    """The filing place at the head of the story body, if any."""
    text = doc.text
    for span in places:
        if span.start_char > 400:
            break
        line_start = text.rfind("\n", 0, span.start_char) + 1
        if span.start_char - line_start > 40:
            continue
        after = text[span.end_char:span.end_char + 50]
        before = text[line_start:span.start_char]
        if not _DATELINE_SEP.match(after) and not _NEWSROOM_AFTER.match(after):
            continue
        if len(before.split()) > 4:
            continue
        newsroom = bool(_NEWSROOM_BEFORE.search(before)) or bool(_NEWSROOM_AFTER.match(after))
        return dict(span._.geo, newsroom=newsroom, start=span.start_char, end=span.end_char)
    return None


@Language.factory("hadath_geo")
def make_geo(nlp: Language, name: str):
    return GeoTagger(nlp)
