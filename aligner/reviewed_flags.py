"""The flags of the reviewed text: what the checks say about each cell with its fix applied.

An exported file shows a cell's reviewed text, so its flags must be those of that text (the
UI and ``check --reviewed`` compute the same), never the flags of the original text recorded
when the review file was last synced: a fixed name flagged beside the fixed text would
contradict it, and a real flag on the fix would be missing.
"""

from __future__ import annotations

from .review_entry import record_flags
from .sync import flag_line

CellFlags = dict[tuple[str, str], tuple[str, ...]]  # (row id, lang) -> flag lines


def reviewed_flags(store) -> CellFlags:
    """Per (row id, lang), the flag lines (as a review file records them) of the reviewed
    text of every reviewed language; cells without flags are left out."""
    from .checks import run_document
    from .review import ReviewSession

    session = ReviewSession(store.docset, store.alignment, store=store)
    lines: dict[tuple[str, str], list[str]] = {}
    for flag in run_document(session.reviewed_document()):
        if flag.row:
            lines.setdefault((flag.row, flag.lang), []).append(flag_line(flag))
    return {cell: record_flags(found) for cell, found in lines.items()}
