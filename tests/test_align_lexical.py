"""The aligner on text without anchors: copies, verbatim words, word pairs learnt from the text.

The documents here have no digits, dates or names, so the facts give no anchor at all; what
places their paragraphs is what ``aligner.align.lexicon`` learns from the two texts. The
"translation" is a made-up language in Cyrillic: each English word has one fixed rendering
(longer or shorter than the word), the way a real translation keeps its vocabulary through a
document; a few words (GNOME, Ctrl) are kept verbatim, as real translations keep them.
"""

from __future__ import annotations

import random

from aligner.align import align
from aligner.align.lexicon import learn_links, paragraph_words, sounds_like, word_keys
from aligner.docset import load
from tests.conftest import write_docset

_VOCABULARY = (
    "open the settings panel and choose network wireless connection to a hidden window file "
    "folder select click press button keyboard mouse screen display sound printer battery "
    "power user account password share files backup restore search browse menu top bar "
    "system application list show hide name change remove add new old default option when "
    "you your can must will may not with from into over under right left bottom side icon "
    "device drive disk format copy move delete trash empty private public remote server "
    "address proxy security lock login session desktop theme font size colour contrast zoom"
).split()
_LETTERS = "абвгдежзиклмнопрстуфхцчшщыэюя"


def _rendering(word: str) -> str:
    """The made-up language's word for ``word``: fixed, Cyrillic, of a length of its own."""
    rng = random.Random(word)
    return "".join(rng.choice(_LETTERS) for _ in range(max(2, len(word) + rng.randint(-2, 3))))


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_VOCABULARY) for _ in range(words)).capitalize() + "."


def _translate(text: str, verbatim=("gnome", "ctrl")) -> str:
    out = []
    for token in text.rstrip(".").split():
        word = token.lower()
        out.append(token if word in verbatim else _rendering(word))
    return " ".join(out).capitalize() + "."


def _prose(seed: int, count: int, words=(6, 30)) -> list[str]:
    rng = random.Random(seed)
    return [_sentence(rng, rng.randint(*words)) for _ in range(count)]


def _docset(tmp_path, en: list[str], ru: list[str]):
    return load(
        write_docset(
            tmp_path / "docset",
            {"en.txt": "\n\n".join(en) + "\n", "ru.txt": "\n\n".join(ru) + "\n"},
        )
    )


def _beads(alignment) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(row.indices("en"), row.indices("ru")) for row in alignment.rows]


def test_word_keys_keep_latin_words_and_mark_stems_and_cjk_bigrams():
    assert paragraph_words("Press Ctrl+Alt+T to open GNOME Terminal.") >= {
        "ctrl",
        "alt",
        "gnome",
        "terminal",
    }
    russian = paragraph_words("Нажмите Ctrl, чтобы открыть файлы")
    assert {"ctrl", "~нажми", "~файлы"} <= russian and "~открыть" not in russian
    assert paragraph_words("打开网络设置") == {"~打开", "~开网", "~网络", "~络设", "~设置"}
    assert not any(":" in key for key in russian)  # anchor keys are the ones with ":"


def test_word_pairs_are_learnt_from_beads_and_each_other_word_keeps_its_best():
    english = (
        "open the file",
        "close the file",
        "open a window",
        "the window",
        "print it now",
        "save the file",
        "click the button",
        "press a key",
        "choose the colour",
        "find the printer",
        "the printer is ready",
        "the colour is red",
        "open it",
    )
    russian = (
        "открыть файл",
        "закрыть файл",
        "открыть окно",
        "окно",
        "печатать сейчас",
        "сохранить файл",
        "нажать кнопку",
        "нажать клавишу",
        "выбрать цвет",
        "найти принтер",
        "принтер готов",
        "цвет красный",
        "открыть его",
    )
    links = learn_links(
        [paragraph_words(p) for p in english],
        [paragraph_words(p) for p in russian],
        [(k, k) for k in range(13)],
    )
    assert links["~откры"] == {"open"} and links["~файл"] == {"file"}
    assert links["~принт"] == {"printer"} and links["~цвет"] == {"colour"}
    assert "~нажат" not in links  # once with "click", once with "press": no pair seen twice


def test_half_the_paragraphs_left_in_english_still_align_one_to_one(tmp_path):
    en = _prose(1, 60)
    ru = [p if k % 2 else _translate(p) for k, p in enumerate(en)]
    alignment = align(_docset(tmp_path, en, ru), fresh=True)
    assert _beads(alignment) == [((k,), (k,)) for k in range(60)]


