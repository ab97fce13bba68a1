"""What one review entry means: the conventions of ``review/<lang>.po``, Entry and Review.

One PO entry per aligned row and reviewed language:

- ``msgctxt`` is the row id, ``msgid`` the row's text in the docset's source language, or the
  placeholder ``[no <source> text]`` when the source has none (an empty msgid would be the
  header); ``msgstr`` is the reviewed text. The source language's own file follows the same
  rule: msgid is its text as in the file, msgstr the corrected text.
- Review states (docs/review-files.md says why): ``#, fuzzy`` = untouched machine text; no
  ``fuzzy`` = a reviewer changed the text (msgstr differs from the original) or approved it
  (an unchanged text); ``#, approved`` = a changed text the reviewer approved. So msgfmt,
  pocount and Poedit count as translated what the UI counts as reviewed, and an edit (or
  un-fuzzying) in a PO editor reads back as the state the same action gives in aligner.
  Translator comments (``# ``) are reviewer notes.
- Extracted comments (``#.``) are written by the tool and left alone by PO editors: first the
  row's current flags, one per line (``number: ...``; a long one continues on lines indented by
  two spaces), then ``original: <text>``, the unreviewed text of the language, with
  ``\\``, control characters and line breaks escaped and continued on lines starting with
  ``|``. Every comment line is kept within polib's wrap width so that no tool re-wraps it
  (a re-wrapped line would lose its spaces), which makes the original exact.
- A reviewer's flag decisions are extracted-comment lines after the flags, before
  ``original:``, one per decision (continued like a flag):
  ``decided: <accepted|dismissed> <check> "<spot>"[ severity=S][ category=C][ — <reason>]``.
  The spot is the flagged text (``aligner.flags.flag_spot``; ``"`` and ``\\`` escaped as
  ``\\"`` and ``\\\\``, whitespace collapsed), so the decision stays with its flag when the
  checks run again. PO editors keep ``#.`` lines; decisions are review work like a fix (merged,
  undone, counted by ``has_work``). An obsolete entry has no ``#.`` lines: a retired row loses
  its decisions.
- An obsolete entry (``#~``) keeps msgstr only when the reviewer changed or approved it: PO
  writers drop extracted comments of obsolete entries, so an empty msgstr is how an obsolete
  entry says "nothing was reviewed here".

An entry is held as an ``Entry``: its extracted comment already read as (flags, original), so
the original text can be the docset's own string object (not a second copy) and the comment
is only built when the entry is written.
"""

from __future__ import annotations

import re
import textwrap
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import accumulate

from ..flags import VERDICTS, Decision

WRAP_WIDTH = 78  # polib's default; every file is written exactly as polib would write it
COMMENT_WIDTH = WRAP_WIDTH - len("#. ")  # longer comment lines are re-wrapped by polib
ORIGINAL = "original:"
DECIDED = "decided:"
CONTINUED = "|"
FLAG_CONTINUED = "  "
FUZZY = "fuzzy"
FUZZY_ONLY = (FUZZY,)  # shared by every untouched entry
REVIEWED = ("fixed", "approved")  # the statuses PO tools count as translated (not fuzzy)
APPROVED = "approved"  # a changed text the reviewer approved (an unchanged one is just unfuzzy)
_UNESCAPE = re.compile(r"\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|U([0-9a-f]{8})|(.))", re.S)
_SIMPLE_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
# Characters escape_text usually has to escape (C0/C1 controls, odd spaces, format marks).
_LIKELY_ESCAPES = re.compile(
    r"[\\\x00-\x1f\x7f-\xa0\xad\u2000-\u200f\u2028-\u202f\u205f-\u206f"
    r"\u3000\ufeff]"
)
_UNIT = re.compile(r"\\(?:x..|u....|U........|.)|[^\\]", re.S)


