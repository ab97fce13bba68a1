"""The token checks of a catalog: printf arguments (``placeholder``), named variables
(``variable``), tags and entities (``markup``), URLs, addresses, paths and options
(``verbatim``), accelerators (``accelerator``) and whitespace and plural forms (``layout``).

Each damage a translator or a tool does is flagged with what msgid has and the fix; the
shapes real translations take (a localized link, usage notation translated, numbered
arguments reordered, Chinese "(_F)") are not."""

from __future__ import annotations

import json

import pytest

from aligner.checks import build, check_catalog
from aligner.checks.base import Cell, Document, Unit
from aligner.glossary import Glossary
from tests.conftest import run_aligner

HEADER = (
    'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals={n}; plural=0;\\n"\n\n'
)


def entry(msgid, msgstr, formats=(), lang="ru", plural=None, index=0):
    sources = [msgid] + ([plural] if plural else [])
    forms = list(msgstr) if isinstance(msgstr, (list, tuple)) else [msgstr]
    cells = {
        "en": Cell.join("en", sources, range(len(sources))),
        lang: Cell.join(lang, forms, range(len(forms))),
    }
    return Unit("", cells, 1.0, index), tuple(formats)


def flags(check, *entries, lang="ru", nplurals=None):
    """The flags ``check`` raises on a catalog of ``entries`` (``entry(...)`` results), as
    (severity, message, expected, flagged text)."""
    units = tuple(unit for unit, _ in entries)
    formats = {unit.entry: f for unit, f in entries if f}
    document = Document(
        units, ("en", lang), "en", (lang,), Glossary(), True, formats=formats, plural_forms=nplurals
    )
    found = build([check])[0].run(document)
    by_entry = {unit.entry: unit for unit in units}
    result = []
    for flag in found:
        cell = by_entry[flag.entry].cells[lang]
        start = cell.starts[flag.paragraph] if cell.starts else 0
        span = cell.text[start + flag.start : start + flag.end]
        result.append((flag.severity, flag.message, flag.expected, span))
    return result


def one(check, msgid, msgstr, **kwargs):
    return flags(
        check,
        entry(
            msgid, msgstr, **{k: v for k, v in kwargs.items() if k in ("formats", "lang", "plural")}
        ),
        lang=kwargs.get("lang", "ru"),
    )


# --- printf (placeholder) ---------------------------------------------------------------


def test_printf_argument_out_of_range_and_types_swapped_are_errors():
    (found,) = [
        f
        for f in one("placeholder", "%1$s of %2$s", "%3$s из %1$s")
        if "argument" in f[1] and "uses" in f[1]
    ]
    assert found[0] == "error" and found[3] == "%3$s" and "2 arguments" in found[1]
    swapped = one("placeholder", "%1$d files in %2$s", "%1$s файлов в %2$d")
    assert [(f[3], f[2]) for f in swapped] == [("%1$s", "%1$d"), ("%2$d", "%2$s")]
    assert all(f[0] == "error" and "takes" in f[1] for f in swapped)
    assert one("placeholder", "Used %ld bytes", "Использовано %d байт")[0][2] == "%ld"


def test_unnumbered_conversions_reordered_get_the_numbered_fix():
    (found,) = one("placeholder", "%s has %d files", "%d файлов в %s")
    assert found[0] == "error" and "order" in found[1]
    assert found[2] == "%2$d файлов в %1$s"


def test_a_dropped_or_added_conversion_is_flagged():
    (dropped,) = one("placeholder", "%s and %s", "%s и")
    assert dropped[2] == "%s" and "argument 2 of 2" in dropped[1]
    (added,) = one("placeholder", "Invalid file format", "Неверный формат %s")
    assert added[3] == "%s"
    (garbled,) = one("placeholder", "for %s in %s", "在 %s$2 中的 %s$1", lang="zh")[:1]
    assert garbled[2] == "%2$s" and "garbled" in garbled[1]


