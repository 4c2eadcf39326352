"""Named mentions from hadath's actor lexicons.

The ``hadath_ner`` component finds, with a phrase matcher on folded token
norms (:class:`hadath.lexicon.matcher.NormMatcher`), every mention of a country, nationality adjective,
organisation or armed group, office or role noun, and known person, and
stores them in ``doc.spans["mentions"]``; each span's ``_.kb`` holds the
lexicon record (kind, name, country, sector, and for people their offices
with dates).  Overlaps are resolved longest-first, so "وزارة شؤون البيشمركة"
wins over "البيشمركة".
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from hadath.lexicon import countries, nisba_forms, read_tsv, variants, whole_words, with_article
from hadath.lexicon.matcher import NormMatcher
from hadath.text.normalize import fold
from hadath.text.tokenizer import without_dropped_article

LABELS = {"country": "GPE", "nationality": "NORP", "org": "ORG", "role": "ROLE", "person": "PER"}


@lru_cache(maxsize=None)
def kb_entries() -> tuple[tuple[str, dict], ...]:
    """(folded pattern, record) for every actor-lexicon surface form."""
    out: list[tuple[str, dict]] = []
    for c in countries():
        rec = {"kind": "country", "name": c.name_en, "country": c.iso3, "sector": "GOV"}
        for n in c.names:
            for f in with_article(n) if not n.startswith("ال") else [n]:
                out.append((fold(f), rec))
        nrec = {"kind": "nationality", "name": c.name_en, "country": c.iso3, "sector": None}
        for a in c.adjectives:
            for f in nisba_forms(a):
                out.append((f, nrec))
                out.append(("ال" + f, nrec))
    for r in read_tsv("organisations.tsv"):
        rec = {"kind": "org", "name": r["name_en"], "country": r["country"] or None, "sector": r["sector"],
               "org_kind": r.get("kind") or None}
        for n in variants(r["names_ar"]):
            out.append((fold(n), rec))
    for r in read_tsv("roles.tsv"):
        rec = {"kind": "role", "name": r["title_en"], "country": None, "sector": r["sector"]}
        for n in variants(r["names_ar"]):
            # a one-word office loses its article only in idafa, which a multiword entry
            # covers; bare امام, خارجية, شركة are everyday words
            forms = with_article(n) if " " in n or not n.startswith("ال") else [n]
            first, _, rest = n.partition(" ")
            if rest and not first.startswith("ال") and not first.endswith(("ة", "ه", "ا", "ي")):
                # وزيرا خارجية روسيا وتركيا، وزيري دفاع البلدين: two holders of the office (the dual in idafa)
                forms = [*forms, f"{first}ا {rest}", f"{first}ي {rest}"]
            for f in forms:
                out.append((fold(f), rec))
    people: dict[str, dict] = {}
    for r in read_tsv("people.tsv"):
        office = {"country": r["country"] or None, "sector": r["sector"], "role": r.get("role", ""),
                  "start": r.get("start", ""), "end": r.get("end", "")}
        for n in variants(r["names_ar"]):
            key = fold(n)
            rec = people.setdefault(key, {"kind": "person", "name": r["name_en"], "offices": []})
            if rec["name"] == r["name_en"]:
                rec["offices"].append(office)
    out.extend(people.items())
    return tuple(out)


def known_words() -> set[str]:
    """Every token of the lexicons, for the clitic tokenizer."""
    from hadath.events import trigger_table
    from hadath.geo import gazetteer_keys, place_words
    from hadath.lexicon import gazetteer

    words: set[str] = set(place_words())  # بمنفذ، بمقر، بوسط: the words the geo layer looks for before a name
    for pattern in [p for p, _ in kb_entries()] + list(trigger_table()) + list(gazetteer_keys()):
        for w in pattern.split():
            words.add(w)
            if w.startswith("ال") and len(w) > 4:
                words.add(w[2:])
    # frequent words that only look like clitic + word (فترة, وزارة): known whole, never split
    words |= whole_words()
    # a pattern word that carries clitics and the article (للحكومة in an office's name) is not a
    # stem: kept as one, it would stop للحكومة in text from reaching الحكومة
    for w in [w for w in words if w.startswith(("لل", "بال", "وال", "فال", "كال"))]:
        rest = w[2:] if w.startswith("لل") else w[3:]
        if rest in words:
            words.discard(w)
    # nor is ل/ب + a country or a big place inside a longer name (الفصائل الموالية لإيران، المحكمة
    # الخاصة بلبنان): kept as one, لإيران and بلبنان in text would name no country
    named = {p for p in (*(p for p, _ in kb_entries()), *trigger_table()) if " " not in p} | place_words() | whole_words()
    alone = named | {p for p in gazetteer_keys() if " " not in p}
    places = gazetteer()
    for w in [w for w in words if w[:1] in "لب" and len(w) >= 4 and w not in alone]:
        if any(p.kind in ("country", "admin1") or p.population >= 500_000 for p in places.get(w[1:], ())):
            words.discard(w)
    # a stem that would read للندن as ل + ال + ندن (Ilinden) and للبنان as ل + ال + بنان (a Syrian
    # village) where they are ل + لندن and ل + لبنان: not a stem when the name with ل is a far bigger place
    def size(name: str) -> int:
        return max((10**9 if p.kind in ("country", "admin1") else p.population for p in places.get(name, ())), default=0)

    for w in [w for w in words if len(w) >= 3 and w not in named and ("ال" + w in places or w in places)]:
        if size("ل" + w) > 10 * max(size(w), size("ال" + w), 1):
            words.discard(w)
    return words


class MentionMatcher:
    def __init__(self, nlp: Language):
        self.matcher = NormMatcher()
        seen: set[str] = set()
        for pattern, rec in kb_entries():
            if pattern not in seen:  # the first record of a pattern wins (file order)
                seen.add(pattern)
                self.matcher.add(id(rec), nlp.tokenizer.pattern_tokens(pattern))
        self.records = {id(rec): rec for _, rec in kb_entries()}

    def __call__(self, doc: Doc) -> Doc:
        found: dict[tuple[int, int], dict] = {}
        for key, start, end in self.matcher(doc):
            found.setdefault((without_dropped_article(doc, start, end), end), self.records[key])
        spans = filter_spans([Span(doc, s, e, label=LABELS[r["kind"]]) for (s, e), r in found.items()])
        for span in spans:
            span._.kb = found[(span.start, span.end)]
        doc.spans["mentions"] = spans
        return doc


@Language.factory("hadath_ner")
def make_ner(nlp: Language, name: str):
    return MentionMatcher(nlp)
