"""Country names, short copies of msgid and messages in the wrong language that issue 15's
seed 6 catalogs showed the checks missing, each beside the faithful translation that must
stay quiet."""

from __future__ import annotations

import polib

from aligner.catalog import read_catalog
from aligner.checks import check_catalog
from tests.test_checks_recall import catalog, flags_of


def test_a_catalog_whose_msgid_is_the_c_locale_is_checked_as_english(tmp_path):
    """gnome-terminal's zh_CN catalog names its source language "C": the POSIX locale,
    whose messages are the program's English, so msgid's country names are checked."""
    path = catalog(tmp_path, [("Croatian", "国罗地亚语"), ("Ukrainian", "乌克兰语")], lang="zh_CN")
    po = polib.pofile(str(path))
    po.metadata["X-Source-Language"] = "C"
    po.save(str(path))
    assert read_catalog(path).source_language == "en"
    found = flags_of(path, ["name"])
    assert [(msgid, expected) for msgid, _, expected, _ in found] == [("Croatian", "克罗地亚")]


def _expected(path):
    return [(msgid, expected) for msgid, _, expected, _ in flags_of(path, ["name"])]


def test_a_currency_kazakh_has_no_iso_name_for_is_checked_by_its_country(tmp_path):
    """pycountry has no Kazakh ISO 4217 catalog: "Algerian Dinar" is "Алжир динары", the
    country's name and the unit's, so the country's name is what is checked."""
    path = catalog(
        tmp_path,
        [
            ("Algerian Dinar", "Ащжир динары"),
            ("New Zealand Dollar", "Жаа Зеландия доллары"),
            ("Tunisian Dinar", "Тунис динары"),
            ("Canadian Dollar", "Канадалық доллар"),
        ],
        lang="kk",
    )
    assert _expected(path) == [("Algerian Dinar", "Алжир"), ("New Zealand Dollar", "Жаңа Зеландия")]


def test_irregular_adjectives_name_their_country(tmp_path):
    """ "Danish" is Denmark's, "Cypriot" Cyprus's: no ending put on the name makes them."""
    path = catalog(
        tmp_path,
        [("Danish Krone", "Дния кронасы"), ("Cypriot", "Кигр"), ("Swiss Franc", "Швейцар франкі")],
        lang="kk",
    )
    assert _expected(path) == [("Danish Krone", "Дания"), ("Cypriot", "Кипр")]


def test_an_adjective_names_a_country_by_its_short_cldr_name(tmp_path):
    """Kazakh writes Russia Ресей (CLDR), the ISO catalog "Ресей Федерациясы" for the
    Russian Federation: "Кирил/Ресе" is the short name misspelt."""
    path = catalog(
        tmp_path,
        [("Cyrillic/Russian", "Кирил/Ресе"), ("Cyrillic/Ukrainian", "Кирил/Украина")],
        "kk",
    )
    assert _expected(path) == [("Cyrillic/Russian", "Ресей")]


def test_a_country_written_as_cldr_writes_it_is_no_misspelling(tmp_path):
    """CLDR is a second authority beside the ISO catalogs: "Американское Самоа" (the ISO
    catalog has "Американские Самоа"), 吉尔吉斯斯坦 (吉尔吉斯坦); near misses of both are
    still misspelt."""

    def entries(name, right, wrong):
        return [
            polib.POEntry(msgctxt="country", msgid=name, msgstr=right),
            polib.POEntry(msgctxt="timezone", msgid=name, msgstr=wrong),
        ]

    ru = catalog(tmp_path, entries("American Samoa", "Американское Самоа", "Американскее Самоа"))
    zh = catalog(tmp_path, entries("Kyrgyzstan", "吉尔吉斯斯坦", "吉尔吉期坦"), "zh_CN", "zh.po")
    for path, wrong in ((ru, "Американскее Самоа"), (zh, "吉尔吉期坦")):
        entries_of = {e.index: e.msgstr for e in read_catalog(path).entries}
        flagged = [f.entry for f in check_catalog(path, ["name"])]
        assert [entries_of[i] for i in flagged] == [(wrong,)]


def test_a_russian_adjective_is_no_country_name_misspelt(tmp_path):
    """ "Казахская" for "Kazakh" is the adjective, three letters from Казахстан."""
    path = catalog(
        tmp_path, [("Kazakh", "Казахская"), ("Slovak (QWERTY)", "Словацкая (QWERTY)")], "ru"
    )
    assert _expected(path) == []


