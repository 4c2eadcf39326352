from hadath.text import fold, normalize, split_clitics, split_sentences


def test_fold_spelling_variants():
    assert fold("أميركي") == fold("اميركي") == fold("إميركي")
    assert fold("مستشفى") == fold("مستشفي")
    assert fold("العراقية") == fold("العراقيه")
    assert fold("٢٠١٧") == "2017"
    assert fold("تَمّوز") == fold("تموز")
    assert fold("مـــؤتمر") == fold("مؤتمر")


def test_normalize_keeps_offsets_through_removed_characters():
    text = "قالَ الجيشُ إنّ"
    norm = normalize(text)
    assert "َ" not in norm.text
    i = norm.text.index("الجيش")
    s, e = norm.to_original(i, i + len("الجيش"))
    assert text[s:e] == "الجيشُ"[:-1] or text[s:e].startswith("الجيش")
    assert text[s:e].replace("ُ", "") == "الجيش"


def test_ligature_expands_and_maps_back():
    text = "ﻻ تراجع"
    norm = normalize(text)
    assert norm.text.startswith("لا")
    assert norm.to_original(0, 2) == (0, 1)


def test_presentation_forms_without_decomposition_stay():
    # the ornate brackets of Quranic quotations have no decomposition: kept, not folded forever
    assert fold("﴿ إنا ﴾") == "﴿ انا ﴾"
    every = "".join(map(chr, [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFD)]))
    assert len(normalize(every).offsets) == len(normalize(every).text)
    assert fold(every) == normalize(every).text


def test_sentences_news():
    t = "غزة.. احتجاجات وإطارات مشتعلة\nقال د. أحمد إن 3.5 مليون «نزحوا. ثم عادوا» أمس. وأضاف: هل هذا؟ نعم!\nسطر جديد"
    sents = [t[s:e] for s, e in split_sentences(t)]
    assert sents[0] == "غزة.. احتجاجات وإطارات مشتعلة"  # a headline is one sentence
    assert sents[1] == "قال د. أحمد إن 3.5 مليون «نزحوا. ثم عادوا» أمس."
    assert sents[2] == "وأضاف: هل هذا؟"
    assert sents[3] == "نعم!"
    assert sents[4] == "سطر جديد"
    one_line = "قال أحمد إنه عاد. وأضاف أنه سيبقى."  # no headline: a single line splits as ever
    assert len(split_sentences(one_line)) == 2


def test_sentences_blank_and_empty():
    assert split_sentences("") == []
    assert split_sentences("   \n\n ") == []


KNOWN = {"بغداد", "عراق", "العراق", "موصل", "الموصل", "دعم", "عراقيه", "وزاره", "زاره", "حث"}


def test_clitics_split_onto_known_stems():
    assert split_clitics("وبغداد", KNOWN) == ["و", "بغداد"]
    assert split_clitics("للعراق", KNOWN) == ["ل", "ل", "عراق"]
    assert split_clitics("بالموصل", KNOWN) == ["ب", "ال", "موصل"]
    assert split_clitics("والعراقية", KNOWN) == ["و", "ال", "عراقية"]


def test_the_article_of_lil_reads_as_the_article(nlp):
    # للعراق is ل + (ا)ل + عراق: the second ل is the article, so names written with ال meet it
    doc = nlp("دعم الولايات المتحدة للعراق ولليمن وقصف مواقع للمعارضة تابعة للجيش التركي")
    assert [t.norm_ for t in doc][5:8] == ["ل", "ال", "عراق"]
    assert {"عراق", "يمن"} <= {p.text for p in doc.spans["places"]}  # (the name, not its article's lam)
    assert "جيش التركي" in {m.text for m in doc.spans["mentions"]}
    assert any(m._.kb["sector"] == "OPP" for m in doc.spans["mentions"] if m.text == "معارضة")
    # but للندن and للبنان are ل + لندن and ل + لبنان, not the article on a village's name
    doc = nlp("وصل الوزير للندن ثم للبنان")
    assert [p._.geo["country"] for p in doc.spans["places"]] == ["GBR", "LBN"]


