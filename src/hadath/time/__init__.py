"""Time expressions of Arabic news, resolved against the document date.

``hadath_time`` finds dates in the three month systems (Levantine, Western,
Maghrebi; paired forms such as "نيسان ابريل" or "يوليو/ تموز"), years,
seasons with years, weekdays, and relative words (اليوم، أمس، أمس الأول،
الليلة الماضية، الأسبوع الماضي، الشهر الماضي/الحالي/المقبل، "في 17 من الشهر
الحالي"، منذ ثلاثة أيام، بعد يوم من) and stores them in ``doc.spans["times"]`` with
``_.time`` = {"value": "YYYY[-MM[-DD]]", "precision": day|month|year}.
Hijri dates with their year (25 شوال 1436 هـ) are converted with hijridate.
Ranges (بين عامي 2011 و2014، من 3 إلى 5 مايو، من مارس حتى مايو) take their
first day, month or year as the value and the last as ``end``.
Expressions that need the document date are skipped when it is unknown.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc

from hadath.lexicon import hijri_months, months
from hadath.text.normalize import fold, normalize

WEEKDAYS = {"الاثنين": 0, "الاتنين": 0, "الثلاثاء": 1, "الثلاثا": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4,
            "السبت": 5, "الاحد": 6}
NUMBER_WORDS = {"يوم": 1, "يومين": 2, "ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7, "ثمانيه": 8,
                "تسعه": 9, "عشره": 10, "اسبوع": 7, "اسبوعين": 14}
# قبل يومين، قبل شهرين: (count, unit) of a span counted back written as one word; the unit of a counted plural
_BACK_ONE = {"يومين": (2, "d"), "اسبوع": (7, "d"), "اسبوعين": (14, "d"), "شهر": (1, "m"), "شهرين": (2, "m"),
             "عام": (1, "y"), "سنه": (1, "y"), "عامين": (2, "y"), "سنتين": (2, "y")}
_BACK_UNITS = {"ايام": "d", "يوما": "d", "اسابيع": "w", "اشهر": "m", "شهور": "m"}  # (اعوام، سنوات، سنين: years)
SEASONS = {"الشتاء": 1, "شتاء": 1, "الربيع": 4, "ربيع": 4, "الصيف": 7, "صيف": 7, "الخريف": 10, "خريف": 10}

_UNITS = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
# الرابع عشر من مايو، الحادي والعشرين من الشهر الجاري: days of the month written as ordinals (folded)
ORDINAL_DAYS = {**{w: i + 1 for i, w in enumerate(_UNITS)}, "العاشر": 10, "الحادي عشر": 11,
                **{f"{w} عشر": i + 1 + 10 for i, w in enumerate(_UNITS) if i >= 1},
                "العشرين": 20, "الحادي والعشرين": 21, **{f"{w} والعشرين": i + 21 for i, w in enumerate(_UNITS) if i >= 1},
                "الثلاثين": 30, "الحادي والثلاثين": 31}
_ORD = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(ORDINAL_DAYS, key=len, reverse=True))


def day_number(s: str) -> int:
    return int(s) if s.isdigit() else ORDINAL_DAYS[re.sub(r"\s+", " ", s)]


_B = r"(?<![\w])"  # word start (clitic و/ف/ب/في allowed before via optional group)
_E = r"(?![\w])"
# a day number glued to في or ب, as typed in a hurry (جرت في29 أيار)
_BD = r"(?:(?<![\w])|(?<=\sفي)|(?<=\sب))"
_CL = r"(?:[وف]?(?:ب|ل|في\s+)?)"


def _month_alt() -> str:
    names = sorted(months(), key=len, reverse=True)
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)


class TimeTagger:
    def __init__(self):
        m = _month_alt()
        month_pair = rf"(?P<m1>{m})(?:\s*[/(\-]?\s*(?P<m2>{m})\s*\)?)?"
        rel = r"(?P<rel>الماضي|المنصرم|الفايت|السابق|الحالي|الجاري|المقبل|القادم)"
        year = r"(?:(?:من\s+)?(?:عام|العام|سنه)\s+)?(?P<year>(?:19|20)\d\d)"
        h = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(hijri_months(), key=len, reverse=True))
        hyear = r"(?P<hyear>1[34]\d\d)\s*(?:ه(?:ـ)?|هجري(?:ه)?|للهجره)?"
        to = r"\s*(?:-|–|الي|حتي|و)\s*"  # من 3 إلى 5، بين 2011 و2014، 2011-2014
        self.patterns: list[tuple[str, re.Pattern]] = [
            # ranges first: بين عامي 2011 و2014، من 3 إلى 5 مايو، من مارس حتى مايو 2018
            ("yrange", re.compile(rf"{_B}(?:(?:بين|من)\s+)?(?:(?:عامي|العامين|سنتي|عام|العام|سنه)\s+)?(?P<year>(?:19|20)\d\d){to}(?:(?:عام|العام|سنه)\s+)?(?P<year2>(?:19|20)\d\d){_E}")),
            ("drange", re.compile(rf"{_B}(?:(?:بين|من)\s+)?(?P<day>[0-3]?\d){to}(?P<day2>[0-3]?\d)\s*(?:من\s+)?{_CL}{month_pair}(?:\s*[,،]?\s*{year})?{_E}")),
            ("mrange", re.compile(rf"{_B}(?:بين|من)\s+{_CL}(?:شهر\s+)?(?P<m1>{m}){to}{_CL}(?:شهر\s+)?(?P<m3>{m})(?:\s*[,،]?\s*{year})?{_E}")),
            # 25 شوال 1436 هـ; رمضان 1436 (Hijri needs its year: a bare "Ramadan" is left unresolved)
            ("hijri", re.compile(rf"{_B}(?:(?P<day>[0-3]?\d)\s+(?:من\s+)?)?{_CL}(?:شهر\s+)?(?P<hm>{h})\s+(?:(?:من\s+)?(?:عام|سنه)\s+)?{hyear}")),
            # 30 / 7 / 2015م، 14/10/1436هـ: day / month / year, Hijri when the year is
            ("numeric", re.compile(rf"{_B}(?P<day>[0-3]?\d)\s*[/.\-]\s*(?P<mon>[01]?\d)\s*[/.\-]\s*(?P<nyear>(?:19|20|13|14)\d\d)(?!\d)\s*(?P<era>ه(?:ـ)?|م)?(?![^\W\d_])")),
            ("numeric", re.compile(rf"{_B}(?P<nyear>(?:19|20)\d\d)\s*[/\-]\s*(?P<mon>[01]?\d)\s*[/\-]\s*(?P<day>[0-3]?\d)(?!\d)")),
            ("dmy", re.compile(rf"{_BD}(?P<day>[0-3]?\d)\s*(?:من\s+)?{_CL}{month_pair}(?:\s*[,،]?\s*{year})?{_E}")),
            # الرابع عشر من مايو: an ordinal day needs its من (كانون الأول ديسمبر is a month)
            ("dmy", re.compile(rf"{_B}(?P<day>{_ORD})\s+من\s+{_CL}{month_pair}(?:\s*[,،]?\s*{year})?{_E}")),
            ("my", re.compile(rf"{_B}{_CL}(?:شهر\s+)?{month_pair}\s*(?:{rel}|[,،]?\s*{year}){_E}")),
            ("day_of_month", re.compile(rf"{_B}(?:في\s+)?(?:(?P<day>[0-3]?\d)\s+(?:من\s+)?|(?P<oday>{_ORD})\s+من\s+)(?:ال)?شهر\s+(?P<rel>الحالي|الجاري|الماضي|المنصرم){_E}")),
            # الخريف الماضي: the last such season before the story
            ("relseason", re.compile(rf"{_B}{_CL}(?P<season>(?:ال)?(?:شتاء|ربيع|صيف|خريف))\s+(?P<rel>الماضي|المنصرم|الفايت){_E}")),
            # في فبراير، خلال أيار: a bare month is the last one on or before the story's month
            ("bare_month", re.compile(rf"{_B}(?:[وف]?(?:في|خلال|منذ|مطلع|اواخر|منتصف|اوايل|بدايه|نهايه))\s+(?:شهر\s+)?(?P<m1>{m}){_E}(?!\s*(?:[/(\-]|\d))")),
            ("season", re.compile(rf"{_B}{_CL}(?P<season>(?:ال)?(?:شتاء|ربيع|صيف|خريف))\s+(?:عام\s+|العام\s+)?(?P<year>(?:19|20)\d\d){_E}")),
            ("year", re.compile(rf"{_B}{_CL}(?:عام|العام|سنه|مطلع|اواخر|اوايل)\s+(?P<year>(?:19|20)\d\d){_E}")),
            ("relmonth", re.compile(rf"{_B}{_CL}(?:ال)?شهر\s+(?P<rel>الماضي|المنصرم|الحالي|الجاري|المقبل|القادم){_E}")),
            ("relweek", re.compile(rf"{_B}{_CL}(?:ال)?اسبوع\s+(?P<rel>الماضي|المنصرم|الحالي|الجاري|المقبل|القادم){_E}")),
            ("relyear", re.compile(rf"{_B}{_CL}(?:ال)?عام\s+(?P<rel>الماضي|المنصرم|الحالي|الجاري|المقبل|القادم){_E}")),
            ("ago", re.compile(rf"{_B}منذ\s+(?P<n>\d+|[^\s]+)\s+(?P<unit>ايام|يوما|اسابيع|يومين|اسبوع|اسبوعين|يوم)?{_E}")),
            # قبل يومين، قبل ثلاثة أيام، قبل شهرين، قبل عامين: that long before the story's day (not قبل
            # يومين من القمة, counted from another day, nor قبل أيام, no count)
            ("before", re.compile(rf"{_B}[وف]?قبل\s+(?:نحو\s+|حوالي\s+)?(?:(?P<n>\d+|ثلاثه|اربعه|خمسه|سته|سبعه|ثمانيه|تسعه|عشره)\s+"
                                  rf"(?P<unit>ايام|يوما|اسابيع|اشهر|شهور|اعوام|سنوات|سنين)|(?P<one>يومين|اسبوع|اسبوعين|شهر|شهرين|عام|عامين|سنه|سنتين)){_E}"
                                  rf"(?!\s+(?:من|علي|ان|ذلك|موعد|انتهاء|بدء|نهايه|بدايه)\b)")),
            # بعد يوم من طرد ...: what follows happened that long before the story's day
            ("after", re.compile(rf"{_B}بعد\s+(?P<n>يوم|يومين|ثلاثه\s+ايام|اربعه\s+ايام|اسبوع|اسبوعين)\s+(?:فقط\s+)?(?:من|علي){_E}")),
            ("daybefore", re.compile(rf"{_B}{_CL}(?:(?:ليله|ليل|صباح|مساء|فجر)\s+)?(?:امس\s+الاول|اول\s+(?:من\s+)?امس){_E}")),
            ("yesterday", re.compile(rf"{_B}{_CL}(?:(?:صباح|مساء|ظهر|فجر|ليل|ليله)\s+)?امس{_E}|{_B}{_CL}الليله\s+الماضيه{_E}")),
            ("today", re.compile(rf"{_B}{_CL}(?:(?:صباح|مساء|ظهر|فجر|ليل)\s+)?اليوم{_E}|{_B}{_CL}الليله{_E}")),
            ("weekday", re.compile(rf"{_B}{_CL}(?:(?:يوم|ليل|ليله|مساء|صباح|فجر|ظهر|ظهيره)\s+)?(?P<wd>{'|'.join(WEEKDAYS)}){_E}")),
        ]

    def find(self, text: str, date: dt.date | None) -> list[tuple[int, int, str, str, str | None]]:
        """(start, end, value, precision, range end) for each time expression in ``text``; a
        range's value is its first day, month or year and its end the last (else None)."""
        norm = normalize(text)
        taken = bytearray(len(norm.text))  # characters already inside an expression
        out = []
        for kind, rx in self.patterns:
            for m in rx.finditer(norm.text):
                s, e = m.span()
                if any(taken[s:e]):
                    continue
                got = self._resolve(kind, m, date)
                if got is None:
                    continue
                taken[s:e] = b"\x01" * (e - s)
                os_, oe = norm.to_original(s, e)
                out.append((os_, oe, *got) if len(got) == 3 else (os_, oe, *got, None))
        # يوم الخميس 30 / 7 / 2015: the weekday names the date that follows it, which governs
        def weekday(o: tuple) -> bool:
            return fold(text[o[0]:o[1]]).split()[-1] in WEEKDAYS

        def relative(o: tuple) -> bool:  # بعد يومين من القمة، قبل ثلاثة أيام: counted from another day
            return fold(text[o[0]:o[1]]).split()[0] in ("بعد", "قبل", "منذ", "خلال") or not any(
                ch.isdigit() for ch in text[o[0]:o[1]])

        dated = [o for o in out if o[3] == "day" and not weekday(o) and not relative(o)]
        out = [o for o in out if not (weekday(o) and any(0 <= d[0] - o[1] <= 3 for d in dated))]
        # اليوم (السبت)، أمس الثلاثاء: the weekday names the day the story calls today or yesterday (a
        # crawl date a day late does not move it); the two are one expression
        out = sorted(out)
        merged, skip = [], set()
        for i, o in enumerate(out):
            if i in skip:
                continue
            nxt = out[i + 1] if i + 1 < len(out) else None
            if nxt is not None and weekday(nxt) and not weekday(o) and o[3] == "day" \
                    and fold(text[o[0]:o[1]]).split()[-1] in DEICTIC_DAYS and 0 <= nxt[0] - o[1] <= 3 \
                    and not text[o[1]:nxt[0]].strip(" (\u00a0"):
                merged.append((o[0], nxt[1], nxt[2], nxt[3], nxt[4]))
                skip.add(i + 1)
            else:
                merged.append(o)
        return merged

    def _resolve(self, kind: str, m: re.Match, date: dt.date | None) -> tuple | None:
        g = m.groupdict()
        if kind == "numeric":
            y, mo, d = int(g["nyear"]), int(g["mon"]), int(g["day"])
            if not 1 <= mo <= 12:
                return None
            if y < 1900:  # 1436: a Hijri year
                return hijri_to_gregorian(y, mo, d)
            try:
                return dt.date(y, mo, d).isoformat(), "day"
            except ValueError:
                return None
        if kind == "yrange":
            first, last = int(g["year"]), int(g["year2"])
            return (f"{first:04d}", "year", f"{last:04d}") if first < last else None
        if kind == "drange":
            start = self._resolve("dmy", m, date)
            if start is None or int(g["day2"]) <= int(g["day"]):
                return None
            try:
                end = dt.date.fromisoformat(start[0]).replace(day=int(g["day2"])).isoformat()
            except ValueError:
                return None
            return start[0], "day", end
        if kind == "mrange":
            last = months().get(re.sub(r"\s+", " ", g["m3"]))
            end = self._resolve("my", m, date) if (g.get("year") or date) else None
            if end is None or last is None:
                return None
            first = months()[re.sub(r"\s+", " ", g["m1"])]
            # the year resolved for the first month; a range across New Year ends the next year
            y = int(end[0][:4])
            y_end = y + 1 if last < first else y
            if g.get("year"):  # من نوفمبر إلى فبراير 2018: the year is the end's
                y, y_end = (y - 1, y) if last < first else (y, y)
            return f"{y:04d}-{first:02d}", "month", f"{y_end:04d}-{last:02d}"
        if kind == "hijri":
            return hijri_to_gregorian(int(g["hyear"]), hijri_months()[re.sub(r"\s+", " ", g["hm"])],
                                      int(g["day"]) if g.get("day") else None)
        mon = months().get(re.sub(r"\s+", " ", g["m1"])) if g.get("m1") else None
        year = int(g["year"]) if g.get("year") else None
        rel = g.get("rel")
        if kind in ("dmy", "my"):
            if year is None:
                if date is None:
                    return None
                year = date.year
                if rel in ("الماضي", "المنصرم", "الفايت", "السابق") or (rel is None and mon > date.month):
                    # "April last" / a month later than the article's month means last year
                    year = date.year - 1 if mon >= date.month else date.year
                elif rel in ("المقبل", "القادم") and mon <= date.month:
                    year = date.year + 1
            if kind == "dmy":
                try:
                    return dt.date(year, mon, day_number(g["day"])).isoformat(), "day"
                except ValueError:
                    return None
            return f"{year:04d}-{mon:02d}", "month"
        if kind == "season":
            return f"{year:04d}", "year"
        if kind == "relseason":
            if date is None:
                return None
            start = SEASONS[g["season"]]
            return f"{date.year if start < date.month - 2 else date.year - 1:04d}", "year"
        if kind == "bare_month":
            if date is None:
                return None
            return f"{date.year if mon <= date.month else date.year - 1:04d}-{mon:02d}", "month"
        if kind == "year":
            return f"{year:04d}", "year"
        if date is None:
            return None
        if kind == "day_of_month":
            y, mo = date.year, date.month
            if rel in ("الماضي", "المنصرم"):
                y, mo = (y - 1, 12) if mo == 1 else (y, mo - 1)
            try:
                return dt.date(y, mo, day_number(g.get("day") or g["oday"])).isoformat(), "day"
            except ValueError:
                return None
        if kind == "relmonth":
            y, mo = date.year, date.month
            if rel in ("الماضي", "المنصرم"):
                y, mo = (y - 1, 12) if mo == 1 else (y, mo - 1)
            elif rel in ("المقبل", "القادم"):
                y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
            return f"{y:04d}-{mo:02d}", "month"
        if kind == "relweek":
            shift = {"الماضي": -7, "المنصرم": -7, "المقبل": 7, "القادم": 7}.get(rel, 0)
            d = date + dt.timedelta(days=shift)
            return f"{d.year:04d}-{d.month:02d}", "month"
        if kind == "relyear":
            shift = {"الماضي": -1, "المنصرم": -1, "المقبل": 1, "القادم": 1}.get(rel, 0)
            return f"{date.year + shift:04d}", "year"
        if kind == "ago":
            n = int(g["n"]) if g["n"].isdigit() else NUMBER_WORDS.get(g["n"])
            unit = g.get("unit") or ""
            if n is None:
                return None
            if g["n"] in ("يومين", "اسبوع", "اسبوعين"):
                days = NUMBER_WORDS[g["n"]]
            elif unit.startswith("اسب"):
                days = 7 * n
            elif unit:
                days = n
            else:
                return None
            try:
                return (date - dt.timedelta(days=days)).isoformat(), "day"
            except (OverflowError, ValueError):
                return None  # منذ 99999 يوما: before the calendar
        if kind == "before":
            one = g.get("one")
            n, unit = _BACK_ONE[one] if one else (int(g["n"]) if g["n"].isdigit() else NUMBER_WORDS[g["n"]],
                                                  _BACK_UNITS.get(g["unit"], "y"))
            if unit == "w":
                n, unit = 7 * n, "d"
            try:
                if unit == "d":  # (a week or more ago is as vague as الأسبوع الماضي: its month)
                    d = date - dt.timedelta(days=n)
                    return (d.isoformat(), "day") if n < 7 else (f"{d.year:04d}-{d.month:02d}", "month")
                if unit == "m":
                    y, mo = divmod(date.year * 12 + date.month - 1 - n, 12)
                    return f"{y:04d}-{mo + 1:02d}", "month"
                return f"{date.year - n:04d}", "year"
            except (OverflowError, ValueError):
                return None
        if kind == "after":
            days = {"يوم": 1, "يومين": 2, "اسبوع": 7, "اسبوعين": 14}.get(g["n"]) or NUMBER_WORDS[g["n"].split()[0]]
            return (date - dt.timedelta(days=days)).isoformat(), "day"
        if kind == "daybefore":
            return (date - dt.timedelta(days=2)).isoformat(), "day"
        if kind == "yesterday":
            return (date - dt.timedelta(days=1)).isoformat(), "day"
        if kind == "today":
            return date.isoformat(), "day"
        if kind == "weekday":
            back = (date.weekday() - WEEKDAYS[g["wd"]]) % 7
            return (date - dt.timedelta(days=back)).isoformat(), "day"
        return None


