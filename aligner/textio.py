"""Reading a language file into text: encodings, BOMs, line endings, binary refusal.

Reviewers get documents from everywhere; a cp1251 or GB18030 file read as UTF-8 would be
silent garbage. We decode UTF-8 (with or without BOM) and UTF-16/32 with a BOM; anything else
is accepted only when one legacy encoding is clearly plausible for the file (and the caller
is told which one was assumed), otherwise the user is asked for ``--encoding``.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .errors import TextFileError, located

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Legacy encodings we can recognise, tried in this order for a language code (others: all).
_LEGACY_BY_LANG = {
    "ru": ("cp1251",),
    "uk": ("cp1251",),
    "be": ("cp1251",),
    "bg": ("cp1251",),
    "kk": ("kz1048", "cp1251"),
    "zh": ("gb18030",),
}
_LEGACY_ALL = ("cp1251", "gb18030")


@dataclass(frozen=True)
class DecodedText:
    """A file's text with the encoding it was read in and whether that was a guess."""

    text: str
    encoding: str
    assumed: bool = False


def read_text(path: Path, lang: str = "", encoding: str | None = None) -> DecodedText:
    """Read ``path`` as text; normalise CRLF/CR to LF; refuse binary data."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            kind = "a directory" if path.is_dir() else "not a regular file"
            raise TextFileError(located(path, f"is {kind}; give a plain text file"))
        data = path.read_bytes()
    except OSError as exc:
        raise TextFileError(
            located(path, f"cannot read file ({exc.strerror or exc}); {_read_remedy(exc)}")
        ) from None
    return decode_bytes(data, path, lang, encoding)


def _read_remedy(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "make it readable (chmod u+r) or work on a copy you own"
    if isinstance(exc, FileNotFoundError):
        return "check the path"
    return "check the file and the disk and retry"


def decode_bytes(
    data: bytes, path: Path, lang: str = "", encoding: str | None = None
) -> DecodedText:
    """Decode ``data`` (the bytes of ``path``) following the rules in the module docstring."""
    if encoding:
        decoded = _decode_with(data, path, encoding)
    else:
        decoded = _decode_auto(data, path, lang)
    if "\x00" in decoded.text:
        raise TextFileError(
            located(
                path,
                "contains NUL bytes: binary file, or UTF-16 without a BOM; "
                "convert it to UTF-8 or pass --encoding utf-16-le/utf-16-be",
            )
        )
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    return DecodedText(text, decoded.encoding, decoded.assumed)


def _decode_with(data: bytes, path: Path, encoding: str) -> DecodedText:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise TextFileError(
            f"{path}: unknown encoding {encoding!r}; use a Python codec name "
            "such as utf-8, cp1251, gb18030"
        ) from None
    if not getattr(info, "_is_text_encoding", True):  # rot13, base64, zlib...
        raise TextFileError(
            f"{path}: {encoding} is not a text encoding; use a text codec "
            "such as utf-8, cp1251, gb18030"
        )
    name = info.name
    if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        name = "utf-8-sig"
    try:
        return DecodedText(data.decode(name), name)
    except UnicodeError as exc:
        where = f" (byte {exc.start})" if isinstance(exc, UnicodeDecodeError) else ""
        raise TextFileError(
            located(path, f"is not valid {name}{where}; check the --encoding value")
        ) from None


def _decode_auto(data: bytes, path: Path, lang: str) -> DecodedText:
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(name), name)
            except UnicodeDecodeError as exc:
                raise TextFileError(
                    located(
                        path,
                        f"starts with a {name} byte-order mark but is not valid "
                        f"{name} (byte {exc.start}); repair or re-save the file, "
                        "or pass --encoding if the mark is wrong",
                    )
                ) from None
    if b"\x00" in data:
        raise TextFileError(
            located(
                path,
                "contains NUL bytes: binary file, or UTF-16 without a BOM; "
                "convert it to UTF-8 or pass --encoding utf-16-le/utf-16-be",
            )
        )
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    for name in _LEGACY_BY_LANG.get(lang, _LEGACY_ALL):
        text = _try_decode(data, name)
        if text is not None and _plausible(text, name):
            return DecodedText(text, name, assumed=True)
    raise TextFileError(
        located(
            path,
            f"is not UTF-8 (invalid byte at offset {first_bad}) and its encoding "
            "could not be recognised; pass --encoding (e.g. --encoding "
            f"{lang or 'xx'}=cp1251) or convert the file to UTF-8",
        )
    )


def _try_decode(data: bytes, name: str) -> str | None:
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None


def _plausible(text: str, encoding: str) -> bool:
    """Whether ``text`` looks like real prose once decoded with ``encoding``."""
    if encoding == "gb18030":
        return _plausible_chinese(text)
    return _plausible_cyrillic(text)


def _plausible_chinese(text: str) -> bool:
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return False
    common = sum(1 for c in non_ascii if _is_common_cjk(c))
    return common / len(non_ascii) >= 0.9


def _is_common_cjk(ch: str) -> bool:
    """CJK ideographs in GB2312's range plus CJK and full-width punctuation."""
    if "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’—…·":
        return True
    if not "\u4e00" <= ch <= "\u9fff":
        return False
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _plausible_cyrillic(text: str) -> bool:
    """Cyrillic prose: non-ASCII is mostly letters, words are case-consistent."""
    non_ascii = [c for c in text if ord(c) > 0x7F]
    if not non_ascii:
        return False
    letters = sum(1 for c in non_ascii if "\u0400" <= c <= "\u04ff")
    if letters / len(non_ascii) < 0.85:
        return False
    words = [w for w in _cyrillic_words(text) if len(w) > 1]
    if not words:
        return False
    mixed = sum(1 for w in words if any(c.isupper() for c in w[1:]) and not w.isupper())
    return mixed / len(words) <= 0.05


def _cyrillic_words(text: str) -> list[str]:
    words, current = [], []
    for ch in text:
        if "\u0400" <= ch <= "\u04ff":
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # Unicode category Cc minus \t \n


def control_characters(text: str) -> list[int]:
    """Offsets of C0/C1 control characters other than newline and tab."""
    return [found.start() for found in _CONTROL.finditer(text)]
