"""Catalog checks that take msgid as the evidence of a word's spelling: ``spelling`` (words
kept verbatim, misspelt), ``name`` (known country, language and currency names) and
``month`` (month names changed)."""

from __future__ import annotations

import polib
import pytest

from aligner.catalog import read_catalog
from aligner.checks import check_catalog


def catalog(tmp_path, pairs, lang="ru", name="c.po"):
    po = polib.POFile()
    po.metadata = {"Language": lang, "Content-Type": "text/plain; charset=UTF-8"}
    for msgid, msgstr in pairs:
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    path = tmp_path / name
    po.save(str(path))
    return path


def flagged(tmp_path, pairs, lang="ru", checks=("spelling",)):
    """(flagged text, expected) of every flag, and the flags."""
    path = catalog(tmp_path, pairs, lang)
    flags = check_catalog(path, list(checks))
    entries = {entry.index: entry for entry in read_catalog(path).entries}
    found = [
        (entries[f.entry].msgstr[f.paragraph or 0][f.start : f.end], f.expected) for f in flags
    ]
    return found, flags


# a Russian catalog: Cyrillic text around the names it keeps in Latin letters
RU_FILLER = [
    ("Open the file", "Открыть файл"),
    ("Save changes", "Сохранить изменения"),
    ("Print the document", "Напечатать документ"),
]


@pytest.mark.parametrize(
    "msgid, msgstr, wrong, right",
    [
        ("Runs on Windows and Linux", "Работает в Wintwos и Linux", "Wintwos", "Windows"),
        ("The Pixbuf loader failed", "Сбой загрузчика Pkbuf", "Pkbuf", "Pixbuf"),
        ("Written by Chet Ramey", "Автор: Cht Ramey", "Cht", "Chet"),
        ("Save as HTML", "Сохранить как LMTH", "LMTH", "HTML"),
        ("Pixbuf", "Рixbuf", "Рixbuf", "Pixbuf"),  # a Cyrillic Р among Latin letters
        (
            "invalid proto_version %s",
            "неверное значение proto_verson %s",
            "proto_verson",
            "proto_version",
        ),
    ],
)
def test_a_word_msgid_keeps_misspelt_in_msgstr_is_flagged_with_msgids_spelling(
    tmp_path, msgid, msgstr, wrong, right
):
    found, flags = flagged(tmp_path, RU_FILLER + [(msgid, msgstr)])
    assert found == [(wrong, right)]
    assert f'msgid says "{right}"' in flags[0].message


@pytest.mark.parametrize(
    "msgid, msgstr",
    [
        ("Restart GNOME now", "Перезапустить GNOME-ның"),  # a case ending after a hyphen
        ("Windows drivers", "Драйверы для Windows'а"),
        ("Convert GIFs", "Преобразовать GIF"),  # plural dropped
        ("Open with GdkPixbuf", "Открыть с помощью Pixbuf"),  # a shorter form
        ("Use the Bash shell", "Использовать оболочку bash"),  # case changed
        ("Runs on Windows", "Работает в Виндоус"),  # transliterated: other script
        ("unknown demangling style", "неизвестный стиль demangle"),  # another ending
        ("Be_fore:", "Пе_ред: Befroe"),  # a mnemonic is no identifier
    ],
)
def test_kept_forms_and_transliterations_are_not_misspellings(tmp_path, msgid, msgstr):
    found, _ = flagged(tmp_path, RU_FILLER + [(msgid, msgstr)])
    assert found == []


def test_a_word_the_translation_uses_in_other_messages_is_its_own(tmp_path):
    pairs = (
        RU_FILLER
        + [("Use Xorg", "Использовать Xorgs")]
        + [(f"Message {i}", f"Сообщение {i} Xorgs") for i in range(3)]
    )
    found, _ = flagged(tmp_path, pairs)
    assert found == []


