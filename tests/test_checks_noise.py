"""What the checks must leave alone in a real catalog (issue 15, precision): two msgids said
alike sharing one translation, a translation that keeps identifiers or adds a translator's
address line, plural forms, a licence kept as it stands; each beside the damage that must
still be seen."""

from __future__ import annotations

import polib

from tests.test_checks_recall import catalog, flags_of


def _flagged(path, check):
    return sorted({msgid for msgid, name, _, _ in flags_of(path, [check]) if name == check})


# ---------------------------------------------------------------- consistency -----------
DIRECTIONS = [
    ("Vertical scroll bar", "Вертикальная полоса прокрутки"),
    ("Vertical padding of the child", "Вертикальный отступ потомка"),
    ("Vertical alignment of the text", "Вертикальное выравнивание текста"),
    ("Vertical offset of the label", "Вертикальное смещение метки"),
    ("Horizontal scroll bar", "Горизонтальная полоса прокрутки"),
    ("Horizontal padding of the child", "Горизонтальный отступ потомка"),
    ("Horizontal alignment of the text", "Горизонтальное выравнивание текста"),
    ("Horizontal scroll arrow length", "Длина стрелки горизонтальной прокрутки"),
]


def test_a_shared_translation_is_flagged_where_it_does_not_say_a_word_the_catalog_renders(
    tmp_path,
):
    # "vertical" is "вертикальн-" wherever the catalog says it: a copy of the horizontal
    # message's translation leaves it out
    path = catalog(
        tmp_path,
        [
            *DIRECTIONS,
            ("How long vertical scroll arrows are", "Длина стрелки горизонтальной прокрутки"),
        ],
    )
    assert _flagged(path, "consistency") == ["How long vertical scroll arrows are"]


def test_two_msgids_said_alike_may_share_their_translation(tmp_path):
    # "cannot create" and "creating ... failed" say one thing; "failed", "cannot" have no
    # one rendering in any catalog
    path = catalog(
        tmp_path,
        [
            *DIRECTIONS,
            ("cannot create directory %s", "не удалось создать каталог %s"),
            ("creating directory %s failed", "не удалось создать каталог %s"),
            ("Toggle window always appearing on top", "Переключить режим окна поверх других"),
            ("Set or unset window to appear on top", "Переключить режим окна поверх других"),
        ],
    )
    assert _flagged(path, "consistency") == []


def test_options_that_differ_in_case_are_two_sources(tmp_path):
    # passwd's "-i" and chage's "-I" say alike but are two options, each its own message
    path = catalog(
        tmp_path,
        [
            (
                "  -i, --inactive INACTIVE       set password inactive after expiration\n",
                "  -i, --inactive НЕАКТИВНОСТЬ   установить неактивность пароля\n",
            ),
            (
                "  -I, --inactive INACTIVE       set password inactive after expiration\n",
                "  -I, --inactive НЕАКТИВНОСТЬ   задать срок неактивности пароля\n",
            ),
        ],
    )
    assert _flagged(path, "consistency") == []


# ---------------------------------------------------------------- omission --------------
# zh messages about a third as long as their English, as a Chinese catalog has them
ZH = [
    (f"The {en} could not be opened because it is in use", f"无法打开{zh}，因为它正在使用")
    for en, zh in (
        ("file", "文件"),
        ("folder", "文件夹"),
        ("disk image", "磁盘映像"),
        ("printer queue", "打印队列"),
        ("archive", "归档"),
        ("database", "数据库"),
        ("configuration file", "配置文件"),
        ("terminal window", "终端窗口"),
        ("network share", "网络共享"),
        ("audio device", "音频设备"),
        ("address book", "地址簿"),
        ("calendar", "日历"),
    )
] + [
    (f"Show the {en} of the selected item in the main window", f"在主窗口中显示所选项的{zh}")
    for en, zh in (
        ("name", "名称"),
        ("size", "大小"),
        ("owner", "所有者"),
        ("permissions", "权限"),
        ("modification time", "修改时间"),
        ("description", "描述"),
        ("location", "位置"),
        ("type", "类型"),
    )
]


