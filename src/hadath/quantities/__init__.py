"""Quantities: numbers of people, troops and money, with what they count.

``hadath_quantities`` reads digits (Arabic-Indic too, after folding) and
number words (ثلاثة، عشرات، مئات، آلاف، ثلاثة آلاف، مئتان وخمسون) with their
hedges (نحو، حوالي، أكثر من، ما لا يقل عن), and the noun they count
(قتيل/قتلى، جريح/مصاب، معتقل، جندي/عسكري، لاجئ، دولار ...).  Each span in
``doc.spans["quantities"]`` carries ``_.quantity`` = {value, approximate,
unit, category}, where category is one of dead, injured, arrested, troops,
people, refugees, money, or null.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from hadath.text.component import before_clitics
from hadath.text.normalize import fold, normalize

UNITS = {
    # folded noun -> (unit, category)
    "قتيل": ("person", "dead"), "قتلي": ("person", "dead"), "قتيلا": ("person", "dead"), "قتيلين": ("person", "dead"),
    "شهيد": ("person", "dead"), "شهداء": ("person", "dead"), "شهيدا": ("person", "dead"), "وفاه": ("person", "dead"),
    "جريح": ("person", "injured"), "جرحي": ("person", "injured"), "جريحا": ("person", "injured"),
    "مصاب": ("person", "injured"), "مصابين": ("person", "injured"), "مصابا": ("person", "injured"),
    "اصابه": ("person", "injured"), "اصابات": ("person", "injured"),
    "معتقل": ("person", "arrested"), "معتقلين": ("person", "arrested"), "معتقلا": ("person", "arrested"),
    "موقوف": ("person", "arrested"), "موقوفين": ("person", "arrested"), "مشتبه": ("person", "arrested"),
    "جندي": ("person", "troops"), "جنود": ("person", "troops"), "جنديا": ("person", "troops"),
    "عسكري": ("person", "troops"), "عسكريين": ("person", "troops"), "عسكريا": ("person", "troops"),
    "مقاتل": ("person", "troops"), "مقاتلين": ("person", "troops"), "مقاتلا": ("person", "troops"),
    "عنصر": ("person", "troops"), "عناصر": ("person", "troops"), "عنصرا": ("person", "troops"),
    "مسلح": ("person", "troops"), "مسلحين": ("person", "troops"), "مسلحا": ("person", "troops"),
    # the construct forms that count the members of a named group: 12 من مقاتلي حزب الله، 20 من أعضاء الجماعة
    "مقاتلي": ("person", "troops"), "مسلحي": ("person", "troops"), "افراد": ("person", "people"),
    "اعضاء": ("person", "people"), "منتسبي": ("person", "people"),
    "شخص": ("person", "people"), "اشخاص": ("person", "people"), "شخصا": ("person", "people"),
    "مدني": ("person", "people"), "مدنيين": ("person", "people"), "مدنيا": ("person", "people"),
    "طفل": ("person", "people"), "اطفال": ("person", "people"), "طفلا": ("person", "people"),
    "امراه": ("person", "people"), "نساء": ("person", "people"), "مواطن": ("person", "people"),
    "مواطنين": ("person", "people"), "مواطنا": ("person", "people"), "متظاهر": ("person", "people"),
    "متظاهرين": ("person", "people"), "متظاهرا": ("person", "people"),
    "لاجي": ("person", "refugees"), "لاجيين": ("person", "refugees"), "لاجيا": ("person", "refugees"),
    "نازح": ("person", "refugees"), "نازحين": ("person", "refugees"), "نازحا": ("person", "refugees"),
    "دولار": ("USD", "money"), "دولارا": ("USD", "money"), "يورو": ("EUR", "money"), "ريال": ("SAR", "money"),
    "ريالا": ("SAR", "money"), "دينار": ("dinar", "money"), "دينارا": ("dinar", "money"), "جنيه": ("EGP", "money"),
    "ليره": ("lira", "money"), "درهم": ("AED", "money"),
}
# a count of people becomes dead / injured / arrested from the word before it
CONTEXT = {
    "مقتل": "dead", "قتل": "dead", "وفاه": "dead", "مصرع": "dead", "استشهاد": "dead", "اعدام": "dead",
    "قتلت": "dead", "بحياه": "dead", "ارواح": "dead", "اصيبت": "injured", "اصاب": "injured", "اصابت": "injured",
    "اصابه": "injured", "جرح": "injured", "اصيب": "injured", "اصيبوا": "injured",
    "اعتقال": "arrested", "اعتقل": "arrested", "اعتقلت": "arrested", "توقيف": "arrested", "احتجاز": "arrested",
    "القبض": "arrested", "اعتقلوا": "arrested", "اوقف": "arrested", "اوقفت": "arrested",
    # the present and احتجز: قوات الاحتلال تعتقل شابا، احتجزت السلطات صحفيا
    "يعتقل": "arrested", "تعتقل": "arrested", "احتجز": "arrested", "احتجزت": "arrested", "يحتجز": "arrested",
    "تحتجز": "arrested", "يقتل": "dead", "تقتل": "dead",
}
# ... or from the words after it: 910 طفلا قتلوا، لقي 68 شخصا حتفهم، 15 مدنيا أصيبوا
AFTER = {fold(k): v for k, v in {
    "قتلوا": "dead", "قتل": "dead", "قتلو": "dead", "حتفهم": "dead", "حتفه": "dead", "مصرعهم": "dead",
    "مصرعه": "dead", "قضوا": "dead", "استشهدوا": "dead", "لقوا": "dead", "اصيبوا": "injured", "جرحوا": "injured",
    "اصيب": "injured", "اعتقلوا": "arrested", "اعتقل": "arrested", "اوقفوا": "arrested",
    # the dual and the feminine: جنديين قتلا، طفلة ووالدتها قتلتا
    "قتلا": "dead", "قتلتا": "dead", "حتفهما": "dead", "مصرعهما": "dead", "استشهدا": "dead", "لقيا": "dead",
    "اصيبا": "injured", "اصيبتا": "injured", "جرحا": "injured", "اعتقلا": "arrested", "اوقفا": "arrested"}.items()}
# what ends the run of words between a counted subject and its verb: جنديين تركيين وحارسا مسلحا قتلوا,
# but not قال 3 مسؤولين إن الجنود قتلوا
_SUBJECT_ENDS = {fold(w) for w in ("إن", "أن", "ان", "الذي", "التي", "الذين", "عندما", "حين", "بعد", "قبل", "خلال",
                                   "لكن", "كما", "فيما", "بينما", "إثر", "اثر", "حيث", "منذ", "على", "إلى", "الى",
                                   "في", "من", "عن", "مع")}


def category_after(text: str, end: int, words: int = 5) -> str | None:
    """The category a verb after a count gives it (910 طفلا قتلوا، جنديين تركيين وحارسا مسلحا قتلوا):
    the first of ``words`` words after ``end`` that is such a verb, before a clause or phrase ends."""
    for w in re.split(r"\s+", text[end:end + 80].strip())[:words]:
        if not w or re.search(r"[.,،;:!?\"«»()]", w[:1]):
            return None
        clean = re.sub(r"[.,،;:!?\"«»()]+$", "", w)
        clean = clean[1:] if clean[:1] == "و" and clean[1:] in AFTER else clean
        if clean in AFTER:
            return AFTER[clean]
        if clean in _SUBJECT_ENDS or clean != w:
            return None
    return None


ONES = {"واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4,
        "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "ثمان": 8,
        "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30,
        "اربعين": 40, "اربعون": 40, "خمسين": 50, "خمسون": 50, "ستين": 60, "ستون": 60, "سبعين": 70, "سبعون": 70,
        "ثمانين": 80, "ثمانون": 80, "تسعين": 90, "تسعون": 90, "مئه": 100, "مائه": 100, "مئتان": 200, "مئتين": 200,
        "مايتان": 200, "مايتين": 200, "ثلاثمايه": 300, "ثلاثمئه": 300, "اربعمايه": 400, "اربعمئه": 400,
        "خمسمايه": 500, "خمسمئه": 500}
MULT = {"الف": 1000, "الاف": 1000, "الفا": 1000, "مليون": 10**6, "ملايين": 10**6, "مليار": 10**9, "مليارات": 10**9}
ONES = {fold(k): v for k, v in ONES.items()}
UNITS = {fold(k): v for k, v in UNITS.items()}
VAGUE = {"عشرات": 20, "مئات": 200, "الاف": 2000, "عشرات الالاف": 20000, "مئات الالاف": 200000}
HEDGES = r"(?:(?:نحو|حوالي|قرابه|زهاء|اكثر\s+من|اقل\s+من|ما\s+لا\s+يقل\s+عن|ما\s+يزيد\s+عن|ما\s+يقارب|اكثر\s+من|عدد\s+من)\s+)"

_WORD = "|".join(sorted(map(re.escape, list(ONES) + list(MULT)), key=len, reverse=True))
_NUM = (rf"(?P<num>\d+(?:[.,]\d+)*(?:\s+(?:الف|الاف|مليون|ملايين|مليار|مليارات))?"
        rf"|(?:عشرات|مئات|الاف)(?:\s+الالاف)?"
        rf"|(?:(?:{_WORD})(?:\s+و?(?:{_WORD}))*))")
_UNIT = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
_RX = re.compile(rf"(?<!\w)(?P<hedge>{HEDGES})?(?:[وب]?){_NUM}\s+(?:من\s+)?(?:ال)?(?P<unit>{_UNIT})(?!\w)")


def number_value(words: str) -> float | None:
    words = re.sub(r"\s+", " ", words.strip())
    if words in VAGUE:
        return VAGUE[words]
    m = re.fullmatch(r"(\d+(?:[.,]\d+)*)(?:\s+(\S+))?", words)
    if m:
        digits = m.group(1)
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits) and (digits.count(".") + digits.count(",") > 1 or "," in digits):
            digits = re.sub(r"[.,]", "", digits)  # 49.095.150, 3,000: thousands separators
        elif digits.count(".") + digits.count(",") > 1:
            return None  # not a number we can read
        value = float(digits.replace(",", "."))
        if m.group(2):
            value *= MULT.get(m.group(2), 1)
        return value
    total, current = 0.0, 0.0
    for w in words.replace(" و", " ").split():
        w = w[1:] if w.startswith("و") and w[1:] in ONES | MULT else w
        if w in ONES:
            current += ONES[w]
        elif w in MULT:
            total += (current or 1) * MULT[w]
            current = 0
        else:
            return None
    return total + current


# a count straight after a word of killing, wounding or arrest counts those people whatever noun
# follows (مقتل 8 فلسطينيين، اعتقال 12 ناشطا)
_AFTER_CONTEXT = re.compile(rf"(?<!\w)[وف]?[بل]?(?P<ctx>{'|'.join(sorted(map(re.escape, CONTEXT), key=len, reverse=True))})\s+"
                            rf"(?P<hedge>{HEDGES})?(?P<num>\d+(?:[.,]\d+)*|(?:{_WORD})(?:\s+و?(?:{_WORD}))*)(?=\s+(?:من\s+)?(?P<noun>[^\s\d.,،]+))")
# (the noun is looked at, not taken: in مقتل 5 وإصابة 10 the next count starts at وإصابة)
# one person named after a word of killing, wounding or arrest is one: مقتل طفل فلسطيني، استشهاد شاب،
# اعتقال الصحفي (a singular noun or nisba; plurals and duals are counted elsewhere)
SINGULAR_PEOPLE = {fold(w) for w in (
    "طفل", "طفلة", "شخص", "شاب", "شابة", "رجل", "امرأة", "سيدة", "فتى", "فتاة", "مواطن", "مواطنة", "جندي", "ضابط",
    "عسكري", "شرطي", "مدني", "صحفي", "صحفية", "ناشط", "ناشطة", "مسلح", "مستوطن", "طالب", "معلم", "طبيب", "مسعف",
    "قيادي", "زعيم", "مسؤول", "عنصر", "مقاتل", "لاجئ", "سائق", "مصور", "مراسل", "رضيع", "رضيعة", "مزارع", "صياد",
    "مجند", "مجندة", "مقيم", "مقيمة", "موظف", "موظفة", "متظاهر", "محتج", "سجين", "حاج", "مهاجر",
    # ranks and titles: استشهاد الرقيب ماجد، مقتل العقيد
    "رقيب", "عريف", "ملازم", "نقيب", "رائد", "مقدم", "عقيد", "عميد", "حارس", "إمام", "شيخ", "قاض", "محام", "أسير",
    "معارض", "صحافي", "حقوقي", "نائب", "وزير", "سفير", "دبلوماسي")}
# the words of killing, wounding or arrest that a named person can follow (مقتل أسامة بن لادن)
NAMED_CONTEXT = {fold(k): v for k, v in {
    "مقتل": "dead", "اغتيال": "dead", "استشهاد": "dead", "وفاة": "dead", "مصرع": "dead", "إعدام": "dead",
    "إصابة": "injured", "اعتقال": "arrested", "توقيف": "arrested", "احتجاز": "arrested"}.items()}
# a casualty noun in the singular with no number is one: أوقع قتيلا وخمسة جرحى، سقط جريح
LONE = {fold(k): v for k, v in {"قتيلا": "dead", "قتيل": "dead", "جريحا": "injured", "جريح": "injured",
                                  "معتقلا": "arrested"}.items()}
_LONE = re.compile(rf"(?<!\w)[وب]?(?P<noun>{'|'.join(sorted(map(re.escape, LONE), key=len, reverse=True))})(?!\w)")
# لقي حتفه، لقيت مصرعها: one dead
_MET_DEATH = re.compile(r"(?<!\w)[وف]?لقي(?:ت)?\s+(?:حتفه|مصرعه|حتفها|مصرعها)(?!\w)")
_ONE = re.compile(rf"(?<!\w)[وف]?[بل]?(?P<ctx>{'|'.join(sorted(map(re.escape, CONTEXT), key=len, reverse=True))})\s+"
                  rf"(?:ال)?(?P<noun>[^\s\d.,،]+)")


# a death, wound or arrest noun with a singular pronoun is one person's: مما أدى إلى وفاته، أعلنت مقتلها،
# بعد اعتقاله (a dual or plural pronoun, وفاتهم, says no number)
POSSESSED = {fold(k): v for k, v in {
    "مقتل": "dead", "مصرع": "dead", "وفات": "dead", "استشهاد": "dead", "اغتيال": "dead",
    "إصابت": "injured", "اعتقال": "arrested", "احتجاز": "arrested", "توقيف": "arrested"}.items()}
_POSSESSED = re.compile(rf"(?<!\w)[وف]?[بل]?(?:ال)?(?P<noun>{'|'.join(sorted(map(re.escape, POSSESSED), key=len, reverse=True))})"
                        r"(?:ه|ها)(?!\w)")


@lru_cache(maxsize=None)
def _nationals() -> frozenset[str]:
    """فلسطيني، اسرائيلي، سوري ...: the singular nisba of every country, a man of that people."""
    from hadath.lexicon import countries

    return frozenset(fold(f) for c in countries() for a in c.adjectives if " " not in a for f in (a, a + "ة"))


def _singular_person(stem: str) -> bool:
    """مسلح، فلسطيني، صحفي: a word for one person (of a kind, or of a people)."""
    return stem in SINGULAR_PEOPLE or stem in _nationals()


def _one_accusative(noun: str) -> bool:
    """مسلحا، فلسطينيا: one person in the indefinite accusative (not سوريا, the country)."""
    return _singular_person(noun[:-1]) and noun not in _country_names()


# the verbs of killing, wounding and arrest that take a person as their object (not the nouns: مقتل رجلا is no phrase)
_OBJECT_VERBS = [w for w in CONTEXT if w in {fold(v) for v in (
    "قتل", "قتلت", "اعتقل", "اعتقلت", "اعتقلوا", "أوقف", "أوقفت", "أصاب", "أصابت", "جرح",
    "يعتقل", "تعتقل", "احتجز", "احتجزت", "يحتجز", "تحتجز", "يقتل", "تقتل")}]
_ONE_OBJECT = re.compile(rf"(?<!\w)[وف]?(?P<ctx>{'|'.join(sorted(map(re.escape, _OBJECT_VERBS), key=len, reverse=True))})"
                         rf"[ \t]+(?:[^\s\d.,،]+[ \t]+){{0,2}}?(?P<noun>[^\s\d.,،]{{3,}}ا)(?!\w)")
# ... or right before a verb of the singular: رجلا قتل، فلسطينيا أصيب
SINGLE_AFTER = {fold(k): v for k, v in {"قتل": "dead", "قتلت": "dead", "أصيب": "injured", "أصيبت": "injured",
                                          "اعتقل": "arrested", "اعتقلت": "arrested"}.items()}
# (the verb as a passive: nothing it acts on after it, a place, a cause or the end: رجلا قتل جراء القصف; not رجلا
# قتل بالرصاص شرطيين)
_ONE_SUBJECT = re.compile(rf"(?<!\w)(?P<noun>[^\s\d.,،]{{3,}}ا)[ \t]+(?P<verb>{'|'.join(sorted(map(re.escape, SINGLE_AFTER), key=len, reverse=True))})"
                          r"(?=\s*(?:$|[.,،؛:]|(?:في|جراء|خلال|اثر|عندما|بعد|امس|اليوم|برصاص|بنيران|بقصف|بانفجار|على يد)(?!\w)))")


# a toll: ارتفعت حصيلة القتلى إلى 30 شخصا، بلغ عدد الجرحى 12 (the count ends the phrase, no sentence between)
TOLLS = {fold(k): v for k, v in {"القتلى": "dead", "قتلى": "dead", "الضحايا": "dead", "الشهداء": "dead",
                                   "الوفيات": "dead", "الجرحى": "injured", "المصابين": "injured", "الإصابات": "injured",
                                   "المعتقلين": "arrested", "الموقوفين": "arrested"}.items()}
_TOLL = re.compile(rf"(?:عدد|حصيله)\s+(?P<noun>{'|'.join(sorted(map(re.escape, TOLLS), key=len, reverse=True))})"
                   r"(?:(?:\s+(?!ان\s|انه\s)[^\s.،,؛:]+){0,16}?\s+(?:الي|الى|بلغ|بلغت))?\s*(?:نحو|حوالي|اكثر من|قرابه)?\s*$")
# a count of a people: 43 فلسطينيا، خمسة سوريين
_NATIONALS_COUNTED = re.compile(rf"(?<!\w)(?P<hedge>{HEDGES})?(?P<num>\d+|(?:{_WORD})(?:\s+و?(?:{_WORD}))*)\s+"
                                r"(?P<noun>[^\s\d.,،]+)(?!\w)")
_JOINED_ONE = re.compile(r"(?<!\w)و(?P<noun>[^\s\d.,،]+?)ا(?!\w)")  # وحارسا: one more, if joined to a count
_JOINED_ONE_GENITIVE = re.compile(r"(?<!\w)و(?P<noun>[^\s\d.,،]+)(?!\w)")  # مقتل ضابط ومجند


@cache
def _country_names() -> frozenset[str]:
    """سوريا، تركيا، ليبيا: countries whose names read like a people's adjective in the accusative."""
    from hadath.lexicon import countries

    return frozenset(fold(n) for c in countries() for n in c.names if " " not in n)


