"""Files on disk, safely: fingerprints, atomic writes with a backup, a directory lock.

A file is remembered by its stat and a CRC-32 of its content (not the content itself: four
10k-row review files are 50 MB); ``changed_on_disk`` reads it again only when the stat
differs or is too recent to trust. Files are written to a temporary file in the same
directory, fsynced and renamed over the old one, whose previous version stays as
``<name>~``; and a lock file serialises the writers of one review directory, so two
``aligner`` processes never interleave a check and a write.
"""

from __future__ import annotations

import os
import secrets
import shutil
import threading
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from .errors import AlignerError

LOCK_NAME = ".lock"
BACKUP_SUFFIX = "~"
LOCK_TIMEOUT = 15.0  # seconds to wait for another aligner process's save
# A file whose stat looks unchanged is still compared by content when its mtime is this
# recent: a same-size in-place write within one timestamp tick leaves the stat as it was.
# Ticks are milliseconds at most where mtimes have sub-millisecond digits, else up to 2 s (FAT).
RACY_FINE, RACY_COARSE = 0.05, 2.0


class ReviewFileError(AlignerError):
    """A review file cannot be read or written (malformed, locked, changed elsewhere)."""


class ReviewConflictError(ReviewFileError):
    """Another program changed the same entry since it was read; nothing was written."""


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What a file looked like when read or written: its stat identity and content checksum."""

    inode: int
    size: int
    mtime_ns: int
    crc: int
    taken_at: float

    def same_stat(self, stat: os.stat_result) -> bool:
        """True when the stat matches and is old enough to trust without reading the file."""
        racy = RACY_COARSE if stat.st_mtime_ns % 1_000_000 == 0 else RACY_FINE
        return ((stat.st_ino, stat.st_size, stat.st_mtime_ns) == (self.inode, self.size,
                self.mtime_ns) and self.taken_at - stat.st_mtime_ns / 1e9 > racy)

    def same_content(self, other: Fingerprint) -> bool:
        """Whether two fingerprints describe the same bytes."""
        return (self.size, self.crc) == (other.size, other.crc)


def fingerprint(stat: os.stat_result, data: bytes) -> Fingerprint:
    """Fingerprint of a file whose stat (taken before reading) and content are given."""
    return Fingerprint(stat.st_ino, len(data), stat.st_mtime_ns, zlib.crc32(data), time.time())


def read_bytes(path: Path) -> tuple[bytes, os.stat_result] | None:
    """The content of ``path`` and its stat (taken on the same open file); None if missing."""
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            return handle.read(), stat
    except FileNotFoundError:
        return None


def read_file(path: Path) -> tuple[bytes, Fingerprint]:
    """The content of ``path`` and its fingerprint."""
    found = read_bytes(path)
    if found is None:
        raise FileNotFoundError(path)
    return found[0], fingerprint(found[1], found[0])


def read_if_exists(path: Path) -> tuple[bytes, Fingerprint] | None:
    """``read_file(path)``, or None when there is no such file."""
    found = read_bytes(path)
    return None if found is None else (found[0], fingerprint(found[1], found[0]))


def changed_on_disk(path: Path, known: Fingerprint | None
                    ) -> tuple[bool, tuple[bytes, Fingerprint] | None]:
    """(changed, (content, fingerprint)); the second is None when the file does not exist.

    The content is read only when the stat differs or is too recent to trust.
    """
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return known is not None, None
    if known is not None and known.same_stat(stat):
        return False, None
    content = read_if_exists(path)
    if content is None:
        return known is not None, None
    return known is None or not known.same_content(content[1]), content


def atomic_write(path: Path, data: bytes | list, backup: bool = True) -> Fingerprint:
    """Write ``data`` to ``path`` so that a crash leaves the old or the new file, never half.

    ``data`` may be a list of bytes-like parts (written one after the other, never joined in
    memory). The previous version is kept as ``<name>~`` (a hard link to the old file when
    possible).
    """
    parts = [data] if isinstance(data, (bytes, bytearray, memoryview)) else data
    directory = path.parent
    directory.mkdir(parents=True, exist_ok=True)
    temp = directory / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    crc = size = 0
    try:
        with os.fdopen(fd, "wb") as handle:
            for part in parts:
                handle.write(part)
                crc, size = zlib.crc32(part, crc), size + len(part)
            handle.flush()
            os.fsync(handle.fileno())
        if backup and path.exists():
            _keep_backup(path)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_directory(directory)
    stat = os.stat(path)
    return Fingerprint(stat.st_ino, size, stat.st_mtime_ns, crc, time.time())


def _keep_backup(path: Path) -> None:
    backup = path.with_name(path.name + BACKUP_SUFFIX)
    if backup.exists() and os.path.samefile(path, backup):
        return  # a save killed after linking: the backup already is this file (and rename()
        # between two links of one file would do nothing, leaving the staging name behind)
    staging = path.with_name(f".{backup.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        os.link(path, staging)
    except OSError:
        shutil.copyfile(path, staging)
    os.replace(staging, backup)


def _fsync_directory(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale_temporaries(directory: Path) -> None:
    """Delete temporary files left by aligner processes that died while saving."""
    for temp in directory.glob(".*.tmp"):
        parts = temp.name.split(".")
        if len(parts) < 4 or not parts[-3].isdigit():
            continue
        pid = int(parts[-3])
        if pid != os.getpid() and not _alive(pid):
            temp.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


class DirectoryLock:
    """An exclusive lock on a review directory, between threads and processes.

    Uses ``flock`` on ``<dir>/.lock`` (``msvcrt.locking`` on Windows); waits up to
    LOCK_TIMEOUT seconds for another writer, then gives up with a ReviewFileError.
    """

    def __init__(self, directory: Path) -> None:
        self.path = directory / LOCK_NAME
        self._local = threading.local()

    def __enter__(self) -> DirectoryLock:
        depth = getattr(self._local, "depth", 0)
        if depth == 0:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
            except OSError as exc:
                raise ReviewFileError(f"{self.path.parent}: cannot write review files here "
                                      f"({exc.strerror or exc}); fix the permissions or copy "
                                      "the document set somewhere writable") from None
            deadline = time.monotonic() + LOCK_TIMEOUT
            while not _try_lock(fd):
                if time.monotonic() > deadline:
                    os.close(fd)
                    raise ReviewFileError(f"{self.path.parent}: locked by another aligner "
                                          f"process for over {LOCK_TIMEOUT:.0f} s; wait for it "
                                          f"to finish (or delete {self.path} if none runs)")
                time.sleep(0.01)
            self._local.fd = fd
        self._local.depth = depth + 1
        return self

    def __exit__(self, *exc: object) -> None:
        self._local.depth -= 1
        if self._local.depth == 0:
            _unlock(self._local.fd)
            os.close(self._local.fd)


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    try:
        import fcntl
    except ImportError:
        import msvcrt
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    fcntl.flock(fd, fcntl.LOCK_UN)
