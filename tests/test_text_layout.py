"""Wrapping cells in terminal cells: CJK is two cells wide, offsets stay valid, nothing overflows."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tui.safe_text import visible
from tui.text_layout import estimate_height, wrap

EN = (
    "The two heads of state held talks in a cordial, friendly and pragmatic atmosphere, "
    "spoke highly of the development achievements of China-Kazakhstan relations."
)
ZH = "两国元首在亲切、友好、务实的气氛中举行会谈，高度评价中哈建交31年来两国关系发展取得的成就。"
KK = "Мемлекет басшылары жылы, достық және іскерлік ахуалда келіссөздер жүргізді."


@pytest.mark.parametrize("text", [EN, ZH, KK, "a" * 50, ZH + "\n\n" + EN])
@pytest.mark.parametrize("width", [1, 2, 7, 20, 33])
def test_lines_fit_the_width_and_cover_the_text(text, width):
    lines = wrap(text, width)
    for start, end in lines:
        piece = text[start:end]
        assert cell_len(piece) <= max(width, 2 if any(ord(c) > 0x2E80 for c in piece) else 1)
        assert "\n" not in piece
    covered = "".join(text[s:e] for s, e in lines).replace(" ", "")
    assert covered == text.replace(" ", "").replace("\n", "")


def test_latin_breaks_at_spaces():
    assert [EN[s:e] for s, e in wrap(EN, 20)][:3] == [
        "The two heads of",
        "state held talks in",
        "a cordial, friendly",
    ]


def test_chinese_breaks_between_characters_and_is_two_cells_wide():
    lines = [ZH[s:e] for s, e in wrap(ZH, 20)]
    assert all(cell_len(line) <= 20 for line in lines)
    assert not any(line.startswith(("，", "。", "、")) for line in lines)


def test_blank_line_between_paragraphs_of_one_cell_is_kept():
    text = "one\n\ntwo"
    assert [text[s:e] for s, e in wrap(text, 10)] == ["one", "", "two"]


def test_estimate_is_close_to_the_real_height():
    for text in (EN * 3, ZH * 3, KK * 3):
        real = len(wrap(text, 30))
        assert abs(estimate_height(text, 30) - real) <= max(1, real // 4)


def test_visible_maps_controls_one_to_one():
    text = "red \x1b[31malert\x1b[0m\tend\x07\r"
    shown = visible(text)
    assert len(shown) == len(text)
    assert "\x1b" not in shown and "\x07" not in shown and "\r" not in shown
    assert "␛[31malert" in shown


@pytest.mark.parametrize(
    "text",
    [
        "Семья 👨\u200d👩\u200d👧 и флаг 🇰🇿 в тексте, " * 3,
        "Cafe\u0301 cre\u0300me bru\u0302le\u0301e " * 4,
        "한국어 한 글자 " * 5,
    ],
)
@pytest.mark.parametrize("width", [3, 8, 15])
def test_emoji_sequences_flags_and_accents_are_measured_as_drawn(text, width):
    """A family emoji or a flag is one two-cell character, an accent none: the lines measure
    what the terminal draws (Rich, wcwidth), so none overflows the column or is cut short."""
    lines = wrap(text, width)
    for start, end in lines:
        assert cell_len(text[start:end]) <= width
    covered = "".join(text[s:e] for s, e in lines).replace(" ", "")
    assert covered == text.replace(" ", "")


@pytest.mark.parametrize("emoji", ["👨\u200d👩\u200d👧", "🇰🇿", "👍🏽", "❤\ufe0f"])
def test_a_line_of_emoji_sequences_is_not_broken_early(emoji):
    """Three two-cell emoji and two spaces are 8 cells: one line at width 8 (counting the
    characters of a sequence one by one would make it 2 or 3 lines)."""
    text = " ".join([emoji] * 3)
    assert cell_len(text) == 8
    assert wrap(text, 8) == ((0, len(text)),)
