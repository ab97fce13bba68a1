"""Files the ``aligner`` command derives once and keeps in the user's cache
(``$XDG_CACHE_HOME/aligner``, else ``~/.cache/aligner``): each stored as one marshalled
(key, checksum, marshalled value), the key saying what the value was made from, so that a
copy made from other files, by another format or interpreter is never read, and the
checksum (CRC-32) that a damaged copy is not either. Nothing here is needed: a missing,
stale or damaged file, or no place to write one, only costs the work of making it again."""

from __future__ import annotations

import marshal
import os
import zlib


def cache_path(name: str) -> str | None:
    """Where the user's cache keeps ``name``; None without a home to put it in."""
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(root):
        return None
    return os.path.join(root, "aligner", name)


def read_cached(path: str | None, key: object) -> object | None:
    """The value stored at ``path`` under ``key``; None if there is none, it was stored
    under another key or its bytes changed since."""
    if path is None:
        return None
    try:
        with open(path, "rb") as file:
            stored = marshal.loads(file.read())
        if not isinstance(stored, tuple) or len(stored) != 3 or stored[0] != key:
            return None
        _, checksum, data = stored
        if not isinstance(data, bytes) or zlib.crc32(data) != checksum:
            return None
        return marshal.loads(data)
    except (OSError, ValueError, EOFError, TypeError):
        return None


def write_cached(path: str, key: object, value: object) -> None:
    """Store ``value`` under ``key`` at ``path`` whole or not at all (a temporary file
    renamed: a process reading at the same time sees the old copy or the new one)."""
    import tempfile  # deferred: written once in a while, not at every start

    folder = os.path.dirname(path)
    try:
        data = marshal.dumps(value)
        data = marshal.dumps((key, zlib.crc32(data), data))
        os.makedirs(folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(path))
    except (OSError, ValueError):
        return
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
