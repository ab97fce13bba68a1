"""Cells coming back from another tool (an XLIFF or CSV reviewed elsewhere), made fixes.

Each exported cell carries a fingerprint of what it was when exported (the ``base``). On the
way back a cell is compared three ways, as a merge tool would: edited in the file only
(ours = base) -> applied through the review store, exactly as a fix typed in the UI;
not edited in the file (theirs = base) or edited to the same result -> nothing to do;
changed on both sides -> a conflict, reported and not applied (a fix made in aligner since
the export is never overwritten). A cell whose file carries no fingerprint (a hand-made
file, or a tool that dropped it) is applied only where the review holds no work yet.
A unit whose source text is not the row's source text any more (the document changed, or the
rows were re-aligned) is reported, never applied.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .errors import AlignerError
from .review.entry import Review, normalise_fix


class ImportFileError(AlignerError):
    """A file to import that cannot be read as what it claims to be (nothing is applied)."""


def visible(text: str) -> str:
    """``text`` as XML 1.0 and the CSV export can carry it: C0 controls but tab and line feed
    as their Control Pictures (U+2400...), U+FFFE/U+FFFF as U+FFFD (the TMX export's rule)."""
    if text.isprintable():
        return text
    return "".join(
        chr(0x2400 + ord(ch))
        if ord(ch) < 0x20 and ch not in "\t\n"
        else "\ufffd"
        if ch in "\ufffe\uffff"
        else ch
        for ch in text
    )


def fingerprint(text: str, approved: bool) -> str:
    """A short digest of a cell's (text, approval) as exported: the merge base on import."""
    digest = hashlib.sha256(f"{int(approved)}\x00{visible(normalise_fix(text))}".encode())
    return digest.hexdigest()[:12]


def source_print(source: str) -> str:
    """A short digest of a row's source text (CSV files carry it instead of the text)."""
    return hashlib.sha256(visible(source.strip()).encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Incoming:
    """One cell of an imported file.

    ``approved`` None: the file does not say (the review's approval stays). ``source``: the
    source text the file shows (None: not carried); ``source_base``: its digest instead.
    ``base``: the fingerprint of the cell as exported (None: unknown). ``where``: how a
    message points at the cell in the file ("unit r3", "line 5").
    """

    row: str
    lang: str
    text: str
    approved: bool | None
    where: str
    source: str | None = None
    source_base: str | None = None
    base: str | None = None


@dataclass
class ImportReport:
    """What an import did: cells applied, left as they were, and skipped (with the reason)."""

    applied: list[Incoming] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[tuple[Incoming, str]] = field(default_factory=list)


def _same(a: str, b: str) -> bool:
    return visible(normalise_fix(a)) == visible(normalise_fix(b))


def decide(cell: Incoming, ours: Review | None) -> str:
    """``apply``, ``unchanged`` or the reason the cell is skipped."""
    if ours is None:
        return f"no row {cell.row} in {cell.lang} now (re-aligned since the export?)"
    approved = ours.approved if cell.approved is None else cell.approved
    theirs, current = fingerprint(cell.text, approved), fingerprint(ours.text, ours.approved)
    if theirs in (cell.base, current):  # not edited in the file, or edited to what we hold
        return "unchanged"
    if cell.source is not None and not _same(cell.source, ours.source):
        return "its source text is not the row's source text any more"
    if cell.source_base is not None and cell.source_base != source_print(ours.source):
        return "the row's source text changed since the export"
    if not cell.text.strip() and ours.text.strip():
        return "the file leaves it empty (delete a text in 'aligner review', not by import)"
    if cell.base is not None:
        if current == cell.base:
            return "apply"
        return (
            "changed in aligner since the export too (a conflict: the fix made in aligner "
            "stays; redo the file's change in 'aligner review' if it still applies)"
        )
    if ours.status == "unreviewed":
        return "apply"
    return "already reviewed in aligner and the file does not say what it was exported from"


def import_cells(store, cells: list[Incoming], progress=None) -> ImportReport:
    """Apply ``cells`` through ``store``: decided cell by cell, then saved in one batch
    (``ReviewStore.set_fixes``: each review file written once, every fix saved only if its
    entry is still what it was decided on). ``progress(done, total)`` after each decision."""
    from .review.store import Fix, ReviewConflictError

    report = ImportReport()
    store.refresh()  # what other programs saved since the store was opened
    fixes, applying = [], []
    for done, cell in enumerate(cells, 1):
        if progress is not None:
            progress(done, len(cells))
        try:
            ours = store.get(cell.row, cell.lang)
        except AlignerError:
            ours = None
        verdict = decide(cell, ours)
        if verdict == "unchanged":
            report.unchanged += 1
        elif verdict != "apply":
            report.skipped.append((cell, verdict))
        else:
            approved = ours.approved if cell.approved is None else cell.approved
            text = ours.text if _same(cell.text, ours.text) else cell.text
            fixes.append(Fix(cell.row, cell.lang, text, approved, expect=ours))
            applying.append(cell)
    for cell, result in zip(applying, store.set_fixes(fixes)):
        if isinstance(result, ReviewConflictError):
            report.skipped.append(
                (
                    cell,
                    "changed by another program during the import (a conflict: its version "
                    "stays; import again to apply the file's change if it still applies)",
                )
            )
        else:
            report.applied.append(cell)
    position = {id(cell): n for n, cell in enumerate(cells)}
    report.skipped.sort(key=lambda item: position[id(item[0])])  # in the file's order
    return report
