"""``alignment``: rows the aligner is not confident about.

A wrong row makes every other check compare unrelated paragraphs, so a reviewer should look
at low-confidence rows first. The aligner's score (0..1) is the evidence; so is a paragraph
it left alone near another version's paragraph left alone (a loose translation it could not
match): the ``omission`` check stays silent there, so as not to restate the aligner's doubt
as a lost paragraph and an added one.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..flags import Flag
from .base import Check, Document, Unit, register

THRESHOLD = 0.5
NEARBY = 2  # rows apart that two lone paragraphs of different versions may belong together


@register
class AlignmentCheck(Check):
    name = "alignment"
    severity = "warning"
    description = (
        f"rows the aligner is not confident about (score below {THRESHOLD}); "
        "paragraphs left alone near another version's"
    )

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold

    def run(self, document: Document) -> list[Flag]:
        if document.catalog:
            return []
        present = [
            tuple(lang for lang in document.languages if unit.text(lang).strip())
            for unit in document.units
        ]
        flags: list[Flag] = []
        for index, unit in enumerate(document.units):
            flags.extend(self._low(unit, document, present[index]))
            flags.extend(self._unpaired(index, document, present))
        return flags

    def _low(self, unit: Unit, document: Document, present: tuple[str, ...]) -> Iterable[Flag]:
        if unit.score >= self.threshold or len(present) < len(document.languages):
            return  # a row with an empty cell scores low by construction: see _unpaired
        counts = ", ".join(f"{lang} {len(unit.cells[lang].parts)}" for lang in document.languages)
        yield self.flag(
            unit,
            present[0],
            0,
            0,
            f"the aligner is not sure these paragraphs belong together "
            f"(score {unit.score:.2f}; paragraphs per language: {counts})",
        )

    def _unpaired(
        self, index: int, document: Document, present: list[tuple[str, ...]]
    ) -> Iterable[Flag]:
        """A row with a version missing, followed within ``NEARBY`` rows by one holding
        just such a version's paragraph while missing one this row has."""
        here = set(present[index])
        if not here or len(here) == len(document.languages):
            return
        for later in range(index + 1, min(len(present), index + NEARBY + 1)):
            there = set(present[later])
            if not there or len(there) == len(document.languages):
                continue
            if there - here and here - there:
                unit, other = document.units[index], document.units[later]
                lang = min(here, key=document.languages.index)
                theirs = sorted(there - here, key=document.languages.index)
                yield self.flag(
                    unit,
                    lang,
                    0,
                    len(unit.text(lang)),
                    f"{_paragraphs(unit, here)} here and {_paragraphs(other, there)}"
                    f" in row {other.id} have no counterpart: the aligner may "
                    f"have paired them wrongly (or one was lost and the other "
                    f"added); see rows {unit.id}–{other.id}",
                    evidence={t: other.text(t)[:120] for t in theirs},
                )
                return


def _paragraphs(unit: Unit, langs) -> str:
    found = [
        f"{lang} ¶{unit.cells[lang].parts[0]}"
        for lang in unit.cells
        if lang in langs and unit.cells[lang].parts
    ]
    return " and ".join(found)
