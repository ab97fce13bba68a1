"""The pivot's stems (``lexicon.pivot_stems``): a Latin word of the pivot whose first letters
another word of the text shares also holds that stem, so "creation" meets "создания" through
"create" = "создать" elsewhere, as the other text's stems already do."""

from __future__ import annotations

from aligner.align import align
from aligner.align.lexicon import learn_links, paragraph_words, pivot_stems
from aligner.align.ties import _same_word
from tests.test_align_lexical import _beads, _docset

_BEFORE = [
    ("Change the visibility of the menubar", "Изменить видимость панели меню"),
    ("Choose another application", "Выбрать другое приложение"),
    ("Close all windows of this folder", "Закрыть все окна этой папки"),
    ("Copy the selected files", "Копировать выбранные файлы"),
    ("Create a new folder", "Создать новую папку"),
]
_SORTED = ["creation date", "deletion date", "name", "size", "type"]
_RU_SORTED = ["дате создания", "имени", "размеру", "типу"]  # no "deletion date"
_AFTER = [
    ("Empty the trash", "Очистить корзину"),
    ("Files created today", "Файлы созданы сегодня"),
    ("Open the location", "Открыть адрес"),
    ("Rename the selected file", "Переименовать выбранный файл"),
]


def test_a_stem_only_where_two_words_share_it():
    words = pivot_stems(
        [paragraph_words(t) for t in ("Confirm deletion", "Items deleted", "Read it", "reading")]
    )
    assert "+delet" in words[0] and "+delet" in words[1]
    assert not any(w[0] == "+" for w in words[2] | words[3])  # "read", "reading": one each
    assert _same_word("+delet", "deletion") and not _same_word("deleted", "deletion")


def test_the_omission_goes_where_the_stem_pairs_the_words(tmp_path):
    # "Keep items sorted by their creation date" and "... deletion date", as long, beside
    # "Упорядочить файлы по дате создания": only "create" = "создать" and "created" =
    # "созданы" elsewhere tell which one ru dropped ("creation" itself occurs once)
    en = [e for e, _ in _BEFORE] + [f"Keep items sorted by their {s}" for s in _SORTED]
    ru = [r for _, r in _BEFORE] + [f"Упорядочить файлы по {s}" for s in _RU_SORTED]
    en += [e for e, _ in _AFTER]
    ru += [r for _, r in _AFTER]
    beads = _beads(align(_docset(tmp_path, en, ru), fresh=True))
    dropped = en.index("Keep items sorted by their deletion date")
    assert ((dropped,), ()) in beads
    assert ((dropped - 1,), (dropped - 1,)) in beads  # creation date with "дате создания"


def test_a_stem_met_with_its_word_alone_takes_no_partner_from_it():
    # "+margi" is met in just the beads "margin" is: it would take "~отсту" from "margin"
    # (competitive linking gives each word one partner) and leave "margin" a worse one
    sides = [("bottom", "~снизу"), ("top", "~сверх"), ("left", "~слева"), ("right", "~справ")]
    pivot = [frozenset({"margin", "+margi", e}) for e, _ in sides] + [frozenset({"margins"})]
    other = [frozenset({"~отсту", f}) for _, f in sides] + [frozenset({"~поля"})]
    pivot += [frozenset({f"word{k}"}) for k in range(12)]  # other beads: margin is no
    other += [frozenset({f"~слово{k}"}) for k in range(12)]  # common word
    links = learn_links(pivot, other, [(i, i) for i in range(len(pivot))])
    assert links["~отсту"] == {"margin"}