def test_what_both_sides_write_alike_is_no_addition(tmp_path):
    # the identifiers are kept, not translated: they say nothing of the translation's length
    kept = (
        "Font style as a PangoStyle value, e.g. PANGO_STYLE_ITALIC_OBLIQUE_NORMAL",
        "以 PangoStyle 表示的字体样式，如 PANGO_STYLE_ITALIC_OBLIQUE_NORMAL",
    )
    path = catalog(tmp_path, [*ZH, kept], lang="zh_CN")
    assert _flagged(path, "omission") == []


def test_a_cut_translation_is_still_short(tmp_path):
    cut = ("The spreadsheet could not be opened because it is in use", "无法")
    path = catalog(tmp_path, [*ZH, cut], lang="zh_CN")
    assert _flagged(path, "omission") == [cut[0]]


RU = [
    (f"The {en} could not be opened because it is in use", f"Не удалось открыть {ru}: он занят")
    for en, ru in (
        ("file", "файл"),
        ("folder", "каталог"),
        ("disk image", "образ диска"),
        ("printer queue", "очередь печати"),
        ("archive", "архив"),
        ("database", "базу данных"),
        ("configuration file", "файл настроек"),
        ("terminal window", "окно терминала"),
        ("network share", "сетевой ресурс"),
        ("audio device", "звуковое устройство"),
    )
]


def test_a_translators_address_line_is_no_addition(tmp_path):
    report = (
        "Report bugs in this program to the maintainers at: %s\n",
        "Об ошибках в программе сообщайте по адресу: %s\n"
        "Об ошибках в переводе сообщайте по адресу: <ru-translators@example.org>\n",
    )
    path = catalog(tmp_path, [*RU, report])
    assert _flagged(path, "omission") == []


def test_plural_forms_are_measured_one_by_one(tmp_path):
    # three Russian forms for two English ones: joined, they look half as long again; a
    # form cut short is short on its own
    plural = polib.POEntry(
        msgid="The %d file could not be opened because it is in use",
        msgid_plural="The %d files could not be opened because they are in use",
        msgstr_plural={
            0: "Не удалось открыть %d файл: он занят другой программой",
            1: "Не удалось открыть %d файла: они заняты другой программой",
            2: "Не удалось открыть %d файлов: они заняты другой программой",
        },
    )
    cut = polib.POEntry(
        msgid="The %d folder could not be opened because it is in use",
        msgid_plural="The %d folders could not be opened because they are in use",
        msgstr_plural={
            0: "Не удалось открыть %d каталог: он занят другой программой",
            1: "Не удалось %d",
            2: "Не удалось открыть %d каталогов: они заняты другой программой",
        },
    )
    path = catalog(tmp_path, [*RU, plural, cut])
    flags = [(msgid, message) for msgid, name, _, message in flags_of(path, ["omission"])]
    assert [msgid for msgid, _ in flags] == [cut.msgid]
    assert "plural form 1" in flags[0][1] and "shorter" in flags[0][1]


# ---------------------------------------------------------------- untranslated ----------
def test_a_licence_kept_as_it_stands_is_no_slip(tmp_path):
    path = catalog(
        tmp_path,
        [
            ("Free disk space", "Свободное место на диске"),
            ("Free memory", "Свободная память"),
            ("Software sources", "Источники программ"),
            ("Software updates", "Обновления программ"),
            ("Foundation classes", "Базовые классы"),
            ("Copyright (C) 2019 Free Software Foundation, Inc.\n",) * 2,
        ],
    )
    assert _flagged(path, "untranslated") == []


# ---------------------------------------------------------------- number ----------------
def test_a_number_both_msgid_forms_write_is_kept_by_every_plural_form(tmp_path):
    # "(expected 1)" is no count: the singular form that lost it lost a number; the "1" of
    # "%d row" itself may be a word
    entries = [
        polib.POEntry(
            msgid="query returned %d row (expected 1)",
            msgid_plural="query returned %d rows (expected 1)",
            msgstr_plural={
                0: "запрос вернул %d строку (ожидалась)",
                1: "запрос вернул %d строки (ожидалась 1)",
                2: "запрос вернул %d строк (ожидалась 1)",
            },
        ),
        polib.POEntry(
            msgid="1 file",
            msgid_plural="%d files",
            msgstr_plural={0: "один файл", 1: "%d файла", 2: "%d файлов"},
        ),
    ]
    path = catalog(tmp_path, entries)
    flags = [(msgid, message) for msgid, name, _, message in flags_of(path, ["number"])]
    assert flags == [(entries[0].msgid, "no 1 in this plural form — en 1")]
