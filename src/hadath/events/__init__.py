"""Events: PLOVER triggers in context, with roles, place, time, size and confidence.

``hadath_events`` matches the trigger lexicon (all 16 PLOVER types, verbs in
every person, verbal nouns, participles and multiword expressions) on folded
tokens, drops triggers that do not report a happening (negated, conditional,
planned, sport and market "attacks"), turns promised material acts into
AGREE, and fills each event's actor and recipient from the actors layer with
the syntax of Arabic news: the subject after the verb or before it, the
speaker of reported speech, the omitted subject carried over from the
previous sentence; recipients marked by مع، ل، إلى، على، ضد or standing as the
object; two nationality adjectives after an event noun as joint actors.
One event is kept per type and (actor, recipient) countries, at its first
mention.  ``doc._.events`` holds the events as dicts in the output contract
of EVENT_CODING.md section 3.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from hadath.events import filter as event_filter
from hadath.events import role_model
from hadath.geo import VISIT_WORDS, country_place, geo_record
from hadath.lexicon import Trigger, context_words, read_tsv, triggers, word_sets
from hadath.lexicon.matcher import NormMatcher
from hadath.quantities import UNITS as QUANTITY_UNITS
from hadath.quotes import COMPLEMENTIZERS, OPEN_QUOTES, is_speech_verb
from hadath.text.component import is_sent_start, near, sent_index, sent_of
from hadath.text.normalize import fold
from hadath.time import WEEKDAYS

# the Arabic word lists of the rules below, kept with the lexicon (lexicon/event_words.tsv)
EVENT_WORDS = word_sets("event_words.tsv")
MUTUAL = {"CONSULT", "AGREE", "COOPERATE"}
PROMISABLE = {"AID", "RETREAT", "COOPERATE", "CONCEDE", "SUPPORT"}
FALSE_FRIEND_TYPES = {"ASSAULT", "COERCE", "THREATEN", "SANCTION", "MOBILIZE", "PROTEST", "REJECT"}
# the genitive after these event nouns is the one acted upon (اعتقال الناشط), not the agent
PATIENT_GENITIVE = {"COERCE", "SANCTION", "AID"}
RECIPIENT_MARKERS = EVENT_WORDS["recipient_markers"]
AGENT_MARKERS = EVENT_WORDS["agent_markers"]  # من قبل
# nouns whose genitive is the one who used force: برصاص الجيش، بنيران القوات، على يد المسلحين، في غارة للتحالف
AGENT_NOUNS = EVENT_WORDS["agent_nouns"]
FORCE_TYPES = {"ASSAULT", "COERCE"}
# bodies whose missing country is by design (ISIS, the UN, a coalition, an agency)
STATELESS = {"armed_group", "igo", "coalition", "media", "ngo"}
# domain words a document needs to count as a sport, market or culture report
DOMAIN_MIN = {"sport": 3, "market": 4, "culture": 3}
REPORTERS = {"IGO", "NGO", "MED", "CVL"}
ARMED = {"MIL", "COP", "REB"}
WORDS_ONLY = {"NGO", "MED", "JUD", "REL", "LEG"}  # bodies that attack only in words
# the attack verbs that are as often an attack in words (هاجم المرشح منافسه)
VERBAL_ATTACKS = {fold(w) for w in ("هاجم", "هاجمت", "يهاجم", "تهاجم", "هاجموا")}
POLITICAL = {"GOV", "MIL", "COP", "REB", "PTY", "LEG", "JUD", "OPP", "IGO"}
# types coded even when no political actor is named (a killing, a protest, an arrest)
UNCONDITIONAL = {"ASSAULT", "PROTEST", "COERCE"}
# nouns whose genitive is the one acted upon: مقتل المدنيين، اغتيال القيادي، محاكمة مرسي
PATIENT_MODES = {"kill", "assassinate", "kidnap", "injure", "abduct", "torture", "execute", "arrest", "detain", "trial"}
BREAK = {".", "!", "?", "؟", "\n", ";", "؛", ":"}
CLAUSE_MARKS = BREAK | {"،", ","}
PLACE_MARKERS = EVENT_WORDS["place_markers"]
CAPITAL_NOUNS = EVENT_WORDS["capital_nouns"]
INCITE = EVENT_WORDS["incite"]  # التحريض على العنف: the act is urged, not done
# adjectives right after an act that say it is still to come (احتجاجات مرتقبة، الانتخابات المقررة)
EXPECTED = EVENT_WORDS["expected"]
# the only words that may stand between an event noun and its agent
GENITIVE_LINKS = EVENT_WORDS["genitive_links"]
# what a liberation by force takes (تحرير مدينة، تحرير كامل المحافظة، تحرير مواقع)
LIBERATED = EVENT_WORDS["liberated"]
# the occasion of something said: قال ظريف خلال حديث للصحفيين في دوشانبي، في مؤتمر صحفي مشترك مع العامري في النجف
SETTING_WORDS = EVENT_WORDS["setting_words"]
# acts done rather than said: the one a relative clause after the act names does it (for an accusation,
# النشاط الخبيث الذي تمارسه إيران, it is the accused)
DEED_TYPES = {"ASSAULT", "COERCE", "AID", "MOBILIZE", "SANCTION", "RETREAT", "COOPERATE", "CONCEDE"}
COURT_WORDS = EVENT_WORDS["court_words"]
# what one is found guilty of: أدين بالتخطيط، بتهمة، بالضلوع في
CHARGES = EVENT_WORDS["charges"]
# what a threat promises: تعهد بالانتقام، بالرد، بالسيطرة على، بسحق، بالقضاء على
FORCE_PROMISES = EVENT_WORDS["force_promises"]
PARTY_MARKERS = EVENT_WORDS["party_markers"]
# what makes an attack one in words: هجماته الكلامية، هجوما لاذعا، حملة إعلامية
VERBAL = EVENT_WORDS["verbal"]
# verbs whose ل-object is an event undergone: تتعرض القوات لهجمات، يخضعون للتحقيق
UNDERGO = EVENT_WORDS["undergo"]
SPEECH_NEAR = EVENT_WORDS["speech_near"]
INSTITUTION_NOUNS = EVENT_WORDS["institution_nouns"]
# a place named after what is done there: نقطة تفتيش، حاجز تفتيش، نقاط مراقبة
SITE_NOUNS = EVENT_WORDS["site_nouns"]
# what an actor after them is talked about, not a party: محادثات حول سوريا، بحث بشأن اليمن
TOPIC_PREPOSITIONS = EVENT_WORDS["topic_prepositions"]
TIME_CONJUNCTIONS = EVENT_WORDS["time_conjunctions"]
HOST_VERBS = EVENT_WORDS["host_verbs"]
OCCASION_WORDS = EVENT_WORDS["occasion_words"]
HELD_NOUNS = EVENT_WORDS["held_nouns"]
APPEARANCE_ADJECTIVES = EVENT_WORDS["appearance_adjectives"]
DAY_APART = EVENT_WORDS["day_apart"]
AMONG_WORDS = EVENT_WORDS["among_words"]
MEMBER_NOUNS = EVENT_WORDS["member_nouns"]  # 45 من عناصر تنظيم الدولة
# nouns for the people an act of force befell (قتيل، جرحى، معتقلين): what stands right before them is who they are
CASUALTY_NOUNS = frozenset(k for k, (unit, cat) in QUANTITY_UNITS.items() if cat in ("dead", "injured", "arrested"))
IDIOM_OBJECTS = {w.removeprefix("ال") for w in EVENT_WORDS["idiom_objects"]}  # التزم الصمت
NOUN_BEFORE = EVENT_WORDS["noun_before"]  # بعد قتل
RELATION_WORDS = {w.removeprefix("ال") for w in EVENT_WORDS["relation_words"]}  # المعارض للنظام
CAME_VERBS = EVENT_WORDS["came_verbs"]
POSTPONED = {w.removeprefix("ال") for w in EVENT_WORDS["postponed"]}
TOPIC_MARKERS = EVENT_WORDS["topic_markers"]
# triggers of intent: an event noun they govern is wanted, promised or refused, not done
INTENT_TYPES = {"REQUEST", "THREATEN", "AGREE", "REJECT"}
STATELESS_SECTORS = {"REB", "IGO", "NGO", "PTY", "OPP"}
SPOKEN_TYPES = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE"}  # acts that can be done by saying
TALK_TYPES = SPOKEN_TYPES | {"CONSULT"}  # placed where they are held or said, not where they are about
PRONOUN_OBJECTS = EVENT_WORDS["pronoun_objects"]
RELATIVES = EVENT_WORDS["relatives"]
HABITUAL_AFTER = EVENT_WORDS["habitual_after"]
# verbs of discussion: the event nouns listed as their object are topics (بحث ... واستهداف القوات)
DISCUSS = EVENT_WORDS["discuss"]
# what one withdraws from when withdrawing is rejecting (الانسحاب من الاتفاق النووي، من معاهدة)
AGREEMENT_NOUNS = EVENT_WORDS["agreement_nouns"]
# a day named relative to the story's own, or by its weekday: the news peg of a lead
DEICTIC_PEG = {fold(w) for w in ("اليوم", "أمس", "البارحة")} | set(WEEKDAYS)
SUBJECT_WINDOW = 6
RECIPIENT_WINDOW = 14
PRIOR = {"past": 0.62, "pres": 0.55, "noun": 0.5, "phrase": 0.66}


@lru_cache(maxsize=None)
def noun_readings() -> dict[str, Trigger]:
    """Forms that are both a past verb and a verbal noun when unvocalised (دعم، قصف، بحث)."""
    verbs = {t.form for t in triggers() if t.kind == "past"}
    return {t.form: t for t in triggers() if t.kind == "noun" and t.form in verbs}


@cache
def verb_forms() -> frozenset[str]:
    """The folded forms the lexicon has as verbs (قتل is a verb too, تهم is not)."""
    return frozenset(t.form for t in triggers() if t.kind in ("past", "pres"))


@lru_cache(maxsize=None)
def trigger_table() -> dict[str, Trigger]:
    """Folded trigger form -> its first lexicon entry."""
    stop = {fold(r["form"]) for r in read_tsv("trigger_stoplist.tsv")}
    table: dict[str, Trigger] = {}
    for t in triggers():
        if t.form not in stop:
            table.setdefault(t.form, t)
    return table


def reaction_verb(norm: str) -> bool:
    """A verb of words about an act (يدين، استنكر، رفض، طالب): what it takes as its object is the act named."""
    t = trigger_table().get(norm)
    return t is not None and t.kind in ("past", "pres") and t.type in ("ACCUSE", "SUPPORT", "REJECT", "REQUEST")


def coarseness(loc: dict) -> float:
    """A town or a site, the area around a town, a province, a part of a country, the country."""
    relative = loc.get("relative") or {}
    if relative:
        return 3.5 if relative.get("of_country") else 1.5
    return {"point": 0, "city": 1, "admin1": 3, "country": 4}.get(loc.get("precision"), 4)


def refines(coarse: dict | None, fine: dict | None) -> bool:
    """قصف جوي في غزة ... في شرق مدينة غزة، غارات شرقي سوريا ... في بلدة هجين: a later telling of the same
    happening that names a finer place inside the one the first placed it in says where it was."""
    if not coarse or not fine or coarse.get("country") != fine.get("country") or coarseness(fine) >= coarseness(coarse):
        return False
    if fine.get("name") and fine.get("name") == coarse.get("name"):
        return False  # جنوب مدينة الحديدة, then مدينة الحديدة: the town is no finer than the area around it
    if coarse.get("admin1") and not (coarse.get("relative") or {}).get("of_country"):
        return coarse["admin1"] == fine.get("admin1")  # (a province: the place must lie in it)
    return True


CRIME_KINDS = EVENT_WORDS["crime_kinds"]  # جرائم تعذيب: a kind of crime
DEMONSTRATIVES = EVENT_WORDS["demonstratives"]  # هذا الهجوم
PURPOSE_VERBS = EVENT_WORDS["purpose_verbs"]  # لشن ضربات
SUBJECT_FIRST = EVENT_WORDS["subject_first"]  # وكان الرئيس قد التقى
MODALS = EVENT_WORDS["modals"]  # لا يمكن ... أن
# verbs that tell that a happening took place (وقع الهجوم، جرت المكالمة، اندلعت الاشتباكات)
OCCUR_VERBS = EVENT_WORDS["occur_verbs"]
INCIDENT_NOUNS = EVENT_WORDS["incident_nouns"]
DESCRIBING_VERBS = EVENT_WORDS["describing_verbs"]  # وصف المفتي حادثة التفجير


def definite_start(doc: Doc, i: int) -> int | None:
    """Where the noun at token ``i`` starts with its article: the article split off before it, or the noun
    itself written whole with it (والمكالمة، الحادث); None for a noun without the article."""
    articles = ("ال", "وال", "فال", "بال")
    if i > 0 and doc[i - 1].norm_ in articles:
        return i - 1
    return i if doc[i].norm_.startswith(articles) else None


def after_occurring(doc: Doc, i: int, sent: Span, first_word: bool = False) -> bool:
    """Whether the word right before token ``i`` in its sentence, as written (ووقع, not و وقع), is a verb
    of occurring (وقع، جرت، اندلعت); with ``first_word``, a noun that opens its sentence counts too."""
    before = sent.text[:doc[i].idx - sent.start_char].split()
    return (first_word and not before) or bool(before and fold(before[-1]) in OCCUR_VERBS)


def token_before(doc: Doc, i: int):
    """The token before a mention starting at token ``i``, past the second lam of لل, which is the
    article (للحوثيين: ل + ل + حوثيين, and the word before the Houthis is the first ل); None at the start.
    Narrower than word_before: an article written ال and split off stays the token before."""
    j = i - 1
    if j > 0 and doc[j].norm_ == "ال" and doc[j].text == "ل":
        j -= 1
    return doc[j] if j >= 0 else None


def bare(text: str) -> str:
    """An event noun without its conjunction, preposition and article: والمكالمة، بالهجوم -> مكالمه، هجوم."""
    return re.sub(r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال)?", "", fold(text.split()[0])) if text.strip() else ""


def word_before(doc: Doc, i: int, start: int):
    """The token before token ``i`` within the sentence starting at ``start``, the article
    skipped (هيئة ال تفاوض -> هيئة); None at the sentence start."""
    j = i - 1
    while j > start and doc[j].norm_ in ("ال", "#"):
        j -= 1  # (مديرية #نهم: a hashtag's mark is not a word either)
    return doc[j] if j >= start else None


def speech_frame(doc: Doc, span: Span) -> tuple[int, int] | None:
    """(speech verb, إن/أن) token indices when the trigger is said in its sentence: قال X في Y إن ... trigger."""
    sent = sent_of(span)
    comp = None
    for j in range(span.start - 1, sent.start - 1, -1):
        norm = doc[j].norm_
        if comp is None and norm in COMPLEMENTIZERS:
            comp = j
        elif comp is not None and is_speech_verb(norm):
            return j, comp
    return None


def newsroom_stretch(doc: Doc) -> tuple[int, int]:
    """Character range of an outlet's newsroom line ("ايلاف من لندن"، "أتلانتا، الولايات
    المتحدة الأمريكية (CNN)"): nothing named there places an event or makes a story's country."""
    dl = doc._.dateline
    if not dl or not dl.get("newsroom"):
        return (0, 0)
    a, b = dl.get("stretch") or (dl["start"], dl["end"])
    return (a, b)