def test_a_near_miss_inside_another_country_name_is_that_name(tmp_path):
    """和国 of 刚果民主共和国 is one character from 法国, and the Congo's name written right."""
    path = catalog(
        tmp_path,
        [("French (Democratic Republic of the Congo)", "法语（刚果民主共和国）")],
        lang="zh_CN",
    )
    assert _expected(path) == []


def test_a_two_character_name_running_on_is_misspelt_where_no_word_holds_it(tmp_path):
    """德国 running on into 正规 was taken for part of a longer word (中古 of 中古汉语 is no
    中国): 苏国 and 布岛 are in no Chinese word, so they are the names misspelt; a kind
    word (人) in the name's first place is no derived word (日语) either."""
    path = catalog(
        tmp_path,
        [
            ("Fan-Fold German Legal", "苏国正规折叠式"),
            ("Icelandic Krona", "布岛克朗"),
            ("Czech (programming)", "人克语（programming）"),
            ("Chinese, Late Middle", "中古汉语"),
            ("El Beni", "贝尼省"),
            ("Danish Krone", "丹麦克朗"),
        ],
        lang="zh_CN",
    )
    assert _expected(path) == [
        ("Fan-Fold German Legal", "德国"),
        ("Icelandic Krona", "冰岛"),
        ("Czech (programming)", "捷克"),
    ]


def test_a_key_label_kept_as_msgid_is_no_missed_translation(tmp_path):
    """msgctxt "keyboard label": "End" is what the key has printed on it, which catalogs
    keep as often as translate; the same copy without that context is flagged."""
    translated = [
        ("End of file", "Конец файла"),
        ("The end", "Конец"),
        ("Open the file", "Открыть файл"),
        ("Save the file", "Сохранить файл"),
    ]
    quiet = catalog(
        tmp_path, [*translated, polib.POEntry(msgctxt="keyboard label", msgid="End", msgstr="End")]
    )
    assert flags_of(quiet, ["untranslated"]) == []
    loud = catalog(tmp_path, [*translated, ("End", "End")], name="d.po")
    assert [msgid for msgid, *_ in flags_of(loud, ["untranslated"])] == ["End"]


def test_msgids_words_run_into_chinese_are_copied_not_a_foreign_language(tmp_path):
    """Chinese writes no space: "必须是smallint、integer或bigint" keeps msgid's type names,
    which are no Norwegian; a Russian message in a Chinese catalog is still found."""
    path = catalog(
        tmp_path,
        [
            (
                "identity column type must be smallint, integer, or bigint",
                "标识列类型必须是smallint、integer或bigint",
            ),
            (
                "cannot use ldapsearchattribute together with ldapsearchfilter",
                "无法和ldapsearchfilter一同使用ldapsearchattribute",
            ),
            ("%s: not an indexed array", "%s: это не индексированный массив"),
        ],
        lang="zh_CN",
    )
    assert [msgid for msgid, *_ in flags_of(path, ["language"])] == ["%s: not an indexed array"]


def test_russian_grammar_in_a_kazakh_catalog(tmp_path):
    """An imperative in -ите, a case in -ции: Russian endings no Kazakh word takes."""
    path = catalog(
        tmp_path,
        [
            ("Pick a Color", "Выберите цвет"),
            ("Tab Stops", "Метки табуляции"),
            ("Animation", "Анимация"),
            ("Open File", "Файлды ашу"),
        ],
        lang="kk",
    )
    assert [msgid for msgid, *_ in flags_of(path, ["language"])] == ["Pick a Color", "Tab Stops"]


def test_a_name_written_as_it_sounds_is_no_russian_in_a_kazakh_catalog(tmp_path):
    """A place name transliterated ends as it sounds ("Пасадена", "Гарден-Гров") and may
    match msgid by its consonants only ("Вейкросс", Waycross): no Russian evidence."""
    path = catalog(
        tmp_path,
        [
            ("Pasadena", "Пасадена"),
            ("Garden Grove", "Гарден-Гров"),
            ("Waycross", "Вейкросс"),
            ("Pick a Color", "Выберите цвет"),
            ("Open File", "Файлды ашу"),
        ],
        lang="kk",
    )
    assert [msgid for msgid, *_ in flags_of(path, ["language"])] == ["Pick a Color"]


