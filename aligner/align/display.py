"""Plain-text rendering of an alignment for the terminal, measured in terminal cells.

A Chinese character takes two cells, a combining mark none; ``cell_width`` counts that way
(East Asian Width W/F = 2), so columns line up in any language. Control characters in the
document text are shown as visible symbols, never sent raw to the terminal.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .. import terminal
from ..alignment import Alignment, Row, cell_text
from ..docset import DocSet

LOW_MARK = "!"


@lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    """Terminal cells taken by one character: 0 (combining), 1, or 2 (wide/full-width)."""
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """Terminal cells taken by ``text`` (after ``visible``)."""
    if text.isascii():
        return len(text)
    return sum(char_width(ch) for ch in text)


def visible(text: str) -> str:
    """``text`` on one line with control characters shown as symbols (␛ for ESC, → for TAB...).

    The map is ``aligner.terminal``'s, the one every terminal output uses.
    """
    return terminal.visible(text)


def clip(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` cells (with … when cut), padded to exactly ``width``."""
    if cell_width(text) <= width:
        return text + " " * (width - cell_width(text))
    out, used = [], 0
    for ch in text:
        w = char_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…" + " " * (width - 1 - used)


def summary(docset: DocSet, alignment: Alignment, width: int = 120) -> list[str]:
    """One line per row: id, confidence (``!`` when low), then per language range and text."""
    langs = alignment.languages
    id_width = max([len(r.id) for r in alignment.rows] + [2])
    span_width = max([len(r.span(lang)) for r in alignment.rows for lang in langs] + [1])
    lead = id_width + 8
    column = max(span_width + 8, (width - lead) // max(len(langs), 1) - 1)
    header = clip("row", id_width) + "  score " + " ".join(
        clip(lang, column) for lang in langs)
    lines = [header.rstrip()]
    for row in alignment.rows:
        mark = LOW_MARK if row.low_confidence else " "
        cells = [_cell(docset, row, lang, span_width, column) for lang in langs]
        lines.append((f"{clip(row.id, id_width)} {mark}{row.score:4.2f}  " + " ".join(cells))
                     .rstrip())
    return lines


def _cell(docset: DocSet, row: Row, lang: str, span_width: int, column: int) -> str:
    span = row.span(lang) or "-"
    text = " ".join(visible(cell_text(docset, row, lang)).split())
    return clip(f"{span:<{span_width}} {text}", column)
