"""``omission``: a version much shorter (or longer) than usual for its language pair; empty cells.

How long Chinese is against Russian depends on the pair and the text, so every pair's
length ratio is measured on the document itself (median and median absolute deviation of the
log ratio over all rows, leaving out versions left as copies of another). A cell is an
outlier when it is off against every other version of its row, which also tells which
version lost (or gained) text. Cells the alignment left empty while other versions have text
are reported too.
"""

from __future__ import annotations

import math
from statistics import median
from typing import Iterable

from ..flags import Flag
from .base import Check, Document, Unit, register

_MIN_ROWS = 8            # rows needed to trust a pair's distribution
_ROBUST_Z = 3.5          # deviations (in robust standard deviations) that make an outlier
_MIN_FACTOR = math.log(1.7)  # and at least this far from the usual ratio
_MIN_CHARS = 50          # the longer side must be this long (names-only lines vary)
_MIN_SPREAD = 0.12       # floor of the robust spread, in log units


def _length(text: str) -> int:
    """Characters without spaces (Chinese has none; the others should not count theirs)."""
    return len(text) - text.count(" ")


@register
class OmissionCheck(Check):
    name = "omission"
    severity = "warning"
    description = "length-ratio outliers against the document's own distribution; empty cells"

    def run(self, document: Document) -> list[Flag]:
        lengths = [_lengths(unit, document.languages) for unit in document.units]
        stats = _pair_statistics(document, lengths)
        flags: list[Flag] = []
        for unit, unit_lengths in zip(document.units, lengths):
            flags.extend(self._empty(unit, document))
            flags.extend(self._outliers(unit, document, stats, unit_lengths))
        return flags

    def _empty(self, unit: Unit, document: Document) -> Iterable[Flag]:
        if document.catalog:
            return
        present = [lang for lang in document.languages if unit.text(lang).strip()]
        if not present:
            return
        absent = [lang for lang in document.languages if lang not in present]
        if len(present) == 1 and len(absent) >= 2:
            # one version alone: an extra paragraph there, or a row the alignment got wrong
            lang = present[0]
            if lang in document.targets:
                yield self.flag(unit, lang, 0, len(unit.text(lang)),
                                f"only {lang} has text in this row: an extra paragraph, or "
                                "the alignment needs fixing")
            return
        for lang in absent:
            if lang in document.targets:
                yield self.flag(unit, lang, 0, 0,
                                f"no {lang} text in this row; {', '.join(present)} have some",
                                evidence={other: unit.text(other)[:80] for other in present})

    def _outliers(self, unit: Unit, document: Document,
                  stats: dict[tuple[str, str], tuple[float, float]],
                  lengths: dict[str, int]) -> Iterable[Flag]:
        sizes = {lang: len(unit.text(lang)) for lang in document.languages}
        for lang in document.targets:
            if not lengths[lang]:
                continue
            deviations = []
            shorter = longer = True
            for other in document.others(lang):
                if not lengths[other] or (lang, other) not in stats:
                    continue
                if max(sizes[lang], sizes[other]) < _MIN_CHARS:
                    continue  # short texts vary too much to tell
                center, spread = stats[(lang, other)]
                deviation = math.log(lengths[lang] / lengths[other]) - center
                limit = max(_MIN_FACTOR, _ROBUST_Z * spread)
                shorter = shorter and deviation < -limit
                longer = longer and deviation > limit
                if not (shorter or longer):
                    break  # usual against this version: no outlier (it must be against all)
                deviations.append((deviation, other))
            if not deviations or not (shorter or longer):
                continue
            factor = math.exp(min(abs(d) for d, _ in deviations))
            names = ", ".join(other for _, other in deviations)
            message = (f"{'shorter' if shorter else 'longer'} than usual by a factor of "
                       f"{factor:.1f} against {names}: "
                       f"{'something left out?' if shorter else 'something added?'}")
            yield self.flag(unit, lang, 0, len(unit.text(lang)), message,
                            evidence={o: unit.text(o)[:80] for _, o in deviations})


def _lengths(unit: Unit, languages) -> dict[str, int]:
    """Each version's length; 0 for a version identical to another one of its row (an
    untranslated copy: the language check reports it, and its ratio of 1 would both skew the
    pair's usual ratio and look like an outlier against a real translation)."""
    texts = {lang: unit.text(lang) for lang in languages}
    seen: dict[str, int] = {}
    for text in texts.values():
        if text.strip():
            seen[text] = seen.get(text, 0) + 1
    return {lang: 0 if seen.get(text, 0) > 1 else _length(text) for lang, text in texts.items()}


def _pair_statistics(document: Document, lengths: list[dict[str, int]]
                     ) -> dict[tuple[str, str], tuple[float, float]]:
    """(median, robust standard deviation) of log(len(a)/len(b)) for every ordered pair."""
    stats = {}
    for a in document.languages:
        for b in document.languages:
            if a == b:
                continue
            ratios = []
            for unit_lengths in lengths:
                la, lb = unit_lengths[a], unit_lengths[b]
                if la and lb:
                    ratios.append(math.log(la / lb))
            if len(ratios) < _MIN_ROWS:
                continue
            center = median(ratios)
            spread = 1.4826 * median(abs(r - center) for r in ratios)
            stats[(a, b)] = (center, max(spread, _MIN_SPREAD))
    return stats
