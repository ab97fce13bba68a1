"""The lock of a review directory: ``flock`` on ``review/.lock``, or a lock file where the
file system has no ``flock``. Every save of a review file holds it, so two ``aligner``
processes (or threads) never interleave a check of the file on disk and a write.
"""

from __future__ import annotations

import errno
import os
import secrets
import threading
import time
from pathlib import Path

from ..errors import os_error_reason
from .safe_files import ReviewFileError, _alive, _file_in_the_way

LOCK_NAME = ".lock"
LOCK_TIMEOUT = 15.0  # seconds to wait for another aligner process's save

# flock is refused on some file systems (NFS without lockd: ENOLCK; some FUSE and SMB mounts:
# EOPNOTSUPP, ENOSYS, EINVAL). There the lock falls back to a lock file made with O_EXCL.
_NO_FLOCK = {
    errno.ENOLCK,
    errno.EOPNOTSUPP,
    errno.ENOSYS,
    errno.EINVAL,
    getattr(errno, "ENOTSUP", errno.EOPNOTSUPP),
}
STALE_LOCK_AGE = 120.0  # seconds after which an O_EXCL lock file is taken as left by a crash


class DirectoryLock:
    """An exclusive lock on a review directory, between threads and processes.

    Uses ``flock`` on ``<dir>/.lock`` (``msvcrt.locking`` on Windows); waits up to
    LOCK_TIMEOUT seconds for another writer, then gives up with a ReviewFileError.

    Fallback where the file system refuses ``flock`` (NFS without lockd, some FUSE mounts):
    the lock is the existence of ``<dir>/.lock.excl``, created with ``O_CREAT | O_EXCL``
    (atomic on NFSv3 and later) and holding the owner's host and pid; it is removed on
    release. One left by a crash is taken over when its owner is a dead process of this host,
    or when it is older than STALE_LOCK_AGE seconds (a save takes well under a second).
    """

    def __init__(self, directory: Path) -> None:
        self.path = directory / LOCK_NAME
        self.fallback = directory / (LOCK_NAME + ".excl")
        self._local = threading.local()

    def __enter__(self) -> DirectoryLock:
        depth = getattr(self._local, "depth", 0)
        if depth == 0:
            self._local.fd = self._acquire()
        self._local.depth = depth + 1
        return self

    def _acquire(self) -> int | None:
        directory = self.path.parent
        try:
            directory.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        except (FileExistsError, NotADirectoryError):
            raise ReviewFileError(
                f"{_file_in_the_way(self.path)}: is a file, not a "
                "directory; move it away (aligner keeps the review files "
                "in a directory there)"
            ) from None
        except OSError as exc:
            raise ReviewFileError(_unwritable(directory, exc)) from None
        deadline = time.monotonic() + LOCK_TIMEOUT
        try:
            while not _try_lock(fd):
                self._wait(deadline)
        except _FlockUnsupported:
            os.close(fd)
            while not self._try_fallback():
                self._wait(deadline)
            return None
        except OSError as exc:
            os.close(fd)
            raise ReviewFileError(
                f"{self.path}: cannot lock it ({exc.strerror or exc}); "
                "check the file system and retry"
            ) from None
        except BaseException:
            os.close(fd)
            raise
        return fd

    def _wait(self, deadline: float) -> None:
        if time.monotonic() > deadline:
            raise ReviewFileError(
                f"{self.path.parent}: locked by another aligner process for "
                f"over {LOCK_TIMEOUT:.0f} s; wait for it to finish and "
                "retry"
            )
        time.sleep(0.01)

    def _try_fallback(self) -> bool:
        owner = f"{_host()} {os.getpid()} {threading.get_ident()}\n".encode()
        try:
            fd = os.open(self.fallback, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            self._break_if_stale()
            return False
        except OSError as exc:
            raise ReviewFileError(_unwritable(self.path.parent, exc)) from None
        try:
            os.write(fd, owner)
        finally:
            os.close(fd)
        return True

    def _break_if_stale(self) -> None:
        """Remove a lock file left by a crash. It is renamed away first and checked to be the
        file judged stale, so that two processes breaking it at once cannot remove the fresh
        lock file one of them made in between (that one is put back)."""
        try:
            judged = os.stat(self.fallback)
            text = self.fallback.read_text(encoding="utf-8", errors="replace").split()
        except OSError:
            return
        dead = (
            len(text) >= 2 and text[0] == _host() and text[1].isdigit() and not _alive(int(text[1]))
        )
        if not dead and time.time() - judged.st_mtime <= STALE_LOCK_AGE:
            return
        grave = self.fallback.with_name(
            f"{self.fallback.name}.{os.getpid()}.{secrets.token_hex(4)}.stale"
        )
        try:
            os.rename(self.fallback, grave)
        except OSError:
            return
        try:
            if os.stat(grave).st_ino != judged.st_ino:  # a fresh one: give it back
                try:
                    os.link(grave, self.fallback)
                except OSError:
                    pass
        except OSError:
            pass
        finally:
            try:
                grave.unlink()
            except OSError:
                pass

    def __exit__(self, *exc: object) -> None:
        self._local.depth -= 1
        if self._local.depth == 0:
            fd = self._local.fd
            if fd is None:
                try:
                    self.fallback.unlink()
                except OSError:
                    pass
                return
            try:
                _unlock(fd)
            except OSError:
                pass  # closing the descriptor releases the lock anyway
            os.close(fd)


def _unwritable(directory: Path, exc: OSError) -> str:
    what, remedy = os_error_reason(exc)
    return f"{directory}: cannot write review files here ({what}); {remedy}"


class _FlockUnsupported(Exception):
    """The file system refuses flock."""


def _host() -> str:
    try:
        return os.uname().nodename or "host"
    except AttributeError:
        import socket

        return socket.gethostname() or "host"


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
    except OSError as exc:
        if exc.errno in _NO_FLOCK:
            raise _FlockUnsupported from None
        raise
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