def test_prose_without_digits_places_a_dropped_paragraph_by_its_words(tmp_path):
    en = _prose(2, 80, words=(12, 12))  # every paragraph the same length: length cannot tell
    ru = [_translate(p) for p in en]
    del ru[37]
    beads = _beads(align(_docset(tmp_path, en, ru), fresh=True))
    assert ((37,), ()) in beads
    assert beads == [
        ((k,), (k if k < 37 else k - 1,)) if k != 37 else ((37,), ()) for k in range(80)
    ]


def test_a_deleted_heading_leaves_its_neighbours_alone(tmp_path):
    rng = random.Random(3)
    en, ru = [], []
    for heading in ("Description", "Options", "See also", "Environment", "Notes", "Bugs"):
        body = [_sentence(rng, rng.randint(10, 30)) for _ in range(4)]
        en += [heading.upper(), *body]
        ru += [_translate(heading).upper(), *[_translate(p) for p in body]]
    dropped = en.index("SEE ALSO")
    del ru[dropped]
    beads = _beads(align(_docset(tmp_path, en, ru), fresh=True))
    assert ((dropped,), ()) in beads
    assert all(len(e) == 1 and len(o) <= 1 for e, o in beads)
    assert sum(1 for e, o in beads if e and o and e[0] == (o[0] + (o[0] >= dropped))) == len(en) - 1


def test_repeated_step_sentences_do_not_shift_the_rows(tmp_path):
    step = "Click on Network to open the panel."
    rng = random.Random(4)
    en = []
    for _ in range(12):
        en += [step, _sentence(rng, rng.randint(8, 25)), _sentence(rng, rng.randint(8, 25))]
    ru = [_translate(p) for p in en]
    del ru[20]  # a paragraph between two repeats of the step
    beads = _beads(align(_docset(tmp_path, en, ru), fresh=True))
    assert ((20,), ()) in beads
    assert [b for b in beads if b != ((20,), ())] == [
        ((k,), (k if k < 20 else k - 1,)) for k in range(len(en)) if k != 20
    ]


def test_the_same_text_gives_the_same_rows_every_time(tmp_path):
    en = _prose(5, 120)
    ru = [_translate(p) for k, p in enumerate(en) if k % 17 != 3]
    docset = _docset(tmp_path, en, ru)
    first = align(docset, fresh=True)
    assert all(align(docset, fresh=True).rows == first.rows for _ in range(3))


def test_loanwords_and_names_in_another_alphabet_meet_their_english_form():
    russian = paragraph_words("Сертификаты терминала и прокси-сервер Зимбабве")
    english = sounds_like(paragraph_words("Certificates of the terminal and proxy in Zimbabwe"))
    assert {"=trmn", "=prks", "=smbv", "=srtf"} <= russian & english
    assert not any(key[0] == "=" for key in paragraph_words("终端和代理服务器"))  # pinyin: no


def test_placeholders_and_tags_are_keys_as_they_stand():
    english = paragraph_words("Copy %s to %(count)d files in <b>${HOME}</b> or {0}")
    russian = paragraph_words("Скопировать %s в %(count)d файлов в <b>${HOME}</b> или {0}")
    assert {"%s", "%(count)d", "%<b", "%</b", "%${HOME}", "%{0}"} <= english & russian


def test_ui_strings_of_one_length_are_placed_by_their_placeholders(tmp_path):
    # the same words in every string: only the placeholders tell the strings apart
    codes = ["%s", "%d", "%u", "%x", "%c", "%i", "%f", "%e", "%g", "%r"]
    en = [
        f"Show the value of {codes[k % 10]} in {codes[(k * 7 + 3) // 10 % 10]}" for k in range(40)
    ]
    ru = [" ".join(_rendering(w) if w[0].isalpha() else w for w in p.split()) for p in en]
    del ru[23]
    beads = _beads(align(_docset(tmp_path, en, ru), fresh=True))
    assert ((23,), ()) in beads
    assert sum(1 for e, o in beads if e and o and o[0] == e[0] - (e[0] > 23)) == 39


def test_a_dropped_heading_is_not_merged_into_the_paragraph_before_it(tmp_path):
    rng = random.Random(6)
    words = sorted(
        {
            "".join(rng.choice("abcdefghijklmnoprstuvwy") for _ in range(rng.randint(3, 9)))
            for _ in range(800)
        }
    )
    zipf = [1 / (rank + 1) for rank in range(len(words))]  # real vocabularies are skewed

    def paragraph(extra=()):
        chosen = rng.choices(words, zipf, k=rng.randint(25, 40)) + list(extra)
        rng.shuffle(chosen)
        return " ".join(chosen).capitalize() + "."

    titles = [rng.sample(words[200:], 3) for _ in range(15)]
    en = []
    for k, title in enumerate(titles):
        en.append(" ".join(title).capitalize())
        # each title's words come back once in a later section, as real headings' words do
        en += [paragraph(titles[(k + 5) % 15] if n == 1 else ()) for n in range(3)]
    ru = [_translate(p, verbatim=()) for p in en]
    dropped = 24
    # the paragraph before it rendered loosely, longer by about the heading's length: the
    # lengths alone then prefer a merge of the two
    ru[dropped - 1] = _translate(
        en[dropped - 1].rstrip(".") + " " + " ".join(en[dropped - 2].split()[:3]).lower(),
        verbatim=(),
    )
    del ru[dropped]
    beads = _beads(align(_docset(tmp_path, en, ru), fresh=True))
    assert ((dropped,), ()) in beads
    assert all(len(e) <= 1 and len(o) <= 1 for e, o in beads)


