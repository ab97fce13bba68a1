"""PO files on disk: strict reading with line numbers, polib-identical header writing.

Files aligner wrote are read by ``aligner.review.po_format``'s fast reader; anything else goes to
polib, which parses but skips some malformed lines silently (an unterminated string just
loses a character). So on that path every line is checked first (errors name the line).
Saving is ``aligner.review.safe_files``' business: it re-reads the file, checks its CRC and copies
each unchanged entry's bytes from it; only changed entries are rendered.
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass
from pathlib import Path

import polib

from ..errors import located
from .entry import WRAP_WIDTH, Entry
from .po_format import Unsupported, from_polib, parse_body
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


def read_po(
    path: Path,
    content: tuple[bytes, Fingerprint] | None = None,
    generator: str = "",
    pool: dict[str, str] | None = None,
) -> ParsedPO:
    """Read the PO file at ``path`` (``content``: its bytes and fingerprint, when read).

    ``spans`` are given when the file was written by ``generator`` (so each entry's bytes are
    polib's rendering of it and can be written again as they are); ``pool`` as in
    ``po_format.parse_body``. Raises ReviewFileError naming the line of a malformed file, and
    for a charset its content contradicts (``_decode``; and ``_refuse_mojibake``, which
    judges a legacy charset by the texts in ``pool`` when it is given).
    """
    data, found = content if content is not None else read_file(path)
    try:
        header, metadata, entries, spans = _read_fast(data, pool)
        _refuse_duplicates(path, spans, entries, data)
    except Unsupported:
        text, charset = _decode(path, data)
        _validate_lines(path, text)
        try:
            po = read_po_text(text)
        except (OSError, ValueError) as exc:
            number = re.search(r"\(line (\d+)\)", str(exc))
            raise ReviewFileError(
                located(
                    path,
                    "not a valid PO file (syntax error); fix that line or restore "
                    f"{path.name}{BACKUP_SUFFIX}, the previous version",
                    int(number.group(1)) if number else None,
                )
            ) from None
        entries = [from_polib(entry, pool) for entry in po]
        if pool is not None and not _is_utf8(charset):
            _refuse_mojibake(path, charset, entries, pool)
        _refuse_duplicates(path, [entry.linenum for entry in po], entries)
        header, metadata, spans = po.header, dict(po.metadata), None
    if spans is not None and not (
        generator
        and metadata.get("X-Generator", "").startswith(generator)
        and metadata.get("Content-Type", "").lower().endswith("charset=utf-8")
    ):
        spans = None
    return ParsedPO(header, metadata, entries, spans, found)


def _refuse_duplicates(
    path: Path, places: list, entries: list[Entry], data: bytes | None = None
) -> None:
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
        raise ReviewFileError(
            located(
                path,
                f"row {entry.msgctxt} appears twice (lines {first} and {second}); delete "
                "one of the two entries",
                second,
            )
        )


def _read_fast(
    data: bytes, pool: dict[str, str] | None
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


def _is_utf8(charset: str) -> bool:
    return codecs.lookup(charset).name in ("utf-8", "utf-8-sig")


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    """The text of a PO file decoded by its header's charset, and that charset.

    A declared charset is trusted only where the content cannot contradict it. Every 8-bit
    charset (ISO-8859-*, KOI8-*, CP125x...) and most multi-byte ones (GBK, Big5, Shift_JIS,
    EUC-*) decode almost any bytes without error, so a UTF-8 file labelled with one of them
    reads as mojibake, and a sync would then retire every entry and write the fixes back
    garbled. So: bytes that are valid UTF-8 and hold non-ASCII characters, under a header
    that names another charset, are refused (the header is wrong: fix it). Justification:
    UTF-8 is self-checking; real text in a legacy charset is almost never valid UTF-8 (every
    byte >= 0x80 would have to fall into lead/continuation patterns, e.g. Cyrillic CP1251 or
    KOI8-R letters are mostly lone high bytes, which UTF-8 forbids), while a UTF-8 file with
    a stale or copied header is a common mistake. The rare true legacy file that happens to
    be valid UTF-8 can be converted (``msgconv -t UTF-8``) to be read. A wrong legacy label
    on legacy content (CP1251 text labelled KOI8-R) cannot be seen in the bytes; that case is
    caught after parsing by comparing the texts with the document set (``_refuse_mojibake``).
    """
    found = _CHARSET.search(data[:8192])
    charset = found.group(1).decode("ascii") if found else "utf-8"
    try:
        codecs.lookup(charset)
    except LookupError:
        charset = "utf-8"
    if not _is_utf8(charset) and not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            line = data[: found.start()].count(b"\n") + 1 if found else None
            raise ReviewFileError(
                located(
                    path,
                    f"the header says charset={charset} but the content is UTF-8 (read as "
                    f"{charset} every non-ASCII letter would be garbled); fix the header: "
                    "charset=UTF-8 in its Content-Type line",
                    line,
                )
            )
    try:
        text = data.decode(charset)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReviewFileError(
            located(
                path,
                f"not valid {charset} text; save it as UTF-8 or restore {path.name}{BACKUP_SUFFIX}",
                line,
            )
        ) from None
    return (text[1:] if text.startswith("\ufeff") else text), charset


def _refuse_mojibake(path: Path, charset: str, entries: list[Entry], known: dict[str, str]) -> None:
    """Refuse a file in a legacy charset whose texts are not the document set's.

    The msgids and originals of a review file are copies of the docset's paragraphs (in
    ``known``); a right charset gives them back exactly, a wrong one garbles every non-ASCII
    character of them. So when fewer than half of the non-ASCII ones are found in the docset,
    the charset is wrong (or the texts all changed; either way a sync would retire every
    entry). Only non-UTF-8 files are judged: UTF-8 cannot be mislabelled this way.
    """
    texts = [
        text
        for entry in entries
        if not entry.obsolete
        for text in (entry.msgid, entry.original)
        if text and not text.isascii()
    ]
    if not texts:
        return
    found = sum(text in known for text in texts)
    if found * 2 < len(texts):
        raise ReviewFileError(
            located(
                path,
                f"read as charset={charset}, {len(texts) - found} of its {len(texts)} "
                "non-ASCII texts match no paragraph of the document set: the charset in "
                "its header is probably wrong; fix the header's charset (or convert the "
                "file to UTF-8 with msgconv) and retry",
            )
        )


_SPACE = r"[^\S\n]*"
# A line polib reads correctly: blank, a comment (but not an obsolete message), an obsolete
# previous-field or comment line, or a keyword and/or one complete quoted string.
_BAD_LINE = re.compile(
    rf"^(?!{_SPACE}(?:$|#(?!~)|#~{_SPACE}(?:[|#]|$)|(?:#~{_SPACE})?"
    rf"(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?){_SPACE})?"
    rf'"(?:[^"\\\n]|\\.)*"{_SPACE}$))',
    re.M,
)


def _validate_lines(path: Path, text: str) -> None:
    """Refuse lines polib would misread silently (unterminated strings, stray text)."""
    if "\r" in text:  # as a file is read: universal newlines
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _BAD_LINE.search(text)
    if bad is None:
        return
    number = text.count("\n", 0, bad.start()) + 1
    line = text[bad.start() :].split("\n", 1)[0].strip()
    raise ReviewFileError(
        located(
            path,
            f"not a valid PO file: cannot read {line[:40]!r} (an unterminated string or a "
            f"stray line?); fix that line or restore {path.name}{BACKUP_SUFFIX}, the "
            "previous version",
            number,
        )
    )


def render_header(comment: str, metadata: dict[str, str]) -> bytes:
    """The header comment and header entry exactly as polib writes them, in UTF-8."""
    po = polib.POFile(wrapwidth=WRAP_WIDTH)
    po.header, po.metadata = comment, dict(metadata)
    return po.__unicode__().encode("utf-8")