_PARTITIVE = re.compile(rf"(?<!\w)و\s*(?P<num>\d+|(?:{_WORD})(?:\s+و?(?:{_WORD}))*)\s+من\s+(?:ال)?[^\s\d.,،]+")


# the dual of a counted noun is two of them: جنديان، شخصين، مدنيين are 2 only as duals, so only the -ان
# and -يين/-ين forms of singular nouns that have a distinct plural are read
DUALS = {fold(k): v for k, v in {
    "جنديان": "troops", "جنديين": "troops", "شخصان": "people", "شخصين": "people", "طفلان": "people", "طفلين": "people",
    "مدنيان": "people", "قتيلان": "dead", "قتيلين": "dead", "جريحان": "injured", "جريحين": "injured",
    "شرطيان": "troops", "شرطيين": "troops", "عسكريان": "troops", "مسلحان": "troops", "صحفيان": "people",
    "صحفيين": "people", "ناشطان": "people", "ناشطين": "people"}.items()}


# words after a number of the dead that are not what it counts (مقتل 3 في تفجير لغم)
_NOT_COUNTED = frozenset(fold(w) for w in ("في", "على", "خلال", "جراء", "إثر", "اثر", "بعد", "قرب", "عند", "منذ", "إلى"))


def find_quantities(text: str) -> list[dict]:
    norm = normalize(text)
    out = []
    taken = bytearray(len(norm.text))

    def add(s: int, e: int, value: float, category: str | None, approximate: bool = False, unit: str = "person",
            first: int | None = None, partitive: bool = False) -> None:
        """A count at normalised characters s..e (the span shown from ``first``); the characters are taken
        unless it is a partitive, which counts only if joined to a count below."""
        if not partitive:
            taken[s:e] = b"\x01" * (e - s)
        os_, oe = norm.to_original(s if first is None else first, e)
        q = {"start": os_, "end": oe, "value": int(value) if value == int(value) else value,
             "approximate": approximate, "unit": unit, "category": category}
        out.append({**q, "partitive": True} if partitive else q)

    def one(s: int, e: int, category: str, first: int | None = None) -> None:
        """One person of ``category``."""
        add(s, e, 1, category, first=first)
    for m in _AFTER_CONTEXT.finditer(norm.text):
        value = number_value(m.group("num"))
        if value is None:
            continue
        s, e = m.start("num") - (len(m.group("hedge")) if m.group("hedge") else 0), m.end("noun")
        if m.group("noun") not in UNITS and (m.group("noun") in _NOT_COUNTED or m.group("noun")[:1] in "وب"):
            e = m.end("num")  # مقتل 3 في تفجير، مقتل 12 بهجوم، مقتل 5 وإصابة 10: the number alone counts people
        unit, category = UNITS.get(m.group("noun"), ("person", None))
        category = CONTEXT[m.group("ctx")] if category in (None, "people", "troops") else category
        add(s, e, value, category, bool(m.group("hedge")), unit)
    for m in re.finditer(r"\S+", norm.text):
        w = m.group()
        w = w[1:] if w[:1] in "وب" and w[1:] in DUALS else w
        if w in DUALS and not any(taken[m.start():m.end()]):
            category = DUALS[w]
            before = norm.text[max(0, m.start() - 25):m.start()].split()
            for b in reversed(before[-2:]):
                b = b[1:] if b[:1] in "وب" and b[1:] in CONTEXT else b
                if b in CONTEXT and category in ("people", "troops"):
                    category = CONTEXT[b]
                    break
            if category in ("people", "troops"):
                category = category_after(norm.text, m.end()) or category
            add(m.start(), m.end(), 2, category)
    for m in _ONE.finditer(norm.text):
        noun = m.group("noun")
        if any(taken[m.start():m.end()]) or not _singular_person(noun):
            continue
        if m.end() < len(norm.text) and re.match(r"\s*\d", norm.text[m.end():m.end() + 3]):
            continue  # مقتل جندي 3 ...: not one
        s = m.start("noun") - (2 if norm.text[m.start("noun") - 2:m.start("noun")] == "ال" else 0)
        one(s, m.end(), CONTEXT[m.group("ctx")])
    # قتل الجيش مسلحا، قتل بالرصاص فلسطينيا، اعتقلت الشرطة التركية صحفيا; رجلا قتل: a person in the
    # indefinite accusative (its alif) right by a verb of killing, wounding or arrest is one
    for m in _ONE_OBJECT.finditer(norm.text):
        noun = m.group("noun")
        if any(taken[m.start("noun"):m.end("noun")]) or not _one_accusative(noun):
            continue
        if m.end() < len(norm.text) and re.match(r"\s*\d", norm.text[m.end():m.end() + 3]):
            continue
        one(m.start("noun"), m.end("noun"), CONTEXT[m.group("ctx")])
    for m in _ONE_SUBJECT.finditer(norm.text):
        noun = m.group("noun")
        if any(taken[m.start("noun"):m.end("noun")]) or not _one_accusative(noun):
            continue  # (في سوريا / قتل: a country, not a Syrian)
        before = norm.text[max(0, m.start() - 6):m.start()].split()
        if before and re.fullmatch(r"\d+|[\u0660-\u0669]+", before[-1]):
            continue  # (18 جنديا قتلوا is a count, not one)
        one(m.start("noun"), m.end("noun"), SINGLE_AFTER[m.group("verb")])
    for m in _POSSESSED.finditer(norm.text):
        if any(taken[m.start():m.end()]):
            continue
        one(m.start(), m.end(), POSSESSED[m.group("noun")], first=m.start("noun"))
    for m in _RX.finditer(norm.text):
        if any(taken[m.start():m.end()]):
            continue
        value = number_value(m.group("num"))
        if value is None:
            continue
        unit, category = UNITS[m.group("unit")]
        before = norm.text[max(0, m.start() - 25):m.start()].split()
        if category in ("people", "troops") and before:
            # the verb two words before, or four with its subject between (اعتقلت الشرطة التركية 590 شخصا),
            # not across a clause, a preposition or another number (قال إن 20 شخصا، قتل 3 و20 شخصا)
            crossed = False
            for n, w in enumerate(reversed(before[-4:])):
                if n >= 2 and crossed:
                    break
                crossed = crossed or w in _SUBJECT_ENDS or bool(re.search(r"[\d.,،:;!?\"«»()\u0660-\u0669]", w))
                w = w[1:] if w[:1] in "وب" and w[1:] in CONTEXT else w
                if w in CONTEXT:
                    category = CONTEXT[w]
                    break
        if category in ("people", "troops"):
            category = category_after(norm.text, m.end()) or category
        if category in ("people", "troops", None):
            toll = _TOLL.search(norm.text[max(0, m.start() - 160):m.start()])
            if toll:  # ارتفع عدد القتلى في صفوف قوات الأمن ... إلى 18 شخصا
                category = TOLLS[toll.group("noun")]
        add(m.start(), m.end(), value, category, bool(m.group("hedge")) or m.group("num").strip() in VAGUE, unit)
    for m in _NATIONALS_COUNTED.finditer(norm.text):  # قتل الجيش 43 فلسطينيا، اعتقال 5 سوريين
        noun = m.group("noun")
        stem = re.sub(r"(?:ا|ين|ون|ان)$", "", noun)
        if any(taken[m.start():m.end()]) or stem not in _nationals() or noun in _country_names():
            continue  # (2018 سوريا: a year and a country)
        value = number_value(m.group("num"))
        if value is None or (m.group("num").isdigit() and 1900 <= value <= 2100):
            continue
        category = category_after(norm.text, m.end())
        if category is None:
            before = norm.text[max(0, m.start() - 40):m.start()].split()
            category = next((CONTEXT[w] for w in reversed(before[-4:]) if w in CONTEXT), "people")
        add(m.start(), m.end(), value, category, bool(m.group("hedge")))
    for m in _PARTITIVE.finditer(norm.text):  # وثلاثة من العاملين: counted only if joined below
        if any(taken[m.start():m.end()]):
            continue
        value = number_value(m.group("num"))
        if value is not None:
            add(m.start(), m.end(), value, None, partitive=True)
    # جنديين تركيين وحارسا مسلحا قتلوا، مقتل ضابط شرطة مصري ومجند: and one guard, and one conscript
    for m in (m for rx in (_JOINED_ONE, _JOINED_ONE_GENITIVE) for m in rx.finditer(norm.text)):
        if m.group("noun") in SINGULAR_PEOPLE and not any(taken[m.start():m.end()]):
            add(m.start(), m.end(), 1, None, partitive=True)
    for rx, cat in ((_LONE, None), (_MET_DEATH, "dead")):
        for m in rx.finditer(norm.text):
            if any(taken[m.start():m.end()]):
                continue
            before = norm.text[max(0, m.start() - 12):m.start()].split()
            if before and (before[-1] in ("لا", "دون", "بدون", "اي") or re.fullmatch(r"\d+", before[-1])):
                continue  # لا قتيل، دون جريح: none
            one(m.start(), m.end(), cat or LONE[m.group("noun")])
    out.sort(key=lambda q: q["start"])
    # استشهاد عشرة من منسوبي القوات وثلاثة من العاملين: a count joined by و to a count of the dead,
    # wounded or arrested, with no word of its own, counts more of them
    for prev, q in zip(out, out[1:]):
        gap = text[prev["end"]:q["start"]]
        joined = re.search(r"(?:^|\s)و\s*$", gap) or text[q["start"]:q["start"] + 1] == "و"
        if prev["category"] in ("dead", "injured", "arrested") and q["category"] in (None, "people", "troops") \
                and len(gap) <= 60 and joined and not re.search(r"[.،,؛:]", gap) \
                and not re.search(r"(?<!\w)(?:بينهم|بينهن|بينها|منهم|منها|منهن)(?!\w)", gap):  # بينهم امرأتان وطفل: some of them
            q["category"], q["joined"] = prev["category"], True
    return [q for q in out if not q.get("partitive") or q.get("joined")]