def test_kazakh_with_few_of_its_letters_in_a_russian_catalog(tmp_path):
    """ "Аты "." таңбасынан басталатын файлдар жасырын": one word in five has a letter only
    Kazakh writes, and the detector, told Kazakh or Russian, is sure it is Kazakh, and of
    the words without those letters too; a Kazakh name quoted in Russian is no Kazakh."""
    path = catalog(
        tmp_path,
        [
            (
                "File names starting with a “.” are hidden",
                'Аты "." таңбасынан басталатын файлдар жасырын',
            ),
            ("US Gallons", "АҚШ галлондары"),
            ("Capital of the Republic of Kazakhstan", "Столица Республики Казахстан (Қазақстан)"),
        ],
    )
    assert [msgid for msgid, *_ in flags_of(path, ["language"])] == [
        "File names starting with a “.” are hidden",
        "US Gallons",
    ]


def test_kazakh_without_its_letters_is_not_russian(tmp_path):
    """ "Пропорционалды балама вертикалды метрикалар" has no letter only Kazakh writes, and
    its endings are Kazakh to the detector; "Черногория" is Montenegro's ISO name in Kazakh."""
    path = catalog(
        tmp_path,
        [
            (
                "Proportional Alternate Vertical Metrics",
                "Пропорционалды балама вертикалды метрикалар",
            ),
            ("Montenegro", "Черногория"),
            (
                "The following packages have to be updated:",
                "Следующие пакеты должны быть обновлены:",
            ),
            ("Open File", "Файлды ашу"),
        ],
        lang="kk",
    )
    assert [msgid for msgid, *_ in flags_of(path, ["language"])] == [
        "The following packages have to be updated:"
    ]


def test_a_kept_name_near_a_copied_word_makes_no_kept_block(tmp_path):
    """ "Capacity" copied beside the kept "Chet Ramey": a person's name is kept for being one
    and says nothing of whether the catalog keeps words; scheme names that are words
    ("Cobalt", "Oblivion") kept side by side are a kept block."""
    translated = [
        (f"Open the {w}", f"Открыть {r}") for w, r in (("file", "файл"), ("disk", "диск"))
    ]
    path = catalog(
        tmp_path,
        [
            *translated,
            ("Chet Ramey", "Chet Ramey"),
            ("Capacity", "Capacity"),
            *[(f"Close the {w}", f"Закрыть {r}") for w, r in (("file", "файл"), ("disk", "диск"))],
            *[(f"Save the {w}", f"Сохранить {r}") for w, r in (("file", "файл"), ("disk", "диск"))],
            *[(f"Show the {w}", f"Показать {r}") for w, r in (("file", "файл"), ("disk", "диск"))],
            ("Cobalt", "Cobalt"),
            ("Oblivion", "Oblivion"),
        ],
    )
    assert [msgid for msgid, *_ in flags_of(path, ["untranslated"])] == ["Capacity"]


def test_a_soft_russian_stem_takes_no_hard_ending(tmp_path):
    """Эритрея declines Эритреи, Эритрее, Эритрею: "Эритреы" is the name misspelt, not a
    case of it; Куба takes Кубы."""
    path = catalog(
        tmp_path,
        [
            ("Tigrigna-Eritrean (EZ+)", "Тигринья-Эритреы (EZ+)"),
            ("Cuban Peso", "Песо Кубы"),
            ("Eritrean Nakfa", "Накфа Эритреи"),
        ],
    )
    assert _expected(path) == [("Tigrigna-Eritrean (EZ+)", "Эритрея")]


def test_a_qualifier_kept_says_nothing_of_the_name_before_it(tmp_path):
    """ "Slovak (Sun Type 6/7)" copied in a catalog that writes "Slovak" as 斯洛伐克语 in
    every other layout and keeps "Sun Type 6/7" as it stands."""
    path = catalog(
        tmp_path,
        [
            ("Slovak", "斯洛伐克语"),
            ("Slovak (QWERTY)", "斯洛伐克语(QWERTY)"),
            ("Slovak (extended backslash)", "斯洛伐克语(扩展反斜杠)"),
            ("German (Sun Type 6/7)", "德语(Sun Type 6/7)"),
            ("French (Sun Type 6/7)", "法语(Sun Type 6/7)"),
            ("Slovak (Sun Type 6/7)", "Slovak (Sun Type 6/7)"),
            ("Sun Type 6/7 (USB)", "Sun Type 6/7 (USB)"),
        ],
        lang="zh_CN",
    )
    assert [msgid for msgid, *_ in flags_of(path, ["untranslated"])] == ["Slovak (Sun Type 6/7)"]


def test_a_name_alone_in_a_labels_qualifier_is_uninflected(tmp_path):
    """ "Русская (Польши, фонетическая)": an item of a qualifier names the country as it is
    called, Польша; in running text "Клавиатура Польши" is its genitive."""
    path = catalog(
        tmp_path,
        [
            ("Russian (Poland, phonetic Dvorak)", "Русская (Польши, фонетическая, Дворак)"),
            ("Polish (Poland)", "Польская (Польша)"),
            ("Keyboard of Poland", "Клавиатура Польши"),
        ],
    )
    assert _expected(path) == [("Russian (Poland, phonetic Dvorak)", "Польша")]