@pytest.mark.parametrize(
    "msgid, msgstr, formats",
    [
        ("%1$s of %2$s", "%2$s из %1$s", ()),  # numbered: any order
        ("%-20s %5d", "%-30s %8d", ()),  # widths fit the translation
        ("%.255s failed", "%.250s не удалось", ()),  # precision is no argument
        ("%a %b %e %H:%M", "%Y年%-m月%-d日 %H:%M", ()),  # strftime, not printf
        ("100% sure", "100% уверен", ()),
        ("Invalid %-encoding in URI", "codificación %-e no válida", ()),
        ("%time", "時間の割合(%)", ()),
        ("G10 file %pB and %s file %pB", "le fichier G10 %pB avec %s fichier %pB", ()),
        ("%d%% done", "%d%% готово", ("c-format",)),
        ("Progress 50%s", "Прогресс 50", ("no-c-format",)),
        ("%(name)s is %(age)d", "%(age)d — возраст %(name)s", ("python-format",)),
        ("read %d of %zu", "读取了%2$zu中的%1$d", ()),  # conversions against CJK words
    ],
)
def test_printf_shapes_translations_take_are_not_flagged(msgid, msgstr, formats):
    assert one("placeholder", msgid, msgstr, formats=formats) == []


def test_python_named_conversion_renamed_and_qt_numbers():
    found = one(
        "placeholder", "%(name)s is %(age)d", "%(имя)s — %(age)d", formats=("python-format",)
    )
    assert {f[3] for f in found} == {"%(имя)s", ""}
    assert any(f[2] == "%(name)s" for f in found)
    qt = one("placeholder", "Copy %1 to %2", "Копировать %1 в %3", formats=("qt-format",))
    assert [(f[3], f[2]) for f in qt] == [("%3", None), ("", "%2")]


def test_a_plural_form_may_spell_its_number_but_not_take_another_type():
    assert (
        one("placeholder", "%d file", ["один файл", "%d файла", "%d файлов"], plural="%d files")
        == []
    )
    (wrong,) = one(
        "placeholder", "%d file", ["%d файл", "%s файла", "%d файлов"], plural="%d files"
    )
    assert wrong[3] == "%s"


# --- variables ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "msgid, msgstr, expected, how",
    [
        ("Open $file$ now", "Открыть $fiel$ сейчас", "$file$", "renamed"),
        ("Open #file# now", "Открыть #файл# сейчас", "#file#", "translated"),
        ("Run %PROGRAMNAME% now", "Запустить %ПРОГРАММА%", "%PROGRAMNAME%", "translated"),
        ("Set ${VAR} first", "Сначала задайте ${ПЕР}", "${VAR}", "translated"),
        ("Hello {name}", "Привет {имя}", "{name}", "translated"),
        ("Secret keys for @GNUPG@", "@GnuPG@の秘密鍵", "@GNUPG@", "renamed"),
        ("{{user}} joined", "{{usr}} вошёл", "{{user}}", "renamed"),
    ],
)
def test_a_variable_renamed_or_translated_is_one_error_with_msgid_name(
    msgid, msgstr, expected, how
):
    (found,) = one("variable", msgid, msgstr)
    assert found[0] == "error" and how in found[1] and found[2] == expected


def test_a_dropped_variable_and_an_extra_one():
    (lost,) = one("variable", "License: @license_code@", "Лицензия:")
    assert lost[2] == "@license_code@" and "lacks" in lost[1]
    (extra,) = one("variable", "Saved {count} files", "Сохранено: {count} {extra}")
    assert extra[0] == "error" and extra[3] == "{extra}"  # .format() raises on it


@pytest.mark.parametrize(
    "msgid, msgstr",
    [
        ("Item #1 costs $5", "Пункт #1 стоит $5"),
        ("100% done", "100% готово"),
        ("{dis}able the filter", "{выкл}включить фильтр"),
        ("Usage: %s {script-only-if-no-other-script}", "Использование: %s {только-сценарий}"),
        ('returns "$line $filename"', "renvoie «$ligne $nomfichier»"),
        ('run "$SHELL" -i', "„${SHELL} -i“"),  # one variable, two spellings
        ("  INTEGER  copy\n  {INTEGER}  repeat", "  ЦЕЛОЕ  копировать\n  {ЦЕЛОЕ}  повторить"),
        ("{a} and {b}", "{b} и {a}"),
    ],
)
def test_text_that_only_looks_like_a_variable_is_left_alone(msgid, msgstr):
    assert one("variable", msgid, msgstr) == []


# --- markup ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "msgid, msgstr, span, expected",
    [
        ("<b>Bold</b> text", "<v>Жирный</b> текст", "<v>", "<b>"),
        ("Read <emph>this</emph>", "Прочтите <emph>это</emp>", "</emp>", "</emph>"),
        ("Line<br />break", "Строка<br>перенос", "<br>", "<br />"),
        ("<i>Note</i>: see", "<i>Заметка: см.", "", "</i>"),
        (
            "Welcome to &brandShortName;",
            "Добро пожаловать в &brandShortNam;",
            "&brandShortNam;",
            "&brandShortName;",
        ),
        ("<b>Save &amp; quit</b>", "<b>Сохранить & выйти</b>", "&", "&amp;"),
    ],
)
def test_tags_and_entities_changed_are_errors(msgid, msgstr, span, expected):
    (found,) = one("markup", msgid, msgstr)
    assert found[0] == "error" and found[3] == span and found[2] == expected


