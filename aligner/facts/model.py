"""The Fact type: one number, date, range, section number or name found in a paragraph.

A fact's ``value`` is canonical and language-independent, so the same fact compares equal in
English, Chinese, Kazakh and Russian (see ``aligner.facts`` for every value format).
"""

from __future__ import annotations

from typing import NamedTuple

KINDS = ("number", "ordinal", "percent", "range", "date", "section", "name")


class Fact(NamedTuple):
    """A fact at ``text[start:end]`` of the paragraph it was read from.

    ``weak`` marks facts that often have no counterpart in the other languages (numbers
    written as small words such as "two sessions", "два", "екі", "两国"; month names without a
    day or year; codes such as "5G"; capitalised-word name candidates).

    A named tuple, not a dataclass: extraction builds hundreds of thousands of these for a
    long document, and a tuple is made three times faster than a frozen dataclass.
    """

    kind: str
    value: str
    start: int
    end: int
    text: str
    weak: bool = False

    @property
    def key(self) -> str:
        """``kind:value``, the form the aligner matches across languages."""
        return f"{self.kind}:{self.value}"


# A fact proposed by one extractor, before overlaps are settled: a plain tuple
# (priority, start, end, kind, value, weak), since a paragraph yields many and most are
# cheap to drop. A higher priority wins an overlap.
Candidate = tuple[int, int, int, str, str, bool]


def candidate(
    priority: int, kind: str, value: str, start: int, end: int, weak: bool = False
) -> Candidate:
    """A candidate fact at [start, end) of the text being read."""
    return (priority, start, end, kind, value, weak)


# Overlap priorities: a higher one wins; among equals, the longer span.
P_DATE_RANGE = 90
P_DATE = 80
P_RANGE = 70
P_PERCENT = 60
P_SECTION = 55
P_ORDINAL = 50
P_NUMBER = 40
P_MONTH = 45  # above a plain number: "5月" is May, not 5
P_WORD = 30