def test_an_inflected_common_verb_is_a_common_word(tmp_path):
    """wordfreq's small list lacks "omitting"; "omit" is a common English verb, so
    "%s: Omitting" copied alone is a common word left in English."""
    path = catalog(
        tmp_path,
        [
            ("%s: Cannot open", "%s: Не удалось открыть"),
            ("%s: Removing leading `/'", "%s: Удаляется начальный `/'"),
            ("%s: Omitting", "%s: Omitting"),
            ("%s: file changed as we read it", "%s: файл изменился во время чтения"),
        ],
    )
    assert [msgid for msgid, *_ in flags_of(path, ["untranslated"])] == ["%s: Omitting"]


def test_a_copied_sentence_of_translated_words_in_a_catalog_that_copies_often(tmp_path):
    """ "section [%5u] in group section [%5u] > maximum section [%5u]": three words in small
    letters the catalog translates elsewhere and never keeps, though it keeps many commands
    as they stand (readelf, objdump, ...)."""
    path = catalog(
        tmp_path,
        [
            ("invalid section %s", "неверный раздел %s"),
            ("group %s is empty", "группа %s пуста"),
            ("maximum depth %d", "максимальная глубина %d"),
            *[
                pair
                for n, word in enumerate(("readelf", "objdump", "addr2line", "strings", "elfedit"))
                for pair in (
                    (word, word),
                    (f"cannot open file {n}", f"не удалось открыть файл {n}"),
                )
            ],
            (
                "section [%5u] in group section [%5u] > maximum section [%5u]\n",
                "section [%5u] in group section [%5u] > maximum section [%5u]\n",
            ),
        ],
    )
    assert "section [%5u] in group section [%5u] > maximum section [%5u]\n" in [
        msgid for msgid, *_ in flags_of(path, ["untranslated"])
    ]


# seed 7's misses (issue 15, fourth round)


def test_a_country_name_misspelt_inside_a_hyphenated_place_name(tmp_path):
    """ "Альто-Парагваж", "Нью-Дерси": a country's name is a part of a hyphenated place
    name; "Нью-Мексико" writes the English sound there (the country is "Мексика"), a final
    vowel apart, and "Альто-Парагвай" is right."""
    path = catalog(
        tmp_path,
        [
            ("Alto Paraguay", "Альто-Парагваж"),
            ("New Jersey", "Нью-Дерси"),
            ("New Mexico", "Нью-Мексико"),
            ("Alto Parana", "Альто-Парагвай"),
        ],
    )
    assert _expected(path) == [("Alto Paraguay", "Парагвай"), ("New Jersey", "Джерси")]


def test_a_name_written_with_its_accents_and_one_filed_by_its_proper_part(tmp_path):
    """msgid "Panamá" is Panama with its accent; "Congo, Republic of the" is the Republic
    of the Congo as a sorted list files it."""
    ru = catalog(tmp_path, [("Panamá", "Паанма"), ("Perú", "Перу")])
    kk = catalog(
        tmp_path,
        [("Congo, Republic of the", "Конго Ремпублкиасы"), ("Korea, Republic of", "Корея")],
        "kk",
        "kk.po",
    )
    assert _expected(ru) == [("Panamá", "Панама")]
    assert _expected(kk) == [("Congo, Republic of the", "Конго Республикасы")]


def test_one_word_in_letters_only_turkic_languages_write_is_kazakh_in_russian(tmp_path):
    """ә ғ қ ң ө ұ ү һ are in no Slavic alphabet (і is Ukrainian too): "Түс", "Түс аты",
    "Сан-Томе және Принсипи" are Kazakh however short; a Kazakh name in quotes or one
    msgid has is cited."""
    path = catalog(
        tmp_path,
        [
            ("Color", "Түс"),
            ("Color Name", "Түс аты"),
            ("Sao Tome and Principe", "Сан-Томе және Принсипи"),
            ("Width", "Ені"),
            ("Capital of Kazakhstan", "Столица Казахстана (Астана)"),
            ("Capital of the Republic", "Столица Республики Казахстан «Қазақстан»"),
            ("Kazakhstan, in Kazakh Қазақстан", "Казахстан, по-казахски Қазақстан"),
        ],
    )
    assert [msgid for msgid, *_ in flags_of(path, ["language"])] == [
        "Color",
        "Color Name",
        "Sao Tome and Principe",
    ]


