"""Catalog damage the recall work of issue 15 taught the checks to see, each beside the
faithful translation that must stay quiet: end marks written as others, copies of msgid in
a catalog that translates everything, lower-case shell variables, a minus lost on one of two
equal values, msgstrs cut short (``truncation``) and empty ones (``empty``)."""

from __future__ import annotations

import json
import subprocess

import polib
import pytest

from aligner.catalog import read_catalog
from aligner.checks import check_catalog
from tests.conftest import run_aligner


def catalog(tmp_path, entries, lang="ru", name="c.po", valid=True):
    """A PO file of ``entries``: (msgid, msgstr) pairs or polib entries; msgfmt accepts it
    (unless not ``valid``: msgfmt's own format check refuses some damage too)."""
    po = polib.POFile()
    po.metadata = {
        "Language": lang,
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 "
        "&& n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    }
    for entry in entries:
        po.append(
            entry
            if isinstance(entry, polib.POEntry)
            else polib.POEntry(msgid=entry[0], msgstr=entry[1])
        )
    path = tmp_path / name
    po.save(str(path))
    checked = subprocess.run(
        ["msgfmt", "--check-format", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert (checked.returncode == 0) == valid, checked.stderr
    return path


def flags_of(path, checks):
    entries = {entry.index: entry for entry in read_catalog(path).entries}
    return [
        (entries[f.entry].msgid, f.check, f.expected, f.message)
        for f in check_catalog(path, list(checks))
    ]


# ru messages ending with a full stop, as a catalog that keeps its end marks has them
SENTENCES = [
    (f"The {en} could not be opened.", f"Не удалось открыть {ru}.")
    for en, ru in (
        ("file", "файл"),
        ("folder", "папку"),
        ("disk", "диск"),
        ("printer", "принтер"),
        ("archive", "архив"),
        ("image", "образ"),
        ("socket", "сокет"),
        ("device", "устройство"),
    )
]


@pytest.mark.parametrize(
    "msgid, msgstr, expected",
    [
        ("The tab bar is hidden.", "Панель вкладок скрыта!", "."),
        ("The key was not found.", "Ключ не найден?", "."),
        (
            "The following sequences are recognized:",
            "Распознаются следующие последовательности.",
            ":",
        ),
        ('See the value of key "%s".', "Проверьте значение ключа «%s»", "«%s»."),
    ],
)
def test_an_end_mark_written_as_another_or_lost_after_a_quote_is_flagged(
    tmp_path, msgid, msgstr, expected
):
    path = catalog(tmp_path, SENTENCES + [(msgid, msgstr)])
    found = [f for f in flags_of(path, ["punctuation"]) if f[0] == msgid]
    assert [(f[1], f[2]) for f in found] == [("punctuation", expected)]


def test_a_catalog_that_writes_exclamations_as_full_stops_is_not_flagged_for_it(tmp_path):
    # French habit: "!" of msgid as "." in most messages
    pairs = [
        (f"The {en} was saved!", f"Le {fr} a été enregistré.")
        for en, fr in (
            ("file", "fichier"),
            ("folder", "dossier"),
            ("image", "image"),
            ("archive", "archive"),
            ("document", "document"),
        )
    ]
    path = catalog(tmp_path, pairs, lang="fr")
    assert flags_of(path, ["punctuation"]) == []


def test_a_mark_dropped_alone_is_flagged_where_the_catalog_drops_marks_in_blocks(tmp_path):
    """A third of the messages drop their "." (one translator's block): that is the
    catalog's way, but a "." dropped among messages that all keep it is a slip."""
    kept = [(f"Entry {i} was saved.", f"Запись {i} сохранена.") for i in range(12)]
    block = [(f"Item {i} was moved.", f"Элемент {i} перемещён") for i in range(8)]
    slip = ("The socket is closed.", "Сокет закрыт")
    path = catalog(tmp_path, kept[:6] + [slip] + kept[6:] + block)
    found = [f[0] for f in flags_of(path, ["punctuation"])]
    assert found == ["The socket is closed."]


# a ru catalog that translates every message with words
TRANSLATED = SENTENCES + [
    ("Open", "Открыть"),
    ("Save", "Сохранить"),
    ("Regular file", "Обычный файл"),
]


def test_a_copied_msgid_in_a_catalog_that_translates_everything_is_flagged(tmp_path):
    path = catalog(tmp_path, TRANSLATED + [("Symbolic link", "Symbolic link")])
    found = flags_of(path, ["untranslated"])
    assert [(f[0], f[1]) for f in found] == [("Symbolic link", "untranslated")]
    assert "keeps only 1 of its" in found[0][3]


def test_a_copy_is_flagged_when_its_words_are_translated_far_more_than_kept(tmp_path):
    """ "stat" is kept (a command) as often as "cannot" is translated in number of words,
    but "cannot" is never kept: the copy is a slip."""
    stat = [("stat failed", "stat не выполнен"), ("call stat", "вызов stat")]
    cannot = [("cannot open %s", "не удаётся открыть %s"), ("cannot read", "не удаётся читать")]
    path = catalog(tmp_path, TRANSLATED + stat + cannot + [("cannot stat %s", "cannot stat %s")])
    found = flags_of(path, ["untranslated"])
    assert [(f[0], f[1]) for f in found] == [("cannot stat %s", "untranslated")]
    assert '"cannot" in 2 other messages' in found[0][3]
    kept = [(f"stat -{x}", f"stat -{x}") for x in "abcdef"]  # stat kept far more often
    path = catalog(tmp_path, TRANSLATED + stat + kept + [("cannot stat", "cannot stat")])
    assert flags_of(path, ["untranslated"]) == []


def test_a_name_kept_in_latin_letters_is_not_flagged_where_names_are_few(tmp_path):
    path = catalog(tmp_path, TRANSLATED + [("Bruno Haible", "Bruno Haible")])
    assert flags_of(path, ["untranslated"]) == []


SHELL_ID = "Unable to find common commit with $pretty_name"


@pytest.mark.parametrize(
    "msgstr",
    [
        "Не удалось найти общий коммит с $путь",
        "Не удалось найти общий коммит с $pretty_nam",
        "Не удалось найти общий коммит",
    ],
)
def test_a_lower_case_shell_variable_of_a_sh_format_entry_must_be_kept(tmp_path, msgstr):
    entry = polib.POEntry(msgid=SHELL_ID, msgstr=msgstr, flags=["sh-format"])
    # msgfmt --check-format refuses these too: the same verdict from the PO tools
    found = flags_of(catalog(tmp_path, [entry], valid=False), ["variable"])
    assert [(f[1], f[2]) for f in found] == [("variable", "$pretty_name")]
    kept = polib.POEntry(
        msgid=SHELL_ID, msgstr="Не удалось найти общий коммит с $pretty_name", flags=["sh-format"]
    )
    assert flags_of(catalog(tmp_path, [kept], name="kept.po"), ["variable"]) == []


def test_without_sh_format_a_lower_case_variable_counts_when_lost(tmp_path):
    # a .mo file has no flags: "$line $filename" may be a manual's prose, which French
    # writes "$ligne $nomfichier"; dropped with nothing in its place, it is still lost
    dropped = flags_of(
        catalog(tmp_path, [(SHELL_ID, "Не удалось найти общий коммит")]), ["variable"]
    )
    assert [(f[1], f[2]) for f in dropped] == [("variable", "$pretty_name")]
    prose = catalog(
        tmp_path,
        [('returns "$line $filename"', "renvoie «$ligne $nomfichier»")],
        lang="fr",
        name="fr.po",
    )
    assert flags_of(prose, ["variable"]) == []
    # a name no shell variable can have: the program's variable was translated
    translated = catalog(
        tmp_path, [(SHELL_ID, "Не удалось найти общий коммит с $путь")], name="ru.po"
    )
    assert [(f[1], f[2]) for f in flags_of(translated, ["variable"])] == [
        ("variable", "$pretty_name")
    ]
    # used twice, kept once
    twice = catalog(
        tmp_path,
        [('returns "$line $filename" or "$line $sub"', "возвращает «$line $filename» или «$sub»")],
        name="twice.po",
    )
    assert [(f[1], f[2]) for f in flags_of(twice, ["variable"])] == [("variable", "$line")]


def test_a_minus_lost_on_one_of_two_equal_values_is_flagged(tmp_path):
    msgid = "Whether to hint Xft fonts; 0=no, 1=yes, -1=default"
    path = catalog(tmp_path, [(msgid, "Хинтовать ли шрифты Xft; 0=нет, 1=да, 1=по умолчанию")])
    found = flags_of(path, ["quantity"])
    assert [(f[1], f[2]) for f in found] == [("quantity", "-1")]
    kept = catalog(
        tmp_path, [(msgid, "Хинтовать ли шрифты Xft; 0=нет, 1=да, -1=по умолчанию")], name="kept.po"
    )
    assert flags_of(kept, ["quantity"]) == []


# a catalog with a length habit to learn: "Could not open the X in the Y." is
# "Не удалось открыть X в Y." throughout
NOUNS = (
    ("file", "файл"),
    ("folder", "папку"),
    ("image", "образ"),
    ("archive", "архив"),
    ("socket", "сокет"),
    ("device", "устройство"),
    ("printer", "принтер"),
)
PLACES = (
    ("list", "списке"),
    ("menu", "меню"),
    ("window", "окне"),
    ("editor", "редакторе"),
    ("panel", "панели"),
    ("viewer", "просмотрщике"),
    ("browser", "обозревателе"),
)
OPENED = [
    (f"Could not open the {en} in the {place}.", f"Не удалось открыть {ru} в {where}.")
    for en, ru in NOUNS
    for place, where in PLACES
]


def test_a_msgstr_cut_short_is_flagged_at_its_end(tmp_path):
    cut_id = "Could not open the file in the terminal."
    path = catalog(tmp_path, OPENED + [(cut_id, "Не удалось открыть файл в")])
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [(cut_id, "truncation")]
    assert "cut short" in found[0][3] and '"в"' in found[0][3]


def test_a_terse_but_whole_translation_is_not_flagged_as_cut(tmp_path):
    path = catalog(
        tmp_path, OPENED + [("Could not open the file in the terminal.", "Файл не открыт.")]
    )
    assert flags_of(path, ["truncation"]) == []


# a catalog of Russian adjective + noun labels: an adjective ("-ая") ends none of them
LAYOUTS = [
    (f"{en} {thing}", f"{ru} {what}")
    for en, ru in (
        ("New", "Новая"),
        ("Old", "Старая"),
        ("Empty", "Пустая"),
        ("Hidden", "Скрытая"),
        ("Open", "Открытая"),
        ("Shared", "Общая"),
        ("Locked", "Закрытая"),
        ("Main", "Главная"),
        ("Right", "Правая"),
        ("Left", "Левая"),
    )
    for thing, what in (
        ("folder", "папка"),
        ("page", "страница"),
        ("table", "таблица"),
        ("tab", "вкладка"),
        ("list", "строка"),
        ("group", "группа"),
        ("column", "колонка"),
        ("card", "карточка"),
    )
]


def test_a_msgstr_ending_with_a_word_form_that_ends_no_message_is_flagged(tmp_path):
    cut_id = "Serbian keyboard (Cyrillic, with guillemets)"
    path = catalog(tmp_path, LAYOUTS + [(cut_id, "Сербская")])
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [(cut_id, "truncation")]
    assert '"сербская"' in found[0][3]


def test_a_bracketed_end_lost_is_a_cut_only_where_the_catalog_keeps_them(tmp_path):
    grouped = [(f"{en} (Standard)", f"{ru} (стандарт)") for en, ru in NOUNS + PLACES]
    kept = [(en, ru) for en, ru in OPENED]
    cut_id = "Could not open the printer in the menu (Standard)"
    cut = (cut_id, "Не удалось открыть принтер в меню")
    path = catalog(tmp_path, kept + grouped + [cut], name="keeps.po")
    found = flags_of(path, ["truncation"])
    assert [f[0] for f in found] == [cut_id]
    assert "bracketed end is missing" in found[0][3]
    dropped = [(f"{en} (Standard)", ru) for en, ru in NOUNS + PLACES]  # ISO-like: at will
    path = catalog(tmp_path, kept + dropped + [cut], name="drops.po")
    assert not any("bracketed" in f[3] for f in flags_of(path, ["truncation"]))


def test_an_empty_msgstr_is_flagged_in_a_finished_catalog_only(tmp_path):
    empty = polib.POEntry(msgid="Could not open the archive in the terminal.", msgstr="")
    finished = catalog(tmp_path, OPENED + [empty])
    found = flags_of(finished, ["empty"])
    assert [(f[0], f[1]) for f in found] == [(empty.msgid, "empty")]
    # half translated: the empty entries are the work to do, not damage
    todo = [polib.POEntry(msgid=msgid, msgstr="") for msgid, _ in OPENED[:30]]
    in_progress = catalog(tmp_path, OPENED[30:] + todo, name="todo.po")
    assert flags_of(in_progress, ["empty"]) == []
    # fuzzy: the translator's own to-do mark
    fuzzy = polib.POEntry(msgid=empty.msgid, msgstr="", flags=["fuzzy"])
    assert flags_of(catalog(tmp_path, OPENED + [fuzzy], name="fuzzy.po"), ["empty"]) == []


def test_a_plural_entry_with_an_empty_form_is_flagged_as_an_error(tmp_path):
    plural = polib.POEntry(
        msgid="%d file",
        msgid_plural="%d files",
        flags=["c-format"],
        msgstr_plural={0: "%d файл", 1: "%d файла", 2: ""},
    )
    path = catalog(tmp_path, [("Open", "Открыть"), plural])
    found = [f for f in check_catalog(path, ["empty"])]
    assert [(f.entry, f.paragraph, f.severity) for f in found] == [(1, 2, "error")]


def test_aligner_check_reports_the_new_checks_in_json(tmp_path):
    empty = polib.POEntry(msgid="Could not open the archive in the terminal.", msgstr="")
    path = catalog(
        tmp_path,
        OPENED + [("Could not open the file in the terminal.", "Не удалось открыть файл в"), empty],
    )
    result = run_aligner("check", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr  # a warning and an info: no error
    report = json.loads(result.stdout)
    flags = report.get("flags") or [f for each in report["files"] for f in each["flags"]]
    checks = {name for flag in flags for name in flag.get("checks", [flag["check"]])}
    assert {"truncation", "empty"} <= checks


def test_a_number_word_stands_for_one_number_only(tmp_path):
    # "два" renders "two"; the digit 2 beside it is lost, however the word reads
    path = catalog(
        tmp_path,
        [
            (
                "hash function 2 must have two arguments",
                "функция хеширования должна принимать два аргумента",
            ),
            (
                "hash function 3 must have two arguments",
                "функция хеширования 3 должна принимать два аргумента",
            ),
            (
                "is the first one ancestor of the other?",
                "является первым предком второго указанного коммита?",
            ),
            (
                "start counting with NUMBER at 1st line of first page (see --first-line-number)",
                "начать нумерацию с НОМЕРА с первой строки первой страницы (смотри --first-line-number)",
            ),
        ],
    )
    flagged = {msgid for msgid, check, *_ in flags_of(path, ["number"]) if check == "number"}
    assert flagged == {"hash function 2 must have two arguments"}
