"""Real catalogs' untouched messages that are no error: the checks leave them alone.

Found by reading the flags on catalogs no development seed held (NetworkManager, gedit,
gnome-calculator, ...): the translators' credits, unit symbols in Kazakh, list items that
msgid repeats itself.
"""

from __future__ import annotations

from tests.test_checks_recall import catalog, flags_of

KAZAKH = [
    ("Open the file", "Файлды ашу"),
    ("Save the document", "Құжатты сақтау"),
    ("Close the window", "Терезені жабу"),
]


def test_translator_credits_are_not_checked(tmp_path):
    path = catalog(
        tmp_path,
        [*KAZAKH, ("translator-credits", "Baurzhan Muftakhidinov <baurthefirst@gmail.com>")],
        lang="kk",
    )
    assert flags_of(path, ["language", "untranslated", "spelling", "name"]) == []


def test_unit_symbols_are_not_russian_words_in_kazakh(tmp_path):
    path = catalog(tmp_path, [*KAZAKH, ("%s m/s", "%s м/с"), ("%s K", "%s К")], lang="kk")
    assert flags_of(path, ["language"]) == []


def test_a_one_letter_preposition_before_its_word_is_still_russian(tmp_path):
    path = catalog(tmp_path, [*KAZAKH, ("Connect to %s", "Соединение с %s")], lang="kk")
    assert [msgid for msgid, *_ in flags_of(path, ["language"])] == ["Connect to %s"]


def test_list_items_repeated_as_msgid_repeats_them(tmp_path):
    path = catalog(
        tmp_path,
        [
            ("k,K,Kelvin,kelvin", "к,К,Кельвин,кельвин"),
            ("degC,˚C,C,c,Celsius,celsius", "˚C,C,c,Цельсий,цельсий"),
        ],
    )
    assert flags_of(path, ["repeat"]) == []


def test_a_list_item_msgid_does_not_repeat_is_still_flagged(tmp_path):
    path = catalog(tmp_path, [("red, green, blue", "красный, зелёный, зелёный")])
    assert [check for _, check, *_ in flags_of(path, ["repeat"])] == ["repeat"]


def test_an_adjective_rendered_by_the_names_stem_is_no_misspelling(tmp_path):
    path = catalog(
        tmp_path,
        [*KAZAKH, ("Croatian Kuna", "Хорват кунасы"), ("Japanese", "Жапон")],
        lang="kk",
    )
    assert flags_of(path, ["name"]) == []


def test_a_name_that_lost_its_last_letter_is_still_misspelt(tmp_path):
    path = catalog(tmp_path, [*KAZAKH, ("Italian Envelope", "Итали конверті")], lang="kk")
    assert [msgid for msgid, *_ in flags_of(path, ["name"])] == ["Italian Envelope"]