def test_attributes_that_are_no_text_must_keep_their_value():
    (href,) = one(
        "markup",
        '<a href="https://example.com/help">Help</a>',
        '<a href="https://example.org/help">Справка</a>',
    )
    assert href[0] == "warning" and "href" in href[1]
    assert (
        one(
            "markup",
            '<a href="https://gnu.org/licenses/" title="GPL">GPL</a>',
            '<a href="https://gnu.org/licenses/ru/" title="ГПЛ">GPL</a>',
        )
        == []
    )


@pytest.mark.parametrize(
    "msgid, msgstr",
    [
        ("a < b", "а < б"),
        ("Usage: cmd <file> [<prefix>]", "Использование: cmd <fichier> [<préfixe>]"),
        ("<no plugin>", "<нет модуля>"),
        ("Save &amp; quit", "Сохранить и выйти"),  # the & may become a word
        ("escape ampersand as &amp;", "экранируйте «&» как &amp;"),
        ("<key name='%s'> shadows <key name='%s'>", "<key name=«%1$s»> скрывает <key name=«%2$s»>"),
    ],
)
def test_text_that_is_not_markup_or_keeps_it_is_left_alone(msgid, msgstr):
    assert one("markup", msgid, msgstr) == []


# --- verbatim -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "msgid, msgstr, expected",
    [
        (
            "See https://www.gnu.org/licenses/ for details.",
            "См. https://www.gnu.org/licences/.",
            "https://www.gnu.org/licenses/",
        ),
        ("Report bugs to <bug-tar@gnu.org>.", "Об ошибках: <bug-tra@gnu.org>.", "bug-tar@gnu.org"),
        ("Edit /etc/fstab first", "Сначала измените /etc/fstb", "/etc/fstab"),
        ("Use --recursive here", "Используйте --рекурсивно", "--recursive"),
        ("implies -M", "подразумевает -М", "-M"),  # a Cyrillic М cannot be typed
    ],
)
def test_what_users_type_must_stay_as_msgid_has_it(msgid, msgstr, expected):
    (found,) = one("verbatim", msgid, msgstr)
    assert found[0] == "warning" and found[2] == expected


@pytest.mark.parametrize(
    "msgid, msgstr, lang",
    [
        (
            "Help: <https://www.gnu.org/gethelp/>.",
            "Aide: <https://www.gnu.org/help/gethelp.fr.html>.",
            "fr",
        ),
        ("See https://www.gnu.org/licenses/", "См. https://www.gnu.org/licenses/ru/", "ru"),
        ("cannot open /proc/net/snmp", "/proc/net/snmpを開けません", "ja"),
        ("e.g. you@example.com", "par ex. vous@exemple.com", "fr"),
        ("[--dir /path/to/tally-directory]", "[--dir /chemin/vers/dossier-tally]", "fr"),
        ("invalid value for --connection-limit: %s", "--connection-limit的值无效: %s", "zh"),
        ("and/or 1/2 km/h TCP/IP", "и/или 1/2 км/ч TCP/IP", "ru"),
        ("%-e %b", "%-m月%-d日", "zh"),
    ],
)
def test_localized_pages_examples_and_lookalikes_are_accepted(msgid, msgstr, lang):
    assert one("verbatim", msgid, msgstr, lang=lang) == []


# --- accelerator ----------------------------------------------------------------------

LABELS = [
    ("_File", "_Файл"),
    ("_Edit", "_Правка"),
    ("Save _As", "Сохранить _как"),
    ("_Open", "_Открыть"),
    ("_Quit", "_Выход"),
    ("Pre_view", "_Просмотр"),
]


def labels(extra, lang="ru"):
    units = [entry(msgid, msgstr, lang=lang, index=i) for i, (msgid, msgstr) in enumerate(LABELS)]
    units += [
        entry(msgid, msgstr, lang=lang, index=len(units) + i)
        for i, (msgid, msgstr) in enumerate(extra)
    ]
    return flags("accelerator", *units, lang=lang)