def test_latin_script_translations_keep_only_identifiers_and_names_never_translated(tmp_path):
    pairs = [
        ("Open the Document", "Das Dokument öffnen"),  # translated, not misspelt
        ("WARNING: disk full", "WARNUNG: Festplatte voll"),
        ("Save as FILTER", "Als FILTRE speichern"),
        ("Uses GdkPixbuf", "Nutzt GdkPixbf"),  # an identifier: misspelt
        ("Runs on Windows", "Läuft unter Wintows"),
    ]  # Windows is translated...
    found, _ = flagged(tmp_path, pairs, lang="de")
    assert found == [("GdkPixbf", "GdkPixbuf")]
    kept = [(f"Install on Windows {i}", f"Installieren unter Windows {i}") for i in range(4)]
    found, flags = flagged(tmp_path, pairs + kept, lang="de")  # ... unless always kept
    assert ("Wintows", "Windows") in found
    assert any("kept as is in 4 other messages" in f.message for f in flags)


def test_chinese_translation_keeps_latin_words(tmp_path):
    msgid = "Bidirectional operation between a Subversion repository and Git"
    found, _ = flagged(tmp_path, [(msgid, "Subersion 仓库和 Git 之间的双向操作")], lang="zh_CN")
    assert found == [("Subersion", "Subversion")]


@pytest.mark.parametrize(
    "lang, msgid, msgstr, wrong, right",
    [
        ("ru", "Eritrea", "Эритея", "Эритея", "Эритрея"),
        ("ru", "Time in Eritrea", "Время в Эриртее", "Эриртее", "Эритрея"),
        ("ru", "Germany", "Германиы", "Германиы", "Германия"),  # no case of Германия
        ("kk", "Kazakhstan", "Қазақсатн", "Қазақсатн", "Қазақстан"),
        ("ru", "Russian Ruble", "Российкий рубль", "Российкий рубль", "Российский рубль"),
        (
            "ru",
            "Micronesia, Federated States of",
            "Федеративные Штаты Фикронезии",
            "Федеративные Штаты Фикронезии",
            "Федеративные Штаты Микронезии",
        ),
        ("de", "Angola", "Angoa", "Angoa", "Angola"),
        ("kk", "Georgian", "Гузия", "Гузия", "Грузия"),  # msgid's adjective
        ("ru", "Tigrigna-Eritrean (EZ+)", "Тигринья-Эритвея (EZ+)", "Эритвея", "Эритрея"),
        ("zh_CN", "Ethiopia", "埃塞加比亚", "埃塞加比亚", "埃塞俄比亚"),  # 加 is not 俄's sound
        (
            "zh_CN",
            "Tigrigna-Eritrean (EZ+)",
            "乌立特里亚提格里尼亚语(EZ+)",
            "乌立特里亚",
            "厄立特里亚",
        ),
        ("zh_CN", "South Africa", "济非", "济非", "南非"),  # two characters: msgid names it
        ("zh_CN", "Tunis", "突尼亚", "突尼亚", "突尼斯"),  # a word the name begins
        ("zh_CN", "Italics", "共大利体", "共大利", "意大利"),  # a word begun by the name
        ("zh_CN", "Syriac", "叙利英文", "叙利英", "叙利亚"),
        ("zh_CN", "Icelandic", "冰摩语", "冰摩", "冰岛"),  # two characters, a word of its own
    ],
)
def test_a_known_country_or_currency_misspelt_gets_its_known_translation(
    tmp_path, lang, msgid, msgstr, wrong, right
):
    found, flags = flagged(tmp_path, [(msgid, msgstr)], lang=lang, checks=("name",))
    assert found == [(wrong, right)]
    english = flags[0].evidence["en"]
    assert english[:4] in msgid and f'msgid says "{english}"' in flags[0].message


