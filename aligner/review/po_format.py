"""The PO text of review entries: a fast reader of the lines aligner writes, polib's rendering.

Reading a 10k-entry file with polib takes close to a second (a Python state machine per line)
and keeps a POEntry with the whole extracted comment per entry. Review files hold a small
subset of PO, always laid out the same way, so ``parse_body`` reads that subset with one
regular expression per entry and gives each value exactly as polib's parser would (the same
unescaping, the same stripping of comment lines). Anything outside the subset (``#:`` lines,
plurals, ``#~|`` lines, CR line ends, a missing blank line, odd spacing, invalid UTF-8) raises
``Unsupported`` and the caller reads the file with polib instead, so the result never depends
on which reader ran. Tests compare both readers on hostile files.

``render_entry`` writes an entry exactly as polib's ``POEntry.__unicode__`` does (polib's own
``escape``, the same wrapping: textwrap's word splitting, found per word and filled greedily
by position instead of textwrap's chunk-by-chunk loop). Entries with fields review files never
use are rendered by polib itself.
"""

from __future__ import annotations

import re
import textwrap
from itertools import accumulate

import polib

from .entry import (
    FUZZY_ONLY,
    WRAP_WIDTH,
    Entry,
    Extra,
    build_comment,
    parse_comment,
    parse_comment_lines,
    split_decisions,
    unescape_text,
)


class Unsupported(Exception):
    """The text uses PO features (or a layout) the fast reader leaves to polib."""


_STR = rb'"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
# One entry as polib writes it: translator comments, extracted comments, flags, previous
# fields, then msgctxt / msgid / msgstr, all with "#~ " in front for an obsolete entry.
_ENTRY = re.compile(
    rb"""
    (?P<tc>(?:\#(?:\ [^\n]*)?\n)*)
    (?P<gc>(?:\#\.\ (?!original:)[^\n]*\n)*)
    (?:\#\.\ original:(?P<orig>[^\n]*(?<!\ )\n(?:\#\.\ \|[^\n]*(?<!\ )\n)*))?
    (?P<fl>\#,\ [^\n]*\n)?
    (?P<prev>(?:\#\|\ [^\n]*\n)*)
    (?P<ob>(?:\#~\ )?)
    (?:msgctxt\ (?P<ctx>S(?:\n(?P=ob)S)*)\n(?P=ob))?
    msgid\ (?P<id>S(?:\n(?P=ob)S)*)\n
    (?P=ob)msgstr\ (?P<str>S(?:\n(?P=ob)S)*)\n
    """.replace(b"S", _STR),
    re.X,
)
_PREVIOUS = re.compile(rb"#\| (?:(msgctxt|msgid|msgid_plural) )?(" + _STR + rb")\Z")
_PO_UNESCAPE = re.compile(r'\\(\\|n|t|r|v|b|f|")')  # polib.unescape's pattern
_PO_UNESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "v": "\v",
    "b": "\b",
    "f": "\f",
    "\\": "\\",
    '"': '"',
}
_JOIN = {False: b'"\n"', True: b'"\n#~ "'}


def _raw(block: bytes, obsolete: bool) -> bytes:
    """The escaped value of a quoted (possibly continued) PO string."""
    raw = block[1:-1]
    return raw.replace(_JOIN[obsolete], b"") if b'"' in raw else raw


def _value(raw: bytes) -> str:
    """An escaped PO string's value, as polib reads it."""
    try:
        value = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Unsupported from None
    if "\\" in value:
        value = _PO_UNESCAPE.sub(lambda m: _PO_UNESCAPES[m.group(1)], value)
    return value


def _string(block: bytes, obsolete: bool) -> str:
    """The value of a quoted (possibly continued) PO string, as polib reads it."""
    return _value(_raw(block, obsolete))


def _lines(block: bytes) -> list[str]:
    """The stripped lines of a comment block (polib strips every line it reads)."""
    try:
        text = block.decode("utf-8")
    except UnicodeDecodeError:
        raise Unsupported from None
    return [line.rstrip() for line in text[:-1].split("\n")]


def _comment(
    flag_block: bytes, original_block: bytes | None, raw_text: bytes, text: str
) -> tuple[tuple[str, ...], str | None]:
    """(flags, original) of an extracted comment, as polib and parse_comment read it.

    The ``original:`` line and its ``|`` lines come apart (no line of them ends with a space,
    the regular expression made sure) and join without being split into lines. An original
    that is the msgstr (``raw_text`` escaped, ``text`` read) is that same string.
    """
    if original_block is not None:
        joined = original_block[:-1].replace(b"\n#. |", b"")
        if joined[:1] == b" ":
            joined = joined[1:]
        flags = (
            parse_comment_lines([line[3:] for line in _lines(flag_block) if line != "#."])[0]
            if flag_block
            else ()
        )
        if joined == raw_text and b"\\" not in joined and text.isprintable():
            return flags, text
        try:
            escaped = joined.decode("utf-8")
        except UnicodeDecodeError:
            raise Unsupported from None
        if escaped.isprintable():  # then no line ends with other whitespace polib would strip
            return flags, unescape_text(escaped)
        flag_block += b"#. original:" + original_block
    comment = [line[3:] for line in _lines(flag_block) if line != "#."]
    return parse_comment_lines(comment) if comment else ((), None)


