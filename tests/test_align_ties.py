"""Near ties of a pair's search broken by the rest of the document (``ties.placed``).

In a list of near-parallel strings with one dropped, every placement of the omission costs
the search about the same; the words that tell the strings apart occur once in the list. A
confident bead elsewhere ("Pixels of extra space on the end" = "... в конце") pairs them.
"""

from __future__ import annotations

from aligner.align import align
from aligner.align.lexicon import paragraph_words
from aligner.align.pairwise import Bead
from aligner.align.ties import placed
from tests.test_align_lexical import _beads, _docset

_SIDES = ["Bottom", "End", "Left", "Right", "Start", "Top"]
_RU_SIDES = ["снизу", "в конце", "слева", "справа", "в начале", "сверху"]
_PIXELS = ["bottom side", "end", "left side", "right side", "start", "top side"]
_RU_PIXELS = [
    "с нижней стороны",
    "в конце",
    "с левой стороны",
    "с правой стороны",
    "в начале",
    "с верхней стороны",
]
_BEFORE = [
    ("Color to use for even rows", "Цвет для чётных строк"),
    ("Comments about the program", "Комментарии о программе"),
    ("Display of this cursor", "Дисплей этого курсора"),
    ("Grid line width", "Ширина линий сетки"),
    ("List of authors of the program", "Список авторов программы"),
]
_BETWEEN = [
    ("Maximum Content Height", "Максимальная высота содержимого"),
    ("Name of the volume", "Имя тома"),
    ("Number of Pages", "Число страниц"),
]
_AFTER = [
    ("Show a menubar", "Показывать панель меню"),
    ("Show all apps", "Показ всех приложений"),
    ("The name of the widget", "Имя виджета"),
]


def _texts() -> tuple[list[str], list[str]]:
    """A catalog's strings: "Margin on X" for six X (ru drops "Top"), later "Pixels of
    extra space on the X", where "end" and "start" are "в конце" and "в начале" again."""
    en = [e for e, _ in _BEFORE] + [f"Margin on {side}" for side in _SIDES]
    ru = [r for _, r in _BEFORE] + [f"Отступ {side}" for side in _RU_SIDES[:-1]]
    en += [e for e, _ in _BETWEEN] + [f"Pixels of extra space on the {s}" for s in _PIXELS]
    ru += [r for _, r in _BETWEEN] + [
        f"Пикселы дополнительного пространства {s}" for s in _RU_PIXELS
    ]
    return en + [e for e, _ in _AFTER], ru + [r for _, r in _AFTER]


def test_the_omission_goes_where_the_document_pairs_the_words(tmp_path):
    en, ru = _texts()
    beads = _beads(align(_docset(tmp_path, en, ru), fresh=True))
    top = en.index("Margin on Top")
    assert ((top,), ()) in beads  # was "Margin on Bottom": the list shifted by one
    assert ((top - 4,), (top - 4,)) in beads  # "Margin on End" with "Отступ в конце"


def _words(texts: list[str]) -> list[frozenset[str]]:
    return [paragraph_words(text) for text in texts]


def test_a_rare_word_sharing_its_bead_with_another_pairs_with_nothing():
    # "Wichert" and "Akkerman" meet "Автор" in the same bead elsewhere: neither is its pair
    en = ["AUTHOR", "Wichert Akkerman", "Written by Wichert Akkerman", "Some other text here"]
    ru = ["АВТОР", "Автор Вихерт Аккерман", "Какой-то другой текст"]
    beads = [
        Bead(0, 1, 0, 1, 0.4),
        Bead(1, 2, 1, 1, 0.45),
        Bead(2, 3, 1, 2, 1.0),
        Bead(3, 4, 2, 3, 1.0),
    ]
    assert placed(beads, _words(en), _words(ru)) == beads


def test_the_search_placement_stays_without_evidence():
    en = ["Margin on Bottom", "Margin on End", "Margin on Left", "Show all apps"]
    ru = ["Отступ слева", "Отступ снизу", "Показ всех приложений"]
    beads = [
        Bead(0, 1, 0, 1, 0.2),
        Bead(1, 2, 1, 2, 0.2),
        Bead(2, 3, 2, 2, 0.45),
        Bead(3, 4, 2, 3, 1.0),
    ]
    assert placed(beads, _words(en), _words(ru)) == beads


def test_a_rare_word_of_the_translation_finds_its_pivot_word_met_twice():
    # kk "Корея" is met once outside the run, beside "Korea" (met twice: the other one in
    # another form); the omission is "Kingdom of the Netherlands", not the Korea before it,
    # and of two equally borne out places the one nearer the search's wins
    en = [
        "Kingdom of Tonga",
        "Kingdom of the Netherlands",
        "Korea, Democratic People's Republic of",
        "Korea, Republic of",
        "Republic of Benin",
        "Republic of Korea, the other form",
        "Kingdom of Spain",
    ]
    kk = [
        "Тонга Патшалығы",
        "Корея (Солтүстік)",
        "Корея Республикасы",
        "Бенин Республикасы",
        "Корей түбегінің басқа түрі",
        "Испания Патшалығы",
    ]
    beads = [
        Bead(0, 1, 0, 1, 0.866),
        Bead(1, 2, 1, 2, 0.866),
        Bead(2, 3, 2, 2, 0.45),
        Bead(3, 4, 2, 3, 0.95),
        Bead(4, 5, 3, 4, 1.0),
        Bead(5, 6, 4, 5, 1.0),
        Bead(6, 7, 5, 6, 1.0),
    ]
    words = [paragraph_words(text, roots=True) for text in kk]
    fixed = placed(beads, _words(en), words)
    assert fixed[:3] == [Bead(0, 1, 0, 1, 0.866), Bead(1, 2, 1, 1, 0.45), Bead(2, 3, 1, 2, 0.866)]
    assert fixed[3:] == beads[3:]


def _shifted(sure: float) -> list[Bead]:
    """The search's beads for ``_texts``: "Margin on Bottom" dropped, the list shifted by
    one; the beads after the list found with confidence ``sure``."""
    en, ru = _texts()
    first = len(_BEFORE)
    beads = [Bead(i, i + 1, i, i + 1, 1.0) for i in range(first)]
    beads.append(Bead(first, first + 1, first, first, 0.45))
    beads += [Bead(i, i + 1, i - 1, i, 0.164) for i in range(first + 1, first + len(_SIDES))]
    start = first + len(_SIDES)
    return beads + [Bead(i, i + 1, i - 1, i, sure) for i in range(start, len(en))]


def test_only_confident_beads_bear_a_placement_out():
    en, ru = _texts()
    words = (_words(en), _words(ru))
    top = en.index("Margin on Top")
    moved = placed(_shifted(1.0), *words)
    assert Bead(top, top + 1, top, top, 0.45) in moved
    # the "Pixels" beads unsure themselves (a shifted list too, maybe): no evidence
    assert placed(_shifted(0.5), *words) == _shifted(0.5)
