"""``DOCSET/alignment.tsv``: the rows a reviewer approved, kept between runs.

Human-readable and diffable: comment lines start with ``#``; the header names the columns
(``id``, one column per language, ``score``, ``check``); each row gives its id, each language's
0-based paragraph range (``3-4``, ``5`` or empty) and its confidence. ``check`` is a short hash
of the row's texts, so a later run can tell which rows still hold the same text after a file
was edited. Written atomically (temporary file + ``os.replace``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..alignment import Alignment, Row
from ..docset import ALIGNMENT_NAME, DocSet
from ..errors import AlignerError, located

HEADER_COMMENT = (
    "# aligner alignment: one row per line; per language the 0-based paragraph "
    "range (3-4, 5, or empty)"
)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_RANGE = re.compile(r"^([0-9]+)(?:-([0-9]+))?$")  # ASCII digits only (int() takes ٣ too)
_MAX_DIGITS = 9  # no document has a billion paragraphs (and range() of 10**30 would overflow)


class AlignmentFileError(AlignerError):
    """alignment.tsv is malformed (a reviewer edited it by hand, or it was cut short)."""


@dataclass(frozen=True)
class SavedAlignment:
    """What alignment.tsv holds: rows as read, each row's check (or None), paragraph counts."""

    path: Path
    languages: tuple[str, ...]
    rows: tuple[Row, ...]
    checks: tuple[str | None, ...]
    counts: dict[str, int]


def alignment_path(docset: DocSet) -> Path:
    return Path(docset.path) / ALIGNMENT_NAME


def row_check(
    docset: DocSet, row: Row, languages: Sequence[str], shift: dict[str, int] | None = None
) -> str | None:
    """Hash of the row's texts (None when a shifted index falls outside a text)."""
    digest = hashlib.sha1()
    for lang in languages:
        paragraphs = docset.paragraphs(lang)
        offset = shift.get(lang, 0) if shift else 0
        digest.update(lang.encode() + b"\x1e")
        for index in row.indices(lang):
            if not 0 <= index + offset < len(paragraphs):
                return None
            digest.update(paragraphs[index + offset].encode() + b"\x1f")
    return digest.hexdigest()[:10]


def format_alignment(docset: DocSet, alignment: Alignment) -> str:
    """The text of alignment.tsv for ``alignment``."""
    languages = alignment.languages
    lines = [HEADER_COMMENT, "\t".join(("id", *languages, "score", "check"))]
    for row in alignment.rows:
        spans = [row.span(lang) for lang in languages]
        lines.append(
            "\t".join((row.id, *spans, f"{row.score:.3f}", row_check(docset, row, languages) or ""))
        )
    return "\n".join(lines) + "\n"


def write_alignment(docset: DocSet, alignment: Alignment, path: Path | None = None) -> Path:
    """Save ``alignment`` for ``docset`` atomically; return the path written.

    Any OSError (disk full, read-only directory...) becomes a FileSaveError naming the file,
    with the old alignment.tsv left as it was.
    """
    from ..review.safe_files import atomic_write

    path = path or alignment_path(docset)
    text = format_alignment(docset, alignment)
    atomic_write(
        path, text.encode("utf-8"), backup=False, kept="the old alignment.tsv (if any) is unchanged"
    )
    return path


def read_alignment(path: Path) -> SavedAlignment:
    """Parse and validate alignment.tsv; AlignmentFileError names the line that is wrong."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise AlignmentFileError(
            located(path, "not UTF-8 text; delete it or run 'aligner align --fresh'")
        ) from None
    except OSError as exc:
        raise AlignmentFileError(
            located(
                path,
                f"cannot read it ({exc.strerror or exc}); make "
                "it readable, or move it away and run 'aligner "
                "align --fresh'",
            )
        ) from None
    header: list[str] | None = None
    languages: tuple[str, ...] = ()
    rows, checks, seen = [], [], set()
    next_index: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if header is None:
            header = [f.strip() for f in fields]
            languages = _parse_header(path, number, header)
            next_index = dict.fromkeys(languages, 0)
            continue
        if len(fields) > len(header) or len(fields) < len(header) - (header[-1] == "check"):
            _fail(
                path,
                number,
                f"expected {len(header)} tab-separated fields "
                f"({' '.join(header)}), found {len(fields)}",
            )
        row_id = fields[0].strip()
        if not _ID.match(row_id):
            _fail(path, number, f"row id {row_id!r} is not a word like r12")
        if row_id in seen:
            _fail(path, number, f"row id {row_id} appears twice")
        seen.add(row_id)
        cells = {}
        for lang, raw in zip(languages, fields[1 : 1 + len(languages)]):
            cells[lang] = _parse_range(path, number, lang, raw.strip(), next_index)
        if not any(cells.values()):
            _fail(path, number, f"row {row_id} holds no paragraph in any language")
        score = _parse_score(path, number, fields[1 + len(languages)].strip())
        check = fields[2 + len(languages)].strip() if len(fields) > 2 + len(languages) else ""
        rows.append(Row(row_id, cells, score))
        checks.append(check or None)
    if header is None:
        _fail(path, 1, "no header line (id, the language codes, score)")
    return SavedAlignment(path, languages, tuple(rows), tuple(checks), next_index)


def _parse_header(path: Path, number: int, header: list[str]) -> tuple[str, ...]:
    if header[-1] == "check":
        header = header[:-1]
    if len(header) < 3 or header[0] != "id" or header[-1] != "score":
        _fail(
            path,
            number,
            "the header must be: id, one column per language, score "
            f"[, check]; found {' '.join(header)}",
        )
    languages = tuple(header[1:-1])
    if len(set(languages)) != len(languages) or not all(languages):
        _fail(path, number, "the header names a language twice or has an empty column")
    return languages


def _parse_range(path, number, lang, raw, next_index) -> tuple[int, ...]:
    if not raw:
        return ()
    match = _RANGE.match(raw)
    if match and max(len(match.group(1)), len(match.group(2) or "")) > _MAX_DIGITS:
        _fail(path, number, f"{lang} cell {raw[:20]!r}... is not a paragraph index (too large)")
    if not match:
        _fail(path, number, f"{lang} cell {raw!r} is not a paragraph index or range like 3-4")
    start = int(match.group(1))
    end = int(match.group(2)) if match.group(2) is not None else start
    if end < start:
        _fail(path, number, f"{lang} range {raw} runs backwards")
    if start != next_index[lang]:
        expected = next_index[lang]
        what = "is missing" if start > expected else "is in an earlier row too"
        _fail(
            path,
            number,
            f"{lang} cell starts at paragraph {start} but paragraph "
            f"{min(start, expected)} {what}; each paragraph must be in "
            "exactly one row, in order",
        )
    next_index[lang] = end + 1
    return tuple(range(start, end + 1))


def _parse_score(path, number, raw) -> float:
    try:
        score = float(raw)
    except ValueError:
        score = -1.0
    if not 0.0 <= score <= 1.0:
        _fail(path, number, f"score {raw!r} is not a number between 0 and 1")
    return score


def _fail(path: Path, number: int, message: str) -> None:
    raise AlignmentFileError(
        located(path, message + "; fix the line or run 'aligner align --fresh'", number)
    )
