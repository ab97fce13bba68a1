"""The one place where text meets a terminal: control characters become visible symbols.

A document, a ``docset.toml`` title or a file name received from someone else is untrusted:
``ESC ] 52`` writes the clipboard, ``ESC ] 2`` the window title, ``ESC c`` resets the
terminal, ``CSI ? 1049 l`` leaves the alternate screen, the C1 byte U+009B is a CSI on some
terminals, and bidi overrides (U+202E, U+2066-2069) reorder what a reader sees. ``visible``
maps every such character to one visible symbol (one character for one, so offsets computed
on the text stay valid in what is shown):

- C0 controls -> the Unicode Control Pictures (ESC -> ␛, BEL -> ␇, CR -> ␍); tab -> →,
  newline -> ↵ (both kept when asked); DEL -> ␡;
- C1 controls (U+0080-009F, NEL included) -> ¿;
- zero-width, bidi and other invisible format characters (U+200B, U+200E/200F, U+202A-202E,
  U+2060-206F, U+061C, U+180E, U+FEFF, U+FFF9-FFFB, the tag characters U+E0000-E007F),
  the line and paragraph separators U+2028/2029 -> ¤ (the joiners U+200C/200D that
  Persian, Indic scripts and emoji need are kept);
- lone surrogates (a file name that is not UTF-8, decoded with surrogateescape) and the
  noncharacters U+FFFE/FFFF -> �.

The UI (``tui.safe_text``), the text renderings of the core (``aligner.align.display``, the
``control`` check) and every line the CLI prints use this table. JSON output keeps the data:
``json_dumps`` writes the same characters as ``\\uXXXX`` escapes (valid JSON, exact on load).
"""

from __future__ import annotations

import io
import json
import re
from functools import cache
from typing import Any, TextIO

NEWLINE, TAB = "\n", "\t"
C1_SYMBOL, FORMAT_SYMBOL, BAD_SYMBOL = "¿", "¤", "\ufffd"

_FORMAT = [
    0x061C,
    0x180E,
    0xFEFF,
    0x2028,
    0x2029,
    0x200B,
    0x200E,
    0x200F,
    *range(0x202A, 0x202F),
    *range(0x2060, 0x2070),
    *range(0xFFF9, 0xFFFC),
    *range(0xE0000, 0xE0080),
]


def _build_table() -> dict[int, str]:
    table = {code: chr(0x2400 + code) for code in range(0x20)}
    table[0x09], table[0x0A], table[0x7F] = "→", "↵", "␡"
    table.update(dict.fromkeys(range(0x80, 0xA0), C1_SYMBOL))
    table.update(dict.fromkeys(_FORMAT, FORMAT_SYMBOL))
    table.update(dict.fromkeys([*range(0xD800, 0xE000), 0xFFFE, 0xFFFF], BAD_SYMBOL))
    return table


CONTROL_TABLE: dict[int, str] = _build_table()  # code point -> its one-character symbol
_KEEP_NEWLINE = {k: v for k, v in CONTROL_TABLE.items() if k != 0x0A}
_KEEP_BOTH = {k: v for k, v in _KEEP_NEWLINE.items() if k != 0x09}
_TABLES = {"": CONTROL_TABLE, "\n": _KEEP_NEWLINE, "\n\t": _KEEP_BOTH, "\t\n": _KEEP_BOTH}


def _utf16(code: int) -> tuple[int, ...]:
    if code < 0x10000:
        return (code,)
    code -= 0x10000
    return 0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)


def _char_class(table: dict[int, str]) -> str:
    """The code points of ``table`` as a regular-expression class of ranges."""
    codes, parts = sorted(table), []
    start = previous = codes[0]
    for code in [*codes[1:], -1]:
        if code != previous + 1:
            parts.append(f"\\U{start:08x}" + (f"-\\U{previous:08x}" if previous > start else ""))
            start = code
        previous = code
    return "[" + "".join(parts) + "]"


@cache
def _unsafe(keep: str) -> re.Pattern[str]:
    """What ``visible`` replaces when it keeps ``keep``: compiled at first use (~1 ms each)."""
    return re.compile(_char_class(_TABLES[keep]))


_JSON_ESCAPES = {
    code: "".join(f"\\u{unit:04x}" for unit in _utf16(code))
    for code in CONTROL_TABLE
    if code >= 0x7F
}


