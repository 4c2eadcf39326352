"""Places: recognition against the compact gazetteer, geocoding and the dateline.

``hadath_geo`` matches every gazetteer name (folded, across clitics) with a
:class:`PhraseMatcher`, resolves each to one place and stores the spans in
``doc.spans["places"]`` with ``_.geo`` = {name, country, admin1 (its name in
the region, else the GeoNames code), lat, lon, geonameid, precision}.  Resolution prefers places in the countries the
document itself names, then the most populous.  ``doc._.dateline`` is the
place a story was filed from ("بغداد -", "(رويترز) - دمشق"), with
``newsroom`` true for an outlet's standing newsroom ("ايلاف من لندن",
"دبي، الإمارات العربية المتحدة (CNN)"), which never places an event.
"""
from __future__ import annotations

import math
import re
import unicodedata
from functools import cache, lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from hadath.lexicon import (
    Place,
    admin1_names,
    common_words,
    countries,
    gazetteer,
    word_sets,
)
from hadath.lexicon.matcher import JOINER, NormMatcher
from hadath.text.component import before_clitics, sent_of
from hadath.text.normalize import fold, normalize
from hadath.text.tokenizer import without_dropped_article

# the Arabic word lists of the rules below, kept with the lexicon (lexicon/geo_words.tsv)
GEO_WORDS = word_sets("geo_words.tsv")
PRECISION = {"country": "country", "city": "city", "region": "admin1", "point": "point"}


def gazetteer_keys():
    return gazetteer().keys()


def place_words() -> set[str]:
    """The folded words that introduce or qualify a place name (مطار، محافظة، وسط، جنوب ...)."""
    return set(FACILITIES) | set(NAMED_SITES) | TOWN_WORDS | ADMIN_WORDS | set(DIRECTIONS) | CENTRE | CAPITAL_WORDS


