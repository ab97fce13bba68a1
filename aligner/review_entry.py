"""What one review entry means: the conventions of ``review/<lang>.po`` and the Review record.

One PO entry per aligned row and reviewed language:

- ``msgctxt`` is the row id, ``msgid`` the row's text in the docset's source language, or the
  placeholder ``[no <source> text]`` when the source has none (an empty msgid would be the
  header); ``msgstr`` is the reviewed text. The source language's own file follows the same
  rule: msgid is its text as in the file, msgstr the corrected text.
- ``#, fuzzy`` means "not approved yet"; translator comments (``# ``) are reviewer notes.
- Extracted comments (``#.``) are written by the tool and left alone by PO editors: first the
  row's current flags, one per line (``number: ...``; a long one continues on lines indented by
  two spaces), then ``original: <text>``, the unreviewed text of the language, with
  ``\\``, control characters and line breaks escaped and continued on lines starting with
  ``|``. Every comment line is kept within polib's wrap width so that no tool re-wraps it
  (a re-wrapped line would lose its spaces), which makes the original exact.
- An obsolete entry (``#~``) keeps msgstr only when the reviewer changed or approved it: PO
  writers drop extracted comments of obsolete entries, so an empty msgstr is how an obsolete
  entry says "nothing was reviewed here".
"""

from __future__ import annotations

import functools
import re
import textwrap
from dataclasses import dataclass

import polib

WRAP_WIDTH = 78  # polib's default; every file is written exactly as polib would write it
COMMENT_WIDTH = WRAP_WIDTH - len("#. ")  # longer comment lines are re-wrapped by polib
ORIGINAL = "original:"
CONTINUED = "|"
FLAG_CONTINUED = "  "
FUZZY = "fuzzy"
_UNESCAPE = re.compile(r"\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|U([0-9a-f]{8})|(.))", re.S)
_SIMPLE_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def placeholder(source_lang: str) -> str:
    """The msgid of a row that has no text in the source language."""
    return f"[no {source_lang} text]"


def is_placeholder(msgid: str) -> bool:
    """Whether ``msgid`` is a placeholder rather than source text."""
    return msgid.startswith("[no ") and msgid.endswith(" text]") and "\n" not in msgid


@dataclass(frozen=True)
class Review:
    """The review state of one row in one language, as the UI and the exporters see it."""

    row: str
    lang: str
    source: str          # the source-language text ("" when the row has none)
    original: str        # the text of ``lang`` before review
    text: str            # the reviewed text (== original until someone fixes it)
    approved: bool
    note: str = ""
    flags: tuple[str, ...] = ()

    @property
    def fixed(self) -> bool:
        """Whether the reviewed text differs from the original."""
        return self.text != self.original

    @property
    def status(self) -> str:
        """``approved``, ``fixed`` (changed, not approved yet) or ``unreviewed``."""
        if self.approved:
            return "approved"
        return "fixed" if self.fixed else "unreviewed"


def escape_text(text: str) -> str:
    """One-line, strip-proof form of ``text`` for a comment: escapes, no raw control chars."""
    if "\\" not in text and text.isprintable():  # printable: no control, no space but " "
        return text
    out = []
    for ch in text:
        if ch in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[ch])
        elif not ch.isprintable():
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else
                       f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)


def unescape_text(text: str) -> str:
    """Inverse of :func:`escape_text`."""
    if "\\" not in text:
        return text

    def replace(match: re.Match) -> str:
        hex_code = match.group(1) or match.group(2) or match.group(3)
        if hex_code:
            return chr(int(hex_code, 16))
        return {"n": "\n", "t": "\t", "r": "\r"}.get(match.group(4), match.group(4))
    return _UNESCAPE.sub(replace, text)


def _units(escaped: str) -> list[str]:
    """Split an escaped string into indivisible pieces (one char or one escape sequence)."""
    units, i = [], 0
    while i < len(escaped):
        if escaped[i] == "\\":
            size = {"x": 4, "u": 6, "U": 10}.get(escaped[i + 1], 2)
            units.append(escaped[i:i + size])
            i += size
        else:
            units.append(escaped[i])
            i += 1
    return units


