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
    "lang, msgid, msgstr, wrong, right",
    [
        # language words: ISO 639 writes the languages named with them with the country's name
        ("zh_CN", "Swedish", "瑞和语", "瑞和", "瑞典"),
        ("zh_CN", "Greek (simple)", "和腊语（简易）", "和腊", "希腊"),
        ("zh_CN", "Portuguese (Brazil)", "葡萄南语（巴西）", "葡萄南", "葡萄牙"),
        ("zh_CN", "Belgian (ISO, alt.)", "吉利时语（ISO，替代）", "吉利时", "比利时"),  # -ium, -ian
        # a label of one word, qualified in brackets: no running text
        ("zh_CN", "Montenegrin (Cyrillic, ZE and ZHE swapped)", "黑达语（西里尔）", "黑达", "黑山"),
        ("zh_CN", "Macao SAR", "王门特别行政区", "王门", "澳门"),  # 王 and 澳 share only rare yu
        ("zh_CN", "Russian (Georgia)", "俄语（和鲁吉亚）", "和鲁吉亚", "格鲁吉亚"),  # he: 格's rare
        ("zh_CN", "Aruba", "-鲁巴", "-鲁巴", "阿鲁巴"),  # the name alone: any character put in
        (
            "zh_CN",
            "United States Minor Outlying Islands",
            "美国本土外小邦屿",  # 岛 of 岛屿 is the name's, not its kind's
            "美国本土外小邦屿",
            "美国本土外小岛屿",
        ),
        ("zh_CN", "Republic of Botswana", "博兹瓦那共和班", "共和班", "共和国"),  # 博茨瓦纳 in ISO
        ("ru", "Czech Republic", "Чешская Республики", "Чешская Республики", "Чешская Республика"),
        ("ru", "Tonga (Tonga Islands)", "тонга (острова Тенга)", "Тенга", "Тонга"),  # тонга
        # two characters running on: judged by the English word's sounds (t, g: 汤加; 尔, er)
        ("zh_CN", "Tongatapu", "汤尔塔布岛", "汤尔", "汤加"),
        ("zh_CN", "Nei Mongol Zizhiqu", "内国古自治区", "国古", "蒙古"),  # m, g: 蒙古; 国, g
    ],
)
def test_a_country_named_by_msgid_is_checked_in_the_form_msgid_asks_for(
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
        ("zh_CN", "Cambodia", "柬埔寨"),  # ISO 639 writes 柬埔寨手语; ISO 3166 has 柬埔塞
        ("zh_CN", "German (US)", "德语（美国）"),  # 美国 is another country, no 德国 misspelt
        ("zh_CN", "Kyrgyz", "柯尔克孜语（吉尔吉斯语）"),  # the language: 吉尔吉斯坦 less -stan
        ("zh_CN", "Modern Greek (1453-)", "现代希腊语 (1453-)"),
        ("zh_CN", "Chinese people and Kazakh people are friends", "两国人民是朋友"),  # text
        ("ru", "Time in Tonga", "Время на Тонге"),  # inflected in a sentence
        ("zh_CN", "Sao Tome and Principe", "圣多美-普林西比"),  # a hyphen parts the name
        ("zh_CN", "Perugia", "佩鲁贾"),  # 秘鲁 (mi) is not Peru's sounds: nothing to judge by
        ("zh_CN", "Indiana", "印第安纳州"),  # 第 (di) writes India's d as 度 (du) does
        ("ru", "Tonga (Tonga Islands)", "тонга (острова Тонга)"),
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


def test_chinese_characters_are_one_sound_by_their_usual_readings():
    from aligner.facts.hanzi_sounds import homophones

    assert homophones("路", "卢") and homophones("玻", "波")  # lu, bo: variants of one sound
    assert not homophones("王", "澳")  # wang, ao: both may be read yu, neither usually is
    assert not homophones("和", "格")  # he, ge: 格 is he only rarely