def test_an_ordinal_meets_the_number_it_renders(tmp_path):
    en = [f"Move window to workspace {n}" for n in range(1, 13)]
    kk = [f"Терезені {n}-ші жұмыс орнына жылжыту" for n in range(1, 13)]
    del kk[4]
    docset = load(
        write_docset(
            tmp_path / "docset",
            {"en.txt": "\n\n".join(en) + "\n", "kk.txt": "\n\n".join(kk) + "\n"},
        )
    )
    rows = [(row.indices("en"), row.indices("kk")) for row in align(docset, fresh=True).rows]
    assert rows == [((k,), (k if k < 4 else k - 1,)) if k != 4 else ((4,), ()) for k in range(12)]


def test_a_heading_in_capitals_meets_the_heading_not_a_line_of_its_length(tmp_path):
    # a short man page: the line before a heading is dropped in the translation, and it is as
    # long as the translated heading; only the capitals say which line the heading is
    rng = random.Random(8)
    en, ru = [], []
    for heading, line in (
        ("NAME", "report the logs"),
        ("SYNOPSIS", "pslog -V"),
        ("DESCRIPTION", "show the path"),
        ("OPTIONS", "print the version"),
    ):
        body = _sentence(rng, rng.randint(8, 14))
        rendered = _translate(heading).upper()
        en += [heading, body, line]
        ru += [rendered, _translate(body), line if line.startswith("pslog") else _translate(line)]
    dropped = en.index("pslog -V")
    del ru[dropped]
    beads = _beads(align(_docset(tmp_path, en, ru), fresh=True))
    assert ((dropped,), ()) in beads
    headings = [k for k, p in enumerate(en) if p.isupper() and " " not in p]
    assert all(any(e == (k,) and o and ru[o[0]].isupper() for e, o in beads) for k in headings)


def test_a_heading_run_into_its_paragraph_is_one_row_with_it(tmp_path):
    # the translation writes "SEE ALSO" and the references as one paragraph
    rng = random.Random(9)
    en = [_sentence(rng, rng.randint(20, 40)) for _ in range(80)]
    en += ["SEE ALSO", "kill(1), killall(1), lsof(8), pkill(1), ps(1), kill(2)"]
    ru = [_translate(p) for p in en[:80]] + [_translate("see also").upper() + " " + en[81]]
    beads = _beads(align(_docset(tmp_path, en, ru), fresh=True))
    assert beads[-1] == ((80, 81), (80,))


# a made-up agglutinative language in Cyrillic: each English word is a root of one syllable
# with a case or plural ending that changes from string to string, as Kazakh words do
_SUFFIXES = ("терді", "тердің", "тері", "дағы", "сының", "ларға", "лерде", "ында", "ымен", "ынан")
_UI_WORDS = (
    "colour margin border space width height name title window label icon button menu bar "
    "row column line grid text size"
).split()


def _root(word: str) -> str:
    rng = random.Random(word)
    return rng.choice("бвгдзклмнпрстш") + rng.choice("аеыұүіо") + rng.choice("бвгдзклмнпрстш")


def test_roots_of_an_agglutinative_language_align_a_list_with_a_string_missing(tmp_path):
    """A list of short UI strings (as a gettext catalog's are) whose Kazakh-like translation
    lacks one string: every form of a word shares only its root ("түс", "түстерді",
    "түсінің"), so the first five letters say nothing and the lengths are all alike. With the
    roots as keys the missing string is found and every other row is right (before: 31-38
    of 40 rows right on three of these eight lists)."""
    for seed in range(8):
        rng = random.Random(seed)
        en = [" ".join(rng.sample(_UI_WORDS, rng.randint(2, 4))).capitalize() for _ in range(40)]
        kk = [
            " ".join(_root(w) + rng.choice(_SUFFIXES) for w in text.lower().split()).capitalize()
            for text in en
        ]
        del kk[20]
        folder = write_docset(
            tmp_path / f"list{seed}",
            {"en.txt": "\n\n".join(en) + "\n", "kk.txt": "\n\n".join(kk) + "\n"},
        )
        rows = [(row.indices("en"), row.indices("kk")) for row in align(load(folder)).rows]
        want = [((i,), () if i == 20 else (i - (i > 20),)) for i in range(40)]
        assert rows == want, f"list {seed}"


