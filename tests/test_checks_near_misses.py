"""Slips of what msgid holds verbatim that the checks used to pass by: a word or option msgid
writes more often than msgstr, the rest a near miss (``spelling``, ``verbatim``); an end mark
lost after a symbol or before an accelerator, a Chinese question without its mark
(``punctuation``); an accelerator lost in a catalog whose few labels the damage hides
(``accelerator``); a lower-case variable written one letter off (``variable``). Each beside
the faithful translation that must stay quiet."""

from __future__ import annotations

import re

import polib
import pytest

from tests.test_checks_recall import SENTENCES, catalog, flags_of

# a Russian catalog: Cyrillic text around the words it keeps in Latin letters
RU_FILLER = [
    ("Open the file", "Открыть файл"),
    ("Save changes", "Сохранить изменения"),
    ("Print the document", "Напечатать документ"),
]


def found(path, checks):
    """(msgid, check, expected) of every flag."""
    return [(msgid, check, expected) for msgid, check, expected, _ in flags_of(path, checks)]


# --- spelling ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "msgid, msgstr, right",
    [
        (
            "generate microMIPS instructions\ndo not generate microMIPS instructions",
            "генерировать инструкции microMIPS\nне генерировать инструкции micrIoMPS",
            "microMIPS",
        ),
        (
            "  --sync    invoke sync before getting usage info",
            "  --sync    вызывать synk перед получением информации",
            "sync",
        ),
        (" * [-]LCASE      same as [-]lcase", " * [-]LCASE      то же, что [-]lase", "lcase"),
    ],
)
def test_a_word_msgid_writes_more_often_than_msgstr_the_rest_misspelt_is_flagged(
    tmp_path, msgid, msgstr, right
):
    path = catalog(tmp_path, RU_FILLER + [(msgid, msgstr)])
    assert found(path, ["spelling"]) == [(msgid, "spelling", right)]


@pytest.mark.parametrize(
    "msgid, msgstr",
    [
        ("invoke sync before sync", "вызывать sync перед синхронизацией"),  # said once
        ("a file and a file", "file и files"),  # another form of the word
        ("Restart GNOME, then GNOME", "Перезапустить GNOME-ның"),
    ],
)
def test_a_word_written_fewer_times_with_no_near_miss_is_not_flagged(tmp_path, msgid, msgstr):
    path = catalog(tmp_path, RU_FILLER + [(msgid, msgstr)])
    assert found(path, ["spelling"]) == []


def test_an_all_capitals_name_has_no_inflected_form(tmp_path):
    msgid = "Setting pipeline to PAUSED ..."
    path = catalog(tmp_path, RU_FILLER + [(msgid, "Установка конвейера в состояние PAUSES…")])
    assert found(path, ["spelling"]) == [(msgid, "spelling", "PAUSED")]
    kept = catalog(tmp_path, RU_FILLER + [("unknown demangling style", "стиль demangle")], "k.po")
    assert found(kept, ["spelling"]) == []


def test_a_word_the_translation_writes_only_where_msgid_has_it_is_no_word_of_its_own(
    tmp_path,
):
    """ "GDK" in four msgstrs, each where msgid says "GDK": kept from msgid, not a word the
    translation uses on its own, so "GDK+" for msgid's "GTK+" is a slip."""
    gdk = [(f"GDK error {i}", f"Ошибка GDK {i}") for i in range(4)]
    msgid = "GTK+ debugging flags to set"
    path = catalog(tmp_path, RU_FILLER + gdk + [(msgid, "Флаги отладки GDK+")])
    assert found(path, ["spelling"]) == [(msgid, "spelling", "GTK")]


