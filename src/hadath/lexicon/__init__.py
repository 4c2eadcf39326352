"""hadath's lexicons: human-readable TSV files beside this module, and their loaders.

Each file has a header line; lines starting with ``#`` are comments.  The
loaders return plain records; :func:`forms` turns a record's Arabic field into
the surface patterns a matcher needs (spelling variants, the article,
inflections), all folded with :func:`hadath.text.normalize.fold`.
"""
from __future__ import annotations

import csv
import gzip
import io
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources

from hadath.text.normalize import fold

SECTORS = ("GOV", "MIL", "COP", "REB", "PTY", "LEG", "JUD", "OPP", "CVL", "MED", "IGO", "NGO", "BUS", "REL", "REF")
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def _open_text(name: str) -> str:
    ref = resources.files(__package__).joinpath(name)
    data = ref.read_bytes()
    if name.endswith(".gz"):
        data = gzip.decompress(data)
    return data.decode("utf-8")


@lru_cache(maxsize=None)
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """The records of a lexicon file, comments and blank lines skipped."""
    lines = [ln for ln in _open_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    return tuple({k: (v or "").strip() for k, v in row.items() if k} for row in reader)


def variants(field_value: str) -> list[str]:
    """The ``|``-separated spellings of a field, stripped, empty ones dropped."""
    return [v.strip() for v in (field_value or "").split("|") if v.strip()]


def with_article(form: str) -> list[str]:
    """``form`` and its form with (or without) the article on the first word."""
    first, _, rest = form.partition(" ")
    if first.startswith("ال") and len(first) > 4:
        bare = first[2:] + (" " + rest if rest else "")
        return [form, bare]
    return [form, "ال" + form]


def nisba_forms(base: str) -> list[str]:
    """Gender and number forms of a nationality adjective (masc. sing. base)."""
    b = fold(base)
    if not b.endswith("ي"):
        return [b]
    return [b, b + "ه", b + "ون", b + "ين", b + "ات", b + "ا", b + "تين", b + "ان"]


@dataclass(frozen=True)
class Country:
    iso3: str
    name_en: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    capital_en: str


@lru_cache(maxsize=None)
def countries() -> tuple[Country, ...]:
    out = []
    for r in read_tsv("countries.tsv"):
        out.append(Country(r["iso3"], r["name_en"], tuple(variants(r["names_ar"])), tuple(variants(r["adj_ar"])),
                           tuple(variants(r.get("capital_ar", ""))), r.get("capital_en", "")))
    return tuple(out)


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str | None
    kind: str  # past, pres, noun, phrase
    form: str
    future: bool = False
    note: str = ""


# endings the program adds to the 3rd person masculine forms in the lexicon
_PAST_ENDINGS = ("", "ت", "ا", "تا", "وا", "نا", "ه", "ها", "هم", "تها", "ته", "وه")
_PRES_PREFIXES = ("ي", "ت", "ن")  # not أ- (I): it makes nouns (اصل، امر)
_PRES_ENDINGS = ("", "ون", "ان", "ه", "ها", "هم", "ونه")
_NOUN_ENDINGS = ("", "ا", "ه", "ها", "هم", "هما", "ين", "ان")


def past_forms(form: str) -> set[str]:
    f = fold(form)
    out = {f + e for e in _PAST_ENDINGS}
    if f.endswith(("ي", "ا")) and len(f) > 2:  # التقى, دعا: التقت, التقوا, دعت, دعوا
        stem = f[:-1]
        out |= {stem + "ت", stem + "وا", f + "ا", stem + "تا", f + "نا", stem + "وه"}
        if f.endswith("ا"):
            out |= {stem + "ونا", stem + "وت"}
    return out


def present_forms(form: str) -> set[str]:
    f = fold(form)
    if not f.startswith("ي") or len(f) < 3:
        return {f}
    stem = f[1:]
    out = set()
    for p in _PRES_PREFIXES:
        for e in _PRES_ENDINGS:
            if e in ("ون", "ان") and stem.endswith(("ي", "و")):
                out.add(p + stem[:-1] + e)  # يلتقي -> يلتقون, يدعو -> يدعون
            out.add(p + stem + e)
    return out


def noun_forms(form: str) -> set[str]:
    f = fold(form)
    out = {f + e for e in _NOUN_ENDINGS if not (e in ("ين", "ان") and f.endswith("ه"))}
    if f.endswith("ه"):  # ta marbuta: زيارة -> زيارته, زيارتها, زيارتين
        stem = f[:-1]
        out |= {stem + "ت" + e for e in ("ه", "ها", "هم", "ين", "ان", "هما")}
        out.add(stem + "ات")
    return out


_PHRASE_PAST = ("", "ت", "ا", "وا", "نا")
_PHRASE_PRES = ("", "ون", "ان")


def phrase_forms(form: str) -> set[str]:
    """Surface forms of a multiword trigger: its first word inflected as a verb
    (past and present, when it is not a noun with the article), its last word with
    a possessive pronoun (أكد دعمه / أكدت دعمها)."""
    words = fold(form).split()
    first = words[0]
    firsts = {first}
    if not first.startswith("ال") and not first.endswith("ه"):
        present = None
        if first.startswith("ي") and len(first) > 2:
            present = first
        elif len(first) >= 3 and not first.endswith(("ي", "ا")):
            firsts |= {first + e for e in _PHRASE_PAST}
            # the present of a sound verb: قدم -> يقدم, أطلق -> يطلق, استدعى -> يستدعي (hollow and
            # weak verbs come out wrong and then simply never match)
            present = "ي" + (first[1:] if first.startswith("ا") else first)
        elif first.endswith(("ي", "ا")) and len(first) > 2:
            firsts |= {first, first[:-1] + "ت", first[:-1] + "وا"}
        if present:
            firsts |= {p + present[1:] + e for p in ("ي", "ت", "ن") for e in _PHRASE_PRES}
            firsts |= {"س" + p + present[1:] for p in ("ي", "ت", "ن")}
    if len(words) == 1:
        return firsts
    last = words[-1]
    lasts = {last} | ({"ال" + last} if len(words) == 2 and not last.startswith("ال") else set())
    if len(words) <= 3 and not last.startswith("ال"):
        stem = last[:-1] + "ت" if last.endswith("ه") else last
        lasts |= {stem + e for e in ("ه", "ها", "هم")}
    middle = words[1:-1]
    return {" ".join([a, *middle, z]) for a in firsts for z in lasts}


@lru_cache(maxsize=None)
def triggers() -> tuple[Trigger, ...]:
    """Every trigger surface form (folded) with its type, expanded from triggers.tsv."""
    out: dict[tuple[str, str, str], Trigger] = {}

    def add(t: Trigger) -> None:
        out.setdefault((t.type, t.kind, t.form), t)

    for r in read_tsv("triggers.tsv"):
        typ, mode, kind, form = r["type"], r.get("mode") or None, r["kind"], r["form"]
        note = r.get("note", "")
        if kind == "past":
            for f in past_forms(form):
                add(Trigger(typ, mode, kind, f, note=note))
        elif kind == "pres":
            for f in present_forms(form):
                add(Trigger(typ, mode, kind, f, note=note))
                add(Trigger(typ, mode, kind, "س" + f, future=True, note=note))
        elif kind == "noun":
            for f in noun_forms(form):
                add(Trigger(typ, mode, kind, f, note=note))
        elif kind == "phrase":
            base = fold(form)
            for f in phrase_forms(form):
                add(Trigger(typ, mode, kind, f, future=f[:1] == "س" and base[:1] != "س", note=note))
    return tuple(out.values())


@dataclass(frozen=True)
class Place:
    name: str
    geonameid: int | None
    name_en: str
    country: str
    admin1: str
    lat: float | None
    lon: float | None
    kind: str
    population: int
    wordlike: bool = False  # a town named like a common word: a place only where the text says so


@lru_cache(maxsize=None)
def gazetteer() -> dict[str, tuple[Place, ...]]:
    """Folded place name -> candidate places, most populous first.

    Read line by line (not through :func:`read_tsv`): it is the largest lexicon and the
    pipeline loads it at every start."""
    lines = _open_text("gazetteer.tsv.gz").split("\n")
    header = lines[0].split("\t")
    col = {c: header.index(c) for c in ("name", "geonameid", "name_en", "country", "admin1", "lat", "lon", "kind",
                                        "population", "wordlike")}
    table: dict[str, dict[tuple, Place]] = {}
    for line in lines[1:]:
        if not line:
            continue
        r = line.split("\t")
        gid, name_en, wordlike = r[col["geonameid"]], r[col["name_en"]].strip(), r[col["wordlike"]] == "1"
        bucket = table.setdefault(fold(r[col["name"]]), {})
        ident = (gid, name_en, r[col["country"]])  # (Jerusalem is listed for Israel and, occupied, for Palestine)
        if ident in bucket:
            if not wordlike:  # listed twice (a capital too): the plain listing wins
                bucket[ident] = replace(bucket[ident], wordlike=False)
            continue
        lat, lon = r[col["lat"]], r[col["lon"]]
        bucket[ident] = Place(r[col["name"]], int(gid) if gid else None, name_en, r[col["country"]], r[col["admin1"]],
                              float(lat) if lat else None, float(lon) if lon else None, r[col["kind"]],
                              int(r[col["population"]] or 0), wordlike)
    return {k: tuple(sorted(v.values(), key=lambda p: (p.kind != "country", -p.population))) for k, v in table.items()}


@lru_cache(maxsize=None)
def admin1_names() -> dict[tuple[str, str], str]:
    """(country ISO3, GeoNames admin1 code) -> the subdivision's English name, for the region."""
    out = {}
    for r in read_tsv("admin1.tsv"):
        code = r["geonames_code"].split(".", 1)[1] if "." in r["geonames_code"] else ""
        if code:
            out[(r["country"], code)] = r["name_en"]
    return out


def _month_table(name: str) -> dict[str, int]:
    out = {}
    for r in read_tsv(name):
        for v in variants(r["names_ar"]):
            out[fold(v)] = int(r["month"])
    return out


@lru_cache(maxsize=None)
def months() -> dict[str, int]:
    """Folded month name of the Levantine, Western and Maghrebi systems -> month number."""
    return _month_table("months.tsv")


@lru_cache(maxsize=None)
def hijri_months() -> dict[str, int]:
    """Folded Hijri month name -> month number."""
    return _month_table("hijri_months.tsv")


@lru_cache(maxsize=None)
def whole_words() -> frozenset[str]:
    """Frequent words that look like clitic + word but are one (built by scripts/build_word_lists.py)."""
    return frozenset(ln for ln in _open_text("whole_words.txt").splitlines() if ln and not ln.startswith("#"))


@cache
def common_words() -> dict[str, int]:
    """The 20,000 most frequent folded news words -> their rank, 0 the most frequent (built by
    scripts/build_word_lists.py)."""
    words = (ln for ln in _open_text("common_words.txt").splitlines() if ln and not ln.startswith("#"))
    return {w: rank for rank, w in enumerate(words)}


@lru_cache(maxsize=None)
@cache
def word_sets(name: str, key: str = "set") -> dict[str, frozenset[str]]:
    """A lexicon file of word lists (``key``, form, note): each list's forms, folded."""
    out: dict[str, set[str]] = {}
    for r in read_tsv(name):
        out.setdefault(r[key], set()).add(fold(r["form"]))
    return {k: frozenset(v) for k, v in out.items()}


def context_words() -> dict[str, frozenset[str]]:
    return word_sets("context.tsv", "kind")
