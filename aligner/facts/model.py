"""The Fact type: one number, date, range, section number or name found in a paragraph.

A fact's ``value`` is canonical and language-independent, so the same fact compares equal in
English, Chinese, Kazakh and Russian (see ``aligner.facts`` for every value format).
"""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("number", "ordinal", "percent", "range", "date", "section", "name")


@dataclass(frozen=True)
class Fact:
    """A fact at ``text[start:end]`` of the paragraph it was read from.

    ``weak`` marks facts that often have no counterpart in the other languages (numbers
    written as small words such as "two sessions", "два", "екі", "两国"; month names without a
    day or year; codes such as "5G"; capitalised-word name candidates).
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


@dataclass(frozen=True)
class Candidate:
    """A fact proposed by one extractor, with the priority that settles overlaps."""

    priority: int
    fact: Fact

    @property
    def start(self) -> int:
        return self.fact.start

    @property
    def end(self) -> int:
        return self.fact.end


def candidate(priority: int, kind: str, value: str, start: int, end: int, text: str,
              weak: bool = False) -> Candidate:
    """A candidate fact whose ``text`` is the original text's slice [start, end)."""
    return Candidate(priority, Fact(kind, value, start, end, text[start:end], weak))


# Overlap priorities: a higher one wins; among equals, the longer span.
P_DATE_RANGE = 90
P_DATE = 80
P_RANGE = 70
P_PERCENT = 60
P_SECTION = 55
P_ORDINAL = 50
P_NUMBER = 40
P_MONTH = 35
P_WORD = 30
