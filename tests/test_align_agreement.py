"""One pair's merge checked against the other pairs' texts (``nway.agreed``).

A merge of pivot paragraphs widens the row for every language: zh dropping "FLTK Fluid file"
and merging its place into "FastTracker II audio" must not take ru and kk with it, when their
partners of the pivot paragraph keep its verbatim words and the merged zh paragraph has none.
"""

from __future__ import annotations

from aligner.align.nway import agreed, merge_pairs
from aligner.align.pairwise import Bead

EN = ["D-Bus service file", "FLTK Fluid file", "FastTracker II audio", "Doom WAD file"]
RU = ["Файл службы D-Bus", "Файл FLTK Fluid", "Аудио FastTracker II", "Файл Doom WAD"]
KK = ["D-Bus қызмет файлы", "FLTK Fluid файлы", "FastTracker II аудиосы", "Doom WAD файлы"]
ZH = ["D-Bus 服务文件", "FastTracker II 音频", "Doom WAD 文件"]  # FLTK Fluid dropped


def _ones(count: int) -> list[Bead]:
    return [Bead(i, i + 1, i, i + 1, 1.0) for i in range(count)]


def _rows(texts, pairs):
    fixed = agreed("en", texts, pairs)
    cells = merge_pairs("en", len(texts["en"]), fixed, ["en", "ru", "kk", "zh"])
    return [c.ranges for c in cells]


def test_a_merge_the_other_languages_disown_is_an_omission():
    texts = {"en": EN, "ru": RU, "kk": KK, "zh": ZH}
    zh = [Bead(0, 1, 0, 1, 1.0), Bead(1, 3, 1, 2, 0.9), Bead(3, 4, 2, 3, 1.0)]
    pairs = {"ru": _ones(4), "kk": _ones(4), "zh": zh}
    rows = _rows(texts, pairs)
    assert len(rows) == 4  # was 3: ru and kk 1-2 merged with the zh merge
    assert rows[1] == {"en": (1, 2), "ru": (1, 2), "kk": (1, 2), "zh": (0, 0)}
    assert rows[2] == {"en": (2, 3), "ru": (2, 3), "kk": (2, 3), "zh": (1, 2)}


def test_a_true_merge_keeps_its_row():
    zh = ["D-Bus 服务文件", "FLTK Fluid 文件 FastTracker II 音频", "Doom WAD 文件"]
    texts = {"en": EN, "ru": RU, "kk": KK, "zh": zh}
    merged = [Bead(0, 1, 0, 1, 1.0), Bead(1, 3, 1, 2, 0.9), Bead(3, 4, 2, 3, 1.0)]
    rows = _rows(texts, {"ru": _ones(4), "kk": _ones(4), "zh": merged})
    assert rows[1] == {"en": (1, 3), "ru": (1, 3), "kk": (1, 3), "zh": (1, 2)}


def test_a_word_written_in_the_merging_alphabet_is_not_missing():
    en = ["Slow mobile connection, try 3G", "Web browser has a problem", "Restart it"]
    zh = ["移动网络连接慢 3G", "Web 浏览器有问题", "重新启动"]
    ru = ["Медленное соединение 3G Проблема в веб-браузере", "Перезапустите его"]
    merged = [Bead(0, 2, 0, 1, 0.9), Bead(2, 3, 1, 2, 1.0)]
    rows = _rows_three({"en": en, "ru": ru, "zh": zh}, {"ru": merged, "zh": _ones(3)})
    assert rows[0] == {"en": (0, 2), "ru": (0, 1), "zh": (0, 2)}


def _rows_three(texts, pairs):
    fixed = agreed("en", texts, pairs)
    return [c.ranges for c in merge_pairs("en", len(texts["en"]), fixed, ["en", "ru", "zh"])]