@dataclass(frozen=True, slots=True)
class Extra:
    """PO fields review files do not use, kept as found when another tool added them."""

    occurrences: tuple[tuple[str, str], ...] = ()
    msgid_plural: str = ""
    msgstr_plural: tuple[tuple[int, str], ...] = ()
    previous_msgid_plural: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One PO entry of a review file. Immutable: a change makes a new Entry.

    ``flags`` are the row's check flags (as ``record_flag`` gives them) and ``original`` the
    unreviewed text, both read from the ``#.`` comment (``original`` None when the comment has
    no ``original:`` line);
    ``po_flags`` are the ``#,`` flags (``fuzzy`` = not approved).
    """

    msgctxt: str | None
    msgid: str
    msgstr: str
    po_flags: tuple[str, ...] = FUZZY_ONLY
    flags: tuple[str, ...] = ()
    original: str | None = None
    note: str = ""
    previous_msgctxt: str | None = None
    previous_msgid: str | None = None
    obsolete: bool = False
    extra: Extra | None = None
    decisions: tuple[Decision, ...] = ()

    @property
    def fuzzy(self) -> bool:
        return FUZZY in self.po_flags

    @property
    def changed(self) -> bool:
        """Whether msgstr differs from the original text (a reviewer changed it)."""
        return self.original is not None and self.msgstr != self.original

    @property
    def approved(self) -> bool:
        """Approved: not fuzzy, and either marked ``approved`` or unchanged (an unchanged text
        can only have lost ``fuzzy`` by an approval, in aligner or in a PO editor)."""
        return FUZZY not in self.po_flags and (APPROVED in self.po_flags or not self.changed)

    @property
    def key(self) -> str:
        """Merge key: the row id of an active entry; context and msgid of an obsolete one."""
        if self.obsolete:
            return f"~{self.msgctxt}\x04{self.msgid}"
        return self.msgctxt if self.msgctxt is not None else f"\x04{self.msgid}"


def placeholder(source_lang: str) -> str:
    """The msgid of a row that has no text in the source language."""
    return f"[no {source_lang} text]"


def is_placeholder(msgid: str) -> bool:
    """Whether ``msgid`` is a placeholder rather than source text."""
    return msgid.startswith("[no ") and msgid.endswith(" text]") and "\n" not in msgid


@dataclass(frozen=True, slots=True)
class Review:
    """The review state of one row in one language, as the UI and the exporters see it."""

    row: str
    lang: str
    source: str  # the source-language text ("" when the row has none)
    original: str  # the text of ``lang`` before review
    text: str  # the reviewed text (== original until someone fixes it)
    approved: bool
    note: str = ""
    flags: tuple[str, ...] = ()
    decisions: tuple[Decision, ...] = ()
    fuzzy: bool = False  # the entry is ``#, fuzzy`` (PO tools: "needs work")

    @property
    def fixed(self) -> bool:
        """Whether the reviewed text differs from the original."""
        return self.text != self.original

    @property
    def status(self) -> str:
        """``approved``; ``fixed`` (changed, not approved yet); ``fuzzy`` (changed, then
        marked fuzzy again: by a sync whose source or original changed under it, as
        msgmerge does, or by hand; the fix is kept and waits for review); or ``unreviewed``.
        One mapping with msgfmt, pocount and Poedit (docs/review-files.md)."""
        if self.approved:
            return "approved"
        if not self.fixed:
            return "unreviewed"
        return "fuzzy" if self.fuzzy else "fixed"

    @property
    def reviewed(self) -> bool:
        """Counted as reviewed: fixed or approved, i.e. not fuzzy, which PO tools count as
        translated (when the text is not empty)."""
        return self.status in REVIEWED


def _escape_char(ch: str) -> str:
    if ch in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[ch]
    if ch.isprintable():
        return ch
    code = ord(ch)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


def escape_text(text: str) -> str:
    """One-line, strip-proof form of ``text`` for a comment: escapes, no raw control chars."""
    if "\\" not in text and text.isprintable():  # printable: no control, no space but " "
        return text
    # The usual suspects in one pass; a character the class misses is left for the slow pass.
    escaped = _LIKELY_ESCAPES.sub(lambda m: _escape_char(m.group()), text)
    if escaped.isprintable():
        return escaped
    return "".join(map(_escape_char, text))


def unescape_text(text: str) -> str:
    """Inverse of :func:`escape_text`."""
    if "\\" not in text:
        return text

    def replace_escape(match: re.Match) -> str:
        hex_code = match.group(1) or match.group(2) or match.group(3)
        if hex_code:
            return chr(int(hex_code, 16))
        return {"n": "\n", "t": "\t", "r": "\r"}.get(match.group(4), match.group(4))

    return _UNESCAPE.sub(replace_escape, text)


def _units(escaped: str) -> list[str]:
    """Split an escaped string into indivisible pieces (one char or one escape sequence)."""
    return _UNIT.findall(escaped)


def original_lines(text: str) -> list[str]:
    """The comment lines that hold ``text`` exactly: ``original: ...`` then ``|...`` lines.

    Lines break before a space where one is near (the space starts the next line, after the
    ``|``, where no reader strips it); a line never ends with whitespace (a last space is
    written ``\\x20``) and never inside an escape sequence.
    """
    escaped = escape_text(text)
    # Lines are measured in units: a character, or a whole escape sequence. ``ends[k]`` is
    # where unit k ends in ``escaped`` (without escapes, units are characters).
    ends = list(accumulate(map(len, _units(escaped)), initial=0)) if "\\" in escaped else None
    count = len(escaped) if ends is None else len(ends) - 1
    lines: list[str] = []
    prefix = ORIGINAL + " "
    done = 0  # units written
    while done < count:
        budget = COMMENT_WIDTH - len(prefix) - 3  # room to escape a trailing space
        if ends is None:
            taken = min(budget, count - done)
        else:
            taken = bisect_right(ends, ends[done] + budget) - 1 - done
        if taken < count - done:  # break before a space in the second half, if there is one
            low, high = done + taken // 2, done + taken
            if ends is None:
                space = escaped.rfind(" ", low, high)
            else:
                space = escaped.rfind(" ", ends[low], ends[high])
                space = bisect_left(ends, space) if space >= 0 else -1
            taken = max(space - done, 0) or taken if space >= 0 else taken
        chunk = (
            escaped[done : done + taken]
            if ends is None
            else escaped[ends[done] : ends[done + taken]]
        )
        done += taken
        if chunk.endswith(" "):
            chunk = chunk[:-1] + "\\x20"
        lines.append(prefix + chunk)
        prefix = CONTINUED
    return lines or [ORIGINAL]


def _wrap_flag(text: str) -> list[str]:
    return textwrap.wrap(
        text, COMMENT_WIDTH, subsequent_indent=FLAG_CONTINUED, break_on_hyphens=False
    )


def record_flag(flag: str) -> str:
    """A flag (``check: message``) as an entry records it: as its comment lines read back.

    Escaped, whitespace collapsed, ``flag `` in front of one that would read as an original,
    and a word too long for a line split (``parse_comment`` gives this form, so a recorded flag
    compares equal to the same flag read from the file, and is written back unchanged).
    """
    words = escape_text(" ".join(flag.split()))
    if not words or words.startswith((ORIGINAL, CONTINUED, DECIDED)):
        words = "flag " + words
    if len(words) <= COMMENT_WIDTH:
        return words.strip()
    return parse_comment_lines(_wrap_flag(words))[0][0]


def record_flags(flags: Iterable[str]) -> tuple[str, ...]:
    """:func:`record_flag` of each flag."""
    return tuple(map(record_flag, flags))


_DECISION = re.compile(
    r'decided: (\S+) (\S+) "((?:[^"\\]|\\.)*)"'
    r"((?: (?:severity|category)=\S+)*)(?: — (.*))?\Z",
    re.S,
)


def decision_line(decision: Decision) -> str:
    """A decision as one (unwrapped) comment line:
    ``decided: <verdict> <check> "<spot>"[ severity=S][ category=C][ — <reason>]``."""
    spot = escape_text(" ".join(decision.spot.split())).replace('"', '\\"')
    line = f'{DECIDED} {decision.verdict} {decision.check} "{spot}"'
    if decision.severity:
        line += f" severity={decision.severity}"
    if decision.category:
        line += f" category={decision.category}"
    reason = escape_text(" ".join(decision.reason.split()))
    return line + (f" — {reason}" if reason else "")


def parse_decision(line: str) -> Decision | None:
    """The Decision of a (joined) ``decided:`` comment line; None when it is not one."""
    found = _DECISION.match(line)
    if found is None or found.group(1) not in VERDICTS:
        return None
    verdict, check, spot, overrides, reason = found.groups()
    extra = dict(item.split("=", 1) for item in overrides.split())
    return Decision(
        check,
        verdict,
        unescape_text(reason or ""),
        unescape_text(spot),
        extra.get("severity"),
        extra.get("category"),
    )


def _wrap_decision(decision: Decision) -> list[str]:
    return textwrap.wrap(
        decision_line(decision),
        COMMENT_WIDTH,
        subsequent_indent=FLAG_CONTINUED,
        break_on_hyphens=False,
        break_long_words=False,
    )


def record_decision(decision: Decision) -> Decision:
    """``decision`` as its comment lines read back (whitespace collapsed, as stored)."""
    found = parse_decision(parse_comment_lines(_wrap_decision(decision))[0][0])
    assert found is not None, decision
    return found


def split_decisions(lines: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[Decision, ...]]:
    """(flags, decisions) of the flag lines of a comment (``decided:`` lines are decisions)."""
    if not any(line.startswith(DECIDED) for line in lines):
        return lines, ()
    flags, decisions = [], []
    for line in lines:
        decision = parse_decision(line) if line.startswith(DECIDED) else None
        if decision is None:
            flags.append(line)
        else:
            decisions.append(decision)
    return tuple(flags), tuple(decisions)


def build_comment(
    flags: tuple[str, ...], original: str | None, decisions: tuple[Decision, ...] = ()
) -> str:
    """The extracted comment of an active entry: its (recorded) flags, the reviewer's
    decisions, then its original text.

    One line per flag or decision, continued on lines indented by two spaces; then the
    original.
    """
    lines: list[str] = []
    for flag in flags:
        lines += _wrap_flag(flag)
    for decision in decisions:
        lines += _wrap_decision(decision)
    if original is not None:
        lines += original_lines(original)
    return "\n".join(lines)


def parse_comment_lines(lines: list[str]) -> tuple[tuple[str, ...], str | None]:
    """(flags, original) read back from the lines of an extracted comment."""
    flags: list[str] = []
    original: list[str] | None = None
    for line in lines:
        if original is not None and line.startswith(CONTINUED):
            original.append(line[1:])
        elif line.startswith(ORIGINAL) and original is None:
            rest = line[9:]  # len(ORIGINAL)
            original = [rest[1:] if rest.startswith(" ") else rest]
        elif line.startswith(FLAG_CONTINUED) and flags:
            flags[-1] += " " + line.strip()
        elif line.strip():
            flags.append(line.strip())
    if original is None:
        return tuple(flags), None
    return tuple(flags), unescape_text("".join(original))


def parse_comment(comment: str) -> tuple[tuple[str, ...], str | None]:
    """(flags, original) read back from an extracted comment; original None when absent."""
    return parse_comment_lines(comment.split("\n")) if comment else ((), None)


def has_work(entry: Entry) -> bool:
    """Whether the entry holds anything a reviewer did: a fix, an approval or a note."""
    if entry.note or not entry.fuzzy or entry.decisions:
        return True
    if entry.obsolete:
        return bool(entry.msgstr)
    return entry.original is not None and entry.msgstr != entry.original


def to_review(entry: Entry, lang: str) -> Review:
    """The Review of an active entry."""
    msgid, original = entry.msgid, entry.original
    return Review(
        entry.msgctxt or "",
        lang,
        "" if is_placeholder(msgid) else msgid,
        entry.msgstr if original is None else original,
        entry.msgstr,
        entry.approved,
        entry.note,
        entry.flags,
        entry.decisions,
        entry.fuzzy,
    )


def with_fuzzy(entry: Entry, fuzzy: bool) -> Entry:
    """``entry`` with ``fuzzy`` set (an approval mark goes) or cleared (others stay)."""
    if fuzzy:
        return with_state(entry, (True, False))
    return with_state(entry, (False, APPROVED in entry.po_flags))


def state_of(entry: Entry) -> tuple[bool, bool]:
    """(fuzzy, marked approved): the ``#,`` flags that say what a reviewer did."""
    return FUZZY in entry.po_flags, APPROVED in entry.po_flags