@lru_cache(maxsize=None)
def plain_name(name: str) -> str:
    """GeoNames' transliteration without its diacritics and ayn/hamza marks: ‘Afrīn -> Afrin,
    Al Ḩudaydah -> Al Hudaydah, as English news writes them."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "‘’ʿʾ`´").strip()


def geo_record(place: Place, text: str) -> dict:
    return {
        "text": text, "name": plain_name(place.name_en), "country": place.country or None,
        "admin1": admin1_names().get((place.country, place.admin1), place.admin1 or None),
        "lat": place.lat, "lon": place.lon, "geonameid": place.geonameid, "precision": PRECISION.get(place.kind, "city"),
    }


def doc_countries(doc: Doc) -> dict[str, int]:
    """How often each country is named in the document (names, adjectives and its institutions).

    A name that is also a big city abroad (عمان: Oman, or Amman) says nothing about
    which country the story is about."""
    table = gazetteer()
    counts: dict[str, int] = {}
    for span in doc.spans.get("mentions", []):
        kb = span._.kb or {}
        if kb.get("kind") in ("country", "nationality") and kb.get("country"):
            if kb["kind"] == "country" and any(p.kind == "city" and p.country != kb["country"] and p.population >= 100_000
                                               for p in table.get(fold(span.text), ())):
                continue
            counts[kb["country"]] = counts.get(kb["country"], 0) + 1
        elif kb.get("kind") == "org" and kb.get("country"):  # الجيش الوطني اليمني names Yemen too
            counts[kb["country"]] = counts.get(kb["country"], 0) + 1
    return counts


def resolve(candidates: tuple[Place, ...], context: dict[str, int]) -> Place:
    """The most likely place: population first; a country named in the story, or the place
    being a country, lifts it.  A namesake under an eighth the size of the largest candidate is not
    lifted (جنيف in a story naming the United States is still Geneva, not Geneva, Illinois)."""
    largest = max(p.population for p in candidates)

    def score(p: Place) -> float:
        s = math.log10(p.population + 10)
        if p.country in context and not (largest >= 100_000 and p.population * 8 < largest and p.kind == "city"):
            s += 3 + math.log2(1 + context[p.country])
        if p.kind == "country":
            s += 2
        return s

    return max(candidates, key=score)


_DATELINE_SEP = re.compile(r"^\s*(?:\([^)]{1,30}\)\s*)?[-–—:،,]")
_AGENCY_BEFORE = re.compile(r"^\s*\([^)]{1,30}\)\s*[-–—:]+\s*$")
_DATED_LINE = re.compile(r"^\s*[0-9\u0660-\u0669]{1,2}\s+\S+\s+[0-9\u0660-\u0669]{4}")
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
        found = {(without_dropped_article(doc, s, e), e): key for key, s, e in self.matcher(doc)}
        spans = filter_spans([Span(doc, s, e, label="LOC") for (s, e) in found])
        out = []
        # a name the story calls occupied (القدس المحتلة، القدس الشرقية المحتلة) is the Palestinian
        # place wherever the story names it
        occupied = {k for sp in spans if any(t.norm_ in OCCUPIED for t in doc[sp.end:min(len(doc), sp.end + 3)])
                    for k in (found[(sp.start, sp.end)], found[(sp.start, sp.end)].split(" ")[0])}  # (القدس الشرقية: القدس)
        named = {i for m in doc.spans.get("mentions", []) if (m._.kb or {}).get("kind") in ("person", "org")
                 for i in range(m.start, m.end)}
        for span in spans:
            key = found[(span.start, span.end)]
            candidates = self.table[key]
            if all(i in named for i in range(span.start, span.end)) and not (
                    span.start > 0 and doc[span.start - 1].norm_ in SITE_BEFORE
                    and all(p.kind == "point" for p in candidates)):
                continue  # بشار in بشار الأسد is a name, not Béchar (but وصل إلى البيت الأبيض: the site)
            if is_team(doc, span):
                continue  # ريال مدريد، منتخب مصر، مانشستر سيتي: a team, not the place
            if span.start > 0 and doc[span.start - 1].norm_ in NAME_PARTS:
                continue  # أبو الهول، ابن تيمية: a name (the Sphinx), not al-Hol camp
            wordlike = tuple(p for p in candidates if p.wordlike)
            if wordlike:  # صور "pictures", not Tyre, unless the text says it is the place
                candidates = tuple(p for p in candidates if not p.wordlike) + place_in_context(doc, span, wordlike, context)
                if not candidates:
                    continue
            if "\u0651" in span.text and any(p.kind == "city" for p in candidates):
                candidates = tuple(p for p in candidates if p.kind == "city")  # عمّان is Amman, عُمان Oman
            unit = admin_unit(doc, span, candidates)
            if unit is not None:  # محافظة جنين: the governorate, not the town
                span, candidates = unit
            j = before_clitics(doc, span.start)
            if j >= 0 and doc[j].norm_ in ("مدينه", "بلده", "قريه") and any(p.kind == "city" for p in candidates):
                candidates = tuple(p for p in candidates if p.kind == "city")  # مدينة غزة: the city, not the Strip
            if key in occupied and any(p.country == "PSE" for p in candidates):
                candidates = tuple(p for p in candidates if p.country == "PSE")  # القدس المحتلة: East Jerusalem
            place = resolve(candidates, context)
            span.label_ = "GPE" if place.kind == "country" else "LOC"
            span._.geo = geo_record(place, span.text)
            out.append(span)
        out = sorted(out + spelled_otherwise(doc, out, context), key=lambda p: p.start)
        out = self._capitals_by_adjective(doc, out)
        out = sorted(out + unlisted(doc, out, context), key=lambda p: p.start)
        out = sorted(out + country_anaphors(doc, out, context), key=lambda p: p.start)
        out = sorted(out + territories(doc, out), key=lambda p: p.start)
        out = [facility(doc, span) for span in out]
        out = site_in_town(doc, out)
        for n, span in enumerate(out):
            relative_to(doc, span)
            if n and (span._.geo.get("relative") or contains(out[n - 1], span) or nearby_anchor(doc, span)) \
                    and describes(doc, out[n - 1], span):
                span._.geo["describes"] = out[n - 1].start_char
        out = [full_mention(doc, span) for span in out]
        doc.spans["places"] = out
        doc._.dateline = find_dateline(doc, out)
        return doc


    def _capitals_by_adjective(self, doc: Doc, places: list[Span]) -> list[Span]:
        """العاصمة الإماراتية، بالعاصمة السعودية: the capital of the adjective's country.

        An adjective that is also the country's name (السعودية) was read as the country: after
        العاصمة it names the capital instead."""
        taken = {i: p for p in places for i in range(p.start, p.end)}
        added, replaced = [], set()
        for m in doc.spans.get("mentions", []):
            kb = m._.kb or {}
            if kb.get("kind") not in ("nationality", "country") or m.start < 1:
                continue
            j = m.start - 1
            if doc[j].text == "#" and j > 0:
                j -= 1  # عاصمة #بوركينا_فاسو
            if doc[j].norm_ == "ال" and j > 0:
                j -= 1
            if doc[j].norm_ not in CAPITAL_WORDS or (m.end < len(doc) and m.end in taken):
                continue  # العاصمة السورية دمشق names the city itself
            if j > 0 and doc[j - 1].norm_ == "ال":
                j -= 1  # ال + عاصمة
            own = taken.get(m.start)
            if own is not None and not ((own.start, own.end) == (m.start, m.end) and own._.geo["precision"] == "country"):
                continue
            cap = capital_place(kb["country"])
            if cap is None or any(i in taken for i in range(j, m.start)):
                continue
            span = Span(doc, j, m.end, label="LOC")
            span._.geo = geo_record(cap, span.text)
            added.append(span)
            if own is not None:
                replaced.add((own.start, own.end))
        kept = [p for p in places if (p.start, p.end) not in replaced]
        return sorted(kept + added, key=lambda p: p.start)


ARAB_STATES = {"IRQ", "SYR", "LBN", "JOR", "PSE", "EGY", "SAU", "ARE", "QAT", "KWT", "BHR", "OMN", "YEM", "LBY", "TUN",
               "DZA", "MAR", "SDN", "MRT", "SOM", "DJI", "COM", "ESH"}
_LONG_VOWELS = str.maketrans("", "", "اوي")


def skeleton(word: str) -> str:
    """A foreign name without its long vowels after the first letter: سولزبيري and سالزبري, منستر
    and مونستر are spelt alike."""
    return word[:1] + word[1:].translate(_LONG_VOWELS)


@lru_cache(maxsize=None)
def skeleton_index() -> dict[str, tuple[Place, ...]]:
    """Towns of 20,000+ people outside the Arab states, by the skeleton of their one-word names."""
    index: dict[str, list[Place]] = {}
    for key, places in gazetteer().items():
        if " " in key or len(key) < 4:
            continue
        towns = [p for p in places if p.kind == "city" and p.country not in ARAB_STATES and p.population >= 20_000]
        for p in towns:
            bucket = index.setdefault(skeleton(key), [])
            if p not in bucket:
                bucket.append(p)
    return {k: tuple(v) for k, v in index.items()}


def spelled_otherwise(doc: Doc, found: list[Span], context: dict[str, int]) -> list[Span]:
    """في مدينة سولزبيري، مدينة مُنستر: a town the text says is one, spelt otherwise than the gazetteer
    has it, found by its skeleton among foreign towns (``geo`` marks it ``spelling``)."""
    taken = {i for p in found for i in range(p.start, p.end)}
    taken |= {i for m in doc.spans.get("mentions", []) for i in range(m.start, m.end)}
    out = []
    for tok in doc[1:]:
        if tok.i in taken or doc[tok.i - 1].norm_ not in ("مدينه", "بلده", "قريه") or len(tok.norm_) < 4 \
                or not tok.norm_.isalpha():
            continue
        shape = skeleton(tok.norm_)
        if len(shape) < 5:
            continue  # a short skeleton meets too many words (مدينة كبرى is no Koper)
        candidates = skeleton_index().get(shape)
        if candidates:
            span = Span(doc, tok.i, tok.i + 1, label="LOC")
            span._.geo = dict(geo_record(resolve(candidates, context), span.text), spelling=True)
            out.append(span)
    return out


# ---- places the gazetteer lacks, named by their kind: قرية الدالوه بمحافظة الإحساء ----------------------
# folded kind word -> (precision of the place, whether its text keeps the kind word, whether it needs
# a known place right after it to say where it is)
UNLISTED_KINDS = {
    "قريه": ("city", False, False), "بلده": ("city", False, False), "مدينه": ("city", False, False),
    "محافظه": ("admin1", True, False), "ولايه": ("admin1", True, False), "مديريه": ("admin1", True, False),
    "ناحيه": ("admin1", True, True), "قضاء": ("admin1", True, True), "مقاطعه": ("admin1", True, False),
    "مخيم": ("city", True, False),
    "منطقه": ("city", False, True), "حي": ("city", False, True),
    "قاعده": ("point", True, True), "مطار": ("point", True, True), "ميناء": ("point", True, True),
    "مرفا": ("point", True, True), "معبر": ("point", True, True), "منفذ": ("point", True, True),
    "معسكر": ("point", True, True),
    # sites named after their kind, placed by the town after them (سوق البكارة في العاصمة مقديشو،
    # مستشفى الشفاء في غزة، جبهة مريس بمحافظة الضالع)
    "سوق": ("point", True, True), "متنزه": ("point", True, True), "جبهه": ("point", True, True),
    "مفرق": ("point", True, True), "سجن": ("point", True, True), "مستشفي": ("point", True, True),
    "ميدان": ("point", True, True), "ساحه": ("point", True, True), "جسر": ("point", True, True),
    "شارع": ("point", True, True), "مسجد": ("point", True, True), "جامع": ("point", True, True),
    # a range of mountains, placed by the place after it (جبال قنديل شمال العراق), else in the country
    # the story names far more than any other (حررت جبال النخش)
    "جبال": ("point", True, False),
}
# first words of two-word names (بني سويد، عين العرب، تل أبيض، كفر نبل، أبو كمال) and the words that end
# them (أورم الكبرى، الحسينية الجديدة)
NAME_HEADS = GEO_WORDS["name_heads"]
NAME_TAILS = GEO_WORDS["name_tails"]
FACILITY_TAILS = GEO_WORDS["facility_tails"]
SEAT_WORDS = GEO_WORDS["seat_words"]
# what may stand between a place and the known place that says where it is (قرية الدالوه بمحافظة
# الإحساء، مدينة أورم الكبرى بريف إدلب، مدينة سيفاري (وسط مالي)، مرفأ لوريان غرب فرنسا)
ANCHOR_LINKS = GEO_WORDS["anchor_links"]
_ARABIC_WORD = re.compile(r"^[\u0621-\u064A]{2,}$")


def unlisted(doc: Doc, found: list[Span], context: dict[str, int]) -> list[Span]:
    """قرية الدالوه بمحافظة الإحساء، مدينة سيفاري (وسط مالي)، مديرية #نهم، ولاية كارابوبو: a place the
    gazetteer lacks, named after the word for its kind.

    The name must be a name, not a description: none of the 20,000 commonest news words (5,000
    when a known place follows), no indefinite adjective (مدينة كبيرة، منطقة عازلة، منطقة حدودية),
    no pronoun ending (قضاء عطلتهم، مدينة يسكنها).  Where it is comes from the known place right
    after it (بمحافظة الإحساء: country, province and approximate coordinates) or its nationality
    adjective (مدينة سالزبورج النمساوية: the country); failing both, a town, village, camp or
    province takes the country the story names far more than any other, without coordinates; an
    area, district or facility (منطقة، قضاء، قاعدة، مطار) needs one of the two.  ``geo`` has
    ``unlisted`` true, ``near`` the known place, no geonameid."""
    ranks = common_words()
    starts = {p.start: p for p in found}
    nationality = {m.start: m._.kb["country"] for m in doc.spans.get("mentions", [])
                   if (m._.kb or {}).get("kind") == "nationality" and m._.kb.get("country")}
    taken = {i for p in found for i in range(p.start, p.end)}
    taken |= {i for m in doc.spans.get("mentions", []) for i in range(m.start, m.end)}
    ranked = sorted(context.items(), key=lambda kv: -kv[1])
    # the story's country, when it names one far more than any other
    main = ranked[0][0] if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]) \
        else None
    out: list[Span] = []
    i = 0
    while i < len(doc) - 1:
        kind = UNLISTED_KINDS.get(doc[i].norm_)
        if kind is None or i in taken or (i > 0 and (doc[i - 1].norm_ == "ال" or doc[i - 1].like_num)):
            i += 1  # (المدينة القديمة: a definite kind word is followed by an adjective; 17 مقاطعة counts)
            continue
        name = _unlisted_name(doc, i + 1, taken)
        if name is None:
            i += 1
            continue
        start, end, content, hashtag = name
        precision, keep_kind, needs_anchor = kind
        if needs_anchor and content and content[-1].endswith(("ه", "ات")) and not content[-1].startswith("ال"):
            i += 1  # منطقة عازلة، قاعدة غواصات: an area or a facility is described, not named, by such a word
            continue
        name_end = end
        if precision == "point":  # قاعدة ايستر الجوية، مطار X الدولي
            while end + 1 < len(doc) and doc[end].norm_ == "ال" and doc[end + 1].norm_ in FACILITY_TAILS:
                end += 2
        anchor = _anchor(doc, end, starts)
        where = anchor._.geo if anchor is not None else None
        if where is None and end in nationality:
            where = {"country": nationality[end], "precision": "country", "name": None}
        limit = 5_000 if where is not None else 20_000
        if not hashtag and any(ranks.get(w, limit) < limit for w in content):
            i += 1
            continue
        if where is None and (needs_anchor or main is None):
            i += 1
            continue
        span = Span(doc, i if keep_kind else start, end, label="LOC")
        coarse = where is None or where.get("precision") == "country"
        span._.geo = {
            "text": span.text, "name": doc[start:name_end].text.replace("#", "").replace("_", " ").strip(),
            "country": where["country"] if where else main, "admin1": None if coarse else where.get("admin1"),
            "lat": None if coarse else where.get("lat"), "lon": None if coarse else where.get("lon"),
            "geonameid": None, "precision": precision, "unlisted": True, "near": where.get("name") if where else None,
        }
        out.append(span)
        taken |= set(range(i, end))
        i = end
    return out


_PRONOUN_END = ("هم", "هن", "كم", "ها", "هما", "كما")
_CLITIC_LETTERS = "وبلفك"


def _unlisted_name(doc: Doc, j: int, taken: set[int]) -> tuple[int, int, list[str], bool] | None:
    """The name after a kind word at token ``j``: (start, end, its folded content words, hashtag)."""
    hashtag = j < len(doc) and doc[j].text == "#"
    j += hashtag
    start, content = j, []
    common = common_words()

    def word(k: int) -> tuple[int, str] | None:  # [ال] word -> (index after it, the word as written)
        art = k < len(doc) and doc[k].norm_ == "ال"
        w = k + art
        if w >= len(doc) or w in taken or k in taken or not _ARABIC_WORD.match(doc[w].norm_):
            return None
        return w + 1, ("ال" if art else "") + doc[w].norm_

    def wordlike(w: str) -> bool:
        return (len(w) >= 5 and w.endswith(_PRONOUN_END)) or (  # عطلتهم، يسكنها
            w[0] in _CLITIC_LETTERS and len(w) >= 5 and w[1:] in common)  # بمحاذاة، واعتزاز

    first = word(j)
    if first is None:
        return None
    end, w = first
    if hashtag:  # #بني_سويد، #قاع_الحقل
        content.append(w)
        while end + 1 < len(doc) and doc[end].text == "_" and (nxt := word(end + 1)) is not None:
            end, w = nxt
            content.append(w)
        return start, end, [], True
    if w in NAME_HEADS:
        second = word(end)
        if second is None:
            return None
        end, w = second
    elif not w.startswith("ال") and (w.endswith("يه") or (w.endswith("ه") and (
            w[:-1] in common or w[1:2] == "ا" or w.startswith("م")))):
        return None  # منطقة حدودية، مدينة كبيرة، بلدة آمنة، قرية منكوبة: an indefinite adjective, not a name
    if wordlike(w):
        return None
    content.append(w)
    tail = word(end)
    if tail is not None and tail[1].removeprefix("ال") in NAME_TAILS:
        end = tail[0]  # أورم الكبرى
    elif tail is not None and not tail[1].startswith("ال") and w not in common and tail[1] not in common \
            and not wordlike(tail[1]) and tail[1][0] not in "وف":
        end = tail[0]  # غراند رابيدز، غيل باوزير: two rare words make one foreign name
        content.append(tail[1])
    return start, end, content, False


def _anchor(doc: Doc, end: int, starts: dict[int, Span]) -> Span | None:
    """The known place that says where the place ending at ``end`` is, a few linking words on."""
    for k in range(end, min(end + 5, len(doc))):
        if k in starts:
            return starts[k]
        if doc[k].norm_ not in ANCHOR_LINKS and not (  # منطقة #قاع_الحقل، بمحافظة ذمار
                k == end and doc[k].text in ("،", ",") and k + 1 < len(doc) and doc[k + 1].norm_ in ("ب", "في")):
            return None
    return None


TOWN_WORDS = {"مدينه", "مدينتي", "بلده", "بلدتي", "قريه", "منطقه", "محافظه", "قضاء", "ناحيه", "مخيم", "ميناء", "مطار"}


# words that make a place's name a team's: ريال مدريد، نادي الزمالك، منتخب مصر، مانشستر سيتي
NAME_PARTS = GEO_WORDS["name_parts"]
SITE_BEFORE = GEO_WORDS["site_before"]
TEAM_BEFORE = GEO_WORDS["team_before"]
TEAM_AFTER = GEO_WORDS["team_after"]
EVENT_NAMES_BEFORE = GEO_WORDS["event_names_before"]


def is_team(doc: Doc, span: Span) -> bool:
    j = before_clitics(doc, span.start)
    before = doc[j].norm_ if j >= 0 else ""
    after = doc[span.end].norm_ if span.end < len(doc) else ""
    return before in TEAM_BEFORE or after in TEAM_AFTER


ADMIN_WORDS = {"محافظه", "ولايه", "اقليم", "مقاطعه"}


def admin_unit(doc: Doc, span: Span, candidates: tuple[Place, ...]) -> tuple[Span, tuple[Place, ...]] | None:
    """محافظة جنين، ولاية الخرطوم: after a word for a province, the province of that name, the
    span grown over the word; None where the gazetteer has no province of that name."""
    j = span.start - 1
    j -= j >= 0 and doc[j].text == "#"  # (محافظة #إب)
    if j < 0 or doc[j].norm_ not in ADMIN_WORDS:
        return None
    regions = tuple(p for p in candidates if p.kind == "region")
    if not regions:
        return None
    start = j - 1 if j > 0 and doc[j - 1].norm_ == "ال" else j
    return Span(doc, start, span.end, label="LOC"), regions


OCCUPIED = GEO_WORDS["occupied"]
# words of going somewhere: what follows them (after إلى or ل, or as the object) is a place
VISIT_WORDS = GEO_WORDS["visit_words"]


def place_in_context(doc: Doc, span: Span, candidates: tuple[Place, ...],
                     countries_named: dict[str, int] | None = None) -> tuple[Place, ...]:
    """The towns among ``candidates`` that the text says are meant: after مدينة/بلدة/قضاء or a
    direction (جنوب صور), followed by their country (صور اللبنانية), or after في/إلى in a
    document that names their country (في الرمادي in a story about Iraq)."""
    if span.end + 1 < len(doc) and doc[span.end].norm_ == JOINER:
        return ()  # جنوب #معسكر_خالد_بن_الوليد: the first word of a longer name, not Mascara
    j = before_clitics(doc, span.start)
    introduced = j >= 0 and (doc[j].norm_ in TOWN_WORDS or doc[j].norm_ in DIRECTIONS or doc[j].norm_ in CENTRE
                             or doc[j].norm_ in CAPITAL_WORDS)  # العاصمة ماليه
    # مالي: انتهاء عملية ...، فنزويلا.. مقتل: a headline's opening label names the story's place
    label = span.start == 0 and span.end < len(doc) and doc[span.end].text in (":", "..", "…", "...", "-")
    introduced = introduced or label
    follow = set()
    for m in doc.spans.get("mentions", []):
        kind = (m._.kb or {}).get("kind")
        if m.start < span.end or m.start > span.end + 2:
            continue
        between = [t.norm_ for t in doc[span.end:m.start]]
        # صور اللبنانية (the adjective right after), صور جنوب لبنان / الكرك في الأردن (a country after
        # a direction or في): not any country named a few words on (كان الرئيس الفرنسي is not Cannes)
        if (kind == "nationality" and not between) or (
                kind == "country" and 0 < len(between) <= 2 and all(w in DIRECTIONS or w in ("في", "ب") for w in between)):
            follow.add(m._.kb["country"])
    if follow:
        return tuple(p for p in candidates if p.country in follow)
    if introduced and countries_named and not label:
        # جنوب المعسكر in a story about Yemen is south of the camp, not of Mascara: a word-like name
        # introduced so is a town of a country the story names (وسط مالي: a country is its own)
        return tuple(p for p in candidates if p.country in countries_named or p.kind == "country")
    if introduced:
        return candidates
    if j >= 0 and (doc[j].norm_ in VISIT_WORDS or (doc[j].norm_ in ("الي", "ل") and j > 0
                                                    and doc[before_clitics(doc, j)].norm_ in VISIT_WORDS)):
        return candidates  # خلال زيارة إلى سيول، زار سيول: where a visit goes is a place
    if j >= 0 and (doc[j].norm_ in ("في", "الي", "قرب", "داخل") or doc[j].norm_ in EVENT_NAMES_BEFORE) and countries_named:
        # (or named after an event there: منفذ اعتداء مانشستر in a story that names Britain)
        # في الرمادي in a story that names Iraq
        return tuple(p for p in candidates if p.country in countries_named)
    return ()


@cache
def country_place(iso3: str) -> Place | None:
    """The gazetteer entry of a country itself."""
    return next((p for ps in gazetteer().values() for p in ps if p.kind == "country" and p.country == iso3), None)


# words that stand for a country the story has named: في البلاد، أنحاء المملكة
ANAPHORS = {"بلاد": None, "مملكه": {"SAU", "MAR", "JOR", "BHR", "GBR", "ESP", "NLD", "BEL", "SWE", "NOR", "DNK", "THA"}}
_ANAPHOR_BEFORE = GEO_WORDS["anaphor_before"]


def country_anaphors(doc: Doc, found: list[Span], context: dict[str, int]) -> list[Span]:
    """في جنوب شرق البلاد، في أنحاء المملكة: the country the story names most (for المملكة, the kingdom
    it names most), where the words are introduced as a place; not البلاد العربية (a group of countries)
    nor بلاده (someone's own country, a separate word)."""
    taken = {i for p in found for i in range(p.start, p.end)}
    taken |= {i for m in doc.spans.get("mentions", []) for i in range(m.start, m.end)}
    out = []
    for i in range(1, len(doc)):
        if doc[i].norm_ not in ANAPHORS or doc[i - 1].norm_ != "ال" or i in taken:
            continue
        if i + 1 < len(doc) and doc[i + 1].norm_ == "ال":
            continue  # البلاد العربية، المملكة العربية السعودية (named in full: a country of its own)
        k = i - 2
        while k >= 0 and (doc[k].norm_ in DIRECTIONS or doc[k].norm_ in CENTRE):
            k -= 1  # في جنوب شرق البلاد
        if k == i - 2 and (k < 0 or not any(doc[k].norm_.startswith(c) and doc[k].norm_[len(c):] in _ANAPHOR_BEFORE
                                            for c in ("", "و", "ب", "ل", "وب", "ول"))):  # (بدخول البلاد)
            continue  # (a part of it is a place however it is introduced: القتال مع القوات الحكومية جنوب البلاد)
        allowed = ANAPHORS[doc[i].norm_]
        named = {c: n for c, n in context.items() if allowed is None or c in allowed}
        if not named:
            continue
        place = country_place(max(named, key=named.get))
        if place is None:
            continue
        span = Span(doc, i - 1, i + 1, label="GPE")
        span._.geo = dict(geo_record(place, span.text), anaphor=True)
        out.append(span)
    return out


TERRITORY_WORDS = GEO_WORDS["territory_words"]


def territories(doc: Doc, found: list[Span]) -> list[Span]:
    """بالأراضي اليمنية، على أرض بريطانية، الأراضي الفلسطينية: a country's land named by its adjective is
    the country (not داخل أراضيها, whose country a pronoun gives)."""
    taken = {i for p in found for i in range(p.start, p.end)}
    adjectives = {m.start: m for m in doc.spans.get("mentions", [])
                  if (m._.kb or {}).get("kind") == "nationality" and m._.kb.get("country")}
    out = []
    for t in doc:
        if t.norm_ not in TERRITORY_WORDS or t.i in taken or t.i + 1 not in adjectives:
            continue
        adjective = adjectives[t.i + 1]
        place = country_place(adjective._.kb["country"])
        if place is None or any(i in taken for i in range(adjective.start, adjective.end)):
            continue
        start = t.i - 1 if t.i > 0 and doc[t.i - 1].norm_ == "ال" else t.i
        span = Span(doc, start, adjective.end, label="GPE")
        span._.geo = geo_record(place, span.text)
        out.append(span)
    return out


def capital_place(iso3: str) -> Place | None:
    """The gazetteer entry of a country's capital (as the country lexicon names it)."""
    table = gazetteer()
    for c in countries():
        if c.iso3 == iso3:
            for name in c.capitals:
                for p in table.get(fold(name), ()):
                    if p.country == iso3 and p.kind == "city":
                        return p
    return None


FACILITIES = {"مطار": "Airport", "ميناء": "Port", "قاعده": "Base", "معبر": "Crossing", "مخيم": "Camp", "سجن": "Prison",
              "حدود": "border", "منفذ": "Border Crossing"}
# buildings and sites named in their own right and then placed in a town: قصر السلام بجدة
# (buildings only: an airport or base with a name of its own, مطار الرئاسة, is placed by its town)
NAMED_SITES = {"قصر": "palace", "مقر": "headquarters", "سجن": "prison", "مستشفي": "hospital", "فندق": "hotel",
               "جامعه": "university", "مسجد": "mosque", "كنيسه": "church", "ملعب": "stadium", "سفاره": "embassy",
               "قنصليه": "consulate", "ملهي": "nightclub", "منزل": "house", "سوبرماركت": "supermarket",
               "متجر": "shop", "مطعم": "restaurant", "مقهي": "cafe", "مدرسه": "school", "كليه": "college",
               "سوق": "market", "مبني": "building", "كنيس": "synagogue",
               "مصنع": "factory", "محطه": "station", "معسكر": "camp", "ثكنه": "barracks", "ميدان": "square",
               "حاجز": "checkpoint"}
# a home with a possessive ending is a site (منزله بالعاصمة صنعاء، قصره في الرياض), an
# organisation's own seat is the organisation (مقرها في صنعاء: its town is the place)
_POSSESSIVE = ("هما", "هم", "ها", "ه")
_HOMES = {"منزل", "قصر"}
# what a site's words stop at: a preposition (معسكر لهم في ذمار: the camp is theirs, not named)
# or a clause's words (مدرسة كانوا يحتمون بقبوها في مدينة عربين)
_NOT_A_NAME = {"ل", "له", "لها", "لهم", "من", "الي", "علي", "عن", "في", "ب", "مع", "كان", "كانت", "كانوا", "التي",
               "الذي", "الذين", "حيث", "هو", "هي", "هم", "قد", "لا", "لم", "ما"}


def site_kind(norm: str) -> str | None:
    kind = NAMED_SITES.get(norm)
    if kind is None:
        stem = next((norm[: -len(e)] for e in _POSSESSIVE if norm.endswith(e) and len(norm) - len(e) >= 3), None)
        kind = NAMED_SITES.get(stem) if stem in _HOMES else None
    return kind


def facility(doc: Doc, span: Span) -> Span:
    """مطار الحديدة، ميناء عدن، مطار أبوظبي الدولي، حدود قطاع غزة: a facility named after a town
    is that facility; قصر السلام بجدة، سجن صيدنايا في ريف دمشق: a named site in a town is that site.

    The span grows over the facility word (and الدولي) or the whole site's name; the name
    becomes the facility's and the coordinates stay the town's, so the precision stays the
    town's: the gazetteer has no point for the facility itself."""
    geo = span._.geo
    j = span.start - 1
    if j < 0 or geo.get("precision") not in ("city", "admin1"):
        return span
    if doc[j].norm_ in ("ب", "في") and j > 0:
        return named_site(doc, span, j)
    if doc[j].norm_ in MENTION_WORDS and j > 1 and doc[j - 1].norm_ in ("ب", "في"):
        # المسجد العتيق في مدينة درنة: the site in the town named with its kind (the kind stays in the name)
        grown = named_site(doc, span, j - 1)
        return grown if grown is not span else span
    capital = j
    if capital > 2 and doc[capital].norm_ not in CAPITAL_WORDS and doc[capital - 1].norm_ == "ال":
        capital -= 2  # بالعاصمة السعودية الرياض: the capital so named, its country's adjective between
    if doc[capital].norm_ in CAPITAL_WORDS and capital > 2 and doc[capital - 1].norm_ == "ال" \
            and doc[capital - 2].norm_ in ("ب", "في"):
        # منزله بالعاصمة صنعاء: the site in the capital named as such
        grown = named_site(doc, span, capital - 2)
        return grown if grown is not span else span
    if doc[j].norm_ == "ال" and j > 0:
        j -= 1
    kind = FACILITIES.get(doc[j].norm_)
    if kind is None:
        return span
    start = j - 1 if j > 0 and doc[j - 1].norm_ == "ال" else j
    end = span.end
    international = end + 1 < len(doc) and doc[end].norm_ == "ال" and doc[end + 1].norm_ == "دولي"
    if international:
        end += 2
    new = Span(doc, start, end, label="LOC")
    new._.geo = dict(geo, text=new.text, name=f"{geo['name']}{' International' if international else ''} {kind}",
                     feature=kind.lower())
    return new


def named_site(doc: Doc, span: Span, prep: int) -> Span:
    """The site word at most six tokens before ``ب``/``في`` + town, nothing but its name between
    (قصر السلام بجدة، مقر الأمم المتحدة في جنيف), else the town alone."""
    sent_start = sent_of(span).start
    for j in range(prep - 1, max(sent_start, prep - 7) - 1, -1):
        tok = doc[j]
        if not tok.is_alpha or tok.norm_ in _NOT_A_NAME:
            return span
        kind = site_kind(tok.norm_)
        if kind is not None:
            between = doc[j + 1:prep]
            if span._.geo.get("precision") != "city" and all(
                    t.norm_ == "ال" or doc[t.i - 1].norm_ == "ال" for t in between):
                return span  # منزل في الضفة الغربية: a site with no name of its own is placed in a town only
            start = j - 1 if j > sent_start and doc[j - 1].norm_ == "ال" else j
            if any((m._.kb or {}).get("kind") == "org" and m.start <= j < m.end for m in doc.spans.get("mentions", [])):
                return span  # عقدت جامعة الدول العربية اجتماعا في القاهرة: the word begins an organisation's name
            if doc[prep - 1].norm_ == "ال" or any(
                    (m._.kb or {}).get("kind") == "nationality" and j < m.start < prep for m in doc.spans.get("mentions", [])):
                return span  # وفد من السفارة الأميركية بالرياض: a country's mission is a party, the town the place
            new = Span(doc, start, span.end, label="LOC")
            new._.geo = dict(span._.geo, text=new.text, name=f"{kind} in {span._.geo['name']}", feature=kind,
                             town={"text": span.text, "name": span._.geo["name"]})
            return new
    return span


DIRECTIONS = {"شمال": 0, "شمالي": 0, "شرق": 90, "شرقي": 90, "جنوب": 180, "جنوبي": 180, "غرب": 270, "غربي": 270}
CAPITAL_WORDS = {"العاصمه", "عاصمه"}
CENTRE = {"وسط"}
_KM = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:كيلومترا|كيلومترات|كيلومتر|كلم|كم)\s*(?:الى\s+)?$")


