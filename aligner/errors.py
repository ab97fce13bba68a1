"""One exception hierarchy for the core: every failure a user can cause is an AlignerError.

The CLI prints ``aligner: error: <message>`` and exits 2; the UI shows the message literally.
Messages name the file, say what is wrong and what to do, on one line.
"""

from __future__ import annotations

import errno


class AlignerError(Exception):
    """Base of every error the core raises on bad input or a refused operation."""


class UsageError(AlignerError):
    """A command-line value that cannot be right (an empty list, an unknown codec...)."""


class DocSetError(AlignerError):
    """The document set cannot be used as given (missing path, no language files...)."""


class TextFileError(AlignerError):
    """A language file cannot be read as text (binary, unknown encoding...)."""


class ConfigError(AlignerError):
    """docset.toml is malformed or has a value of the wrong kind."""


class GlossaryError(AlignerError):
    """glossary.tsv is malformed."""


def located(path: object, message: str, line: int | None = None) -> str:
    """Format ``path[:line]: message`` the way every error names its file."""
    where = f"{path}:{line}" if line is not None else f"{path}"
    return f"{where}: {message}"


# what an OSError means and what to do about it, in the words of one error line: the CLI's
# last line of defence and every failed write or lock say it the same way
_OS_REASONS = {
    errno.ENOSPC: ("no space left on the device", "free some disk space and retry"),
    errno.EDQUOT: ("disk quota exceeded", "free some space (or get a larger quota) and retry"),
    errno.EROFS: (
        "read-only file system",
        "copy the document set somewhere writable and work there",
    ),
    errno.EIO: (
        "input/output error",
        "check the disk (a failing or disconnected drive?) and retry",
    ),
    errno.EISDIR: (
        "a directory is in the way",
        "move that directory away (or give a file) and retry",
    ),
    errno.ENOTDIR: ("a part of the path is not a directory", "check the path"),
    errno.ENOENT: ("no such file or directory", "check the path"),
    errno.ENAMETOOLONG: ("file name too long", "use a shorter name or a directory nearer the root"),
    errno.ELOOP: ("too many levels of symbolic links", "fix the symbolic link"),
    errno.EACCES: (
        "permission denied",
        "fix the permissions or work on a copy of the document set you own",
    ),
    errno.ENOLCK: (
        "file locking is not available here",
        "work on a local disk (NFS without lockd cannot lock)",
    ),
    errno.EOPNOTSUPP: ("operation not supported by this file system", "work on a local disk"),
    errno.EXDEV: ("cannot move across file systems", "use a directory on the same disk"),
    errno.EMFILE: ("too many open files", "close other programs and retry"),
}
_OS_REASONS[errno.EPERM] = _OS_REASONS[errno.EACCES]


def os_error_reason(exc: OSError) -> tuple[str, str]:
    """(what happened, what to do) for an OSError, in words for the error line."""
    return _OS_REASONS.get(
        exc.errno,
        (
            exc.strerror or str(exc) or type(exc).__name__,
            "check the disk and the permissions and retry",
        ),
    )