def test_a_label_loses_or_doubles_its_accelerator():
    found = labels([("_Help", "Справка"), ("_Index", "_Ука_затель")])
    assert [(f[0], f[3]) for f in found] == [("warning", "Справка"), ("warning", "_з")]
    assert "_H" in found[0][1]


def test_chinese_accelerator_after_the_words_and_the_suggestion():
    zh = [(msgid, f"标签{i}(_{msgid.strip('_')[0]})") for i, (msgid, _) in enumerate(LABELS)]
    units = [entry(msgid, msgstr, lang="zh", index=i) for i, (msgid, msgstr) in enumerate(zh)]
    units.append(entry("_Name:", "名称：", lang="zh", index=len(units)))
    (found,) = flags("accelerator", *units, lang="zh")
    assert found[2] == "名称(_N)："


def test_identifiers_and_catalogs_without_accelerators_are_left_alone():
    assert (
        labels(
            [
                ("fg [job_spec]", "fg [задание]"),
                ("KP_Begin", "Begin"),
                ("x86_64 only", "только x86-64"),
            ]
        )
        == []
    )
    plain = [
        entry(msgid.replace("_", ""), msgstr.replace("_", ""), index=i)
        for i, (msgid, msgstr) in enumerate(LABELS)
    ]
    plain.append(entry("could not get server_version", "не удалось получить версию", index=9))
    assert flags("accelerator", *plain) == []


# --- layout ---------------------------------------------------------------------------


def test_edge_whitespace_and_newlines_of_msgid_are_kept():
    (space,) = one("layout", "New password: ", "Новый пароль:")
    assert space[2] == "Новый пароль: " and "ends with" in space[1]
    (newline,) = one("layout", "\nThe options are:\n", "Параметры:\n")
    assert "starts with \\n" in newline[1] and newline[2] == "\n"
    (indent,) = one("layout", "  KEY   the key\n", "键   键\n", lang="zh")
    assert indent[2] == "  "
    (blank,) = one("layout", "Usage: %s\n\n", "Использование: %s\n")
    assert blank[2] == "Использование: %s\n\n"


@pytest.mark.parametrize(
    "msgid, msgstr, lang",
    [
        ("Name: ", "名称：", "zh"),  # full-width colon carries the space
        (" (core dumped)", "（核心已转储）", "zh"),
        ("total ", "总计", "zh"),  # no space between Chinese words
        ("Name", "Имя        ", "ru"),  # spaces added align a column
        ("  -O0\t\tno optimizations\n", "  -O0            без оптимизаций\n", "ru"),
        ("A long line that\nwraps here.\n", "Длинная строка, которая переносится здесь.\n", "ru"),
    ],
)
def test_layout_a_translation_may_change(msgid, msgstr, lang):
    assert one("layout", msgid, msgstr, lang=lang) == []


def test_an_edge_written_twice_is_a_paste_slip():
    (space,) = one("layout", "Please choose the correct package: ", "Выберите пакет:  ")
    assert "written twice" in space[1] and space[2] == "Выберите пакет: "
    (zh,) = one("layout", "New %s password: ", "新的 %s 密码：  ", lang="zh")
    assert zh[2] == "新的 %s 密码： "
    # a column padded by msgid's own run is padded to the translation's width
    assert one("layout", "  Entry point address:    ", "  Адрес точки входа:   ") == []


# help lines whose indentation the catalog keeps as msgid has it
KEPT_INDENTS = [
    (f"  -{letter}, --{word}   {word} the files\n", f"  -{letter}, --{word}   файлы: {word}\n")
    for letter, word in zip(
        "abcdefghijkl", "add bind copy drop edit fold grow hide join keep list move".split()
    )
]


def test_an_indentation_written_twice_where_the_catalog_keeps_indentation():
    doubled = entry("  -f, --skip-fields=N   skip\n", "    -f, --skip-fields=Н   пропуск\n")
    kept = [entry(msgid, msgstr, index=i) for i, (msgid, msgstr) in enumerate(KEPT_INDENTS, 1)]
    ((_, message, expected, _),) = flags("layout", doubled, *kept)
    assert "indentation written twice" in message and "12 of 12" in message
    assert expected == "  "
    # a catalog that re-pads its labels (right-aligned counts) doubles one by chance
    repadded = [
        entry(f"   {word}: %lu\n", f"      {word}ов: %lu\n", index=i)
        for i, word in enumerate("read seen kept lost".split(), 1)
    ]
    assert flags("layout", doubled, *kept[:3], *repadded) == []


