"""Actors: who acts, as (country, sector), from the mentions of the ner layer.

``hadath_actors`` joins adjacent mentions into one actor phrase the way Arabic
news writes them: an office or body with a nationality or country
(قائد عسكري أميركي → USA MIL; وزير خارجية العراق → IRQ GOV; الجيش العراقي →
IRQ MIL), a title with a name (الجنرال كيس فلبس), a sub-national place after
an office (رئيس اقليم كردستان → IRQ GOV).  Two nationality adjectives in a
row are two actors (مباحثات عراقية اميركية).  A capital used for its
government (بين بغداد وواشنطن) is an actor unless a preposition makes it a
place.  A person's code is the office held on the document date.  An actor
with no country takes it from an apposition later in the clause or from an
earlier mention of the same person or office.  Each actor is a span in
``doc.spans["actors"]`` with ``_.actor`` = {text, name, country, sector}
plus ``locative`` (a place-like use, "في العراق").
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from hadath.lexicon import common_words, countries, triggers, word_sets
from hadath.quantities import SINGULAR_PEOPLE
from hadath.quotes import COMPLEMENTIZERS, in_forms, speech_forms
from hadath.text.component import before_clitics, is_sent_start
from hadath.text.normalize import fold
from hadath.text.tokenizer import without_dropped_article

# the Arabic word lists of the rules below, kept with the lexicon (lexicon/actor_words.tsv)
ACTOR_WORDS = word_sets("actor_words.tsv")
LOCATIVE = ACTOR_WORDS["locative"]
BREAK = set(".,;:!?()[]«»\"'-–—/\n") | {"،", "؛", "؟"}
CONJ = {"و"}
PREPOSITIONS = ACTOR_WORDS["prepositions"]
FIXED_ORGS = {"armed_group", "igo", "coalition", "media", "ngo", "company", "party"}
# nouns that refer back to the last named group of these kinds (هاجم التنظيم، مقاتلات التحالف)
ANAPHORA = {"تنظيم": {"armed_group"}, "جماعه": {"armed_group", "party"}, "حركه": {"armed_group", "party"},
            "ميليشيا": {"armed_group"}, "مليشيا": {"armed_group"}, "تحالف": {"coalition"}}
ANAPHORA_BLOCK = {"داعش", "القاعده", "الدوله"}  # تنظيم داعش is a name, not an anaphor
ANAPHORA_SECTORS = {"تحالف": {"MIL"}}  # التحالف is a military coalition, not the Syrian opposition's ائتلاف
# a capital stands for its government (بين بغداد وواشنطن، ان واشنطن ستقدم) after these or at a clause start
METONYMY_BEFORE = ACTOR_WORDS["metonymy_before"]
RELATIVE_WORDS = ACTOR_WORDS["relative_words"]
ROLE_ADJECTIVES = ACTOR_WORDS["role_adjectives"]
ROLE_ADJECTIVE_NOUNS = ACTOR_WORDS["role_adjective_nouns"]
TENURE_ADJECTIVES = ACTOR_WORDS["tenure_adjectives"]
BACKER_WORDS = ACTOR_WORDS["backer_words"]
# role mentions that are ranks or titles put before a personal name
TITLES = {"General", "Major General", "Brigadier General", "Colonel", "Lieutenant General", "Field Marshal",
          "Major", "Captain", "Sheikh", "Prince", "King", "President", "Ambassador", "Minister"}


def _capitals() -> dict[str, str]:
    out = {}
    for c in countries():
        for cap in c.capitals:
            out[fold(cap)] = c.iso3
    return out


@lru_cache(maxsize=1)
def verb_forms() -> frozenset[str]:
    """Folded verb forms of the trigger and speech lexicons (حذرت، يدين، قالت): a capital after one is its subject."""
    return frozenset({t.form for t in triggers() if t.kind in ("past", "pres")} | speech_forms())


def is_verb(norm: str) -> bool:
    return in_forms(norm, verb_forms())


# the sector of a person named only by what he is: جنديا تركيا is the military's, صحفيا مصريا the media's
PERSON_SECTORS = {fold(k): v for k, v in {
    "جندي": "MIL", "عسكري": "MIL", "ضابط": "MIL", "مقاتل": "MIL", "شرطي": "COP", "صحفي": "MED", "صحافي": "MED",
    "مصور": "MED", "مراسل": "MED", "مسلح": "REB", "قيادي": "REB", "دبلوماسي": "GOV", "مسؤول": "GOV", "وزير": "GOV",
    "سفير": "GOV", "ناشط": "CVL", "معارض": "OPP"}.items()}


def person_object(tok) -> bool:
    """شخصا، شابا، صحفيا: an indefinite noun of a person in the accusative, the object of an act."""
    return tok.is_alpha and tok.norm_.endswith("ا") and tok.norm_[:-1] in SINGULAR_PEOPLE


def office_on(record: dict, date: dt.date | None) -> dict:
    """The office a person held on ``date`` (else their latest one before it, else their first)."""
    offices = record.get("offices") or []
    if not offices:
        return {}
    if date is None:
        return offices[-1]
    iso = date.isoformat()

    def covers(o: dict) -> bool:
        return (not o["start"] or o["start"] <= iso) and (not o["end"] or iso <= o["end"] + "-99")

    current = [o for o in offices if covers(o)]
    if current:
        return max(current, key=lambda o: o["start"] or "")
    before = [o for o in offices if o["start"] and o["start"] <= iso]
    return max(before, key=lambda o: o["start"]) if before else offices[0]


class ActorBuilder:
    def __init__(self):
        self.capitals = _capitals()

    def __call__(self, doc: Doc) -> Doc:
        date = doc._.doc_date
        items: list[tuple[int, int, dict]] = []
        cities = {(p.start, p.end): p._.geo for p in doc.spans.get("places", [])
                  if p._.geo and p._.geo.get("precision") == "city"}
        for span in doc.spans.get("mentions", []):
            rec = dict(span._.kb)
            words = [t.norm_ for t in span if t.norm_ != "ال"]
            noun = before_clitics(doc, span.start) if span[0].norm_ == "ال" else span.start - 1
            if rec.get("kind") == "role" and noun >= 0 and len(words) == 1 \
                    and {words[0].removeprefix("ال"), words[0].removesuffix("ا")} & ROLE_ADJECTIVES \
                    and doc[noun].norm_.removeprefix("ال") in ROLE_ADJECTIVE_NOUNS:
                continue  # مؤتمر صحفي، النزاع الدبلوماسي: "press", "diplomatic", not a journalist or a diplomat
            geo = cities.get((span.start, span.end))
            if rec.get("kind") == "country" and geo and geo.get("country") != rec.get("country"):
                # العاصمة الأردنية عمان: the place layer read the name as a city (Amman, not Oman),
                # which stands for its own country's government
                rec = {"kind": "capital", "name": geo["name"], "country": geo["country"], "sector": "GOV"}
            items.append((span.start, span.end, rec))
        mention_tokens = {i for s, e, _ in items for i in range(s, e)}
        for span in doc.spans.get("places", []):
            key = fold(span.text)
            if span._.geo and span._.geo.get("precision") != "country" and not (set(range(span.start, span.end)) & mention_tokens):
                kind = "capital" if key in self.capitals else "place"
                items.append((span.start, span.end, {"kind": kind, "name": span._.geo["name"],
                                                     "country": span._.geo["country"], "sector": "GOV"}))
        items.sort()
        groups = self._group(doc, items)
        actors = []
        for g in groups:
            actor = self._compose(doc, g, date, actors[-1] if actors else None)
            if actor is not None:
                actors.append(actor)
        self._people_of(doc, actors)
        actors += self._anaphora(doc, actors)
        actors += self._surnames(doc, actors)
        actors.sort(key=lambda a: a["_start"])
        self._fill_countries(doc, actors)
        actors = self._backed(doc, actors)
        places = doc.spans.get("places", [])
        sites = {(p.start, p.end) for p in places if p._.geo and p._.geo.get("precision") == "point"}
        for a in actors:
            # في البنتاغون، إلى البيت الأبيض: the institution's building, where something happens; بالأراضي
            # اليمنية، داخل الأراضي السورية: an adjective inside a place's name, after في or ب, is where (but
            # هجوم على أرض بريطانية: Britain is attacked)
            if (a["kind"] == "org" and (a["_start"], a["_end"]) in sites and a["_start"] > 0
                    and doc[a["_start"] - 1].norm_ in LOCATIVE) or (a["kind"] == "nationality" and any(
                    p.start < a["_start"] and a["_end"] <= p.end and p.start > 0
                    and (doc[p.start - 1].norm_ in LOCATIVE or doc[p.start - 1].norm_ == "ب") for p in places)):
                a["locative"] = True
        for a, b in zip(actors, actors[1:]):
            # في العراق وسوريا: a place coordinated with a place stays a place
            if a["locative"] and b["kind"] in ("country", "capital", "place") and b["_start"] == a["_end"] + 1 \
                    and doc[a["_end"]].norm_ in CONJ:
                b["locative"] = True
        spans = []
        for a in actors:
            span = Span(doc, a.pop("_start"), a.pop("_end"), label="ACTOR")
            a["text"] = span.text
            span._.actor = a
            spans.append(span)
        doc.spans["actors"] = spans
        return doc

    @staticmethod
    def _backed(doc: Doc, actors: list[dict]) -> list[dict]:
        """المليشيات العراقية الموالية لإيران، الفصائل المدعومة من تركيا: the backer named after the
        actor is part of its name, not a second actor (the militias act, not Iran)."""
        out: list[dict] = []
        for a in actors:
            prev = out[-1] if out else None
            if prev is not None and prev["kind"] not in ("country", "capital", "place"):
                words = [t.norm_ for t in doc[prev["_end"]:a["_start"]] if t.norm_ != "ال"]
                if len(words) == 2 and words[0].removeprefix("ال") in BACKER_WORDS and words[1] in ("ل", "من"):
                    prev["_end"] = a["_end"]
                    continue
            out.append(a)
        return out

    @staticmethod
    def _people_of(doc: Doc, actors: list[dict]) -> None:
        """اعتقلت السلطات شخصا تونسيا، قتل جنديا تركيا: one person of a country, named by an indefinite
        noun of people and the country's adjective that agrees with it; the adjective alone was weak, and
        its actor grows over the noun (in place)."""
        for a in actors:
            s = a["_start"]
            if a["kind"] != "nationality" or a["_end"] - s != 1 or s == 0 or not a.get("weak"):
                continue
            if not doc[s].norm_.endswith("يا") or not person_object(doc[s - 1]):
                continue
            noun = doc[s - 1].norm_[:-1]
            a.update({"_start": s - 1, "weak": False, "kind": "role", "kinds": ["role", "nationality"],
                      "sector": PERSON_SECTORS.get(noun, "CVL"), "name": noun})

    @staticmethod
    def _gap_ok(doc: Doc, end: int, start: int, prev: dict, cur: dict) -> bool:
        gap = [t for t in doc[end:start]]
        if any(t.text in BREAK or t.is_space for t in gap):
            return False
        if any(t.norm_ in CONJ for t in gap):
            return False
        if any(t.norm_ in COMPLEMENTIZERS or t.norm_ == "ان" or is_verb(t.norm_) for t in gap):
            return False  # المتحدث إن الجيش، الجيش قتل فلسطينيا: a clause between, two actors
        if prev["kind"] == "nationality" and cur["kind"] == "nationality":
            return False  # عراقية اميركية: two actors
        if cur["kind"] == "nationality" and any(person_object(t) for t in gap):
            return False  # أوقفت الشرطة صحفيا مصريا: the adjective is the journalist's, not the police's
        if cur["kind"] == "nationality" and gap and doc[start].norm_.endswith("ا") \
                and not doc[start].norm_.startswith("ال") and doc[start - 1].norm_ != "ال":
            return False  # الجيش قتل فلسطينيا: an indefinite accusative after a verb is a person, the object
        if cur["kind"] in ("nationality", "country", "capital", "place") and prev["kind"] in ("role", "org"):
            if prev["kind"] == "org" and (prev.get("country") or prev.get("org_kind") in FIXED_ORGS):
                return False  # داعش ... العراق: a named group takes no country from its neighbours
            if cur["kind"] != "nationality":
                words = [t.norm_ for t in gap if t.norm_ != "ال"]
                if prev["kind"] == "role" and len(words) >= 2 and words[-1] == "ل" \
                        and all(w.removeprefix("ال") in TENURE_ADJECTIVES for w in words[:-1]):
                    return True  # الرئيس السابق لإقليم كاتالونيا: the office held there
                # idafa: وزير خارجية العراق; رئيس اقليم كردستان العراق (one unknown word between)
                return len(gap) <= 1 and not any(t.norm_ in PREPOSITIONS or not t.is_alpha for t in gap)
            # قائد عسكري أميركي رفيع ; مستشار الأمن القومي العراقي; not across a preposition
            return len(gap) <= 2 and not any(t.norm_ in PREPOSITIONS for t in gap)
        if cur["kind"] == "person" and prev["kind"] in ("role", "nationality", "country", "place", "org"):
            return len(gap) <= 1 and not any(t.norm_ in PREPOSITIONS for t in gap)
        if cur["kind"] == "role" and prev["kind"] == "person":
            return len(gap) == 0
        if cur["kind"] in ("org", "role") and prev["kind"] == "role":
            return len(gap) <= 1  # رئيس مجلس النواب, مسؤول مكتب التنسيق
        return False

    def _group(self, doc: Doc, items: list[tuple[int, int, dict]]) -> list[list[tuple[int, int, dict]]]:
        groups: list[list[tuple[int, int, dict]]] = []
        for item in items:
            if groups:
                ps, pe, prev = groups[-1][-1]
                head = groups[-1][0][2]
                s, e, cur = item
                if s >= pe and self._gap_ok(doc, pe, s, prev, cur) and not (
                        cur["kind"] in ("country", "nationality") and any(x[2]["kind"] in ("country", "nationality") and x[2].get("country") for x in groups[-1][1:])
                        and head["kind"] != "person"):
                    if cur["kind"] == "person" and any(x[2]["kind"] == "person" for x in groups[-1]):
                        # أحمد أويحيى الرئيس عبد العزيز بوتفليقة: a second name is a second actor, with
                        # the role words just before it
                        group = groups[-1]
                        cut = len(group)
                        while cut > 1 and group[cut - 1][2]["kind"] == "role":
                            cut -= 1
                        if cut < len(group) and cut > 0:
                            groups[-1], rest = group[:cut], group[cut:]
                            groups.append(rest + [item])
                        else:
                            groups.append([item])
                        continue
                    named = {x[2].get("country") for x in groups[-1] if x[2]["kind"] in ("country", "nationality")}
                    held = office_on(cur, doc._.doc_date).get("country") if cur["kind"] == "person" else None
                    if held is not None and named - {None} and held not in named:
                        # وشكر الرئيس الأمريكي أمير قطر: a person who holds another country's office is a
                        # second actor, not the name of the title before
                        groups.append([item])
                        continue
                    people = {o.get("country") for x in groups[-1] if x[2]["kind"] == "person"
                              for o in x[2].get("offices") or ()}
                    if cur["kind"] in ("country", "nationality") and cur.get("country") and people \
                            and cur["country"] not in people:
                        # استقبل الملك سلمان رئيس الوزراء العراقي: the office with another country's
                        # adjective is a second person, not the king's title
                        group = groups[-1]
                        if len(group) > 1 and group[-1][2]["kind"] == "role":
                            groups[-1], rest = group[:-1], group[-1:]
                            groups.append(rest + [item])
                        else:
                            groups.append([item])
                        continue
                    groups[-1].append(item)
                    continue
            groups.append([item])
        return groups

    def _compose(self, doc: Doc, group: list[tuple[int, int, dict]], date: dt.date | None,
                 last: dict | None = None) -> dict | None:
        start, end = group[0][0], group[-1][1]
        head = group[0][2]
        name, country, sector = head.get("name"), head.get("country"), head.get("sector")
        kinds = [g[2]["kind"] for g in group]
        if head["kind"] == "place" and len(group) == 1:
            return None  # an ordinary place is not an actor
        for _, _, rec in group[1:]:
            if rec["kind"] == "person":
                office = office_on(rec, date)
                name = rec["name"]
                country = office.get("country") or country
                sector = office.get("sector") or sector
            elif rec["kind"] in ("nationality", "country", "capital", "place") and not country:
                country = rec.get("country")
            elif rec["kind"] in ("org", "role") and rec.get("sector") and head["kind"] == "role":
                name = f"{name} ({rec['name']})"
                country = country or rec.get("country")
        if head["kind"] == "person":
            office = office_on(head, date)
            country, sector = office.get("country") or country, office.get("sector") or sector
        titled = False
        if head["kind"] == "role" and len(group) == 1:
            new_end = self._title_name(doc, head, end)
            titled, end = new_end > end, new_end
        if head["kind"] in ("nationality",) and len(group) == 1:
            sector = "GOV"
        prev = doc[start - 1] if start > 0 else None
        relative_subject = prev is not None and start >= 2 and prev.norm_.endswith(("ه", "ها", "هم")) \
            and doc[start - 2].norm_ in RELATIVE_WORDS  # العملية التي تشنها أنقرة: the capital does it
        # حذرت موسكو واشنطن: the subject right after a verb, and the object right after that subject
        after_verb = prev is not None and (is_verb(prev.norm_) or (
            last is not None and last["_end"] == start and last["kind"] in ("capital", "country")
            and not last["locative"] and start >= 2 and is_verb(doc[last["_start"] - 1].norm_)))
        if head["kind"] == "capital" and len(group) == 1 and not (
                prev is None or prev.is_punct or prev.is_space or relative_subject or after_verb
                or prev.norm_ in METONYMY_BEFORE or is_sent_start(doc, start)):
            return None  # a capital after a noun or a preposition is a place, not its government
        locative = bool(prev is not None and (prev.norm_ in LOCATIVE or prev.norm_ == "ب")) and head["kind"] in (
            "country", "capital", "place")
        weak = head["kind"] == "nationality" and len(group) == 1  # an adjective on some noun: الحدود العراقية
        if (sector or head.get("sector")) == "MED" and head["kind"] in ("org", "role"):
            weak = True  # a news agency or "the media" is a source, not a participant
        return {"name": name, "country": country, "sector": sector or None, "kind": head["kind"], "weak": weak,
                "org_kind": head.get("org_kind"), "titled": titled,
                "kinds": kinds, "locative": locative, "_start": start, "_end": end}

    @staticmethod
    def _anaphora(doc: Doc, actors: list[dict]) -> list[dict]:
        """التنظيم، الجماعة، الحركة: the armed group or party named last before them."""
        covered = {i for a in actors for i in range(a["_start"], a["_end"])}
        orgs = sorted((a for a in actors if a["kind"] == "org" and a.get("org_kind")), key=lambda a: a["_end"])
        last: dict[str, dict] = {}  # org kind -> the last such group named so far
        k = 0
        out = []
        for tok in doc:
            while k < len(orgs) and orgs[k]["_end"] <= tok.i:
                last[orgs[k]["org_kind"]] = orgs[k]
                k += 1
            if tok.i in covered or tok.norm_ not in ANAPHORA:
                continue
            start = tok.i - 1 if tok.i > 0 and doc[tok.i - 1].norm_ == "ال" else tok.i
            if start in covered or (tok.i + 1 < len(doc) and doc[tok.i + 1].norm_ in ANAPHORA_BLOCK):
                continue
            prior = [last[kind] for kind in ANAPHORA[tok.norm_] if kind in last and last[kind]["_end"] <= start
                     and last[kind].get("sector") in ANAPHORA_SECTORS.get(tok.norm_, {last[kind].get("sector")})]
            if prior:
                ref = max(prior, key=lambda a: a["_end"])
                out.append(dict(ref, _start=start, _end=tok.i + 1, kinds=["anaphor"], locative=False, weak=False))
        return out

    @staticmethod
    def _surnames(doc: Doc, actors: list[dict]) -> list[dict]:
        """A later mention of a named person by the last word of their name (بارزاني، فلبس)."""
        named: dict[str, dict] = {}
        covered = {i for a in actors for i in range(a["_start"], a["_end"])}
        out = []
        events = sorted([(a["_start"], 0, a) for a in actors] + [(t.i, 1, t) for t in doc if t.i not in covered],
                        key=lambda x: (x[0], x[1]))
        for _, is_token, item in events:
            if not is_token:
                a = item
                last = doc[a["_end"] - 1]
                if (a["kind"] == "person" or "person" in a["kinds"] or (a["kind"] == "role" and a["_end"] - a["_start"] > 1
                        and a.get("titled"))) and last.is_alpha and len(last.norm_) >= 3 \
                        and not (last.i > 0 and doc[last.i - 1].norm_ == "عبد"
                                 or last.i > 1 and doc[last.i - 1].norm_ == "ال" and doc[last.i - 2].norm_ == "عبد"):
                    # (not the divine name ending عبدالله or عبد العزيز: الله, العزيز name no one)
                    named[last.norm_] = a
                continue
            ref = named.get(item.norm_)
            if ref is None:
                continue
            start = item.i - 1 if item.i > 0 and doc[item.i - 1].norm_ == "ال" and item.i - 1 not in covered else item.i
            start = without_dropped_article(doc, start, item.i + 1)  # (للبارزاني: بارزاني)
            out.append(dict(ref, _start=start, _end=item.i + 1, kinds=["surname"], locative=False, weak=False))
        return out

    @staticmethod
    def _title_name(doc: Doc, head: dict, end: int) -> int:
        """Extend a title (الجنرال، السفير) over a following unknown personal name."""
        if head.get("name") not in TITLES:
            return end
        j, words = end, 0
        while j < len(doc) and words < 3:
            t = doc[j]
            if t.norm_ == "عبد" and j + 1 < len(doc) and doc[j + 1].is_alpha:
                # عبدالناصر، عبد الرحمن: عبد and the divine name after it are one word of the name
                j += 3 if doc[j + 1].norm_ == "ال" and j + 2 < len(doc) else 2
                words += 1
                continue
            if not t.is_alpha or t.norm_.startswith("ال") or t.norm_ in CONJ or len(t.norm_) < 3:
                break
            if t.norm_.endswith("ا") and t.norm_[:-1] in common_words():
                break  # عقد الوزير مؤتمرا صحفيا: an indefinite accusative noun, not a name
            j += 1
            words += 1
        return j if words >= 2 else end  # a name has a given name and a family name

    @staticmethod
    def _fill_countries(doc: Doc, actors: list[dict]) -> None:
        # apposition later in the same clause (الجنرال كيس فلبس المسؤول ... الأميركي), right to
        # left so that a chain of appositions passes the country along
        for i in range(len(actors) - 1, -1, -1):
            a = actors[i]
            if a["country"] or a["kind"] not in ("role", "org", "person") or a.get("org_kind") in FIXED_ORGS:
                continue  # داعش, the UN: no country by design
            for b in actors[i + 1:i + 3]:
                between = doc[a["_end"]:b["_start"]]
                if b["_start"] - a["_end"] > 8 or any(t.text in BREAK or t.norm_ in CONJ for t in between):
                    break
                if b["kind"] == "nationality" and b.get("weak") and len(between) and (
                        between[-1].norm_[:1] == "ب" and len(between[-1].norm_) > 3
                        or len(between) >= 2 and between[-2].norm_ in PREPOSITIONS):
                    break  # مدنيين بقصف روسي، في غارة إسرائيلية: the adjective is the weapon's
                if b["kind"] in ("role", "nationality", "org") and b["country"]:
                    a["country"] = b["country"]
                    break
        # an earlier mention of the same person or office (السفير ... السفير الأميركي), the latest first;
        # one pass with an index of words, so that long texts stay linear
        by_word: dict[str, dict] = {}
        by_name: dict[str, dict] = {}
        for a in actors:
            if a["kind"] not in ("role", "org", "person"):
                continue
            words = {t.norm_ for t in doc[a["_start"]:a["_end"]] if len(t.norm_) > 2}
            if not a["country"] and a.get("org_kind") not in FIXED_ORGS:
                cands = [by_word[w] for w in words if w in by_word]
                if a["name"] and a["name"] in by_name:
                    cands.append(by_name[a["name"]])
                if cands:
                    b = max(cands, key=lambda x: x["_start"])
                    a["country"] = b["country"]
                    if not a["sector"]:
                        a["sector"] = b["sector"]
            if a["country"]:
                for w in words:
                    by_word[w] = a
                if a["name"]:
                    by_name[a["name"]] = a


@Language.factory("hadath_actors")
def make_actors(nlp: Language, name: str):
    return ActorBuilder()