def destination(doc: Doc, span: Span, room: tuple[int, int]) -> Span | None:
    """Where a visit goes: the first place after the trigger in its clause, after إلى/ل, within
    three words or right after the visitor (زار السيسي روسيا، زيارتها لمصر، زيارة رسمية إلى الرياض)."""
    sent = sent_of(span)
    k = sent_index(doc, span.start)
    for p in near(doc, "places", k):
        if p.start < span.end or not p._.geo or room[0] <= p.start_char < room[1] or "describes" in p._.geo:
            continue
        between = doc[span.end:p.start]
        if any(t.text in CLAUSE_MARKS for t in between) or p.start >= sent.end:
            return None
        prev = doc[p.start - 1].norm_
        visitor = {i for a in near(doc, "actors", k) for i in range(a.start, a.end)}
        if prev in ("الي", "ل") or len(between) <= 3 or all(t.i in visitor for t in between):
            return p  # ... or after the visitor's name: زار الرئيس المصري عبد الفتاح السيسي روسيا
        return None
    return None


def clause_after(doc: Doc, span: Span, sent: Span, limit: int = 12) -> list[str]:
    """The folded words after the trigger up to the clause's end (a comma or a stop), at most ``limit``."""
    out = []
    for t in doc[span.end:min(sent.end, span.end + limit)]:
        if t.text in CLAUSE_MARKS:
            break
        out.append(t.norm_)
    return out


def occasion_place(doc: Doc, p: Span) -> bool:
    """في طهران at the end of خلال القمة الثلاثية التي تجمع ... في طهران: the place of an occasion
    (خلال، أثناء، على هامش + what is held) that its sentence tells, where what is said or agreed
    on that occasion happened; or the place that names it (خلال قمة هلسنكي، على هامش منتدى دافوس)."""
    sent = sent_of(p)
    if p.start >= sent.start + 2 and doc[p.start - 1].norm_ in HELD_NOUNS \
            and doc[p.start - 2].norm_.removeprefix("و") in OCCASION_WORDS:
        return True
    if p.start == 0 or doc[p.start - 1].norm_ not in ("في", "ب"):
        return False
    for t in reversed(doc[max(sent.start, p.start - 30):p.start - 1]):
        if t.text in BREAK or t.norm_ in COMPLEMENTIZERS:
            return False
        if t.norm_ in OCCASION_WORDS:
            return True
    return False


def host(doc: Doc, span: Span, room: tuple[int, int]) -> Span | None:
    """The place that hosts a meeting, where it is held: تركيا استضافت القمة، تستضيف الرياض اجتماعا،
    احتضنت العاصمة الأردنية عمان المحادثات (the host verb is the trigger or right before it)."""
    sent = sent_of(span)
    verb = span.start if doc[span.start].norm_ in HOST_VERBS else next(
        (t.i for t in doc[max(sent.start, span.start - 2):span.start] if t.norm_ in HOST_VERBS), None)
    if verb is None:
        return None
    k = sent_index(doc, span.start)
    for p in near(doc, "places", k):
        if not p._.geo or not p._.geo.get("country") or room[0] <= p.start_char < room[1]:
            continue
        between = doc[p.end:verb] if p.end <= verb else doc[verb + 1:p.start]
        if p.start >= sent.start and len(between) <= 2 and not any(t.text in CLAUSE_MARKS for t in between):
            return p  # right before the verb (its subject) or right after it (VSO)
    return None


# verbs whose object or subject stands between them and the rest of their phrase: حمّل X مسؤولية Y (to
# blame X; not تحمّل "bear", unvocalised تحمل, nor تحمل بعض/كامل المسؤولية), أطلقت السلطات سراح X (to
# release X). form -> (kind, type, mode, the phrase's second words)
_BLAME = ("ACCUSE", "blame", frozenset({fold("مسؤولية")}))
_RELEASE = ("RETREAT", "release", frozenset({fold("سراح")}))
_LIST = ("SANCTION", "blacklist", frozenset({fold("قائمة")}))  # أدرج X على قائمة الإرهاب / العقوبات
# سحبت روسيا غالبية قواتها، سحب الجيش جنوده: forces pulled out
_PULL = ("RETREAT", "withdraw", frozenset(fold(w) for w in (
    "قوات", "قواته", "قواتها", "قواتهم", "جنود", "جنوده", "جنودها", "جنودهم", "مقاتليه", "مقاتليها", "مقاتليهم",
    "عناصره", "عناصرها", "عناصرهم", "وحدات", "وحداته", "وحداتها", "آلياته", "آلياتها")))
# what the list must be of (not قائمة أولوياتها)
_BLACKLISTS = tuple(fold(w) for w in ("إرهاب", "الإرهاب", "العقوبات", "عقوبات", "السوداء", "المنظمات", "منظمات",
                                      "الكيانات", "كيانات", "الجماعات", "جماعات", "الإرهابيين", "إرهابيين",
                                      "الممنوعين", "المطلوبين"))
# حملهم مسؤولية النهب، وحملها المسؤولية: the one blamed written on the verb, nothing between
_BLAMED_BY_PRONOUN = ("حمله", "حملها", "حملهم", "حملته", "حملتها", "حملتهم", "وحمله", "وحملها", "وحملهم",
                      "وحملته", "وحملتها", "وحملتهم")
SPLIT_VERBS = {**{fold(w): ("past", *_BLAME) for w in ("حمل", "حملت", "حملوا", "حملا")},
               **{fold(w): ("pres", *_BLAME) for w in ("يحمل", "يحملون", "نحمل", "أحمل", "سيحمل")},
               **{fold(w): ("noun", *_BLAME) for w in ("محملا", "محملة", "محملين", "تحميل")},
               **{fold(w): ("past", *_BLAME) for w in ("وحمل", "وحملت")},
               **{fold(w): ("past", *_BLAME) for w in _BLAMED_BY_PRONOUN},
               **{fold(w): ("past", *_RELEASE) for w in ("أطلق", "أطلقت", "أطلقوا", "وأطلق", "وأطلقت")},
               **{fold(w): ("pres", *_RELEASE) for w in ("يطلق", "تطلق", "ستطلق", "سيطلق")},
               **{fold(w): ("past", *_LIST) for w in ("أدرج", "أدرجت", "أدرجوا", "وأدرج", "وأدرجت")},
               **{fold(w): ("past", *_PULL) for w in ("سحبت", "سحبوا", "وسحبت")},  # (سحب is as often the noun)
               **{fold(w): ("pres", *_PULL) for w in ("يسحب", "تسحب", "ستسحب", "سيسحب")},
               **{fold(w): ("pres", *_LIST) for w in ("يدرج", "تدرج", "ستدرج", "سيدرج")}}
_NOT_BLAMED = EVENT_WORDS["not_blamed"]
_PRONOUN_BLAMED = {fold(w) for w in _BLAMED_BY_PRONOUN}


def split_phrases(doc: Doc) -> list[tuple[int, Trigger]]:
    """وحمل قرقاش ميليشيات الحوثي مسؤولية، أطلقت السلطات الألمانية سراح بيغديمونت: (token, trigger) for a
    verb with one to four words, none a clause break, before the rest of its phrase."""
    out = []
    for tok in doc:
        entry = SPLIT_VERBS.get(tok.norm_)
        if entry is None:
            continue
        kind, etype, mode, second = entry
        form = tok.norm_.removeprefix("و") if tok.norm_[:1] == "و" and tok.norm_[1:] in SPLIT_VERBS else tok.norm_
        gap = []
        reach = 16 if mode == "blacklist" else 8  # أدرجت وزارة الخارجية الأميركية منظمة سرايا الأشتر على قائمة
        for t in doc[tok.i + 1:min(len(doc), tok.i + reach)]:
            if t.norm_ in second:
                if mode == "blacklist" and not any(u.norm_ in _BLACKLISTS for u in doc[t.i + 1:min(len(doc), t.i + 3)]):
                    break
                words = [w for w in gap if w.norm_ != "ال"]
                blamed_wrong = mode == "blame" and any(w.norm_ in _NOT_BLAMED for w in words)
                if (1 <= len(words) or mode == "withdraw" or tok.norm_ in _PRONOUN_BLAMED) \
                        and len(words) <= reach - 4 and not blamed_wrong:
                    out.append((tok.i, Trigger(etype, mode, kind, form)))
                break
            if t.text in CLAUSE_MARKS or t.is_punct:
                break
            gap.append(t)
    return out


def headline_speaker_colon(doc: Doc, span: Span) -> int | None:
    """المفتي العام: عمل إجرامي ...: in a headline that names someone, then a colon, what follows is
    theirs; the colon's token index, else None."""
    sent = sent_of(span)
    if sent.start != 0 or not is_title(doc):
        return None
    colon = next((t.i for t in doc[sent.start:span.start] if t.text in (":", "：")), None)
    if colon is not None and any(m.start < colon for m in doc.spans.get("mentions", [])
                                 if (m._.kb or {}).get("kind") in ("person", "role", "org")):
        return colon
    return None


def named_or_timed(doc: Doc, k: int) -> set[int]:
    """The token indices of sentence ``k`` inside an actor or a time expression."""
    return {i for group in ("actors", "times") for a in near(doc, group, k) for i in range(a.start, a.end)}


def is_participle(trig: Trigger) -> bool:
    """مؤكدا، مثنيا، منددا: an adverbial participle whose subject is the sentence's."""
    return trig.kind == "noun" and trig.form.startswith("م") and trig.form.endswith("ا")


def story_text(doc: Doc) -> str:
    """The document's text, kept in ``doc.user_data``: ``doc.text`` is rebuilt from the tokens at
    each reading, and the rules read it for every trigger."""
    text = doc.user_data.get("hadath_text")
    if text is None:
        text = doc.user_data["hadath_text"] = doc.text
    return text


def after_story(doc: Doc, date: str | None, precision: str) -> bool:
    """A date later than the story's (كانت مقررة في مارس القادم): what it dates is still to come."""
    return precision != "document" and doc._.doc_date is not None \
        and str(date) > doc._.doc_date.isoformat()[:len(str(date))]


def is_title(doc: Doc) -> bool:
    """Whether the first sentence is a headline: a line of its own without a final full stop.

    Kept in ``doc.user_data``: this is asked for every event."""
    got = doc.user_data.get("hadath_is_title")
    if got is None:
        text = story_text(doc)
        first_end = text.find("\n")
        got = 0 < first_end < 300 and not text[:first_end].rstrip().endswith((".", "!", "؟", "?"))
        doc.user_data["hadath_is_title"] = got
    return got


def is_verbal(trig: Trigger, first) -> bool:
    """A verb, or a phrase headed by one (فرض عقوبات، ستقدم المساعدة), as opposed to an event noun."""
    if trig.kind in ("past", "pres"):
        return True
    if trig.kind != "phrase":
        return False
    head = first.norm_
    if first.i > 0 and first.doc[first.i - 1].norm_ in ("ال", "وال", "فال", "بال"):
        return False  # الغارة الجوية: the article split off a short noun (not a verb like شن، فرض)
    return head.startswith(("ي", "ت", "ن", "س")) or (len(head) <= 4 and not head.startswith("ال") and not is_sent_start(first.doc, first.i))


def actor_record(span: Span) -> dict:
    a = span._.actor
    return {"text": span.text, "name": a.get("name"), "country": a.get("country"), "sector": a.get("sector"),
            "start": span.start_char, "end": span.end_char}


