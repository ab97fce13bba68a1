"""ReviewSession: one docset opened for review — rows, flags and fixes behind one object.

The UI (and any other front end) talks only to this: it opens the docset, aligns it, runs the
checks and opens the PO review store; then it answers what to show (the current text of a
cell, its flagged spans, its status) and carries out what the reviewer does (fix, approve,
undo, merge or split rows). Every change goes through the store, which saves it at once.
What other programs save meanwhile is taken in and shown (``aligner.review.disk_sync``).
Plain Python, no UI imports; safe to build in a worker thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from .. import parallel
from ..alignment import CELL_SEPARATOR, Alignment, cell_text
from ..docset import REVIEW_DIR, DocSet, load
from ..errors import AlignerError
from ..flags import VERDICTS, Decision, Flag, flag_spot
from ..paragraphs import is_cjk
from .disk_sync import LOCK_WAIT, DiskSync
from .entry import REVIEWED
from .recovery import LockProbe
from .safe_files import LOCK_TIMEOUT, ReviewConflictError

FILTERS = ("all", "flagged", "unreviewed")
Progress = Callable[[str, float], None]
PREVIEW_FROM = 10_000  # paragraphs in all: a docset this long opened unaligned shows a preview


class SessionError(AlignerError):
    """A review action that cannot be done here (e.g. splitting a one-paragraph row)."""


def open_session(
    path: Path | str, progress: Progress | None = None, encoding: str | dict[str, str] | None = None
) -> ReviewSession:
    """Load, align, open the review store of and check the docset at ``path``: all stages."""
    session = open_rows(path, progress, encoding)
    session.open_store(progress)
    session.run_checks(progress)
    return session


def open_rows(
    path: Path | str, progress: Progress | None = None, encoding: str | dict[str, str] | None = None
) -> ReviewSession:
    """The first stage: the docset and its rows, enough to draw the first screen.

    The review store (``open_store``) and the checks (``run_checks``) follow, in a worker;
    until then cells show the original text and cannot be changed.
    """
    from ..align import align, preview
    from ..align.alignfile import alignment_path

    report = progress or (lambda stage, fraction: None)
    report("loading", 0.0)
    docset = load(path, encoding)
    report("aligning", 0.1)
    if (
        alignment_path(docset).is_file()
        or sum(len(docset.paragraphs(lang)) for lang in docset.languages) < PREVIEW_FROM
    ):
        alignment = align(docset, progress=_align_progress(report, 0.1, 0.9))
    else:  # a long docset opened for the first time: its first rows now, the rest in a worker
        alignment = preview(docset)
        parallel.start(block=False)  # after the preview: both would want the same core
    report("ready", 1.0)
    return ReviewSession(docset, alignment)


def current_flags(
    docset: DocSet, alignment: Alignment, store, names=None, progress=None
) -> list[Flag]:
    """The current flags of every row: the one definition sync, export, the UI and
    ``aligner check --reviewed`` share (``ReviewSession.current_check``)."""
    return ReviewSession(docset, alignment, None, store).current_check(names, progress)


def _align_progress(report: Progress, start: float, end: float):
    def align_progress(what: str, done: int, total: int) -> None:
        report("aligning", start + (end - start) * (done / total if total else 1.0))

    return align_progress


class ReviewSession(DiskSync):
    """A docset under review: aligned rows, their flags and the review store."""

    def __init__(
        self, docset: DocSet, alignment: Alignment, flags: list[Flag] | None = None, store=None
    ) -> None:
        self.docset = docset
        self.alignment = alignment
        self.store = store
        self.checked = flags is not None
        self.languages = tuple(alignment.languages)
        self._lock = threading.RLock()
        self._version: dict[int, int] = {}
        self._generation = 0  # bumped when every row may have changed (new flags)
        self._revision = 0  # bumped by every change of text or rows
        self._checked_at: int | None = None  # the revision the recorded flags were checked at
        self._original_check: tuple | None = None  # (alignment, document, flags) of the originals
        self._paragraph_lengths: dict[str, list[int]] = {}
        self._ratios: dict[str, float] = {}
        self._probe: LockProbe | None = None
        self._outside: list[tuple[int, str]] = []  # cells other programs changed, not shown yet
        self._index_rows()
        self._set_flags(flags or [])

    # --- loading stages ----------------------------------------------------------------------

    @property
    def provisional(self) -> bool:
        """Whether the rows are a preview of the first ones (``align_fully`` follows)."""
        return self.alignment.origin == "preview"

    def align_fully(self, progress: Progress | None = None) -> None:
        """Replace a preview with the alignment of the whole docset."""
        from ..align import align

        report = progress or (lambda stage, fraction: None)
        alignment = align(self.docset, progress=_align_progress(report, 0.0, 1.0))
        with self._lock:
            self._use_rows(alignment)

    def open_store(self, progress: Progress | None = None) -> None:
        """Open (or start) the review files; from then on cells show fixes and can change."""
        from ..align import save_alignment
        from .store import ReviewStore

        if progress:
            progress("opening review files", 0.0)
        if self.alignment.origin != "saved":
            # the review files point at rows by id: keep the rows they point at
            save_alignment(self.docset, self.alignment)
        store = ReviewStore.open(self.docset, self.alignment, None)
        with self._lock:
            self.store = store
            self._probe = LockProbe(self.docset.path / REVIEW_DIR)
            self._index_rows()
            self._hidden = self._fixed_cells()
            self._rebuild_views()
            self._generation += 1

    def run_checks(self, progress: Progress | None = None) -> None:
        """Run every check on the current texts (fixes applied) and record the flags."""
        if progress:
            progress("checking", 0.0)
        self.recheck()
        self.checked = True

    @property
    def editable(self) -> bool:
        """Whether the review files are open (changes can be saved)."""
        return self.store is not None

    # --- what is shown -----------------------------------------------------------------------

    @property
    def title(self) -> str:
        return self.docset.title

    @property
    def path(self) -> Path:
        return self.docset.path

    @property
    def source(self) -> str:
        return self.docset.source

    def row_count(self) -> int:
        return len(self.alignment.rows)

    def row_id(self, row: int) -> str:
        return self.alignment.rows[row].id

    def row_index(self, row_id: str) -> int:
        return self._row_index[row_id]

    def row_version(self, row: int) -> tuple[int, int]:
        """Changes whenever anything shown for ``row`` changes (for render caches)."""
        return self._generation, self._version.get(row, 0)

    def cell_size(self, row: int, lang: str) -> tuple[int, int]:
        """(approximate terminal cells, paragraphs) of the cell, without building its text.

        For laying out big documents before they are drawn: CJK characters take two cells,
        counted once per language as a ratio on a sample.
        """
        shown = self._texts.get((row, lang))  # the current text, when already built
        if shown is not None:
            return int(len(shown) * self._width_ratio(lang)), shown.count(CELL_SEPARATOR) + 1
        indices = self.alignment.rows[row].indices(lang)
        if not indices:
            return 0, 0
        lengths = self._lengths(lang)
        chars = sum(lengths[i] for i in indices)
        return int(chars * self._width_ratio(lang)), len(indices)

    def _lengths(self, lang: str) -> list[int]:
        found = self._paragraph_lengths.get(lang)
        if found is None:
            found = [len(p) for p in self.docset.paragraphs(lang)]
            self._paragraph_lengths[lang] = found
        return found

    def _width_ratio(self, lang: str) -> float:
        ratio = self._ratios.get(lang)
        if ratio is None:
            sample = "".join(self.docset.paragraphs(lang)[:50])
            wide = sum(1 for ch in sample if ord(ch) >= 0x1100 and is_cjk(ch))
            ratio = 1 + wide / len(sample) if sample else 1.0
            self._ratios[lang] = ratio
        return ratio

    def original_text(self, row: int, lang: str) -> str:
        """The cell's text as in the language file."""
        return cell_text(self.docset, self.alignment.rows[row], lang)

    def cell_text(self, row: int, lang: str) -> str:
        """The cell's current text: the reviewer's fix when there is one."""
        key = (row, lang)
        text = self._texts.get(key)
        if text is None:
            text = (
                self._review(row, lang).text
                if lang in self._reviewed
                else self.original_text(row, lang)
            )
            self._texts[key] = text
        return text

    def flags(self, row: int) -> list[Flag]:
        """The current flags of ``row`` (all languages), decided ones included: the flags of
        the reviewed text, without the alignment flag of a row a reviewer edited or approved
        (that confirms its alignment)."""
        return self._flags_by_row.get(row, [])

    def open_flags(self, row: int) -> list[Flag]:
        """The flags of ``row`` no reviewer decision covers (what is left to look at)."""
        return [
            flag
            for flag in self._flags_by_row.get(row, ())
            if self.decision(row, flag.lang, flag) is None
        ]

    def row_flag_count(self, row: int) -> int:
        """How many open flags ``row`` has."""
        return self._open_by_row.get(row, 0)

    def cell_spans(self, row: int, lang: str) -> list[tuple[int, int, str]]:
        """Flagged spans of the cell as (start, end, check) offsets into ``cell_text``
        (dismissed flags are not errors and have no span here)."""
        return self._spans.get((row, lang), [])

    def decision(self, row: int, lang: str, flag: Flag) -> Decision | None:
        """The reviewer's decision on ``flag`` (a flag of ``row`` in ``lang``), or None."""
        decisions = self._decided.get((row, lang))
        if not decisions:
            return None
        spot = self.flag_spot(row, lang, flag)
        return next((d for d in decisions if d.matches(flag, spot)), None)

    def flag_spot(self, row: int, lang: str, flag: Flag) -> str:
        """What a decision on ``flag`` remembers of it (``aligner.flags.flag_spot``)."""
        offset = self._cell_offset(row, lang, flag.paragraph) or 0
        return flag_spot(flag, self.cell_text(row, lang)[offset:])

    def row_status(self, row: int, lang: str) -> str:
        """``unreviewed``, ``fuzzy``, ``fixed`` or ``approved`` (``Review.status``)."""
        if lang not in self._reviewed:
            return "unreviewed"
        return self._statuses(lang)[row]

    def progress(self, lang: str) -> tuple[int, int, int]:
        """(reviewed rows, rows with text, open flags: undecided) for ``lang``.

        Counted as msgfmt, pocount and Poedit count the review file: rows with text, of them
        those a reviewer changed or approved (not fuzzy)."""
        if lang not in self._reviewed:
            return 0, self.row_count(), self._open_flags.get(lang, 0)
        counts = self._progress.get(lang)
        if counts is None:
            statuses = self._statuses(lang)
            # counted as PO tools count: a cell with text (an empty one is "untranslated")
            with_text = [
                s
                for r, s in enumerate(statuses)
                if (
                    bool(self.cell_text(r, lang))
                    if (r, lang) in self._fixed
                    else bool(self.alignment.rows[r].indices(lang))
                )
            ]
            counts = (sum(1 for s in with_text if s in REVIEWED), len(with_text))
            self._progress[lang] = counts
        return counts[0], counts[1], self._open_flags.get(lang, 0)

    def scores(self) -> list:
        """sacrebleu scores of each reviewed language: original against reviewed text."""
        from ..score import review_scores

        with self._lock:
            reviews = {
                lang: self.store.reviews(lang) for lang in self.languages if lang in self._reviewed
            }
        return [review_scores(lang, found) for lang, found in reviews.items()]

    # --- finding -----------------------------------------------------------------------------

    def next_flag(
        self, row: int, lang: str, forward: bool, order: Sequence[int] | None = None
    ) -> tuple[int, str] | None:
        """The next (or previous) flagged cell after (row, lang), in ``order``.

        A reviewer works down one column: the flags of ``lang`` come first; other languages'
        flags are offered only when ``lang`` has none left anywhere.
        """
        order = list(order) if order is not None else list(range(self.row_count()))
        if not order:
            return None
        positions = {r: i for i, r in enumerate(order)}
        here = positions.get(row, 0)
        step = 1 if forward else -1
        for k in range(1, len(order) + 1):
            candidate = order[(here + step * k) % len(order)]
            if self._has_flag(candidate, lang):
                return candidate, lang
        langs = self.languages
        cells = [(r, l) for r in order for l in langs]
        start = here * len(langs) + (langs.index(lang) if lang in langs else 0)
        for k in range(1, len(cells) + 1):
            r, l = cells[(start + step * k) % len(cells)]
            if self._has_flag(r, l):
                return r, l
        return None

    def _has_flag(self, row: int, lang: str) -> bool:
        return (row, lang) in self._open_cells

    def search(
        self, query: str, start_row: int = 0, order: Sequence[int] | None = None
    ) -> tuple[int, str] | None:
        """The first cell from ``start_row`` on (wrapping) whose text contains ``query``."""
        needle = query.casefold()
        order = list(order) if order is not None else list(range(self.row_count()))
        if not order or not needle:
            return None
        begin = next((i for i, r in enumerate(order) if r >= start_row), 0)
        for k in range(len(order)):
            row = order[(begin + k) % len(order)]
            for lang in self.languages:
                if needle in self.cell_text(row, lang).casefold():
                    return row, lang
        return None

    def filter_rows(self, name: str, lang: str) -> list[int]:
        """Row indices shown by filter ``name`` (all / flagged / unreviewed in ``lang``:
        not fixed nor approved, so a fix marked fuzzy again is shown)."""
        rows = range(self.row_count())
        if name == "flagged":
            return [r for r in rows if self._open_by_row.get(r)]
        if name == "unreviewed":
            return [r for r in rows if self.row_status(r, lang) not in REVIEWED]
        return list(rows)

    # --- changing (saved at once by the store) ---------------------------------------------

    def set_fix(self, row: int, lang: str, text: str, expect: str | None = None) -> None:
        """Keep ``text`` as the reviewed text of the cell.

        ``expect``: the cell text the reviewer started from (what the editor opened with);
        when the cell holds something else now (another program saved it meanwhile) nothing
        is saved and ReviewConflictError says so; the other program's text is shown from then
        on. Any failed save leaves what is shown as it is on disk (see ``_changing``).
        """
        self._require_reviewed(lang)
        with self._changing(row, lang):
            if expect is not None and self._review(row, lang).text != expect:
                raise ReviewConflictError(
                    f"{self.store.path(lang)}: row {self.row_id(row)} was changed by another "
                    "program since you opened it; its version is shown now and nothing was "
                    "saved; check it and redo the change if it still applies"
                )
            self.store.set_fix(self.row_id(row), lang, text)
            self._touched(row, lang)

    def spots(self, row: int, lang: str) -> list[tuple[int, int, Flag]]:
        """The flagged spots of a cell, in text order: (start, end, flag), cell offsets."""
        found = []
        for flag in self.flags(row):
            if flag.lang != lang:
                continue
            offset = self._cell_offset(row, lang, flag.paragraph)
            if offset is None:
                offset = 0
            found.append((offset + flag.start, offset + flag.end, flag))
        return sorted(found, key=lambda spot: (spot[0], spot[1], spot[2].check))

    def apply_suggestion(self, row: int, lang: str, prefer: Flag | None = None) -> Flag | None:
        """Replace a flagged span with its suggestion (``prefer``'s when it has one, else the
        first that has one); saved at once.

        Returns the flag applied, or None when the cell has no usable suggestion (or its flags
        are being recomputed after a fix).
        """
        self._require_reviewed(lang)
        with self._changing(row, lang):
            if (row, lang) in self._hidden:
                return None
            text = self.cell_text(row, lang)
            ordered = sorted(self.flags(row), key=lambda f: (f.paragraph or 0, f.start))
            if prefer is not None and prefer in ordered:
                ordered.remove(prefer)
                ordered.insert(0, prefer)
            for flag in ordered:
                if flag.lang != lang or flag.expected is None:
                    continue
                if flag.end == flag.start and not (flag.start == 0 and flag.check == "number"):
                    continue  # "X is missing here" has no place to insert X, except a section
                    # number at the start of a paragraph
                offset = self._cell_offset(row, lang, flag.paragraph)
                if offset is None:
                    continue
                start, end = offset + flag.start, offset + flag.end
                if not 0 <= start <= end <= len(text):
                    continue
                self.store.set_fix(
                    self.row_id(row), lang, text[:start] + flag.expected + text[end:]
                )
                self._touched(row, lang)
                return flag
            return None

    def toggle_approved(self, row: int, lang: str) -> bool:
        """Approve the cell, or take the approval back; returns the new state."""
        self._require_reviewed(lang)
        with self._changing(row, lang):
            row_id = self.row_id(row)
            approved = self.store.get(row_id, lang).approved
            if approved:
                self.store.unapprove(row_id, lang)
            else:
                self.store.approve(row_id, lang)
            self._touched(row, lang)
            self._record_row_flags(row)
            return not approved

    def decide(
        self,
        row: int,
        lang: str,
        flag: Flag,
        verdict: str,
        reason: str = "",
        severity: str | None = None,
        category: str | None = None,
    ) -> None:
        """Accept (a real error) or dismiss (not an error) ``flag``, with an optional reason
        (and the reviewer's severity / category instead of the check's); saved at once,
        undone by ``undo``. A decision on a flag already decided replaces it."""
        if verdict not in VERDICTS:
            raise SessionError(f"verdict {verdict!r}: use one of {', '.join(VERDICTS)}")
        for name, value in (("severity", severity), ("category", category)):
            if value is not None and (not value or len(value.split()) != 1 or "=" in value):
                raise SessionError(f"{name} {value!r}: give one word, like major")
        self._require_reviewed(lang)
        with self._changing(row, lang):
            decision = Decision(
                flag.check, verdict, reason, self.flag_spot(row, lang, flag), severity, category
            )
            self.store.decide(self.row_id(row), lang, decision)
            self._touched(row, lang)

    def undecide(self, row: int, lang: str, flag: Flag) -> None:
        """Take back the decision on ``flag`` (saved at once, undone by ``undo``)."""
        self._require_reviewed(lang)
        with self._changing(row, lang):
            self.store.undecide(self.row_id(row), lang, flag.check, self.flag_spot(row, lang, flag))
            self._touched(row, lang)

    def undo(self) -> tuple[int, str] | None:
        """Undo the last change; the (row, lang) it restored, or None."""
        if self.store is None:
            return None
        with self._changing(None, None):
            review = self.store.undo()
            if review is None:
                return None
            row = self._row_index.get(review.row)
            if row is None:
                return None
            self._touched(row, review.lang)
            self._record_row_flags(row)
            return row, review.lang

    def merge_with_next(self, row: int) -> int:
        """Merge ``row`` with the next one (saved to alignment.tsv); the merged row's index."""
        from ..align import merge_with_next

        return self._realign(merge_with_next(self.alignment, self.row_id(row)), row)

    def move_paragraph(self, row: int, lang: str, direction: int) -> tuple[int, str]:
        """Move the first (``direction`` -1) or last (+1) ``lang`` paragraph of ``row`` into
        the previous or next row (saved to alignment.tsv, like a merge).

        Returns (the row to focus: ``row`` when it still exists, else the receiving row; the id
        of the row that received the paragraph). SessionError says why when the cell is empty
        or there is no row on that side.
        """
        from ..align import move_paragraph

        current = self.alignment.rows[row]
        found = current.indices(lang)
        if not found:
            raise SessionError(f"row {current.id} has no {lang} paragraph to move")
        target = row + direction
        if not 0 <= target < len(self.alignment.rows):
            side = "previous" if direction < 0 else "next"
            raise SessionError(f"row {current.id} has no {side} row to move a paragraph into")
        paragraph = found[0] if direction < 0 else found[-1]
        source_id, target_id = current.id, self.alignment.rows[target].id
        self._realign(move_paragraph(self.alignment, lang, paragraph, direction), row)
        ids = {r.id: i for i, r in enumerate(self.alignment.rows)}
        return ids.get(source_id, ids[target_id]), target_id

    def split(self, row: int) -> int:
        """Split ``row`` after the first paragraph of each language holding several."""
        from ..align import split_row

        current = self.alignment.rows[row]
        at = {
            lang: current.indices(lang)[1]
            for lang in self.languages
            if len(current.indices(lang)) > 1
        }
        if not at:
            raise SessionError(
                f"row {current.id} holds one paragraph per language; there is nothing to split"
            )
        return self._realign(split_row(self.alignment, current.id, at), row)

    def recheck(self, lock_wait: float = LOCK_TIMEOUT) -> bool:
        """Run the checks again on the current texts (fixes applied) and record the flags.

        Returns False (and records nothing) when a change arrived while the checks ran: their
        offsets would point into text that is gone; the check run started for that change
        records its own flags. The flags are written to the review files' ``#.`` lines when
        no other save holds the lock for over ``lock_wait`` seconds (else at the next run).
        """
        from ..checks import run_document

        with self._lock:
            revision = self._revision
            fixed = self._fixed_cells()
            document = self._document_with_fixes(fixed)
        flags = run_document(document)
        # wait here, not with the session locked (its readers would wait too)
        free = self._probe is None or self._probe.free(lock_wait)
        with self._lock:
            if revision != self._revision:
                return False
            self._set_flags(flags, fixed_cells=fixed)
            self._checked_at = revision
            self._generation += 1
            if self.store is not None and free:
                try:
                    self.store.update_flags(self.current_flags(flags))
                finally:
                    self._take_absorbed()  # saving merged other programs' changes first
            return True

    # --- internals ---------------------------------------------------------------------------

    def _record_row_flags(self, row: int) -> None:
        """Write the row's current flags when an approval changed them (an alignment flag
        comes or goes with the row's confirmation) and its flags are up to date (no cell
        awaits a recheck); the file then says what the UI shows."""
        row_id = self.row_id(row)
        mine = [flag for flag in self._all_flags if flag.row == row_id]
        if not any(flag.check == "alignment" for flag in mine) or any(
            (row, lang) in self._hidden for lang in self.languages
        ):
            return
        self.store.update_flags(self.current_flags(mine), rows=[row_id])

    def _require_reviewed(self, lang: str) -> None:
        if self.store is None:
            raise SessionError("the review files are still opening; try again in a moment")
        if lang not in self._reviewed:
            raise SessionError(f"{lang} has no review file; run 'aligner sync' for it")

    def _review(self, row: int, lang: str):
        return self.store.get(self.row_id(row), lang)

    def _statuses(self, lang: str) -> list[str]:
        statuses = self._status_cache.get(lang)
        if statuses is None:
            statuses = [self._review(r, lang).status for r in range(self.row_count())]
            self._status_cache[lang] = statuses
        return statuses

    def _touched(self, row: int, lang: str) -> None:
        self._revision += 1
        self._texts.pop((row, lang), None)
        review = self._review(row, lang)
        if lang in self._status_cache:
            self._status_cache[lang][row] = review.status
        self._mark(row, lang, review)
        self._progress.pop(lang, None)
        # the original flags of a fixed cell no longer point at its text
        if self.cell_text(row, lang) != self.original_text(row, lang):
            self._fixed.add((row, lang))
            self._hidden.add((row, lang))
        else:
            self._fixed.discard((row, lang))
            self._hidden.discard((row, lang))
        self._rebuild_views()
        self._version[row] = self._version.get(row, 0) + 1

    def _index_rows(self) -> None:
        self._row_index = {row.id: i for i, row in enumerate(self.alignment.rows)}
        self._reviewed = set(self.store.languages) if self.store is not None else set()
        self._texts: dict[tuple[int, str], str] = {}
        self._status_cache: dict[str, list[str]] = {}
        self._progress: dict[str, tuple[int, int]] = {}
        self._decided: dict[tuple[int, str], tuple[Decision, ...]] = {}
        self._confirmed: set[tuple[int, str]] = set()  # cells edited or approved
        self._fixed = self._scan_fixed()

    def _set_flags(self, flags: list[Flag], fixed_cells: set | None = None) -> None:
        self._all_flags = list(flags)
        self._hidden: set[tuple[int, str]] = set()
        self._rechecked = fixed_cells or set()
        if fixed_cells is None:
            self._hidden = self._fixed_cells()
        self._rebuild_views()

    def _fixed_cells(self) -> set[tuple[int, str]]:
        """The (row, lang) cells holding a fix (kept up to date by ``_touched``)."""
        return set(self._fixed)

    def _scan_fixed(self) -> set[tuple[int, str]]:
        fixed: set[tuple[int, str]] = set()
        if self.store is None:
            return fixed
        for lang in self._reviewed:
            for review in self.store.reviews(lang):
                row = self._row_index.get(review.row)
                if row is None:
                    continue
                if review.fixed:
                    fixed.add((row, lang))
                self._mark(row, lang, review)
        return fixed

    def _mark(self, row: int, lang: str, review) -> None:
        """Note the cell's decisions and whether a reviewer confirmed it (edited/approved)."""
        if review.decisions:
            self._decided[(row, lang)] = review.decisions
        else:
            self._decided.pop((row, lang), None)
        if review.status != "unreviewed":
            self._confirmed.add((row, lang))
        else:
            self._confirmed.discard((row, lang))

    def current_check(self, names=None, progress=None) -> list[Flag]:
        """The checks (``names``, default all) run on the reviewed texts, as current flags;
        ``progress(done, total)`` as they finish (``aligner.checks.run_document``)."""
        from ..checks import run_document

        return self.current_flags(run_document(self.reviewed_document(), names, progress))

    def current_flags(self, flags: list[Flag]) -> list[Flag]:
        """``flags`` (of the reviewed text) without the alignment flags of rows a reviewer
        edited or approved: a row a reviewer touched counts as aligned."""
        confirmed = {self.row_id(row) for row, _ in self._confirmed}
        return [flag for flag in flags if not (flag.check == "alignment" and flag.row in confirmed)]

    def reviewed_flags(self, flags: list[Flag]) -> list[Flag]:
        """What ``aligner check --reviewed`` reports of ``flags`` (found on the reviewed
        text): current flags, dismissed ones left out, accepted ones said to be accepted."""
        out = []
        for flag in self.current_flags(flags):
            row = self._row_index.get(flag.row)
            found = None if row is None else self.decision(row, flag.lang, flag)
            if found is None:
                out.append(flag)
            elif found.verdict == "accepted":
                why = f": {found.reason}" if found.reason else ""
                out.append(replace(flag, message=f"{flag.message} (accepted by the reviewer{why})"))
        return out

    def _rebuild_views(self) -> None:
        by_row: dict[int, list[Flag]] = {}
        spans: dict[tuple[int, str], list[tuple[int, int, str]]] = {}
        open_flags: dict[str, int] = {}
        open_by_row: dict[int, int] = {}
        open_cells: set[tuple[int, str]] = set()
        confirmed_rows = {row for row, _ in self._confirmed}
        self._flags_by_row = by_row  # ``decision`` reads the cell offsets of these
        for flag in self._all_flags:
            row = self._row_index.get(flag.row)
            if row is None or (row, flag.lang) in self._hidden:
                continue
            if flag.check == "alignment" and row in confirmed_rows:
                continue
            by_row.setdefault(row, []).append(flag)
            decided = self.decision(row, flag.lang, flag) if self._decided else None
            if decided is None:
                open_flags[flag.lang] = open_flags.get(flag.lang, 0) + 1
                open_by_row[row] = open_by_row.get(row, 0) + 1
                open_cells.add((row, flag.lang))
            if decided is not None and decided.verdict == "dismissed":
                continue
            start = self._cell_offset(row, flag.lang, flag.paragraph)
            if start is not None and flag.end > flag.start:
                spans.setdefault((row, flag.lang), []).append(
                    (start + flag.start, start + flag.end, flag.check)
                )
        self._spans, self._open_flags = spans, open_flags
        self._open_by_row, self._open_cells = open_by_row, open_cells

    def _cell_offset(self, row: int, lang: str, paragraph: int | None) -> int | None:
        """Offset in the cell text of the paragraph a flag points into."""
        if paragraph is None:
            return 0
        if (row, lang) in self._rechecked:
            parts = self._fixed_parts(row, lang)
        else:
            paragraphs = self.docset.paragraphs(lang)
            parts = [(i, paragraphs[i]) for i in self.alignment.rows[row].indices(lang)]
        offset = 0
        for index, text in parts:
            if index == paragraph:
                return offset
            offset += len(text) + len(CELL_SEPARATOR)
        return None

    def _fixed_parts(self, row: int, lang: str) -> list[tuple[int, str]]:
        indices = self.alignment.rows[row].indices(lang)
        first = indices[0] if indices else 0
        pieces = self.cell_text(row, lang).split(CELL_SEPARATOR)
        return [(first + k, piece) for k, piece in enumerate(pieces)]

    def checked_texts(self) -> tuple:
        """(original document, its flags, reviewed document, its flags or None) for the quality
        report, without checking again what is known: the original text's flags are kept as
        long as the rows stay (the texts never change), and the reviewed text's are the
        session's own when no change arrived since its last check (None: run them)."""
        from ..checks import run_document
        from ..checks.document import from_docset

        with self._lock:
            alignment = self.alignment
            reviewed = self._document_with_fixes(self._fixed_cells())
            known = list(self._all_flags) if self._checked_at == self._revision else None
            original = self._original_check
        if original is None or original[0] is not alignment:
            document = from_docset(self.docset, alignment)
            original = (alignment, document, run_document(document))
            with self._lock:
                self._original_check = original
        return original[1], original[2], reviewed, known

    def reviewed_document(self):
        """The checks' view of the rows with every reviewer fix applied."""
        with self._lock:
            return self._document_with_fixes(self._fixed_cells())

    def reviewed_paragraph(self, row_id: str, lang: str, paragraph: int) -> str:
        """The text of ``paragraph`` as a flag on the reviewed text numbers it."""
        row = self._row_index[row_id]
        if self.cell_text(row, lang) != self.original_text(row, lang):
            parts = dict(self._fixed_parts(row, lang))
            return parts.get(paragraph, "")
        return self.docset.paragraphs(lang)[paragraph]

    def _document_with_fixes(self, fixed: set[tuple[int, str]]):
        from ..checks.base import Cell, Unit
        from ..checks.document import from_docset

        document = from_docset(self.docset, self.alignment)
        if not fixed:
            return document
        units = list(document.units)
        for row, lang in fixed:
            parts = self._fixed_parts(row, lang)
            cells = dict(units[row].cells)
            cells[lang] = Cell.join(lang, [p for _, p in parts], [i for i, _ in parts])
            units[row] = Unit(units[row].id, cells, units[row].score, units[row].entry)
        return replace(document, units=tuple(units), _facts={})

    def _realign(self, alignment: Alignment, near: int) -> int:
        from ..align import save_alignment
        from .store import ReviewStore

        if self.store is None:
            raise SessionError("the review files are still opening; try again in a moment")
        self._wait_for_lock(LOCK_WAIT)
        with self._lock:
            save_alignment(self.docset, alignment)
            self.store = ReviewStore.open(self.docset, alignment, None)
            self._use_rows(alignment)
            self.recheck(lock_wait=LOCK_WAIT)
            return min(near, self.row_count() - 1)

    def _use_rows(self, alignment: Alignment) -> None:
        """Show ``alignment``'s rows from now on: every row may have changed, no flag holds
        until the next check (call with the lock held)."""
        self._revision += 1
        self.alignment = alignment
        self._version = {}
        self._generation += 1
        self._index_rows()
        self._set_flags([])