def test_clitics_keep_unknown_and_known_words_whole():
    assert split_clitics("بغداد", KNOWN) == ["بغداد"]
    assert split_clitics("بحث", KNOWN) == ["بحث"]  # not ب + حث: stems have three letters at least
    assert split_clitics("وزارة", KNOWN) == ["وزارة"]  # a known word is not و + زارة
    assert split_clitics("فلسطين", KNOWN) == ["فلسطين"]
    # and so after و/ف: وبحثا is و + بحثا "they discussed", not و + ب + حثا "they urged"
    known = KNOWN | {"بحثا", "حثا", "بدات", "دات"}
    assert split_clitics("وبحثا", known) == ["و", "بحثا"]
    assert split_clitics("فبدأت", known) == ["ف", "بدأت"]
    assert split_clitics("وبحثا", KNOWN | {"حثا"}) == ["و", "ب", "حثا"]  # (with only the stem known)


def test_clitic_pieces_keep_diacritics_and_concatenate():
    word = "وَبَغْدادَ"
    pieces = split_clitics(word, KNOWN)
    assert "".join(pieces) == word and len(pieces) == 2


def test_tokens_are_substrings_and_norms_are_folded(nlp):
    text = "  أكد الرئيسُ الأمريكي،\n\nوبغداد   لبغداد."
    doc = nlp.make_doc(text)
    assert doc.text == text
    for tok in doc:
        assert text[tok.idx:tok.idx + len(tok.text)] == tok.text
    norms = [t.norm_ for t in doc if not t.is_space]
    assert "بغداد" in norms and norms.count("بغداد") == 2


def test_hashtag_underscores_join_words_for_the_lexicons():
    from hadath.pipeline import extract

    rec = extract("قصفت #ميليشيات_الحوثي مواقع #الجيش_اليمني في #الحديدة، وقالت #الولايات_المتحدة إن #كوريا_الشمالية",
                  date="2018-03-01")
    got = {(e["text"], e.get("country") or (e.get("geo") or {}).get("country")) for e in rec["entities"]}
    assert {("ميليشيات_الحوثي", "YEM"), ("الجيش_اليمني", "YEM"), ("كوريا_الشمالية", "PRK")} <= got
    assert rec["events"][0]["actor"][0]["text"] == "ميليشيات_الحوثي"


def test_an_adjective_known_whole_keeps_its_accusative_alif():
    known = KNOWN | {"وزاري", "زاريا"}
    assert split_clitics("وزاريا", known) == ["وزاريا"]  # تعديلا وزاريا, not و + Zaria
    assert split_clitics("وزاريا", KNOWN | {"زاريا"}) == ["و", "زاريا"]  # (and Zaria where وزاري is not a word)


def test_names_of_abd_written_as_one_word_split_as_written_apart(nlp):
    def tokens(text):
        return [t.text for t in nlp.make_doc(text)]

    assert tokens("علي عبدالله صالح") == ["علي", "عبد", "الله", "صالح"] == tokens("علي عبد الله صالح")
    assert tokens("عبدالرحمن") == tokens("عبد الرحمن") == ["عبد", "ال", "رحمن"]
    assert tokens("وعبدالفتاح") == ["و", "عبد", "ال", "فتاح"]
    assert tokens("عبدربه") == ["عبدربه"] and tokens("عبد") == ["عبد"]  # (no divine name after it)
    doc = nlp("وقال علي عبدالله صالح إن")
    assert [a._.actor["name"] for a in doc.spans["actors"]] == ["Ali Abdullah Saleh"]


def test_the_divine_name_ending_a_name_names_no_one_later(nlp):
    doc = nlp("والتقى الشيخ عبدالعزيز بن عبدالله آل الشيخ بوفد.\nوقال: أسأل الله أن يتقبل الشهداء.")
    assert all(a.text != "الله" for a in doc.spans["actors"])
    # a title takes a name with عبد in it whole
    doc = nlp("وقاد الرئيس جمال عبدالناصر البلاد.")
    assert [a.text for a in doc.spans["actors"]] == ["الرئيس جمال عبدالناصر"]
