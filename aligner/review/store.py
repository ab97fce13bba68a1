"""The review store: every reviewer fix, approval and note, kept as ``DOCSET/review/<lang>.po``.

``ReviewStore.open(docset, alignment, flags)`` reads the review files of the languages, brings
them up to date with the texts and the alignment in memory (see ``aligner.review.sync``), and
serves the UI: get / set the fix of (row, lang), approve / unapprove, note, undo. Every change
is written at once (atomically, with a backup, merged with changes other programs made, see
``aligner.review.file``); there is no save step to forget. A lock makes the methods safe to
call from a worker thread. The file conventions are in ``aligner.review.entry``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import polib

from ..alignment import Alignment
from ..docset import REVIEW_DIR, DocSet
from ..errors import AlignerError
from ..flags import Decision, Flag
from .entry import (
    WRAP_WIDTH,
    Entry,
    Review,
    fields_of,
    normalise_fix,
    record_decision,
    record_flags,
    to_review,
    with_state,
    with_status,
)
from .file import Fields, ReviewFile
from .pofile_io import read_po_text
from .safe_files import ReviewConflictError, ReviewFileError, ReviewSaveError
from .sync import SyncReport, flag_line, rows_for, sync_entries

__all__ = [
    "Fix",
    "Review",
    "ReviewConflictError",
    "ReviewFileError",
    "ReviewSaveError",
    "ReviewStore",
    "StoreError",
    "SyncReport",
    "review_path",
]


class StoreError(AlignerError):
    """A request the store cannot serve (unknown row or language)."""


@dataclass(frozen=True)
class Fix:
    """One fix of a batch (``ReviewStore.set_fixes``): ``set_fix``'s arguments."""

    row: str
    lang: str
    text: str
    approve: bool | None = None
    expect: Review | None = None  # the review as the caller saw it (None: no check)


def _fix_change(fix: Fix) -> Callable[[Entry], Entry]:
    fixed = normalise_fix(fix.text)

    def change(entry: Entry) -> Entry:
        approved = entry.approved if fix.approve is None else fix.approve
        return with_status(replace(entry, msgstr=fixed), approved)

    return change


def _work(review: Review) -> Review:
    """The part of a review that reviewers change (not the flags the checks write)."""
    return replace(review, flags=())


def _expectation(fix: Fix) -> Callable[[Entry], bool] | None:
    if fix.expect is None:
        return None
    expected = _work(fix.expect)
    return lambda entry: _work(to_review(entry, fix.lang)) == expected


@dataclass(frozen=True)
class _Change:
    lang: str
    row: str
    before: Fields
    after: Fields


def review_path(docset: DocSet | Path, lang: str) -> Path:
    """``DOCSET/review/<lang>.po``."""
    root = docset.path if isinstance(docset, DocSet) else Path(docset)
    return root / REVIEW_DIR / f"{lang}.po"


