"""The quantities of one version of a unit, as the ``quantity`` check compares them: each
strong number with its sign, the unit written after it (``facts.units``; the fields of a clock
time carry hours, minutes, seconds), whether it sits in a compound adjective ("16-bit"), its
part (plural form, paragraph); printf placeholders followed by a unit ("%3$d千字节"), told
apart by the argument they print; printf fields with a width ("%-20s")."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import NamedTuple

from ..facts import Fact
from ..facts.units import is_negative, unit_after
from .base import Document, Unit
from .number import without_arguments

_KINDS = frozenset({"number", "percent", "ordinal"})  # "#2" is 第2
_POSITIONAL = re.compile(r"%(\d+)\$")


class Quantity(NamedTuple):
    """A strong number of one version, with what stands around it."""

    fact: Fact
    negative: bool
    units: frozenset[str] | None
    unit_start: int
    unit_end: int
    compound: bool  # "16-bit", "8-битном": a number inside an adjective
    part: int  # which part of the cell: a plural form, a paragraph (-1: a placeholder)
    end_of_range: bool = False  # one end of a range ("from 5 to 10" is 5, then 10)
    weak: bool = False  # a number in words ("zero bytes"): its unit counts, not its place

    @property
    def value(self) -> str:
        return self.fact.value


def read_quantities(document: Document, unit: Unit, lang: str) -> list[Quantity]:
    text = unit.text(lang)
    cleaned = without_arguments(document.masked(text))
    cell = unit.cells[lang]
    found = []
    facts = document.facts(unit, lang)
    clock = _clock_units(text, facts)
    for fact in facts:
        if cleaned[fact.start : fact.end].isspace() or (fact.weak and fact.kind != "number"):
            continue
        part = bisect_right(cell.starts, fact.start) - 1 if cell.starts else 0
        if fact.kind == "range" and "/" not in fact.value:
            low, high = fact.value.replace("%", "").split("-", 1)
            found.extend(
                Quantity(
                    fact._replace(kind="number", value=end),
                    k == 0 and is_negative(text, fact.start),
                    None,
                    fact.end,
                    fact.end,
                    False,
                    part,
                    True,
                )
                for k, end in enumerate((low, high))
            )
            continue
        if fact.kind not in _KINDS:
            continue
        after = unit_after(text, fact.end) if fact.kind == "number" else None
        units, start, end = after if after is not None else (None, fact.end, fact.end)
        if units is None:
            units = clock.get(fact.start)
        compound = (
            text[fact.end : fact.end + 1] in "-‐" and text[fact.end + 1 : fact.end + 2].isalpha()
        )
        found.append(
            Quantity(
                fact,
                is_negative(text, fact.start),
                units,
                start,
                end,
                compound,
                part,
                weak=fact.weak,
            )
        )
    found.extend(_slots(document, cell, text))
    return found


_CLOCK_FIELDS = {
    3: (frozenset({"h"}), frozenset({"min"}), frozenset({"s"})),
    2: (frozenset({"h", "min"}), frozenset({"min", "s"})),  # 15:30 or 1:30 (m:ss)
}


def _clock_units(text: str, facts: Iterable[Fact]) -> dict[int, frozenset[str]]:
    """The units of the fields of clock times ("23:13:48": hours, minutes, seconds), by
    start: a translation that writes "23时13分48秒" carries them, and "48分钟" has changed
    one. Fields after the first have two digits; a longer chain is no clock."""
    chains: list[list[Fact]] = []
    for fact in facts:
        if fact.kind != "number" or not fact.text.isdigit():
            chains.append([])
            continue
        last = chains[-1][-1] if chains and chains[-1] else None
        if last is not None and text[last.end : fact.start] == ":" and len(fact.text) == 2:
            chains[-1].append(fact)
        else:
            chains.append([fact])
    units = {}
    for chain in chains:
        fields = _CLOCK_FIELDS.get(len(chain))
        if fields is None or text[chain[-1].end : chain[-1].end + 1] == ":":
            continue
        if chain[0].start and text[chain[0].start - 1] == ":":
            continue
        units.update((fact.start, field) for fact, field in zip(chain, fields))
    return units


def _slots(document: Document, cell, text: str) -> Iterable[Quantity]:
    """Placeholders followed by a unit ("%d seconds", "%s МБ", "{size} KB"): the number comes
    at run time, the unit is the translator's. Each is told apart by the argument it prints
    (``_arguments``: "%3$d" in a msgstr is msgid's third "%d"), else by its token and its
    place among the same tokens of its part (plural form), so "%d мин. %d мин." for
    "%d min %d s" is seen."""
    tokens = document.placeholders(text)
    arguments = _arguments(tokens, cell)
    seen: dict[tuple[int, str], int] = {}
    for (start, end, token), argument in zip(tokens, arguments):
        if token[0] not in "%{" or token == "%%":
            continue
        part = cell.locate(start, end)[0] if cell.starts else None
        index = seen[part, token] = seen.get((part, token), -1) + 1
        after = unit_after(text, end)
        if after is None:
            continue
        units, unit_start, unit_end = after
        value = f"%{argument}$" if argument else f"{token}#{index}"
        slot = Fact("slot", value, start, end, token)
        yield Quantity(slot, False, units, unit_start, unit_end, False, -1)


_FIELD = re.compile(r"%(\d+\$)?([-+ 0#']*)(\d+)")  # a printf field with a width: "%-20.127s"


def printf_fields(
    document: Document, unit: Unit, lang: str
) -> dict[int, list[tuple[int, int, str, bool]]]:
    """The printf fields with a width in ``lang``'s text, by argument: (start, end, token,
    left-justified). Empty when the arguments cannot be told apart (``_arguments``)."""
    text = unit.text(lang)
    if "%" not in text:
        return {}
    tokens = document.placeholders(text)
    found: dict[int, list[tuple[int, int, str, bool]]] = {}
    for (start, end, token), argument in zip(tokens, _arguments(tokens, unit.cells[lang])):
        field = _FIELD.match(token)
        if argument is None or field is None:
            continue
        found.setdefault(argument, []).append((start, end, token, "-" in field.group(2)))
    return found


def justified(token: str, left: bool) -> str:
    """``token`` with its minus flag added or taken away ("%20s" -> "%-20s")."""
    field = _FIELD.match(token)
    flags = field.group(2).replace("-", "")
    flags = ("-" + flags) if left else flags
    return token[: field.start(2)] + flags + token[field.end(2) :]


def _arguments(tokens: list[tuple[int, int, str]], cell) -> list[int | None]:
    """The printf argument each token prints, by part: "%3$d" prints the third, an
    unnumbered "%d" the next one. None for every token of a part that is not printf alone
    ("{size}", "%%" aside) or whose widths take arguments ("%*d"): there the place is
    unknown."""
    found: list[int | None] = []
    by_part: dict[int | None, list[int]] = {}
    for k, (start, end, token) in enumerate(tokens):
        found.append(None)
        if token == "%%" or token[0] != "%":
            continue
        part = cell.locate(start, end)[0] if cell.starts else None
        by_part.setdefault(part, []).append(k)
    for indices in by_part.values():
        if any("*" in tokens[k][2] for k in indices):
            continue
        following = 0
        for k in indices:
            numbered = _POSITIONAL.match(tokens[k][2])
            following = int(numbered.group(1)) if numbered else following + 1
            found[k] = following
    return found