def original_lines(text: str) -> list[str]:
    """The comment lines that hold ``text`` exactly: ``original: ...`` then ``|...`` lines.

    Lines break before a space where one is near (the space starts the next line, after the
    ``|``, where no reader strips it); a line never ends with whitespace (a last space is
    written ``\\x20``) and never inside an escape sequence.
    """
    escaped = escape_text(text)
    # Without escapes every character is a unit and plain string operations are enough.
    units: list[str] | str = _units(escaped) if "\\" in escaped else escaped
    lines: list[str] = []
    prefix = ORIGINAL + " "
    while units:
        budget = COMMENT_WIDTH - len(prefix) - 3  # room to escape a trailing space
        if isinstance(units, str):
            taken = min(budget, len(units))
            if taken < len(units):
                taken = max(units.rfind(" ", taken // 2, taken), 0) or taken
        else:
            taken, size = 0, 0
            while taken < len(units) and size + len(units[taken]) <= budget:
                size += len(units[taken])
                taken += 1
            if taken < len(units):
                taken = next((i for i in range(taken - 1, taken // 2 - 1, -1)
                              if units[i] == " "), 0) or taken
        chunk = "".join(units[:taken])
        units = units[taken:]
        if chunk.endswith(" "):
            chunk = chunk[:-1] + "\\x20"
        lines.append(prefix + chunk)
        prefix = CONTINUED
    return lines or [ORIGINAL]


def flag_lines(flags: tuple[str, ...]) -> list[str]:
    """One ``check: message`` line per flag, continued on lines indented by two spaces."""
    lines: list[str] = []
    for flag in flags:
        words = escape_text(" ".join(flag.split()))
        if not words or words.startswith((ORIGINAL, CONTINUED)):
            words = "flag " + words
        lines += textwrap.wrap(words, COMMENT_WIDTH, subsequent_indent=FLAG_CONTINUED,
                               break_on_hyphens=False)
    return lines


def build_comment(flags: tuple[str, ...], original: str) -> str:
    """The extracted comment of an active entry: its flags, then its original text."""
    return "\n".join(flag_lines(flags) + original_lines(original))


@functools.lru_cache(maxsize=4096)  # sync asks several times per entry
def parse_comment(comment: str) -> tuple[tuple[str, ...], str | None]:
    """(flags, original) read back from an extracted comment; original None when absent."""
    flags: list[str] = []
    original: list[str] | None = None
    for line in comment.split("\n"):
        if original is not None and line.startswith(CONTINUED):
            original.append(line[len(CONTINUED):])
        elif line.startswith(ORIGINAL) and original is None:
            rest = line[len(ORIGINAL):]
            original = [rest[1:] if rest.startswith(" ") else rest]
        elif line.startswith(FLAG_CONTINUED) and flags:
            flags[-1] += " " + line.strip()
        elif line.strip():
            flags.append(line.strip())
    return tuple(flags), (unescape_text("".join(original)) if original is not None else None)


def original_of(entry: polib.POEntry) -> str | None:
    """The unreviewed text kept in ``entry`` (None when the comment was removed)."""
    return parse_comment(entry.comment)[1]


def has_work(entry: polib.POEntry) -> bool:
    """Whether the entry holds anything a reviewer did: a fix, an approval or a note."""
    if entry.tcomment or not entry.fuzzy:
        return True
    if entry.obsolete:
        return bool(entry.msgstr)
    original = original_of(entry)
    return original is not None and entry.msgstr != original


def to_review(entry: polib.POEntry, lang: str) -> Review:
    """The Review of an active entry."""
    flags, original = parse_comment(entry.comment)
    source = "" if is_placeholder(entry.msgid) else entry.msgid
    return Review(entry.msgctxt or "", lang, source,
                  entry.msgstr if original is None else original, entry.msgstr,
                  not entry.fuzzy, entry.tcomment, flags)


def set_fuzzy(entry: polib.POEntry, fuzzy: bool) -> None:
    """Set or clear ``fuzzy``; an approved entry drops its ``#|`` previous fields (as Poedit)."""
    entry.flags = ([FUZZY] if fuzzy else []) + [f for f in entry.flags if f != FUZZY]
    if not fuzzy:
        entry.previous_msgctxt = entry.previous_msgid = entry.previous_msgid_plural = None


def normalise_fix(text: str) -> str:
    """A fix as stored: LF line ends, no NUL, no surrounding whitespace (the paragraph rule)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "").strip()


def make_obsolete(entry: polib.POEntry) -> polib.POEntry:
    """The ``#~`` form of an entry, holding exactly what a PO file keeps of it."""
    keep_text = not entry.fuzzy or entry.msgstr != original_of(entry)
    return polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid,
                         msgstr=entry.msgstr if keep_text else "", tcomment=entry.tcomment,
                         flags=list(entry.flags), obsolete=True)
