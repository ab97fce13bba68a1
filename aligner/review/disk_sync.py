"""DiskSync: the side of the review session that keeps it in step with the files on disk.

Other programs (another ``aligner``, a PO editor) may save the review files while a session
is open. Every read or save of the store may take their changes in; this mixin shows them
(``refresh_from_disk``, ``take_outside_changes``), refuses a change of a cell that changed
under the reviewer, rebuilds what is shown after a failed save, never waits long for another
writer's lock (``ReviewBusyError``) and keeps text that could not be saved in a recovery file.
Mixed into ``ReviewSession``, whose caches (``_texts``, ``_status_cache``...) it maintains.
"""

from __future__ import annotations

from contextlib import contextmanager

from .recovery import busy_error, keep_unsaved
from .safe_files import ReviewConflictError, ReviewFileError

LOCK_WAIT = 0.2  # seconds a change waits for another writer's save before it is refused as busy


class DiskSync:
    """Methods of ReviewSession about other programs' saves and failed saves."""

    def keep_unsaved(self, row: int, lang: str, text: str):
        """Write text that could not be saved to a recovery file; its path (OSError if none)."""
        return keep_unsaved(self.docset.path, self.row_id(row), lang, text)

    def refresh_from_disk(self, wait: float = LOCK_WAIT) -> list[tuple[int, str]]:
        """Take in what other programs saved in the review files; the (row, lang) cells whose
        review changed (also kept for ``take_outside_changes``).

        Raises ReviewBusyError when another save holds the lock for over ``wait`` seconds,
        ReviewFileError when a file cannot be read (what is shown stays as it was).
        """
        if self.store is None:
            return []
        self._wait_for_lock(wait)
        with self._lock:
            try:
                self.store.refresh()
            finally:
                changed = self._take_absorbed()
            return changed

    def _take_absorbed(self) -> list[tuple[int, str]]:
        """Show what the store took in from other programs' saves (a refresh, or a change or
        save, which merge the disk first); the cells, also kept for take_outside_changes."""
        changed = []
        for row_id, lang in self.store.take_absorbed():
            row = self._row_index.get(row_id)
            if row is not None:
                self._touched(row, lang)
                changed.append((row, lang))
        self._outside.extend(changed)
        return changed

    def take_outside_changes(self) -> list[tuple[int, str]]:
        """The cells other programs changed since the last call (found by a refresh or a
        refused save), in the order found, each once."""
        with self._lock:
            found, self._outside = self._outside, []
        return list(dict.fromkeys(found))

    @contextmanager
    def _changing(self, row: int | None, lang: str | None):
        """Around a change of (row, lang) (None: of any cell, e.g. an undo).

        Before: waits (briefly, see ``_wait_for_lock``) for another writer, then takes in what
        other programs saved; a change of this very cell refuses the change (the reviewer
        decided on text that is gone). After a failed save: the store may have taken in the
        disk's version while refusing (a conflict), so every cached view of the language is
        dropped and rebuilt from the store; the cells that changed are kept for
        ``take_outside_changes``. Nothing stale is shown after a refused save.
        """
        changed = self.refresh_from_disk()
        with self._lock:
            if row is not None and (row, lang) in changed:
                raise ReviewConflictError(
                    f"{self.store.path(lang)}: row {self.row_id(row)} was changed by another "
                    "program since it was shown; its version is shown now and nothing was "
                    "saved; check it and redo the change if it still applies"
                )
            try:
                yield
            except ReviewFileError:
                self._take_absorbed()
                for reviewed in [lang] if lang is not None else sorted(self._reviewed):
                    self._outside.extend((r, reviewed) for r in self._reload_language(reviewed))
                raise
            self._take_absorbed()  # a save merges other programs' changes of other rows

    def _wait_for_lock(self, wait: float) -> None:
        """Refuse with ReviewBusyError, rather than wait, while another save holds the lock
        (the store itself would wait up to LOCK_TIMEOUT with this thread frozen)."""
        if self._probe is not None and not self._probe.free(wait):
            raise busy_error(self._probe.directory)

    def _reload_language(self, lang: str) -> list[int]:
        """Drop every cached text and status of ``lang`` and build them again from the store;
        the rows whose text or status differs from what was cached."""
        old_texts = {r: t for (r, l), t in self._texts.items() if l == lang}
        for r in old_texts:
            del self._texts[(r, lang)]
        old_statuses = self._status_cache.pop(lang, None)
        self._progress.pop(lang, None)
        changed = {r for r, text in old_texts.items() if self.cell_text(r, lang) != text}
        if old_statuses is not None:
            changed.update(
                r
                for r, (was, now) in enumerate(zip(old_statuses, self._statuses(lang)))
                if was != now
            )
        fixed_now = set()
        decided_before = {r: d for (r, l), d in self._decided.items() if l == lang}
        for review in self.store.reviews(lang):
            row = self._row_index.get(review.row)
            if row is None:
                continue
            if review.fixed:
                fixed_now.add((row, lang))
            self._mark(row, lang, review)
        decided_now = {r: d for (r, l), d in self._decided.items() if l == lang}
        changed.update(
            r
            for r in decided_before.keys() | decided_now.keys()
            if decided_before.get(r) != decided_now.get(r)
        )
        fixed_before = {cell for cell in self._fixed if cell[1] == lang}
        changed.update(r for r, _ in fixed_before ^ fixed_now)
        self._fixed = (self._fixed - fixed_before) | fixed_now
        for r in changed:
            if (r, lang) in fixed_now:
                self._hidden.add((r, lang))
            else:
                self._hidden.discard((r, lang))
            self._version[r] = self._version.get(r, 0) + 1
        if changed:
            self._revision += 1
            self._rebuild_views()
        return sorted(changed)
