"""Text checks on catalog entries built by hand: repeats in every script, a message's end
punctuation in each language's own marks, untranslated messages judged by the catalog's own
lexicon, and messages in the wrong language (Russian in Kazakh)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from aligner.checks import run_document
from aligner.checks.base import Cell, Document, Unit


def catalog(pairs: list[tuple[str, str]], lang: str) -> Document:
    """A catalog's checks document: one unit per (msgid, msgstr)."""
    units = tuple(
        Unit(
            "",
            {"en": Cell.join("en", [msgid], [0]), lang: Cell.join(lang, [msgstr], [0])},
            1.0,
            index,
        )
        for index, (msgid, msgstr) in enumerate(pairs)
    )
    return Document(units, ("en", lang), "en", (lang,), catalog=True)


def flagged(pairs, lang, check):
    """(entry, flagged text, expected) of every flag ``check`` raises."""
    document = catalog(pairs, lang)
    return [
        (f.entry, document.units[f.entry].text(lang)[f.start : f.end], f.expected)
        for f in run_document(document, [check])
    ]


# --- repeats ------------------------------------------------------------------------------


def test_doubled_word_with_punctuation_attached_is_found_case_insensitively():
    pairs = [
        ("Clear the screen.", "Очистка экрана экрана."),
        ("Screen", "Экран экран"),
        ("Screen", "Экран"),
    ]
    assert flagged(pairs, "ru", "repeat") == [(0, " экрана", ""), (1, " экран", "")]


def test_grammatical_doublings_are_kept_per_language():
    assert (
        flagged(
            [
                (
                    "the position at which the value is shown",
                    "Die Position, an der der Wert angezeigt wird",
                )
            ],
            "de",
            "repeat",
        )
        == []
    )
    assert flagged([("we met", "nous nous sommes rencontrés")], "fr", "repeat") == []
    assert flagged([("the people who", "batho ba ba tlileng")], "st", "repeat") == []
    # the same doubling in a language whose grammar has none is damage
    assert flagged([("the people", "la la gente")], "es", "repeat") == [(0, " la", "")]


def test_help_text_columns_metavariables_and_placeholders_are_no_repeats():
    pairs = [
        (
            "  quit CHAR     CHAR will send a quit signal",
            "  quit СИМВОЛ    СИМВОЛ будет посылать сигнал выхода",
        ),
        (
            "  -b DAYS   print records older than DAYS days",
            "  -b ДНЕЙ   показать записи старше ДНЕЙ дней",
        ),
        ("%s versus %s", "%s и %s"),
    ]
    assert flagged(pairs, "ru", "repeat") == []


def test_a_doubling_msgid_has_too_is_no_damage():
    assert flagged([("that that is", "that that is")], "en-x", "repeat") == []
    assert flagged([("Tawi-Tawi", "塔威塔威")], "zh", "repeat") == []
    assert flagged([("Nkhotakota", "恩科塔科塔县")], "zh", "repeat") == []


def test_letters_that_meet_by_chance_across_msgid_words_shield_no_doubling():
    # "core register" holds "re re", "file level" "le le", "the theme" "the the": no
    # doubling of msgid's own, so the translation's is damage
    russian = [
        ("S+core register expected", "ожидается регистр регистр S+core"),
        ("Change the theme", "Изменить тему тему"),
    ]
    assert [entry for entry, _, _ in flagged(russian, "ru", "repeat")] == [0, 1]
    chinese = [("3-way merge if no file level merging required", "如果没有文有文件级合并需要")]
    assert flagged(chinese, "zh", "repeat") == [(0, "有文", "")]


def test_two_spaces_after_a_colon_are_a_slip_but_columns_and_sentence_gaps_are_not():
    pairs = [
        ("internal error: broken opcode descriptor", "внутренняя ошибка:  неверный дескриптор"),
        ("Access: %x", "Доступ:        %x"),  # a label's column gap
        ("Quote the values. If both are given", "Взять в кавычки.  Если оба заданы"),
    ]
    assert flagged(pairs, "ru", "repeat") == [(0, " ", "")]