def visible(text: str, keep: str = "") -> str:
    """``text`` with every dangerous or invisible character replaced by a visible symbol.

    ``keep`` names the layout characters left as they are: ``"\\n"`` (text shown on several
    lines), ``"\\n\\t"`` (tab-separated output). The result has the same length as ``text``.
    """
    table = _TABLES.get(keep)
    if table is None:
        table = {k: v for k, v in CONTROL_TABLE.items() if chr(k) not in keep}
    elif not _unsafe(keep).search(text):
        return text  # the common case: one scan at C speed, no copy
    return text.translate(table)


def is_clean(text: str, keep: str = "\n\t") -> bool:
    """Whether ``text`` holds nothing ``visible`` would change (``keep`` aside)."""
    return visible(text, keep) == text


def json_dumps(value: Any, **options: Any) -> str:
    """``json.dumps`` for a terminal: non-ASCII text kept, every control escaped as ``\\uXXXX``.

    ``json.dumps(ensure_ascii=False)`` escapes C0 but lets DEL, C1, bidi controls and lone
    surrogates through; here they become escapes too, so the output is valid JSON, loads back
    to exactly the same strings, and holds no character that ``visible`` would change.
    """
    options.setdefault("ensure_ascii", False)
    return json.dumps(value, **options).translate(_JSON_ESCAPES)


def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes, as wcwidth (and Rich, which the UI measures with)
    count them: CJK two, combining marks none, an emoji ZWJ sequence or flag one wide
    character. Measure text already made ``visible``: a control character left in counts
    as none."""
    if text.isascii() and text.isprintable():
        return len(text)
    import wcwidth

    width = wcwidth.wcswidth(text)
    if width < 0:  # a control character: wcwidth has no width for it
        width = sum(cell_width(part) for part in graphemes(text) if part.isprintable())
    return width


# characters that join the one before into one drawn character although wcwidth gives each
# a width of its own: regional indicators (a flag is two) and emoji skin-tone modifiers
_JOINS_WIDE = re.compile("[\U0001f1e6-\U0001f1ff\U0001f3fb-\U0001f3ff]")


def char_widths(text: str) -> list[int]:
    """Cells of each character of ``text``, for layouts that keep character offsets: a
    grapheme cluster's width (``cell_width``) on its first character, 0 on the others, so
    the widths of any run of whole clusters add up to what a terminal draws."""
    if text.isascii():
        return [1] * len(text)
    import wcwidth

    widths = [max(0, wcwidth.wcwidth(ch)) for ch in text]
    if 0 not in widths and not _JOINS_WIDE.search(text):
        return widths  # every character is a cluster of its own
    widths = []
    for cluster in graphemes(text):
        widths.append(cell_width(cluster))
        widths.extend([0] * (len(cluster) - 1))
    return widths


def graphemes(text: str) -> list[str]:
    """``text`` cut into the characters a reader sees (grapheme clusters: a letter with its
    accents, an emoji sequence): the units a terminal draws, never split by clipping."""
    if text.isascii():
        return list(text)
    import wcwidth

    return list(wcwidth.iter_graphemes(text))


def one_line(text: str) -> str:
    """``text`` as one visible line (for messages: newlines and tabs shown as symbols)."""
    return visible(text)


class SafeStream(io.TextIOBase):
    """A text stream that passes everything written through ``visible`` (newline and tab kept).

    The CLI wraps stdout and stderr in it while a command runs, so no line it prints (errors,
    warnings, titles, paths, tables) can drive the terminal, whatever module printed it.
    Characters the underlying stream cannot encode are replaced instead of raising.
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:  # noqa: D102 - io API
        shown = visible(text, "\n\t")
        try:
            self.stream.write(shown)
        except UnicodeEncodeError:
            encoding = getattr(self.stream, "encoding", None) or "ascii"
            self.stream.write(shown.encode(encoding, "replace").decode(encoding, "replace"))
        return len(text)

    def rewrite_line(self, text: str) -> None:
        """Show ``text`` (made visible) in place of the current line: a progress display.

        The one carriage return aligner itself sends; a carriage return in the data is shown
        as ␍ like every other control.
        """
        self.stream.write("\r")
        self.write(text)
        self.flush()

    def flush(self) -> None:  # noqa: D102 - io API
        self.stream.flush()

    def isatty(self) -> bool:  # noqa: D102 - io API
        return self.stream.isatty()

    def fileno(self) -> int:  # noqa: D102 - io API
        return self.stream.fileno()

    def writable(self) -> bool:  # noqa: D102 - io API
        return True

    @property
    def encoding(self) -> str:  # noqa: D102 - io API
        return getattr(self.stream, "encoding", "utf-8")