def test_roots_are_keys_only_in_agglutinative_languages():
    form = "түстерді"  # "the colours" (accusative)
    assert "~түс" in paragraph_words(form, roots=True)
    assert "~түс" not in paragraph_words(form)  # Russian: "изменить" is no "изм"
    assert "~түсте" in paragraph_words(form, roots=True)  # the stem stays a key


def _latin_rendering(word: str) -> str:
    """A made-up Latin-script language's word for ``word``: fixed, never an English word."""
    rng = random.Random("latin " + word)
    return "".join(rng.choice("bcdfgjkmpqvwxz") + rng.choice("aeiouy") for _ in range(3))


def test_a_latin_script_translation_learns_its_words_too(tmp_path):
    """A translation in Latin letters (German, French, Polish...) shares almost no word
    with the English as written, so its words are learnt as the stems of a Cyrillic one
    are: a dropped paragraph among paragraphs of one length is placed by its words (before,
    such words were compared only as written, and the rows around the gap were shifted)."""
    en = _prose(2, 80, words=(12, 12))
    de = [
        " ".join(_latin_rendering(w.lower()) for w in p.rstrip(".").split()).capitalize() + "."
        for p in en
    ]
    del de[37]
    folder = write_docset(
        tmp_path / "docset",
        {"en.txt": "\n\n".join(en) + "\n", "de.txt": "\n\n".join(de) + "\n"},
    )
    rows = [(row.indices("en"), row.indices("de")) for row in align(load(folder)).rows]
    assert rows == [((k,), (k - (k > 37),)) if k != 37 else ((37,), ()) for k in range(80)]


def test_a_short_copy_meets_its_copy_not_a_look_alike_with_other_symbols(tmp_path):
    # pstree(1): a tree drawing kept as it is, one of two "|-getty" lines lost in the
    # translation: "`-getty" is its own copy, not the remaining "|-getty"'s, and the word
    # after the drawing ("becomes") its translation alone
    rng = random.Random(6)
    before = [_sentence(rng, rng.randint(8, 25)) for _ in range(8)]
    after = [_sentence(rng, rng.randint(8, 25)) for _ in range(6)]
    tree = ["init-+-getty", "|-getty", "|-getty", "`-getty"]
    en = [*before, *tree, "becomes", "init---4*[getty]", *after]
    ru = [
        *map(_translate, before),
        *tree[:2],
        tree[3],
        "показывается как",
        "init---4*[getty]",
        *map(_translate, after),
    ]
    lost = len(before) + 2
    beads = _beads(align(_docset(tmp_path, en, ru), fresh=True))
    assert ((lost,), ()) in beads or ((lost - 1,), ()) in beads  # one of the two twins
    assert ((lost + 1,), (lost,)) in beads  # "`-getty" with "`-getty"
    assert ((lost + 2,), (lost + 1,)) in beads  # "becomes" with its translation alone


def test_a_heading_run_into_its_paragraph_is_found_by_the_word_said_twice(tmp_path):
    # each section is a program's name and a paragraph naming it once; the translation runs
    # one heading into its paragraph (the name now twice in one paragraph) and renders the
    # rest a little shorter, so the lengths prefer a dropped heading beside a 1-1: only the
    # name held twice on both sides of the merge says it is one
    names = ("Bluetooth", "Wacom", "Nautilus", "Evince", "Rhythmbox", "Totem", "Cheese")
    names += ("Epiphany", "Geary", "Maps", "Weather", "Clocks")
    rng = random.Random(11)
    verbatim = ("gnome", "ctrl", *(name.lower() for name in names))
    words = "open the settings panel and choose a window file folder select click press".split()
    en, ru = [], []
    for name in names:
        start, end = " ".join(rng.sample(words, 3)), " ".join(rng.sample(words, 9))
        en += [name, f"{start.capitalize()} with {name} {end}."]
        ru += [name, _translate(en[-1], verbatim)]
    k = en.index("Evince")
    ru[k : k + 2] = [ru[k] + " " + " ".join(ru[k + 1].split()[:-2]) + "."]
    beads = _beads(align(_docset(tmp_path, en, ru), fresh=True))
    assert ((k, k + 1), (k,)) in beads
    assert all(len(e) == len(o) == 1 for e, o in beads if e != (k, k + 1))


def test_word_keys_name_the_keys_a_paragraph_holds_twice():
    words, twice = word_keys("Группа Группа, которой принадлежит файл group")
    assert "~групп" in twice and "~групп" in words and "group" not in twice
    assert word_keys("The group the file is owned by", roots=False)[1] == {"the"}
    assert word_keys("打开网络，网络设置")[1] == {"~网络"}
