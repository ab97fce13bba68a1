"""Placeholder tokens: what ``<>``, ``{0}``, ``%s``, ``@@``, ``[[...]]`` or ``###`` look like.

Shared by the ``placeholder`` check (which reports them) and the ``number`` check (which must
not read ``%1$s`` or ``{0}`` as numbers, and fills a leftover ``<>`` with the missing value);
terminal escape sequences are defined here too, for the ``control`` check and the masking.
"""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(
    r"<\s*>|<<\s*>>"  # empty angle brackets
    r"|\{\{[^{}\n]{0,40}\}\}|\{[\w.:!\-]{0,30}\}"  # {0} {name} {} {{var}}
    r"|%[sdiu]\$\d+"  # %s$2: a garbled positional %2$s
    r"|%(?:\d+\$|\(\w+\))?[-+#0]*\d*(?:\.\d+)?(?:l{1,2}|h|z|j|t|L|I64)?[sdiufFxXoeEgGcp%@]"
    r"|%\d+(?![\d$]|[.,]\d)"  # %1 (Qt), also before a sentence's "." ("partition %1.")
    r"|@@+|@[A-Z][A-Z0-9_]*@"  # @@ and @PACKAGE@
    r"|\[\[(?!\s)[^\[\]\n]{0,40}(?<!\s)\]\]"  # [[...]], not bash's [[ x ]]
    r"|#{3,}"  # ###
    r"|\$\{\w+\}|\$\(\w+\)"  # ${var} $(var)
)
_PERCENT_AFTER_NUMBER = re.compile(r"\d\s?$")
# a terminal escape sequence: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), or ESC and
# one character; the ``control`` check reports them, the facts must not read "2" in "ESC ]2;"
ESCAPE_SEQUENCE = re.compile(
    r"\x1b(?:\[[0-9;?<=>]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])"
)


_START = re.compile(r"[<{%@\[#$]")


def placeholders(text: str) -> list[tuple[int, int, str]]:
    """(start, end, token) of every placeholder-like token in ``text``."""
    if not _START.search(text):
        return []
    found = []
    for match in PLACEHOLDER.finditer(text):
        token = match.group()
        if (
            token.startswith("%")
            and _PERCENT_AFTER_NUMBER.search(text, max(0, match.start() - 2), match.start())
            and text[match.end() : match.end() + 1].isalpha()
        ):
            continue  # "20 %doubled": a percentage before a word, not a conversion
        if token == "%%":
            continue
        found.append((match.start(), match.end(), token))
    return found


def mask_placeholders(text: str, found: list[tuple[int, int, str]] | None = None) -> str:
    """``text`` with placeholders and terminal escape sequences blanked out (same length),
    so numbers inside are not read (``found``: its placeholders, when already known)."""
    if found is None:
        found = placeholders(text)
    if "\x1b" in text:
        found = sorted(
            [*found, *((m.start(), m.end(), m.group()) for m in ESCAPE_SEQUENCE.finditer(text))]
        )
    if not found:
        return text
    pieces, last = [], 0
    for start, end, _ in found:
        pieces.append(text[last:start])
        pieces.append(" " * (end - start))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