def test_in_a_latin_script_translation_a_near_miss_of_its_own_words_stays_quiet(tmp_path):
    """Italian writes the metavariable PORT as "PORTA", a word it uses everywhere
    ("porta"); Portuguese writes "EXPR1" for "EXP1" in messages whose msgid has EXPR1. A
    slip that is no word of the translation's is still one ("AppSteam" beside
    "AppStream")."""
    ports = [(f"server port {i}", f"porta del server {i}") for i in range(3)]
    msgid = "  -p, --port=PORT   database server port"
    italian = catalog(tmp_path, ports + [(msgid, "  -p, --port=PORTA   porta del server")], "it")
    assert found(italian, ["spelling"]) == []
    expr = [(f"EXPR1 -o EXPR2 {i}", f"EXPR1 -o EXPR2 {i}") for i in range(3)]
    pair = ("(( EXP1 ))\n    EXP1 is arithmetic", "(( EXPR1 ))\n    EXPR1 é aritmética")
    portuguese = catalog(tmp_path, expr + [pair], "pt_BR", name="pt.po")
    assert found(portuguese, ["spelling"]) == []
    msgid = "AppStream data for AppStream"
    german = catalog(tmp_path, [(msgid, "AppStream-Daten für AppSteam")], "de", name="de.po")
    assert found(german, ["spelling"]) == [(msgid, "spelling", "AppStream")]


def test_a_metavariable_kept_with_its_english_ending_translated_is_no_slip(tmp_path):
    numbers = [(f"every NUMBER {i}", f"NUMBER ごと {i}") for i in range(3)]
    msgid = "display progress messages every NUMBERth record"
    path = catalog(tmp_path, numbers + [(msgid, "NUMBER 番目の記録ごとに表示")], "ja")
    assert found(path, ["spelling"]) == []


# --- verbatim ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "msgid, msgstr, right",
    [
        (
            "  -n, --lines=NUM   output the last NUM lines;\n      or use -n +NUM",
            "  -n, --lines=ЧИСЛО  вывести последние ЧИСЛО строк;\n      или -t +ЧИСЛО",
            "-n",
        ),
        (
            "      --backup[=CONTROL]  make a backup\n  -b   like --backup",
            "      --backup[=КОНТРОЛЬ]  создать копию\n  -b   как --backun",
            "--backup",
        ),
    ],
)
def test_an_option_msgid_writes_more_often_than_msgstr_the_rest_misspelt_is_flagged(
    tmp_path, msgid, msgstr, right
):
    path = catalog(tmp_path, [(msgid, msgstr)])
    assert found(path, ["verbatim"]) == [(msgid, "verbatim", right)]


def test_an_option_written_fewer_times_with_none_in_its_place_is_not_flagged(tmp_path):
    msgid = "  -n, --lines=NUM   output the last NUM lines;\n      or use -n +NUM"
    path = catalog(tmp_path, [(msgid, "  -n, --lines=ЧИСЛО  вывести последние ЧИСЛО строк")])
    assert found(path, ["verbatim"]) == []


# --- punctuation ------------------------------------------------------------------------


def test_an_end_mark_lost_after_a_symbol_msgid_keeps_is_flagged(tmp_path):
    msgid = "Name of the input method module used by GTK+."
    lost = catalog(tmp_path, SENTENCES + [(msgid, "Имя модуля метода ввода для GTK+")])
    assert found(lost, ["punctuation"]) == [(msgid, "punctuation", "GTK+.")]
    kept = catalog(tmp_path, SENTENCES + [(msgid, "Имя модуля для GTK+.")], name="kept.po")
    assert found(kept, ["punctuation"]) == []


def test_an_end_mark_lost_before_an_accelerator_written_after_the_label_is_flagged(tmp_path):
    lost = catalog(tmp_path, [("_Location:", "位置(_L)")], lang="zh_CN")
    assert found(lost, ["punctuation"]) == [("_Location:", "punctuation", "位置(_L)：")]
    for name, msgstr in (("after.po", "位置(_L)："), ("before.po", "位置：(_L)")):
        kept = catalog(tmp_path, [("_Location:", msgstr)], lang="zh_CN", name=name)
        assert found(kept, ["punctuation"]) == []


def test_a_chinese_question_without_its_mark_after_a_particle_is_flagged(tmp_path):
    msgid = "Did you mean to tag a new blob?"
    lost = catalog(tmp_path, [(msgid, "您是想创建新的标签么")], lang="zh_CN")
    assert [f[1] for f in found(lost, ["punctuation"])] == ["punctuation"]
    kept = catalog(tmp_path, [(msgid, "您是想创建新的标签么？")], lang="zh_CN", name="kept.po")
    assert found(kept, ["punctuation"]) == []


# --- accelerator ------------------------------------------------------------------------