def test_chinese_keeps_an_indentation_before_full_width_punctuation():
    (lost,) = one(
        "layout",
        '  (use "git add <file>..." to update)',
        '（使用 "git add <文件>..." 更新）',
        lang="zh",
    )
    assert lost[2] == "  "


def test_a_space_chinese_drops_counts_where_the_catalog_keeps_it():
    lost = entry(" filetype  : %08lx (%s)\n", "文件类型  : %08lx (%s)\n", lang="zh")
    kept = [
        entry(f" Display {word} of files\n", f" 显示文件的{hanzi}\n", lang="zh", index=i)
        for i, (word, hanzi) in enumerate(
            zip(
                "sizes names lines times dates types flags modes users hosts".split(),
                "大小名称行时间日期类型标志模式用户主机"[::2],
            ),
            1,
        )
    ]
    ((_, message, expected, _),) = flags("layout", lost, *kept, lang="zh")
    assert "10 of 10" in message and expected == " "
    assert flags("layout", lost, *kept[:4], lang="zh") == []  # too few to tell a habit
    # a small catalog's five such messages tell it (" and Sunday" / " 和星期日")
    ((_, message, _, _),) = flags("layout", lost, *kept[:5], lang="zh")
    assert "5 of 5" in message


# help texts whose msgid ends its last sentence with a space
STOP_SPACES = [
    (f"Calculates the {word} of an investment. ", f"Вычисляет {ru} инвестиции.")
    for word, ru in (("value", "стоимость"), ("rate", "ставку"), ("term", "срок"))
]


def test_a_space_after_a_last_sentence_counts_where_the_catalog_keeps_it():
    lost = entry("Calculates the interest of a loan. ", "Вычисляет проценты по займу.")
    dropped = [entry(m, s, index=i) for i, (m, s) in enumerate(STOP_SPACES, 1)]
    assert flags("layout", lost, *dropped) == []  # the writer's habit, not a join
    kept = [entry(m, s + " ", index=i) for i, (m, s) in enumerate(STOP_SPACES, 1)]
    ((_, message, expected, _),) = flags("layout", lost, *kept)
    assert "3 of 3" in message and expected == "Вычисляет проценты по займу. "
    # after a placeholder the space joins what the program prints next
    assert len(one("layout", "Cannot open %s. ", "Не удалось открыть %s.")) == 1


def test_tabs_added_escapes_lost_and_empty_plural_forms():
    (tab,) = one("layout", "Name  value", "Имя\tзначение")
    assert tab[3] == "\t"
    (escape,) = one("layout", "No program name given\\n", "Не задано имя программы")
    assert "\\n" in escape[1]
    found = one("layout", "%d file", ["%d файл", "", "%d файлов"], plural="%d files")
    assert len(found) == 1 and "empty plural form" in found[0][1]


def test_plural_form_count_against_the_header_end_to_end(tmp_path):
    po = tmp_path / "app.po"
    po.write_text(
        HEADER.format(lang="ru", n=3) + 'msgid "%d file"\nmsgid_plural "%d files"\n'
        'msgstr[0] "%d файл"\nmsgstr[1] "%d файла"\n\n'
        '#, c-format\nmsgid "%s has %d files"\nmsgstr "%d файлов в %s"\n',
        encoding="utf-8",
    )
    found = {(f.entry, f.check): f for f in check_catalog(po, ["layout", "placeholder"])}
    assert found[(0, "layout")].severity == "error" and "nplurals=3" in found[(0, "layout")].message
    assert found[(1, "placeholder")].expected == "%2$d файлов в %1$s"
    result = run_aligner(
        "check", str(po), "--checks", "variable,markup,verbatim,layout", "--format", "json"
    )
    assert result.returncode == 1, result.stderr
    assert {f["check"] for f in json.loads(result.stdout)["flags"]} == {"layout"}


# --- docsets --------------------------------------------------------------------------


def test_in_a_docset_a_version_lacking_the_tags_all_others_have_is_flagged():
    cells = {
        lang: Cell.join(lang, [text], [0])
        for lang, text in (
            ("en", "Press <b>OK</b> to go on."),
            ("ru", "Нажмите <b>OK</b>, чтобы продолжить."),
            ("kk", "Жалғастыру үшін OK басыңыз."),
        )
    }
    document = Document((Unit("r1", cells),), ("en", "ru", "kk"), "en", ("en", "ru", "kk"))
    found = build(["markup"])[0].run(document)
    assert sorted((f.lang, f.expected) for f in found) == [("kk", "</b>"), ("kk", "<b>")]