def relative_to(doc: Doc, span: Span) -> None:
    """جنوب بغداد، شمال شرق سوريا، 30 كيلومترا غرب الموصل، وسط فرنسا: a place given relative to an anchor.

    The span keeps the anchor's name; ``_.geo`` gets ``relative`` = {direction (degrees),
    km}; with a distance the coordinates move that far in that direction and the precision
    is a point, without one the area around a city is admin1 and a part of a country admin1.
    """
    j = span.start - 1
    if j > 0 and doc[j].text == "#":
        j -= 1  # شرق مديرية #حيس: a hashtag's mark is not a word
    if j > 0 and doc[j].norm_ in MENTION_WORDS:
        j -= 1  # جنوب مدينة الحديدة
    if j >= 0 and doc[j].norm_ in CENTRE:  # وسط فرنسا، وسط بغداد: the middle of it, no bearing
        geo = dict(span._.geo, relative={"direction": None, "km": None, "of_country": span._.geo["precision"] == "country"})
        if geo["precision"] == "country":
            geo["precision"] = "admin1"
        span._.geo = geo
        return
    bearings = []
    while j >= 0 and len(bearings) < 2 and doc[j].norm_ in DIRECTIONS:
        bearings.insert(0, DIRECTIONS[doc[j].norm_])
        j -= 1
    if not bearings:
        return
    if len(bearings) == 2 and {bearings[0], bearings[1]} not in ({0, 90}, {0, 270}, {180, 90}, {180, 270}):
        bearings = bearings[-1:]
    if len(bearings) == 2:  # شمال شرق: between the two (north-west is 315, not 135)
        a, b = sorted(bearings)
        bearing = 315 if (a, b) == (0, 270) else (a + b) / 2
    else:
        bearing = bearings[0]
    geo = dict(span._.geo)
    # the 30 characters before the direction, from the tokens (doc.text is rebuilt at each reading)
    before = "".join(t.text_with_ws for t in doc[max(0, j - 7):j + 1])[-30:] if j + 1 < len(doc) else ""
    km = _KM.search(normalize(before).text)
    geo["relative"] = {"direction": bearing, "km": float(km.group(1).replace(",", ".")) if km else None,
                       "of_country": geo["precision"] == "country"}
    if km and geo.get("lat") is not None:
        d = float(km.group(1).replace(",", ".")) / 6371.0
        lat1, lon1, brg = map(math.radians, (geo["lat"], geo["lon"], bearing))
        lat2 = math.asin(math.sin(lat1) * math.cos(d) + math.cos(lat1) * math.sin(d) * math.cos(brg))
        lon2 = lon1 + math.atan2(math.sin(brg) * math.sin(d) * math.cos(lat1), math.cos(d) - math.sin(lat1) * math.sin(lat2))
        geo["lat"], geo["lon"], geo["precision"] = round(math.degrees(lat2), 4), round(math.degrees(lon2), 4), "point"
    else:
        geo["precision"] = "admin1" if geo["precision"] in ("city", "country") else geo["precision"]
    span._.geo = geo


