"""Aligned rows: the unit the checks, the review store and the UI work on.

A row holds, per language, a contiguous (possibly empty) range of paragraph indices. Every
paragraph of every language is in exactly one row, in order. Row ids are stable: they are
kept in ``alignment.tsv`` and reused, so review files keep pointing at the right rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .docset import DocSet

CELL_SEPARATOR = "\n\n"  # joins the paragraphs of one cell when it holds several


@dataclass(frozen=True)
class Row:
    """One aligned group: per language the paragraph indices it holds, and a confidence."""

    id: str
    cells: dict[str, tuple[int, ...]]
    score: float = 1.0

    def indices(self, lang: str) -> tuple[int, ...]:
        """Paragraph indices of ``lang`` in this row (empty when the language has none)."""
        return self.cells.get(lang, ())


@dataclass(frozen=True)
class Alignment:
    """The rows of a docset, in document order, for ``languages``."""

    languages: tuple[str, ...]
    rows: tuple[Row, ...] = field(default_factory=tuple)

    def __len__(self) -> int:
        return len(self.rows)

    def row(self, row_id: str) -> Row:
        """The row with id ``row_id`` (KeyError when absent)."""
        for row in self.rows:
            if row.id == row_id:
                return row
        raise KeyError(row_id)


def cell_text(docset: DocSet, row: Row, lang: str) -> str:
    """The text of ``lang`` in ``row``: its paragraphs joined by a blank line."""
    paragraphs = docset.paragraphs(lang)
    return CELL_SEPARATOR.join(paragraphs[i] for i in row.indices(lang))