def test_a_peoples_word_in_in_is_no_misspelling(tmp_path):
    """Kazakh "Украин" (of "Украина") and "Грузин" (of "Грузия") are the words for a
    Ukrainian, a Georgian; "Итали" and "Канад" drop Италия's and Канада's last letter,
    "Грузиж" puts a letter in: slips."""
    path = catalog(
        tmp_path,
        [
            ("Cyrillic/Ukrainian", "Кириллица/Украин"),
            ("Georgian", "Грузин"),
            ("Italian", "Итали"),
            ("Canadian Aboriginal", "Канад аборигендері"),
            ("Georgian Supplement", "Грузиж қосымша"),
        ],
        "kk",
    )
    assert _expected(path) == [
        ("Italian", "Италия"),
        ("Canadian Aboriginal", "Канада"),
        ("Georgian Supplement", "Грузия"),
    ]


def test_a_currency_is_its_countrys_first_character_and_its_units(tmp_path):
    """日元 ("Japanese Yen"), 泰铢 ("Thai Baht"), 法郎 ("CFA Franc") are currencies, no 日本,
    泰国, 法国 misspelt; 港币 and the ISO catalog's 港元 both say "Hong Kong money"; 日夲元 is
    Japan misspelt."""
    path = catalog(
        tmp_path,
        [
            ("Japanese Yen", "日元"),
            ("Thai Baht", "泰铢"),
            ("CFA Franc", "中非法郎"),
            ("Hong Kong Dollar", "港币"),
            ("Japanese Yen (old)", "日夲元"),
        ],
        "zh_CN",
    )
    assert _expected(path) == [("Japanese Yen (old)", "日本")]


def test_a_name_written_as_it_sounds_has_no_russian_endings_in_kazakh(tmp_path):
    """ "Майами", "Хелена" end like Russian words, but msgid is a name (capitalised, never
    in small letters in the catalog) that they read like; "Экваториальная Гвинея" has a
    Russian adjective's ending, and "Выполнено" is no name."""
    path = catalog(
        tmp_path,
        [
            ("Miami", "Майами"),
            ("Helena", "Хелена"),
            ("Equatorial Guinea", "Экваториальная Гвинея"),
            ("Done", "Выполнено"),
            ("Open File", "Файлды ашу"),
        ],
        lang="kk",
    )
    assert [msgid for msgid, *_ in flags_of(path, ["language"])] == ["Equatorial Guinea", "Done"]


def test_a_dependency_word_and_brackets_are_no_misspelling(tmp_path):
    """荷属 is "held by the Netherlands" (荷属安的列斯盾), no 荷兰 misspelt, where 新喀里多尼属
    is New Caledonia misspelt; "Дирхам ОАЭ" is the ISO catalog's "Дирхам (ОАЭ)" without
    its brackets, "Дирхем (ОАЭ)" a slip."""
    zh = catalog(
        tmp_path,
        [("Netherlands Antillean Guilder", "荷属安的列斯盾"), ("New Caledonia", "新喀里多尼属")],
        "zh_CN",
        "zh.po",
    )
    ru = catalog(tmp_path, [("UAE Dirham", "Дирхам ОАЭ"), ("UAE Dirham (old)", "Дирхем (ОАЭ)")])
    assert _expected(zh) == [("New Caledonia", "新喀里多尼亚")]
    assert _expected(ru) == [("UAE Dirham (old)", "Дирхам (ОАЭ)")]


def test_dollar_codes_glued_to_the_text_are_kept(tmp_path):
    """hexchat's "%O$tNotify" and "*$t$1" glue their $ codes to the text around them: a
    msgstr with fewer of them lacks one, one with "$программа" has one translated; the
    faithful "$t$1" stays quiet, and so do a price in prose and printf's "%1$s"."""
    path = catalog(
        tmp_path,
        [
            ("%C23*%O$tNotify: %C18$1%C is back", "%C23*%O$программа: %C18$1%C вернулся!"),
            ("%C23*$t$1 ($3%C23) has joined", "%C23*1 ($3%C23) был добавлен"),
            ("%C24*$t$1 ($2%C24) has left", "%C24*$t$1 ($2%C24) вышел"),
            ("It costs $5", "Это стоит 5 долларов"),
            ("Down: %1$s, Up: %2$s", "Загрузка: %s, отдача: %s"),
        ],
    )
    assert [msgid for msgid, *_ in flags_of(path, ["variable"])] == [
        "%C23*%O$tNotify: %C18$1%C is back",
        "%C23*$t$1 ($3%C23) has joined",
    ]
