"""``alignment``: rows the aligner is not confident about.

A wrong row makes every other check compare unrelated paragraphs, so a reviewer should look
at low-confidence rows first. The aligner's score (0..1) is the evidence.
"""

from __future__ import annotations

from typing import Iterable

from ..flags import Flag
from .base import Document, RowCheck, Unit, register

THRESHOLD = 0.5


@register
class AlignmentCheck(RowCheck):
    name = "alignment"
    severity = "warning"
    description = f"rows the aligner is not confident about (score below {THRESHOLD})"

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold

    def check_unit(self, unit: Unit, document: Document) -> Iterable[Flag]:
        if document.catalog or unit.score >= self.threshold:
            return
        present = [lang for lang in document.languages if unit.text(lang)]
        if len(present) < len(document.languages):
            return  # a row with an empty cell scores low by construction; `omission` says so
        counts = ", ".join(f"{lang} {len(unit.cells[lang].parts)}" for lang in document.languages)
        yield self.flag(unit, present[0], 0, 0,
                        f"the aligner is not sure these paragraphs belong together "
                        f"(score {unit.score:.2f}; paragraphs per language: {counts})")