MENTION_WORDS = GEO_WORDS["mention_words"]


def site_in_town(doc: Doc, places: list[Span]) -> list[Span]:
    """قصر السلام بجدة، سجن صيدنايا في ريف دمشق: a listed site followed by the town of its country
    that holds it is named with it, as coders write it; the site keeps its own point."""
    out: list[Span] = []
    skip: set[int] = set()
    for n, span in enumerate(places):
        if n in skip:
            continue
        nxt = places[n + 1] if n + 1 < len(places) else None
        if nxt is not None and span._.geo.get("precision") == "point" and "feature" not in span._.geo and (
                # the town's span already grew over the site's name (named_site)
                (nxt.start <= span.start and nxt.end > span.end and nxt._.geo.get("feature"))
                # ب/في and a town or province of the site's country right after it
                or (nxt.start == span.end + 1 and doc[span.end].norm_ in ("ب", "في")
                    and nxt._.geo.get("country") == span._.geo.get("country")
                    and nxt._.geo.get("precision") in ("city", "admin1"))):
            grown = Span(doc, min(span.start, nxt.start), nxt.end, label=span.label_)
            grown._.geo = dict(span._.geo, text=grown.text)  # the site's own point
            out.append(grown)
            skip.add(n + 1)
            continue
        out.append(span)
    return out


