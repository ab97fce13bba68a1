"""``clause``: a sentence or clause every other version of a row has and this one lacks.

A version a clause short is shorter than usual, though not enough for the ``omission``
check, and has fewer clauses than each other version. Each version is cut into clauses (at
sentence ends and at , ; : and their full-width forms; a list's short items stay with the
clause they belong to), and the clauses of this version are aligned with each other
version's by length (one to one preferred, two to one allowed), once as they are and once
with a run of the other's clauses left out at one place of this version. The place where
leaving text out helps every other version at once is where the text is missing; when the
lengths cannot tell two neighbouring places apart, the flag covers the clauses between them.
A part holding a number, a date or a glossary name this version has is not the missing
one: it is there, worded apart. The others' text of the missing part is the evidence. With a
single other version (which a loose translation fits as well) the left-out part must hold a
number or a name this version has nowhere. Only rows the alignment is sure of are looked at.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from ..alignment import LOW_CONFIDENCE
from ..flags import Flag
from ..sentences import CLOSING_MARKS, END_MARKS
from .base import Check, Document, Unit, register
from .omission import Stats, _Rows, pair_statistics, text_lengths
from .segments import clauses, letters, missing_anchors

_SHORT_Z = 1.0  # this version shorter than usual by this many spreads...
_SHORT_FACTOR = math.log(1.1)  # ...and by at least this factor, against every other one
_CLAUSE_SPREAD = 2.0  # clauses vary this much more than whole paragraphs
_SMOOTHING = 12  # letters added to both sides of a ratio of short parts
_MIN_MISSING = 0.12  # the missing part is at least this share of the other version
_MIN_MISSING_LETTERS = 8  # and this long (in this version's letters)
_MAX_MISSING = 0.5  # and at most this share (more is the omission check's)
_MIN_GAIN = 2.0  # leaving the part out must align every other version this much better
_MARGIN = 1.0  # places whose total cost is this close to the best one's are as good
_LIST_ITEM_WORDS = 3  # a piece of this many words or fewer before a comma is a list item
# clause beads (this version's clauses, the other's, prior cost)
_BEADS = ((1, 1, 0.0), (2, 1, 2.5), (1, 2, 2.5), (2, 2, 4.0), (1, 3, 5.0), (3, 1, 5.0))
_SKIP = 3.0  # cost of each clause of the other's left out


@register
class ClauseCheck(Check):
    name = "clause"
    severity = "warning"
    description = "a sentence or clause every other version of the row has and this one lacks"

    def run(self, document: Document) -> list[Flag]:
        if document.catalog or len(document.languages) < 2:
            return []
        lengths = [text_lengths(unit, document.languages, letters) for unit in document.units]
        stats = pair_statistics(document, lengths)
        rows = _Rows(document, lengths, stats)
        flags: list[Flag] = []
        for index, unit in enumerate(document.units):
            if not rows.complete[index] or unit.score < LOW_CONFIDENCE:
                continue
            for lang in document.targets:
                if _short(lengths[index], lang, stats) and rows.steady(index, index):
                    flags.extend(self._missing(unit, lang, document, stats))
        return flags

    def _missing(self, unit: Unit, lang: str, document: Document, stats: Stats) -> Iterable[Flag]:
        text = unit.text(lang)
        own = pieces(text)
        if any(len(pieces(unit.text(other))) <= len(own) for other in document.others(lang)):
            return  # some other version has no more clauses than this one
        if len(document.languages) == 2:
            (other,) = document.others(lang)
            if not missing_anchors({lang: text, other: unit.text(other)}, lang) and not (
                {f.value for f in document.facts(unit, other) if not f.weak}
                - {f.value for f in document.facts(unit, lang) if not f.weak}
            ):
                return  # nothing the other has and this lacks could show a lost part
        fits = {}
        known = {fact.value for fact in document.facts(unit, lang) if not fact.weak}
        for other in document.others(lang):
            facts = [
                (fact.start, fact.end, fact.value)
                for fact in document.facts(unit, other)
                if not fact.weak
            ]
            fit = _Fit(own, text, unit.text(other), stats[(lang, other)], known, facts)
            if len(fit.theirs) <= len(own):
                return  # the other has no more clauses than this version
            fits[other] = fit
        totals = {}
        for boundary in range(len(own) + 1):
            found = [fit.gap(boundary) for fit in fits.values()]
            if all(found):
                totals[boundary] = sum(cost for cost, _ in found)
        if not totals:
            return
        best = min(totals.values())
        places = sorted(p for p, total in totals.items() if total <= best + _MARGIN)
        if places[-1] - places[0] + 1 != len(places):
            return  # far-apart places fit as well: the lengths cannot locate anything
        missing = {}
        for other, fit in fits.items():
            gaps = [fit.gap(p) for p in places]
            if fit.without - min(cost for cost, _ in gaps) < _MIN_GAIN:
                return  # this version aligns about as well with nothing left out
            start = min(span[0] for _, span in gaps)
            end = max(span[1] for _, span in gaps)
            missing[other] = unit.text(other)[start:end].strip()
        if len(missing) == 1:
            ((other, fit),) = fits.items()
            part = missing[other]
            where = unit.text(other).find(part)
            lost = {
                value
                for start, end, value in fit.facts
                if where <= start and end <= where + len(part)
            } - known
            if not lost and not missing_anchors({lang: text, other: part}, lang):
                return  # one loose translation fits as well: a number or a name must show it
        start, end = _position(text, own, places[0]), _position(text, own, places[-1])
        what = (
            "sentence"
            if all(_whole_sentences(unit.text(other), part) for other, part in missing.items())
            else "clause"
        )
        names = list(missing)
        others = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        counts = ", ".join(
            [f"{lang} {len(own)}", *(f"{o} {len(fit.theirs)}" for o, fit in fits.items())]
        )
        where = "here" if start == end else "in this part"
        quoted = "; ".join(f'{other} "{_short_text(part)}"' for other, part in missing.items())
        yield self.flag(
            unit,
            lang,
            start,
            end,
            f"{others} {'has' if len(names) == 1 else 'have'} a {what} {where} "
            f"that {lang} lacks (clauses: {counts}): {quoted}",
            evidence=missing,
        )


def pieces(text: str) -> list[tuple[int, int]]:
    """The clauses of ``text`` (``segments.clauses``), with a list's short items ("Chinese,
    Kazakh and Russian") kept in the clause they belong to: a piece of a few words before a
    comma joins the next one (in scripts that write spaces; Chinese lists use 、)."""
    spans = clauses(text)
    merged: list[tuple[int, int]] = []
    carry = None
    for k, (start, end) in enumerate(spans):
        piece = text[start:end].strip()
        item = (
            piece.endswith(",")
            and " " in piece
            and len(piece.split()) <= _LIST_ITEM_WORDS
            and k + 1 < len(spans)
        )
        first = start if carry is None else carry
        if item:
            carry = first
            continue
        merged.append((first, end))
        carry = None
    return merged


def _short(lengths: dict[str, int], lang: str, stats: Stats) -> bool:
    """Whether ``lang`` is shorter than usual against every other version of the row."""
    if not lengths[lang]:
        return False
    for other, size in lengths.items():
        if other == lang:
            continue
        if not size or (lang, other) not in stats:
            return False
        center, spread = stats[(lang, other)]
        if math.log(lengths[lang] / size) - center > -max(_SHORT_Z * spread, _SHORT_FACTOR):
            return False
    return True


class _Fit:
    """The clauses of this version and one other, aligned by length, with or without a run
    of the other's clauses left out."""

    def __init__(
        self,
        own: list[tuple[int, int]],
        text: str,
        other_text: str,
        stat: tuple[float, float],
        known: set[str],
        facts: list[tuple[int, int, str]],
    ) -> None:
        center, spread = stat
        self.theirs = pieces(other_text)
        self.other_text = other_text
        scale = math.exp(center)  # other-language letters -> this language's
        self.mine = [letters(text[a:b]) for a, b in own]
        self.sizes = [letters(other_text[a:b]) * scale for a, b in self.theirs]
        self.spread = spread * _CLAUSE_SPREAD
        self.known, self.facts = known, facts
        self._gaps: dict[int, tuple[float, tuple[int, int]] | None] = {}
        self.without = self._cost(0, len(self.mine), 0, len(self.theirs))

    def gap(self, boundary: int) -> tuple[float, tuple[int, int]] | None:
        """(cost, span in the other's text) of the best alignment that leaves a run of the
        other's clauses out at ``boundary`` of this version's clauses; None if none will."""
        if boundary in self._gaps:
            return self._gaps[boundary]
        total = sum(self.sizes)
        best = None
        for a in range(len(self.theirs)):
            head = self._cost(0, boundary, 0, a)
            if head == math.inf:
                continue
            for b in range(a + 1, len(self.theirs) + 1):
                size = sum(self.sizes[a:b])
                if size > _MAX_MISSING * total:
                    break
                if size < max(_MIN_MISSING * total, _MIN_MISSING_LETTERS):
                    continue
                span = (self.theirs[a][0], self.theirs[b - 1][1])
                if any(
                    span[0] <= start and end <= span[1] and value in self.known
                    for start, end, value in self.facts
                ):
                    continue  # this version has that part's numbers or names: it is there
                cost = (
                    head
                    + _SKIP * (b - a)
                    + self._cost(boundary, len(self.mine), b, len(self.theirs))
                )
                if best is None or cost < best[0]:
                    best = (cost, span)
        self._gaps[boundary] = best
        return best

    def _cost(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """The cost of the best alignment of this version's clauses [i0, i1) with the
        other's [j0, j1), every clause in a bead."""
        n, m = i1 - i0, j1 - j0
        if n == 0 or m == 0:
            return 0.0 if n == m else math.inf
        best = [[math.inf] * (m + 1) for _ in range(n + 1)]
        best[0][0] = 0.0
        for i in range(n + 1):
            for j in range(m + 1):
                here = best[i][j]
                if here == math.inf:
                    continue
                for di, dj, prior in _BEADS:
                    ni, nj = i + di, j + dj
                    if ni > n or nj > m:
                        continue
                    x = sum(self.mine[i0 + i : i0 + ni])
                    y = sum(self.sizes[j0 + j : j0 + nj])
                    z = math.log((x + _SMOOTHING) / (y + _SMOOTHING)) / self.spread
                    best[ni][nj] = min(best[ni][nj], here + prior + z * z)
        return best[n][m]


def _position(text: str, own: list[tuple[int, int]], boundary: int) -> int:
    """The offset in ``text`` of clause boundary ``boundary``: before the end punctuation
    of the last clause when the text is missing at the end."""
    if boundary < len(own):
        return own[boundary][0]
    end = len(text.rstrip())
    while end > 0 and text[end - 1] in END_MARKS + CLOSING_MARKS:
        end -= 1
    return end


def _whole_sentences(text: str, part: str) -> bool:
    """Whether ``part`` of ``text`` is one or more whole sentences."""
    before = text[: text.find(part)].rstrip()
    return (not before or before[-1] in END_MARKS) and part.rstrip()[-1:] in END_MARKS


def _short_text(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
