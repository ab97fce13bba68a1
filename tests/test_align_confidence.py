"""Row confidence says whether another alignment is nearly as good, not how well lengths fit."""

from __future__ import annotations

import random

from aligner.align import align
from aligner.docset import load
from tests.conftest import write_docset

_LETTERS = "абвгдежзиклмнопрстуфхцчшщыэюя"


def _word(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(_LETTERS) for _ in range(length))


def _docset(tmp_path, en: list[str], ru: list[str]):
    files = {"en.txt": "\n\n".join(en) + "\n", "ru.txt": "\n\n".join(ru) + "\n"}
    return load(write_docset(tmp_path / "docset", files))


def test_loosely_rendered_strings_nothing_competes_with_are_sure(tmp_path):
    rng = random.Random(11)
    en, ru = [], []
    for k in range(60):
        words = rng.randint(2, 8)
        en.append(
            " ".join(_word(rng, rng.randint(3, 9)).upper()[:1] + "x" * 3 for _ in range(words))
        )
        # every seventh rendered five times as long: a poor length fit, but the only partner
        scale = 5 if k % 7 == 3 else 1
        ru.append(" ".join(_word(rng, rng.randint(4, 10)) for _ in range(words * scale)))
    alignment = align(_docset(tmp_path, en, ru), fresh=True)
    assert [(row.indices("en"), row.indices("ru")) for row in alignment.rows] == [
        ((k,), (k,)) for k in range(60)
    ]
    # the old length-fit confidence gave these rows 0.6-0.75: a reviewer was sent to them
    assert min(row.score for row in alignment.rows) >= 0.9
