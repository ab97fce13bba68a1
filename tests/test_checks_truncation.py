"""A msgstr cut short that keeps a well-formed beginning (issue 15): found by how far
shorter it is and how few messages end where it ends, or by which of msgid's translations
it keeps (the first) and lacks (the last); a terse translation of the same length stays
quiet."""

from __future__ import annotations

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
# and a length habit: "Could not open the X in the Y." as "Не удалось открыть X в Y."
OPENED = [
    (f"Could not open the {en} in the {place}.", f"Не удалось открыть {ru} в {where}.")
    for en, ru in (("file", "файл"), ("image", "образ"), ("disk", "диск"), ("page", "страницу"))
    for place, where in (
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
]
CUT_MODEL = "The child model of the outline in the sidebar"


def test_a_far_shorter_msgstr_ending_where_few_messages_end_is_flagged(tmp_path):
    path = catalog(tmp_path, OPENED + MODELS + [(CUT_MODEL, "Модель")])
    found = flags_of(path, ["truncation"])
    assert [(f[0], f[1]) for f in found] == [(CUT_MODEL, "truncation")]
    assert '"модель", which ends few of the messages it is in' in found[0][3]


def test_a_word_the_catalog_ends_messages_with_is_no_cut_end(tmp_path):
    labels = [(f"{en} model", "Модель") for en in ("Default", "Basic", "Simple")]
    path = catalog(tmp_path, OPENED + MODELS + labels + [(CUT_MODEL, "Модель")])
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