PINENTRY = [
    ("|pinentry-label|_Cancel", "|pinentry-label|Отмена (_C)"),
    ("|pinentry-label|_No", "|pinentry-label|Нет (_N)"),
    ("|pinentry-label|_OK", "|pinentry-label|_OK"),
    ("|pinentry-label|_Save in password manager", "|pinentry-label|Сохранить пароль (_S)"),
    ("|pinentry-label|_Yes", "|pinentry-label|Да (_Y)"),
]


def test_damage_to_most_of_a_catalogs_few_labels_does_not_hide_its_accelerator(tmp_path):
    """Five labels, three damaged: two keys lost ("Отмена (C)"), one doubled. A key written
    at all, even damaged, shows that the catalog uses the marker."""
    damaged = list(PINENTRY)
    damaged[0] = (damaged[0][0], "|pinentry-label|Отмена (C)")
    damaged[1] = (damaged[1][0], "|pinentry-label|Нет (N)")
    damaged[3] = (damaged[3][0], "|pinentry-label|Сох_ранить пароль (_S)")
    path = catalog(tmp_path, damaged)
    assert sorted(f[0] for f in found(path, ["accelerator"])) == sorted(
        damaged[i][0] for i in (0, 1, 3)
    )
    # a catalog whose labels have no key at all does not use the marker
    stripped = [(msgid, re.sub(r" \(_.\)|_", "", msgstr)) for msgid, msgstr in PINENTRY]
    assert found(catalog(tmp_path, stripped, name="stripped.po"), ["accelerator"]) == []


def test_a_small_catalog_with_half_its_few_labels_stripped_still_uses_the_marker(tmp_path):
    """Seven labels (a small GNOME app), three of them stripped by damage: four keys the
    translator wrote into their own words show that the catalog uses the marker."""
    labels = [
        ("_About Clocks", "_О приложении"),
        ("_Add", "_Добавить"),
        ("_Help", "_Справка"),
        ("_Keyboard Shortcuts", "_Комбинации клавиш"),
        ("_Open", "_Открыть"),
        ("_Done", "_Готово"),
        ("_Cancel", "_Отмена"),
    ]
    damaged = [(m, s.replace("_", "") if i < 3 else s) for i, (m, s) in enumerate(labels)]
    path = catalog(tmp_path, damaged)
    assert sorted(f[0] for f in found(path, ["accelerator"])) == sorted(m for m, _ in labels[:3])
    # one key left is no habit: a translator may keep one by chance
    one = [(m, s.replace("_", "") if i else s) for i, (m, s) in enumerate(labels)]
    assert found(catalog(tmp_path, one, name="one.po"), ["accelerator"]) == []


def test_a_plural_labels_msgid_and_msgid_plural_carry_one_accelerator(tmp_path):
    """ "Open in New _Tab" / "Open in %d New _Tabs": one key, which a form must keep once."""
    plural = polib.POEntry(
        msgid="Open in New _Tab",
        msgid_plural="Open in %d New _Tabs",
        msgstr_plural={
            0: "Открыть в новой _вкладке",
            1: "Открыть в %d но_вых _вкладках",
            2: "Открыть в %d новых вкладках",
        },
    )
    path = catalog(tmp_path, [*PINENTRY, plural])
    flagged = [f for f in flags_of(path, ["accelerator"]) if f[0] == "Open in New _Tab"]
    assert [f[3].split(";")[0] for f in flagged] == [
        "msgstr has 2 accelerators (_в, _в)",
        "msgid has the accelerator _T",
    ]


# --- variable ---------------------------------------------------------------------------


def test_a_lower_case_variable_one_letter_off_among_cyrillic_words_is_misspelt(tmp_path):
    msgid = 'Used $at without ".set noat"'
    path = catalog(tmp_path, [(msgid, "Используется $as без «.set noat»")])
    assert found(path, ["variable"]) == [(msgid, "variable", "$at")]
    prose = catalog(tmp_path, [('returns "$line"', "renvoie «$lines»")], lang="fr", name="fr.po")
    assert found(prose, ["variable"]) == []  # French prose may rename it by its own words
    notation = catalog(tmp_path, [("passed as $1...$n", "передаются как $1...$N")], name="n.po")
    assert found(notation, ["variable"]) == []  # in capitals: the translator's notation
