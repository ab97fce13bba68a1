"""Section numbers at the start of a paragraph (or of a line): "1. ", "2) ", "(3) ", "一、",
"（二）", "IV. ", "1.2. ".

The value is the number as written ("2", "1.2"). A year there ("2013. President Xi...") is
still reported as a section, with value "2013": ``year_as_section`` tells the checks that a
year stands where a section number belongs.
"""

from __future__ import annotations

import re

from .chinese import to_int
from .model import P_SECTION, Candidate, Fact, candidate
from .roman import roman_value

_CN = "一二三四五六七八九十"
_PATTERN = re.compile(  # tried only at the start of the text and of each line
    rf"[ \t\u3000]*(?:(?P<a>[0-9]{{1,4}}(?:\.[0-9]{{1,3}})*)[.)、](?=\s|$)"
    rf"|[(（](?P<b>[0-9]{{1,3}}|[{_CN}]{{1,3}})[)）]"
    rf"|(?P<c>[{_CN}]{{1,3}})[、．.]"
    rf"|(?P<d>[IVXLІХ]{{1,7}})[.)](?=[ \t\u00a0]))",
)


def candidates(norm: str, text: str) -> list[Candidate]:
    """Section-number candidates at the start of each line of ``norm``."""
    out = []
    line = norm.find("\n")
    if line < 0:  # one line, as most paragraphs and messages are
        if _PATTERN.match(norm) is None:
            return out
        starts = [0]
    else:
        starts = [0]
        while line >= 0:
            starts.append(line + 1)
            line = norm.find("\n", line + 1)
    for offset in starts:
        match = _PATTERN.match(norm, offset)
        if match is None:
            continue
        value = _value(match)
        if value is not None:
            start = match.start()
            while norm[start] in " \t\u3000":
                start += 1
            out.append(candidate(P_SECTION, "section", value, start, match.end()))
    return out


def _value(match: re.Match) -> str | None:
    if match.group("a"):
        return ".".join(str(int(part)) for part in match.group("a").split("."))
    raw = match.group("b") or match.group("c")
    if raw:
        value = to_int(raw)
        return str(value) if value else None
    value = roman_value(match.group("d"))
    return str(value) if value else None


def year_as_section(fact: Fact) -> bool:
    """Whether a section fact is a four-digit year ("2013. President...")."""
    return (
        fact.kind == "section"
        and fact.value.isdigit()
        and len(fact.value) == 4
        and 1000 <= int(fact.value) <= 2199
    )