def hijri_to_gregorian(year: int, month: int, day: int | None) -> tuple[str, str] | None:
    """A Hijri date as Gregorian: the day, or for a month the Gregorian month of its middle."""
    from hijridate import Hijri

    try:
        if day is not None:
            return Hijri(year, month, day).to_gregorian().isoformat(), "day"
        mid = Hijri(year, month, 15).to_gregorian()
    except (ValueError, OverflowError):
        return None  # outside the calendar's table (hijridate covers 1343-1500 AH)
    return f"{mid.year:04d}-{mid.month:02d}", "month"


# the last word of a time expression that names a day relative to the story's own (اليوم، أمس، أمس الأول)
DEICTIC_DAYS = {fold(w) for w in ("اليوم", "أمس", "امس", "البارحة", "الأول", "الماضية", "الليلة")}


@Language.factory("hadath_time")
def make_time(nlp: Language, name: str):
    tagger = TimeTagger()

    def tag_times(doc: Doc) -> Doc:
        spans = []
        for s, e, value, precision, end in tagger.find(doc.text, doc._.doc_date):
            span = doc.char_span(s, e, label="TIME", alignment_mode="expand")
            if span is not None:
                span._.time = {"value": value, "precision": precision, **({"end": end} if end else {})}
                spans.append(span)
        doc.spans["times"] = spans
        return doc

    return tag_times
