"""PO files on disk: strict reading with line numbers, polib-identical header writing.

Files aligner wrote are read by ``aligner.po_format``'s fast reader; anything else goes to
polib, which parses but skips some malformed lines silently (an unterminated string just
loses a character). So on that path every line is checked first (errors name the line).
Saving is ``aligner.safe_files``' business: it re-reads the file, checks its CRC and copies
each unchanged entry's bytes from it; only changed entries are rendered.
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass
from pathlib import Path

import polib

from .errors import located
from .po_format import Unsupported, from_polib, parse_body
from .review_entry import WRAP_WIDTH, Entry
from .safe_files import BACKUP_SUFFIX, Fingerprint, ReviewFileError, read_file

_CHARSET = re.compile(rb"charset=\s*([A-Za-z0-9_.:-]+)")


@dataclass
class ParsedPO:
    """A PO file as read: header, metadata, entries, and each entry's bytes when reusable."""

    header: str
    metadata: dict[str, str]
    entries: list[Entry]
    spans: list[tuple[int, int]] | None  # (start, end) of each entry in the file's bytes
    fingerprint: Fingerprint


def read_po(path: Path, content: tuple[bytes, Fingerprint] | None = None,
            generator: str = "", pool: dict[str, str] | None = None) -> ParsedPO:
    """Read the PO file at ``path`` (``content``: its bytes and fingerprint, when read).

    ``spans`` are given when the file was written by ``generator`` (so each entry's bytes are
    polib's rendering of it and can be written again as they are); ``pool`` as in
    ``po_format.parse_body``. Raises ReviewFileError naming the line of a malformed file.
    """
    data, found = content if content is not None else read_file(path)
    try:
        header, metadata, entries, spans = _read_fast(data, pool)
        _refuse_duplicates(path, spans, entries, data)
    except Unsupported:
        text = _decode(path, data)
        _validate_lines(path, text)
        try:
            po = read_po_text(text)
        except (OSError, ValueError) as exc:
            number = re.search(r"\(line (\d+)\)", str(exc))
            raise ReviewFileError(located(
                path, "not a valid PO file (syntax error); fix that line or restore "
                      f"{path.name}{BACKUP_SUFFIX}, the previous version",
                int(number.group(1)) if number else None)) from None
        entries = [from_polib(entry, pool) for entry in po]
        _refuse_duplicates(path, [entry.linenum for entry in po], entries)
        header, metadata, spans = po.header, dict(po.metadata), None
    if spans is not None and not (
            generator and metadata.get("X-Generator", "").startswith(generator)
            and metadata.get("Content-Type", "").lower().endswith("charset=utf-8")):
        spans = None
    return ParsedPO(header, metadata, entries, spans, found)


def _refuse_duplicates(path: Path, places: list, entries: list[Entry],
                       data: bytes | None = None) -> None:
    """Refuse two entries for one row (``places``: line numbers, or spans in ``data``)."""
    seen: dict[str, int] = {}
    for number, entry in enumerate(entries):
        key = entry.key
        if key not in seen:
            seen[key] = number
            continue
        first, second = places[seen[key]], places[number]
        if data is not None:  # spans: count the lines
            first, second = (data.count(b"\n", 0, place[0]) + 1 for place in (first, second))
        raise ReviewFileError(located(
            path, f"row {entry.msgctxt} appears twice (lines {first} and {second}); delete "
                  "one of the two entries", second))


def _read_fast(data: bytes, pool: dict[str, str] | None
               ) -> tuple[str, dict[str, str], list[Entry], list[tuple[int, int]]]:
    """The fast reader: the header through polib (a few lines), the entries through po_format."""
    if b"\r" in data or data.startswith(codecs.BOM_UTF8) or not data.endswith(b"\n"):
        raise Unsupported
    end = data.find(b"\n\n")
    body = len(data) if end < 0 else end + 2
    charset = _CHARSET.search(data, 0, body)
    if charset is None or charset.group(1).lower() not in (b"utf-8", b"utf8"):
        raise Unsupported
    try:
        text = data[:body].decode("utf-8")
        if _BAD_LINE.search(text) or text.rstrip("\n").rsplit("\n", 1)[-1].startswith("#"):
            raise Unsupported  # (comments after the header would be the next entry's)
        head = read_po_text(text)
    except (OSError, ValueError):
        raise Unsupported from None
    if len(head) or not head.metadata:
        raise Unsupported
    entries, spans = parse_body(data, body, pool)
    return head.header, dict(head.metadata), entries, spans


def read_po_text(text: str) -> polib.POFile:
    """Parse PO text exactly as polib parses a file holding it."""
    # polib splits text given as a string with str.splitlines, which also breaks at U+2028 and
    # friends inside quoted strings; a file is split at \n, \r and \r\n only. So the parser
    # is fed the way it reads files.
    parser = polib._POFileParser("", encoding="utf-8")  # noqa: SLF001
    parser.fhandle = io.StringIO(text, newline=None)
    return parser.parse()


def _decode(path: Path, data: bytes) -> str:
    found = _CHARSET.search(data[:8192])
    charset = found.group(1).decode("ascii") if found else "utf-8"
    try:
        codecs.lookup(charset)
    except LookupError:
        charset = "utf-8"
    try:
        text = data.decode(charset)
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ReviewFileError(located(path, f"not valid {charset} text; save it as UTF-8 or "
                                      f"restore {path.name}{BACKUP_SUFFIX}", line)) from None
    return text[1:] if text.startswith("\ufeff") else text


_SPACE = r"[^\S\n]*"
# A line polib reads correctly: blank, a comment (but not an obsolete message), an obsolete
# previous-field or comment line, or a keyword and/or one complete quoted string.
_BAD_LINE = re.compile(
    rf"^(?!{_SPACE}(?:$|#(?!~)|#~{_SPACE}(?:[|#]|$)|(?:#~{_SPACE})?"
    rf"(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?){_SPACE})?"
    rf'"(?:[^"\\\n]|\\.)*"{_SPACE}$))', re.M)


def _validate_lines(path: Path, text: str) -> None:
    """Refuse lines polib would misread silently (unterminated strings, stray text)."""
    if "\r" in text:  # as a file is read: universal newlines
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _BAD_LINE.search(text)
    if bad is None:
        return
    number = text.count("\n", 0, bad.start()) + 1
    line = text[bad.start():].split("\n", 1)[0].strip()
    raise ReviewFileError(located(
        path, f"not a valid PO file: cannot read {line[:40]!r} (an unterminated string or a "
              f"stray line?); fix that line or restore {path.name}{BACKUP_SUFFIX}, the "
              "previous version", number))


def render_header(comment: str, metadata: dict[str, str]) -> bytes:
    """The header comment and header entry exactly as polib writes them, in UTF-8."""
    po = polib.POFile(wrapwidth=WRAP_WIDTH)
    po.header, po.metadata = comment, dict(metadata)
    return po.__unicode__().encode("utf-8")
