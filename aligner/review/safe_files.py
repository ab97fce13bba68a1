"""Files on disk, safely: fingerprints, atomic writes with a backup, a directory lock.

A file is remembered by its stat and a CRC-32 of its content (not the content itself: four
10k-row review files are 50 MB); ``changed_on_disk`` reads it again only when the stat
differs or is too recent to trust. Files are written to a temporary file in the same
directory, fsynced and renamed over the old one, whose previous version stays as
``<name>~``; and a lock file (``aligner.review.dir_lock``) serialises the writers of one review
directory, so two ``aligner`` processes never interleave a check and a write.

Every failure of the file system (disk full, quota, permissions, read-only, a directory where
a file should be) becomes an AlignerError subclass whose one-line message names the file and
what to do; a failed write leaves the old file, its backup and no temporary file behind.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import AlignerError, os_error_reason

BACKUP_SUFFIX = "~"
# A file whose stat looks unchanged is still compared by content when its mtime is this
# recent: a same-size in-place write within one timestamp tick leaves the stat as it was.
# Ticks are milliseconds at most where mtimes have sub-millisecond digits, else up to 2 s (FAT).
RACY_FINE, RACY_COARSE = 0.05, 2.0


class FileSaveError(AlignerError):
    """A file could not be written (disk full, permissions...); the old file is intact."""


class ReviewFileError(AlignerError):
    """A review file cannot be read or written (malformed, locked, changed elsewhere)."""


class ReviewSaveError(ReviewFileError, FileSaveError):
    """A review file could not be written; nothing was saved, the file and backup are intact."""


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
        return (stat.st_ino, stat.st_size, stat.st_mtime_ns) == (
            self.inode,
            self.size,
            self.mtime_ns,
        ) and self.taken_at - stat.st_mtime_ns / 1e9 > racy

    def same_content(self, other: Fingerprint) -> bool:
        """Whether two fingerprints describe the same bytes."""
        return (self.size, self.crc) == (other.size, other.crc)


def fingerprint(stat: os.stat_result, data: bytes) -> Fingerprint:
    """Fingerprint of a file whose stat (taken before reading) and content are given."""
    return Fingerprint(stat.st_ino, len(data), stat.st_mtime_ns, zlib.crc32(data), time.time())


def read_bytes(path: Path) -> tuple[bytes, os.stat_result] | None:
    """The content of ``path`` and its stat (taken on the same open file); None if missing.

    Raises ReviewFileError (one line: the file and what to do) when it cannot be read.
    """
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            return handle.read(), stat
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ReviewFileError(read_error_message(path, exc)) from None


def read_error_message(path: Path, exc: OSError) -> str:
    """``<path>: cannot read it (<why>); <what to do>`` for an OSError reading ``path``."""
    code = exc.errno
    if code == errno.EISDIR or (code in (errno.EACCES, errno.EPERM) and path.is_dir()):
        return f"{path}: is a directory, not a file; move it away (aligner keeps a file there)"
    if code == errno.ENOTDIR:
        return (
            f"{_file_in_the_way(path)}: is a file, not a directory; move it away "
            "(aligner keeps a directory there)"
        )
    if code in (errno.EACCES, errno.EPERM):
        return f"{path}: cannot read it (permission denied); make it readable (chmod u+r)"
    return (
        f"{path}: cannot read it ({exc.strerror or exc}); check the disk and the file, then retry"
    )


def _file_in_the_way(path: Path) -> Path:
    """The nearest ancestor of ``path`` that exists and is not a directory (else ``path``)."""
    for parent in reversed(path.parents):
        if parent.exists() and not parent.is_dir():
            return parent
    return path


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


def changed_on_disk(
    path: Path, known: Fingerprint | None
) -> tuple[bool, tuple[bytes, Fingerprint] | None]:
    """(changed, (content, fingerprint)); the second is None when the file does not exist.

    The content is read only when the stat differs or is too recent to trust.
    """
    try:
        stat = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return known is not None, None
    except OSError as exc:
        raise ReviewFileError(read_error_message(path, exc)) from None
    if known is not None and known.same_stat(stat):
        return False, None
    content = read_if_exists(path)
    if content is None:
        return known is not None, None
    return known is None or not known.same_content(content[1]), content


def save_error_message(path: Path, exc: OSError, kept: str) -> str:
    """``<path>: cannot save (<why>); <kept>; <what to do>`` for an OSError writing ``path``."""
    code = exc.errno
    if code == errno.ENOTDIR:
        return (
            f"{path}: cannot save ({_file_in_the_way(path.parent)} is a file, not a "
            f"directory); {kept}; move that file away and retry"
        )
    if code in (errno.EACCES, errno.EPERM):
        try:
            where = path if path.exists() and not os.access(path, os.W_OK) else path.parent
        except OSError:
            where = path.parent
        return (
            f"{path}: cannot save (permission denied); {kept}; make {where} writable "
            "(or copy the document set somewhere writable) and retry"
        )
    what, remedy = os_error_reason(exc)
    return f"{path}: cannot save ({what}); {kept}; {remedy}"


def atomic_write(
    path: Path,
    data: bytes | list,
    backup: bool = True,
    error: type[AlignerError] = FileSaveError,
    kept: str = "the old file is unchanged",
) -> Fingerprint:
    """Write ``data`` to ``path`` so that a crash leaves the old or the new file, never half.

    ``data`` may be a list of bytes-like parts (written one after the other, never joined in
    memory). With ``backup`` the previous version is kept as ``<name>~`` (a hard link to the
    old file when possible). Order: the new content goes to a temporary file (fsynced); the
    old file is linked to a second temporary name; the new file is renamed over the old one;
    then the second name over the backup. A failure at any step before the last rename leaves
    the old file and the old backup as they were (and removes both temporaries); a crash
    leaves temporaries that ``remove_stale_temporaries`` deletes later.

    Any OSError becomes ``error`` (an AlignerError) with one line naming ``path``, saying
    ``kept`` (what is left as it was) and what to do.
    """
    parts = [data] if isinstance(data, (bytes, bytearray, memoryview)) else data
    directory = path.parent
    _remove_own_stale(path)
    temp = directory / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    staging = None
    try:
        try:
            try:
                directory.mkdir(parents=True, exist_ok=True)
            except FileExistsError:  # a file where the directory should be
                raise NotADirectoryError(
                    errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(directory)
                ) from None
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
            fd = os.open(
                temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666
            )
            crc = size = 0
            with os.fdopen(fd, "wb") as handle:
                for part in parts:
                    handle.write(part)
                    crc, size = zlib.crc32(part, crc), size + len(part)
                handle.flush()
                os.fsync(handle.fileno())
            if backup and path.exists():
                staging = _stage_backup(path)
            os.replace(temp, path)
        except BaseException:
            for leftover in (temp, staging):
                if leftover is not None:
                    try:
                        leftover.unlink(missing_ok=True)
                    except OSError:
                        pass  # (a read-only directory made none)
            raise
        if staging is not None:
            try:
                os.replace(staging, path.with_name(path.name + BACKUP_SUFFIX))
            except OSError:
                pass  # the new file is saved; the old backup stays
            try:  # (gone unless the rename failed, or did nothing: the backup already was
                staging.unlink(missing_ok=True)  # a link to the old file)
            except OSError:
                pass
        _fsync_directory(directory)
        stat = os.stat(path)
    except OSError as exc:
        raise error(save_error_message(path, exc, kept)) from None
    return Fingerprint(stat.st_ino, size, stat.st_mtime_ns, crc, time.time())


def _stage_backup(path: Path) -> Path:
    """A second name for the current ``path`` (a hard link, else a copy), to become the backup."""
    staging = path.with_name(
        f".{path.name}{BACKUP_SUFFIX}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    )
    try:
        os.link(path, staging)
    except OSError:
        shutil.copyfile(path, staging)
    return staging


def _fsync_directory(directory: Path) -> None:
    """Make the rename durable; best effort (some file systems cannot fsync a directory, and
    once the rename is done the new file is what everyone sees)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temporaries(directory: Path) -> None:
    """Delete temporary files left by aligner processes that died while saving (best effort)."""
    try:
        temps = list(directory.glob(".*.tmp"))
    except OSError:
        return
    for temp in temps:
        parts = temp.name.split(".")
        if len(parts) < 4 or not parts[-3].isdigit():
            continue
        pid = int(parts[-3])
        if pid != os.getpid() and not _alive(pid):
            try:
                temp.unlink(missing_ok=True)
            except OSError:
                pass


def _remove_own_stale(path: Path) -> None:
    """Delete the temporaries a dead process left while writing ``path`` (only names that
    ``atomic_write`` makes for this file: ``.<name>[~].<pid>.<8 hex digits>.tmp``)."""
    try:
        names = [
            entry.name
            for entry in os.scandir(path.parent)
            if entry.name.startswith(f".{path.name}") and entry.name.endswith(".tmp")
        ]
    except OSError:
        return
    for name in names:
        middle = name[len(path.name) + 1 : -len(".tmp")].removeprefix(BACKUP_SUFFIX)
        pid, _, token = middle.lstrip(".").partition(".")
        if (
            middle.startswith(".")
            and pid.isdigit()
            and len(token) == 8
            and all(c in "0123456789abcdef" for c in token)
            and int(pid) != os.getpid()
            and not _alive(int(pid))
        ):
            try:
                os.unlink(path.parent / name)
            except OSError:
                pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def __getattr__(name: str) -> object:
    """The lock lives in ``aligner.review.dir_lock``; its names stay importable from here."""
    if name in ("DirectoryLock", "LOCK_NAME", "LOCK_TIMEOUT"):
        from . import dir_lock

        return getattr(dir_lock, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
