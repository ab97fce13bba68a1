"""Numbers a catalog's plural forms must each keep.

The number check compares a plural entry's numbers by value over all its forms: a
singular form may write its count as a word ("одну строку" for "1 row"), so a "1" missing
from one form is no loss. A number that msgid and msgid_plural both write is no count,
though ("returned %d row (expected 1)", "... rows (expected 1)"): every form says it, and a
form that lacks it while the others have it has lost it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import Document, Unit

_NUMBER = re.compile(r"\d+")


def _numbers(document: Document, text: str) -> set[str]:
    return set(_NUMBER.findall(document.masked(text))) if text else set()


def lost_in_forms(unit: Unit, document: Document, lang: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, number) of each msgstr form lacking a number both msgid forms write and
    another msgstr form keeps."""
    source, target = unit.cells[document.source], unit.cells.get(lang)
    if target is None or len(source.parts) < 2 or len(target.parts) < 2:
        return
    spans = list(source.part_spans())
    common = set.intersection(*(_numbers(document, source.text[a:b]) for a, b in spans))
    if not common:
        return
    forms = [(a, b, _numbers(document, target.text[a:b])) for a, b in target.part_spans()]
    for number in sorted(common):
        if any(number in found for _, _, found in forms):
            for start, end, found in forms:
                if number not in found:
                    yield start, end, number
