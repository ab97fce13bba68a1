"""Aligned rows: the unit the checks, the review store and the UI work on.

A row holds, per language, a contiguous (possibly empty) range of paragraph indices. Every
paragraph of every language is in exactly one row, in order. Row ids are stable: they are
kept in ``alignment.tsv`` and reused, so review files keep pointing at the right rows.
``aligner.align`` builds alignments; this module only holds the types.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from .docset import DocSet

CELL_SEPARATOR = "\n\n"  # joins the paragraphs of one cell when it holds several
LOW_CONFIDENCE = 0.5  # rows scoring below this are worth a reviewer's look


@dataclass(frozen=True)
class Row:
    """One aligned group: per language the paragraph indices it holds, and a confidence."""

    id: str
    cells: dict[str, tuple[int, ...]]
    score: float = 1.0

    def indices(self, lang: str) -> tuple[int, ...]:
        """Paragraph indices of ``lang`` in this row (empty when the language has none)."""
        return self.cells.get(lang, ())

    def span(self, lang: str) -> str:
        """The indices of ``lang`` as written in alignment.tsv: ``3-4``, ``5`` or empty."""
        found = self.indices(lang)
        if not found:
            return ""
        return str(found[0]) if len(found) == 1 else f"{found[0]}-{found[-1]}"

    @property
    def low_confidence(self) -> bool:
        return self.score < LOW_CONFIDENCE


@dataclass(frozen=True)
class Alignment:
    """The rows of a docset, in document order, for ``languages``.

    ``notes`` are what a user should be warned about (alignment.tsv ignored, re-aligned after
    the texts changed...); ``origin`` says where the rows came from.
    """

    languages: tuple[str, ...]
    rows: tuple[Row, ...] = field(default_factory=tuple)
    notes: tuple[str, ...] = ()
    origin: str = "aligned"  # "aligned", "saved" (alignment.tsv as is), "refitted" or
    # "preview" (only the first rows of a long docset, while the rest is aligned: ``preview``)
    _by_id: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {row.id: k for k, row in enumerate(self.rows)})

    def __len__(self) -> int:
        return len(self.rows)

    def row(self, row_id: str) -> Row:
        """The row with id ``row_id`` (KeyError when absent)."""
        return self.rows[self._by_id[row_id]]

    def position(self, row_id: str) -> int:
        """The 0-based position of row ``row_id`` (KeyError when absent)."""
        return self._by_id[row_id]

    def row_of(self, lang: str, paragraph: int) -> Row:
        """The row holding paragraph ``paragraph`` of ``lang`` (KeyError when none does)."""
        starts, rows = [], []
        for row in self.rows:
            found = row.indices(lang)
            if found:
                starts.append(found[0])
                rows.append(row)
        k = bisect_right(starts, paragraph) - 1
        if k < 0 or paragraph not in rows[k].indices(lang):
            raise KeyError((lang, paragraph))
        return rows[k]

    def counts(self) -> dict[str, int]:
        """Paragraphs per language covered by the rows."""
        return {lang: sum(len(row.indices(lang)) for row in self.rows) for lang in self.languages}


def cell_text(docset: DocSet, row: Row, lang: str) -> str:
    """The text of ``lang`` in ``row``: its paragraphs joined by a blank line."""
    paragraphs = docset.paragraphs(lang)
    return CELL_SEPARATOR.join(paragraphs[i] for i in row.indices(lang))