@pytest.mark.parametrize(
    "lang, msgid, msgstr",
    [
        ("ru", "Time in Eritrea", "Время в Эритрее"),  # inflected
        ("kk", "Made in Kazakhstan", "Қазақстанда жасалған"),  # a case ending
        ("ru", "Côte d'Ivoire", "Кот-д’Ивуар"),  # another apostrophe
        ("ru", "Saint Barthélemy", "Сен-Бартёльми"),  # ё for е
        ("ru", "Bolivia", "Многонациональное Государство Боливия"),  # another form altogether
        ("zh_CN", "Bolivia", "波利维亚"),  # 玻/波: a transliteration
        ("zh_CN", "Saint Lucia", "圣路西亚"),  # 路/卢: one sound (lu), another character
        ("zh_CN", "Virgin Islands, U.S.", "美属维京群岛"),  # 维尔京 with a syllable left out
        ("zh_CN", "Chinese (Simplified)", "中文（简体）"),  # 中国's language: 2 characters
        ("zh_CN", "Jersey", "泽西州"),  # 泽西岛: a state for an island
        ("zh_CN", "German", "德语"),  # 德国's language
        ("zh_CN", "Île-de-France", "法兰西岛"),  # 法兰西共和国, France's official name
        ("zh_CN", "Malayalam", "马拉雅拉姆语"),  # Mala... is no Malawi (马拉维)
        ("zh_CN", "Japanese", "日语"),  # 日本's language: 语 for 本
        ("zh_CN", "Chinese, Late Middle", "中古汉语"),  # 中古 runs on: no 中国 there
        ("zh_CN", "Chinese, Min Zhong", "汉语, 闽中话"),  # 话, a language's word
        ("zh_CN", "Relations between China and Kazakhstan are good", "中哈关系良好"),  # text
        ("zh_CN", "South Dakota", "南达科他州"),  # "South" is no South Africa (南非)
        ("zh_CN", "Nigeria", "尼日利亚"),  # a name of its own, not Niger (尼日尔)
        ("ru", "Malayalam", "Малайялам"),  # languages vary: not checked
        ("de", "New Mexico", "New Mexico"),  # the English name kept
        ("ru", "Georgian", "грузинский"),  # the adjective, not the name
        ("ru", "Panama Canal Zone", "Зона Панамского канала"),  # "Canal" is no Canada
        ("es", "German (Switzerland)", "Alemán (Suizo)"),  # an adjective
        ("de", "Fang (Equatorial Guinea)", "Fang (Äquatorial-Guinea)"),  # words run apart
    ],
)
def test_known_names_written_another_accepted_way_are_not_flagged(tmp_path, lang, msgid, msgstr):
    found, _ = flagged(tmp_path, [(msgid, msgstr)], lang=lang, checks=("name",))
    assert found == []


@pytest.mark.parametrize(
    "lang, msgid, msgstr, wrong, right",
    [
        ("ru", "in May", "в марте", "марте", "мае"),  # the case kept
        ("ru", "May", "Март", "Март", "Май"),
        ("ru", "Jan", "Мар", "Мар", "Янв"),  # a calendar's abbreviation
        ("ru", "Due on 17 Mar", "Срок: 17 апр.", "апр.", "мар."),
        ("kk", "in May", "наурызда", "наурызда", "мамырда"),  # the ending follows the stem
        ("kk", "in September", "сәуірде", "сәуірде", "қыркүйекте"),
        ("kk", "Jan", "Нау", "Нау", "Қаң"),
        ("zh_CN", "in May", "三月", "三", "五"),
        ("zh_CN", "in May", "3月", "3", "5"),
    ],
)
def test_a_month_changed_is_flagged_in_the_translations_own_form(
    tmp_path, lang, msgid, msgstr, wrong, right
):
    found, flags = flagged(tmp_path, [(msgid, msgstr)], lang=lang, checks=("month",))
    assert found == [(wrong, right)]
    assert "msgid says" in flags[0].message


@pytest.mark.parametrize(
    "lang, msgid, msgstr",
    [
        ("ru", "You may go", "Можно идти в марте"),  # "may" is no month
        ("ru", "May I help?", "Помочь в марте?"),
        ("kk", "Add a goose", "Қаз қосу"),  # қаз: a goose, not October
        ("ru", "in May", "в мае"),
        ("ru", "Released on 17 May 2023", "Выпущено 17 марта 2023"),  # the number check's date
    ],
)
def test_months_said_alike_or_not_months_at_all_are_not_flagged(tmp_path, lang, msgid, msgstr):
    found, _ = flagged(tmp_path, [(msgid, msgstr)], lang=lang, checks=("month",))
    assert found == []
