"""``control``: control characters, ANSI escape sequences and invisible bidi controls.

They come in with copy-paste from terminals and word processors, are invisible in most
editors and can repaint a terminal (ESC) or reorder what a reader sees (bidi overrides).
Newline and tab are text. In a catalog, a sequence that msgid has too is intended. A run
of them ("\u200b\u200b" pasted from a web page) is one spot, flagged once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import terminal
from ..flags import Flag
from .base import Document, RowCheck, Unit, register
from .tokens import ESCAPE_SEQUENCE

_ANSI = ESCAPE_SEQUENCE.pattern
_C0_C1 = r"[\x00-\x08\x0b-\x1f\x7f-\x9f]"
_BIDI = r"[\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
_PATTERN = re.compile(f"(?P<ansi>{_ANSI})|(?P<c>{_C0_C1}+)|(?P<bidi>{_BIDI}+)")
_QUICK = re.compile(f"{_C0_C1}|{_BIDI}")


def visible(text: str) -> str:
    """``text`` with its control characters shown as symbols (``aligner.terminal``'s map)."""
    return terminal.visible(text)


def describe(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def _described(run: str) -> str:
    """ "character U+200B", or "characters U+200B ×2" for a run."""
    if len(run) == 1:
        return f"character {describe(run)}"
    names = " ".join(dict.fromkeys(describe(ch) for ch in run))
    return f"characters {names} ×{len(run)}"


@register
class ControlCheck(RowCheck):
    name = "control"
    severity = "error"
    description = "control characters, ANSI escape sequences and bidi controls in the text"

    def check_unit(self, unit: Unit, document: Document) -> Iterable[Flag]:
        for lang in document.targets:
            text = unit.text(lang)
            if not _QUICK.search(text):
                continue
            source = unit.text(document.source) if document.catalog else ""
            for match in _PATTERN.finditer(text):
                token = match.group()
                if source and token in source:
                    continue
                if match.lastgroup == "ansi":
                    message = f"ANSI escape sequence {visible(token)!r} inside the text"
                    severity = None
                elif match.lastgroup == "c":
                    message = f"control {_described(token)} inside the text"
                    severity = None
                else:
                    if token == "\ufeff" and match.start() == 0:
                        continue
                    message = f"invisible formatting {_described(token)}"
                    severity = "warning"
                yield self.flag(
                    unit, lang, match.start(), match.end(), message, severity=severity, expected=""
                )
