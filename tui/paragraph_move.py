"""Moving one paragraph of a cell into the previous or next row (keys K and J).

The core has the edit (``aligner.align.move_paragraph``) and the session the way to save a
new alignment and recheck (``ReviewSession._realign``, also used by merge and split), but no
public wrapper for a move yet; this thin one belongs in ``ReviewSession`` as
``move_paragraph(row, lang, direction)`` and goes away when the core has it.
"""

from __future__ import annotations

from aligner.align import move_paragraph as moved_alignment
from aligner.review import ReviewSession, SessionError


def move_paragraph(session: ReviewSession, row: int, lang: str, direction: int) -> tuple[int, str]:
    """Move the first (``direction`` -1) or last (+1) ``lang`` paragraph of ``row`` into the
    previous or next row; saved to alignment.tsv like a merge.

    Returns (the row to focus: ``row`` when it still exists, else the receiving row; the id of
    the row that received the paragraph). Raises an AlignerError saying why when the cell is
    empty or there is no row on that side.
    """
    alignment = session.alignment
    current = alignment.rows[row]
    found = current.indices(lang)
    if not found:
        raise SessionError(f"row {current.id} has no {lang} paragraph to move")
    target = row + direction
    if not 0 <= target < len(alignment.rows):
        side = "previous" if direction < 0 else "next"
        raise SessionError(f"row {current.id} has no {side} row to move a paragraph into")
    paragraph = found[0] if direction < 0 else found[-1]
    source_id, target_id = current.id, alignment.rows[target].id
    session._realign(moved_alignment(alignment, lang, paragraph, direction), row)
    ids = {r.id: i for i, r in enumerate(session.alignment.rows)}
    return ids.get(source_id, ids[target_id]), target_id