@Language.factory("hadath_quantities")
def make_quantities(nlp: Language, name: str):
    def tag_quantities(doc: Doc) -> Doc:
        spans = []
        for q in find_quantities(doc.text):
            span = doc.char_span(q["start"], q["end"], label="QUANTITY", alignment_mode="expand")
            if span is not None:
                span._.quantity = {k: q[k] for k in ("value", "approximate", "unit", "category")}
                if q.get("joined"):
                    span._.quantity["joined"] = True
                spans.append(span)
        spans += named_casualties(doc, spans)
        doc.spans["quantities"] = sorted(spans, key=lambda sp: sp.start)
        return doc

    return tag_quantities


def named_casualties(doc: Doc, counted: list) -> list:
    """مقتل أسامة بن لادن، اغتيال القيادي X، اعتقال الصحفي Y: one person named after a word of killing,
    wounding or arrest is one dead, wounded or arrested."""
    taken = {i for sp in counted for i in range(sp.start, sp.end)}
    out = []
    for m in doc.spans.get("mentions", []):
        if (m._.kb or {}).get("kind") != "person" or m.start == 0 or any(i in taken for i in range(m.start, m.end)):
            continue
        j = before_clitics(doc, m.start)
        category = NAMED_CONTEXT.get(doc[j].norm_) if j >= 0 else None
        if category is None:
            continue
        span = Span(doc, j, m.end, label="QUANTITY")
        span._.quantity = {"value": 1, "approximate": False, "unit": "person", "category": category}
        out.append(span)
    return out