def full_mention(doc: Doc, span: Span) -> Span:
    """The place as the text names it, with the direction that places it (جنوب مدينة الحديدة، وسط
    كركوك، شمال سوريا); ``_.geo`` stays the anchor's."""
    start = span.start
    j = start - 1
    tagged = j > 0 and doc[j].text == "#"
    if tagged:
        j -= 1
    if j >= 0 and doc[j].norm_ in MENTION_WORDS:
        # مدينة عفرين، بلدة هجين، قرية الدالوه: coders keep the kind the text gives the place three times
        # in four (the kind of a hashtag, مديرية #حيس, stays out)
        start, j = (start if tagged else j), j - 1
    turns = 0
    while j >= 0 and turns < 2 and (doc[j].norm_ in DIRECTIONS or (doc[j].norm_ in CENTRE and turns == 0)) \
            and span._.geo.get("relative") is not None:
        start, j, turns = j, j - 1, turns + 1
    if start == span.start:
        return span
    grown = Span(doc, start, span.end, label=span.label_)
    grown._.geo = dict(span._.geo, text=grown.text)
    return grown


# how coarse a place is: a coarser place right after a finer one of its country names where that one is
RANK = {"point": 0, "city": 1, "admin2": 2, "admin1": 3}


def contains(place: Span, rel: Span) -> bool:
    """مدينة دوما في الغوطة الشرقية، قرية الدالوه بمحافظة الإحساء، المسجد العتيق في مدينة درنة:
    a coarser place of the same country (a country itself aside) that can hold the one before it."""
    a, b = RANK.get(place._.geo.get("precision")), RANK.get(rel._.geo.get("precision"))
    return a is not None and b is not None and a < b and a <= 1