def test_a_name_transliterated_with_a_chunk_doubled_it_does_not_repeat_is_flagged():
    pairs = [("Nevis", "尼维尼维斯"), ("Ljubljana", "卢布尔布尔雅那")]
    assert flagged(pairs, "zh", "repeat") == [(0, "尼维", ""), (1, "布尔", "")]


def test_doubled_chinese_chunk_is_damage_but_reduplication_is_grammar():
    pairs = [
        ("Whether the expander is open", "扩展器是否是否已展开"),
        ("Window", "窗口窗口"),
        ("Think it over", "请考虑考虑"),
        ("Have a look", "看看"),
        ("often", "常常"),
        ("one by one", "一个一个地处理"),
        ("purpose of", "目的的说明"),
    ]
    assert flagged(pairs, "zh", "repeat") == [(0, "是否", ""), (1, "窗口", "")]


def test_japanese_kana_reduplication_is_kept_and_a_doubled_word_is_not():
    pairs = [
        ("so-so", "まぁまぁ"),
        ("server version", "サーバーバージョン"),
        ("function definition for OID %u", "OID %uの関数の関数定義"),
    ]
    assert flagged(pairs, "ja", "repeat") == [(2, "の関数", "")]


def test_doubled_punctuation_and_spaces_but_not_ellipsis_paths_or_ranges():
    pairs = [
        ("Done.", "Готово.."),
        ("Done, next", "Готово,, далее"),
        ("Done.", "完成。。"),
        ("Wait...", "Подождите..."),
        ("Really?!", "Правда?!"),
        ("cd ..", "cd .."),
        ("1..10", "1..10"),
        ("std::string", "std::string"),
        ("not found", "не  найдено"),
        ("Done.  Next", "Готово.  Далее"),
    ]
    assert flagged(pairs, "ru", "repeat") == [
        (0, ".", ""),
        (1, ",", ""),
        (2, "。", ""),
        (8, " ", ""),
    ]


# --- end punctuation ----------------------------------------------------------------------


def test_end_punctuation_lost_or_changed_with_the_languages_own_mark():
    ru = flagged(
        [
            ("Save file:", "Сохранить файл"),
            ("Quit?", "Выйти"),
            ("Done.", "Готово,"),
            ("Open...", "Открыть"),
            ("Quit?", "Выйти?"),
        ],
        "ru",
        "punctuation",
    )
    assert ru == [
        (0, "файл", "файл:"),
        (1, "Выйти", "Выйти?"),
        (2, ",", "."),
        (3, "Открыть", "Открыть..."),
    ]
    zh = flagged(
        [("Save file:", "保存文件"), ("Quit?", "退出"), ("Done.", "完成。")], "zh", "punctuation"
    )
    assert zh == [(0, "保存文件", "保存文件："), (1, "退出", "退出？")]
    assert flagged([("Name:", "Nom")], "fr", "punctuation") == [(0, "Nom", "Nom\u00a0:")]


def test_question_marks_of_other_scripts_and_particles_count():
    assert flagged([("Quit?", "Έξοδος;")], "el", "punctuation") == []
    assert flagged([("Quit?", "خروج؟")], "ar", "punctuation") == []
    assert flagged([("Quit?", "終了しますか。")], "ja", "punctuation") == []
    assert flagged([("Quit?", "¿Salir?")], "es", "punctuation") == []


def test_a_dropped_full_stop_is_flagged_only_where_the_catalog_keeps_them():
    kept = [(f"Message number {i}.", f"Сообщение номер {i}.") for i in range(60)]
    dropped = [("File not found.", "Файл не найден")]
    assert flagged(kept + dropped, "ru", "punctuation") == [(60, "найден", "найден.")]
    # GNU error messages drop the final "." by convention: a catalog that does so often
    convention = [(f"error number {i}.", f"ошибка номер {i}") for i in range(10)]
    assert flagged(kept + convention, "ru", "punctuation") == []


