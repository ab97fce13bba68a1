"""Wrapping cell text to a column width, in terminal cells, keeping character offsets.

Widths are ``aligner.terminal``'s (wcwidth, grapheme clusters whole): a Chinese character
takes two cells; Latin and Cyrillic words break at spaces; Chinese breaks
between any two characters; a word longer than the column is cut. Each wrapped line is a
``(start, end)`` range of offsets into the text, so highlighted spans (flags, search hits) map
onto lines without re-measuring. Newlines are hard breaks.
"""

from __future__ import annotations

import re
from functools import lru_cache

from aligner.terminal import char_widths


@lru_cache(maxsize=16384)
def wrap(text: str, width: int) -> tuple[tuple[int, int], ...]:
    """Lines of ``text`` wrapped to ``width`` cells, as (start, end) offsets; at least one line."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    offset = 0
    for part in text.split("\n"):
        _wrap_part(part, offset, width, lines)
        offset += len(part) + 1
    return tuple(lines) or ((0, 0),)


_NO_BREAK_BEFORE = set("，。、；：！？）》」』”’…—·,.;:!?)")


def _wrap_part(part: str, base: int, width: int, lines: list[tuple[int, int]]) -> None:
    n = len(part)
    if not part:
        lines.append((base, base))
        return
    if part.isascii() and n <= width:
        lines.append((base, base + n))
        return
    widths = char_widths(part)
    start = used = 0
    brk_end = brk_next = -1  # the current line may end at brk_end; the next then starts at brk_next
    i = 0
    while i < n:
        ch = part[i]
        w = widths[i]
        if ch == " ":
            if used + w > width:
                lines.append((base + start, base + i))
                start = _skip_spaces(part, i)
                i, used, brk_end = start, 0, -1
                continue
            brk_end, brk_next = i, i + 1
        elif w == 2 and i > start and ch not in _NO_BREAK_BEFORE:
            brk_end, brk_next = i, i
        if used + w > width and i > start:
            if brk_end > start:
                lines.append((base + start, base + brk_end))
                start = _skip_spaces(part, brk_next)
            else:
                lines.append((base + start, base + i))
                start = i
            used, brk_end = sum(widths[start:i]), -1
            continue
        used += w
        i += 1
    lines.append((base + start, base + n))


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] == " ":
        i += 1
    return i


_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f"
    "\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)


def estimate_lines(cells: int, paragraphs: int, width: int) -> int:
    """Lines a cell of ``cells`` terminal cells in ``paragraphs`` paragraphs (joined by a
    blank line) takes at ``width``, approximately: word wrapping wastes about 8%."""
    return -(-cells * 108 // (100 * max(1, width))) + 2 * max(0, paragraphs - 1)


def estimate_height(text: str, width: int) -> int:
    """A cheap approximation of the wrapped height of ``text`` (no wrapping)."""
    if "\n" not in text:
        cells = len(text) if text.isascii() else len(text) + len(_WIDE.findall(text))
        return max(1, estimate_lines(cells, 1, width))
    return sum(estimate_height(part, width) for part in text.split("\n"))
