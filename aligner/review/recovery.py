"""What keeps a reviewer's work when a save cannot happen now: recovery files and lock probes.

``keep_unsaved`` writes text that could not be saved to a plain file the reviewer can open
(``DOCSET/review/unsaved/<lang>-<row>-<time>.txt``, or the temporary directory when the
docset cannot be written). ``LockProbe`` tells whether another writer holds the review
directory's lock without making the caller wait for it: a helper thread does the waiting, so
a UI never freezes behind another process's save. Plain Python, no UI imports.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
import time
from pathlib import Path

from ..docset import REVIEW_DIR
from .safe_files import DirectoryLock, ReviewFileError

UNSAVED_DIR = "unsaved"
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]+")


class ReviewBusyError(ReviewFileError):
    """Another save holds the review directory's lock; nothing was changed, retry shortly."""


def busy_error(directory: Path) -> ReviewBusyError:
    """The error for a review directory whose lock another save holds (never says to delete it)."""
    return ReviewBusyError(
        f"{directory}: another save is in progress (another aligner "
        "process, or this one in the background, holds the review lock); "
        "nothing was changed; try again in a moment"
    )


def keep_unsaved(docset_path: Path, row_id: str, lang: str, text: str) -> Path:
    """Write ``text`` to a new recovery file; its path. Raises OSError when no place takes it.

    Tried in order: ``DOCSET/review/unsaved/``, then ``<tmp>/aligner-unsaved/``. The file is
    written plainly (not atomically: its name is new, and half a file beats none), UTF-8.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    name = f"{_safe(lang)}-{_safe(row_id)}-{stamp}"
    places = [
        Path(docset_path) / REVIEW_DIR / UNSAVED_DIR,
        Path(tempfile.gettempdir()) / "aligner-unsaved",
    ]
    failure: OSError | None = None
    data = text.encode("utf-8", "surrogatepass")  # never refuse the text it is to keep
    for directory in places:
        try:
            directory.mkdir(parents=True, exist_ok=True)
            return _write_new(directory, name, data)
        except OSError as exc:
            failure = exc
    assert failure is not None
    raise failure


def _safe(part: str) -> str:
    return _UNSAFE_NAME.sub("_", part)[:40] or "_"


def _write_new(directory: Path, name: str, data: bytes) -> Path:
    for attempt in range(100):
        path = directory / (f"{name}.txt" if attempt == 0 else f"{name}-{attempt}.txt")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError:
            path.unlink(missing_ok=True)
            raise
        return path
    raise FileExistsError(directory / f"{name}.txt")


class LockProbe:
    """Whether the lock of a review directory can be had, waiting no longer than asked.

    ``free(wait)`` starts a helper thread that takes the lock and lets it go at once (or
    joins the one still waiting) and waits at most ``wait`` seconds for it. The caller then
    takes the lock itself, normally at once; only a writer that takes the lock in the
    microseconds between makes it wait (as long as ``DirectoryLock`` waits).
    """

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._thread: threading.Thread | None = None
        self._guard = threading.Lock()

    def free(self, wait: float) -> bool:
        """True when no other writer holds the lock (or it was let go within ``wait`` s)."""
        with self._guard:
            thread = self._thread
            if thread is None or not thread.is_alive():
                thread = threading.Thread(
                    target=self._take_and_leave, daemon=True, name="aligner-lock-probe"
                )
                self._thread = thread
                thread.start()
        thread.join(wait)
        return not thread.is_alive()

    def _take_and_leave(self) -> None:
        try:
            with DirectoryLock(self.directory):
                pass
        except Exception:  # e.g. an unwritable directory: the real save reports it
            return
