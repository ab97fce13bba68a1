"""Reading any gettext catalog (PO, or compiled MO) so that it can be checked like pofilter does.

polib parses PO files, but it parses a missing path as PO text and skips some malformed lines
without a word (an unterminated string drops the entry). So the path is checked first and every
PO line is validated before polib sees it, which gives errors a line number. MO files are read
here (``_read_mo``): a table of offsets and strings, read in one pass over the bytes, five times
faster than polib's entry objects and giving the same entries.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import struct
from dataclasses import dataclass
from pathlib import Path

from .errors import AlignerError, located


class CatalogError(AlignerError):
    """A PO/MO file that cannot be read as a catalog."""


@dataclass(frozen=True)
class CatalogEntry:
    """One translatable message: msgid (and msgid_plural), one msgstr per plural form.

    ``index`` is the 0-based position among non-header, non-obsolete entries in file order.
    """

    index: int
    msgid: str
    msgstr: tuple[str, ...]
    msgid_plural: str = ""
    msgctxt: str | None = None
    fuzzy: bool = False
    line: int = 0
    formats: tuple[str, ...] = ()

    @property
    def translated(self) -> bool:
        """Whether any plural form (or the msgstr) has text."""
        return any(self.msgstr)

    @property
    def credits(self) -> bool:
        """Whether this is the translators' credits message ("translator-credits"): by
        gettext convention its msgstr is their names and addresses, not a translation."""
        return self.msgid.strip().lower() in CREDITS


@dataclass(frozen=True)
class Catalog:
    """A catalog's path, the language of its msgstr and its entries.

    msgid is English unless the header says otherwise in ``X-Source-Language``.
    """

    path: Path
    language: str
    entries: tuple[CatalogEntry, ...]
    source_language: str = "en"
    plural_forms: int | None = None  # nplurals of the header's Plural-Forms, when it has one


# msgids whose msgstr lists the translators (GNOME, KDE, Qt, Xfce conventions)
CREDITS = frozenset(
    {
        "translator-credits",
        "translator_credits",
        "translator credits",
        "translators",
        "translator-name",
        "translator-email",
    }
)
_PO_LINE = re.compile(
    r"^\s*(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s*)?"
    r'"(?:[^"\\]|\\.)*"\s*$'
)
# The same rule as _PO_LINE for a whole file at once, in C: every line blank, a comment or a
# PO string line. Stricter than the line-by-line test (spaces and tabs only; lines broken by
# \n or \r\n alone): a file it refuses is read again line by line, which names the bad line
# or finds the file fine after all. Possessive: nothing is ever tried twice.
_GOOD_LINE = (
    r"[ \t]*+(?:#[^\n]*+|(?:(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d++\])?)"
    r'[ \t]*+)?"(?:[^"\\\n]++|\\.)*+"[ \t]*+\r?|\r?)'
)
_PO_TEXT = re.compile(rf"(?:{_GOOD_LINE}\n)*+{_GOOD_LINE}")
_ODD_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # str.splitlines breaks lines there
_MO_MAGIC = (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")  # little- and big-endian
_FOUND_SUFFIXES = (".po", ".mo")  # what a directory search takes (.pot templates hold no
# translations)
_LANG_DIR = re.compile(r"^[a-z]{2,3}(?:_[A-Z]{2})?(?:@\w+)?$")


def read_catalog(path: str | Path, lang: str | None = None) -> Catalog:
    """Read a PO or MO file; ``lang`` overrides the language given by its header."""
    path = Path(path)
    if not path.exists():
        raise CatalogError(f"{path}: no such file; give the path of a .po (or .mo) catalog")
    if not path.is_file():
        raise CatalogError(f"{path}: not a file; give the path of a .po (or .mo) catalog")
    is_mo = path.suffix.lower() == ".mo"
    try:
        if is_mo:
            metadata, found = _read_mo(path.read_bytes())
        else:
            metadata, found = _read_po(path)
    except (OSError, ValueError, UnicodeDecodeError, struct.error) as exc:
        if isinstance(exc, CatalogError):
            raise
        message = str(exc)
        found = re.search(r"\(line (\d+)\)", message)
        line = int(found.group(1)) if found else None
        what = "not a valid MO file" if is_mo else "not a valid PO file"
        detail = message.split(" (line")[0].replace(f" {path}", "")
        raise CatalogError(
            located(
                path, f"{what} ({detail}); fix the catalog, e.g. check it with msgfmt --check", line
            )
        ) from None
    language = _language(metadata, path, lang)
    source = _source_language(metadata.get("X-Source-Language", ""))
    entries = [
        CatalogEntry(index, *fields)
        for index, fields in enumerate(fields for fields in found if fields[0] or fields[3])
    ]  # not the header
    return Catalog(
        path, language, tuple(entries), source, _plural_forms(metadata.get("Plural-Forms", ""))
    )


# (msgid, msgstr forms, msgid_plural, msgctxt, fuzzy, line, format flags): CatalogEntry's
# fields after its index, for every entry but the obsolete ones (the header among them)
_Fields = tuple[str, tuple[str, ...], str, "str | None", bool, int, tuple[str, ...]]


def _read_po(path: Path) -> tuple[dict, list[_Fields]]:
    import polib

    _validate_po(path)
    parsed = polib.pofile(str(path), wrapwidth=0)
    found = []
    for entry in parsed:
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            forms = tuple(entry.msgstr_plural[key] for key in sorted(entry.msgstr_plural))
        else:
            forms = (entry.msgstr,)
        found.append(
            (
                entry.msgid,
                forms,
                entry.msgid_plural or "",
                entry.msgctxt,
                "fuzzy" in entry.flags,
                getattr(entry, "linenum", 0) or 0,
                tuple(flag for flag in entry.flags if flag.endswith("-format")),
            )
        )
    return parsed.metadata, found


_MO_CHARSET = re.compile(rb"charset=([\w\-:.]+)")


def _read_mo(data: bytes) -> tuple[dict, list[_Fields]]:
    """The header fields and the entries of an MO file (GNU gettext's format: a magic
    number, the revision, the number of strings, the offsets of two tables of (length,
    offset) pairs: the msgids, where ``ctxt\\x04msgid`` holds a context and
    ``msgid\\0plural`` a plural, and the msgstrs, plural forms joined by ``\\0``). The
    first string, if empty, is the header, whose charset decodes the rest. ValueError or
    struct.error on a file that is not one."""
    magic = data[:4]
    if magic not in _MO_MAGIC:
        raise ValueError("the magic number is incorrect")
    if len(data) < 20:
        raise ValueError("too short for an MO header")
    order = "<" if magic == _MO_MAGIC[0] else ">"
    revision, count, ids_at, strs_at = struct.unpack_from(order + "4I", data, 4)
    if revision >> 16 not in (0, 1):
        raise ValueError("an unexpected major revision number")
    if max(ids_at, strs_at) + 8 * count > len(data):
        raise ValueError("its string tables end beyond the end of the file")
    table = struct.Struct(f"{order}{2 * count}I")
    ids, strs = table.unpack_from(data, ids_at), table.unpack_from(data, strs_at)
    if any(
        ids[i] + ids[i + 1] > len(data) or strs[i] + strs[i + 1] > len(data)
        for i in range(0, 2 * count, 2)
    ):
        raise ValueError("a string ends beyond the end of the file")
    pairs = [
        (data[ids[i + 1] : ids[i + 1] + ids[i]], data[strs[i + 1] : strs[i + 1] + strs[i]])
        for i in range(0, 2 * count, 2)
    ]
    encoding, metadata = "utf-8", {}
    if pairs and not pairs[0][0]:
        header = pairs.pop(0)[1]
        charset = _MO_CHARSET.search(header)
        if charset:
            try:
                encoding = codecs.lookup(charset.group(1).decode("ascii")).name
            except LookupError:
                pass
        for line in header.split(b"\n"):
            key, _, value = line.partition(b":")
            if key:
                metadata[key.decode(encoding)] = value.decode(encoding).strip()
    found = []
    for msgid, msgstr in pairs:
        singular, plural_sep, plural = msgid.partition(b"\0")
        context, context_sep, singular = singular.partition(b"\x04")
        if not context_sep:
            context, singular = None, context
        if plural_sep:
            forms = tuple(form.decode(encoding) for form in msgstr.split(b"\0"))
            plural = plural.partition(b"\0")[0].decode(encoding)
        else:
            forms, plural = (msgstr.decode(encoding),), ""
        found.append(
            (
                singular.decode(encoding),
                forms,
                plural,
                context.decode(encoding) if context is not None else None,
                False,
                0,
                (),
            )
        )
    return metadata, found


def _plural_forms(header: str) -> int | None:
    """nplurals of a Plural-Forms header ("nplurals=3; plural=...;"), None without one."""
    found = re.search(r"nplurals\s*=\s*(\d+)", header or "")
    return int(found.group(1)) if found else None


def probe(path: str | Path) -> None:
    """Raise CatalogError unless ``path`` can be a catalog: a readable regular file, with an
    MO file's magic number (.mo) or no binary data at its start (PO). Cheap (the first
    kilobytes): many paths are probed before any is read in full."""
    path = Path(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            raise CatalogError(
                f"{path}: a symbolic link to {os.readlink(path)}, which does "
                "not exist; restore the file or leave the path out"
            ) from None
        raise CatalogError(
            f"{path}: no such file; give the path of a .po (or .mo) catalog, "
            "a directory of catalogs or a document set"
        ) from None
    except OSError as exc:
        raise CatalogError(
            f"{path}: cannot be read ({exc.strerror or exc}); fix the path or its permissions"
        ) from None
    if not stat.S_ISREG(mode):
        raise CatalogError(
            f"{path}: not a regular file (a FIFO, socket or device); give the "
            "path of a .po (or .mo) catalog"
        )
    try:
        with open(path, "rb") as file:
            head = file.read(4096)
    except OSError as exc:
        raise CatalogError(
            f"{path}: cannot be read ({exc.strerror or exc}); make it readable "
            "(chmod u+r) or leave it out"
        ) from None
    if path.suffix.lower() == ".mo":
        if head[:4] not in _MO_MAGIC:
            raise CatalogError(
                f"{path}: not a valid MO file (no MO magic number); give a "
                "catalog compiled by msgfmt, or its .po source"
            )
    elif b"\0" in head:
        raise CatalogError(
            f"{path}: binary data, not a PO file; pass a .po text file "
            "(or name a compiled catalog .mo)"
        )


def catalogs_in(directory: str | Path) -> list[Path]:
    """The PO and MO files under ``directory`` (every depth), in path order; hidden
    directories (.git) are skipped. CatalogError when a directory cannot be listed."""
    found = []

    def refuse(exc: OSError) -> None:
        raise CatalogError(
            f"{exc.filename or directory}: cannot list the directory "
            f"({exc.strerror or exc}); make it readable (chmod u+rx) or leave "
            "it out"
        )

    for root, dirs, files in os.walk(directory, onerror=refuse):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        found.extend(
            Path(root, name)
            for name in sorted(files)
            if name.lower().endswith(_FOUND_SUFFIXES) and not name.startswith(".")
        )
    return sorted(found)


def _validate_po(path: Path) -> None:
    """Raise CatalogError naming the first line that is not PO syntax."""
    data = path.read_bytes()
    if b"\0" in data[:4096]:
        raise CatalogError(
            f"{path}: binary data, not a PO file; pass a .po text file "
            "(or name a compiled catalog .mo)"
        )
    text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    if (
        _PO_TEXT.fullmatch(text)
        and text.count("\r") == text.count("\r\n")
        and not any(odd in text for odd in _ODD_BREAKS)
    ):
        return  # every line is fine (the common case: one scan, no Python loop)
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not _PO_LINE.match(line):
            raise CatalogError(
                located(
                    path,
                    f"not a valid PO file: cannot read {stripped[:40]!r} "
                    "(an unterminated string or a stray line?); fix "
                    "the catalog, e.g. check it with msgfmt --check",
                    number,
                )
            )


def _language(metadata: dict, path: Path, lang: str | None) -> str:
    """The language code of the translations: --lang, else the header, else the path."""
    if lang:
        return base_language(lang)
    header = (metadata.get("Language") or "").strip()
    if header:
        return base_language(header)
    for part in (path.stem, path.parent.parent.name if path.parent.name == "LC_MESSAGES" else ""):
        if _LANG_DIR.match(part):
            return base_language(part)
    raise CatalogError(
        f"{path}: the header has no Language: field; pass --lang CODE (e.g. --lang ru)"
    )


def _source_language(header: str) -> str:
    """msgid's language from the header's ``X-Source-Language``: English when it is not
    given or names the C (POSIX) locale, whose messages are the program's own English
    (gnome-terminal's zh_CN catalog says "C")."""
    code = base_language(header) if header.strip() else "en"
    return "en" if code in ("c", "posix") else code


def base_language(code: str) -> str:
    """``zh_CN`` -> ``zh``, ``sr@latin`` -> ``sr``, ``pt-BR`` -> ``pt``."""
    return re.split(r"[_@.\-]", code.strip(), maxsplit=1)[0].lower()