class ReviewStore:
    """The review files of one docset, open for reading and changing."""

    def __init__(
        self,
        docset: DocSet,
        alignment: Alignment,
        files: dict[str, ReviewFile],
        reports: dict[str, SyncReport],
    ) -> None:
        self.docset, self.alignment = docset, alignment
        self._files = files
        self.reports = reports  # what opening changed in each file (saved with the next change)
        self._undo: list[_Change] = []
        self._lock = threading.RLock()

    @classmethod
    def open(
        cls,
        docset: DocSet,
        alignment: Alignment,
        flags: list[Flag] | None = None,
        languages: Iterable[str] | None = None,
        optional: Iterable[str] = (),
        skipped: Callable[[str, ReviewFileError], None] | None = None,
    ) -> ReviewStore:
        """Read (or start) the review files of ``languages`` (default: the alignment's).

        ``flags`` become each entry's ``#.`` flag lines; None keeps the recorded ones.
        Raises ReviewFileError for a malformed, unreadable or mislabelled file (a charset its
        content contradicts), for one that is empty or a header only while the docset has
        rows (never taken as a fresh start), and for one that lacks entries holding review
        work its backup has (truncated); nothing is written. ``optional``: more languages
        to read when their file can be; one that cannot is left out and its error given to
        ``skipped(lang, error)``.
        """
        wanted = tuple(languages) if languages is not None else alignment.languages
        extra = tuple(lang for lang in optional if lang not in wanted)
        unknown = [lang for lang in wanted + extra if lang not in docset.texts]
        if unknown:
            raise StoreError(
                f"{docset.path}: no language {', '.join(unknown)} in this docset "
                f"(languages: {', '.join(docset.languages)})"
            )
        files, reports = {}, {}
        for lang in wanted + extra:
            try:
                files[lang], reports[lang] = _open_file(docset, alignment, lang, flags)
            except ReviewFileError as exc:
                if lang not in extra:
                    raise
                if skipped is not None:
                    skipped(lang, exc)
        return cls(docset, alignment, files, reports)

    # -- reading -----------------------------------------------------------------------------

    @property
    def languages(self) -> tuple[str, ...]:
        """The reviewed languages."""
        return tuple(self._files)

    def path(self, lang: str) -> Path:
        """The review file of ``lang``."""
        return self._file(lang).path

    def get(self, row: str, lang: str) -> Review:
        """The review state of ``row`` in ``lang``."""
        with self._lock:
            return to_review(self._entry(row, lang), lang)

    def fix(self, row: str, lang: str) -> str | None:
        """The reviewed text of ``row`` in ``lang`` when it differs from the original, else None."""
        review = self.get(row, lang)
        return review.text if review.fixed else None

    def reviews(self, lang: str) -> list[Review]:
        """Every active entry of ``lang``, in row order."""
        with self._lock:
            return [to_review(e, lang) for e in self._file(lang).entries if not e.obsolete]

    def render(self, lang: str) -> bytes:
        """The review file of ``lang`` as it is (or will be) written."""
        with self._lock:
            return self._file(lang).render()

    # -- changing (each change is saved at once) ----------------------------------------------

    def set_fix(
        self,
        row: str,
        lang: str,
        text: str,
        approve: bool | None = None,
        expect: Review | None = None,
    ) -> Review:
        """Store ``text`` as the reviewed text; ``approve`` True/False also (un)approves.

        The text is stored as the paragraph rule reads it (surrounding whitespace dropped,
        LF line ends); blank lines separate paragraphs when the row is exported. ``expect``:
        the review as the caller saw it; ReviewConflictError (nothing saved) when the
        entry's review work is no longer that (or another program changed it since read).
        """
        (result,) = self.set_fixes([Fix(row, lang, text, approve, expect)])
        if isinstance(result, ReviewConflictError):
            raise result
        return result

    def set_fixes(self, fixes: Iterable[Fix]) -> list[Review | ReviewConflictError]:
        """``set_fix`` of many fixes, each language's file written once; per fix (in order)
        the new review or the ReviewConflictError that refused it (another program changed
        the entry since it was read, or it is no longer ``expect``): a refused fix is not
        saved, the others are. Every row and language is checked before anything is
        written (StoreError). A failed write raises its ReviewSaveError: the fixes of that
        file are not kept (the store says what the disk says); files written before it
        stay written. Each applied fix is one step of undo.
        """
        fixes = list(fixes)
        with self._lock:
            for fix in fixes:
                self._entry(fix.row, fix.lang)  # StoreError for an unknown row or language
            results: list[Review | ReviewConflictError | None] = [None] * len(fixes)
            by_lang: dict[str, list[int]] = {}
            for number, fix in enumerate(fixes):
                by_lang.setdefault(fix.lang, []).append(number)
            for lang, numbers in by_lang.items():
                review = self._file(lang)
                before = {fixes[n].row: fields_of(review.get(fixes[n].row)) for n in numbers}
                entries = review.modify_many(
                    [(fixes[n].row, _fix_change(fixes[n]), _expectation(fixes[n])) for n in numbers]
                )
                for n, entry in zip(numbers, entries):
                    if isinstance(entry, ReviewConflictError):
                        results[n] = entry
                        continue
                    row = fixes[n].row
                    after = fields_of(entry)
                    if after != before[row]:
                        self._undo.append(_Change(lang, row, before[row], after))
                        before[row] = after
                    results[n] = to_review(entry, lang)
            return results

    def revert(self, row: str, lang: str) -> Review:
        """Put the original text back (the approval state is kept)."""
        original = self.get(row, lang).original
        return self.set_fix(row, lang, original)

    def approve(self, row: str, lang: str) -> Review:
        """Mark the entry approved (no ``fuzzy``; ``approved`` when its text was changed)."""
        return self._change(row, lang, lambda entry: with_status(entry, True))

    def unapprove(self, row: str, lang: str) -> Review:
        """Take the approval back: a changed text stays a fix, an unchanged one is fuzzy again."""
        return self._change(row, lang, lambda entry: with_status(entry, False))

    def set_note(self, row: str, lang: str, note: str) -> Review:
        """Replace the reviewer note (a ``# `` comment; "" removes it)."""
        canonical = canonical_note(note)
        return self._change(row, lang, lambda entry: replace(entry, note=canonical))

    def decide(self, row: str, lang: str, decision: Decision) -> Review:
        """Record ``decision`` (replacing an earlier one on the same check and spot)."""
        recorded = record_decision(decision)

        def change(entry: Entry) -> Entry:
            kept = tuple(
                d for d in entry.decisions if (d.check, d.spot) != (recorded.check, recorded.spot)
            )
            return replace(entry, decisions=kept + (recorded,))

        return self._change(row, lang, change)

    def undecide(self, row: str, lang: str, check: str, spot: str) -> Review:
        """Take back the decision on the flag of ``check`` at ``spot`` (if there is one)."""
        spot = record_decision(Decision(check, "dismissed", spot=spot)).spot

        def change(entry: Entry) -> Entry:
            return replace(
                entry,
                decisions=tuple(d for d in entry.decisions if (d.check, d.spot) != (check, spot)),
            )

        return self._change(row, lang, change)

    @property
    def can_undo(self) -> bool:
        """Whether there is a change to undo."""
        with self._lock:
            return bool(self._undo)

    def undo(self) -> Review | None:
        """Undo the last change (of any language); the restored review, None if none left.

        Refused with ReviewConflictError when the entry was changed elsewhere since.
        """
        with self._lock:
            if not self._undo:
                return None
            last = self._undo[-1]
            msgstr, state, note, _, decisions = last.before

            def change(entry: Entry) -> Entry:
                return with_state(
                    replace(entry, msgstr=msgstr, note=note, decisions=decisions), state
                )

            try:
                entry = self._file(last.lang).modify(last.row, change, expect=last.after)
            except ReviewConflictError as exc:
                self._undo.pop()
                raise ReviewConflictError(
                    f"{exc}; the change stays and is no longer in the undo history"
                ) from None
            self._undo.pop()
            return to_review(entry, last.lang)

    def refresh(self) -> list[tuple[str, str]]:
        """Take in changes other programs saved; the (row, lang) pairs whose review changed."""
        changed = []
        with self._lock:
            for lang, review in self._files.items():
                with review.lock:
                    touched = review.absorb_disk()[0]
                changed += [(key, lang) for key in touched if not key.startswith(("~", "\x04"))]
        return changed

    def take_absorbed(self) -> list[tuple[str, str]]:
        """The (row, lang) pairs whose review changed because another program's save was taken
        in (by ``refresh``, a change or a save) since the last call; a view must show them."""
        with self._lock:
            found = []
            for lang, review in self._files.items():
                found += [
                    (key, lang) for key in review.absorbed if not key.startswith(("~", "\x04"))
                ]
                review.absorbed = set()
            return found

    def update_flags(self, flags: list[Flag], rows: Iterable[str] | None = None) -> None:
        """Record ``flags`` as the current flags of ``rows`` (default: every row) and save
        the files whose content changed."""
        with self._lock:
            for review in self.set_flags(flags, rows):
                review.save()

    def set_flags(self, flags: list[Flag], rows: Iterable[str] | None = None) -> list:
        """Record ``flags`` as the current flags of ``rows`` (default: every row), in memory
        (``save`` writes them); the files that changed."""
        wanted = None if rows is None else set(rows)
        changed = []
        with self._lock:
            for lang, review in self._files.items():
                lines: dict[str, list[str]] = {}
                for flag in flags:
                    if flag.lang == lang and flag.row:
                        lines.setdefault(flag.row, []).append(flag_line(flag))
                updated = []
                for position, entry in enumerate(review.entries):
                    if entry.obsolete or (wanted is not None and entry.msgctxt not in wanted):
                        continue
                    new_flags = record_flags(lines.get(entry.msgctxt, ()))
                    if new_flags != entry.flags:
                        updated.append(
                            (
                                position,
                                replace(
                                    entry,
                                    flags=new_flags,
                                    original="" if entry.original is None else entry.original,
                                ),
                            )
                        )
                if updated:
                    entries = list(review.entries)
                    for position, entry in updated:
                        entries[position] = entry
                    review.replace_entries(entries)
                    changed.append(review)
        return changed

    def save(self, languages: Iterable[str] | None = None) -> list[Path]:
        """Write the files (of ``languages``, default all) whose content differs from the
        disk (as ``aligner sync`` does); the paths written."""
        with self._lock:
            wanted = self._files if languages is None else tuple(languages)
            return [self._file(lang).path for lang in wanted if self._file(lang).save()]

    # -- internals ------------------------------------------------------------------------------

    def _file(self, lang: str) -> ReviewFile:
        try:
            return self._files[lang]
        except KeyError:
            raise StoreError(
                f"no review file for {lang} is open (reviewed languages: {', '.join(self._files)})"
            ) from None

    def _entry(self, row: str, lang: str) -> Entry:
        try:
            return self._file(lang).get(row)
        except KeyError:
            raise StoreError(
                f"{self.path(lang)}: no row {row}; run aligner sync if the alignment changed"
            ) from None

    def _change(self, row: str, lang: str, change: Callable[[Entry], Entry]) -> Review:
        with self._lock:
            before = fields_of(self._entry(row, lang))
            entry = self._file(lang).modify(row, change)
            after = fields_of(entry)
            if after != before:
                self._undo.append(_Change(lang, row, before, after))
            return to_review(entry, lang)