def nearby_anchor(doc: Doc, span: Span) -> bool:
    """قرب دمشق، بالقرب من حلب، على مقربة من الحدود: a place given to find another by."""
    j = span.start - 1
    return j >= 0 and (doc[j].norm_ in ("قرب", "بالقرب") or (
        doc[j].norm_ == "من" and j > 0 and doc[j - 1].norm_ in ("قرب", "بالقرب", "مقربه")))


def describes(doc: Doc, place: Span, rel: Span) -> bool:
    """مطار الحديدة غربي اليمن، الرقة شمال سوريا، دوما في الغوطة الشرقية: the relative phrase (or
    the holding place) says where the place right before it lies, in the same country; the event is
    at that place, not in the region."""
    j = rel.start - 1
    seat = False
    while j >= place.end and (doc[j].norm_ in DIRECTIONS or doc[j].norm_ in ("في", "ب", "ال") or doc[j].norm_ in MENTION_WORDS
                              or doc[j].norm_.removeprefix("ال") in SEAT_WORDS
                              or (doc[j].text in ",،" and seat)):
        seat = seat or doc[j].norm_.removeprefix("ال") in SEAT_WORDS
        j -= 1  # منطقة عفرين في شمال سوريا، بالشمال السوري، الحوطة عاصمة محافظة لحج، الواقعة شمال عدن
    around = place._.geo.get("relative") and not place._.geo["relative"].get("of_country")  # شرق مديرية #حيس
    near_by = False
    if j >= place.end and doc[j].norm_ in ("قرب", "بالقرب") or (
            j > place.end and doc[j].norm_ == "من" and doc[j - 1].norm_ in ("قرب", "بالقرب", "مقربه")):
        # أطراف الغوطة الشرقية قرب دمشق، بلدة كويرس بالقرب من حلب: the town named to find it by
        near_by = True
        j -= 1 if doc[j].norm_ != "من" else 2
        if j >= place.end and doc[j].norm_ == "علي":
            j -= 1  # على مقربة من
    return (j == place.end - 1 and place._.geo.get("country") == rel._.geo.get("country")
            and (place._.geo.get("precision") in ("city", "point") or bool(around) or seat
                 or (near_by and place._.geo.get("precision") == "admin1")))


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
        agency_first = bool(_AGENCY_BEFORE.search(before))  # (رويترز) - دمشق
        line_end = text.find("\n", span.end_char)
        rest = text[span.end_char:line_end if line_end >= 0 else len(text)]
        # طرابلس 26 شوال 1436ه الموافق 11 اغسطس 2015م .واس: a short line of place and date
        dated_line = len(rest) < 90 and _DATED_LINE.match(rest) is not None
        # عين اليوم – القاهرة: a line of the outlet, a dash and the place (القدس المحتلة) alone
        outlet_first = line_start > 0 and re.search(r"\S\s*[-–—]\s*$", before) is not None and len(rest.strip()) <= 12
        dated_line = dated_line or outlet_first
        if not _DATELINE_SEP.match(after) and not _NEWSROOM_AFTER.match(after) and not agency_first and not dated_line:
            continue
        if line_start == 0 and "\n" in text and re.match(r"^\s*[:،,]", after) and not agency_first and not dated_line:
            continue  # إيران: ردنا لن يسر أمريكا: a headline's speaker, not where the story was filed
        if len(before.split()) > 4:
            continue
        room = _NEWSROOM_AFTER.match(after)
        newsroom = bool(_NEWSROOM_BEFORE.search(before)) or bool(room)
        # the whole newsroom line ("أتلانتا، الولايات المتحدة الأمريكية (CNN)") places nothing
        upto = span.end_char + room.end() if room else span.end_char
        return dict(span._.geo, newsroom=newsroom, start=span.start_char, end=span.end_char, stretch=[line_start, upto])
    return None


@Language.factory("hadath_geo")
def make_geo(nlp: Language, name: str):
    return GeoTagger(nlp)
