"""One exception hierarchy for the core: every failure a user can cause is an AlignerError.

The CLI prints ``aligner: error: <message>`` and exits 2; the UI shows the message literally.
Messages name the file, say what is wrong and what to do, on one line.
"""

from __future__ import annotations


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