class EventCoder:
    def __init__(self, nlp: Language):
        self.matcher = NormMatcher()
        for form, trig in trigger_table().items():
            self.matcher.add(trig, nlp.tokenizer.pattern_tokens(form))
        ctx = context_words()
        self.negation = ctx.get("negation", frozenset())
        self.hypothetical = ctx.get("hypothetical", frozenset())
        self.future = ctx.get("future", frozenset())
        self.generic = ctx.get("generic", frozenset())
        self.domains = {k: ctx.get(k, frozenset()) for k in ("sport", "market", "culture")}
        self.false_friend = ctx.get("false_friend", frozenset()).union(*self.domains.values())
        self.filter = True  # the learned event filter (event_filter.json), when one is shipped
        self.keep_features = False  # leave each event's filter features in "_features" (for training)
        self.role_model = True  # the learned role chooser (role_model.json), when one is shipped

    # ---- candidates -------------------------------------------------------------
    def candidates(self, doc: Doc) -> list[tuple[Span, Trigger]]:
        found = {}
        for trig, s, e in self.matcher(doc):
            found.setdefault((s, e), trig)
        for s, trig in split_phrases(doc):
            found.setdefault((s, s + 1), trig)
        # a word inside a name is not an act: معبر كرم أبو سالم، فؤاد شكر، الحشد الشعبي
        # (a named body, not an institution named by what it is: المتظاهرين، قوات الأمن)
        names = [(m.start, m.end) for m in doc.spans.get("mentions", []) if m.end - m.start > 1 and (
                 (m._.kb or {}).get("kind") == "person"
                 or (m._.kb or {}).get("kind") == "org" and (m._.kb or {}).get("org_kind") != "institution")]
        names += [(p.start, p.end) for p in doc.spans.get("places", []) if p.end - p.start > 1]
        found = {(s, e): t for (s, e), t in found.items()
                 if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in names)}
        spans = filter_spans([Span(doc, s, e) for (s, e) in found])
        return [(sp, found[(sp.start, sp.end)]) for sp in spans]

    # ---- context ------------------------------------------------------------------
    def context(self, doc: Doc, span: Span, trig: Trigger) -> str | None:
        """None to drop the trigger, else the event type it reports."""
        sent = sent_of(span)
        before = [t.norm_ for t in doc[max(sent.start, span.start - 3):span.start] if not t.is_punct]
        if any(w in self.negation for w in before[-2:]):
            return None
        wider = [t.norm_ for t in doc[max(sent.start, span.start - 6):span.start] if not t.is_punct]
        if before[-1:] in (["اي"], ["أي"]) and any(w in self.negation for w in wider[-5:]):
            return None  # من دون توجيه أي تهمة: not any act at all
        if trig.kind in ("noun", "phrase") and before[-1:] in (["اي"], ["أي"]):
            return None  # أن يؤدي أي اتفاق إلى، الرد على أي هجوم: any such act, none in particular
        if trig.type == "AGREE":
            words = [t for t in doc[span.end:min(sent.end, span.end + 8)] if t.norm_ != "ال"]
            if any(t.norm_.removeprefix("ال") in IDIOM_OBJECTS for t in words[:4]):
                return None  # التزم المتهم الصمت، التزمت الحياد: kept silent, stayed neutral
            if trig.form.endswith("وافق") and words and words[0].i < span.end + 2 and words[0].like_num:
                return None  # ذلك اليوم الذي وافق 26 يوليو: fell on a date, no consent
        if before[-1:] in (["ان"], ["أن"]) and any(
                w in MODALS and i > 0 and wider[i - 1] in self.negation
                for i, w in enumerate(wider)):
            return None  # لا يمكن للدوحة أن تنفي: what cannot be done is not done
        text = story_text(doc)
        line = text[text.rfind("\n", 0, span.start_char) + 1:span.start_char].lstrip()
        if fold(line.split()[0] if line.split() else "").strip(".:،") in ("اقرا", "اقرا ايضا"):
            return None  # اقرأ.. حماس تهدد بضرب: a link to another story, not this one's news
        if fold(span.text) == "اثني" and span.end < sent.end and doc[span.end].norm_ in ("عشر", "عشره"):
            return None  # اثني عشرة ساعة: twelve, not أثنى "praised"
        if trig.kind in ("noun", "phrase") and span.end < sent.end and doc[span.end].norm_ == "الله":
            return None  # هبة الله، نصر الله: a name, not an act
        if trig.kind in ("noun", "phrase") and (w := word_before(doc, span.start, sent.start)) is not None:
            if w.norm_ in PURPOSE_VERBS:
                return None  # لشن ضربات جوية: what is to be done
            if w.norm_.removeprefix("و").removeprefix("ل") in DISCUSS - {"تم"}:
                return None  # لبحث وقف إطلاق نار: a topic discussed (but تم احتجازه is done)
        if trig.kind == "noun" and before[-1:] and before[-1] in RELATIVES | {"ما"} \
                and fold(span.text) not in verb_forms():
            return None  # القضايا التي تهم مصر: after التي a verb (تَهُمّ), not a noun (تُهَم)
        if trig.kind == "noun" and before[-1:] and before[-1].removeprefix("و").removeprefix("ال") in CRIME_KINDS:
            return None  # المتهم بارتكاب جرائم حرب وجرائم تعذيب: a kind of crime, not a happening
        if trig.future and "لو" in [t.norm_ for t in doc[span.end:min(sent.end, span.end + 8)]]:
            return None  # كنا سنؤيد الاتفاق لو كنا على يقين: what would have been, not what will be
        if any(w in ("نفي", "ينفي", "نفت", "تنفي") for w in (t.norm_ for t in doc[max(sent.start, span.start - 6):span.start])):
            return None
        if any(w in self.hypothetical - {"قد"} or (w[:1] in ("و", "ف") and w[1:] in self.hypothetical - {"قد"})
               for w in before):
            return None  # (وإذا رفضوه: the conjunction written on the word)
        if trig.kind == "pres" and before[-1:] == ["قد"]:
            return None
        if trig.type == "ASSAULT" and any(t.norm_.removeprefix("ال") in VERBAL for t in doc[span.end:min(sent.end, span.end + 2)]):
            return "ACCUSE"  # هجماته الكلامية، هجوم لاذع: an attack in words
        if trig.type == "CONSULT" and bare(span.text) == "تشاور" and (w := word_before(doc, span.start, sent.start)) is not None \
                and w.norm_ in ("ل", "لل"):
            return None  # استدعت سفيرها للتشاور: an ambassador recalled "for consultations" meets no one
        if trig.kind == "noun" and span.end < sent.end and doc[span.end].norm_ in ("اي", "أي"):
            return None  # نفى الحزب مقتل أي من مقاتليه: "any" after the act is said only of what did not happen
        if trig.kind in ("noun", "phrase") and trig.type != "THREATEN":
            back = doc[max(sent.start, span.start - 10):span.start]  # (the subject may stand between)
            threat = next((t for t in back if (x := trigger_table().get(t.norm_.removeprefix("و"))) is not None
                           and x.type == "THREATEN" and x.kind in ("past", "pres")), None)
            if threat is not None and any(t.norm_ in ("ب", "بشن", "بتنفيذ") for t in doc[threat.i + 1:span.start]) \
                    and not any(t.text in CLAUSE_MARKS for t in doc[threat.i + 1:span.start]):
                return None  # تتوعدان دوما بعملية عسكرية، هددت بشن هجوم: what is threatened is not done
        if trig.type in FALSE_FRIEND_TYPES and any(t.norm_ in self.false_friend for t in sent):
            return None
        nxt = [t.norm_ for t in doc[span.end:min(sent.end, span.end + 3)]]
        if trig.type == "CONSULT" and trig.kind == "noun" \
                and next((w for w in nxt if w != "ال"), "").removeprefix("ال") in APPEARANCE_ADJECTIVES:
            return None  # لقاء تلفزيوني، لقاء جماهيري: a public appearance, not a meeting
        if trig.mode == "rescue" and trig.form.startswith("اجل") and (nxt[:1] == ["الي"] or any(
                w.removeprefix("ال") in POSTPONED for w in clause_after(doc, span, sent))):
            return None  # أجلت المحكمة النظر في القضية، أجلت إلى وقت لاحق: postponed, not evacuated
        if trig.type == "REQUEST" and nxt[:1] == ["عدم"] and any(
                w.removeprefix("ال") in ("كشف", "نشر", "ذكر", "افصاح", "الكشف") for w in nxt[1:]):
            return None  # الذين طلبوا عدم الكشف عن أسمائهم، طلب عدم نشر اسمه: a source's anonymity, not a demand
        if any(w in self.generic for w in before) or any(
                t.norm_ in HABITUAL_AFTER for t in doc[span.end:min(sent.end, span.end + 4)]):
            return None  # عادة ما، يشن هجمات بين فترة وأخرى: a habit, not a happening
        if trig.kind == "noun" and (w := word_before(doc, span.start, sent.start)) is not None and w.norm_ in SITE_NOUNS:
            return None  # هجوم على نقطة تفتيش: a checkpoint, not a search
        if trig.kind in ("noun", "phrase"):
            w = word_before(doc, span.start, sent.start)
            if w is not None and w.norm_ == "علي" and (w2 := word_before(doc, w.i, sent.start)) is not None \
                    and w2.norm_.removeprefix("ال").removeprefix("ل") in INCITE:
                return None  # التحريض على التظاهر: incited, not done
            if trig.type == "THREATEN" and w is not None and w.norm_ == "تحت":
                return None  # محتجز تحت تهديد السلاح: at gunpoint, a manner, not a threat made
        if trig.kind in ("noun", "phrase") and not doc[span.start].norm_.startswith(("ي", "ت", "ن", "س")):
            prev = word_before(doc, span.start, sent.start)  # هيئة التفاوض: not the article
            if prev is not None and prev.norm_ == "ب" and any(t.norm_ == "من" for t in doc[span.end:min(sent.end, span.end + 5)]):
                return None  # بدعم من، بدعوة وبطلب من: the manner of another act
            if prev is not None and prev.norm_ in INSTITUTION_NOUNS:
                return None  # مكتب التنسيق الأمني، لجنة التحقيق: a body's name, not an act
            if any(t.norm_ in DISCUSS or t.norm_ in TOPIC_MARKERS for t in doc[sent.start:span.start]) \
                    and span.start > sent.start and doc[span.start - 1].norm_ == "و":
                return None  # بحث آخر المستجدات ... واستهداف هذه القوات، بشأن أهمية ... ودعم: one of the topics
            if trig.type == "AGREE" and (span.text.startswith("ال") or (prev is not None and doc[span.start - 1].norm_ == "ال")):
                return None  # الاتفاق النووي، البقاء في الاتفاق: an agreement already made, not one being made
            if any(t.norm_ in TOPIC_MARKERS for t in doc[max(sent.start, span.start - 2):span.start]):
                return None  # مباحثات حول خطوات انسحاب القوات: a topic discussed, not a happening
            if prev is not None and prev.norm_ == "ل" and not any(
                    t.norm_ in UNDERGO for t in doc[max(sent.start, span.start - 14):span.start]):
                return None  # لدعم، لمواجهة: a purpose, not a happening (but تتعرض لهجمات)
            q = self._quote(doc, span)
            if "vague" in trig.note and not (q is not None and q._.quote.get("object") and self._heads_quote(doc, q, span)) and not any(
                    t.norm_ in SPEECH_NEAR for t in doc[max(sent.start, span.start - 4):span.start]) and not (
                    "characterize" in trig.note and (speech_frame(doc, span) is not None or q is not None
                                                     or headline_speaker_colon(doc, span) is not None)):
                return None  # دعم، حوار، احترام alone are events only as what someone says
        etype = trig.type
        if trig.type == "ACCUSE" and trig.mode == "condemn":
            # دانت محكمة بريطانية متطرفا بالتخطيط لـ...، إدانة متطرف بالتحضير: a court's verdict of guilty
            # is a sanction (PLOVER convict), not a condemnation in words
            near_toks = doc[max(sent.start, span.start - 3):min(sent.end, span.end + 8)]
            court = any(t.norm_.removeprefix("ال") in COURT_WORDS for t in near_toks)
            charged = any(t.norm_.startswith("ب") and t.norm_[1:].removeprefix("ال") in CHARGES
                          or (t.norm_ == "ب" and t.i + 1 < sent.end
                              and doc[t.i + 1 if doc[t.i + 1].norm_ != "ال" else t.i + 2].norm_ in CHARGES)
                          for t in doc[span.end:min(sent.end, span.end + 8)])
            if court or charged:
                return "SANCTION"
        if trig.type == "AGREE" and trig.mode == "promise":
            # تعهد بالانتقام، يتعهد بالسيطرة على تل رفعت: a promise of force is a threat
            toks = doc[span.end:min(sent.end, span.end + 7)]
            for t in toks:  # the first ب-object: the thing promised (تعهد الرئيس بالانتقام)
                w = t.norm_
                if w == "ب":
                    nxt = next((u.norm_ for u in doc[t.i + 1:toks.end] if u.norm_ != "ال"), "")
                    if nxt in FORCE_PROMISES:
                        return "THREATEN"
                    break
                if w.startswith("ب") and len(w) > 3:
                    if w[1:].removeprefix("ال") in FORCE_PROMISES:
                        return "THREATEN"
                    break
        if trig.type == "RETREAT" and trig.mode == "withdraw":
            after = [t.norm_ for t in doc[span.end:min(sent.end, span.end + 6)]]
            if "من" in after and any(w.removeprefix("ال") in AGREEMENT_NOUNS for w in after[after.index("من") + 1:]):
                etype = "REJECT"  # الانسحاب من الاتفاق النووي: an agreement is rejected, no force withdraws
        future = trig.future or any(w in self.future for w in before) or any(
            t.norm_ in self.future for t in doc[span.end:min(sent.end, span.end + 4)]) or (
            span.end < sent.end and doc[span.end].norm_.removeprefix("ال") in EXPECTED)  # احتجاجات مرتقبة
        if future:
            if trig.type in PROMISABLE:
                return "AGREE"
            if etype in ("AGREE", "THREATEN", "REQUEST", "REJECT"):
                return etype
            said_to_come = trig.future or any(w[:1] == "س" and w in self.future for w in before[-2:])  # سنشن غارات
            if etype in ("ASSAULT", "COERCE", "SANCTION") and said_to_come and self._quote(doc, span) is not None:
                return "THREATEN"  # أعلن أنه سيقتلهم جميعا، قال: سنشن غارات: force or a penalty said to come
            return None
        return etype

    # ---- roles ----------------------------------------------------------------------
    @staticmethod
    def _usable(a: Span) -> bool:
        return not a._.actor.get("locative") and not a._.actor.get("weak")

    def _between(self, doc: Doc, span: Span, actors: list[Span]) -> list[Span]:
        """The two sides of "بين X و Y" right after an event noun."""
        sent = sent_of(span)
        j = span.end
        while j < min(sent.end, span.end + 6) and doc[j].norm_ != "بين":
            j += 1
        if j >= sent.end or doc[j].norm_ != "بين":
            return []
        sides = [a for a in actors if j < a.start <= j + 6 and a.start < sent.end and not a._.actor.get("locative")]
        if len(sides) >= 2 and doc[sides[0].end].norm_ == "و" and sides[1].start == sides[0].end + 1:
            return sides[:2]
        return []

    def _reading(self, doc: Doc, span: Span, trig: Trigger) -> Trigger:
        """Verb or verbal noun for a form that can be both: a noun after a preposition or the
        article, or as the object of a speech verb (أكد ... دعم قواته); else the verb."""
        prev = doc[span.start - 1] if span.start > sent_of(span).start else None
        if trig.kind in ("past", "pres") and prev is not None and prev.norm_ == "ال":
            return replace(trig, kind="noun")  # التفاوض: with the article it is a noun, whatever it also is
        noun = noun_readings().get(trig.form) if trig.kind == "past" else None
        if noun is None:
            return trig
        if prev is not None and prev.norm_ in ("ال", "ب", "ل", "في", "على", "من", "عن"):
            return noun
        if prev is not None and (prev.norm_ in NOUN_BEFORE or reaction_verb(prev.norm_)):
            return noun  # بعد قتل، إثر اعتقال؛ الأردن يدين قتل الطفل: the act named, as the object of words about it
        if prev is not None and (prev.norm_ in TOPIC_MARKERS or (prev.norm_ == "و" and any(
                t.norm_ in TOPIC_MARKERS for t in doc[sent_of(span).start:span.start]))):
            return noun  # أهمية دعم، بشأن ... ودعم: a noun in a list of topics
        q = self._quote(doc, span)
        if q is not None and q._.quote.get("object"):
            return noun
        return trig

    def domain(self, doc: Doc) -> str | None:
        """sport, market or culture when the document's vocabulary says it reports those, else None."""
        counts = {k: 0 for k in self.domains}
        for t in doc:
            for k, words in self.domains.items():
                if t.norm_ in words:
                    counts[k] += 1
        k = max(counts, key=counts.get)
        return k if counts[k] >= DOMAIN_MIN[k] else None

    @staticmethod
    def _liberates_a_place(doc: Doc, span: Span) -> bool:
        """تحرير مدينة عدن، تحرير الحديدة، تحرير كامل المحافظة: a liberation is an act of force only of a
        place (a town, a province, a port; not a country's rhetoric, تحرير فلسطين) named right after it."""
        sent = sent_of(span)
        j = span.end + (1 if span.end < sent.end and doc[span.end].norm_ == "ال" else 0)
        if j >= sent.end:
            return False
        if doc[j].norm_.removeprefix("ال") in LIBERATED:
            return True
        return any(p.start in (span.end, j) and (p._.geo or {}).get("precision") not in (None, "country")
                   for p in near(doc, "places", sent_index(doc, span.start)))

    @staticmethod
    def _arrives_somewhere(doc: Doc, span: Span) -> bool:
        """وصل الرئيس إلى الرياض: an arrival is a visit only when it reaches a place or a country."""
        sent = sent_of(span)
        places = {i for p in near(doc, "places", sent_index(doc, span.start)) for i in range(p.start, p.end)}
        for j in range(span.end, min(sent.end, span.end + 10)):
            if doc[j].norm_ in ("الي", "ل") and any(i in places for i in range(j + 1, min(sent.end, j + 4))):
                return True
        return False

    @staticmethod
    def _marked_agent(doc: Doc, span: Span, after: list[Span]) -> Span | None:
        """The actor after the trigger marked as the one using force (من قبل، برصاص، بنيران، على يد)."""
        for a in after:
            if a.start < 2 or a.start - span.end > RECIPIENT_WINDOW + 6:
                continue
            p1, p2 = doc[a.start - 1].norm_, doc[a.start - 2].norm_
            if (p1 in AGENT_MARKERS and p2 == "من") or p1 in AGENT_NOUNS:
                return a
        return None

    @staticmethod
    def _protesters(doc: Doc, span: Span, in_sent: list[Span], adjacent: list[Span]) -> list[Span]:
        """Who protests: civilians, the opposition or a nationality on the protest noun, not the police."""
        for a in adjacent + [a for a in in_sent if a._.actor.get("sector") in ("CVL", "OPP", "PTY", "REF")]:
            if a._.actor.get("sector") not in ("MIL", "COP"):
                return [a]
        return []

    @staticmethod
    def _heads_quote(doc: Doc, q: Span, span: Span) -> bool:
        """The trigger is what the speech verb says (أكد ... لرئيس الإقليم دعم قواته): between the
        start of the content and the trigger stand only actors, times and at most two other words."""
        covered = named_or_timed(doc, sent_index(doc, q.start))
        rest = [t for t in doc[q.start:span.start] if t.i not in covered and t.norm_ not in ("ال", "ل", "و") and not t.is_punct]
        return len(rest) <= 2

    @staticmethod
    def _last_speaker(doc: Doc, span: Span, actors: list[Span]) -> Span | None:
        """The speaker of the latest reported speech before this sentence, within two sentences
        (من جانبه، وأضاف، مثنيا: the omitted subject is who was speaking)."""
        sent = sent_of(span)
        best = None
        for q in near(doc, "quotes", sent_index(doc, span.start), before=3):
            start = q._.quote.get("speaker_start")
            if start is not None and q._.quote["cue"]["start"] < sent.start_char and start < sent.start:
                best = start
        if best is None:
            return None
        sents_between = sent_index(doc, sent.start) - sent_index(doc, best)
        if sents_between > 2:
            return None
        return next((a for a in actors if a.start == best), None)

    @staticmethod
    def _quote(doc: Doc, span: Span) -> Span | None:
        for q in near(doc, "quotes", sent_index(doc, span.start)):
            if q.start <= span.start < q.end:
                return q
        return None

    def _speaker(self, doc: Doc, span: Span, actors: list[Span]) -> Span | None:
        """The speaker of the reported speech the trigger stands in, among ``actors``."""
        for q in near(doc, "quotes", sent_index(doc, span.start)):
            if q.start <= span.start < q.end and q._.quote.get("speaker_start") is not None:
                for a in actors:
                    if a.start == q._.quote["speaker_start"]:
                        return a if self._usable(a) else None  # a news agency reports, it does not act
        return None

    def roles(self, doc: Doc, span: Span, trig: Trigger, etype: str, actors: list[Span],
              last_actor: Span | None) -> tuple[list[Span], list[Span]]:
        actor, recipient = self._roles(doc, span, trig, etype, actors, last_actor)
        colon = headline_speaker_colon(doc, span) if trig.kind in ("noun", "phrase") else None
        if colon is not None:
            # وزير الخارجية السعودي: عمل إرهابي: the one named before the colon says it
            speakers = [a for a in actors if a.end <= colon and self._usable(a)]
            if speakers:
                actor = speakers[-1:]
                recipient = [r for r in recipient if r is not speakers[-1]]
        agent = self._relative_agent(doc, span, trig, actors) if etype in DEED_TYPES else None
        if agent is not None and agent not in actor:
            # العملية العسكرية التي تشنها أنقرة على منطقة عفرين: the one the relative clause names does it
            recipient = [r for r in recipient if r is not agent]
            actor = [agent]
        if trig.mode == "blame" and span.end < len(doc):
            # حمل X مسؤولية / حملت بريطانيا روسيا المسؤولية: one party between the verb and مسؤولية is the
            # one blamed (the blamer stands before, or is the sentence's subject); two are blamer and blamed
            sent = sent_of(span)
            end = next((t.i for t in doc[span.end:min(sent.end, span.end + 8)] if t.norm_ in _BLAME[2]), None)
            if end is not None:
                inside = [a for a in actors if span.end <= a.start and a.end <= end and self._usable(a)]
                if span[0].norm_ in _PRONOUN_BLAMED:
                    # وحملتهم الحكومة اليمنية مسؤولية: the blamed are on the verb, named before; the party
                    # between is the blamer
                    blamer = inside[:1]
                    prior = [a for a in actors if a.end <= span.start and self._usable(a) and a not in blamer]
                    recipient = prior[-1:]
                    actor = blamer or [a for a in (last_actor,) if a is not None and a not in recipient
                                       and (not recipient or a._.actor.get("name") != recipient[0]._.actor.get("name"))]
                elif len(inside) >= 2:
                    actor, recipient = inside[:1], inside[1:2]
                elif len(inside) == 1:
                    recipient = inside
                    # the subject right before the verb, else the sentence's (دانت الحكومة ... وحملت إسرائيل
                    # المسؤولية: the verbs share it), else the last one acting
                    before = [a for a in actors if sent.start <= a.start and a.end <= span.start and self._usable(a)]
                    if before and span.start - before[-1].end <= 2:
                        actor = before[-1:]
                    elif before:
                        actor = before[:1]
                    else:
                        actor = [last_actor] if last_actor is not None and last_actor not in inside else []
        if etype in FORCE_TYPES:
            # القتلى في صفوف قوات الأمن التركية في هجمات لحزب العمال: those in whose ranks the dead fell
            # suffered the force, whatever the word order made of them
            def in_ranks(a: Span) -> bool:
                return any(t.norm_ == "صفوف" for t in doc[max(0, a.start - 3):a.start]) \
                    and not any(t.text in BREAK for t in doc[max(0, a.start - 3):a.start])
            sent = sent_of(span)
            victims = [a for a in actor if in_ranks(a)] or [
                a for a in actors if span.end <= a.start <= span.end + 6 and a.start < sent.end and in_ranks(a)][:1]
            if victims and not any(in_ranks(r) for r in recipient):
                actor = [a for a in actor if a not in victims] or [r for r in recipient if r not in victims]
                recipient = victims
        return actor, recipient

    def _relative_agent(self, doc: Doc, span: Span, trig: Trigger, actors: list[Span]) -> Span | None:
        """الهجمات التي شنها التحالف، الغارات التي تنفذها طائرات التحالف: after an event noun (and up to
        three words describing it), a relative pronoun and a verb whose suffix points back at the noun;
        the actor right after that verb is the agent."""
        if trig.kind not in ("noun", "phrase"):
            return None
        sent = sent_of(span)
        for j in range(span.end, min(sent.end - 2, span.end + 4)):
            tok = doc[j]
            if tok.text in CLAUSE_MARKS:
                return None
            if tok.norm_ in RELATIVES:
                verb = doc[j + 1]
                if not (verb.is_alpha and verb.norm_.endswith(("ه", "ها", "هم")) and verb.norm_[:1] in "يتنش"
                        or verb.norm_.startswith(("شن", "نفذ", "قاد", "اطلق", "خاض", "ارتكب"))):
                    return None
                return next((a for a in actors if verb.i < a.start <= verb.i + 3 and a.start < sent.end
                             and self._usable(a)), None)
        return None

    def _roles(self, doc: Doc, span: Span, trig: Trigger, etype: str, actors: list[Span],
               last_actor: Span | None) -> tuple[list[Span], list[Span]]:
        sent = sent_of(span)
        in_sent = [a for a in actors if sent.start <= a.start < sent.end and self._usable(a)]
        adjacent_weak = [a for a in actors if a._.actor.get("weak") and span.end <= a.start <= span.end + 1]
        if adjacent_weak:  # هجوم اسرائيلي، مباحثات عراقية: an adjective on the event noun names its actor
            in_sent = sorted(set(in_sent) | set(adjacent_weak), key=lambda a: a.start)
        after = [a for a in in_sent if a.start >= span.end]
        before = [a for a in in_sent if a.end <= span.start]
        actor: list[Span] = []
        recipient: list[Span] = []
        # مقتل الصحافي الروسي، اعتقال الناشط: the one an act noun of that kind was done to, right after it
        # (not a genitive with the one it was done to after it, marked by ل: توقيف الأمن العام لرجل دين)
        # (a nationality without the article after such a noun is a person of it: اعتقال أميركي، مقتل بريطانية)
        genitive_patient = next((a for a in actors if a.start == span.end
                                 and (a._.actor.get("kind") != "nationality" or not fold(a.text).startswith("ال"))
                                 and not any(0 < b.start - a.end <= 2 and token_before(doc, b.start).norm_ == "ل"
                                             for b in actors)), None) \
            if trig.kind == "noun" and (etype in PATIENT_GENITIVE or trig.mode in PATIENT_MODES) else None

        def marked(a: Span) -> bool:
            prev = token_before(doc, a.start)
            return prev is not None and prev.norm_ in RECIPIENT_MARKERS

        def described(a: Span) -> bool:  # الجيش الحر المعارض للنظام السوري: the regime only says whom it opposes
            prev = token_before(doc, a.start)
            return prev is not None and prev.norm_ in ("ل", "من") and prev.i > 0 \
                and doc[prev.i - 1].norm_.removeprefix("ال") in RELATION_WORDS

        def clause_gap(a: int, b: int) -> bool:
            return any(t.text in BREAK for t in doc[a:b])

        # joint actors: مباحثات عراقية اميركية / اتفاق عراقي اميركي
        adj = []
        j = span.end
        for a in after:
            if a.start - j <= 1 and a._.actor.get("kind") == "nationality":
                adj.append(a)
                j = a.end
            else:
                break
        quote = self._quote(doc, span)
        speaker = self._speaker(doc, span, actors) if quote is not None else None
        # في غارة إسرائيلية، بقصف روسي: the adjective on the weapon names who used it
        armed_adjective = [a for a in actors if a._.actor.get("weak") and a._.actor.get("kind") == "nationality"
                           and span.end <= a.start < sent.end]
        marked_agent = self._marked_agent(doc, span, sorted(after + armed_adjective, key=lambda a: a.start))
        between = self._between(doc, span, actors)
        overlapping = [a for a in actors if a.start < span.end and a.end > span.start and self._usable(a)]
        if len(adj) >= 2 or (adj and etype in MUTUAL and trig.kind in ("noun", "phrase")):
            return adj, []  # both sides act alike: joint actors, no recipient
        elif between and trig.kind in ("noun", "phrase"):
            return between, []  # مباحثات / اتفاقية / اشتباكات بين X و Y
        elif trig.kind in ("noun", "phrase") and quote is not None and quote._.quote.get("object") \
                and speaker is not None:
            actor = [speaker]  # أكد قائد أميركي ... دعم قواته
        elif overlapping and etype not in PATIENT_GENITIVE and trig.kind in ("noun", "phrase"):
            actor = overlapping[:1]  # انسحاب القوات الاميركية
        elif is_verbal(trig, doc[span.start]) and span.start > sent.start and doc[span.start - 1].norm_ in RELATIVES \
                and before and not (after and after[0].start - span.end <= 1):
            actor = [before[-1]]  # المليشيات التي تصر على انسحاب القوات: the relative's antecedent
        elif (trig.kind == "pres" or (trig.kind == "phrase" and doc[span.start].norm_[:1] in ("ي", "ت")
                                      and len(doc[span.start].norm_) >= 4)) \
                and before and span.start - before[-1].end <= 2 and not clause_gap(before[-1].end, span.start):
            actor = [before[-1]]  # مجلس الأمن يدين، أمريكا تفرض عقوبات: a present verb after its subject (SVO)
        elif is_verbal(trig, doc[span.start]) and before and span.start - before[-1].end <= 1 \
                and not clause_gap(before[-1].end, span.start) and before[-1].start > sent.start \
                and doc[before[-1].start - 1].norm_ in COMPLEMENTIZERS | SUBJECT_FIRST | {"إن", "أن"}:
            # قال المتحدث إن الجيش اعتقل قياديا، أن الرئيس الأمريكي التقى نظيره: after إن/أن the subject
            # comes first, whatever the verb's tense
            actor = [before[-1]]
        elif is_verbal(trig, doc[span.start]) and trig.kind == "past" and "the passive of" in trig.note:
            # اغتيل القيادي في حماس: a verb written as a passive; who follows underwent it, and only a
            # marked agent (على يد، برصاص) did it
            undergone = next((a for a in after if a is not marked_agent and a.start - span.end <= SUBJECT_WINDOW
                              and not clause_gap(span.end, a.start)), None)
            return ([marked_agent] if marked_agent is not None else []), ([undergone] if undergone is not None else [])
        elif is_verbal(trig, doc[span.start]) and self._patients_before(doc, span, etype, trig) is not None:
            # 20 مدنيا قتلوا بغارات: the people counted before were killed; a marked agent did it, or the
            # armed force that reports it (قالت الشرطة إن 50 شخصا اعتقلوا), not a reporter
            if speaker is not None and speaker._.actor.get("sector") in ARMED:
                actor = [speaker]
        elif is_verbal(trig, doc[span.start]):
            subj = next((a for a in after if a.start - span.end <= SUBJECT_WINDOW and not marked(a)
                         and not clause_gap(span.end, a.start)), None)
            # قال الناطق باسم وزارة الصحة إن طفلة ووالدتها قتلتا في غارة: one who reports force he has no
            # arms to use did not use it
            reporter = speaker if speaker is not None and etype in FORCE_TYPES \
                and speaker._.actor.get("sector") not in ARMED else None
            cands_before = [a for a in before if a is not reporter]
            if subj is None and cands_before and not clause_gap(cands_before[-1].end, span.start) \
                    and span.start - cands_before[-1].end <= 8:
                subj = cands_before[-1]
            if subj is None and etype in FORCE_TYPES:
                # قصفت الطائرات الروسية مستشفى: the country adjective on the subject noun right after a verb of force
                subj = next((a for a in actors if a._.actor.get("weak") and a._.actor.get("kind") == "nationality"
                             and span.end < a.start <= span.end + 3 and a.start < sent.end
                             and all(t.is_alpha and t.norm_ not in RECIPIENT_MARKERS and t.norm_ not in ("في", "من", "ب")
                                     for t in doc[span.end:a.start])), None)
            if subj is None and reporter is None:
                subj = self._speaker(doc, span, actors) or (before[-1] if before else None) or last_actor
            actor = [subj] if subj is not None else []
        else:
            # the genitive right after the noun (or after ل, من, بين: هجوم لداعش، القصف من النظام), not a topic,
            # a place or an object (محادثات حول سوريا، مشيدا بحضور الأمير)
            # (لل is ل and the article: الغارة الجوية للتحالف)
            first_after = after[0] if after and after[0].start - span.end <= (
                2 if token_before(doc, after[0].start).i < after[0].start - 1 else 1) and all(
                t.norm_ in GENITIVE_LINKS for t in doc[span.end:after[0].start]) else None
            agent = None
            patient = etype in PATIENT_GENITIVE or trig.mode in PATIENT_MODES
            # (an act of force's ل names who did it: هجوم لداعش على حافلة، غارة للتحالف; elsewhere ل marks the
            # one it was for: دعم للحكومة)
            of_force = first_after is not None and etype in FORCE_TYPES and token_before(doc, first_after.start).norm_ == "ل"
            if first_after is not None and (not marked(first_after) or of_force) and not patient:
                agent = first_after  # هجوم المليشيات: the genitive is the agent
            elif first_after is not None and first_after.start == span.end and first_after._.actor.get("kind") == "nationality" \
                    and first_after is not genitive_patient:
                agent = first_after  # الحصار الإسرائيلي، العقوبات الأمريكية: the adjective on the act names who acts
            agent = marked_agent or agent
            if agent is None:
                # a UN agency, a court or a newspaper reporting deaths did not kill anyone: only an
                # armed speaker's report of force is its own claim (الجيش أعلن مقتل ...)
                if speaker is not None and not (etype in FORCE_TYPES and speaker._.actor.get("sector") not in ARMED) \
                        and not (etype in ("PROTEST", "AID", "RETREAT") and speaker._.actor.get("sector") in REPORTERS):
                    agent = speaker
            w = word_before(doc, span.start, sent.start)
            # (nor the subject of words about the act: الأردن يدين قتل الطفل، دانت الحكومة في بيان مقتل طفل)
            # (or of words characterising an act of force, with perhaps a name of many words between: وصف
            # مفتي عام المملكة ... حادثة التفجير; one who calls talks constructive may well have held them)
            def said_before(is_word, reach: int) -> bool:  # a word of the kind, in the clause, within reach
                lo = max(sent.start, span.start - reach)
                return any(is_word(t.norm_) for t in doc[lo:span.start]) and not clause_gap(lo, span.start)

            reacted = said_before(reaction_verb, 12) \
                or (etype in FORCE_TYPES and said_before(DESCRIBING_VERBS.__contains__, 20))
            spoken_of = w is not None and (w.norm_ in TOPIC_PREPOSITIONS or reacted)
            # (nor the one an act noun of suffering describes: الشاب القتيل، الجنود القتلى)
            if agent is None and before and not clause_gap(before[-1].end, span.start) and span.start - before[-1].end <= 12 \
                    and not spoken_of and not (bare(span.text) in CASUALTY_NOUNS and span.start - before[-1].end <= 1):  # (التوتر بشأن تسميم الجاسوس: who is named before a topic did not do it)
                agent = before[-1]
            if agent is None and is_participle(trig):
                agent = last_actor  # مثنيا، مؤكدا: the subject of the sentence before goes on
            actor = [agent] if agent is not None else []  # an event noun has no omitted subject
        if not actor and etype in MUTUAL:
            # اجتماع لـX مع Y: the partner after مع takes part as much as the host
            partner = next((a for a in after if doc[a.start - 1].norm_ == "مع" and a.start - span.end <= RECIPIENT_WINDOW), None)
            if partner is not None:
                actor = [partner]
        # coordinated co-actors: X و Y
        if actor and len(actor) == 1:
            a0 = actor[0]
            for b in in_sent:
                if b.start > a0.end and b.start - a0.end <= 1 and doc[a0.end].norm_ == "و" and b not in actor:
                    actor.append(b)
                    break
            else:
                # وزيرا خارجية روسيا وتركيا ... محادثات: the one named before the last of a pair before the act
                if a0.end <= span.start and a0.start > 0 and doc[a0.start - 1].norm_ == "و":
                    prev = next((b for b in in_sent if b.end == a0.start - 1), None)
                    if prev is not None and prev not in actor:
                        actor.insert(0, prev)
        # برصاص الجيش، بنيران القوات، من قبل المليشيات: the one named so used the force, whatever
        # stands after the verb (قتل ثمانية فلسطينيين ... برصاص الجيش: a passive)
        agent = marked_agent if etype in FORCE_TYPES else None
        if agent is not None and agent not in actor:
            # (those after the trigger but before the agent: تحرير المدينة من قبل القوات والمقاومة, the
            # resistance named with the forces fought beside them)
            victims = [a for a in actor if span.start < a.start and a.end <= agent.start]
            actor = [agent] + [b for b in in_sent if b.start == agent.end + 1 and doc[agent.end].norm_ == "و"][:1]
            if victims:
                return actor, victims[:1]
        if etype == "PROTEST":
            actor = self._protesters(doc, span, in_sent, adjacent_weak) or actor
        if trig.mode == "invite" and trig.form.startswith(fold("تلبية")) and before:
            # وصل X إلى الرياض تلبية لدعوة من Y: Y invited X
            guest = next((a for a in reversed(before) if a not in actor and not a._.actor.get("locative")), None)
            if guest is not None:
                return actor, [guest]
        keys = {(a._.actor.get("country"), a._.actor.get("sector"), a.text) for a in actor}
        undergo = next((t for t in doc[max(sent.start, span.start - 14):span.start] if t.norm_ in UNDERGO), None)
        if undergo is not None and trig.kind in ("noun", "phrase"):
            # تتعرض مواقع هذه القوات لهجمات: the one who undergoes is the target
            target = next((a for a in in_sent if undergo.i < a.start < span.start and a not in actor), None) or next(
                (a for a in reversed(before) if a.end <= undergo.i and a not in actor), None)
            if target is not None:
                return actor, [target]
        # recipient: for a speaker's own act, the ل-marked actor after the speech verb (أكد X لـY دعم);
        # else a marked actor after the trigger, else the first other actor after it
        # the window opens after the subject when it follows the verb (VSO: بحث X ... مع Y)
        opens = max([span.end] + [a.end for a in actor if a.start >= span.end and is_verbal(trig, doc[span.start])])
        # (not a topic: محادثات حول سوريا، بحث بشأن اليمن)
        window = [a for a in after if a.start >= opens and a.start - opens <= RECIPIENT_WINDOW and a not in actor
                  and not (a.start > 0 and doc[a.start - 1].norm_ in TOPIC_PREPOSITIONS)]
        if etype in FORCE_TYPES:
            # اعتقلت الشرطة الصحفي التركي: a journalist is a source when he reports, a target when arrested
            window += [a for a in actors if sent.start <= a.start < sent.end and a.start >= opens
                       and a.start - opens <= RECIPIENT_WINDOW and a._.actor.get("weak")
                       and a._.actor.get("kind") == "role" and a._.actor.get("sector") == "MED" and a not in window]
            window.sort(key=lambda a: a.start)
        pick = None
        if quote is not None and quote._.quote.get("object") and etype in TALK_TYPES:
            pick = next((a for a in before if a.start >= quote.start and a not in actor
                         and token_before(doc, a.start).norm_ == "ل"), None)
        def twin(p: Span, a: Span) -> bool:
            # same country and sector, and not two different people named (أويحيى الرئيس بوتفليقة)
            return p._.actor.get("country") == a._.actor.get("country") \
                and p._.actor.get("sector") == a._.actor.get("sector") \
                and not ("person" in (p._.actor.get("kinds") or ()) and "person" in (a._.actor.get("kinds") or ())
                         and p._.actor.get("name") != a._.actor.get("name"))

        def apposition(p: Span) -> bool:  # الرئيس الإيراني، حسن روحاني: the actor named again, not a party
            return any(0 <= p.start - a.end <= 2 and not any(t.text in BREAK for t in doc[a.end:p.start])
                       and twin(p, a) for a in actor)

        window = [a for a in window if not apposition(a) and not described(a)]
        pick = pick or (genitive_patient if genitive_patient in window else None) \
            or next((a for a in window if marked(a)), None) or next(iter(window), None)
        if pick is None and etype in SPOKEN_TYPES:
            # انتقد بوتين العقوبات الأمريكية، رحبت السعودية بالقرار الأمريكي، رفضت إيران الاتهامات الأمريكية:
            # the country adjective on what the words are about (a noun right after the act and its subject)
            # names whose doing it is, the one they are addressed to
            pick = next((a for a in actors if a._.actor.get("weak") and a._.actor.get("kind") == "nationality"
                         and opens < a.start <= opens + 4 and a.start < sent.end and a not in actor
                         and not clause_gap(opens, a.start) and doc[a.start - 1].is_alpha
                         and doc[a.start - 1].norm_ not in RECIPIENT_MARKERS
                         and not any(b.start <= a.start - 1 < b.end for b in actors if b is not a)), None)
        if pick is None and trig.kind not in ("past", "pres"):
            # أكد X لـY دعم ...: the ل-marked actor between the speaker and the noun
            pick = next((a for a in reversed(before) if marked(a) and a not in actor and token_before(doc, a.start).norm_ == "ل"
                         and not described(a)), None) if etype in SPOKEN_TYPES else None
        suffixed = trig.kind in ("noun", "phrase") and fold(span.text).endswith(("ه", "ها", "هم")) \
            and not trig.form.endswith(("ه", "ها", "هم"))
        if pick is None and (suffixed or any(t.norm_ in PRONOUN_OBJECTS for t in doc[span.end:min(sent.end, span.end + 2)])):
            # اتهامه، اعتقالها: the pronoun on the act is its target, the last other actor named before
            # ستقدم المساعدة لها: the pronoun points at the last other actor named before
            pick = next((a for a in reversed(before) if a not in actor
                         and (a._.actor.get("country"), a._.actor.get("sector"), a.text) not in keys), None)
        if pick is not None and any(0 <= pick.start - a.end <= 1 and twin(pick, a) for a in actor):
            pick = None  # الجنرال كيس فلبس المسؤول العسكري: an apposition of the actor, not a second party
        if pick is not None and (pick._.actor.get("country"), pick._.actor.get("sector"), pick.text) not in keys:
            recipient = [pick]
        return actor, recipient

    # ---- place, time, size ----------------------------------------------------------
    @staticmethod
    def location(doc: Doc, span: Span, main_country: str | None, visit: bool = False,
                 spoken: bool = False, speaker_country: str | None = None, talk: bool = False,
                 remote: bool = False) -> dict | None:
        """Where the event happened, and ``source`` saying how the text placed it: a place in the
        trigger's ``clause``, else in its ``sentence``; for a headline, the ``lead``'s; else the
        scene the previous sentences set (``context``, up to four back); else the ``dateline``; else,
        for what is done, the scene the lead sets (``story``); else, for what is said, the
        ``speaker``'s country; else the country the ``document`` is about. ``talk`` (a meeting or
        what is said) is placed where it is held, not where it is about; ``remote`` (a phone call)
        takes no scene."""
        k = sent_index(doc, span.start)
        dl = doc._.dateline
        room = newsroom_stretch(doc)
        headline = is_title(doc)

        def dateline_place() -> dict:
            rec = {key: dl[key] for key in ("text", "name", "country", "admin1", "lat", "lon", "geonameid", "precision")}
            return dict(rec, source="dateline")

        def part_of_country(p: Span) -> bool:  # شمالي العراق، وسط فرنسا
            return bool((p._.geo.get("relative") or {}).get("of_country"))

        def usable(j: int) -> list[Span]:
            acting = {i for a in near(doc, "actors", j) if not a._.actor.get("locative") for i in range(a.start, a.end)}
            return [p for p in near(doc, "places", j) if p._.geo and p._.geo.get("country")  # not "Europe"
                    and p.start not in acting  # واشنطن ستقدم: a place named as an actor is not where
                    and not room[0] <= p.start_char < room[1]  # ايلاف من لندن: never the place of the news
                    and "describes" not in p._.geo]  # الحديدة غربي اليمن: the place is الحديدة

        def placed(p: Span) -> bool:
            # introduced as a place: في بغداد، قرب الموصل، جنوب إدلب، مطار الحديدة، العاصمة الإريترية أسمرة
            prev = word_before(doc, p.start, sent_of(p).start)
            if prev is not None and prev.norm_ not in PLACE_MARKERS and any(
                    m.start <= prev.i < m.end and (m._.kb or {}).get("kind") == "nationality" for m in doc.spans.get("mentions", [])):
                before = word_before(doc, prev.i, sent_of(p).start)  # العاصمة الإريترية أسمرة: the capital so named
                if before is not None and before.norm_ in CAPITAL_NOUNS:
                    return True
            if prev is not None and prev.norm_.removeprefix("و") in VISIT_WORDS and prev.i == p.start - 1:
                return True  # وصل دمشق، زار موسكو: where one goes
            return (prev is not None and prev.norm_ in PLACE_MARKERS) or doc[p.start].norm_ in PLACE_MARKERS \
                or "relative" in p._.geo or "feature" in p._.geo or occasion_place(doc, p)
            # (or named with its kind: مدينة السلط; or naming an occasion: خلال قمة هلسنكي)

        def fine(ps: list[Span]) -> list[Span]:
            # a part of a country (شمالي العراق) is finer than the country, not than a town in it
            sub = [p for p in ps if p._.geo["precision"] != "country"]
            return [p for p in sub if not part_of_country(p)] or sub

        def out(p: Span, source: str) -> dict:
            rec = {key: v for key, v in p._.geo.items() if key not in ("describes", "town")}
            if source in ("context", "story") and "town" in p._.geo:
                # منزله في أولان باتور sets the scene: later happenings are in the town, not the house
                rec = dict(rec, **p._.geo["town"])
                rec.pop("feature", None)
            return dict(rec, source=source)

        title = k == 0 and headline

        def from_lead(best: Span) -> Span | None:
            """A headline's place as its lead gives it: in full (هجوم جنين -> في محافظة جنين) or,
            for a country, where in it (يصل إلى الإمارات -> في العاصمة الإماراتية)."""
            short = f" {fold(best.text)} "
            lead = [p for j in (1, 2) for p in usable(j) if p._.geo.get("country") == best._.geo.get("country")]
            fuller = [p for p in lead if len(p.text) > len(best.text) and short in f" {fold(p.text)} "
                      and not part_of_country(p)]  # (وسط مالي is a part of مالي, not its full name)
            if fuller:
                return fuller[0]
            if best._.geo["precision"] == "country" or part_of_country(best):
                # (شمالي العراق is as coarse: ووقع الهجوم وسط محافظة كركوك says where)
                inside = [p for p in fine(lead) if placed(p) and not part_of_country(p)]
                return inside[0] if inside else None
            return None

        if visit:
            there = destination(doc, span, room)
            if there is not None:  # زار السيسي روسيا، خلال زيارتها لمصر: the visit is where it goes
                lead = from_lead(there) if title else None
                return out(lead, "lead") if lead is not None else out(there, "clause")
        if talk and (there := host(doc, span, room)) is not None:
            return out(there, "clause")  # تركيا استضافت القمة: the host is where it is held
        places = usable(k)
        # قصفها على أحياء في جنوب دمشق بينها مخيم اليرموك: the places listed after بينها are examples of the
        # one before it, where the event is
        places = [p for p in places if not any(
            t.norm_ in AMONG_WORDS and any(q.end <= t.i for q in places) and not any(x.text in BREAK for x in doc[t.i:p.start])
            for t in doc[max(sent_of(p).start, p.start - 12):p.start])]
        frame = speech_frame(doc, span) if spoken else None
        if frame is not None:
            # قال الحريري في مؤتمر صحفي بالرياض إن المدنيين في الغوطة ...: an accusation, a demand or
            # praise is made where it is spoken (قالت ماندلكر من لندن إن: from where); the places it
            # speaks of are its topic
            cue, comp = frame
            setting = [p for p in places if cue < p.start < comp and (placed(p) or (
                (prev := word_before(doc, p.start, sent_of(p).start)) is not None and prev.norm_ == "من"))]
            if setting:
                return out(setting[-1], "clause")
            places = [p for p in places if p.start < comp]
        if spoken:  # انتقد ... المدنيين الفارين من الغوطة: a place not introduced as one is what is spoken of
            places = [p for p in places if placed(p)]
        # ينسب إلى روسيا، وجهت الاتهام لدمشق، بحث مع طهران: a place that stands for a party to the act
        # (after إلى، ل، عن، مع، لدى) is not where it happened
        places = [p for p in places if placed(p) or (prev := word_before(doc, p.start, sent_of(p).start)) is None
                  or prev.norm_ not in PARTY_MARKERS]
        if talk:  # محادثات حول سوريا، بحث بشأن الوضع في حلب: what is talked about, not where
            named = {i for kind in ("places", "actors") for x in near(doc, kind, k) for i in range(x.start, x.end)}

            def topic(p: Span) -> bool:
                prev = word_before(doc, p.start, sent_of(p).start)
                if prev is None or prev.norm_ in TOPIC_PREPOSITIONS:
                    return prev is not None
                # in the topic phrase, a place of the noun before it (الوضع في حلب), not one after a name
                # the phrase ends with (حول سوريا في جنيف: held in Geneva)
                noun = word_before(doc, prev.i, sent_of(p).start)
                return p.start > span.end and noun is not None and noun.i not in named and any(
                    t.norm_ in TOPIC_PREPOSITIONS and not any(x.text in CLAUSE_MARKS for x in doc[t.i:p.start])
                    for t in doc[span.end:p.start])

            places = [p for p in places if not topic(p)]
        # ألقت الشرطة القبض على أشخاص يعتقد أنهم قاتلوا في سوريا: a place in a clause the trigger governs
        # through أن is where that clause's happening was, not the trigger's (but اعتقلت بعد أن قاطعت
        # كلمته في ديترويت: a clause of time tells the same scene)
        places = [p for p in places if p.start < span.end or not any(
            t.norm_ in COMPLEMENTIZERS and not (t.i > 0 and doc[t.i - 1].norm_ in TIME_CONJUNCTIONS)
            for t in doc[span.end:p.start])]
        if talk and (held := [p for p in places if occasion_place(doc, p)]):
            # عرض أردوغان هدنة في إدلب خلال القمة التي تجمع ... في طهران: where the occasion is held
            return out(held[0], "clause")
        if places:
            def named_by(p: Span) -> bool:
                # هجوم مانشستر، تحرير عدن، قصفت حلب: the town the act is done to or named after, right
                # after the trigger (a country there is a party: هجوم روسيا)
                return p.start == span.end and not talk and p._.geo["precision"] != "country"

            def rank(p: Span) -> tuple[bool, bool, bool, int, bool]:
                # a place the trigger names, then one introduced as one, then one in the trigger's own
                # clause, then the nearest
                a, b = (p.end, span.start) if p.end <= span.start else (span.end, p.start)
                return not named_by(p), not placed(p), any(t.text in CLAUSE_MARKS for t in doc[a:b]), \
                    abs(p.start - span.start), p.start < span.start

            best = min(fine(places) or places, key=rank)
            lead = from_lead(best) if title else None
            if lead is not None:  # (the headline's own place written in full is still the headline's)
                return out(lead, "clause" if f" {fold(best.text)} " in f" {fold(lead.text)} " else "lead")
            if best._.geo["precision"] == "country" and dl and not dl.get("newsroom") \
                    and dl.get("country") == best._.geo.get("country") and dl.get("precision") != "country":
                return dateline_place()  # طرابلس - ... رحب بمحادثات السلام في ليبيا: where in the country
            a, b = (best.end, span.start) if best.end <= span.start else (span.end, best.start)
            return out(best, "sentence" if any(t.text in CLAUSE_MARKS for t in doc[a:b]) else "clause")
        if title:
            # a headline without a place: its lead's, the place the lead introduces first
            # (for what is said, not the places the lead's speech is about); a place the lead introduces
            # as one, in either of its first two sentences, before one it only names (المدعوم من إيران)
            lead = [p for j in (1, 2) for p in usable(j) if not (spoken and speech_frame(doc, p))]
            if lead:
                pool = [p for p in lead if placed(p)] or lead
                if talk:  # (for a meeting or what is said, the place its occasion is held first)
                    pool = [p for p in pool if occasion_place(doc, p)] or pool
                return out(min(fine(pool) or pool, key=lambda p: p.start), "lead")
        else:
            if spoken:
                there = EventCoder._next_speech_setting(doc, k, usable(k + 1), placed, speaker_country)
                if there is not None:  # حذر ظريف ... / وقال ظريف خلال حديث للصحفيين في دوشانبي: where he said it
                    return out(there, "context")
            # the scene the story has just set: لقي متظاهرون مصرعهم ... after في مدينة خور مشهر
            def setting(p: Span) -> bool:  # (a scene is set by a capital so named too: في العاصمة أديس أبابا)
                prev = word_before(doc, p.start, sent_of(p).start)
                return placed(p) or (prev is not None and prev.norm_ in CAPITAL_NOUNS and p._.geo["precision"] == "city")

            for j in range(k - 1, max(k - 5, -1), -1) if not remote else ():
                scene = [p for p in usable(j) if setting(p) and not (spoken and speech_frame(doc, p))
                         and (j >= k - 2 or not spoken or speaker_country in (None, p._.geo.get("country")))] \
                    if j > 0 or not headline else []  # (for what is said, not the places spoken of; said
                # further on, by someone of another country than the scene's, it is not placed there)
                if scene:  # the nearest sentence that sets one; its finest place
                    return out((fine(scene) or scene)[-1], "context")
        if dl and not dl.get("newsroom"):
            return dateline_place()
        if not spoken and not remote:
            # nothing placing it nearby: the scene the lead sets for the story (وقع الانفجار في مدينة أولم;
            # not for a phone call, which is nowhere in particular)
            lead_scene = [p for j in (1, 2) if j != k for p in usable(j) if placed(p) and not speech_frame(doc, p)]
            if lead_scene:
                return out(lead_scene[0], "story")
        source = "document"
        if spoken and speaker_country and speaker_country != main_country:
            # أشاد ولي العهد السعودي بعلاقته بالرئيس الأمريكي: said, with nothing placing it, where the
            # speaker's country is, not where the story is mostly about
            main_country, source = speaker_country, "speaker"
        if main_country:
            key = f"hadath_main_place_{main_country}"
            if key not in doc.user_data:
                doc.user_data[key] = next((dict(p._.geo) for p in doc.spans.get("places", []) if p._.geo
                                           and p._.geo["country"] == main_country and p._.geo["precision"] == "country"
                                           and not room[0] <= p.start_char < room[1]), None)
            if doc.user_data[key]:
                return dict(doc.user_data[key], source=source)
            # a country named only by its people or its adjective (التونسية): the country itself, mapped,
            # with no words of the text for it
            known = country_place(main_country)
            if known is not None:
                return dict(geo_record(known, None), source=source)
            return {"text": None, "name": None, "country": main_country, "admin1": None, "lat": None, "lon": None,
                    "geonameid": None, "precision": "country", "source": source}
        return None

    @staticmethod
    def _next_speech_setting(doc: Doc, k: int, places: list[Span], placed, speaker_country: str | None) -> Span | None:
        """The place the next sentence gives to the same speaker's words, when it goes on with them:
        وقال ظريف خلال حديث للصحفيين في دوشانبي: ... (a speech verb first, the place before what is said);
        جاء ذلك في تصريحات القاها فوتيل في البنتاغون، حيث ... (the words just told, placed)."""
        if not places:
            return None
        sent = sent_of(places[0])
        first = next((t for t in sent if t.norm_ != "و"), None)

        def others_before(end: int) -> bool:  # someone of another country named between the verb and end
            return any(first.i < a.start < end and not a._.actor.get("locative")
                       and a._.actor.get("country") not in (None, speaker_country) for a in near(doc, "actors", k + 1))

        if first is not None and first.norm_ in CAME_VERBS and first.i + 1 < sent.end \
                and doc[first.i + 1].norm_ in DEMONSTRATIVES:
            # جاء ذلك ...: the place it gives before what it goes on to say (حيث، إذ، ، وقال)
            end = next((t.i for t in doc[first.i + 2:sent.end] if t.norm_ in COMPLEMENTIZERS
                        or t.norm_ in ("حيث", "اذ") or t.text in OPEN_QUOTES or t.text == ":"), sent.end)
            setting = [p for p in places if first.i < p.start < end and placed(p)]
            return setting[0] if setting and not others_before(end) else None
        if first is None or not is_speech_verb(first.norm_):
            return None
        said = next((t.i for t in doc[first.i + 1:sent.end] if t.norm_ in COMPLEMENTIZERS
                     or t.text in OPEN_QUOTES or t.text == ":"), None)
        if said is None:
            return None  # (وأعلن ... أمام قاض في واشنطن: without إن or a quote, what he said may hold the place)
        covered = named_or_timed(doc, sent_index(doc, sent.start))
        for p in places:
            if not (first.i < p.start < said and placed(p)):
                continue
            other = [t for t in doc[first.i + 1:p.start] if t.i not in covered and not t.is_punct
                     and t.norm_ not in SETTING_WORDS and t.norm_ not in PLACE_MARKERS and t.norm_ != "ل"]
            if len(other) > 1:
                return None  # only the speaker, the time and the occasion (and one word of it) before the place
            return None if others_before(p.start) else p
        return None

    @staticmethod
    def when(doc: Doc, span: Span, present: bool = False) -> tuple[str | None, str, str, str | None]:
        """(date, precision, source, end of a range): the time expression of the trigger's
        ``clause``, else its ``sentence``; for a headline, its ``lead``'s (the first of the next two
        sentences that has one); else the day the lead or one of the three sentences before gives
        (``context``: not for what ``present`` tells); else the ``document`` date."""
        k = sent_index(doc, span.start)
        times = near(doc, "times", k)
        source = "sentence"
        if not times and k == 0 and is_title(doc):
            source = "lead"  # a headline has no date: its lead gives it
            # (the lead's second sentence may tell the background: ميليشيا الحوثي هددت في يناير الماضي)
            times = near(doc, "times", 1) or [t for t in near(doc, "times", 2) if t._.time["precision"] == "day"]
        if times:
            # the expression in the trigger's own clause (no comma or stop between them) governs it
            def gap(t: Span) -> tuple[int, int]:
                a, b = (t.end, span.start) if t.end <= span.start else (span.end, t.start)
                crossed = any(tok.text in CLAUSE_MARKS for tok in doc[a:b])
                return int(crossed), abs(t.start - span.start)

            best = min(times, key=gap)
            if source == "sentence" and not gap(best)[0]:
                source = "clause"
            return best._.time["value"], best._.time["precision"], source, best._.time.get("end")
        # the story's own day, as its lead gives it (أعلن ... اليوم الأربعاء، أمس): what the lead then
        # tells without a time of its own happened that day
        if k <= 3:
            peg = [t for j in (0, 1) for t in near(doc, "times", j)
                   if t._.time["precision"] == "day" and fold(t.text).split()[-1] in DEICTIC_PEG]
            if peg:
                return peg[0]._.time["value"], "day", "context", None
        date = doc._.doc_date
        # the day the story last gave (أعلن الجيش الخميس ... ⏎ وقال إن ...): what it goes on to tell in
        # the past without a time of its own happened that day. Not a month or a year, which tell the
        # background; not a span of time, a day ahead (a plan), or one more than three sentences back;
        # and not for what is told in the present (تنفي روسيا), which is as of the story
        for j in range(k - 1, max(k - 4, 0), -1) if not present else ():
            told = near(doc, "times", j)
            if told:
                last = told[-1]
                if last._.time["precision"] == "day" and "end" not in last._.time \
                        and (date is None or last._.time["value"] <= date.isoformat()):
                    return last._.time["value"], "day", "context", None
                break
        return (date.isoformat() if date else None), "document", "document", None

    @staticmethod
    def _patients_before(doc: Doc, span: Span, etype: str, trig: Trigger) -> Span | None:
        """أكثر من 20 مدنيا قتلوا، 50 شخصا اعتقلوا: people counted right before a verb of killing or
        arresting are its subject only as a passive's (the spelling does not tell قَتلوا from قُتلوا)."""
        if etype not in FORCE_TYPES or trig.mode not in PATIENT_MODES or trig.kind not in ("past", "pres"):
            return None
        wanted = {"COERCE": ("arrested", None, "people"), "ASSAULT": ("dead", "injured", None, "people")}[etype]
        sent = sent_of(span)
        for q in near(doc, "quantities", sent_index(doc, span.start)):
            if sent.start <= q.start and 0 <= span.start - q.end <= 1 and q._.quantity.get("unit") == "person" \
                    and q._.quantity["category"] in wanted \
                    and not any(t.text in CLAUSE_MARKS or t.is_punct for t in doc[q.end:span.start]):
                return q
        return None

    @staticmethod
    def _nominative_after(doc: Doc, span: Span, etype: str, trig: Trigger) -> Span | None:
        """قتل جنديان، اعتقل ناشطون، قتل حارس: people counted right after a past verb of killing or
        arresting, in the nominative of a dual or a sound plural, or one without the accusative's alif, are
        its passive subject (an object would be جنديين، حارسا); read as a verbal noun (قَتْل حارسٍ), they are
        the ones it was done to all the same."""
        if etype not in FORCE_TYPES or trig.mode not in PATIENT_MODES or trig.kind != "past":
            return None
        for q in near(doc, "quantities", sent_index(doc, span.start)):
            if q.start != span.end or q._.quantity.get("unit") != "person":
                continue
            last = doc[q.end - 1].norm_
            one = q._.quantity["value"] == 1 and q.end - q.start == 1 and not last.startswith("ال") \
                and not last.endswith("ا")
            if one or (last.endswith(("ان", "ون")) and len(last) > 3):
                return q
        return None

    @staticmethod
    def _counted_patients(doc: Doc, span: Span, etype: str, actor: list[Span] = ()) -> Span | None:
        """The people counted right after a trigger of force, of the kind it does (arrested for COERCE,
        dead or injured for ASSAULT), in its clause; for ASSAULT, any people counted after the subject
        that follows the verb (قتل الجيش الإسرائيلي 43 فلسطينيا)."""
        wanted = {"COERCE": ("arrested", None, "people"), "ASSAULT": ("dead", "injured")}[etype]
        sent = sent_of(span)
        for q in near(doc, "quantities", sent_index(doc, span.start)):
            if not span.end <= q.start <= span.end + 12 or q.end > sent.end:
                continue
            if any(t.text in CLAUSE_MARKS for t in doc[span.end:q.start]):
                break
            after_subject = etype == "ASSAULT" and any(span.end <= a.start and a.end <= q.start for a in actor)
            if q._.quantity.get("unit") == "person" and (q._.quantity["category"] in wanted or (
                    after_subject and q._.quantity["category"] in (None, "people"))):
                return q
        return None

    @staticmethod
    def size(doc: Doc, span: Span, etype: str) -> dict:
        out = {"dead": None, "injured": None, "arrested": None}
        if etype not in FORCE_TYPES:
            return out
        approx = set()
        last = None
        k = sent_index(doc, span.start)
        found = near(doc, "quantities", k)
        if not found and k == 0 and is_title(doc):
            # a headline without a count: its lead's (حادث الدهس ... وأودى بحياة شخصين), the kind it can have
            wanted = {"ASSAULT": ("dead", "injured"), "COERCE": ("arrested",)}[etype]
            found = [q for q in near(doc, "quantities", 1) if q._.quantity["category"] in wanted]
        for q in found:
            cat = q._.quantity["category"]
            if cat in out and out[cat] is None:
                out[cat] = q._.quantity["value"]
                if q._.quantity["approximate"]:
                    approx.add(cat)
            elif cat in out and q._.quantity.get("joined") and last == cat:
                out[cat] += q._.quantity["value"]  # عشرة من القوات وثلاثة من العاملين: 13
            last = cat
        if approx and k == 0 and is_title(doc):
            # أكثر من ألف قتيل in a headline, وبمقتل 1692 مدنيا in its lead: the lead's exact count of that size
            for q in near(doc, "quantities", 1) + near(doc, "quantities", 2):
                cat, value = q._.quantity["category"], q._.quantity["value"]
                if cat in approx and not q._.quantity["approximate"] and 0.5 * out[cat] <= value <= 2 * out[cat]:
                    out[cat] = value
                    approx.discard(cat)
        if approx:
            out["_approximate"] = approx  # (for _merge: a body's exact count beats a headline's round one)
        return out

    def _retold(self, doc: Doc, span: Span, trig: Trigger, etype: str, events: list[dict],
                main_country: str | None) -> None:
        """وجرت المكالمة العاصفة بين الزعيمين يوم 20 فبراير، ووقع الهجوم فجر الجمعة: the event noun told
        again with the article and no party of its own is the happening told before with that noun; its
        day and place are that happening's."""
        i = definite_start(doc, span.start)
        if trig.kind != "noun" or i is None:
            return
        sent = sent_of(span)
        if not after_occurring(doc, i, sent, first_word=True):
            return  # (the noun must be what the clause tells of, not a topic: حذر ... من نتائج الاحتجاجات)
        stem = bare(span.text)
        earlier = next((ev for ev in reversed(events) if ev["event"] == etype and bare(ev["trigger"]["text"]) == stem), None)
        if earlier is None:
            return
        date, precision, source, end = self.when(doc, span, present=trig.kind == "pres")
        if after_story(doc, date, precision):
            return
        location = self.location(doc, span, main_country, spoken=etype in SPOKEN_TYPES,
                                 talk=etype in TALK_TYPES)
        self._merge({0: [earlier]}, etype, [], [], 0, (date, precision, source, end), location, None)

    @staticmethod
    def _subject_told(doc: Doc, span: Span, etype: str, cands: list, n: int, events: list[dict]) -> dict | None:
        """واستهدفت الغارات، وطال القصف: a verb whose subject, right after it, is an event noun of its own
        type with the article tells again the happening of that type told in a sentence before (the one
        told with that noun, else the last); None when there is no such subject or happening."""
        after = [(s, t) for s, t in cands[n + 1:n + 3] if t.kind == "noun" and t.type == etype
                 and definite_start(doc, s.start) == span.end]
        if not after:
            return None
        k = sent_index(doc, span.start)
        told = [ev for ev in events if ev["event"] == etype and ev["sentence"] < k]
        stem = bare(after[0][0].text)
        return next((ev for ev in reversed(told) if bare(ev["trigger"]["text"]) == stem), told[-1] if told else None)

    def _incidents(self, doc: Doc, events: list[dict], main_country: str | None) -> None:
        """وأفادت المنظمة أن الحادث وقع الجمعة الماضية في قرية مادما: the incident told again, by a noun
        that names no kind, with a verb of occurring; its day and place are those of the last act of force
        told before it."""
        for t in doc:
            if bare(t.text) not in INCIDENT_NOUNS or (first := definite_start(doc, t.i)) is None:
                continue
            sent = sent_of(t)
            if not (after_occurring(doc, first, sent) or (t.i + 1 < sent.end and doc[t.i + 1].norm_ in OCCUR_VERBS)):
                continue  # (ووقع الحادث، الحادث وقع)
            told = [ev for ev in events if ev["event"] in FORCE_TYPES and ev["trigger"]["end"] <= t.idx]
            if not told:
                continue
            span = doc[t.i:t.i + 1]
            when = self.when(doc, span)
            if after_story(doc, when[0], when[1]):
                continue
            where = self.location(doc, span, main_country)
            for ev in told[:-1]:  # (the same happening in the headline: there too, if it is finer)
                if ev["event"] == told[-1]["event"] and refines(ev["location"], where):
                    ev["location"] = dict(where)
            self._merge({0: [told[-1]]}, told[-1]["event"], [], [], 0, when, where)

    @staticmethod
    def _merge(events: dict[int, list[dict]], etype: str, a_recs: list[dict], r_recs: list[dict], sentence: int,
               when: tuple = (None, "document", "document", None), location: dict | None = None,
               size: dict | None = None) -> bool:
        """Fold a repeated mention into the earlier event of the same happening.

        A repeat is a mention of the same type in the title (sentence 0) or in
        the same sentence whose participants agree as far as both mentions name
        them (countries meet, or one side is unknown).  The earlier event keeps
        its trigger and takes what only the later mention names.  Events of
        the same type further apart are different happenings (two statements
        of support in one article are two events).
        """
        def countries(parts: list[dict]) -> set:
            return {p["country"] for p in parts if p.get("country")}

        def spans(parts: list[dict]) -> set:
            return {(p.get("start"), p.get("end")) for p in parts}

        def unknown(parts: list[dict], named: set) -> bool:
            # الدبلوماسيين، المدنيين: people of no named country; not داعش or the UN, which have none
            return not parts or (not named and not any(p.get("sector") in STATELESS_SECTORS for p in parts))

        def side_agrees(old_parts: list[dict], new_parts: list[dict], old: set, new: set) -> bool:
            return unknown(old_parts, old) or unknown(new_parts, new) or old == new or bool(old & new) \
                or bool(spans(old_parts) & spans(new_parts))

        a_new, r_new = countries(a_recs), countries(r_recs)
        for ev in events.get(0, []) + (events.get(sentence, []) if sentence else []):
            if ev["event"] != etype:
                continue
            # (the countries the text named, before the event's own country filled the blanks)
            a_old, r_old = ev.get("_named") or (countries(ev["actor"]), countries(ev["recipient"]))
            if etype in MUTUAL:
                old, new = a_old | r_old, a_new | r_new
                same = old <= new or new <= old
            else:  # an unknown side (none named, or no country and no group) agrees with anything; a stateless group does not
                # (the very same words on a side are the same party, whatever country each mention's place
                # lent them: اعتداء مانشستر ... وأسفر عن مقتل 22 شخصا)
                same = side_agrees(ev["actor"], a_recs, a_old, a_new) and side_agrees(ev["recipient"], r_recs, r_old, r_new)
            if same:
                # (a side is filled only with mentions that are not already the other side: تدمير 12 عربة
                # للانقلابيين, whose rebels one telling takes for the actor, another for the target)
                if not ev["recipient"] and r_recs and not spans(r_recs) & spans(ev["actor"]):
                    ev["recipient"] = r_recs
                    r_old = r_new
                if not ev["actor"] and a_recs and not spans(a_recs) & spans(ev["recipient"]):
                    ev["actor"] = a_recs
                    a_old = a_new
                ev["_named"] = (a_old, r_old)
                # the body names what the headline borrowed from its lead or lacked: its own date and place
                own = ("clause", "sentence")
                finer = {"year": 1, "month": 2, "day": 3}
                if when[1] != "document" and (ev["date_precision"] == "document"
                                              or (ev["_date_source"] not in own and when[2] in own)
                                              # في مايو الماضي in the headline, في 22 مايو الماضي in the body
                                              or (finer.get(when[1], 0) > finer.get(ev["date_precision"], 0)
                                                  and str(when[0]).startswith(str(ev["date"])))):
                    ev["date"], ev["date_precision"], ev["_date_source"] = when[:3]
                    if when[3]:
                        ev["date_end"] = when[3]
                if location and location.get("source") in own and ((ev["location"] or {}).get("source") not in own
                                                                   or refines(ev["location"], location)):
                    ev["location"] = location
                loose = ev["size"].get("_approximate", set())
                for key, value in (size or {}).items():
                    if key == "_approximate" or value is None:
                        continue
                    if ev["size"].get(key) is None or (key in loose and key not in size.get("_approximate", set())
                                                       and 0.5 * ev["size"][key] <= value <= 2 * ev["size"][key]):
                        # أكثر من ألف قتيل in the headline, بمقتل 1692 in the body (not a toll of 4500 since the war began)
                        ev["size"][key] = value
                        loose.discard(key)
                return True
        return False

    # ---- the component ------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        actors = sorted(doc.spans.get("actors", []), key=lambda a: a.start)
        counts: dict[str, int] = {}
        room = newsroom_stretch(doc)
        for a in actors:
            c = a._.actor.get("country")
            # (a country's institutions and office holders too: السلطات الفرنسية، وزير الداخلية الفرنسي;
            # not named people, who travel and are spoken of abroad)
            if c and a._.actor.get("kind") in ("country", "nationality", "capital", "place", "org", "role") \
                    and not room[0] <= a.start_char < room[1]:
                counts[c] = counts.get(c, 0) + 1
        title = bool(len(doc)) and is_title(doc)
        title_end = sent_of(doc[0]).end if title else 0
        for p in doc.spans.get("places", []):
            c = (p._.geo or {}).get("country")
            if c and p.start < title_end:
                counts[c] = counts.get(c, 0) + 2  # مالي: ...، غزة.. : the headline's place says most
        main_country = max(counts, key=counts.get) if counts else None
        events: list[dict] = []
        by_sentence: dict[int, list[dict]] = {}  # the same events, by sentence, for _merge
        cands = sorted(((span, self._reading(doc, span, trig)) for span, trig in self.candidates(doc)),
                       key=lambda c: (c[0].start, -c[0].end))  # in text order: a headline meets its first repeat first
        domain = self.domain(doc)
        learned = event_filter.model() if self.filter else None  # (its features are read as each event is coded)
        for n, (span, trig) in enumerate(cands):
            etype = self.context(doc, span, trig)
            if etype is None:
                continue
            if domain in ("sport", "culture") and etype not in FORCE_TYPES:
                continue  # a match report or a festival: its "attacks", "talks" and "honours" are not politics
            if domain == "market" and ("vague" in trig.note or "ambiguous" in trig.note):
                continue  # الطلب على النفط, وصلت الأسعار: in a market report these are not events
            if "liberate" in trig.note and not self._liberates_a_place(doc, span):
                continue  # رئيس تحرير صحيفة، تحرير الاقتصاد: no territory taken
            if "arrive" in trig.note and not self._arrives_somewhere(doc, span):
                continue  # وصل عدد القتلى إلى: reaching a number is not a visit
            if trig.kind == "noun" and any(t.type in INTENT_TYPES and span.start - s.end <= 3 and sent_of(s).start == sent_of(span).start
                                           for s, t in cands[max(0, n - 3):n]):
                continue  # تصر على انسحاب: the withdrawal is demanded, not done
            if trig.kind in ("noun", "phrase") and any(
                    t.kind in ("past", "pres") and t.type == trig.type and 0 <= span.start - s.end <= 8
                    and sent_of(s).start == sent_of(span).start
                    and not any(x.text in CLAUSE_MARKS for x in doc[s.end:span.start])
                    for s, t in cands[max(0, n - 3):n]):
                continue  # حذرت روسيا واشنطن من عواقب وخيمة: the verb's own object, one act
            if trig.kind in ("past", "pres") and (earlier := self._subject_told(doc, span, etype, cands, n, events)):
                # واستهدفت الغارات ثلاثة بيوت في بلدة هجين: the happening told before, told again with its place
                where = self.location(doc, span, main_country)
                self._merge({0: [earlier]}, etype, [], [], 0, self.when(doc, span), where, self.size(doc, span, etype))
                continue
            sent = sent_of(span)
            if trig.kind in ("noun", "phrase") and (w := word_before(doc, span.start, sent.start)) is not None \
                    and w.norm_ in DEMONSTRATIVES and (told := next((ev for ev in reversed(events) if ev["event"] == etype),
                                                                    None)) is not None:
                # هذا الهجوم، هذه الزيارات: the happening told before, not a new one; words about it just before
                # (وأدانت فرنسا هذا الهجوم) are addressed to whoever did it
                said = next((ev for ev in reversed(events) if ev["event"] in SPOKEN_TYPES and ev is not told
                             and ev["sentence"] == sent_index(doc, span.start)
                             and 0 <= span.start_char - ev["trigger"]["end"] <= 30), None)
                if said is not None and not said["recipient"] and told["actor"]:
                    said["recipient"] = [dict(a) for a in told["actor"]]
                continue
            # actors of this sentence and the three before it: roles never reach further
            # (not the outlet's newsroom line: دبي، الإمارات العربية المتحدة (CNN)— نفت مصادر أمريكية)
            local = sorted((a for a in near(doc, "actors", sent_index(doc, span.start), before=3)
                            if not room[0] <= a.start_char < room[1]), key=lambda a: a.start)
            last_actor = self._last_speaker(doc, span, local)
            if last_actor is None:
                prev_actors = [a for a in local if a.end <= sent.start and self._usable(a)]
                last_actor = prev_actors[-1] if prev_actors else None
            actor, recipient = self.roles(doc, span, trig, etype, local, last_actor)
            role_feats = None
            learned_roles = role_model.model() if self.role_model else None
            if learned_roles is not None or self.keep_features:
                role_cands = role_model.candidates(doc, span, local)
                role_feats = [role_model.features(doc, span, trig, etype, c, role_cands, actor, recipient)
                              for c in role_cands]
                if learned_roles is not None:
                    # the learned chooser re-ranks the mentions around the trigger, the rules' choice among its features
                    actor, recipient = role_model.choose(doc, role_cands, role_feats, actor, recipient, learned_roles)
            if etype == "THREATEN" and trig.type in ("ASSAULT", "COERCE", "SANCTION") \
                    and (speaker := self._speaker(doc, span, local)) is not None and speaker not in actor:
                # قال الرئيس: "سنهاجم مواقع النظام": the speaker threatens, the one to be hit is threatened
                recipient = recipient or [a for a in actor if a.start > span.start][:1]
                actor = [speaker]
            if etype == "ASSAULT" and bare(span.text) in VERBAL_ATTACKS and actor \
                    and all(a._.actor.get("sector") in WORDS_ONLY for a in actor):
                etype = "ACCUSE"  # هيومن رايتس ووتش تهاجم إيران: a rights group or a paper attacks in words
            passive_patients = self._patients_before(doc, span, etype, trig) if not recipient else None
            if passive_patients is not None and etype == "ASSAULT":
                # قالت مصادر أمنية إن جنديين قتلوا: no agent stands before a passive's subject (that is the
                # speaker; but police that report arrests made them)
                actor = [a for a in actor if a.start >= span.end]
            if passive_patients is None and not recipient and (after := self._nominative_after(doc, span, etype, trig)):
                # وقتل جنديان: the dual's nominative makes the verb passive; the soldiers were killed, and
                # only an agent named after them (في هجوم لداعش) did it, not the subject of a sentence before
                passive_patients = after
                actor = [a for a in actor if a.start >= after.end]
            # (with no one named, اعتقلت شخصا، قتلت ثلاثة مدنيين: the people counted are the ones it was done to)
            counted = self._counted_patients(doc, span, etype) \
                if etype in FORCE_TYPES and not actor and not recipient and passive_patients is None else None
            if not actor and not recipient and passive_patients is None and counted is None:
                self._retold(doc, span, trig, etype, events, main_country)
                continue
            if etype not in UNCONDITIONAL and not any(a._.actor.get("sector") in POLITICAL for a in actor + recipient):
                self._retold(doc, span, trig, etype, events, main_country)
                continue  # a company honouring students, a team negotiating: no political actor, no event
            a_recs = [actor_record(a) for a in actor]
            r_recs = [actor_record(a) for a in recipient]
            k = sent_index(doc, sent.start)
            date, precision, date_source, date_end = self.when(doc, span, present=trig.kind == "pres")
            location = self.location(doc, span, main_country, visit=trig.mode == "visit" and etype == "CONSULT",
                                     spoken=etype in SPOKEN_TYPES, talk=etype in TALK_TYPES,
                                     remote=trig.mode == "phone",
                                     speaker_country=next((r["country"] for r in a_recs if r.get("country")), None))
            size = self.size(doc, span, etype)
            told = (date, precision, date_source, date_end)
            if after_story(doc, date, precision):
                # كانت مقررة في مارس القادم: a mention still to come gives no date to what has happened
                told = (None, "document", "document", None)
            if not r_recs and etype in FORCE_TYPES:
                # اعتقلت الشرطة 590 شخصا، أوقع قتيلا وخمسة جرحى: people counted but not named are the
                # ones it was done to, of the country where it happened
                country = (location or {}).get("country") or main_country
                q = passive_patients or counted or self._counted_patients(doc, span, etype, actor)
                group = None
                if q is not None:
                    # قتل 43 فلسطينيا: the people's own adjective says whose they are, and they did not act
                    # (or named from within it on: 5 مسلحين حوثيين, the armed men are the Houthis killed)
                    # (and the adjective right after them: جنديين إسرائيليين)
                    inside = [a for a in local if q.start <= a.start < q.end
                              or (a.start == q.end and a._.actor.get("kind") == "nationality")]
                    # 45 من عناصر تنظيم الدولة، 5 من جنود الجيش السوري: the people counted are members of
                    # the group named right after them (or from their noun on), and that group is the one hit
                    group = next((a for a in local if a._.actor.get("kind") != "nationality" and (
                        (a.start == q.end and doc[q.end - 1].norm_ in MEMBER_NOUNS)
                        or (q.start < a.start < q.end and doc[a.start].norm_ in MEMBER_NOUNS))), None)
                    if group is not None and group not in inside:
                        inside.append(group)
                    country = next((a._.actor.get("country") for a in inside if a._.actor.get("country")), country)
                    keep = [i for i, a in enumerate(actor) if a not in inside]
                    actor, a_recs = [actor[i] for i in keep], [a_recs[i] for i in keep]
                    subject = next((a for a in reversed(local) if a.end <= span.start and span.start - a.end <= 1
                                    and a.start >= sent.start and self._usable(a) and a not in inside), None)
                    if not actor and subject is not None:
                        actor, a_recs = [subject], [actor_record(subject)]  # إن الجيش قتل فلسطينيا: the subject before
                    elif not actor and (passive_patients is None or etype == "COERCE") and self._quote(doc, span) is not None:
                        # أعلن الجيش الإسرائيلي أنه قتل بالرصاص فلسطينيا: an armed force reporting what it did
                        speaker = self._speaker(doc, span, local)
                        if speaker is not None and speaker._.actor.get("sector") in ARMED and speaker not in inside:
                            actor, a_recs = [speaker], [actor_record(speaker)]
                if q is not None and group is not None:
                    recipient = [group]
                    r_recs = [dict(actor_record(group), text=doc[min(q.start, group.start):max(q.end, group.end)].text,
                                   start=min(q.start_char, group.start_char), end=max(q.end_char, group.end_char))]
                elif q is not None and country:
                    r_recs = [{"text": q.text, "name": None, "country": country, "sector": "CVL",
                               "start": q.start_char, "end": q.end_char}]
            window = doc[max(sent.start, span.start - 8):span.start]
            apart = any(t.norm_ in DAY_APART for t in window) and not any(t.text in CLAUSE_MARKS for t in window)
            if not apart and self._merge(by_sentence, etype, a_recs, r_recs, k, told, location, size):
                continue  # (with the people counted: a headline's arrest takes the 251 its body counts)
            conf = PRIOR.get(trig.kind, 0.5)
            conf += 0.12 if actor and sent_of(actor[0]).start == sent.start else 0
            conf += 0.08 if recipient else 0
            conf -= 0.15 if "vague" in trig.note or "ambiguous" in trig.note else 0
            named = ({r["country"] for r in a_recs if r.get("country")}, {r["country"] for r in r_recs if r.get("country")})
            # (a place found for the speaker's sake says nothing of the other side's country)
            where = main_country if (location or {}).get("source") == "speaker" else (location or {}).get("country")
            if where:
                # المدنيين، المتظاهرين، الحكومة with no country named: the country where it happens
                for rec, sp in zip(a_recs + r_recs, actor + recipient):
                    if rec["country"] is None and sp._.actor.get("kind") in ("role", "org") \
                            and sp._.actor.get("org_kind") not in STATELESS and rec["sector"] not in ("IGO", "REB"):
                        rec["country"] = where
            event = {
                "event": etype,
                "mode": trig.mode if etype == trig.type else None,
                "trigger": {"text": span.text, "start": span.start_char, "end": span.end_char},
                "sentence": k,
                "actor": a_recs,
                "recipient": r_recs,
                "location": location,
                "date": date,
                "date_precision": precision,
                "size": size,
                "confidence": round(max(0.05, min(0.95, conf)), 2),
                "_date_source": date_source,
                "_named": named,
            }
            if date_end:
                event["date_end"] = date_end  # بين عامي 2011 و2014: the range's last day, month or year
            if learned is not None or self.keep_features:
                event["_features"] = event_filter.features(doc, span, trig, event, domain, k == 0 and title, events)
            if self.keep_features and role_feats is not None:
                event["_role_candidates"] = [{"start": c.start_char, "end": c.end_char, "text": c.text,
                                              "country": (c._.actor or {}).get("country"), "features": f}
                                             for c, f in zip(role_cands, role_feats)]
            events.append(event)
            by_sentence.setdefault(k, []).append(event)
        self._incidents(doc, events, main_country)
        kept = []
        for event in events:
            del event["_date_source"], event["_named"]
            event["size"].pop("_approximate", None)
            feats = event.pop("_features", None) if not self.keep_features else event["_features"]
            if learned is not None:
                # the learned filter: its probability is the confidence; below its threshold, no event
                p = event_filter.probability(feats, learned)
                if p < learned["threshold"]:
                    continue
                event["confidence"] = round(event_filter.confidence(p, learned), 2)
            kept.append(event)
        doc._.events = kept
        return doc


@Language.factory("hadath_events")
def make_events(nlp: Language, name: str):
    return EventCoder(nlp)