def _open_file(
    docset: DocSet, alignment: Alignment, lang: str, flags: list[Flag] | None
) -> tuple[ReviewFile, SyncReport]:
    """The review file of ``lang``, synced in memory with the rows (``ReviewStore.open``)."""
    rows = rows_for(docset, alignment, lang, flags)
    # Entries read from the file share the rows' strings where equal (no second copy of
    # every text in memory).
    pool = {text: text for row in rows for text in (row.row, row.source, row.original)}
    review = ReviewFile.load(review_path(docset, lang), lang, docset.title, docset.source, pool)
    del pool
    if review.empty_on_disk and rows:  # a truncated file is not a fresh start
        raise ReviewFileError(review.empty_message(len(rows)))
    entries, report = sync_entries(review.entries, rows, lang)
    if report.new and review.on_disk:  # rows without an entry: truncated?
        missing = review.missing_from_backup()
        if missing:
            raise ReviewFileError(review.missing_message(missing))
    review.replace_entries(entries)
    return review, report


def canonical_note(note: str) -> str:
    """The note exactly as it reads back from a PO file (PO writers wrap long comment lines)."""
    text = "\n".join(
        line.rstrip()
        for line in note.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "").split("\n")
    )
    text = text.strip("\n")
    for _ in range(3):
        entry = polib.POEntry(msgid="x", tcomment=text)
        rendered = 'msgid ""\nmsgstr ""\n\n' + entry.__unicode__(WRAP_WIDTH)  # after a header
        again = read_po_text(rendered)[0].tcomment if text else ""
        if again == text:
            return text
        text = again
    return text
