"""Plain-text rendering of an alignment for the terminal, measured in terminal cells.

A Chinese character takes two cells, a combining mark none, an emoji sequence two;
``aligner.terminal.cell_width`` (wcwidth) counts that way, so columns line up in any
language. Control characters in the document text are shown as visible symbols, never sent
raw to the terminal.
"""

from __future__ import annotations

from .. import terminal
from ..alignment import Alignment, Row, cell_text
from ..docset import DocSet

LOW_MARK = "!"


cell_width = terminal.cell_width  # one measure of terminal cells for the whole program


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
    for part in terminal.graphemes(text):  # an emoji sequence or accented letter stays whole
        w = cell_width(part)
        if used + w > width - 1:
            break
        out.append(part)
        used += w
    return "".join(out) + "…" + " " * (width - 1 - used)


def summary(docset: DocSet, alignment: Alignment, width: int = 120) -> list[str]:
    """One line per row: id, confidence (``!`` when low), then per language range and text."""
    langs = alignment.languages
    id_width = max([len(r.id) for r in alignment.rows] + [2])
    span_width = max([len(r.span(lang)) for r in alignment.rows for lang in langs] + [1])
    lead = id_width + 8
    column = max(span_width + 8, (width - lead) // max(len(langs), 1) - 1)
    header = clip("row", id_width) + "  score " + " ".join(clip(lang, column) for lang in langs)
    lines = [header.rstrip()]
    for row in alignment.rows:
        mark = LOW_MARK if row.low_confidence else " "
        cells = [_cell(docset, row, lang, span_width, column) for lang in langs]
        lines.append(
            (f"{clip(row.id, id_width)} {mark}{row.score:4.2f}  " + " ".join(cells)).rstrip()
        )
    return lines


def _cell(docset: DocSet, row: Row, lang: str, span_width: int, column: int) -> str:
    span = row.span(lang) or "-"
    text = " ".join(visible(cell_text(docset, row, lang)).split())
    return clip(f"{span:<{span_width}} {text}", column)
