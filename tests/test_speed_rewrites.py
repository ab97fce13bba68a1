"""Code rewritten for speed (facts, the aligner's profiles) gives what the original gave."""

from __future__ import annotations

import re
import sys

from aligner.align.profile import native_letters
from aligner.facts import text


def test_other_digit_class_is_the_look_ahead_it_replaced():
    """A digit of another script: one character class instead of a look-ahead, tested on
    every code point."""
    reference = re.compile("(?![0-9\uff10-\uff19])\\d")
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        assert (text._OTHER_DIGIT.match(ch) is None) == (reference.match(ch) is None), hex(code)


def test_prepare_reads_ascii_and_other_scripts_alike():
    for raw, expected in [
        ("no digits here", ("no digits here", False)),
        ("5 apples", ("5 apples", True)),
        ("100% sure", ("100% sure", True)),
        ("٣ تفاحات", ("3 تفاحات", True)),
        ("１２３％", ("123%", True)),
        ("価格，３．５", ("価格,3.5", True)),
        ("пять", ("пять", False)),
        ("％ alone", ("% alone", False)),
    ]:
        assert text.prepare(raw) == expected, raw


def test_native_letters_counts_what_deleting_the_rest_left():
    """The profile's count of letters outside ASCII, against deleting every other
    character, on every code point and on mixed texts."""
    reference = re.compile(r"[\W\d_\x00-\x7f]+")
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        assert native_letters(ch) == len(reference.sub("", ch)), hex(code)
    for sample in [
        "",
        "plain ASCII 123",
        "Қазақстан, 2023 ж. «Астана» — ٣",
        "习近平：“一带一路”²",
        "e\u0301 ①",
    ]:
        assert native_letters(sample) == len(reference.sub("", sample)), sample


def test_cyrillic_capitals_are_the_class_they_replaced():
    from aligner.facts import names

    reference = re.compile("[" + names.CYRILLIC_UPPER + "]")
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        assert (ch in names._CYRILLIC_CAPITALS) == (reference.match(ch) is not None), hex(code)


def test_doubled_word_classes_match_alike_with_and_without_ignorecase():
    """The repeat check compares only the second copy without case (``(?i:\\1)``): its
    classes, compiled without IGNORECASE (a third of the compile time), match the very
    characters they matched with it, on every code point."""
    from aligner.checks import repeat

    for cls in (f"[^\\W\\d_{repeat._UNSPACED}]", r"[\w\-'’]", "[ \u00a0\u202f]"):
        folded, plain = re.compile(cls, re.IGNORECASE), re.compile(cls)
        for code in range(sys.maxunicode + 1):
            ch = chr(code)
            assert (folded.match(ch) is None) == (plain.match(ch) is None), (cls, hex(code))
    for sample, words in [
        ("экрана Экрана. Файл", ["Экрана"]),
        ("Save SAVE the file", []),  # a metavariable before its word
        ("the the", ["the"]),
        ("İi İi", ["İi"]),
        ("窗口 窗口 and and", ["and"]),
    ]:
        assert [word for _, _, word in repeat.doubled_words(sample)] == words, sample


def test_script_letter_counts_are_the_classes_they_replaced():
    """The language check counts each script's letters with its own class (Han compiled only
    for a text that may hold it) and adds them up where one class of two scripts counted."""
    import random

    from aligner.checks import language

    latin, cyrillic, han = language._LATIN, language._CYRILLIC, language._HAN
    others = {
        "han": re.compile(f"[{latin}{cyrillic}]"),
        "cyrillic": re.compile(f"[{latin}{han}]"),
        "latin": re.compile(f"[{cyrillic}{han}]"),
    }
    own = {"han": han, "cyrillic": cyrillic, "latin": latin}
    alphabet = "aZéŁ ЖжәҚ中文字カナ한글１٣.,!\u3040\u30ff\u3400\u9fff\uf900\ufaff\U00020000"
    rng = random.Random(15)
    samples = [
        "",
        "123",
        "...",
        *("".join(rng.choices(alphabet, k=rng.randint(1, 60))) for _ in range(3000)),
    ]
    for sample in samples:
        for script, pattern in others.items():
            assert language._foreign_letters(script, sample) == len(pattern.findall(sample)), sample
            assert language._has_letter_of(script, sample) == bool(
                re.search(f"[{own[script]}]", sample)
            )
        counts = {name: len(re.findall(f"[{own[name]}]", sample)) for name in own}
        expected = (
            (max(counts, key=counts.get), sum(counts.values()))
            if any(counts.values())
            else (None, 0)
        )
        assert language.dominant_script(sample) == expected, text
