"""A msgstr cut short that keeps a well-formed beginning (issue 15): found by how far
shorter it is and how few messages end where it ends, or by which of msgid's translations
it keeps (the first) and lacks (the last); a terse translation of the same length stays
quiet."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.test_checks_recall import catalog, flags_of

# labels "Model of the X" translated "Модель X" throughout: the catalog's "Модель" is always
# followed by what it is the model of
MODELS = [
    (f"Model of the {en} list", f"Модель списка {ru}")
    for en, ru in (
        ("file", "файлов"),
        ("folder", "папок"),
        ("printer", "принтеров"),
        ("device", "устройств"),
        ("socket", "сокетов"),
        ("archive", "архивов"),
    )
]
# and a length habit with a real catalog's spread (translations a third shorter to half as
# long again): "Could not open the X in the Y." as "Не удалось открыть X в Y." and the like
OPENING = (
    "Не открыть",
    "Нельзя открыть",
    "Не удалось открыть",
    "Ошибка: не удалось открыть",
    "Ошибка при попытке: не удалось открыть",
)
OPENED = [
    (f"Could not open the {en} in the {place}.", f"{OPENING[k % len(OPENING)]} {ru} в {where}.")
    for k, ((en, ru), (place, where)) in enumerate(
        (noun, place)
        for noun in (("file", "файл"), ("image", "образ"), ("disk", "диск"), ("page", "страницу"))
        for place in (
            ("menu", "меню"),
            ("window", "окне"),
            ("editor", "редакторе"),
            ("panel", "панели"),
            ("viewer", "просмотрщике"),
            ("browser", "обозревателе"),
            ("terminal", "терминале"),
            ("sidebar", "боковой панели"),
            ("toolbar", "панели инструментов"),
            ("dialog", "диалоге"),
        )
    )
]
CUT_MODEL = "The outline's child model"
# "Default model", "Basic model", "Simple model" as "Модель": "Модель" ends messages here
LABELS_MODEL = [(f"{en} model", "Модель") for en in ("Default", "Basic", "Simple")]


def test_a_far_shorter_msgstr_ending_where_few_messages_end_is_flagged(tmp_path):
    path = catalog(tmp_path, OPENED + MODELS + [(CUT_MODEL, "Модель")])
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [(CUT_MODEL, "truncation")]
    assert '"модель", which ends few of the messages it is in' in found[0][3]


def test_a_word_the_catalog_ends_messages_with_is_no_cut_end(tmp_path):
    path = catalog(tmp_path, OPENED + MODELS + LABELS_MODEL + [(CUT_MODEL, "Модель")])
    assert flags_of(path, ["truncation"]) == []


def test_a_msgstr_a_fraction_of_what_the_catalog_gives_is_a_cut_whatever_its_end(tmp_path):
    # ending like the catalog's labels, but a sixth of the length such a msgid gets
    long = "The child model of the outline in the sidebar"
    path = catalog(tmp_path, OPENED + MODELS + LABELS_MODEL + [(long, "Модель")])
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [(long, "truncation")]
    assert found[0][3].startswith("msgstr cut short? 6 characters where")


def test_an_official_long_name_given_its_short_form_is_no_cut(tmp_path):
    # ISO catalogs: "Iran, Islamic Republic of" as "Иран", "Holy See (Vatican City State)"
    # as "Ватикан", "Russian Federation" as "Россия" (a country's name)
    names = [
        ("Iran, Islamic Republic of", "Иран"),
        ("Holy See (Vatican City State)", "Ватикан"),
        ("Russian Federation", "Россия"),
    ]
    path = catalog(tmp_path, OPENED + MODELS + names)
    assert flags_of(path, ["truncation"]) == []


# a catalog of word-for-word labels, so that it learns each word's translation; words of
# group A come first, of C last
A = (
    ("alpha", "альфа"),
    ("bravo", "браво"),
    ("delta", "дельта"),
    ("echo", "эхо"),
    ("golf", "гольф"),
    ("hotel", "отель"),
)
B = (
    ("india", "индия"),
    ("juliet", "джульетта"),
    ("kilo", "килограмм"),
    ("lima", "лимон"),
    ("mike", "микрофон"),
    ("oscar", "оскар"),
)
C = (
    ("papa", "папка"),
    ("quebec", "квебек"),
    ("romeo", "ромео"),
    ("sierra", "сьерра"),
    ("tango", "танго"),
    ("victor", "виктор"),
)
LABELS = [
    (f"{a[0]} {b[0]} {c[0]}", f"{a[1]} {b[1]} {c[1]}")
    for i, a in enumerate(A)
    for j, b in enumerate(B)
    for c in (C[(i + j) % 6],)
    if (i + 2 * j) % 3  # 24 of the 36: each word in about a tenth of the messages
]
# known words of msgid: alpha, papa (kept) then bravo, india, juliet (lost)
LONG = "alpha papa bravo india juliet"


def test_a_msgstr_missing_the_translations_of_msgid_last_words_is_flagged(tmp_path):
    path = catalog(tmp_path, OPENED + LABELS + [(LONG, "альфа папка")])
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [(LONG, "truncation")]
    assert 'no translation of "bravo", "india", "juliet"' in found[0][3]


def test_a_msgstr_missing_translations_of_msgid_first_words_is_not_flagged(tmp_path):
    # as short, as many translations missing, but not only the last: a terse translation
    path = catalog(tmp_path, OPENED + LABELS + [(LONG, "индия папка")])
    assert flags_of(path, ["truncation"]) == []


CUT_OPEN = ("Could not open the archive in the sidebar of the editor.", "Не удалось открыть архив")


def test_a_lost_end_mark_is_a_cut_end_where_the_catalog_keeps_its_marks(tmp_path):
    path = catalog(tmp_path, OPENED + MODELS + [CUT_OPEN])
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [(CUT_OPEN[0], "truncation")]
    assert "msgid's end mark is missing" in found[0][3]


def test_a_lost_end_mark_says_nothing_where_the_catalog_leaves_marks_out(tmp_path):
    # Chinese catalogs that end "数组必须是两维数组" for "The array must be two-dimensional."
    unmarked = [(msgid, msgstr.rstrip(".")) for msgid, msgstr in OPENED]
    path = catalog(tmp_path, unmarked + MODELS + [CUT_OPEN])
    assert flags_of(path, ["truncation"]) == []


# a Chinese catalog: "Could not open the X in the Y." as "无法在Y中打开X。" and the like, and
# "Enable X" as "启用 X", "X is enabled" as "X 已启用": its "启" is always followed by "用"
PLACES = (
    ("menu", "菜单"),
    ("window", "窗口"),
    ("editor", "编辑器"),
    ("panel", "面板"),
    ("viewer", "查看器"),
    ("browser", "浏览器"),
    ("terminal", "终端"),
    ("sidebar", "侧边栏"),
    ("toolbar", "工具栏"),
    ("dialog", "对话框"),
)
OPENED_ZH = [
    (
        f"Could not open the {en} in the {place}.",
        f"{('无法', '未能', '不能')[k % 3]}在{where}中打开{zh}。",
    )
    for k, ((en, zh), (place, where)) in enumerate(
        (noun, place)
        for noun in (("file", "文件"), ("image", "图像"), ("disk", "磁盘"), ("page", "页面"))
        for place in PLACES
    )
]
FEATURES = ("SELinux", "AppArmor", "IPv6", "Bluetooth", "Wayland", "PulseAudio")
ENABLED = [(f"Enable {name}", f"启用 {name}") for name in FEATURES] + [
    (f"{name} is enabled", f"{name} 已启用") for name in FEATURES
]
NOT_ENABLED = "The sandbox is not enabled on this system"


def test_a_chinese_msgstr_ending_inside_a_word_is_flagged(tmp_path):
    path = catalog(tmp_path, OPENED_ZH + ENABLED + [(NOT_ENABLED, "此系统尚未启")], lang="zh_CN")
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [(NOT_ENABLED, "truncation")]
    assert 'ends inside a word: "启"' in found[0][3]


def test_a_terse_chinese_msgstr_ending_on_a_word_is_not_flagged(tmp_path):
    path = catalog(tmp_path, OPENED_ZH + ENABLED + [(NOT_ENABLED, "此系统未启用")], lang="zh_CN")
    assert flags_of(path, ["truncation"]) == []


def test_a_word_no_message_ends_with_and_one_translation_missing_is_a_cut(tmp_path):
    # the catalog's "открыть" is always followed by what is opened
    cut = ("Could not open papa", "Не открыть")
    path = catalog(tmp_path, OPENED + LABELS + [cut])
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [(cut[0], "truncation")]
    assert 'no translation of "papa"; ends with "открыть"' in found[0][3]


def test_one_translation_missing_before_a_word_messages_end_with_is_no_cut(tmp_path):
    path = catalog(tmp_path, OPENED + LABELS + [("Could not open papa", "Нет папки")])
    assert flags_of(path, ["truncation"]) == []


LIST_MODEL = "Model of the list of bravo india"


def test_msgid_last_two_translations_missing_before_an_end_few_messages_have_is_a_cut(tmp_path):
    # "Модель списка" ends few of the catalog's messages; "bravo", "india" come last
    path = catalog(tmp_path, OPENED + LABELS + MODELS + [(LIST_MODEL, "Модель списка")])
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [(LIST_MODEL, "truncation")]
    assert 'no translation of "bravo", "india"' in found[0][3]


def test_two_translations_missing_before_a_word_that_says_nothing_of_its_end_are_no_cut(tmp_path):
    # "индии" is in no other message: how it ends messages is not known
    path = catalog(tmp_path, OPENED + LABELS + MODELS + [(LIST_MODEL, "Модель индии")])
    assert flags_of(path, ["truncation"]) == []


# "确" in "确认 X", "确定 X？", "X 确实对吗？": it ends none of the catalog's messages
CONFIRMED = (
    [(f"Confirm {name}", f"确认 {name}") for name in FEATURES]
    + [(f"Confirm the {name} settings", f"确认 {name} 设置") for name in FEATURES]
    + [(f"Are you sure about {name}?", f"确定 {name}？") for name in FEATURES]
    + [(f"Is {name} right?", f"{name} 确实对吗？") for name in FEATURES]
)


def test_a_chinese_msgstr_ending_on_a_word_is_judged_by_the_word_not_its_last_character(
    tmp_path,
):
    # "正确" is a word; that "确" ends no message says nothing of it
    terse = ("Argument encoding is not correct", "参数编码不正确")
    path = catalog(tmp_path, OPENED_ZH + CONFIRMED + [terse], lang="zh_CN")
    assert flags_of(path, ["truncation"]) == []


SERVICE = "The org.freedesktop.sandbox_daemon service is not enabled on this system"


def test_a_chinese_msgstr_is_measured_without_what_it_copies_from_msgid(tmp_path):
    # the service's name is as long in both: the msgstr's own words are what was cut
    cut = "此系统 org.freedesktop.sandbox_daemon 尚未启"
    path = catalog(tmp_path, OPENED_ZH + ENABLED + [(SERVICE, cut)], lang="zh_CN")
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [(SERVICE, "truncation")]
    assert "6 characters besides what it copies from msgid" in found[0][3]


def test_a_chinese_msgstr_that_copies_a_long_name_and_ends_on_a_word_is_not_flagged(tmp_path):
    whole = "此系统尚未启用 org.freedesktop.sandbox_daemon"
    path = catalog(tmp_path, OPENED_ZH + ENABLED + [(SERVICE, whole)], lang="zh_CN")
    assert flags_of(path, ["truncation"]) == []


OPEN_PAPA = "alpha: could not open the papa"


def test_msgid_last_translation_missing_before_a_word_no_message_ends_with_is_a_cut(tmp_path):
    # only shorter, but "alpha" is there and "papa", msgid's last, is not: "Страниц на"
    path = catalog(tmp_path, OPENED + LABELS + [(OPEN_PAPA, "альфа: нельзя открыть")])
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [(OPEN_PAPA, "truncation")]
    assert 'no translation of "papa"' in found[0][3]


def test_msgid_first_translation_missing_before_a_word_no_message_ends_with_is_no_cut(tmp_path):
    path = catalog(tmp_path, OPENED + LABELS + [(OPEN_PAPA, "папка: нельзя открыть")])
    assert flags_of(path, ["truncation"]) == []


def test_the_chinese_dictionary_is_read_for_a_chinese_catalog_only(tmp_path):
    """jieba's 340,000 words cost 0.15 s: a Russian catalog with suspects never reads them."""
    path = catalog(tmp_path, OPENED + MODELS + [(CUT_MODEL, "Модель")])
    probe = (
        "from aligner.checks import check_catalog\n"
        "from aligner import wordlists\n"
        f"check_catalog({str(path)!r}, ['truncation'])\n"
        "print(wordlists.chinese_words.cache_info().currsize)\n"
        "words = wordlists.chinese_words()\n"
        "print('启用' in words, '尚未启' in words)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[:2] == ["0", "True False"]


# "X image" as "Изображение X" throughout: the catalog's "Изображение" always goes on
IMAGES = [
    (f"{name} image", f"Изображение {name}")
    for name in ("PNG", "JPEG", "TIFF", "WebP", "Windows BMP", "OpenRaster")
]


def test_one_word_left_of_several_that_the_catalog_always_goes_on_after_is_a_cut(tmp_path):
    # "ILBM image" is too short for the length model: the lone word says it
    path = catalog(tmp_path, OPENED + IMAGES + [("ILBM image", "Изображение")])
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [("ILBM image", "truncation")]
    assert 'one word for msgid\'s 2: "изображение" ends few' in found[0][3]


def test_one_word_the_catalog_ends_messages_with_is_no_cut(tmp_path):
    labels = [("Image", "Изображение"), ("Picture", "Изображение")]
    path = catalog(tmp_path, OPENED + IMAGES + labels + [("ILBM image", "Изображение")])
    assert flags_of(path, ["truncation"]) == []


def test_one_word_for_a_label_ending_with_a_preposition_is_no_cut(tmp_path):
    # "Image at" is a label a widget follows: its msgstr ends as the label does
    path = catalog(tmp_path, OPENED + IMAGES + [("Image at", "Изображение")])
    assert flags_of(path, ["truncation"]) == []


# a list of countries that renders "Republic of X" as "X Республикасы" throughout
REPUBLICS = [
    (f"Republic of {en}", f"{kk} Республикасы")
    for en, kk in (
        ("Albania", "Албания"),
        ("Angola", "Ангола"),
        ("Belarus", "Беларусь"),
        ("Botswana", "Ботсвана"),
        ("Bulgaria", "Болгария"),
        ("Cameroon", "Камерун"),
        ("Chile", "Чили"),
        ("Colombia", "Колумбия"),
        ("Cuba", "Куба"),
        ("Ecuador", "Эквадор"),
        ("Estonia", "Эстония"),
    )
]


def test_an_official_name_without_the_head_the_catalog_always_translates_is_a_cut(tmp_path):
    path = catalog(tmp_path, OPENED + REPUBLICS + [("Republic of Yemen", "Йемен")], lang="kk")
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [("Republic of Yemen", "truncation")]
    assert 'no "republic" of msgid\'s name' in found[0][3]


def test_a_name_the_head_follows_is_no_official_form(tmp_path):
    # "Czech Republic" as "Чехия": the short name, not a head lost
    path = catalog(tmp_path, OPENED + REPUBLICS + [("Czech Republic", "Чехия")], lang="kk")
    assert flags_of(path, ["truncation"]) == []


# labels "X list" as "Полная таблица X" throughout: the catalog's words ending "-ая" are
# adjectives its messages go on after
FULL_LISTS = [
    (f"Complete {en} list", f"Полная таблица {ru}")
    for en, ru in (
        ("file", "файлов"),
        ("folder", "папок"),
        ("printer", "принтеров"),
        ("device", "устройств"),
        ("socket", "сокетов"),
        ("archive", "архивов"),
        ("font", "шрифтов"),
        ("theme", "тем"),
        ("window", "окон"),
        ("user", "пользователей"),
        ("group", "групп"),
    )
]
CUT_STRING = "Unterminated quoted string"


def test_one_word_far_shorter_with_an_ending_messages_go_on_after_is_a_cut(tmp_path):
    # "незавершённая" is in no other message: its ending says an adjective lost its noun
    path = catalog(tmp_path, OPENED + FULL_LISTS + [(CUT_STRING, "Незавершённая")])
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [(CUT_STRING, "truncation")]
    assert 'one word for msgid\'s 3: "незавершённая" ends few' in found[0][3]


def test_one_word_with_an_ending_messages_end_with_is_no_cut(tmp_path):
    # "-ие" ends the catalog's messages ("Открытие"): a noun may stand alone
    nouns = [(f"Opening of the {en}", f"Открытие {ru}") for en, ru in (("menu", "меню"),)]
    nouns += [(f"{en} opening", "Открытие") for en in ("Fast", "Slow", "Late", "Early", "Safe")]
    nouns += [(f"{en} closing", "Закрытие") for en in ("Fast", "Slow", "Late", "Early", "Safe")]
    nouns += [(f"{en} saving", "Сохранение") for en in ("Fast", "Slow", "Late", "Early", "Safe")]
    path = catalog(tmp_path, OPENED + FULL_LISTS + nouns + [(CUT_STRING, "Незавершение")])
    assert flags_of(path, ["truncation"]) == []


NAMES = (
    "AbiWord Calc Dia Emacs Gnumeric GIMP Inkscape KOffice Krita LyX Mozilla OpenOffice Quattro "
    "Scribus StarCalc StarDraw StarImpress StarMath TeX WordPerfect Xfig"
).split()
# Kazakh puts the head last: "X құжаты" throughout, no msgstr ends with its name
KAZAKH_DOCUMENTS = [(f"{name} document", f"{name} құжаты") for name in NAMES]
# Russian puts the name after the head: "Документ X"
RUSSIAN_DOCUMENTS = [(f"{name} document", f"Документ {name}") for name in NAMES]
CUT_DOCUMENT = ("StarWriter document", "StarWriter")


def test_a_name_msgid_goes_on_after_ending_msgstr_where_none_does_is_a_cut(tmp_path):
    path = catalog(tmp_path, OPENED + KAZAKH_DOCUMENTS + [CUT_DOCUMENT], lang="kk")
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [(CUT_DOCUMENT[0], "truncation")]
    assert 'ends with "StarWriter", which msgid goes on after' in found[0][3]


def test_a_name_ending_msgstr_where_the_catalog_ends_with_names_is_no_cut_end(tmp_path):
    path = catalog(tmp_path, OPENED + RUSSIAN_DOCUMENTS + [CUT_DOCUMENT])
    assert flags_of(path, ["truncation"]) == []


# a catalog that leaves most of its tag names as they are ("Exif Version" for "Exif
# Version"): its whole msgstrs are as long as their msgids, its Chinese words a third
TAG_NAMES = [
    (f"{name} Exif {kind}", f"{name} Exif {kind}")
    for name in NAMES
    for kind in ("Tag Name", "Tag Type", "Tag Value")
]


def test_a_terse_chinese_term_is_measured_by_what_the_catalog_translates(tmp_path):
    entries = OPENED_ZH + TAG_NAMES + [("Aperture priority", "光圈优先")]
    path = catalog(tmp_path, entries, lang="zh_CN")
    assert flags_of(path, ["truncation"]) == []


def _keeping_groups(tmp_path, cut):
    """A catalog that keeps msgid's bracketed ends ("(Standard)" as "(стандарт)") and ends
    messages with its nouns ("Файл"), and ``cut``."""
    from tests.test_checks_recall import NOUNS, PLACES
    from tests.test_checks_recall import OPENED as KEPT

    grouped = [(f"{en} (Standard)", f"{ru} (стандарт)") for en, ru in NOUNS + PLACES]
    labels = [(en.capitalize(), ru) for en, ru in NOUNS + PLACES]
    return catalog(tmp_path, KEPT + grouped + labels + [cut])


def test_a_bracketed_end_whose_content_msgstr_keeps_is_not_lost(tmp_path):
    # "MPPE" is there, without its brackets
    cut_id = "Could not open the printer in the menu (MPPE)"
    path = _keeping_groups(tmp_path, (cut_id, "Не открыть принтер MPPE"))
    assert flags_of(path, ["truncation"]) == []


def test_a_msgid_all_in_brackets_has_no_bracketed_end_to_lose(tmp_path):
    cut_id = "(could not open the printer in the menu)"
    path = _keeping_groups(tmp_path, (cut_id, "нельзя открыть принтер"))
    assert flags_of(path, ["truncation"]) == []


# "X 未启用", "X 未安装": the catalog's "未" always goes on ("未能", "未找到")
NOT_YET = [
    (f"{name} is not {en}", f"{name} 未{zh}")
    for name in FEATURES
    for en, zh in (("enabled", "启用"), ("installed", "安装"), ("configured", "配置"))
]
NOT_ON_SYSTEM = ("The sandbox is not enabled on this system", "此操作系统上的沙盒程序未")


def test_a_chinese_msgstr_ending_on_a_character_no_run_ends_with_is_a_cut(tmp_path):
    # about as long as the catalog's msgstrs for such a msgid: the end alone says cut
    path = catalog(tmp_path, OPENED_ZH + NOT_YET + [NOT_ON_SYSTEM], lang="zh_CN")
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [(NOT_ON_SYSTEM[0], "truncation")]
    assert '"未" ends none of the runs of Han characters here' in found[0][3]


def test_a_chinese_character_that_ends_a_run_somewhere_needs_a_shorter_msgstr(tmp_path):
    entries = OPENED_ZH + NOT_YET + [("Not yet", "尚未"), NOT_ON_SYSTEM]
    path = catalog(tmp_path, entries, lang="zh_CN")
    assert flags_of(path, ["truncation"]) == []


# "Документ X" throughout: the catalog keeps every CamelCase name as it is, each in one
# message (too few for its own habit), and ends messages with its nouns ("Файл")
APPS = (
    "AbiWord OpenOffice StarCalc StarDraw StarImpress StarMath WordPerfect PowerPoint "
    "LibreOffice KeyNote MagicPoint PageMaker"
).split()
APP_DOCUMENTS = [(f"{name} document", f"Документ {name}") for name in APPS]
NOUN_LABELS = [("File", "Файл"), ("Disk", "Диск"), ("Image", "Образ"), ("Page", "Страница")]
CUT_NAME = ("Could not open the file in PrintDlgEx", "Нельзя открыть файл")


def test_a_camel_case_name_lost_where_the_catalog_keeps_all_such_names_is_a_cut(tmp_path):
    path = catalog(tmp_path, OPENED + APP_DOCUMENTS + NOUN_LABELS + [CUT_NAME])
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [(CUT_NAME[0], "truncation")]
    assert 'msgid\'s "PrintDlgEx" missing' in found[0][3]


def test_a_camel_case_name_lost_where_the_catalog_drops_such_names_is_no_cut_end(tmp_path):
    documents = [(f"{name} document", "Документ") for name in APPS]
    path = catalog(tmp_path, OPENED + documents + NOUN_LABELS + [CUT_NAME])
    assert not any("PrintDlgEx" in f[3] for f in flags_of(path, ["truncation"]))


def test_a_russian_msgstr_ending_with_a_preposition_is_a_cut(tmp_path):
    # "tree table" is too short for the length model: "в" needs the noun it governs
    path = catalog(tmp_path, OPENED + [("tree table", "таблица в")])
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [("tree table", "truncation")]
    assert 'ends with "в", which needs a word after it' in found[0][3]


@pytest.mark.parametrize(
    "msgid, msgstr",
    [
        ("Rename to", "Переименовать в"),  # msgid goes on too: a label before a widget
        ("Split this track every", "Разбить дорожку по"),
        ("rebase in progress; onto ", "перемещение в процессе; над "),
        ("%s s", "%s с"),  # seconds after a value, a unit
        ("%u MB/s", "%u МБ/с"),
        ("Installed software", "Установленное ПО"),  # an acronym
    ],
)
def test_a_label_that_goes_on_or_a_unit_is_no_dangling_end(tmp_path, msgid, msgstr):
    path = catalog(tmp_path, OPENED + [(msgid, msgstr)])
    assert flags_of(path, ["truncation"]) == []


def test_a_kazakh_genitive_without_its_head_is_a_cut(tmp_path):
    # head last: "Пайдаланушының" (the user's) needs what is the user's after it
    cut = ("Need user intervention", "Пайдаланушының")
    path = catalog(tmp_path, OPENED + [cut], lang="kk")
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [(cut[0], "truncation")]
    assert 'ends with "пайдаланушының", which needs a word after it' in found[0][3]


def test_a_kazakh_genitive_with_its_head_is_no_cut(tmp_path):
    path = catalog(
        tmp_path, OPENED + [("Need user intervention", "Пайдаланушының қатысуы")], lang="kk"
    )
    assert flags_of(path, ["truncation"]) == []


CUT_ADJECTIVE = ("Extended partition of the drive", "Расширенный")


def test_a_lone_russian_adjective_much_shorter_than_usual_is_a_cut(tmp_path):
    # a long-form adjective agrees with a noun that follows: the noun was lost
    path = catalog(tmp_path, OPENED + [CUT_ADJECTIVE])
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [(CUT_ADJECTIVE[0], "truncation")]
    assert '"расширенный" is an adjective without its noun' in found[0][3]


@pytest.mark.parametrize(
    "others",
    [
        [("Extended", "Расширенный")],  # another message ends with it: a label of its own
        # a catalog whose adjectives end its messages (colours of a palette)
        [
            (f"{en} colour", ru)
            for en, ru in (
                ("Red", "Красный"),
                ("Green", "Зелёный"),
                ("Black", "Чёрный"),
                ("White", "Белый"),
                ("Grey", "Серый"),
                ("Yellow", "Жёлтый"),
            )
        ],
    ],
)
def test_a_lone_adjective_where_the_catalog_ends_messages_so_is_no_cut(tmp_path, others):
    path = catalog(tmp_path, OPENED + others + [CUT_ADJECTIVE])
    assert flags_of(path, ["truncation"]) == []


def test_a_preposition_after_a_comma_is_a_cut_a_letter_after_one_a_unit(tmp_path):
    cut = ("Mountain Time, no DST (Northeast BC)", "Горный часовой пояс, без")
    unit = ("second,seconds,s", "секунда, секунды, с")
    path = catalog(tmp_path, OPENED + [cut, unit])
    assert [(f[0], f[1]) for f in flags_of(path, ["truncation"])] == [(cut[0], "truncation")]


@pytest.mark.parametrize(
    "msgid, msgstr, cut",
    [
        ("Hide all the bookmarks", "Бетбелгілерді", True),  # an object without its verb
        ("Hide all the bookmarks", "Бетбелгілерді жасыру", False),
        ("Connection has been closed", "Байланыс жабылды", False),  # a past tense ends alike
    ],
)
def test_a_kazakh_object_without_its_verb_is_a_cut(tmp_path, msgid, msgstr, cut):
    path = catalog(tmp_path, OPENED + [(msgid, msgstr)], lang="kk")
    assert bool(flags_of(path, ["truncation"])) == cut


@pytest.mark.parametrize(
    "msgstr, cut",
    [("Ньюфаундленд", True), ("Ньюфаундленд и Лабрадор", False)],
)
def test_one_word_for_two_that_msgid_joins_with_and_is_a_cut(tmp_path, msgstr, cut):
    path = catalog(tmp_path, OPENED + [("Newfoundland and Labrador", msgstr)])
    found = flags_of(path, ["truncation"])
    assert bool(found) == cut
    assert not cut or 'which joins two with "and"' in found[0][3]