def _note(block: bytes) -> str:
    notes = []
    for line in _lines(block):
        if line == "#":
            line = "# "
        line = line.lstrip("#")
        notes.append(line[1:] if line.startswith(" ") else line)
    while notes and not notes[0]:  # polib drops empty lines before the first text
        del notes[0]
    return "\n".join(notes)


def _previous(block: bytes) -> dict[str, str]:
    fields: dict[str, str] = {}
    current = None
    for line in block[:-1].split(b"\n"):
        found = _PREVIOUS.match(line)
        if found is None:
            raise Unsupported
        keyword, value = found.group(1), _string(found.group(2), False)
        if keyword is None:
            if current is None:
                raise Unsupported
            fields[current] += value
        else:
            current = keyword.decode()
            fields[current] = value
    return fields


def parse_body(
    data: bytes, start: int, pool: dict[str, str] | None = None
) -> tuple[list[Entry], list[tuple[int, int]]]:
    """The entries in ``data[start:]`` and each one's (start, end) byte offsets.

    ``pool`` maps strings to equal string objects to use instead (the docset's texts, so that
    an entry shares them rather than holding a copy). Raises Unsupported.
    """
    entries: list[Entry] = []
    spans: list[tuple[int, int]] = []
    shared = (pool if pool is not None else {}).get
    match, size, position = _ENTRY.match, len(data), start
    no_previous: dict[str, str] = {}
    while position < size:
        found = match(data, position)
        if found is None:
            raise Unsupported
        end = found.end()
        if end < size and data[end] != 10:  # entries are separated by one blank line
            raise Unsupported
        tc, gc, orig, fl, prev, ob, ctx, msgid, msgstr = found.groups()
        obsolete = bool(ob)
        raw_text = _raw(msgstr, obsolete)
        text = _value(raw_text)
        text = shared(text, text)
        flags: tuple[str, ...] = ()
        decisions = ()
        original = None
        if gc or orig is not None:
            flags, original = _comment(gc, orig, raw_text, text)
            if original is not None:
                original = shared(original, original)
            if flags:
                flags, decisions = split_decisions(flags)
        po_flags: tuple[str, ...] = ()
        if fl == b"#, fuzzy\n":
            po_flags = FUZZY_ONLY
        elif fl:
            line = _lines(fl)[0]
            if line != "#,":
                po_flags = tuple(flag.strip() for flag in line[3:].split(","))
                if po_flags == FUZZY_ONLY:
                    po_flags = FUZZY_ONLY
        previous = _previous(prev) if prev else no_previous
        extra = None
        if "msgid_plural" in previous:
            extra = Extra(previous_msgid_plural=previous["msgid_plural"])
        context = None if ctx is None else _string(ctx, obsolete)
        source = _string(msgid, obsolete)
        entries.append(
            Entry(
                context if context is None else shared(context, context),
                shared(source, source),
                text,
                po_flags,
                flags,
                original,
                _note(tc) if tc else "",
                previous.get("msgctxt"),
                previous.get("msgid"),
                obsolete,
                extra,
                decisions,
            )
        )
        spans.append((position, end))
        position = end + 1
    return entries, spans


def from_polib(entry: polib.POEntry, pool: dict[str, str] | None = None) -> Entry:
    """The Entry of an entry polib parsed."""
    pool = pool if pool is not None else {}
    flags, original = parse_comment(entry.comment)
    flags, decisions = split_decisions(flags)
    extra = Extra(
        tuple(tuple(o) for o in entry.occurrences),
        entry.msgid_plural,
        tuple(sorted(entry.msgstr_plural.items())),
        entry.previous_msgid_plural,
    )
    po_flags = tuple(entry.flags)
    return Entry(
        entry.msgctxt if entry.msgctxt is None else pool.get(entry.msgctxt, entry.msgctxt),
        pool.get(entry.msgid, entry.msgid),
        pool.get(entry.msgstr, entry.msgstr),
        FUZZY_ONLY if po_flags == FUZZY_ONLY else po_flags,
        flags,
        original if original is None else pool.get(original, original),
        entry.tcomment,
        entry.previous_msgctxt,
        entry.previous_msgid,
        bool(entry.obsolete),
        None if extra == Extra() else extra,
        decisions,
    )


def to_polib(entry: Entry) -> polib.POEntry:
    """The POEntry of an Entry (for what polib does best: fields review files do not use)."""
    extra = entry.extra or Extra()
    return polib.POEntry(
        msgctxt=entry.msgctxt,
        msgid=entry.msgid,
        msgstr=entry.msgstr,
        msgid_plural=extra.msgid_plural,
        msgstr_plural=dict(extra.msgstr_plural),
        flags=list(entry.po_flags),
        tcomment=entry.note,
        comment=""
        if entry.obsolete
        else build_comment(entry.flags, entry.original, entry.decisions),
        occurrences=[tuple(o) for o in extra.occurrences],
        previous_msgctxt=entry.previous_msgctxt,
        previous_msgid=entry.previous_msgid,
        previous_msgid_plural=extra.previous_msgid_plural,
        obsolete=entry.obsolete,
    )


