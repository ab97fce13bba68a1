"""``empty``: a catalog entry left without a translation where the catalog is finished, and a
plural entry with some forms translated and others empty.

To gettext an empty msgstr is "untranslated", not an error: msgfmt leaves the entry out and
the program shows msgid. In a catalog still being translated the empty entries are the work
to do, which ``msgattrib --untranslated`` or the translator's editor lists; flagging each
would bury the damage under the to-do list. In a finished catalog (at least
``_FINISHED`` of its entries translated) an empty entry is a slip — a message missed, a
translation deleted — and the reviewer wants it shown: those are flagged (as info). A plural
entry with some forms empty is always flagged: msgfmt keeps the entry, and for those counts
the program shows an empty string. Fuzzy entries are the translator's own marked to-do and are
left alone.
"""

from __future__ import annotations

from ..flags import Flag
from .base import Check, Document, register

_FINISHED = 0.95  # share of a catalog's entries translated for it to count as finished


@register
class EmptyCheck(Check):
    name = "empty"
    severity = "info"
    description = "an empty msgstr in a finished catalog; a plural entry with some forms left empty"

    def run(self, document: Document) -> list[Flag]:
        if not document.catalog:
            return []
        flags = []
        lang = document.targets[0]
        translated = len(document.units)
        total = translated + len(document.empty)
        if document.empty and translated >= _FINISHED * total:
            for index in document.empty:
                flags.append(
                    Flag(
                        self.name,
                        self.severity,
                        lang,
                        f"msgstr is empty: the program shows msgid untranslated; "
                        f"the catalog translates {translated} of its {total} "
                        f"entries",
                        entry=index,
                    )
                )
        for unit in document.units:
            cell = unit.cells.get(lang)
            if cell is None or len(cell.parts) < 2:
                continue
            spans = list(cell.part_spans())
            if document.plural_forms:
                spans = spans[: document.plural_forms]  # forms beyond nplurals are never used
            empty = [
                form for form, (start, end) in enumerate(spans) if not cell.text[start:end].strip()
            ]
            if empty and len(empty) < len(spans):
                for form in empty:
                    start = spans[form][0]
                    flags.append(
                        self.flag(
                            unit,
                            lang,
                            start,
                            start,
                            f"msgstr[{form}] is empty while the other plural "
                            f"forms are translated: for those counts the "
                            f"program shows an empty string",
                            severity="error",
                            evidence={document.source: unit.text(document.source)[:80]},
                        )
                    )
        return flags
