"""``placeholder``: template tokens (``<>``, ``{0}``, ``%s``, ``@@``, ``[[...]]``, ``###``).

In a document such tokens are debris of a translation pipeline: one that the other versions
do not have is flagged. In a catalog they are program placeholders: msgstr must carry the same
ones as msgid (a missing or extra ``%s`` breaks the program), in any order.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from ..flags import Flag
from .base import Document, RowCheck, Unit, register
from .tokens import placeholders


def _key(token: str) -> str:
    """Compare printf conversions without their position: ``%1$s`` and ``%s`` are one kind."""
    if token.startswith("%"):
        return re.sub(r"^%\d+\$", "%", token)
    return re.sub(r"\s+", "", token)


@register
class PlaceholderCheck(RowCheck):
    name = "placeholder"
    severity = "error"
    description = "leftover template tokens (<>, {0}, %s, @@, [[...]], ###) the source lacks"

    def check_unit(self, unit: Unit, document: Document) -> Iterable[Flag]:
        if document.catalog:
            return self._catalog(unit, document)
        return self._document(unit, document)

    def _document(self, unit: Unit, document: Document) -> Iterable[Flag]:
        for lang in document.targets:
            text = unit.text(lang)
            found = document.placeholders(text)
            if not found:
                continue
            elsewhere: set[str] = set()
            for other in document.others(lang):
                elsewhere.update(_key(token) for _, _, token in
                                 document.placeholders(unit.text(other)))
            for start, end, token in found:
                if _key(token) in elsewhere:
                    continue
                yield self.flag(unit, lang, start, end,
                                f"leftover placeholder \"{token}\" — the other versions have "
                                "text here")

    def _catalog(self, unit: Unit, document: Document) -> Iterable[Flag]:
        source_cell = unit.cells[document.source]
        plural = len(source_cell.parts) > 1
        source_tokens = Counter(_key(t) for _, _, t in placeholders(source_cell.text))
        for lang in document.targets:
            cell = unit.cells[lang]
            for part, (cell_start, cell_end) in zip(cell.parts, cell.part_spans()):
                text = cell.text[cell_start:cell_end]
                found = placeholders(text)
                counts = Counter(_key(t) for _, _, t in found)
                for start, end, token in found:
                    if _key(token) not in source_tokens:
                        yield self.flag(unit, lang, cell_start + start, cell_start + end,
                                        f"placeholder \"{token}\" is not in msgid",
                                        evidence={document.source: source_cell.text})
                if plural:
                    continue  # a plural form may legitimately spell out its number
                missing = [t for t, n in source_tokens.items() if counts[t] < n]
                if missing:
                    yield self.flag(unit, lang, cell_start, cell_start,
                                    f"msgstr lacks {', '.join(missing)} from msgid",
                                    evidence={document.source: source_cell.text},
                                    expected=" ".join(missing))

