"""Digits that are no number fact: inside codes and identifiers ("UTF-8", "pkg1", "ISO 8859-1").

The facts extractor reads numbers; digits glued to letters are codes and are copied verbatim
between languages, so a version whose code digits differ is wrong ("UTF-9" for "UTF-8") and
a number fact may stand where the other version writes the same digits inside an identifier
(zh "软件包1" for "pkg1"). Comparing these digit runs as strings is what pofilter's numbers
test does everywhere; doing it only where the facts have nothing to say keeps both benefits.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..facts import Fact

_DIGITS = re.compile(r"\d+")
_TOKEN_CHAR = re.compile(r"[\w.+\-]")


@dataclass(frozen=True)
class DigitRun:
    """A run of digits at [start, end) that no numeric fact covers."""

    start: int
    end: int
    digits: str


def free_runs(text: str, numeric: list[Fact]) -> list[DigitRun]:
    """Digit runs of ``text`` outside every numeric fact."""
    spans = [(f.start, f.end) for f in numeric]
    return [DigitRun(m.start(), m.end(), m.group()) for m in _DIGITS.finditer(text)
            if not any(start <= m.start() < end for start, end in spans)]


def all_digits(text: str) -> Counter[str]:
    """Every digit run of ``text``, counted."""
    return Counter(_DIGITS.findall(text))


def absorbed(facts: list[Fact], unmatched: set[int], runs: list[DigitRun]) -> set[int]:
    """Facts written in digits whose digits the other text has inside a code or identifier."""
    available = Counter(run.digits for run in runs)
    found = set()
    for i in sorted(unmatched):
        digits = facts[i].text
        if digits.isdigit() and available[digits]:
            available[digits] -= 1
            found.add(i)
    return found


def token_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The code or identifier around [start, end): "UTF-8", "GTKTEXTBUFFERCONTENTS-0001"."""
    while start > 0 and _TOKEN_CHAR.match(text[start - 1]):
        start -= 1
    while end < len(text) and _TOKEN_CHAR.match(text[end]):
        end += 1
    return start, end


def skeleton(token: str) -> str:
    """A code with its digits blanked: "utf-#" for "UTF-8"."""
    return _DIGITS.sub("#", token.strip(".-+")).lower()


def same_code(text: str, shape: str) -> str | None:
    """The first code in ``text`` shaped like ``shape`` (see ``skeleton``), or None."""
    for match in _DIGITS.finditer(text):
        start, end = token_span(text, match.start(), match.end())
        if skeleton(text[start:end]) == shape:
            return text[start:end].strip(".-+")
    return None
