"""A reviewer's corrections to an alignment, as pure functions returning a new Alignment.

Merge a row with the next, split a row in two, move a paragraph at the edge of its cell into
the neighbouring row. Rows a reviewer touched get confidence 1.0. Ids stay stable: a merged
row keeps the first id, a split keeps the id on the first part and gives the second part a new
id derived from it (``r12`` -> ``r12.1``), never reusing one. Save the result with
``aligner.align.save_alignment``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import replace

from ..alignment import Alignment, Row
from ..errors import AlignerError

REVIEWED = 1.0


class AlignmentEditError(AlignerError):
    """A correction that cannot be applied (unknown row, paragraph not at a cell's edge...)."""


def new_row_id(base: str, taken: Collection[str]) -> str:
    """``base.1``, ``base.2``... : the first id derived from ``base`` not in ``taken``."""
    k = 1
    while f"{base}.{k}" in taken:
        k += 1
    return f"{base}.{k}"


def merge_with_next(alignment: Alignment, row_id: str) -> Alignment:
    """Merge row ``row_id`` with the row after it; the merged row keeps ``row_id``."""
    k = _position(alignment, row_id)
    if k + 1 >= len(alignment.rows):
        raise AlignmentEditError(f"row {row_id} is the last row; there is no next row to merge")
    first, second = alignment.rows[k], alignment.rows[k + 1]
    cells = {lang: first.indices(lang) + second.indices(lang) for lang in alignment.languages}
    merged = Row(first.id, cells, REVIEWED)
    return _with_rows(alignment, alignment.rows[:k] + (merged,) + alignment.rows[k + 2 :])


def split_row(alignment: Alignment, row_id: str, at: Mapping[str, int]) -> Alignment:
    """Split row ``row_id`` before paragraph ``at[lang]`` of each language given.

    Paragraphs from ``at[lang]`` on go to a new row after it; languages not in ``at`` stay
    whole in the first row. Both rows must keep at least one paragraph.
    """
    k = _position(alignment, row_id)
    row = alignment.rows[k]
    first, second = {}, {}
    for lang in alignment.languages:
        found = row.indices(lang)
        cut = at.get(lang)
        if cut is None:
            first[lang], second[lang] = found, ()
            continue
        if found and not found[0] <= cut <= found[-1] + 1:
            span = f"{found[0]}-{found[-1]}"
            raise AlignmentEditError(
                f"row {row_id}: cannot split {lang} before paragraph {cut}; "
                f"the row holds {lang} {span}"
            )
        first[lang] = tuple(i for i in found if i < cut)
        second[lang] = tuple(i for i in found if i >= cut)
    unknown = sorted(set(at) - set(alignment.languages))
    if unknown:
        raise AlignmentEditError(f"row {row_id}: unknown language(s) {', '.join(unknown)}")
    if not any(first.values()) or not any(second.values()):
        raise AlignmentEditError(f"row {row_id}: a split must leave paragraphs in both rows")
    taken = {r.id for r in alignment.rows}
    rows = (Row(row.id, first, REVIEWED), Row(new_row_id(row.id, taken), second, REVIEWED))
    return _with_rows(alignment, alignment.rows[:k] + rows + alignment.rows[k + 1 :])


def move_paragraph(alignment: Alignment, lang: str, paragraph: int, direction: int) -> Alignment:
    """Move paragraph ``paragraph`` of ``lang`` to the previous (-1) or next (+1) row.

    Only the first paragraph of a cell can move up and only the last can move down, so every
    cell stays a contiguous range. A row left with no paragraph at all disappears.
    """
    if direction not in (-1, 1):
        raise AlignmentEditError(
            f"direction must be -1 (previous row) or 1 (next row), not {direction}"
        )
    try:
        row = alignment.row_of(lang, paragraph)
    except KeyError:
        raise AlignmentEditError(f"no row holds {lang} paragraph {paragraph}") from None
    k = alignment.position(row.id)
    target = k + direction
    found = row.indices(lang)
    edge = found[0] if direction < 0 else found[-1]
    if paragraph != edge:
        where = "first" if direction < 0 else "last"
        raise AlignmentEditError(
            f"{lang} paragraph {paragraph} is not the {where} of row "
            f"{row.id} ({row.span(lang)}); only a cell's edge can move"
        )
    if not 0 <= target < len(alignment.rows):
        raise AlignmentEditError(
            f"row {row.id} has no {'previous' if direction < 0 else 'next'} row to move into"
        )
    other = alignment.rows[target]
    moved = tuple(i for i in found if i != paragraph)
    received = (
        other.indices(lang) + (paragraph,) if direction < 0 else (paragraph,) + other.indices(lang)
    )
    rows = list(alignment.rows)
    rows[target] = Row(other.id, {**other.cells, lang: received}, REVIEWED)
    rows[k] = Row(row.id, {**row.cells, lang: moved}, REVIEWED)
    if not any(rows[k].cells.values()):
        del rows[k]
    return _with_rows(alignment, tuple(rows))


def _position(alignment: Alignment, row_id: str) -> int:
    try:
        return alignment.position(row_id)
    except KeyError:
        raise AlignmentEditError(f"no row with id {row_id}") from None


def _with_rows(alignment: Alignment, rows: tuple[Row, ...]) -> Alignment:
    return replace(alignment, rows=rows, notes=())