def test_abbreviations_and_german_quotes_are_no_damage():
    assert flagged([("Virgin Islands, U.S.", "Виргинские Острова")], "ru", "punctuation") == []
    assert (
        flagged(
            [('file "%s" is not a regular file', "Datei »%s« ist keine normale Datei")],
            "de",
            "punctuation",
        )
        == []
    )


# --- untranslated -------------------------------------------------------------------------

LEXICON = [
    ("Save the document", "Сохранить документ"),
    ("Open a file", "Открыть файл"),
    ("Save changes", "Сохранить изменения"),
    ("File name", "Имя файла"),
    ("Firefox settings", "Настройки Firefox"),
    ("Quit Firefox", "Выйти из Firefox"),
    ("Recent files", "Недавние файлы"),
]


def test_a_copied_message_whose_words_the_catalog_translates_is_untranslated():
    copies = [
        ("Save file", "Save file"),
        ("Firefox", "Firefox"),
        ("GTK", "GTK"),
        ("exit [n]", "exit [n]"),
        ("len: %2u", "len: %2u"),
        ("Super Video CD", "Super Video CD"),
        ("OK", "OK"),
    ]
    pairs = list(LEXICON)
    for copy in copies:  # one at a time: a run of copies is deliberate (next test)
        pairs += [copy, ("Close", "Закрыть")]
    found = flagged(pairs, "ru", "untranslated")
    assert [(entry, text) for entry, text, _ in found] == [(7, "Save file")]


def test_the_suggestion_is_the_catalogs_own_translation_of_the_same_text():
    pairs = LEXICON + [("_Save file", "Сохранить _файл"), ("Save file", "Save file")]
    assert flagged(pairs, "ru", "untranslated")[0][2] == "Сохранить _файл"


def test_a_run_of_kept_messages_is_deliberate():
    keys = [("Delete", "Delete"), ("End", "End"), ("Home", "Home")]
    assert (
        flagged(LEXICON + [("Delete the file", "Удалить файл")] + keys, "ru", "untranslated") == []
    )


def test_english_text_that_is_not_msgid_in_a_cyrillic_catalog():
    pairs = LEXICON + [("Save file", "Save the file")]
    assert [entry for entry, _, _ in flagged(pairs, "ru", "untranslated")] == [7]


# --- wrong language -----------------------------------------------------------------------

KAZAKH = [
    ("Settings", "Баптаулар"),
    ("Save file", "Файлды сақтау"),
    ("Close", "Жабу"),
    ("Model", "Модель"),
    ("Open folder", "Буманы ашу"),
]


def test_russian_in_a_kazakh_catalog_at_any_length():
    pairs = KAZAKH + [
        ("Files and folders", "Файлы и папки"),
        ("Disable password", "Запретить показ пароля"),
        ("Guernsey", "Гернси"),
    ]
    found = [entry for entry, _, _ in flagged(pairs, "kk", "language")]
    assert found == [5, 6]


def test_kazakh_in_a_russian_catalog_and_cyrillic_in_a_chinese_one():
    assert [
        e
        for e, _, _ in flagged(
            [("Save file", "Файлды сақтау"), ("Close", "Закрыть")], "ru", "language"
        )
    ] == [0]
    assert [
        e for e, _, _ in flagged([("Close", "Закрыть"), ("Open", "打开")], "zh", "language")
    ] == [0]


def test_check_cli_reports_the_new_checks(tmp_path: Path):
    po = tmp_path / "ru.po"
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n'
        'Language: ru\\n"\n\n'
        'msgid "Save file:"\nmsgstr "Сохранить файл"\n\n'
        'msgid "Clear the screen."\nmsgstr "Очистка экрана экрана."\n',
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "aligner", "check", str(po), "--checks", "repeat,punctuation"],
        check=True,
        capture_output=True,
        text=True,
    )
    assert "written twice" in result.stdout and "ends with" in result.stdout