def with_status(entry: Entry, approved: bool) -> Entry:
    """``entry`` flagged as a reviewer left it: approved or not, given its text.

    The PO states (see docs/review-files.md): untouched machine text is ``fuzzy``; a text a
    reviewer changed is not (PO tools count it translated, as after an edit in Poedit); an
    approved one is not fuzzy either and, when changed, is marked ``approved``.
    """
    if approved:
        return with_state(entry, (False, entry.changed))
    return with_state(entry, (not entry.changed, False))


def with_state(entry: Entry, state: tuple[bool, bool]) -> Entry:
    """``entry`` with exactly the (fuzzy, approved mark) ``state``; other ``#,`` flags stay.

    Clearing ``fuzzy`` drops the ``#|`` fields (as Poedit does)."""
    fuzzy, marked = state
    others = tuple(f for f in entry.po_flags if f not in (FUZZY, APPROVED))
    if fuzzy:
        flags = FUZZY_ONLY if not others else (FUZZY, *others)
    else:
        flags = (APPROVED, *others) if marked else others
    if fuzzy:
        return entry if flags == entry.po_flags else replace(entry, po_flags=flags)
    if (
        flags == entry.po_flags
        and entry.previous_msgctxt is entry.previous_msgid is None
        and (entry.extra is None or entry.extra.previous_msgid_plural is None)
    ):
        return entry
    extra = entry.extra
    if extra is not None and extra.previous_msgid_plural is not None:
        extra = replace(extra, previous_msgid_plural=None)
    return replace(entry, po_flags=flags, previous_msgctxt=None, previous_msgid=None, extra=extra)


def fields_of(entry: Entry) -> tuple[str, tuple[bool, bool], str, bool, tuple[Decision, ...]]:
    """The part of an entry a reviewer (or a PO editor) changes: msgstr, (fuzzy, approved
    mark), note, obsolete, flag decisions."""
    return entry.msgstr, state_of(entry), entry.note, entry.obsolete, entry.decisions


def normalise_fix(text: str) -> str:
    """A fix as stored: LF line ends, no NUL, no surrounding whitespace (the paragraph rule)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "").strip()


def make_obsolete(entry: Entry) -> Entry:
    """The ``#~`` form of an entry, holding exactly what a PO file keeps of it."""
    keep_text = not entry.fuzzy or entry.msgstr != entry.original
    return Entry(
        entry.msgctxt,
        entry.msgid,
        entry.msgstr if keep_text else "",
        entry.po_flags,
        note=entry.note,
        obsolete=True,
    )
