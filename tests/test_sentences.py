"""Where sentences end: one definition for the aligner, the facts and the checks."""

from __future__ import annotations

import random
import re

import pytest

from aligner import sentences
from aligner.sentences import end_marks, sentence_count, sentence_ends, sentence_spans


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("FILES", 1),
        ("One. Two! Three?", 3),
        ("See e.g. the manual. Then stop.", 2),  # an abbreviation before a small letter
        ("Written by J. Smith and R. Roe.", 1),  # initials
        ("Version 2.0 is out. It is 3.5 times faster.", 2),  # decimal points
        ("He said: «Go.» Then he left.", 2),  # a closing quote belongs to its sentence
        ("т. е. это одно предложение. Второе.", 2),
        ("Бұл бірінші сөйлем. әрі қарай жалғасады.", 1),  # a Kazakh small letter continues it
        ("中哈两国元首举行会谈。双方一致认为！是否继续？", 3),
        ("Wait… Then go", 2),
    ],
)
def test_sentence_count(text, count):
    assert sentence_count(text) == count


def test_spans_cover_each_sentence_without_the_spaces_between():
    text = "  One sentence.  Two «quoted.» 三。四 "
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "One sentence.",
        "Two «quoted.»",
        "三。",
        "四",
    ]


def test_ends_and_marks_agree():
    text = "First (really!) done. Next."
    assert sentence_ends(text) == [end for _, end in end_marks(text)]
    assert [text[s:e] for s, e in end_marks(text)] == [".", "."]


def test_sentence_ends_as_the_look_behind_first_pattern_found_them():
    """``_END`` checks for an initial ("J.") after the first mark, for speed: it must find
    the same marks as the pattern that checks before it, on texts dense in marks."""
    reference = re.compile(
        r"(?<![\s.][A-ZА-Я])[.!?…]+[\"'»”’)\]]*(?=\s+[^\s" + sentences._LOWER + r"]|\s*$)"
        r"|[。！？]+[”’」』）]*"
    )
    rng = random.Random(3)
    alphabet = list("aZJА.яx .!?…。！？\"'»”’)]」』）\n\t")
    for _ in range(50_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        expected = [m.span() for m in reference.finditer(text)]
        assert end_marks(text) == expected, text
        assert sentences.sentence_end_count(text) == len(expected)