# -- writing ----------------------------------------------------------------------------------

_WORDSEP = textwrap.TextWrapper.wordsep_re  # textwrap's own word splitting (hyphens, dashes)
_WIDTH = WRAP_WIDTH - 2  # polib wraps string lines at wrapwidth - 2 (the quotes)


def _break(text: str, start: int) -> int:
    """Where textwrap ends the line that starts at ``start`` (a chunk boundary).

    textwrap's chunks are runs of spaces and words, a word split after some of its hyphens
    (``wordsep_re``; where depends on the word alone). A line takes as many whole chunks as
    fit in _WIDTH, or one chunk when even that one does not fit.
    """
    limit = start + _WIDTH
    before, at = text[limit - 1], text[limit]
    if (before == " ") != (at == " "):
        return limit  # a chunk boundary right at the limit
    if at == " ":  # inside a run of spaces: break before it, or after it if it starts the line
        end = limit - 1
        while end > start and text[end - 1] == " ":
            end -= 1
        if end > start:
            return end
        end = limit
        while end < len(text) and text[end] == " ":
            end += 1
        return end
    word_start = text.rfind(" ", 0, limit) + 1
    word_end = text.find(" ", limit)
    if word_end < 0:
        word_end = len(text)
    bounds = [word_start]
    if "-" in text[word_start:word_end]:
        bounds += accumulate(
            map(len, filter(None, _WORDSEP.split(text[word_start:word_end]))), initial=word_start
        )
    bounds.append(word_end)
    fitting = [b for b in bounds if start < b <= limit]
    if fitting:
        return fitting[-1]
    return next(b for b in bounds if b > start)  # the chunk is wider than a line


def wrap(text: str) -> list[str]:
    """``textwrap.wrap(text, 76, drop_whitespace=False, break_long_words=False)``, faster.

    For escaped PO strings only: they hold no tab or other whitespace textwrap would munge.
    """
    lines, start = [], 0
    while len(text) - start > _WIDTH:
        end = _break(text, start)
        lines.append(text[start:end])
        start = end
    if start < len(text):
        lines.append(text[start:])
    return lines


def _field(out: list[str], name: str, label: str, prefix: str, value: str) -> None:
    """polib's ``_BaseEntry._str_field`` (``name`` is the field name it measures)."""
    lines = value.splitlines(True)
    if len(lines) > 1:
        out.append(f'{prefix}{label} ""')
        out += [f'{prefix}"{polib.escape(line)}"' for line in lines]
        return
    escaped = polib.escape(value)
    # polib compares the length with the room left plus the number of characters it escapes
    # (each becomes two, so that number is what escaping added).
    if len(value) > WRAP_WIDTH - len(name) - 3 + len(escaped) - len(value):
        # escape(unescape(line)) == line: a wrapped line never ends inside an escape pair
        out.append(f'{prefix}{label} ""')
        out += [f'{prefix}"{line}"' for line in wrap(escaped)]
    else:
        out.append(f'{prefix}{label} "{escaped}"')


def _comments(out: list[str], text: str, prefix: str) -> None:
    for line in text.split("\n"):
        if len(line) + len(prefix) > WRAP_WIDTH:
            out += textwrap.wrap(
                line,
                WRAP_WIDTH,
                initial_indent=prefix,
                subsequent_indent=prefix,
                break_long_words=False,
            )
        else:
            out.append(prefix + line)


def render_entry(entry: Entry) -> str:
    """The entry exactly as polib writes it (``POEntry.__unicode__(78)``)."""
    if entry.extra is not None:
        return to_polib(entry).__unicode__(WRAP_WIDTH)
    out: list[str] = []
    if entry.note:
        _comments(out, entry.note, "# ")
    comment = "" if entry.obsolete else build_comment(entry.flags, entry.original, entry.decisions)
    if comment:
        _comments(out, comment, "#. ")
    if entry.po_flags:
        out.append("#, " + ", ".join(entry.po_flags))
    prefix = "#~ " if entry.obsolete else ""
    previous = "#~| " if entry.obsolete else "#| "
    if entry.previous_msgctxt is not None:
        _field(out, "previous_msgctxt", "msgctxt", previous, entry.previous_msgctxt)
    if entry.previous_msgid is not None:
        _field(out, "previous_msgid", "msgid", previous, entry.previous_msgid)
    if entry.msgctxt is not None:
        _field(out, "msgctxt", "msgctxt", prefix, entry.msgctxt)
    _field(out, "msgid", "msgid", prefix, entry.msgid)
    _field(out, "msgstr", "msgstr", prefix, entry.msgstr)
    out.append("")
    return "\n".join(out)
